//! Important to and important for, and the balance between them.

use serde::{Deserialize, Serialize};

/// Whether something is important *to* the person (in their own eyes) or
/// *for* them (what others judge necessary for health, safety and being a
/// valued member of the community).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Importance {
    /// Important to the person.
    To,
    /// Important for the person.
    For,
}

/// What an importance item is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Category {
    /// People and relationships.
    People,
    /// Things to do.
    ThingsToDo,
    /// Places to go.
    PlacesToGo,
    /// Status and control.
    StatusAndControl,
    /// Rhythm and pace of life.
    RhythmAndPace,
    /// Routines and rituals.
    Routines,
    /// Things to have.
    ThingsToHave,
    /// Health.
    Health,
    /// Safety.
    Safety,
    /// Being a valued member of the community.
    ValuedMember,
    /// Anything else, named.
    Other(String),
}

/// Where we learnt something about the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum EvidenceKind {
    /// The person told us.
    Said,
    /// We saw it in the person's behaviour (the better evidence when words
    /// and behaviour disagree).
    Observed,
    /// Someone who knows the person well told us.
    ToldByOthers,
}

/// One piece of evidence for an importance item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// How we learnt it.
    pub kind: EvidenceKind,
    /// What was said or seen, and by whom.
    pub detail: String,
}

/// Something important to or for the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportanceItem {
    /// The statement, in the person's words where possible.
    pub statement: String,
    /// To or for.
    pub importance: Importance,
    /// What it is about.
    pub category: Category,
    /// How we know.
    pub evidence: Vec<Evidence>,
    /// Priority, 1 being the most important.
    pub priority: u8,
}

/// A tension between something important to the person and something
/// important for them, and what was agreed.
///
/// `to_item` and `for_item` are indexes (from 0) into the person's
/// [`importance`](crate::person::Person::importance) list; validation checks
/// they exist and are of the right kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BalanceIssue {
    /// Index of the important-to item.
    pub to_item: usize,
    /// Index of the important-for item.
    pub for_item: usize,
    /// The tension, described.
    pub tension: String,
    /// What everyone agreed to do to keep the balance.
    pub agreed_approach: String,
}
