//! iCalendar (RFC 5545): one event per session.

use std::fmt::Write as _;

use chrono::{DateTime, Utc};

use crate::ids::{PersonId, WorkerId};
use crate::rota::{Rota, RotaEntry};

/// Which sessions go into a calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CalendarFilter {
    /// Every session.
    All,
    /// One person's sessions.
    Person(PersonId),
    /// One worker's sessions.
    Worker(WorkerId),
}

impl CalendarFilter {
    fn keeps(&self, entry: &RotaEntry) -> bool {
        match self {
            CalendarFilter::All => true,
            CalendarFilter::Person(id) => entry.person.as_ref() == Some(id),
            CalendarFilter::Worker(id) => entry.workers.iter().any(|w| &w.id == id),
        }
    }
}

/// The rota (or the part `filter` keeps) as an iCalendar file. Times are
/// written in UTC, so calendars show them right in any zone, clock changes
/// included; lines are folded at 75 octets and text escaped as RFC 5545
/// requires. `stamp` is every event's `DTSTAMP` (when the rota was
/// published), so the same rota always gives the same file.
///
/// Each event's `SEQUENCE` is the number of whole minutes from 2000-01-01
/// 00:00 UTC to `stamp` (0 for earlier stamps): a rota published later,
/// after a re-plan, carries higher sequence numbers, so calendar programs
/// take its events as updates of the ones they hold (same `UID`) instead
/// of ignoring them. Publish each revision with a later stamp.
///
/// ```
/// # use perfect_week::export::{to_icalendar, CalendarFilter};
/// # fn show(rota: &perfect_week::rota::Rota, now: chrono::DateTime<chrono::Utc>) {
/// let calendar = to_icalendar(rota, &CalendarFilter::All, now);
/// assert!(calendar.starts_with("BEGIN:VCALENDAR"));
/// # }
/// ```
pub fn to_icalendar(rota: &Rota, filter: &CalendarFilter, stamp: DateTime<Utc>) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//perfect-week//rota//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    let (dtstamp, seq) = (utc(stamp), sequence(stamp));
    for entry in rota.entries.iter().filter(|e| filter.keeps(e)) {
        line(&mut out, "BEGIN:VEVENT");
        line(
            &mut out,
            &format!("UID:{}@perfect-week", escape(entry.session.as_str())),
        );
        line(&mut out, &format!("DTSTAMP:{dtstamp}"));
        line(&mut out, &format!("SEQUENCE:{seq}"));
        line(&mut out, &format!("DTSTART:{}", utc(entry.start)));
        line(&mut out, &format!("DTEND:{}", utc(entry.end)));
        let mut summary = entry.what.clone();
        if let Some(person) = &entry.person {
            let _ = write!(summary, " ({person})");
        }
        line(&mut out, &format!("SUMMARY:{}", escape(&summary)));
        let mut description = if entry.needed == 0 {
            String::from("No paid support")
        } else if entry.workers.is_empty() {
            String::from("No worker yet")
        } else {
            format!("With {}", entry.worker_names())
        };
        if !entry.is_filled() {
            let _ = write!(
                description,
                "\nStill needs {} worker(s)",
                entry.needed as usize - entry.workers.len()
            );
        }
        line(&mut out, &format!("DESCRIPTION:{}", escape(&description)));
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

/// Whole minutes from 2000-01-01 00:00 UTC to `stamp`, within 0 ..= i32::MAX
/// (the range calendar programs read).
fn sequence(stamp: DateTime<Utc>) -> i64 {
    let epoch = DateTime::<Utc>::from_timestamp(946_684_800, 0).unwrap_or_default();
    (stamp - epoch).num_minutes().clamp(0, i64::from(i32::MAX))
}

fn utc(instant: DateTime<Utc>) -> String {
    instant.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Escapes text values: backslash, semicolon, comma and newlines.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes a content line folded at 75 octets (never inside a character),
/// ending in CRLF.
fn line(out: &mut String, content: &str) {
    let mut used = 0;
    for c in content.chars() {
        let size = c.len_utf8();
        if used + size > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += size;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequence_counts_minutes_since_2000_and_grows_with_the_stamp() {
        let at = |secs| DateTime::<Utc>::from_timestamp(secs, 0).unwrap_or_default();
        assert_eq!(sequence(at(946_684_800)), 0);
        assert_eq!(sequence(at(946_684_800 + 60)), 1);
        assert_eq!(sequence(at(0)), 0, "stamps before 2000 give 0");
        assert!(sequence(at(1_790_000_000)) > sequence(at(1_780_000_000)));
        assert_eq!(sequence(DateTime::<Utc>::MAX_UTC), i64::from(i32::MAX));
    }

    #[test]
    fn long_lines_fold_at_75_octets() {
        let mut out = String::new();
        line(&mut out, &"é".repeat(100));
        for physical in out.split("\r\n") {
            assert!(physical.len() <= 75, "{physical:?}");
        }
        assert_eq!(out.replace("\r\n ", "").trim_end(), "é".repeat(100));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("tea; milk, no sugar\nthanks"),
            "tea\\; milk\\, no sugar\\nthanks"
        );
    }
}
