//! Typed identifiers for people, workers, outcomes and the rest.
//!
//! Every identifier is a string chosen by the caller (a care-record number, a
//! payroll number, a slug). Wrapping each in its own type means a worker's id
//! can never be passed where a person's is expected. In JSON each is a plain
//! string.

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// Makes an identifier from any string.
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            /// The identifier as a string slice.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self(id.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(id: String) -> Self {
                Self(id)
            }
        }

        impl From<&String> for $name {
            fn from(id: &String) -> Self {
                Self(id.clone())
            }
        }

        impl From<&$name> for $name {
            fn from(id: &$name) -> Self {
                id.clone()
            }
        }
    };
}

string_id!(
    /// Identifies a person who draws on support.
    PersonId
);
string_id!(
    /// Identifies a worker (a member of staff).
    WorkerId
);
string_id!(
    /// Identifies an outcome in a person's support plan.
    OutcomeId
);
string_id!(
    /// Identifies an action agreed at a review.
    ActionId
);
string_id!(
    /// Identifies a skill or qualification (e.g. `medication`, `driving`).
    SkillId
);
string_id!(
    /// Identifies a personal characteristic or interest used in matching
    /// (e.g. `patient`, `female`, `football`).
    TraitId
);
string_id!(
    /// Identifies a row of a person's matching-support profile.
    MatchRowId
);
string_id!(
    /// Identifies an activity of a perfect week.
    ActivityId
);
string_id!(
    /// Identifies a core-and-flexi service (a scheme of flats, a house).
    ServiceId
);
string_id!(
    /// Identifies a ledger entry of an Individual Service Fund.
    EntryId
);
string_id!(
    /// Identifies a review.
    ReviewId
);
string_id!(
    /// Identifies a place where support happens (for travel gaps).
    PlaceId
);
string_id!(
    /// Identifies a session of a rota: one activity or shift on one date.
    SessionId
);
string_id!(
    /// Identifies a kind of shift or session (`early`, `late`, `waking-night`),
    /// used by succession rules, per-kind limits and requests.
    KindId
);
string_id!(
    /// Identifies a budget that sessions are charged to (a person's flexi
    /// allocation, a service's core allocation).
    BudgetId
);
string_id!(
    /// Identifies a recurring activity (the same activity every week), for
    /// continuity of the workers who support it.
    SeriesId
);
string_id!(
    /// A tag a worker holds and a session can require: a skill or
    /// qualification, or a characteristic such as `female`.
    Tag
);
string_id!(
    /// Identifies a core shift template of a core-and-flexi service.
    CoreShiftId
);
