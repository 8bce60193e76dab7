//! The one-page profile, for people and for staff: below both, so that
//! `staff` need not import from `person` (whose matching imports `staff`).
//! Its public path is [`crate::person::OnePageProfile`].

use std::fmt;

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

impl fmt::Display for OnePageProfile {
    /// The three headings, each followed by its statements one a line; a
    /// heading with no statements is left out.
    ///
    /// ```
    /// use perfect_week::OnePageProfile;
    ///
    /// let profile = OnePageProfile {
    ///     appreciations: vec!["Kind and funny".into()],
    ///     important_to_me: vec!["Swimming on Tuesdays".into(), "My cat, Biscuit".into()],
    ///     ..OnePageProfile::default()
    /// };
    /// assert_eq!(
    ///     profile.to_string(),
    ///     "What people like and admire about me:\n  - Kind and funny\n\
    ///      What is important to me:\n  - Swimming on Tuesdays\n  - My cat, Biscuit\n"
    /// );
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (heading, statements) in [
            ("What people like and admire about me", &self.appreciations),
            ("What is important to me", &self.important_to_me),
            ("How best to support me", &self.how_best_to_support_me),
        ] {
            if statements.is_empty() {
                continue;
            }
            writeln!(f, "{heading}:")?;
            for statement in statements {
                writeln!(f, "  - {statement}")?;
            }
        }
        Ok(())
    }
}
