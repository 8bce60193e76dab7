//! Writing a [`Rota`](crate::rota::Rota) out for other software: CSV for
//! spreadsheets and payroll, iCalendar for workers' and people's calendars.
//! (The printed timetable is the rota's own `Display`; JSON is its serde
//! form.)

mod csv;
mod ical;

pub use csv::to_csv;
pub use ical::{CalendarFilter, to_icalendar};
