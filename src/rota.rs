//! A planned rota in the words of care: who supports whom, when, doing what,
//! paid from which money.
//!
//! A [`Rota`] comes from [`crate::plan::Plan::solve`]. Its `Display` is a
//! timetable a person can read; [`Rota::timetable_for`] gives one person's
//! week ("Tuesday 24 March, 10:00–11:30 Swimming, with Sam").

use std::fmt;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::ids::{ActivityId, PersonId, SessionId, WorkerId};
use crate::solver::{Constraint, Roster, Score};
use crate::week::{Funding, RotaPeriod};

/// A planned rota.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rota {
    /// The dates it covers.
    pub period: RotaPeriod,
    /// Every session, in order of start.
    pub entries: Vec<RotaEntry>,
    /// The solver's score of it.
    pub score: Score,
    /// Nonzero score totals per constraint.
    pub breakdown: Vec<(Constraint, i64)>,
    /// The roster behind it, in the solver's terms (for re-planning).
    pub roster: Roster,
}

/// One session of a rota.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RotaEntry {
    /// The session's id.
    pub session: SessionId,
    /// The local date it starts on.
    pub date: NaiveDate,
    /// Start, as an instant.
    pub start: DateTime<Utc>,
    /// End, as an instant.
    pub end: DateTime<Utc>,
    /// Local start.
    pub local_start: NaiveDateTime,
    /// Local end.
    pub local_end: NaiveDateTime,
    /// What it is: the activity's name, or the core shift's role.
    pub what: String,
    /// The person supported, if any (core shifts support everyone).
    pub person: Option<PersonId>,
    /// The activity of the person's perfect week, if any.
    pub activity: Option<ActivityId>,
    /// What pays for it.
    pub funding: Funding,
    /// The workers on it.
    pub workers: Vec<RotaWorker>,
    /// How many workers it needs.
    pub needed: u32,
    /// What it costs the fund for the workers on it, rounded to the penny.
    #[serde(with = "rust_decimal::serde::str")]
    pub charge: Decimal,
    /// Minutes away from the person's preferred start (flexible activities).
    pub minutes_from_preferred: i64,
}

/// A worker on a rota entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RotaWorker {
    /// Their id.
    pub id: WorkerId,
    /// Their name.
    pub name: String,
}

impl RotaEntry {
    /// Whether every seat is filled.
    pub fn is_filled(&self) -> bool {
        self.workers.len() >= self.needed as usize
    }

    /// Minutes it lasts, in real elapsed time.
    pub fn minutes(&self) -> i64 {
        (self.end - self.start).num_minutes()
    }

    /// Seats still empty (0 when filled).
    pub fn missing(&self) -> u32 {
        self.needed
            .saturating_sub(u32::try_from(self.workers.len()).unwrap_or(u32::MAX))
    }

    /// When and what, in words: "Tuesday 24 March 10:00–11:30 Swimming (ava)".
    pub fn describe(&self) -> String {
        let end_format = if self.local_end.date() == self.local_start.date() {
            "%H:%M"
        } else {
            "%H:%M (next day)"
        };
        let mut text = format!(
            "{} {}–{} {}",
            self.date.format("%A %-d %B"),
            self.local_start.format("%H:%M"),
            self.local_end.format(end_format),
            self.what
        );
        if let Some(person) = &self.person {
            text.push_str(&format!(" ({person})"));
        }
        text
    }

    /// The workers' names, joined with "and".
    pub fn worker_names(&self) -> String {
        let names: Vec<&str> = self.workers.iter().map(|w| w.name.as_str()).collect();
        match names.split_last() {
            None => String::new(),
            Some((last, [])) => (*last).to_owned(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        }
    }
}

impl Rota {
    /// The entries for one person.
    pub fn for_person<'a>(&'a self, person: &'a PersonId) -> impl Iterator<Item = &'a RotaEntry> {
        self.entries
            .iter()
            .filter(move |e| e.person.as_ref() == Some(person))
    }

