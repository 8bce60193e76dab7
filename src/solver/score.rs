//! Scores: three levels compared in order, and the constraints that make them.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A score to minimise, compared level by level: first `hard` (broken hard
/// rules), then `unfilled` (seats of required sessions left empty), then
/// `soft` (weighted preferences). Every level is an integer: time in minutes,
/// money in pence, times each weight.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Score {
    /// Sum of hard-rule violations.
    pub hard: i64,
    /// Sum of unfilled seats weighted by minutes and priority.
    pub unfilled: i64,
    /// Sum of weighted soft penalties.
    pub soft: i64,
}

impl Score {
    /// The zero score.
    pub const ZERO: Score = Score {
        hard: 0,
        unfilled: 0,
        soft: 0,
    };

    /// Whether no hard rule is broken.
    pub fn is_feasible(&self) -> bool {
        self.hard == 0
    }

    /// Adds `amount` at `level`.
    pub fn add(&mut self, level: Level, amount: i64) {
        match level {
            Level::Hard => self.hard += amount,
            Level::Unfilled => self.unfilled += amount,
            Level::Soft => self.soft += amount,
        }
    }
}

impl std::ops::Add for Score {
    type Output = Score;
    fn add(self, other: Score) -> Score {
        Score {
            hard: self.hard + other.hard,
            unfilled: self.unfilled + other.unfilled,
            soft: self.soft + other.soft,
        }
    }
}

impl std::ops::Sub for Score {
    type Output = Score;
    fn sub(self, other: Score) -> Score {
        Score {
            hard: self.hard - other.hard,
            unfilled: self.unfilled - other.unfilled,
            soft: self.soft - other.soft,
        }
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} hard / {} unfilled / {} soft",
            self.hard, self.unfilled, self.soft
        )
    }
}

/// The level a constraint scores at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// A hard rule.
    Hard,
    /// An unfilled seat.
    Unfilled,
    /// A soft preference.
    Soft,
}

/// Every constraint of the problem, as named in a score breakdown. The exact
/// meaning of each is in the documentation of [`crate::solver::problem`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Constraint {
    /// The worker lacks a required tag valid on the day.
    MissingTag,
    /// The worker is refused for the session.
    Refused,
    /// The session falls on one of the worker's days off.
    DayOff,
    /// The session overlaps the worker's leave or unavailability.
    Unavailable,
    /// The session lies outside the worker's declared availability.
    OutsideAvailability,
    /// A young worker in the restricted night period.
    YoungNight,
    /// A night session longer than the absolute night limit.
    NightSessionLength,
    /// Two sessions of one worker overlap.
    Overlap,
    /// Two sessions of one person overlap: they would be in two places.
    PersonOverlap,
    /// Too little travel time between sessions at different places.
    Travel,
    /// More than one session a day.
    OneSessionPerDay,
    /// Daily rest too short.
    DailyRest,
    /// Weekly rest too short.
    WeeklyRest,
    /// Average week over the limit.
    AverageWeek,
    /// Night worker's average day over the limit.
    NightAverage,
    /// Young worker's day or week over the limit.
    YoungHours,
    /// Too many sessions of a kind.
    MaxPerKind,
    /// Minutes in a rota week outside the worker's limits.
    WeeklyMinutes,
    /// Minutes over the horizon outside the worker's limits.
    TotalMinutes,
    /// Too many consecutive worked days.
    MaxConsecutiveDays,
    /// Too few consecutive worked days.
    MinConsecutiveDays,
    /// Too few consecutive days off.
    MinConsecutiveDaysOff,
    /// Too many weekends worked.
    MaxWeekends,
    /// A forbidden succession of kinds on consecutive days.
    Succession,
    /// A budget's cap exceeded.
    Budget,
    /// More workers than a required session takes, or one worker twice.
    OverCover,
    /// A pinned assignment missing.
    Pin,
    /// Seats of required sessions left empty.
    Unfilled,
    /// A preferred head-count missed (under or over).
    Cover,
    /// A flexible session away from the person's first choice of time.
    Placement,
    /// A worker the person did not prefer.
    NotPreferred,
    /// A weak match for the person's matching profile.
    Matching,
    /// Many different workers for one person.
    ContinuityPerson,
    /// Many different workers for one recurring activity.
    ContinuitySeries,
    /// A worker's request not met.
    Request,
    /// An uneven spread between workers.
    Fairness,
    /// Workers' pay.
    Cost,
    /// Changes against the published roster.
    Stability,
}

