//! Decision making: how to support the person to decide (the profile), and
//! who decides what (the agreement).

use serde::{Deserialize, Serialize};

/// The five sections of a decision-making profile.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DecisionProfile {
    /// How I like to get information.
    pub how_i_like_information: Vec<String>,
    /// How to present choices to me.
    pub how_to_present_choices: Vec<String>,
    /// Ways you can help me understand.
    pub ways_to_help_me_understand: Vec<String>,
    /// When is a good time for me to decide.
    pub good_times_to_decide: Vec<String>,
    /// When is a bad time for me to decide.
    pub bad_times_to_decide: Vec<String>,
}

/// A row of the decision-making agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionAgreementRow {
    /// An important decision in my life (e.g. "who supports me").
    pub decision_area: String,
    /// How I must be involved.
    pub involvement: String,
    /// Who makes the final decision.
    pub final_decider: Decider,
}

/// Who makes the final decision in an area.
///
/// `BestInterests` records that the decision goes through the separate
/// Mental Capacity Act best-interests process; this crate does not model it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decider {
    /// The person decides.
    Person,
    /// A named other person decides.
    Named(String),
    /// Several named people decide together.
    Shared(Vec<String>),
    /// A best-interests decision.
    BestInterests,
}
