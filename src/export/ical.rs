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
    for entry in rota.entries.iter().filter(|e| filter.keeps(e)) {
        line(&mut out, "BEGIN:VEVENT");
        line(
            &mut out,
            &format!("UID:{}@perfect-week", escape(entry.session.as_str())),
        );
        line(&mut out, &format!("DTSTAMP:{}", utc(stamp)));
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
