//! # perfect-week
//!
//! Person-centred support planning for UK social care, from a person's
//! one-page profile to a personalised rota. (The crate documentation grows
//! into a tutorial as the modules land.)
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod error;
pub mod export;
pub mod ids;
pub mod money;
pub mod person;
pub mod review;
pub mod rota;
pub mod service;
pub mod solver;
pub mod staff;
pub mod time;
pub mod week;
