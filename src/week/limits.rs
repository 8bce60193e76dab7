//! How long a session of each kind may last, and which of a person's
//! activities clash.

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

use super::{Activity, minutes_of_day};
use crate::money::ChargeKind;

/// The longest session of each kind, and the night a sleep-in must cover.
///
/// # Session lengths
///
/// [`SessionLimits`] is data with documented defaults, checked by
/// [`PerfectWeek::validate`](super::PerfectWeek::validate) for activities and
/// by [`Service::validate`](crate::service::Service::validate) for core
/// shifts:
///
/// | kind | default | why |
/// |---|---|---|
/// | support (an activity, a day shift) | at most 12 hours | the longest shift worked in care (a 12-hour day needs no second break under the Working Time Regulations); more is two shifts |
/// | waking night | at most 12 hours | a night: 20:00–08:00 is the longest night pattern in use |
/// | sleep-in | at most 12 hours **and** covers 00:00–05:00 | a sleep-in is paid a flat allowance because the worker sleeps through the night; the core of every agreed night period (00:00–05:00, Working Time Regulations reg. 2) must lie inside it |
/// | on call (core only) | at most 24 hours | one day's cover |
///
/// Activities that need no worker (support ratio 0) keep the plain limit of
/// 24 hours.
///
/// # Clashes
///
/// A person cannot be in two places at once. Two activities **clash** when
/// they overlap at every start time they may take: two fixed activities that
/// overlap, or a flexible one whose every start overlaps the other. Two
/// flexible activities that *can* be placed apart are accepted by validation.
/// The week repeats, so a Sunday evening activity running past midnight
/// clashes with a Monday morning one.
///
/// ```
/// use perfect_week::money::ChargeKind;
/// use perfect_week::week::SessionLimits;
///
/// let limits = SessionLimits::default();
/// assert_eq!(limits.max_minutes(ChargeKind::Support), 12 * 60);
/// // A sleep-in from 22:00 for 10 hours covers 00:00–05:00; one from 13:00 does not.
/// assert!(limits.sleep_in_covers_night(22 * 60, 600));
/// assert!(!limits.sleep_in_covers_night(13 * 60, 600));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionLimits {
    /// Longest ordinary support session (an activity, a day shift), minutes.
    pub support_minutes: u32,
    /// Longest waking night, minutes.
    pub waking_night_minutes: u32,
    /// Longest sleep-in, minutes.
    pub sleep_in_minutes: u32,
    /// Longest on-call core shift, minutes.
    pub on_call_minutes: u32,
    /// The stretch of night, in local time, every sleep-in must cover
    /// (passes midnight when `night_to` is at or before `night_from`).
    pub night_from: NaiveTime,
    /// End of that stretch.
    pub night_to: NaiveTime,
}

impl Default for SessionLimits {
    fn default() -> Self {
        Self {
            support_minutes: 12 * 60,
            waking_night_minutes: 12 * 60,
            sleep_in_minutes: 12 * 60,
            on_call_minutes: 24 * 60,
            night_from: NaiveTime::MIN,
            night_to: NaiveTime::from_hms_opt(5, 0, 0).unwrap_or(NaiveTime::MIN),
        }
    }
}

impl SessionLimits {
    /// The longest session of a kind, in minutes.
    pub fn max_minutes(&self, kind: ChargeKind) -> u32 {
        match kind {
            ChargeKind::Support => self.support_minutes,
            ChargeKind::WakingNight => self.waking_night_minutes,
            ChargeKind::SleepIn => self.sleep_in_minutes,
        }
    }

    /// Whether a session starting `start` minutes after local midnight and
    /// lasting `minutes` covers the night stretch, on its own day or the next.
    pub fn sleep_in_covers_night(&self, start: i64, minutes: i64) -> bool {
        let from = minutes_of_day(self.night_from);
        let mut to = minutes_of_day(self.night_to);
        if to <= from {
            to += 1440;
        }
        [0, 1440].into_iter().any(|day| {
            let (a, b) = (from + day, to + day);
            start <= a && b <= start + minutes
        })
    }

    /// Problems with one session's length, in words: what it is, and what
    /// was expected. `starts` are its possible local starts in minutes after
    /// midnight.
    pub(crate) fn length_problem(
        &self,
        kind: ChargeKind,
        minutes: u32,
        starts: impl IntoIterator<Item = i64>,
    ) -> Option<String> {
        let max = self.max_minutes(kind);
        if minutes > max {
            return Some(format!("at most {} minutes for {}", max, kind_words(kind)));
        }
        if kind == ChargeKind::SleepIn
            && starts
                .into_iter()
                .any(|s| !self.sleep_in_covers_night(s, i64::from(minutes)))
        {
            return Some(format!(
                "a sleep-in covering {}–{}",
                self.night_from.format("%H:%M"),
                self.night_to.format("%H:%M")
            ));
        }
        None
    }
}

fn kind_words(kind: ChargeKind) -> &'static str {
    match kind {
        ChargeKind::Support => "a supported session",
        ChargeKind::WakingNight => "a waking night",
        ChargeKind::SleepIn => "a sleep-in",
    }
}

const WEEK: i64 = 7 * 1440;

/// The first and last start an activity may take, in minutes from Monday
/// 00:00, and its length; `None` when it has no start (a window too small).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Span {
    first: i64,
    last: i64,
    minutes: i64,
}

impl Span {
    pub(crate) fn of(activity: &Activity) -> Option<Self> {
        let day = i64::from(activity.day.num_days_from_monday()) * 1440;
        let options = activity.start_options();
        let at = |o: Option<&(NaiveTime, i64)>| o.map(|(time, _)| day + minutes_of_day(*time));
        Some(Self {
            first: at(options.first())?,
            last: at(options.last())?,
            minutes: i64::from(activity.minutes),
        })
    }

