//! Errors: typed, `#[non_exhaustive]`, naming the offending item.
//!
//! Plain data types in this crate are checked by a `validate` method that
//! collects *every* problem it finds into [`ValidationErrors`]; each
//! [`ValidationError`] names the offending item with a readable path such as
//! `worker "w1" leave 2`, so a person fixing the data knows where to look.
//!
//! [`LedgerError`] is the one exception: the ISF ledger protects its own
//! invariants on every append, so it refuses a bad entry straight away.
//! [`TimeRangeError`] is returned by [`TimeRange::new`](crate::time::TimeRange::new).

use std::collections::BTreeSet;
use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;

use crate::ids::EntryId;

/// One problem found while validating plain data.
///
/// Every variant names the offending `item` with a readable path, e.g.
/// `worker "w1" leave 2` or `review "r1" action "a3"`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ValidationError {
    /// Something ends at or before the moment it starts.
    #[error("{item}: ends ({end}) at or before its start ({start})")]
    EndBeforeStart {
        /// The offending item.
        item: String,
        /// Its start, as written.
        start: String,
        /// Its end, as written.
        end: String,
    },
    /// An amount (money, hours, a multiplier) is below zero.
    #[error("{item}: amount {amount} is negative")]
    NegativeAmount {
        /// The offending item.
        item: String,
        /// The negative amount.
        amount: Decimal,
    },
    /// A reference to an id that does not exist where it should.
    #[error("{item}: refers to unknown id \"{id}\"")]
    UnknownId {
        /// The item holding the reference.
        item: String,
        /// The id that was not found.
        id: String,
    },
    /// An id (or key) that must be unique appears more than once.
    #[error("{item}: id \"{id}\" appears more than once")]
    DuplicateId {
        /// The collection holding the duplicate.
        item: String,
        /// The repeated id.
        id: String,
    },
    /// A text or list that must not be empty is empty.
    #[error("{item}: must not be empty")]
    Empty {
        /// The empty item.
        item: String,
    },
    /// Something that must be given is missing.
    #[error("{item}: {what} is missing")]
    Missing {
        /// The item lacking a value.
        item: String,
        /// What is missing.
        what: String,
    },
    /// A value is above the limit allowed for it.
    #[error("{item}: {value} exceeds the limit of {limit}")]
    ExceedsLimit {
        /// The offending item.
        item: String,
        /// The value found.
        value: String,
        /// The limit it breaks.
        limit: String,
    },
    /// A reference points at an item of the wrong kind.
    #[error("{item}: expected {expected}, found {found}")]
    WrongKind {
        /// The item holding the reference.
        item: String,
        /// The kind required.
        expected: String,
        /// The kind found.
        found: String,
    },
    /// An amount is not a whole number of the unit it is kept in
    /// (pennies, or hundredths of an hour).
    #[error("{item}: {amount} is not a whole number of {unit}")]
    NotWholeUnits {
        /// The offending item.
        item: String,
        /// The amount found.
        amount: Decimal,
        /// The unit (e.g. `pennies`).
        unit: String,
    },
    /// Two items that must not overlap do.
    #[error("{item}: overlaps {other}")]
    Overlapping {
        /// The first item.
        item: String,
        /// The item it overlaps.
        other: String,
    },
    /// A value lies outside the range it may take.
    #[error("{item}: {value} is out of range (expected {expected})")]
    OutOfRange {
        /// The offending item.
        item: String,
        /// The value found.
        value: String,
        /// The range allowed, in words.
        expected: String,
    },
    /// Two settings contradict each other.
    #[error("{item}: {reason}")]
    Conflict {
        /// The offending item.
        item: String,
        /// What contradicts what.
        reason: String,
    },
    /// A worker is younger than a worker may be on the first date of the
    /// rota (the plan's least age is
    /// [`MIN_WORKER_AGE`](crate::plan::MIN_WORKER_AGE)).
    #[error(
        "worker \"{worker}\": a worker must be at least {least} (aged {age} on {})",
        long_date(*date)
    )]
    TooYoung {
        /// The worker.
        worker: String,
        /// Their age in whole years on `date`.
        age: u32,
        /// The least age a worker may be.
        least: u32,
        /// The date.
        date: NaiveDate,
    },
    /// No rate card is in force on a date that needs costing.
    #[error("{item}: no rate card is in force on {date}")]
    NoRateCard {
        /// The item being costed.
        item: String,
        /// The date with no card.
        date: NaiveDate,
    },
}

/// A date as a coordinator writes it: "12 October 2026".
pub(crate) fn long_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// Every problem found by a `validate` method, in the order found.
///
/// `Display` prints one problem per line.
///
/// ```
/// use perfect_week::error::{ValidationError, ValidationErrors};
///
/// let result = ValidationErrors::check(vec![ValidationError::Empty {
///     item: "person \"p1\" name".into(),
/// }]);
/// let errors = result.err().ok_or("expected an error")?;
/// assert_eq!(errors.errors().len(), 1);
/// assert_eq!(errors.to_string(), "person \"p1\" name: must not be empty");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationErrors(Vec<ValidationError>);

impl ValidationErrors {
    /// `Ok(())` when `errors` is empty, otherwise all of them as an error.
    pub fn check(errors: Vec<ValidationError>) -> Result<(), ValidationErrors> {
        if errors.is_empty() {
            Ok(())
        } else {
            Err(ValidationErrors(errors))
        }
    }

    /// The problems found (never empty).
    pub fn errors(&self) -> &[ValidationError] {
        &self.0
    }

