//! Workers: skills, contracts, availability and leave.
//!
//! A [`Worker`] is plain data. Call [`Worker::validate`] once after reading it
//! to get every problem at once; the query methods ([`Worker::has_valid`],
//! [`Worker::is_available`], …) never panic, even on unvalidated data.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Utc, Weekday};
use chrono_tz::Tz;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{
    ValidationError, ValidationErrors, check_not_blank, check_not_negative, check_unique,
};
use crate::ids::{SkillId, TraitId, WorkerId};
use crate::profile::OnePageProfile;
use crate::time::{TimeRange, local_window, resolve_local};

/// The highest hourly rate or pay the crate accepts: £1,000,000 an hour, far
/// above any real one, so that charges and pay over any session count
/// without overflow. Also at [`money::MAX_HOURLY`](crate::money::MAX_HOURLY).
pub const MAX_HOURLY: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);

/// A member of staff. Start from [`Worker::new`] and add what they hold:
///
/// ```
/// use perfect_week::chrono::{NaiveDate, NaiveTime, Weekday};
/// use perfect_week::{AvailabilityWindow, Contract, Leave, LeaveKind, Qualification, Worker};
///
/// let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// let at = |h| NaiveTime::from_hms_opt(h, 0, 0).ok_or("time");
/// let sam = Worker::new("sam", "Sam Ward", date(1990, 6, 1)?,
///         Contract::new(37 * 60, "12.71".parse()?))
///     .with_qualification(Qualification::new("medication").with_expires(date(2027, 1, 31)?))
///     .with_characteristic("calm")
///     .with_interest("football")
///     .with_availability(AvailabilityWindow::new(Weekday::Mon, at(8)?, at(20)?))
///     .with_leave(Leave::new(date(2026, 8, 3)?, date(2026, 8, 7)?, LeaveKind::Annual));
/// sam.validate()?;
/// assert!(sam.has_valid(&"medication".into(), date(2026, 10, 12)?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// A struct literal is refused outside the crate (the type may grow):
///
/// ```compile_fail,E0639
/// use perfect_week::chrono::NaiveDate;
/// use perfect_week::{Contract, Worker};
///
/// let born = NaiveDate::from_ymd_opt(1990, 6, 1).unwrap_or_default();
/// let sam = Worker {
///     name: "Sam Ward".into(),
///     ..Worker::new("sam", "Sam", born, Contract::new(600, "12.71".parse().unwrap_or_default()))
/// };
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Worker {
    /// The worker's id (e.g. a payroll number).
    pub id: WorkerId,
    /// The worker's name.
    pub name: String,
    /// The worker's own one-page profile (used for matching and team work).
    pub profile: OnePageProfile,
    /// Skills and qualifications held, with dates.
    pub qualifications: Vec<Qualification>,
    /// Personality characteristics, matched against a person's matching
    /// profile (`patient`, `calm`, `female`, …).
    pub characteristics: Vec<TraitId>,
    /// Interests that may be shared with the people supported.
    pub interests: Vec<TraitId>,
    /// Contracted hours and pay.
    pub contract: Contract,
    /// Date of birth (young-worker rules apply under 18).
    pub date_of_birth: NaiveDate,
    /// When the worker is available.
    pub availability: Availability,
    /// Approved leave; never rostered over.
    pub leave: Vec<Leave>,
}

/// A skill or qualification held by a worker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Qualification {
    /// The skill.
    pub skill: SkillId,
    /// First day it is valid (`None`: valid from any date).
    pub obtained: Option<NaiveDate>,
    /// Last day it is valid, inclusive (`None`: it does not expire).
    pub expires: Option<NaiveDate>,
}

impl Qualification {
    /// `skill`, valid on every date until given [`Qualification::with_obtained`]
    /// or [`Qualification::with_expires`].
    ///
    /// ```
    /// use perfect_week::Qualification;
    /// use perfect_week::chrono::NaiveDate;
    ///
    /// let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let first_aid = Qualification::new("first-aid")
    ///     .with_obtained(date(2025, 1, 6)?)
    ///     .with_expires(date(2028, 1, 5)?);
    /// assert!(first_aid.is_valid_on(date(2026, 10, 25)?));
    /// assert!(!first_aid.is_valid_on(date(2028, 1, 6)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(skill: impl Into<SkillId>) -> Self {
        Self {
            skill: skill.into(),
            obtained: None,
            expires: None,
        }
    }

    /// The same qualification, valid from `date`.
    pub fn with_obtained(mut self, date: NaiveDate) -> Self {
        self.obtained = Some(date);
        self
    }

    /// The same qualification, valid to `date` inclusive.
    pub fn with_expires(mut self, date: NaiveDate) -> Self {
        self.expires = Some(date);
        self
    }

    /// Whether the qualification is valid on `on` (from `obtained` to
    /// `expires`, both inclusive).
    pub fn is_valid_on(&self, on: NaiveDate) -> bool {
        self.obtained.is_none_or(|from| from <= on) && self.expires.is_none_or(|to| on <= to)
    }
}

