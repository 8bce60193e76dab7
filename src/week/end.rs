//! An activity's end as a local clock time ([`Activity::end`]).

use chrono::NaiveTime;

use super::{Activity, Timing, minutes_of_day};
use crate::error::ValidationError;

impl Activity {
    /// The same activity ending at the local clock time `end` (at or
    /// before its start: the next day), with [`Activity::minutes`] set to
    /// the length on the clock. The clock time wins across a clock change:
    /// 00:30–02:30 is two hours on most nights, three on the night the
    /// clocks go back and one on the night they go forward. A fixed start
    /// only; validation refuses an end with a flexible one.
    ///
    /// ```
    /// use perfect_week::chrono::{NaiveTime, Weekday};
    /// use perfect_week::{Activity, Timing};
    ///
    /// let at = |h, m| NaiveTime::from_hms_opt(h, m, 0).ok_or("time");
    /// let party = Activity::new("party", "Night out", Weekday::Sat, Timing::fixed(at(20, 0)?), 0)
    ///     .until(at(0, 30)?);
    /// assert_eq!(party.minutes, 270);
    /// assert_eq!(party.end, Some(at(0, 30)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn until(mut self, end: NaiveTime) -> Self {
        if let Timing::Fixed { start } = self.timing {
            self.minutes = clock_minutes(start, end);
        }
        self.end = Some(end);
        self
    }

    /// Checks a clock end: a fixed start, an end other than the start, and
    /// `minutes` equal to the length on the clock.
    pub(super) fn check_end(&self, item: &str, errors: &mut Vec<ValidationError>) {
        let Some(end) = self.end else {
            return;
        };
        let Timing::Fixed { start } = self.timing else {
            errors.push(ValidationError::Conflict {
                item: format!("{item} end"),
                reason: "an end clock time needs a fixed start".into(),
            });
            return;
        };
        if end == start {
            errors.push(ValidationError::EndBeforeStart {
                item: format!("{item} end"),
                start: crate::words::clock(start),
                end: crate::words::clock(end),
            });
        } else if self.minutes != clock_minutes(start, end) {
            errors.push(ValidationError::OutOfRange {
                item: format!("{item} minutes"),
                value: self.minutes.to_string(),
                expected: format!(
                    "{} minutes, the length on the clock from {} to {}",
                    clock_minutes(start, end),
                    start.format("%H:%M"),
                    end.format("%H:%M")
                ),
            });
        }
    }
}

/// Minutes on the clock from `start` to `end` (at or before `start`: the
/// next day).
fn clock_minutes(start: NaiveTime, end: NaiveTime) -> u32 {
    let length = (minutes_of_day(end) - minutes_of_day(start)).rem_euclid(24 * 60);
    u32::try_from(if length == 0 { 24 * 60 } else { length }).unwrap_or(0)
}
