//! Local time in a real time zone, and the one rule for gaps and overlaps.
//!
//! People plan in local wall-clock time ("Tuesdays 09:00 to 12:00"); the
//! crate measures in real elapsed time. Every conversion from a local time to
//! an instant goes through [`resolve_local`], which applies one rule:
//!
//! * **Spring-forward gap**: a local time that does not exist is moved
//!   forward by the length of the gap. In Europe/London on 2026-03-29 the
//!   clocks jump from 01:00 to 02:00, so 01:30 becomes 02:30 BST.
//! * **Autumn overlap**: a local time that happens twice takes the *earlier*
//!   instant (the first occurrence). In Europe/London on 2026-10-25, 01:30 is
//!   01:30 BST (00:30 UTC), not 01:30 GMT.
//!
//! All durations, rests and pay periods are measured in real elapsed time
//! between UTC instants, so a night shift 22:00–08:00 on the autumn change
//! night lasts 11 hours and on the spring change night 9 hours.
//!
//! A session belongs to the local date it **starts** on: a sleep-in from
//! 22:00 Saturday to 07:00 Sunday is Saturday's (see [`TimeRange::local_date`]).

use chrono::{
    DateTime, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone, Utc,
};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::error::TimeRangeError;

/// Turns a local wall-clock time in `tz` into an instant, using the crate's
/// one rule: a time in a spring-forward gap moves forward by the gap's
/// length; a time that happens twice takes the earlier instant.
///
/// ```
/// use chrono::{NaiveDate, Timelike};
/// use chrono_tz::Europe::London;
/// use perfect_week::time::resolve_local;
///
/// let gap = NaiveDate::from_ymd_opt(2026, 3, 29).ok_or("date")?
///     .and_hms_opt(1, 30, 0).ok_or("time")?;
/// let resolved = resolve_local(London, gap);
/// assert_eq!((resolved.hour(), resolved.minute()), (2, 30)); // 02:30 BST
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn resolve_local(tz: Tz, local: NaiveDateTime) -> DateTime<Tz> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(instant) => instant,
        LocalResult::Ambiguous(a, b) => a.min(b),
        LocalResult::None => {
            // In a gap: read the local time with the offset in force before
            // the gap, which lands the same distance after the jump.
            let before = local
                .checked_sub_signed(TimeDelta::days(1))
                .unwrap_or(local);
            let offset = tz.offset_from_utc_datetime(&before);
            let seconds = chrono::Offset::fix(&offset).local_minus_utc();
            let utc = local
                .checked_sub_signed(TimeDelta::seconds(i64::from(seconds)))
                .unwrap_or(local);
            tz.from_utc_datetime(&utc)
        }
    }
}

/// [`resolve_local`] for a local date and time of day.
pub fn resolve_local_date_time(tz: Tz, date: NaiveDate, time: NaiveTime) -> DateTime<Tz> {
    resolve_local(tz, date.and_time(time))
}

/// The instants of a local interval that starts on `date` at `start` and ends
/// at `end`; an `end` at or before `start` means the next day (it passes
/// midnight). Both ends are resolved with [`resolve_local`].
///
/// Returns `None` only when the resolved end is not after the resolved start
/// (for example a one-hour window entirely inside a spring-forward gap).
pub fn local_window(
    tz: Tz,
    date: NaiveDate,
    start: NaiveTime,
    end: NaiveTime,
) -> Option<TimeRange> {
    let end_date = if end <= start { date.succ_opt()? } else { date };
    let from = resolve_local_date_time(tz, date, start).with_timezone(&Utc);
    let to = resolve_local_date_time(tz, end_date, end).with_timezone(&Utc);
    TimeRange::new(from, to).ok()
}

/// A span of real time, `[start, end)`, with `end` strictly after `start`.
///
/// Built with the fallible [`TimeRange::new`]; deserialising checks the same
/// rule, so bad JSON cannot make a bad range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "TimeRangeData")]
pub struct TimeRange {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
}

/// The unchecked serde shape of a [`TimeRange`].
#[derive(Deserialize)]
struct TimeRangeData {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
}

impl TryFrom<TimeRangeData> for TimeRange {
    type Error = TimeRangeError;

    fn try_from(data: TimeRangeData) -> Result<Self, Self::Error> {
        TimeRange::new(data.start, data.end)
    }
}

