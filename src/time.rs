//! Local time in a real time zone, and the one rule for gaps and overlaps.
