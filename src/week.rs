//! The perfect week: the week a person wants, activity by activity.
//!
//! A [`PerfectWeek`] lists what the person does each day, when, for how long,
//! with what support and paid from which money. Each [`Activity`] is either
//! *fixed* (it starts at a set time) or *flexible* (the person gives a window
//! and the time they would like best; the rota may move it within the window,
//! at a soft cost per minute away from their choice). A [`RotaPeriod`] lays
//! the week onto real dates in a real time zone, one or more weeks long.
//!
//! Validation refuses a session longer than its kind allows, a sleep-in that
//! does not cover the night, two activities of the person that overlap
//! whatever times the rota picks, and an activity that asks for skills or
//! named workers but needs no worker: see [`SessionLimits`].
//!
//! ```
//! use chrono::{NaiveTime, Weekday};
//! use perfect_week::week::{Activity, Funding, PerfectWeek, Timing};
//!
//! let swim = Activity::new("swim", "Swimming at the leisure centre", Weekday::Tue,
//!     Timing::fixed(NaiveTime::from_hms_opt(10, 0, 0).ok_or("bad time")?), 90)
//!     .funded_by(Funding::Flexi);
//! let week = PerfectWeek::new("ava", vec![swim]);
//! week.validate()?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::HashSet;

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::error::{ValidationError, ValidationErrors};
use crate::ids::{
    ActivityId, MatchRowId, OutcomeId, PersonId, PlaceId, SkillId, TraitId, WorkerId,
};
use crate::money::ChargeKind;
use crate::words::clock;

mod end;
mod limits;
mod skills;

pub use limits::SessionLimits;

/// A person's perfect week: [`PerfectWeek::new`], then
/// [`PerfectWeek::with_activity`] for each thing they do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PerfectWeek {
    /// Whose week it is.
    pub person: PersonId,
    /// What they do, in any order.
    pub activities: Vec<Activity>,
}

/// One thing the person does in their week. [`Activity::from_to`] makes one
/// at set clock times, [`Activity::new`] one at a start (fixed or flexible)
/// for some minutes; the `with_*` methods say the rest:
///
/// ```
/// use perfect_week::chrono::{NaiveTime, Weekday};
/// use perfect_week::{Activity, Funding, Support, Timing};
///
/// let at = |h, m| NaiveTime::from_hms_opt(h, m, 0).ok_or("time");
/// let swim = Activity::from_to("swim", "Swimming", Weekday::Tue, at(10, 0)?, at(11, 30)?)
///     .with_support(Support::new(1).with_skill("lifeguard"))
///     .at("leisure-centre")
///     .with_priority(5);
/// assert_eq!(swim.minutes, 90);
/// let shop = Activity::new("shop", "Food shopping", Weekday::Thu,
///     Timing::flexible(at(9, 0)?, at(13, 0)?, at(10, 0)?), 90)
///     .funded_by(Funding::Flexi);
/// assert_eq!(shop.start_options().len(), 6); // 09:00, 09:30 … 11:30
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Activity {
    /// Unique within the week.
    pub id: ActivityId,
    /// What it is, in the person's words ("Swimming at the leisure centre").
    pub name: String,
    /// The day of the week.
    pub day: Weekday,
    /// When it starts: fixed or flexible.
    pub timing: Timing,
    /// How long it lasts, in minutes (with [`Activity::end`], its length on
    /// the clock).
    pub minutes: u32,
    /// The local clock time it ends at, if it is given as a clock time (a
    /// fixed start only). The clock time wins: on every date the session
    /// runs from the local start to this local end (at or before the start:
    /// the next day) in real time, so on the night of a clock change it is
    /// an hour longer or shorter than `minutes`; `minutes` must be the
    /// length on the clock, and the limits of [`SessionLimits`] apply to it.
    /// See [`Activity::until`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveTime>,
    /// Where it happens (for travel gaps between sessions).
    #[serde(default)]
    pub place: Option<PlaceId>,
    /// The support it needs.
    #[serde(default)]
    pub support: Support,
    /// What pays for it.
    #[serde(default)]
    pub funding: Funding,
    /// How it is charged to the fund (ordinary support, a waking night or a
    /// sleep-in).
    #[serde(default = "ordinary_support")]
    pub charge: ChargeKind,
    /// How much it matters, 1 (least) to 5 (most): an unfilled activity of
    /// priority 5 weighs five times one of priority 1.
    #[serde(default = "default_priority")]
    pub priority: u8,
    /// The outcomes of the person's support plan it serves.
    #[serde(default)]
    pub outcomes: Vec<OutcomeId>,
}

