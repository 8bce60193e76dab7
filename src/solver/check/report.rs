//! What the checker reports: each broken rule or soft penalty paid
//! ([`Violation`]), and the whole report with its totals by constraint,
//! worker and person ([`CheckReport`]).

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::ids::{PersonId, SessionId, WorkerId};
use crate::solver::score::{Constraint, Level, Score};

/// One broken rule or one soft penalty paid, with what it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Violation {
    /// The constraint.
    pub constraint: Constraint,
    /// How much it counts in the score at the constraint's level, weights
    /// applied (minutes, days, counts or pence, as the constraint says).
    pub amount: i64,
    /// The worker concerned, if any.
    pub worker: Option<WorkerId>,
    /// The session concerned, if any.
    pub session: Option<SessionId>,
    /// The person supported by that session, or whose continuity it is.
    pub person: Option<PersonId>,
    /// The day index concerned (the session's day, the first day of a run, a
    /// week or a weekly-rest block), if any.
    pub day: Option<usize>,
}

impl Violation {
    /// The level the violation scores at.
    pub fn level(&self) -> Level {
        self.constraint.level()
    }
}

/// The result of [`check`](super::check): the roster's score and every term that makes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckReport {
    /// The whole score: at each level, the sum of the amounts of the
    /// violations at that level.
    pub score: Score,
    /// Every nonzero term, sorted by constraint, then worker, day, session
    /// and person.
    pub violations: Vec<Violation>,
}

impl CheckReport {
    /// Whether no hard rule is broken.
    pub fn is_feasible(&self) -> bool {
        self.hard_violations().next().is_none()
    }

    /// The violations of hard rules.
    pub fn hard_violations(&self) -> impl Iterator<Item = &Violation> {
        self.violations
            .iter()
            .filter(|v| v.constraint.level() == Level::Hard)
    }

    /// The total amount per constraint, for constraints with a nonzero
    /// total, in [`Constraint`] order.
    pub fn by_constraint(&self) -> Vec<(Constraint, i64)> {
        let mut totals: BTreeMap<Constraint, i64> = BTreeMap::new();
        for v in &self.violations {
            let t = totals.entry(v.constraint).or_insert(0);
            *t = t.saturating_add(v.amount);
        }
        totals.into_iter().filter(|&(_, t)| t != 0).collect()
    }

    /// The score of the violations that name each worker, sorted by worker
    /// id; workers with no violation are left out. Terms that concern no one
    /// worker (cover, budgets, fairness, continuity) are in no entry.
    pub fn by_worker(&self) -> Vec<(WorkerId, Score)> {
        let mut totals: BTreeMap<WorkerId, Score> = BTreeMap::new();
        for v in &self.violations {
            if let Some(w) = &v.worker {
                add_to(totals.entry(w.clone()).or_default(), v);
            }
        }
        totals.into_iter().collect()
    }

    /// The score of the violations that name each person (through the
    /// session concerned, or their continuity), sorted by person id.
    pub fn by_person(&self) -> Vec<(PersonId, Score)> {
        let mut totals: BTreeMap<PersonId, Score> = BTreeMap::new();
        for v in &self.violations {
            if let Some(p) = &v.person {
                add_to(totals.entry(p.clone()).or_default(), v);
            }
        }
        totals.into_iter().collect()
    }
}

fn add_to(score: &mut Score, v: &Violation) {
    let slot = match v.level() {
        Level::Hard => &mut score.hard,
        Level::Unfilled => &mut score.unfilled,
        Level::Soft => &mut score.soft,
    };
    *slot = slot.saturating_add(v.amount);
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Constraint::*;
        if let Some(w) = &self.worker {
            write!(f, "{w}: ")?;
        }
        let a = self.amount;
        let s = |n: i64| if n == 1 { "" } else { "s" };
        write!(f, "{} (", self.constraint.describe())?;
        match self.constraint {
            MissingTag | Refused | DayOff | Unavailable | OutsideAvailability | YoungNight
            | NightSessionLength => write!(f, "{a} min of work")?,
            Overlap => write!(f, "{a} min overlap")?,
            Travel | DailyRest | WeeklyRest => write!(f, "shortfall {a} min")?,
            OneSessionPerDay => write!(f, "{a} extra session{}", s(a))?,
            AverageWeek | NightAverage | YoungHours => write!(f, "{a} min over")?,
            WeeklyMinutes | TotalMinutes => write!(f, "{a} min outside the limits")?,
            MaxPerKind => write!(f, "{a} session{} too many", s(a))?,
            MaxConsecutiveDays => write!(f, "{a} day{} too many", s(a))?,
            MinConsecutiveDays | MinConsecutiveDaysOff => write!(f, "{a} day{} short", s(a))?,
            MaxWeekends => write!(f, "{a} weekend{} too many", s(a))?,
            Succession => write!(f, "{a} time{}", s(a))?,
            Budget => write!(
                f,
                "over by {}£{}.{:02}",
                if a < 0 { "-" } else { "" },
                a.unsigned_abs() / 100,
                a.unsigned_abs() % 100
            )?,
            OverCover => write!(f, "{a} extra worker{}", s(a))?,
            Pin => write!(f, "{a} missing")?,
            Unfilled => write!(f, "{a} priority-weighted min")?,
            _ => write!(f, "penalty {a}")?,
        }
        write!(f, ")")?;
        if let Some(session) = &self.session {
            write!(f, " in session {session}")?;
        }
        if let Some(person) = &self.person {
            write!(f, " for {person}")?;
        }
        if let Some(day) = self.day {
            write!(f, " on day {day}")?;
        }
        Ok(())
    }
}

impl fmt::Display for CheckReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "score: {}", self.score)?;
        if self.is_feasible() {
            writeln!(f, " (no hard rule broken)")?;
        } else {
            writeln!(f, " (hard rules broken)")?;
        }
        for v in &self.violations {
            writeln!(f, "- {v}")?;
        }
        Ok(())
    }
}
