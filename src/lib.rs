//! # perfect-week
//!
//! Person-centred support planning for UK social care, from a person's
//! one-page profile to a personalised rota. (The crate documentation grows
//! into a tutorial as the modules land.)
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod error;
pub mod explain;
pub mod export;
pub mod ids;
pub mod money;
pub mod person;
pub mod plan;
pub mod review;
pub mod rota;
pub mod service;
pub mod solver;
pub mod staff;
pub mod time;
pub mod week;

pub use error::{LedgerError, TimeRangeError, ValidationError, ValidationErrors};
pub use money::{
    Allocation, ChargeKind, EntryKind, FeeRule, IsfAgreement, Ledger, LedgerEntry, RateCard,
    RateCardSet, Statement, SurplusRule, round_pennies,
};
pub use person::{MatchRow, MatchScore, MatchingProfile, OnePageProfile, Person};
pub use review::{Action, Outcome, Review, SupportPlan};
pub use service::{FlexiRule, Service};
pub use staff::{Availability, Contract, Qualification, Worker};
pub use time::{TimeRange, resolve_local};
