//! The ISF ledger: every movement of the person's money, checked on entry.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{MAX_ENTRY_AMOUNT, is_whole_pennies};
use crate::error::LedgerError;
use crate::ids::{EntryId, OutcomeId};

/// One movement of money.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerEntry {
    /// Unique id within the ledger.
    pub id: EntryId,
    /// The date it happened.
    pub date: NaiveDate,
    /// What it was (and so which way the money moved).
    pub kind: EntryKind,
    /// The amount, always more than zero, in whole pennies.
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    /// Outcomes of the support plan this spending served.
    pub outcomes: Vec<OutcomeId>,
}

/// What a ledger entry records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum EntryKind {
    /// Money paid in (by the council, or the person's contribution).
    Credit,
    /// Support delivered and charged.
    DeliveredSupport {
        /// Real minutes of support.
        minutes: u32,
        /// The rota session or activity it was for, if known.
        session: Option<String>,
    },
    /// Something bought (a gym membership, a course).
    Purchase {
        /// What was bought.
        description: String,
    },
    /// The provider's management fee.
    ManagementFee,
    /// Money put aside for a named purpose.
    BankDeposit {
        /// What it is saved for ("holiday in Whitby").
        purpose: String,
    },
    /// Money taken back out of savings for a purpose, to be spent.
    BankWithdrawal {
        /// The purpose it was saved for.
        purpose: String,
    },
    /// Unspent money that lapsed under the agreement.
    Expiry,
    /// A surplus returned to the council.
    SurplusReturn,
}

impl EntryKind {
    /// The change this kind makes to the available balance, per pound of the
    /// entry's amount: +1, −1.
    fn available_sign(&self) -> i8 {
        match self {
            EntryKind::Credit | EntryKind::BankWithdrawal { .. } => 1,
            EntryKind::DeliveredSupport { .. }
            | EntryKind::Purchase { .. }
            | EntryKind::ManagementFee
            | EntryKind::BankDeposit { .. }
            | EntryKind::Expiry
            | EntryKind::SurplusReturn => -1,
        }
    }
}

/// An amount saved for a purpose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PurposeAmount {
    /// The purpose.
    pub purpose: String,
    /// The amount.
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
}

/// Balances after some entries: derived, never stored on their own.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Balances {
    pub(crate) available: Decimal,
    pub(crate) banked: BTreeMap<String, Decimal>,
}

impl Balances {
    /// Applies `entry`, or says why it cannot be applied (leaving `self`
    /// unchanged).
    fn apply(&mut self, entry: &LedgerEntry) -> Result<(), LedgerError> {
        let id = || entry.id.clone();
        let amount = entry.amount;
        if amount <= Decimal::ZERO {
            return Err(LedgerError::NonPositiveAmount {
                entry: id(),
                amount,
            });
        }
        if amount > MAX_ENTRY_AMOUNT {
            return Err(LedgerError::AmountTooLarge {
                entry: id(),
                amount,
            });
        }
        if !is_whole_pennies(amount) {
            return Err(LedgerError::FractionalPennies {
                entry: id(),
                amount,
            });
        }
        if entry.kind.available_sign() < 0 && amount > self.available {
            return Err(LedgerError::Overdrawn {
                entry: id(),
                balance: self.available,
                amount,
            });
        }
        match &entry.kind {
            EntryKind::BankDeposit { purpose } | EntryKind::BankWithdrawal { purpose }
                if purpose.trim().is_empty() =>
            {
                return Err(LedgerError::EmptyPurpose { entry: id() });
            }
            EntryKind::BankDeposit { purpose } => {
                *self.banked.entry(purpose.clone()).or_default() += amount;
            }
            EntryKind::BankWithdrawal { purpose } => {
                let Some(banked) = self.banked.get_mut(purpose) else {
                    return Err(LedgerError::UnknownBankPurpose {
                        entry: id(),
                        purpose: purpose.clone(),
                    });
                };
                if amount > *banked {
                    return Err(LedgerError::BankOverdrawn {
                        entry: id(),
                        purpose: purpose.clone(),
                        banked: *banked,
                        amount,
                    });
                }
                *banked -= amount;
            }
            _ => {}
        }
        if entry.kind.available_sign() > 0 {
            self.available += amount;
        } else {
            self.available -= amount;
        }
        Ok(())
    }

    pub(crate) fn banked_total(&self) -> Decimal {
        self.banked.values().copied().sum()
    }

    pub(crate) fn held(&self) -> Decimal {
        self.available + self.banked_total()
    }

    pub(crate) fn banked_list(&self) -> Vec<PurposeAmount> {
        self.banked
            .iter()
            .filter(|(_, amount)| !amount.is_zero())
            .map(|(purpose, amount)| PurposeAmount {
                purpose: purpose.clone(),
                amount: *amount,
            })
            .collect()
    }
}

