//! Speaking the records of UK care: the person's records in the shapes
//! other care software reads.
//!
//! | standard | what this module writes (and reads) | from |
//! |---|---|---|
//! | PRSB **About Me** (dataset 2.01) | [`about_me::AboutMe`], kept in versions by [`about_me::AboutMeHistory`]; read back into a one-page profile | [`Person`](crate::Person), its one-page profile, communication chart, decision-making profile and the routines of the perfect week |
//! | PRSB **Personalised Care and Support Plan** 2.0 | [`pcsp::CareAndSupportPlan`] | a [`Review`](crate::Review), the perfect week and the ISF agreement |
//! | HL7 **FHIR R4**, UK Core where a profile exists (feature `fhir`) | `fhir::bundle`: a `Bundle` of Patient, RelatedPerson, CareTeam, Practitioner, About Me as a Composition, Goals, a CarePlan carrying the perfect week, Consent per decision, Schedule, Slot and Appointment | all of the above and the rota |
//! | Adult Social Care **Client Level Data** (Release 1) | [`cld::to_csv`]: service and review events | the rota, the ISF agreement and the review |
//!
//! Each export returns an [`Exported`]: the record and a [`Report`] listing
//! what the crate holds that the standard has no place for. Nothing is
//! dropped without a line in the report, and the crate's own JSON (serde)
//! stays the lossless form.
//!
//! Bad input is refused with an [`InteropError`] that names the item: a
//! person with nothing to say in an About Me, an action with no owner, an
//! About Me section carrying another section's code.
//!
//! The element names of the PRSB exports are those of the PRSB dataset
//! exports (About Me 2.01, Personalised care and support plan 2.0, as
//! published by PRSB and mirrored in the `prsb-datamodel-pipeline`
//! repository's `examples/inputs/AboutMe.json` and `PersonalisedCSP.json`);
//! the CLD column names are the field names of the Client Level Data
//! Release 1 specification (NHS England and DHSC; the same names, spaces
//! and brackets included, are read by NHS England's published CLD
//! transformation code).

pub mod about_me;
pub mod cld;
#[cfg(feature = "fhir")]
pub mod fhir;
pub mod pcsp;
mod text;

use std::fmt;

use serde::{Deserialize, Serialize};

/// A record written for a standard, with what the standard could not hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Exported<T> {
    /// The record.
    pub record: T,
    /// What was left out or changed on the way, item by item.
    pub report: Report,
}

impl<T> Exported<T> {
    /// The record and its report.
    pub fn new(record: T, report: Report) -> Self {
        Self { record, report }
    }
}

/// What a standard could not hold, item by item.
///
/// `Display` prints one line per item ("person \"ava\" matching profile:
/// About Me has no place for it; it stays in the crate's JSON").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// The standard the record was written for.
    pub standard: String,
    /// Each item not carried, or carried in a weaker form.
    pub items: Vec<NotCarried>,
}

/// One item a standard could not hold, or holds only in part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NotCarried {
    /// The item, named as validation names it (`review "r1" action "a2"`).
    pub item: String,
    /// What happened to it and why.
    pub reason: String,
}

impl Report {
    /// An empty report for `standard`.
    pub fn new(standard: impl Into<String>) -> Self {
        Self {
            standard: standard.into(),
            items: Vec::new(),
        }
    }

    /// Adds an item.
    pub fn push(&mut self, item: impl Into<String>, reason: impl Into<String>) {
        self.items.push(NotCarried {
            item: item.into(),
            reason: reason.into(),
        });
    }

    /// Whether everything was carried.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The items whose name contains `text`.
    pub fn about<'a>(&'a self, text: &'a str) -> impl Iterator<Item = &'a NotCarried> {
        self.items.iter().filter(move |i| i.item.contains(text))
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.items.is_empty() {
            return writeln!(f, "{}: everything carried", self.standard);
        }
        writeln!(f, "{}: not carried, or carried in part:", self.standard)?;
        for item in &self.items {
            writeln!(f, "  - {}: {}", item.item, item.reason)?;
        }
        Ok(())
    }
}

/// Input a standard's record cannot be made from, or read back into the
/// crate's types; each names the offending item.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum InteropError {
    /// Nothing to write: a profile or record with no sections.
    #[error("{item}: has no sections to write (every About Me section would be empty)")]
    NoSections {
        /// The person or record.
        item: String,
    },
    /// A required part is missing or blank.
    #[error("{item}: {what} is missing")]
    Missing {
        /// The offending item.
        item: String,
        /// What is missing.
        what: String,
    },
    /// A section or element carries a code that is not its own.
    #[error("{item}: coded {found}, expected {expected}")]
    WrongCode {
        /// The section or element.
        item: String,
        /// The code it should carry.
        expected: String,
        /// The code it carries.
        found: String,
    },
    /// An item refers to something that is not there.
    #[error("{item}: refers to unknown {what} \"{id}\"")]
    UnknownId {
        /// The item holding the reference.
        item: String,
        /// What kind of thing it names.
        what: String,
        /// The id not found.
        id: String,
    },
    /// A document that is not in the standard's shape.
    #[error("{item}: {reason}")]
    Malformed {
        /// The document, and the place in it.
        item: String,
        /// What is wrong there.
        reason: String,
    },
    /// A record for another person, or dated out of order.
    #[error("{item}: {reason}")]
    Conflict {
        /// The offending item.
        item: String,
        /// What contradicts what.
        reason: String,
    },
}