fn default_priority() -> u8 {
    3
}

fn ordinary_support() -> ChargeKind {
    ChargeKind::Support
}

impl Activity {
    /// A 1:1 activity with no special needs, paid from the person's flexi
    /// allocation, priority 3. Refine it with the `with_*` methods or by
    /// setting fields.
    pub fn new(
        id: impl Into<ActivityId>,
        name: impl Into<String>,
        day: Weekday,
        timing: Timing,
        minutes: u32,
    ) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            day,
            timing,
            minutes,
            end: None,
            place: None,
            support: Support::default(),
            funding: Funding::default(),
            charge: ChargeKind::Support,
            priority: default_priority(),
            outcomes: Vec::new(),
        }
    }

    /// A 1:1 activity from local `start` to local `end` (at or before
    /// `start`: the next day) on `day`, paid from the person's flexi
    /// allocation, priority 3: [`Activity::new`] with a fixed start, then
    /// [`Activity::until`] `end`.
    pub fn from_to(
        id: impl Into<ActivityId>,
        name: impl Into<String>,
        day: Weekday,
        start: NaiveTime,
        end: NaiveTime,
    ) -> Self {
        Self::new(id, name, day, Timing::fixed(start), 0).until(end)
    }

    /// Sets how it is charged to the fund (ordinary support, a waking night
    /// or a sleep-in).
    pub fn with_charge(mut self, charge: ChargeKind) -> Self {
        self.charge = charge;
        self
    }

    /// Sets what pays for it.
    pub fn funded_by(mut self, funding: Funding) -> Self {
        self.funding = funding;
        self
    }

    /// Sets the support it needs.
    pub fn with_support(mut self, support: Support) -> Self {
        self.support = support;
        self
    }

    /// Sets where it happens.
    pub fn at(mut self, place: impl Into<PlaceId>) -> Self {
        self.place = Some(place.into());
        self
    }

    /// Sets its priority (1–5).
    pub fn with_priority(mut self, priority: u8) -> Self {
        self.priority = priority;
        self
    }

    /// Links it to outcomes of the support plan.
    pub fn serving(mut self, outcomes: impl IntoIterator<Item = OutcomeId>) -> Self {
        self.outcomes.extend(outcomes);
        self
    }

    /// The start times it may take, each with its penalty in minutes away
    /// from the person's choice: one for a fixed activity; every
    /// `step_minutes` through the window for a flexible one.
    pub fn start_options(&self) -> Vec<(NaiveTime, i64)> {
        match &self.timing {
            Timing::Fixed { start } => vec![(*start, 0)],
            Timing::Flexible {
                earliest,
                latest_end,
                preferred,
                step_minutes,
            } => {
                let step = i64::from((*step_minutes).max(1));
                let window_end = minutes_of_day(*latest_end) - i64::from(self.minutes);
                let preferred = minutes_of_day(*preferred);
                let mut at = minutes_of_day(*earliest);
                let mut options = Vec::new();
                while at <= window_end {
                    if let Some(time) = time_of_minutes(at) {
                        options.push((time, (at - preferred).abs()));
                    }
                    at += step;
                }
                options
            }
        }
    }

    /// Checks the activity on its own; problems are named by `item`.
    fn check(&self, item: &str, limits: &SessionLimits, errors: &mut Vec<ValidationError>) {
        if self.name.trim().is_empty() {
            errors.push(ValidationError::Empty {
                item: format!("{item} name"),
            });
        }
        self.check_end(item, errors);
        if self.minutes == 0 {
            errors.push(ValidationError::OutOfRange {
                item: format!("{item} minutes"),
                value: "0".into(),
                expected: "at least 1 minute".into(),
            });
        }
        if self.minutes > 24 * 60 {
            errors.push(ValidationError::OutOfRange {
                item: format!("{item} minutes"),
                value: self.minutes.to_string(),
                expected: "at most 24 hours".into(),
            });
        } else if self.support.workers > 0 {
            let starts = self
                .start_options()
                .into_iter()
                .map(|(t, _)| minutes_of_day(t));
            if let Some(expected) = limits.length_problem(self.charge, self.minutes, starts) {
                errors.push(ValidationError::OutOfRange {
                    item: format!("{item} minutes"),
                    value: self.minutes.to_string(),
                    expected,
                });
            }
        }
        if self.support.workers == 0 {
            let support = &self.support;
            for (asks, what) in [
                (!support.skills.is_empty(), "skills"),
                (!support.characteristics.is_empty(), "characteristics"),
                (!support.preferred.is_empty(), "preferred workers"),
                (!support.refused.is_empty(), "refused workers"),
                (support.match_row.is_some(), "a matching-profile row"),
            ] {
                if asks {
                    errors.push(ValidationError::Conflict {
                        item: format!("{item} support"),
                        reason: format!("asks for {what} but its support ratio is 0 workers"),
                    });
                }
            }
        }
        if self.support.workers > Support::MAX_WORKERS {
            errors.push(ValidationError::OutOfRange {
                item: format!("{item} support workers"),
                value: self.support.workers.to_string(),
                expected: format!("at most {} workers at once", Support::MAX_WORKERS),
            });
        }
        if !(1..=5).contains(&self.priority) {
            errors.push(ValidationError::OutOfRange {
                item: format!("{item} priority"),
                value: self.priority.to_string(),
                expected: "1 to 5".into(),
            });
        }
        if let Timing::Flexible {
            earliest,
            latest_end,
            preferred,
            ..
        } = &self.timing
        {
            let room = minutes_of_day(*latest_end) - minutes_of_day(*earliest);
            if room < i64::from(self.minutes) {
                errors.push(ValidationError::OutOfRange {
                    item: format!("{item} window"),
                    value: format!("{}–{}", clock(*earliest), clock(*latest_end)),
                    expected: format!("room for {} minutes", self.minutes),
                });
            }
            if preferred < earliest
                || minutes_of_day(*preferred) + i64::from(self.minutes)
                    > minutes_of_day(*latest_end)
            {
                errors.push(ValidationError::OutOfRange {
                    item: format!("{item} preferred start"),
                    value: clock(*preferred),
                    expected: format!("a start inside {}–{}", clock(*earliest), clock(*latest_end)),
                });
            }
        }
        if self.support.workers == 0 && matches!(self.funding, Funding::Flexi | Funding::Core) {
            errors.push(ValidationError::OutOfRange {
                item: format!("{item} support workers"),
                value: "0".into(),
                expected: "at least 1 for a paid activity".into(),
            });
        }
        let mut seen = HashSet::new();
        for worker in &self.support.preferred {
            if self.support.refused.contains(worker) {
                errors.push(ValidationError::Conflict {
                    item: format!("{item} worker \"{worker}\""),
                    reason: "both preferred and refused".into(),
                });
            }
            if !seen.insert(worker) {
                errors.push(ValidationError::DuplicateId {
                    item: format!("{item} preferred workers"),
                    id: worker.to_string(),
                });
            }
        }
    }
}

