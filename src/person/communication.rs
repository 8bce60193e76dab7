//! The communication chart: how we understand the person, and how we
//! communicate with them.

use serde::{Deserialize, Serialize};

/// Both kinds of communication chart for a person.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CommunicationChart {
    /// How we understand what the person is telling us.
    pub understanding: Vec<CommunicationEntry>,
    /// How we communicate with the person.
    pub telling: Vec<HowWeCommunicate>,
}

/// A row of "at this time / when this happens / we think it means / and we
/// should".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommunicationEntry {
    /// At this time: place, people, activity (may be "any time").
    pub context: String,
    /// When the person does this, described so a stranger would recognise it.
    pub behaviour: String,
    /// Photos or videos of the behaviour (URIs).
    pub media: Vec<String>,
    /// We think it means (one or more best guesses).
    pub meanings: Vec<String>,
    /// And we should.
    pub response: String,
}

/// How to tell or offer something to the person so they understand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HowWeCommunicate {
    /// What we want to convey.
    pub what_we_want_to_convey: String,
    /// How we do it.
    pub how_we_do_it: String,
    /// How we know they understood.
    pub how_we_know_they_understood: String,
}