/// A worker's contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Contract {
    /// Contracted minimum minutes per week (0 for zero-hours).
    pub min_minutes_per_week: u32,
    /// Maximum minutes per week the worker may be rostered.
    pub max_minutes_per_week: u32,
    /// Hourly pay.
    #[serde(with = "rust_decimal::serde::str")]
    pub hourly_pay: Decimal,
    /// Whether the worker has signed a written opt-out of the 48-hour
    /// average week.
    pub opted_out_of_48h: bool,
}

impl Contract {
    /// A contract of at most `max_minutes_per_week` at `hourly_pay`, with no
    /// minimum (zero hours) and no opt-out of the 48-hour average week.
    ///
    /// ```
    /// use perfect_week::Contract;
    /// use perfect_week::rust_decimal::Decimal;
    ///
    /// // 37.5 hours a week at £12.71.
    /// let full_time = Contract::new(2250, Decimal::new(1271, 2)).with_min_minutes_per_week(2250);
    /// assert_eq!(full_time.min_minutes_per_week, full_time.max_minutes_per_week);
    /// assert!(!full_time.opted_out_of_48h);
    /// ```
    pub fn new(max_minutes_per_week: u32, hourly_pay: Decimal) -> Self {
        Self {
            min_minutes_per_week: 0,
            max_minutes_per_week,
            hourly_pay,
            opted_out_of_48h: false,
        }
    }

    /// The same contract with a weekly minimum of `minutes`.
    pub fn with_min_minutes_per_week(mut self, minutes: u32) -> Self {
        self.min_minutes_per_week = minutes;
        self
    }

    /// The same contract, with a signed opt-out of the 48-hour average week
    /// or not.
    pub fn with_opted_out_of_48h(mut self, opted_out: bool) -> Self {
        self.opted_out_of_48h = opted_out;
        self
    }
}

/// When a worker can work: a weekly pattern and dated exceptions.
///
/// An **empty weekly pattern means available at any time** (apart from the
/// dated unavailability and leave). A non-empty pattern lists the only
/// windows the worker can work.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Availability {
    /// Weekly windows; empty means any time.
    pub weekly: Vec<AvailabilityWindow>,
    /// Dated periods the worker cannot work (appointments, other jobs).
    pub unavailable: Vec<Unavailability>,
}

/// A weekly window of availability in local time: [`AvailabilityWindow::new`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AvailabilityWindow {
    /// The day the window starts on.
    pub weekday: Weekday,
    /// Local start time.
    pub start: NaiveTime,
    /// Local end time; at or before `start` means it ends the next day
    /// (passes midnight).
    pub end: NaiveTime,
}

/// A dated period, in local time, when a worker cannot work:
/// [`Unavailability::new`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Unavailability {
    /// Local start.
    pub from: NaiveDateTime,
    /// Local end.
    pub to: NaiveDateTime,
    /// Why (optional, for people reading the rota).
    pub reason: String,
}

impl AvailabilityWindow {
    /// Available on `weekday` from local `start` to local `end` (at or
    /// before `start`: the next day).
    pub fn new(weekday: Weekday, start: NaiveTime, end: NaiveTime) -> Self {
        Self {
            weekday,
            start,
            end,
        }
    }
}

impl Unavailability {
    /// Not available from local `from` to local `to`, for `reason` (may be
    /// empty).
    pub fn new(from: NaiveDateTime, to: NaiveDateTime, reason: impl Into<String>) -> Self {
        Self {
            from,
            to,
            reason: reason.into(),
        }
    }
}

/// A period of approved leave, by whole days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Leave {
    /// First day of leave.
    pub from: NaiveDate,
    /// Last day of leave (inclusive).
    pub to: NaiveDate,
    /// The kind of leave.
    pub kind: LeaveKind,
}