/// An Individual Service Fund's ledger.
///
/// Amounts are always positive; the [`EntryKind`] says which way money moves:
///
/// | kind | available | saved (banked) |
/// |---|---|---|
/// | `Credit` | + | |
/// | `DeliveredSupport`, `Purchase`, `ManagementFee`, `Expiry`, `SurplusReturn` | − | |
/// | `BankDeposit { purpose }` | − | + for `purpose` |
/// | `BankWithdrawal { purpose }` | + | − for `purpose` |
///
/// The money held is available + saved. Balances are derived from the
/// entries: the ledger keeps a running total only as a cache, which it
/// rebuilds (re-checking every entry) when read from JSON, and which is never
/// written out.
///
/// Entries go in through [`Ledger::push`], which refuses (and leaves the
/// ledger unchanged) an entry with a zero, negative, too large or
/// fractional-penny amount; a duplicate id; a date before the last entry;
/// spending or saving more than is available; or withdrawing more than is
/// saved for a purpose. Reading a ledger from JSON re-checks every entry.
///
/// ```
/// use chrono::NaiveDate;
/// use perfect_week::ids::EntryId;
/// use perfect_week::money::{EntryKind, Ledger, LedgerEntry};
///
/// let date = NaiveDate::from_ymd_opt(2026, 4, 6).ok_or("date")?;
/// let entry = |id: &str, kind, amount: &str| -> Result<LedgerEntry, Box<dyn std::error::Error>> {
///     Ok(LedgerEntry { id: EntryId::new(id), date, kind, amount: amount.parse()?, outcomes: vec![] })
/// };
/// let mut ledger = Ledger::new();
/// ledger.push(entry("e1", EntryKind::Credit, "250.00")?)?;
/// ledger.push(entry("e2", EntryKind::BankDeposit { purpose: "holiday".into() }, "50.00")?)?;
/// assert_eq!(ledger.available(), "200.00".parse()?);
/// assert_eq!(ledger.held(), "250.00".parse()?);
/// // Spending more than is available is refused and changes nothing.
/// assert!(ledger.push(entry("e3", EntryKind::ManagementFee, "300.00")?).is_err());
/// assert_eq!(ledger.entries().len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(try_from = "LedgerData", into = "LedgerData")]
pub struct Ledger {
    entries: Vec<LedgerEntry>,
    totals: Balances,
}

/// The serde shape of a [`Ledger`]: just its entries.
#[derive(Serialize, Deserialize)]
struct LedgerData {
    entries: Vec<LedgerEntry>,
}

impl TryFrom<LedgerData> for Ledger {
    type Error = LedgerError;

    fn try_from(data: LedgerData) -> Result<Self, Self::Error> {
        Ledger::from_entries(data.entries)
    }
}

impl From<Ledger> for LedgerData {
    fn from(ledger: Ledger) -> Self {
        LedgerData {
            entries: ledger.entries,
        }
    }
}

impl Ledger {
    /// An empty ledger.
    pub fn new() -> Self {
        Ledger::default()
    }

    /// A ledger of `entries`, pushed in order; the first refusal is returned.
    pub fn from_entries(
        entries: impl IntoIterator<Item = LedgerEntry>,
    ) -> Result<Self, LedgerError> {
        let mut ledger = Ledger::new();
        for entry in entries {
            ledger.push(entry)?;
        }
        Ok(ledger)
    }

    /// Appends `entry`, or refuses it with the reason, leaving the ledger
    /// unchanged.
    pub fn push(&mut self, entry: LedgerEntry) -> Result<(), LedgerError> {
        if self.entries.iter().any(|e| e.id == entry.id) {
            return Err(LedgerError::DuplicateEntry { entry: entry.id });
        }
        if let Some(last) = self.entries.last()
            && entry.date < last.date
        {
            return Err(LedgerError::OutOfOrder {
                entry: entry.id,
                date: entry.date,
                last: last.date,
            });
        }
        let mut totals = self.totals.clone();
        totals.apply(&entry)?;
        self.totals = totals;
        self.entries.push(entry);
        Ok(())
    }

    /// The entries, in order.
    pub fn entries(&self) -> &[LedgerEntry] {
        &self.entries
    }

    /// Money free to spend now.
    pub fn available(&self) -> Decimal {
        self.totals.available
    }

    /// Money saved for `purpose` now (zero if none).
    pub fn banked(&self, purpose: &str) -> Decimal {
        self.totals.banked.get(purpose).copied().unwrap_or_default()
    }

    /// Money saved, by purpose (purposes now at zero are left out).
    pub fn banked_by_purpose(&self) -> Vec<PurposeAmount> {
        self.totals.banked_list()
    }

    /// All money held: available plus saved.
    pub fn held(&self) -> Decimal {
        self.totals.held()
    }

    /// Balances after every entry dated on or before `date`.
    pub(crate) fn balances_through(&self, date: NaiveDate) -> Balances {
        let mut balances = Balances::default();
        for entry in self.entries.iter().take_while(|e| e.date <= date) {
            // Entries were checked on push, so this cannot fail.
            let _ = balances.apply(entry);
        }
        balances
    }

