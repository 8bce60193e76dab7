//! The independent checker on small problems whose answers are worked out by
//! hand, one rule family a file, plus property tests.

pub mod common;

mod cover;
mod days;
mod eligibility;
mod hours;
mod names;
mod overlap;
mod properties;
mod report;
mod rest;
mod shuffled;
mod soft;