impl Leave {
    /// Leave of `kind` from `from` to `to`, both inclusive.
    ///
    /// ```
    /// use perfect_week::chrono::NaiveDate;
    /// use perfect_week::{Leave, LeaveKind};
    ///
    /// let monday = NaiveDate::from_ymd_opt(2026, 8, 3).ok_or("date")?;
    /// let friday = NaiveDate::from_ymd_opt(2026, 8, 7).ok_or("date")?;
    /// let holiday = Leave::new(monday, friday, LeaveKind::Annual);
    /// assert_eq!(holiday.to, friday);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(from: NaiveDate, to: NaiveDate, kind: LeaveKind) -> Self {
        Self { from, to, kind }
    }
}

/// Kinds of leave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum LeaveKind {
    /// Annual (holiday) leave.
    Annual,
    /// Sickness absence.
    Sickness,
    /// Training away from work.
    Training,
    /// Parental or family leave.
    Family,
    /// Any other approved absence, described.
    Other(String),
}

impl Worker {
    /// A worker with the given id, name, date of birth and contract, available
    /// at any time, with no qualifications, characteristics or leave yet.
    pub fn new(
        id: impl Into<WorkerId>,
        name: impl Into<String>,
        date_of_birth: NaiveDate,
        contract: Contract,
    ) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            profile: OnePageProfile::default(),
            qualifications: Vec::new(),
            characteristics: Vec::new(),
            interests: Vec::new(),
            contract,
            date_of_birth,
            availability: Availability::default(),
            leave: Vec::new(),
        }
    }

    /// The same worker holding `qualification`.
    pub fn with_qualification(mut self, qualification: Qualification) -> Self {
        self.qualifications.push(qualification);
        self
    }

    /// The same worker with a personality characteristic (`calm`,
    /// `female`, …), matched against a person's matching profile.
    pub fn with_characteristic(mut self, characteristic: impl Into<TraitId>) -> Self {
        self.characteristics.push(characteristic.into());
        self
    }

    /// The same worker with an interest that may be shared.
    pub fn with_interest(mut self, interest: impl Into<TraitId>) -> Self {
        self.interests.push(interest.into());
        self
    }

    /// The same worker with approved leave.
    pub fn with_leave(mut self, leave: Leave) -> Self {
        self.leave.push(leave);
        self
    }

    /// The same worker available in `window` each week (once any window is
    /// given, only the windows given).
    pub fn with_availability(mut self, window: AvailabilityWindow) -> Self {
        self.availability.weekly.push(window);
        self
    }

    /// The same worker not available for a dated period.
    pub fn with_unavailability(mut self, unavailable: Unavailability) -> Self {
        self.availability.unavailable.push(unavailable);
        self
    }

    /// The same worker with their own one-page profile.
    pub fn with_profile(mut self, profile: OnePageProfile) -> Self {
        self.profile = profile;
        self
    }

    /// Whether the worker holds `skill`, valid on `on`.
    pub fn has_valid(&self, skill: &SkillId, on: NaiveDate) -> bool {
        self.qualifications
            .iter()
            .any(|q| &q.skill == skill && q.is_valid_on(on))
    }

    /// Age in whole years on `date` (0 if `date` is before the birth date).
    pub fn age_on(&self, date: NaiveDate) -> u32 {
        date.years_since(self.date_of_birth).unwrap_or(0)
    }

    /// Whether the worker is under 18 on `date` (young-worker rules apply).
    pub fn is_young_worker_on(&self, date: NaiveDate) -> bool {
        self.age_on(date) < 18
    }

    /// Whether `date` falls in any approved leave.
    pub fn on_leave(&self, date: NaiveDate) -> bool {
        self.leave.iter().any(|l| l.from <= date && date <= l.to)
    }

    /// Whether the worker can work from `start` to `end` (both in the
    /// service's zone):
    ///
    /// * `end` is after `start`;
    /// * no local date the interval touches is a leave day;
    /// * it overlaps no dated unavailability;
    /// * and, unless the weekly pattern is empty (any time), it lies wholly
    ///   within one window starting on its start's local weekday, or within
    ///   a window from the day before that passes midnight.
    pub fn is_available(&self, start: DateTime<Tz>, end: DateTime<Tz>) -> bool {
        let tz = start.timezone();
        let Ok(range) = TimeRange::new(start.with_timezone(&Utc), end.with_timezone(&Utc)) else {
            return false;
        };
        let first_day = start.date_naive();
        let last_day = end
            .checked_sub_signed(TimeDelta::seconds(1))
            .unwrap_or(end)
            .date_naive();
        if first_day
            .iter_days()
            .take_while(|d| *d <= last_day)
            .any(|d| self.on_leave(d))
        {
            return false;
        }
        if self.availability.unavailable.iter().any(|u| {
            TimeRange::new(
                resolve_local(tz, u.from).with_timezone(&Utc),
                resolve_local(tz, u.to).with_timezone(&Utc),
            )
            .is_ok_and(|blocked| blocked.overlaps(&range))
        }) {
            return false;
        }
        if self.availability.weekly.is_empty() {
            return true;
        }
        let days = [first_day.pred_opt(), Some(first_day)];
        days.into_iter().flatten().any(|day| {
            self.availability.weekly.iter().any(|w| {
                w.weekday == day.weekday()
                    && local_window(tz, day, w.start, w.end)
                        .is_some_and(|win| win.contains_range(&range))
            })
        })
    }

    /// Checks the worker, reporting every problem found (pay of £0 included;
    /// the legal floor for their age is checked by
    /// [`PayFloorTable::check`](crate::money::PayFloorTable::check)).
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = Vec::new();
        let me = format!("worker \"{}\"", self.id);
        check_not_blank(|| format!("{me} id"), self.id.as_str(), &mut errors);
        check_not_blank(|| format!("{me} name"), &self.name, &mut errors);
        check_unique(
            &format!("{me} qualifications"),
            self.qualifications.iter().map(|q| &q.skill),
            &mut errors,
        );
        for (i, q) in self.qualifications.iter().enumerate() {
            if let (Some(from), Some(to)) = (q.obtained, q.expires)
                && to < from
            {
                errors.push(ValidationError::EndBeforeStart {
                    item: format!("{me} qualification {} (\"{}\")", i + 1, q.skill),
                    start: from.to_string(),
                    end: to.to_string(),
                });
            }
        }
        let c = &self.contract;
        if c.min_minutes_per_week > c.max_minutes_per_week {
            errors.push(ValidationError::ExceedsLimit {
                item: format!("{me} contract minimum minutes per week"),
                value: c.min_minutes_per_week.to_string(),
                limit: c.max_minutes_per_week.to_string(),
            });
        }
        check_not_negative(
            || format!("{me} contract hourly pay"),
            c.hourly_pay,
            &mut errors,
        );
        if c.hourly_pay.is_zero() {
            errors.push(ValidationError::OutOfRange {
                item: format!("{me} contract hourly pay"),
                value: "£0.00".into(),
                expected: "more than £0 (see money::PayFloorTable for the legal floor)".into(),
            });
        }
        if c.max_minutes_per_week == 0 {
            errors.push(ValidationError::OutOfRange {
                item: format!("{me} contract maximum minutes per week"),
                value: "0".into(),
                expected:
                    "at least 1 minute (a worker who cannot work this period is on leave or absent)"
                        .into(),
            });
        }
        if c.hourly_pay.normalize().scale() > 2 {
            errors.push(ValidationError::NotWholeUnits {
                item: format!("{me} contract hourly pay"),
                amount: c.hourly_pay,
                unit: "pennies".into(),
            });
        }
        if c.hourly_pay > MAX_HOURLY {
            errors.push(ValidationError::ExceedsLimit {
                item: format!("{me} contract hourly pay"),
                value: c.hourly_pay.to_string(),
                limit: MAX_HOURLY.to_string(),
            });
        }
        for (i, l) in self.leave.iter().enumerate() {
            if l.to < l.from {
                errors.push(ValidationError::EndBeforeStart {
                    item: format!("{me} leave {}", i + 1),
                    start: l.from.to_string(),
                    end: l.to.to_string(),
                });
            }
        }
        for (i, w) in self.availability.weekly.iter().enumerate() {
            if w.start == w.end {
                errors.push(ValidationError::EndBeforeStart {
                    item: format!("{me} availability window {} ({})", i + 1, w.weekday),
                    start: crate::words::clock(w.start),
                    end: crate::words::clock(w.end),
                });
            }
        }
        for (i, u) in self.availability.unavailable.iter().enumerate() {
            if u.to <= u.from {
                errors.push(ValidationError::EndBeforeStart {
                    item: format!("{me} unavailability {}", i + 1),
                    start: u.from.format("%Y-%m-%d %H:%M").to_string(),
                    end: u.to.format("%Y-%m-%d %H:%M").to_string(),
                });
            }
        }
        ValidationErrors::check(errors)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use chrono::TimeZone;
    use chrono_tz::Europe::London;

    pub(crate) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    pub(crate) fn hm(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    pub(crate) fn sample_worker() -> Worker {
        Worker {
            id: WorkerId::new("w1"),
            name: "Sam".into(),
            profile: OnePageProfile::default(),
            qualifications: vec![Qualification {
                skill: SkillId::new("medication"),
                obtained: Some(date(2025, 1, 1)),
                expires: Some(date(2026, 12, 31)),
            }],
            characteristics: vec![TraitId::new("patient"), TraitId::new("calm")],
            interests: vec![TraitId::new("football")],
            contract: Contract::new(2400, Decimal::new(1271, 2)),
            date_of_birth: date(2008, 6, 15),
            availability: Availability {
                weekly: vec![
                    AvailabilityWindow {
                        weekday: Weekday::Mon,
                        start: hm(8, 0),
                        end: hm(18, 0),
                    },
                    AvailabilityWindow {
                        weekday: Weekday::Fri,
                        start: hm(22, 0),
                        end: hm(8, 0),
                    },
                ],
                unavailable: vec![],
            },
            leave: vec![Leave {
                from: date(2026, 8, 3),
                to: date(2026, 8, 7),
                kind: LeaveKind::Annual,
            }],
        }
    }

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Tz> {
        London
            .with_ymd_and_hms(y, m, d, h, min, 0)
            .single()
            .unwrap()
    }

    #[test]
    fn skills_and_age() {
        let w = sample_worker();
        let med = SkillId::new("medication");
        assert!(w.has_valid(&med, date(2026, 12, 31)));
        assert!(!w.has_valid(&med, date(2027, 1, 1)));
        assert!(!w.has_valid(&SkillId::new("driving"), date(2026, 1, 1)));
        assert!(w.is_young_worker_on(date(2026, 6, 14)));
        assert!(!w.is_young_worker_on(date(2026, 6, 15)));
        assert_eq!(w.age_on(date(2000, 1, 1)), 0);
    }

    #[test]
    fn availability() {
        let w = sample_worker();
        // Monday 2026-05-04
        assert!(w.is_available(at(2026, 5, 4, 9, 0), at(2026, 5, 4, 12, 0)));
        assert!(!w.is_available(at(2026, 5, 4, 17, 0), at(2026, 5, 4, 19, 0)));
        assert!(!w.is_available(at(2026, 5, 5, 9, 0), at(2026, 5, 5, 10, 0)));
        // Friday night window passing midnight, session starting Saturday 01:00.
        assert!(w.is_available(at(2026, 5, 8, 23, 0), at(2026, 5, 9, 7, 0)));
        assert!(w.is_available(at(2026, 5, 9, 1, 0), at(2026, 5, 9, 3, 0)));
        // Leave on Monday 2026-08-03.
        assert!(!w.is_available(at(2026, 8, 3, 9, 0), at(2026, 8, 3, 10, 0)));
        let mut any = w.clone();
        any.availability.weekly.clear();
        assert!(any.is_available(at(2026, 5, 5, 9, 0), at(2026, 5, 5, 10, 0)));
        any.availability.unavailable.push(Unavailability {
            from: date(2026, 5, 5).and_time(hm(9, 30)),
            to: date(2026, 5, 5).and_time(hm(11, 0)),
            reason: "dentist".into(),
        });
        assert!(!any.is_available(at(2026, 5, 5, 9, 0), at(2026, 5, 5, 10, 0)));
        assert!(!any.is_available(at(2026, 5, 5, 10, 0), at(2026, 5, 5, 9, 0)));
    }

    #[test]
    fn validation_reports_every_problem() {
        let mut w = sample_worker();
        w.contract.min_minutes_per_week = 3000;
        w.contract.hourly_pay = Decimal::NEGATIVE_ONE;
        w.leave[0].to = date(2026, 8, 1);
        w.qualifications.push(w.qualifications[0].clone());
        let errors = w.validate().unwrap_err();
        assert_eq!(errors.errors().len(), 4, "{errors}");
        assert!(sample_worker().validate().is_ok());
    }

    #[test]
    fn worker_paid_zero_fails_validation() {
        let mut w = sample_worker();
        w.contract.hourly_pay = Decimal::ZERO;
        let errors = w.validate().unwrap_err();
        assert_eq!(errors.errors().len(), 1, "{errors}");
        assert!(
            errors
                .to_string()
                .contains("worker \"w1\" contract hourly pay: £0.00 is out of range"),
            "{errors}"
        );
    }
}