    /// The entries a worker is on.
    pub fn for_worker<'a>(&'a self, worker: &'a WorkerId) -> impl Iterator<Item = &'a RotaEntry> {
        self.entries
            .iter()
            .filter(move |e| e.workers.iter().any(|w| &w.id == worker))
    }

    /// The entry of a session, if the rota has it.
    pub fn entry(&self, session: &SessionId) -> Option<&RotaEntry> {
        self.entries.iter().find(|e| &e.session == session)
    }

    /// The entries with a seat still empty (each counted once, however many
    /// seats it misses: see [`Rota::unfilled_seats`]).
    pub fn unfilled(&self) -> impl Iterator<Item = &RotaEntry> {
        self.entries.iter().filter(|e| !e.is_filled())
    }

    /// Seats still empty, over every entry.
    pub fn unfilled_seats(&self) -> u64 {
        self.entries.iter().map(|e| u64::from(e.missing())).sum()
    }

    /// Worker-minutes still uncovered: each empty seat times its entry's
    /// length in real elapsed minutes.
    pub fn unfilled_minutes(&self) -> i64 {
        self.entries
            .iter()
            .map(|e| i64::from(e.missing()) * e.minutes())
            .sum()
    }

    /// One person's week, to print for them.
    pub fn timetable_for<'a>(&'a self, person: &'a PersonId, name: &'a str) -> Timetable<'a> {
        Timetable {
            title: format!("{name}'s timetable"),
            entries: self.for_person(person).collect(),
            show_person: false,
        }
    }

    /// Everyone's sessions, to print.
    pub fn timetable(&self) -> Timetable<'_> {
        Timetable {
            title: format!(
                "Rota from {} to {}",
                self.period.start.format("%A %-d %B %Y"),
                self.period.end().format("%A %-d %B %Y")
            ),
            entries: self.entries.iter().collect(),
            show_person: true,
        }
    }

    /// Total charged to each kind of funding.
    pub fn charges(&self) -> Vec<(Funding, Decimal)> {
        let mut totals: Vec<(Funding, Decimal)> = Vec::new();
        for entry in &self.entries {
            match totals.iter_mut().find(|(f, _)| *f == entry.funding) {
                Some((_, total)) => *total += entry.charge,
                None => totals.push((entry.funding, entry.charge)),
            }
        }
        totals
    }
}

impl fmt::Display for Rota {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.timetable().fmt(f)
    }
}

/// A printable list of rota entries, grouped by day.
#[derive(Debug, Clone)]
pub struct Timetable<'a> {
    title: String,
    entries: Vec<&'a RotaEntry>,
    show_person: bool,
}

impl fmt::Display for Timetable<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.title)?;
        writeln!(f, "{}", "=".repeat(self.title.chars().count()))?;
        let mut day = None;
        for entry in &self.entries {
            if day != Some(entry.date) {
                day = Some(entry.date);
                writeln!(f)?;
                writeln!(f, "{}", entry.date.format("%A %-d %B"))?;
            }
            let end_format = if entry.local_end.date() == entry.local_start.date() {
                "%H:%M"
            } else {
                "%H:%M (next day)"
            };
            write!(
                f,
                "  {}–{}  {}",
                entry.local_start.format("%H:%M"),
                entry.local_end.format(end_format),
                entry.what
            )?;
            if self.show_person
                && let Some(person) = &entry.person
            {
                write!(f, " ({person})")?;
            }
            if entry.needed == 0 {
                writeln!(f, "  no paid support")?;
                continue;
            }
            if !entry.workers.is_empty() {
                write!(f, ", with {}", entry.worker_names())?;
            }
            if !entry.is_filled() {
                let missing = entry.needed as usize - entry.workers.len();
                write!(
                    f,
                    "  [still needs {missing} worker{}]",
                    if missing == 1 { "" } else { "s" }
                )?;
            }
            if entry.minutes_from_preferred != 0 {
                write!(
                    f,
                    "  (moved {} min from the preferred time)",
                    entry.minutes_from_preferred
                )?;
            }
            writeln!(f)?;
        }
        Ok(())
    }
}