impl Constraint {
    /// Every constraint, in the order of the enum (and of breakdowns).
    ///
    /// ```
    /// use perfect_week::solver::{Constraint, Level};
    ///
    /// assert!(Constraint::ALL.is_sorted());
    /// assert!(Constraint::ALL.iter().any(|c| c.level() == Level::Unfilled));
    /// ```
    pub const ALL: [Constraint; 38] = [
        Constraint::MissingTag,
        Constraint::Refused,
        Constraint::DayOff,
        Constraint::Unavailable,
        Constraint::OutsideAvailability,
        Constraint::YoungNight,
        Constraint::NightSessionLength,
        Constraint::Overlap,
        Constraint::PersonOverlap,
        Constraint::Travel,
        Constraint::OneSessionPerDay,
        Constraint::DailyRest,
        Constraint::WeeklyRest,
        Constraint::AverageWeek,
        Constraint::NightAverage,
        Constraint::YoungHours,
        Constraint::MaxPerKind,
        Constraint::WeeklyMinutes,
        Constraint::TotalMinutes,
        Constraint::MaxConsecutiveDays,
        Constraint::MinConsecutiveDays,
        Constraint::MinConsecutiveDaysOff,
        Constraint::MaxWeekends,
        Constraint::Succession,
        Constraint::Budget,
        Constraint::OverCover,
        Constraint::Pin,
        Constraint::Unfilled,
        Constraint::Cover,
        Constraint::Placement,
        Constraint::NotPreferred,
        Constraint::Matching,
        Constraint::ContinuityPerson,
        Constraint::ContinuitySeries,
        Constraint::Request,
        Constraint::Fairness,
        Constraint::Cost,
        Constraint::Stability,
    ];

    /// The level this constraint scores at.
    pub fn level(self) -> Level {
        use Constraint::*;
        match self {
            Unfilled => Level::Unfilled,
            Cover | Placement | NotPreferred | Matching | ContinuityPerson | ContinuitySeries
            | Request | Fairness | Cost | Stability => Level::Soft,
            _ => Level::Hard,
        }
    }

    /// A short name in plain words, for explanations.
    pub fn describe(self) -> &'static str {
        use Constraint::*;
        match self {
            MissingTag => "lacks a required skill or characteristic",
            Refused => "is someone the person does not want",
            DayOff => "has a day off",
            Unavailable => "is on leave or unavailable",
            OutsideAvailability => "is outside their available hours",
            YoungNight => "is a young worker and it is at night",
            NightSessionLength => "night session too long",
            Overlap => "double-booked",
            PersonOverlap => "the person would be in two places at once",
            Travel => "not enough travel time between places",
            OneSessionPerDay => "more than one session in a day",
            DailyRest => "too little daily rest",
            WeeklyRest => "too little weekly rest",
            AverageWeek => "over the 48-hour average week",
            NightAverage => "over the night-work average",
            YoungHours => "over young-worker hours",
            MaxPerKind => "too many sessions of this kind",
            WeeklyMinutes => "outside contracted hours for the week",
            TotalMinutes => "outside contracted hours for the rota",
            MaxConsecutiveDays => "too many days in a row",
            MinConsecutiveDays => "too few days in a row",
            MinConsecutiveDaysOff => "too few days off in a row",
            MaxWeekends => "too many weekends",
            Succession => "forbidden shift order",
            Budget => "over budget",
            OverCover => "too many workers on a session",
            Pin => "a fixed assignment is missing",
            Unfilled => "unfilled",
            Cover => "head-count not as wanted",
            Placement => "not at the person's preferred time",
            NotPreferred => "not a worker the person chose",
            Matching => "a weak match",
            ContinuityPerson => "many different workers for the person",
            ContinuitySeries => "many different workers for the activity",
            Request => "worker's request not met",
            Fairness => "uneven spread between workers",
            Cost => "pay",
            Stability => "changed from the published rota",
        }
    }
}

impl fmt::Display for Constraint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}
