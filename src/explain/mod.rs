//! Explanations a rota coordinator can read: the score broken down, why a
//! session is unfilled (every worker weighed, with [`unfilled`], or a small
//! conflict set in one sentence, with [`conflicts`], which is the one to use
//! in bulk), who could cover a session, and what changed between two
//! rosters.
//!
//! Every explanation is data (typed ids, constraints, score changes) with a
//! [`Display`](std::fmt::Display) text; callers who want other wording read
//! the fields. All of them are worked out with the independent checker
//! ([`crate::solver::check()`]), never with the solver's own bookkeeping, so an
//! explanation is a second opinion on the solver's answer rather than an echo
//! of it.

use std::collections::HashMap;

use crate::ids::SessionId;
use crate::solver::Roster;

mod bound;
mod breakdown;
mod conflict;
mod cover;
mod diff;

pub use bound::how_much_better;
pub use breakdown::Breakdown;
pub use conflict::{Blocker, Conflict, Reason, conflicts};
pub(crate) use cover::write_needs;
pub use cover::{Breach, Candidate, UnfilledSession, unfilled, who_could_cover, who_could_replace};
pub use diff::{Change, RosterDiff, diff};

/// The placement a roster chose for each session it names, as the checker
/// reads it: the first choice naming a session wins (a session it does not
/// name is at placement 0).
fn chosen_placements(roster: &Roster) -> HashMap<&SessionId, usize> {
    let mut choice = HashMap::new();
    for c in &roster.placements {
        choice.entry(&c.session).or_insert(c.index);
    }
    choice
}