    /// Whether the two overlap at every start they may take. Only the
    /// extreme starts need trying: an activity lasts at most a day and its
    /// starts lie within a day, so at most one repetition of the week can
    /// bring the two together, and in it the pair of starts furthest apart
    /// is a pair of first and last starts.
    pub(crate) fn must_overlap(&self, other: &Span) -> bool {
        [self.first, self.last].into_iter().all(|a| {
            [other.first, other.last]
                .into_iter()
                .all(|b| overlap_on_week(a, self.minutes, b, other.minutes))
        })
    }
}

/// Whether `[a, a + la)` and `[b, b + lb)` overlap on the repeating week.
fn overlap_on_week(a: i64, la: i64, b: i64, lb: i64) -> bool {
    [-WEEK, 0, WEEK]
        .into_iter()
        .any(|k| a < b + k + lb && b + k < a + la)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ValidationError;
    use crate::week::{PerfectWeek, Support, Timing};
    use chrono::Weekday;

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN)
    }

    fn week(activities: Vec<Activity>) -> Vec<ValidationError> {
        PerfectWeek {
            person: "ava".into(),
            activities,
        }
        .validate()
        .err()
        .map(|e| e.into_errors())
        .unwrap_or_default()
    }

    fn fixed(id: &str, day: Weekday, h: u32, minutes: u32) -> Activity {
        Activity::new(id, id, day, Timing::fixed(time(h, 0)), minutes)
    }

    #[test]
    fn activity_of_1080_minutes_fails_validation() {
        let errors = week(vec![fixed("trip", Weekday::Sat, 6, 1080)]);
        assert_eq!(
            errors,
            [ValidationError::OutOfRange {
                item: "person \"ava\" activity \"trip\" minutes".into(),
                value: "1080".into(),
                expected: "at most 720 minutes for a supported session".into(),
            }]
        );
        assert!(week(vec![fixed("trip", Weekday::Sat, 8, 720)]).is_empty());
        // With no worker the plain 24-hour limit applies.
        let mut alone = fixed("stay", Weekday::Sat, 6, 1080);
        alone.support.workers = 0;
        alone.funding = crate::week::Funding::Unpaid;
        assert!(week(vec![alone]).is_empty());
    }

    #[test]
    fn waking_night_longer_than_a_night_and_sleep_in_outside_the_night_fail_validation() {
        let mut night = fixed("night", Weekday::Fri, 20, 13 * 60);
        night.charge = ChargeKind::WakingNight;
        let errors = week(vec![night.clone()]);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].to_string().contains("a waking night"));
        night.minutes = 12 * 60;
        assert!(week(vec![night]).is_empty());

        let mut sleep = fixed("sleep", Weekday::Fri, 22, 600);
        sleep.charge = ChargeKind::SleepIn;
        assert!(week(vec![sleep.clone()]).is_empty());
        sleep.timing = Timing::fixed(time(13, 0));
        let errors = week(vec![sleep]);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0]
                .to_string()
                .contains("expected a sleep-in covering 00:00–05:00"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn one_person_with_two_activities_at_the_same_time_fails_validation() {
        let errors = week(vec![
            fixed("swim", Weekday::Tue, 10, 90),
            fixed("gp", Weekday::Tue, 11, 30),
            fixed("cafe", Weekday::Tue, 12, 60),
        ]);
        assert_eq!(
            errors,
            [ValidationError::Overlapping {
                item: "person \"ava\" activity \"swim\"".into(),
                other: "person \"ava\" activity \"gp\"".into(),
            }]
        );
        // The week repeats: Sunday 23:00 for 2 hours reaches Monday 00:30.
        let errors = week(vec![
            fixed("late", Weekday::Sun, 23, 120),
            Activity::new(
                "early",
                "early",
                Weekday::Mon,
                Timing::fixed(time(0, 30)),
                30,
            ),
        ]);
        assert_eq!(errors.len(), 1, "{errors:?}");
    }

    #[test]
    fn flexible_activities_clash_only_when_every_start_overlaps() {
        // Shopping somewhere 09:00–13:00 for 90 minutes can avoid 10:00–11:00.
        let shop = Activity::new(
            "shop",
            "shop",
            Weekday::Thu,
            Timing::flexible(time(9, 0), time(13, 0), time(10, 0)),
            90,
        );
        assert!(week(vec![shop.clone(), fixed("gp", Weekday::Thu, 10, 60)]).is_empty());
        // A 3½-hour window for 3 hours cannot avoid 10:00–11:00.
        let mut long = shop;
        long.minutes = 180;
        long.timing = Timing::flexible(time(9, 0), time(12, 30), time(9, 0));
        let errors = week(vec![long, fixed("gp", Weekday::Thu, 10, 60)]);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(matches!(errors[0], ValidationError::Overlapping { .. }));
    }

    #[test]
    fn session_asking_for_skills_or_a_named_worker_with_support_ratio_zero_fails_validation() {
        let mut club = fixed("club", Weekday::Wed, 18, 120);
        club.funding = crate::week::Funding::Community;
        club.support = Support {
            workers: 0,
            skills: vec!["driving".into()],
            preferred: vec!["sam".into()],
            ..Support::default()
        };
        let errors = week(vec![club]);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert_eq!(
            errors[0].to_string(),
            "person \"ava\" activity \"club\" support: asks for skills but its support ratio is 0 workers"
        );
        assert!(errors[1].to_string().contains("preferred workers"));
    }
}