impl TimeRange {
    /// A range from `start` to `end`; `end` must be after `start`.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use perfect_week::time::TimeRange;
    ///
    /// let start = Utc.with_ymd_and_hms(2026, 5, 4, 9, 0, 0).single().ok_or("time")?;
    /// let end = Utc.with_ymd_and_hms(2026, 5, 4, 12, 30, 0).single().ok_or("time")?;
    /// let range = TimeRange::new(start, end)?;
    /// assert_eq!(range.minutes(), 210);
    /// assert!(TimeRange::new(end, start).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(start: DateTime<Utc>, end: DateTime<Utc>) -> Result<Self, TimeRangeError> {
        if end > start {
            Ok(TimeRange { start, end })
        } else {
            Err(TimeRangeError { start, end })
        }
    }

    /// A range between two local date-times in `tz`, each resolved with
    /// [`resolve_local`].
    pub fn from_local(
        tz: Tz,
        start: NaiveDateTime,
        end: NaiveDateTime,
    ) -> Result<Self, TimeRangeError> {
        TimeRange::new(
            resolve_local(tz, start).with_timezone(&Utc),
            resolve_local(tz, end).with_timezone(&Utc),
        )
    }

    /// The first instant of the range.
    pub fn start(&self) -> DateTime<Utc> {
        self.start
    }

    /// The instant the range ends (not itself inside the range).
    pub fn end(&self) -> DateTime<Utc> {
        self.end
    }

    /// Real elapsed time from start to end.
    pub fn duration(&self) -> TimeDelta {
        self.end - self.start
    }

    /// Real elapsed whole minutes (seconds are dropped).
    pub fn minutes(&self) -> i64 {
        self.duration().num_minutes()
    }

    /// Whether the two ranges share any instant (touching ends do not overlap).
    pub fn overlaps(&self, other: &TimeRange) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `instant` lies in `[start, end)`.
    pub fn contains(&self, instant: DateTime<Utc>) -> bool {
        self.start <= instant && instant < self.end
    }

    /// Whether `other` lies wholly inside this range.
    pub fn contains_range(&self, other: &TimeRange) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The local date the range starts on in `tz`: the date a session
    /// belongs to.
    pub fn local_date(&self, tz: Tz) -> NaiveDate {
        self.start.with_timezone(&tz).date_naive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Timelike;
    use chrono_tz::Europe::London;

    fn local(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    #[test]
    fn spring_gap_moves_forward_by_the_gap() {
        let t = resolve_local(London, local(2026, 3, 29, 1, 30));
        assert_eq!((t.hour(), t.minute()), (2, 30));
        assert_eq!(
            t.with_timezone(&Utc),
            Utc.with_ymd_and_hms(2026, 3, 29, 1, 30, 0).unwrap()
        );
        // 01:00 itself does not exist either; it becomes 02:00 BST.
        let t = resolve_local(London, local(2026, 3, 29, 1, 0));
        assert_eq!((t.hour(), t.minute()), (2, 0));
    }

    #[test]
    fn autumn_overlap_takes_the_earlier_instant() {
        let t = resolve_local(London, local(2026, 10, 25, 1, 30));
        assert_eq!(
            t.with_timezone(&Utc),
            Utc.with_ymd_and_hms(2026, 10, 25, 0, 30, 0).unwrap()
        );
    }

    #[test]
    fn night_lengths_on_change_nights() {
        let autumn = TimeRange::from_local(
            London,
            local(2026, 10, 24, 22, 0),
            local(2026, 10, 25, 8, 0),
        )
        .unwrap();
        assert_eq!(autumn.minutes(), 11 * 60);
        let spring =
            TimeRange::from_local(London, local(2026, 3, 28, 22, 0), local(2026, 3, 29, 8, 0))
                .unwrap();
        assert_eq!(spring.minutes(), 9 * 60);
    }

    #[test]
    fn ranges() {
        let a = TimeRange::from_local(London, local(2026, 5, 1, 9, 0), local(2026, 5, 1, 12, 0))
            .unwrap();
        let b = TimeRange::from_local(London, local(2026, 5, 1, 12, 0), local(2026, 5, 1, 13, 0))
            .unwrap();
        assert!(!a.overlaps(&b));
        assert!(a.contains(a.start()));
        assert!(!a.contains(a.end()));
        assert_eq!(
            a.local_date(London),
            NaiveDate::from_ymd_opt(2026, 5, 1).unwrap()
        );
        assert!(TimeRange::new(a.start(), a.start()).is_err());
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(serde_json::from_str::<TimeRange>(&json).unwrap(), a);
        let bad = format!(r#"{{"start":"{}","end":"{}"}}"#, a.end(), a.start());
        assert!(serde_json::from_str::<TimeRange>(&bad).is_err());
    }

    #[test]
    fn window_passing_midnight() {
        let w = local_window(
            London,
            NaiveDate::from_ymd_opt(2026, 10, 24).unwrap(),
            NaiveTime::from_hms_opt(22, 0, 0).unwrap(),
            NaiveTime::from_hms_opt(7, 0, 0).unwrap(),
        )
        .unwrap();
        assert_eq!(w.minutes(), 10 * 60);
    }
}
