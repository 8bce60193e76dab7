//! The one-page profile, for people and for staff: below both, so that
//! `staff` need not import from `person` (whose matching imports `staff`).
//! Its public path is [`crate::person::OnePageProfile`].

use serde::{Deserialize, Serialize};

/// A one-page profile: what people appreciate about someone, what matters to
/// them, and how best to support them. Staff have one too (same type).
///
/// Statements should be short and specific ("likes two sugars in tea,
/// stirred", not "likes tea").
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OnePageProfile {
    /// What others like and admire about the person.
    pub appreciations: Vec<String>,
    /// People, places, routines and things that matter to the person.
    pub important_to_me: Vec<String>,
    /// Specific, actionable ways to support the person well.
    pub how_best_to_support_me: Vec<String>,
    /// Optional photo (a URI or file name).
    pub photo: Option<String>,
}

impl OnePageProfile {
    /// Whether all three headings are empty.
    pub fn is_blank(&self) -> bool {
        self.appreciations.is_empty()
            && self.important_to_me.is_empty()
            && self.how_best_to_support_me.is_empty()
    }
}
