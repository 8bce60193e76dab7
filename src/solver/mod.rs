//! The rota engine: a general rostering problem, its solver and its
//! independent checker.

pub mod check;
pub mod error;
pub mod problem;
pub mod score;

pub use check::{CheckReport, Violation, check};
pub use error::ProblemError;
pub use problem::*;
pub use score::{Constraint, Level, Score};