fn minutes_of_day(time: NaiveTime) -> i64 {
    i64::from(time.hour_minute().0) * 60 + i64::from(time.hour_minute().1)
}

fn time_of_minutes(minutes: i64) -> Option<NaiveTime> {
    let minutes = u32::try_from(minutes).ok()?;
    NaiveTime::from_hms_opt(minutes / 60, minutes % 60, 0)
}

trait HourMinute {
    fn hour_minute(&self) -> (u32, u32);
}

impl HourMinute for NaiveTime {
    fn hour_minute(&self) -> (u32, u32) {
        use chrono::Timelike;
        (self.hour(), self.minute())
    }
}

/// When an activity starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Timing {
    /// At a set time.
    Fixed {
        /// Local start time.
        start: NaiveTime,
    },
    /// At a time the rota chooses within the person's window.
    Flexible {
        /// Earliest local start.
        earliest: NaiveTime,
        /// Latest local end (on the same day).
        latest_end: NaiveTime,
        /// The start the person would like best.
        preferred: NaiveTime,
        /// The steps in which the start may move, in minutes.
        step_minutes: u32,
    },
}

impl Timing {
    /// A fixed start.
    pub fn fixed(start: NaiveTime) -> Self {
        Timing::Fixed { start }
    }

    /// A flexible start within `earliest ..= latest_end − minutes`, best at
    /// `preferred`, moving in half-hour steps.
    pub fn flexible(earliest: NaiveTime, latest_end: NaiveTime, preferred: NaiveTime) -> Self {
        Timing::Flexible {
            earliest,
            latest_end,
            preferred,
            step_minutes: 30,
        }
    }
}

