//! A planned rota in the words of care: who supports whom, when, doing what,
//! paid from which money.
//!
//! A [`Rota`] comes from [`crate::plan::Plan::solve`]. Its `Display` is a
//! timetable a person can read; [`Rota::timetable_for`] gives one person's
//! week ("Tuesday 24 March, 10:00–11:30 Swimming, with Sam").
//!
//! # Local times and clock changes
//!
//! Each entry's local start and end carry their offset from UTC
//! ([`RotaEntry::local_start`]), so the two 01:30s of the night the clocks go
//! back are two different times, in JSON (`2026-10-25T01:30:00+01:00` and
//! `2026-10-25T01:30:00Z`, RFC 3339) as in the program.
//!
//! A rota prints a local time with its offset, "01:30 (UTC+01:00)", wherever
//! the clock alone could be read two ways ([`RotaEntry::times`]): where the
//! zone is known (a rota's timetable, its CSV), a clock time the zone shows
//! twice, in the hour the clocks go back; where it is not (one entry
//! described on its own), both times of a session that spans the clocks
//! going back. Every other time prints as "10:00", a night across the
//! spring change included (its length says the rest).

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate, Offset, TimeZone, Utc};
use chrono_tz::Tz;
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
    /// The session's id: see [`SessionRef`](crate::plan::SessionRef) for
    /// what it names and how it is made.
    pub session: SessionId,
    /// The local date it starts on.
    pub date: NaiveDate,
    /// Start, as an instant.
    pub start: DateTime<Utc>,
    /// End, as an instant.
    pub end: DateTime<Utc>,
    /// Local start, with its offset from UTC (see the [module
    /// docs](self#local-times-and-clock-changes)).
    pub local_start: DateTime<FixedOffset>,
    /// Local end, with its offset from UTC.
    pub local_end: DateTime<FixedOffset>,
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

    /// When and what, in words: "Tuesday 24 March 10:00–11:30 Swimming (ava)",
    /// with the times as [`RotaEntry::times`] prints them without a zone.
    pub fn describe(&self) -> String {
        let mut text = format!(
            "{} {} {}",
            self.date.format("%A %-d %B"),
            self.times(None),
            self.what
        );
        if let Some(person) = &self.person {
            text.push_str(&format!(" ({person})"));
        }
        text
    }

    /// The local start and end as a rota prints them: "10:00–11:30",
    /// "22:00–08:00 (next day)", and with offsets where the clock alone could
    /// be read two ways (see the [module docs](self#local-times-and-clock-changes));
    /// `zone` is the rota's ([`RotaPeriod::zone`]), if known.
    ///
    /// ```
    /// use perfect_week::chrono::DateTime;
    /// use perfect_week::chrono_tz::Europe::London;
    /// # use perfect_week::rota::RotaEntry;
    /// # fn entry(start: &str, end: &str) -> Result<RotaEntry, Box<dyn std::error::Error>> {
    /// #     let (start, end) = (DateTime::parse_from_rfc3339(start)?, DateTime::parse_from_rfc3339(end)?);
    /// #     Ok(serde_json::from_value(serde_json::json!({
    /// #         "session": "ava/walk/2026-10-25", "date": "2026-10-25",
    /// #         "start": start.to_utc(), "end": end.to_utc(), "local_start": start, "local_end": end,
    /// #         "what": "Walk", "person": "ava", "activity": "walk", "funding": "flexi",
    /// #         "workers": [], "needed": 1, "charge": "0", "minutes_from_preferred": 0,
    /// #     }))?)
    /// # }
    /// // The night the clocks go back in the UK: an hour from the first 01:30
    /// // ends at the second.
    /// let walk = entry("2026-10-25T01:30:00+01:00", "2026-10-25T01:30:00+00:00")?;
    /// assert_eq!(walk.times(None), "01:30 (UTC+01:00)–01:30 (UTC+00:00)");
    /// assert_eq!(walk.times(Some(London)), "01:30 (UTC+01:00)–01:30 (UTC+00:00)");
    /// // Half an hour from the second 01:30: only the zone tells it apart.
    /// let later = entry("2026-10-25T01:30:00+00:00", "2026-10-25T02:00:00+00:00")?;
    /// assert_eq!(later.times(None), "01:30–02:00");
    /// assert_eq!(later.times(Some(London)), "01:30 (UTC+00:00)–02:00");
    /// // The spring change repeats no clock time: a night across it stays bare.
    /// let night = entry("2026-03-28T20:00:00+00:00", "2026-03-29T08:00:00+01:00")?;
    /// assert_eq!(night.times(Some(London)), "20:00–08:00 (next day)");
    /// assert_eq!(night.times(None), "20:00–08:00 (next day)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn times(&self, zone: Option<Tz>) -> String {
        let next_day = if self.local_end.date_naive() == self.local_start.date_naive() {
            ""
        } else {
            " (next day)"
        };
        format!(
            "{}–{}{next_day}",
            self.start_clock(zone),
            self.end_clock(zone)
        )
    }

    /// The local start's clock time as [`RotaEntry::times`] prints it.
    pub fn start_clock(&self, zone: Option<Tz>) -> String {
        self.clock(&self.local_start, zone)
    }

    /// The local end's clock time as [`RotaEntry::times`] prints it.
    pub fn end_clock(&self, zone: Option<Tz>) -> String {
        self.clock(&self.local_end, zone)
    }

    /// `time` ("HH:MM"), with its offset where the clock alone could be read
    /// two ways: the rule of the [module docs](self#local-times-and-clock-changes).
    fn clock(&self, time: &DateTime<FixedOffset>, zone: Option<Tz>) -> String {
        let could_repeat = match zone {
            Some(zone) => {
                let local = zone.from_local_datetime(&time.naive_local());
                local
                    .earliest()
                    .zip(local.latest())
                    .is_some_and(|(first, second)| first.offset().fix() != second.offset().fix())
            }
            None => {
                self.local_end.offset().local_minus_utc()
                    < self.local_start.offset().local_minus_utc()
            }
        };
        let clock = time.format("%H:%M").to_string();
        if could_repeat {
            format!("{clock} (UTC{})", time.offset())
        } else {
            clock
        }
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
            zone: Some(self.period.zone),
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
            zone: Some(self.period.zone),
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
    zone: Option<Tz>,
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
            write!(f, "  {}  {}", entry.times(self.zone), entry.what)?;
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