    /// The problems found, by value.
    pub fn into_errors(self) -> Vec<ValidationError> {
        self.0
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

impl From<ValidationError> for ValidationErrors {
    fn from(error: ValidationError) -> Self {
        ValidationErrors(vec![error])
    }
}

/// A time range whose end is not after its start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("time range ends ({end}) at or before its start ({start})")]
pub struct TimeRangeError {
    /// The start given.
    pub start: DateTime<Utc>,
    /// The end given.
    pub end: DateTime<Utc>,
}

/// Why the ISF ledger refused an entry. The ledger is left unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LedgerError {
    /// The amount is zero or negative (amounts are always positive; the
    /// entry kind says which way the money moves).
    #[error("entry \"{entry}\": amount {amount} must be more than zero")]
    NonPositiveAmount {
        /// The refused entry.
        entry: EntryId,
        /// Its amount.
        amount: Decimal,
    },
    /// The amount has fractions of a penny.
    #[error("entry \"{entry}\": amount {amount} is not a whole number of pennies")]
    FractionalPennies {
        /// The refused entry.
        entry: EntryId,
        /// Its amount.
        amount: Decimal,
    },
    /// The amount is above the largest single entry the ledger accepts
    /// ([`MAX_ENTRY_AMOUNT`](crate::money::MAX_ENTRY_AMOUNT)).
    #[error("entry \"{entry}\": amount {amount} is larger than any single entry allowed")]
    AmountTooLarge {
        /// The refused entry.
        entry: EntryId,
        /// Its amount.
        amount: Decimal,
    },
    /// An entry with this id is already in the ledger.
    #[error("entry \"{entry}\" is already in the ledger")]
    DuplicateEntry {
        /// The repeated id.
        entry: EntryId,
    },
    /// The entry is dated before the last entry in the ledger.
    #[error("entry \"{entry}\" dated {date} comes before the last entry, dated {last}")]
    OutOfOrder {
        /// The refused entry.
        entry: EntryId,
        /// Its date.
        date: NaiveDate,
        /// The date of the last entry.
        last: NaiveDate,
    },
    /// A debit would take the available balance below zero.
    #[error(
        "entry \"{entry}\": spending {amount} would overdraw the available balance of {balance}"
    )]
    Overdrawn {
        /// The refused entry.
        entry: EntryId,
        /// The available balance before it.
        balance: Decimal,
        /// Its amount.
        amount: Decimal,
    },
    /// A bank withdrawal names a purpose nothing was ever saved for.
    #[error("entry \"{entry}\": nothing has been saved for \"{purpose}\"")]
    UnknownBankPurpose {
        /// The refused entry.
        entry: EntryId,
        /// The purpose named.
        purpose: String,
    },
    /// A bank withdrawal is larger than the amount saved for its purpose.
    #[error("entry \"{entry}\": withdrawing {amount} from \"{purpose}\" which holds only {banked}")]
    BankOverdrawn {
        /// The refused entry.
        entry: EntryId,
        /// The purpose named.
        purpose: String,
        /// What is saved for it.
        banked: Decimal,
        /// Its amount.
        amount: Decimal,
    },
    /// A bank deposit or withdrawal names an empty purpose.
    #[error("entry \"{entry}\": the savings purpose must not be empty")]
    EmptyPurpose {
        /// The refused entry.
        entry: EntryId,
    },
}

/// Pushes a [`ValidationError::DuplicateId`] for every id seen more than once
/// (reported once per repeated id).
pub(crate) fn check_unique<'a, T>(
    item: &str,
    ids: impl IntoIterator<Item = &'a T>,
    errors: &mut Vec<ValidationError>,
) where
    T: fmt::Display + Ord + 'a,
{
    let mut seen = BTreeSet::new();
    let mut reported = BTreeSet::new();
    for id in ids {
        if !seen.insert(id) && reported.insert(id) {
            errors.push(ValidationError::DuplicateId {
                item: item.to_owned(),
                id: id.to_string(),
            });
        }
    }
}

/// Pushes [`ValidationError::Empty`] when `text` is blank.
pub(crate) fn check_not_blank(
    item: impl FnOnce() -> String,
    text: &str,
    errors: &mut Vec<ValidationError>,
) {
    if text.trim().is_empty() {
        errors.push(ValidationError::Empty { item: item() });
    }
}

/// Pushes [`ValidationError::NegativeAmount`] when `amount` is below zero.
pub(crate) fn check_not_negative(
    item: impl FnOnce() -> String,
    amount: Decimal,
    errors: &mut Vec<ValidationError>,
) {
    if amount.is_sign_negative() && !amount.is_zero() {
        errors.push(ValidationError::NegativeAmount {
            item: item(),
            amount,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_is_one_problem_per_line() {
        let errors = ValidationErrors::check(vec![
            ValidationError::Empty { item: "a".into() },
            ValidationError::UnknownId {
                item: "b".into(),
                id: "x".into(),
            },
        ])
        .unwrap_err();
        assert_eq!(
            errors.to_string(),
            "a: must not be empty\nb: refers to unknown id \"x\""
        );
    }

    #[test]
    fn duplicates_reported_once_each() {
        let mut errors = Vec::new();
        check_unique("list", ["a", "b", "a", "a", "b"].iter(), &mut errors);
        let duplicate = |id: &str| ValidationError::DuplicateId {
            item: "list".into(),
            id: id.into(),
        };
        assert_eq!(errors, vec![duplicate("a"), duplicate("b")]);
    }
}