/// The support an activity needs. Start from [`Support::new`] (or
/// [`Support::default`], one worker) and add what it asks for:
///
/// ```
/// use perfect_week::Support;
///
/// // Two workers at once, both holding "moving-and-handling", one of them
/// // Sam if possible, never Lee.
/// let support = Support::new(2)
///     .with_skill("moving-and-handling")
///     .with_preferred("sam")
///     .with_refused("lee");
/// assert_eq!(support.workers, 2);
/// assert_eq!(support.skills, vec!["moving-and-handling".into()]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// A struct literal is refused outside the crate (the type may grow):
///
/// ```compile_fail,E0639
/// use perfect_week::Support;
///
/// let support = Support { workers: 2, ..Support::default() };
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Support {
    /// How many workers, each covering the whole activity: 0 (none), 1 (1:1),
    /// 2 (2:1) or more.
    pub workers: u8,
    /// Skills or qualifications every worker needs, valid on the date.
    #[serde(default)]
    pub skills: Vec<SkillId>,
    /// Characteristics every worker must have (e.g. `female` for intimate
    /// care): a hard requirement.
    #[serde(default)]
    pub characteristics: Vec<TraitId>,
    /// Workers the person would like.
    #[serde(default)]
    pub preferred: Vec<WorkerId>,
    /// Workers the person does not want for this activity (on top of those
    /// they never want, in their matching profile).
    #[serde(default)]
    pub refused: Vec<WorkerId>,
    /// The row of the person's matching profile this activity draws on.
    #[serde(default)]
    pub match_row: Option<MatchRowId>,
}

impl Default for Support {
    fn default() -> Self {
        Self {
            workers: 1,
            skills: Vec::new(),
            characteristics: Vec::new(),
            preferred: Vec::new(),
            refused: Vec::new(),
            match_row: None,
        }
    }
}

impl Support {
    /// The most workers at once an activity may need (4:1 support); more
    /// is refused by validation.
    pub const MAX_WORKERS: u8 = 4;

    /// Support by `workers` at once (1 for 1:1, 2 for 2:1), each covering
    /// the whole activity, with no skill, characteristic or worker asked
    /// for. `Support::new(0)` needs no worker (an unpaid activity).
    pub fn new(workers: u8) -> Self {
        Self {
            workers,
            ..Self::default()
        }
    }

