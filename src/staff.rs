//! Workers: skills, contracts, availability and leave.
