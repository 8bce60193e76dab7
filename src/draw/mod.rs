//! Pictures of a week, as standalone SVG documents.
//!
//! People read a week faster than a table. [`perfect_week_beside_rota`]
//! draws what a person asked for beside what the rota planned, with who
//! supports each session and what is unfilled; [`worker_weeks`] draws one
//! worker's weeks, hours against their contract.
//!
//! The pictures are written to be accessible: each has a `<title>` and a
//! `<desc>` that says its content in words, every box carries a text label
//! and a title of its own, and styles differ by outline and hatching rather
//! than by colour alone, so a picture printed in black and white reads the
//! same. Text is escaped, so names with `&` or `<` are safe.
//!
//! The inputs are kept narrow (the week, the rota's entries, a worker) so
//! the pictures can be drawn from a rota read back from JSON as well as from
//! one just planned.

mod hours;
mod svg;
mod week;

pub use hours::worker_weeks;
pub use svg::escape;
pub use week::perfect_week_beside_rota;

use crate::words::{clock, day_name, hours as hours_words};

#[cfg(test)]
mod tests;