    /// The same support, every worker holding `skill` on the date.
    pub fn with_skill(mut self, skill: impl Into<SkillId>) -> Self {
        self.skills.push(skill.into());
        self
    }

    /// The same support, every worker having `characteristic` (a hard
    /// requirement, such as `female` for intimate care).
    pub fn with_characteristic(mut self, characteristic: impl Into<TraitId>) -> Self {
        self.characteristics.push(characteristic.into());
        self
    }

    /// The same support, the person preferring `worker`.
    pub fn with_preferred(mut self, worker: impl Into<WorkerId>) -> Self {
        self.preferred.push(worker.into());
        self
    }

    /// The same support, the person refusing `worker` for this activity.
    pub fn with_refused(mut self, worker: impl Into<WorkerId>) -> Self {
        self.refused.push(worker.into());
        self
    }

    /// The same support, drawing on `row` of the person's matching profile.
    pub fn with_match_row(mut self, row: impl Into<MatchRowId>) -> Self {
        self.match_row = Some(row.into());
        self
    }
}

/// What pays for an activity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Funding {
    /// The person's own flexi hours from their Individual Service Fund.
    #[default]
    Flexi,
    /// The service's shared core staffing.
    Core,
    /// Unpaid support (family, friends).
    Unpaid,
    /// A community resource (a club, a class) with no paid support.
    Community,
}

impl PerfectWeek {
    /// `person`'s week of `activities` (in any order).
    pub fn new(person: impl Into<PersonId>, activities: Vec<Activity>) -> Self {
        Self {
            person: person.into(),
            activities,
        }
    }

    /// The same week with one more activity.
    pub fn with_activity(mut self, activity: Activity) -> Self {
        self.activities.push(activity);
        self
    }

    /// Checks every activity and reports every problem found: empty names,
    /// zero durations or ones longer than [`SessionLimits::default`] allows
    /// for the kind, a sleep-in that does not cover the night, windows too
    /// small, priorities out of range, duplicate activity ids, workers both
    /// preferred and refused, skills or named workers asked of an activity
    /// with no worker, and two activities that overlap at every time they may
    /// take (see [`SessionLimits`]).
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        self.validate_with(&SessionLimits::default())
    }

    /// [`PerfectWeek::validate`] with other session limits.
    pub fn validate_with(&self, limits: &SessionLimits) -> Result<(), ValidationErrors> {
        let mut errors = Vec::new();
        let mut ids = HashSet::new();
        let item = |a: &Activity| format!("person \"{}\" activity \"{}\"", self.person, a.id);
        for activity in &self.activities {
            if !ids.insert(&activity.id) {
                errors.push(ValidationError::DuplicateId {
                    item: format!("person \"{}\" activities", self.person),
                    id: activity.id.to_string(),
                });
            }
            activity.check(&item(activity), limits, &mut errors);
        }
        let spans: Vec<_> = self
            .activities
            .iter()
            .filter_map(|a| Some((a, limits::Span::of(a)?)))
            .collect();
        for (i, (a, span_a)) in spans.iter().enumerate() {
            for (b, span_b) in &spans[i + 1..] {
                if span_a.must_overlap(span_b) {
                    errors.push(ValidationError::Overlapping {
                        item: item(a),
                        other: item(b),
                    });
                }
            }
        }
        ValidationErrors::check(errors)
    }
}

/// The dates a rota covers: whole weeks from a first date, in a time zone:
/// [`RotaPeriod::new`].
///
/// A period may start on any weekday. Its rota weeks then run from that
/// weekday: a period starting on a Wednesday has weeks from Wednesday
/// 00:00 to the next Wednesday 00:00, and the weekly contract limits, young
/// workers' weekly limit and [`WeekCount::Clipped`](crate::WeekCount)'s
/// cut at the start of each rota week all count in those weeks, not in
/// calendar weeks from Monday. The period's dates and the day after its
/// last must exist in the calendar (validation refuses a start too near
/// [`NaiveDate::MAX`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RotaPeriod {
    /// The first date.
    pub start: NaiveDate,
    /// How many weeks, at least one.
    pub weeks: u32,
    /// The zone local times are in.
    pub zone: Tz,
}