    /// The entries dated from `from` to `to`, inclusive.
    pub fn entries_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> impl Iterator<Item = &LedgerEntry> {
        self.entries
            .iter()
            .skip_while(move |e| e.date < from)
            .take_while(move |e| e.date <= to)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::money::tests::d;

    pub(crate) fn entry(id: &str, day: u32, kind: EntryKind, amount: &str) -> LedgerEntry {
        LedgerEntry {
            id: EntryId::new(id),
            date: NaiveDate::from_ymd_opt(2026, 4, 1).unwrap() + chrono::Days::new(u64::from(day)),
            kind,
            amount: d(amount),
            outcomes: vec![],
        }
    }

    fn deposit(p: &str) -> EntryKind {
        EntryKind::BankDeposit { purpose: p.into() }
    }

    fn withdraw(p: &str) -> EntryKind {
        EntryKind::BankWithdrawal { purpose: p.into() }
    }

    #[test]
    fn refusals_change_nothing() {
        let mut l = Ledger::new();
        l.push(entry("c1", 0, EntryKind::Credit, "100")).unwrap();
        l.push(entry("b1", 1, deposit("holiday"), "40")).unwrap();
        let before = l.clone();
        // Each refusal with the error it must give: the variant its label
        // names, the entry, and the figures the message quotes.
        let x = || EntryId::new("x");
        let day = |n: u64| NaiveDate::from_ymd_opt(2026, 4, 1).unwrap() + chrono::Days::new(n);
        let refused = [
            (
                entry("c1", 2, EntryKind::Credit, "1"),
                "duplicate",
                LedgerError::DuplicateEntry { entry: "c1".into() },
            ),
            (
                entry("x", 0, EntryKind::Credit, "1"),
                "out of order",
                LedgerError::OutOfOrder {
                    entry: x(),
                    date: day(0),
                    last: day(1),
                },
            ),
            (
                entry("x", 2, EntryKind::Credit, "0"),
                "zero",
                LedgerError::NonPositiveAmount {
                    entry: x(),
                    amount: d("0"),
                },
            ),
            (
                entry("x", 2, EntryKind::Credit, "-5"),
                "negative",
                LedgerError::NonPositiveAmount {
                    entry: x(),
                    amount: d("-5"),
                },
            ),
            (
                entry("x", 2, EntryKind::Credit, "1.001"),
                "fraction",
                LedgerError::FractionalPennies {
                    entry: x(),
                    amount: d("1.001"),
                },
            ),
            (
                entry("x", 2, EntryKind::ManagementFee, "60.01"),
                "overdrawn",
                LedgerError::Overdrawn {
                    entry: x(),
                    balance: d("60"),
                    amount: d("60.01"),
                },
            ),
            (
                entry("x", 2, deposit("car"), "61"),
                "overdrawn by saving",
                LedgerError::Overdrawn {
                    entry: x(),
                    balance: d("60"),
                    amount: d("61"),
                },
            ),
            (
                entry("x", 2, withdraw("holiday"), "40.01"),
                "bank overdrawn",
                LedgerError::BankOverdrawn {
                    entry: x(),
                    purpose: "holiday".into(),
                    banked: d("40"),
                    amount: d("40.01"),
                },
            ),
            (
                entry("x", 2, withdraw("car"), "1"),
                "unknown purpose",
                LedgerError::UnknownBankPurpose {
                    entry: x(),
                    purpose: "car".into(),
                },
            ),
            (
                entry("x", 2, deposit(" "), "1"),
                "empty purpose",
                LedgerError::EmptyPurpose { entry: x() },
            ),
            (
                entry("x", 2, EntryKind::Credit, "1000000000000.01"),
                "too large",
                LedgerError::AmountTooLarge {
                    entry: x(),
                    amount: d("1000000000000.01"),
                },
            ),
        ];
        for (e, why, expected) in refused {
            assert_eq!(l.push(e), Err(expected), "{why}");
            assert_eq!(l, before, "{why}");
        }
        l.push(entry("w1", 3, withdraw("holiday"), "40")).unwrap();
        assert_eq!(l.available(), d("100"));
        assert_eq!(l.banked("holiday"), d("0"));
        assert!(l.banked_by_purpose().is_empty());
    }

    #[test]
    fn json_round_trip_rechecks() {
        let mut l = Ledger::new();
        l.push(entry("c1", 0, EntryKind::Credit, "100")).unwrap();
        l.push(entry(
            "s1",
            0,
            EntryKind::DeliveredSupport {
                minutes: 90,
                session: Some("tue-am".into()),
            },
            "36.00",
        ))
        .unwrap();
        let json = serde_json::to_string(&l).unwrap();
        assert!(!json.contains("totals"));
        assert_eq!(serde_json::from_str::<Ledger>(&json).unwrap(), l);
        let overdrawn = json.replace("\"100\"", "\"10\"");
        assert!(serde_json::from_str::<Ledger>(&overdrawn).is_err());
    }
}
