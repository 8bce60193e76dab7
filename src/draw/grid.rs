//! A week of a rota as a text grid: days across, start times down.

use chrono::{Datelike, Duration, NaiveDate};
use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::{clock, day_name};
use crate::rota::RotaEntry;

/// The seven days from `monday` as a text grid: a column a day, headed by
/// its name and date (Monday … Sunday), a row for each start time, and in
/// each cell what happens (to `cell` characters) and who supports it by
/// first name. A seat nobody could take shows as `UNFILLED`; a session
/// with no paid support shows `-`.
///
/// `entries` outside the seven days are left out; pass one person's entries
/// for their week, or all for everyone's.
///
/// ```
/// use chrono::NaiveDate;
/// use perfect_week::draw::week_grid;
///
/// let monday = NaiveDate::from_ymd_opt(2026, 3, 23).ok_or("date")?;
/// let grid = week_grid(&[], monday, 12);
/// let header = grid.lines().next().ok_or("no header")?;
/// assert!(header.starts_with("      | Monday 23    | Tuesday 24   |"));
/// assert!(header.ends_with("| Sunday 29    |"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn week_grid(entries: &[RotaEntry], monday: NaiveDate, cell: usize) -> String {
    let cell = cell.max(4);
    let days: Vec<NaiveDate> = (0..7).map(|d| monday + Duration::days(d)).collect();
    let week: Vec<&RotaEntry> = entries
        .iter()
        .filter(|e| e.date >= monday && e.date < monday + Duration::days(7))
        .collect();
    let starts: BTreeSet<_> = week.iter().map(|e| e.local_start.time()).collect();

    let mut out = String::new();
    let row = |out: &mut String, first: &str, cells: &[String]| {
        let _ = write!(out, "{first:<5} ");
        for text in cells {
            let _ = write!(out, "| {:<cell$} ", fit(text, cell));
        }
        out.push_str("|\n");
    };
    let heads: Vec<String> = days
        .iter()
        .map(|d| format!("{} {}", day_name(d.weekday()), d.day()))
        .collect();
    row(&mut out, "", &heads);
    let rule = format!(
        "{}{}\n",
        "-".repeat(6),
        format!("+{}", "-".repeat(cell + 2)).repeat(7)
    );
    out.push_str(&rule);
    for start in starts {
        // Each day's sessions starting then: two lines each.
        let cells: Vec<Vec<String>> = days
            .iter()
            .map(|day| {
                week.iter()
                    .filter(|e| e.date == *day && e.local_start.time() == start)
                    .flat_map(|e| [e.what.clone(), who(e)])
                    .collect()
            })
            .collect();
        let lines = cells.iter().map(Vec::len).max().unwrap_or(0);
        for line in 0..lines {
            let first = if line == 0 {
                clock(start)
            } else {
                String::new()
            };
            let texts: Vec<String> = cells
                .iter()
                .map(|c| c.get(line).cloned().unwrap_or_default())
                .collect();
            row(&mut out, &first, &texts);
        }
        out.push_str(&rule);
    }
    out
}

/// Who supports an entry, by first name, with its empty seats.
fn who(entry: &RotaEntry) -> String {
    if entry.needed == 0 {
        return "-".to_owned();
    }
    let mut names: Vec<String> = entry
        .workers
        .iter()
        .map(|w| {
            w.name
                .split_whitespace()
                .next()
                .unwrap_or(&w.name)
                .to_owned()
        })
        .collect();
    let empty = (entry.needed as usize).saturating_sub(entry.workers.len());
    names.extend((0..empty).map(|_| "UNFILLED".to_owned()));
    names.join(", ")
}

/// Text cut to `width` characters, with an ellipsis when cut.
fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(width - 1).collect();
    cut.push('…');
    cut
}