impl RotaPeriod {
    /// A period of `weeks` weeks from `start` in `zone`.
    pub fn new(start: NaiveDate, weeks: u32, zone: Tz) -> Self {
        Self { start, weeks, zone }
    }

    /// Every date of the period, in order (at most [`Self::MAX_WEEKS`] weeks).
    pub fn dates(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        (0..i64::from(self.weeks) * 7)
            .filter_map(|offset| self.start.checked_add_signed(Duration::days(offset)))
    }

    /// The dates of the period that fall on `day`.
    pub fn dates_on(&self, day: Weekday) -> impl Iterator<Item = NaiveDate> + '_ {
        self.dates().filter(move |date| date.weekday() == day)
    }

    /// The last date of the period.
    pub fn end(&self) -> NaiveDate {
        let days = i64::from(self.weeks.max(1)) * 7 - 1;
        self.start
            .checked_add_signed(Duration::days(days))
            .unwrap_or(NaiveDate::MAX)
    }

    /// Whether `date` falls in the period.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end()
    }

    /// The longest period a plan accepts, in weeks (ten years).
    pub const MAX_WEEKS: u32 = 520;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN)
    }

    #[test]
    fn flexible_activity_offers_every_step_in_its_window() {
        let walk = Activity::new(
            "walk",
            "Walk by the river",
            Weekday::Sat,
            Timing::flexible(time(9, 0), time(12, 0), time(10, 0)),
            60,
        );
        let options = walk.start_options();
        let starts: Vec<_> = options.iter().map(|(t, _)| *t).collect();
        assert_eq!(
            starts,
            vec![
                time(9, 0),
                time(9, 30),
                time(10, 0),
                time(10, 30),
                time(11, 0)
            ]
        );
        let penalties: Vec<_> = options.iter().map(|(_, p)| *p).collect();
        assert_eq!(penalties, vec![60, 30, 0, 30, 60]);
    }

    #[test]
    fn validation_reports_every_problem() {
        let mut bad = Activity::new("a", "", Weekday::Mon, Timing::fixed(time(9, 0)), 0);
        bad.priority = 9;
        let mut clash = Activity::new("a", "Cinema", Weekday::Fri, Timing::fixed(time(19, 0)), 150);
        clash.support.preferred = vec!["sam".into()];
        clash.support.refused = vec!["sam".into()];
        let week = PerfectWeek::new("ava", vec![bad, clash]);
        let errors: Vec<String> = week
            .validate()
            .err()
            .map(|e| e.errors().iter().map(ToString::to_string).collect())
            .unwrap_or_default();
        // empty name, zero minutes, priority, duplicate id, preferred and refused
        let a = "person \"ava\" activity \"a\"";
        assert_eq!(
            errors,
            vec![
                format!("{a} name: must not be empty"),
                format!("{a} minutes: 0 is out of range (expected at least 1 minute)"),
                format!("{a} priority: 9 is out of range (expected 1 to 5)"),
                "person \"ava\" activities: id \"a\" appears more than once".to_string(),
                format!("{a} worker \"sam\": both preferred and refused"),
            ]
        );
    }

    #[test]
    fn period_lists_whole_weeks_of_dates() {
        let start = NaiveDate::from_ymd_opt(2026, 3, 23).unwrap_or(NaiveDate::MIN);
        let period = RotaPeriod::new(start, 2, chrono_tz::Europe::London);
        assert_eq!(period.dates().count(), 14);
        assert_eq!(period.dates_on(Weekday::Sun).count(), 2);
        assert_eq!(
            period.end(),
            NaiveDate::from_ymd_opt(2026, 4, 5).unwrap_or(NaiveDate::MIN)
        );
    }
}
