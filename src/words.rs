//! Plain words for printing: hours, clock times, day names and lists, the
//! same way in every picture, report and example.
//!
//! ```
//! use chrono::Weekday;
//! use perfect_week::words::{day_name, hours, list_and};
//!
//! assert_eq!(hours(150), "2 h 30");
//! assert_eq!(day_name(Weekday::Wed), "Wednesday");
//! assert_eq!(list_and(&["Sam", "Jo", "Ali"]), "Sam, Jo and Ali");
//! ```

use chrono::{NaiveTime, Weekday};

/// Minutes as hours: `0 h`, `45 min`, `3 h`, `2 h 30`, `-1 h 15`.
pub fn hours(minutes: i64) -> String {
    let sign = if minutes < 0 { "-" } else { "" };
    let minutes = minutes.unsigned_abs();
    let (h, m) = (minutes / 60, minutes % 60);
    match (h, m) {
        (0, 0) => "0 h".to_owned(),
        (0, m) => format!("{sign}{m} min"),
        (h, 0) => format!("{sign}{h} h"),
        (h, m) => format!("{sign}{h} h {m:02}"),
    }
}

/// Minutes as a length of time in a sentence, the minutes named: as
/// [`hours`], but `2 h 30 min`, `3 h 9 min`.
///
/// ```
/// use perfect_week::words::duration;
///
/// assert_eq!(duration(150), "2 h 30 min");
/// assert_eq!(duration(189), "3 h 9 min");
/// assert_eq!(duration(20 * 60), "20 h");
/// ```
pub fn duration(minutes: i64) -> String {
    let (h, m) = (minutes.unsigned_abs() / 60, minutes.unsigned_abs() % 60);
    if h > 0 && m > 0 {
        let sign = if minutes < 0 { "-" } else { "" };
        format!("{sign}{h} h {m} min")
    } else {
        hours(minutes)
    }
}

/// A time of day as `HH:MM`.
pub fn clock(time: NaiveTime) -> String {
    time.format("%H:%M").to_string()
}

/// The seven weekdays in order, Monday first (as a rota week runs).
///
/// ```
/// use perfect_week::words::{DAYS, day_name};
///
/// assert_eq!(DAYS.len(), 7);
/// assert_eq!(day_name(DAYS[0]), "Monday");
/// assert_eq!(day_name(DAYS[6]), "Sunday");
/// ```
pub const DAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// A weekday in full: `Monday` … `Sunday`.
pub fn day_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// Items joined with commas and a final "and".
pub fn list_and<S: AsRef<str>>(items: &[S]) -> String {
    join(items, "and")
}

/// Items joined with commas and a final "or".
pub fn list_or<S: AsRef<str>>(items: &[S]) -> String {
    join(items, "or")
}

fn join<S: AsRef<str>>(items: &[S], last_word: &str) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.as_ref().to_owned(),
        Some((last, rest)) => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} {last_word} {}", rest.join(", "), last.as_ref())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_read_naturally() {
        assert_eq!(hours(0), "0 h");
        assert_eq!(hours(45), "45 min");
        assert_eq!(hours(180), "3 h");
        assert_eq!(hours(-75), "-1 h 15");
    }

    #[test]
    fn lists_join_with_the_last_word() {
        assert_eq!(list_or::<&str>(&[]), "");
        assert_eq!(list_or(&["Sam"]), "Sam");
        assert_eq!(list_or(&["Sam", "Jo"]), "Sam or Jo");
    }
}
