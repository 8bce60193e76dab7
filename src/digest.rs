//! What a rota means for a person, in figures a person can read: their
//! budget against what the rota plans to spend, and for a seat left empty,
//! the nearest any worker came to taking it.

use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::explain::Candidate;
use crate::ids::PersonId;
use crate::plan::Fund;
use crate::rota::RotaEntry;
use crate::week::Funding;

/// A person's flexi budget over a rota's weeks against what the rota plans.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetUse {
    /// The flexi money of the weeks: the weekly money less its core part,
    /// times the weeks.
    #[serde(with = "rust_decimal::serde::str")]
    pub allocated: Decimal,
    /// Money from the person's bank they chose to use in these weeks.
    #[serde(with = "rust_decimal::serde::str")]
    pub from_bank: Decimal,
    /// What the rota plans to spend from the flexi money, in all.
    #[serde(with = "rust_decimal::serde::str")]
    pub planned: Decimal,
    /// Planned spend per week, from the first.
    pub per_week: Vec<Decimal>,
    /// What is left: allocated and bank, less planned (below zero when
    /// overspent).
    #[serde(with = "rust_decimal::serde::str")]
    pub left: Decimal,
}

/// Why a budget could not be summed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BudgetError {
    /// The fund's allocation is in hours, not money.
    #[error("person \"{0}\": the allocation has no money per week")]
    NoMoney(PersonId),
    /// A sum does not fit a decimal.
    #[error("person \"{0}\": the budget's sums overflow")]
    Overflow(PersonId),
}

impl BudgetUse {
    /// Sums `person`'s flexi budget from `fund` for `weeks` weeks from
    /// `start`, against the flexi charges of their `entries`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use perfect_week::digest::BudgetUse;
    /// use perfect_week::plan::Fund;
    /// use perfect_week::{RateCard, RateCardSet};
    ///
    /// let monday = NaiveDate::from_ymd_opt(2026, 3, 23).ok_or("date")?;
    /// let cards = RateCardSet::new(vec![RateCard::flat(monday, "24.00".parse()?)]);
    /// let fund = Fund::money(cards, "150".parse()?).with_usable_bank("20".parse()?);
    /// let budget = BudgetUse::of(&"ava".into(), &fund, &[], monday, 2)?;
    /// assert_eq!(budget.left.to_string(), "320");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn of(
        person: &PersonId,
        fund: &Fund,
        entries: &[RotaEntry],
        start: NaiveDate,
        weeks: u32,
    ) -> Result<Self, BudgetError> {
        let overflow = || BudgetError::Overflow(person.clone());
        let weekly = fund
            .allocation
            .money_per_week
            .ok_or_else(|| BudgetError::NoMoney(person.clone()))?
            .checked_sub(fund.allocation.core_money_per_week.unwrap_or_default())
            .ok_or_else(overflow)?;
        let allocated = weekly
            .checked_mul(Decimal::from(weeks))
            .ok_or_else(overflow)?;
        let mut per_week = Vec::new();
        for week in 0..i64::from(weeks) {
            let from = start + Duration::days(7 * week);
            let to = from + Duration::days(7);
            let spent = entries
                .iter()
                .filter(|e| e.person.as_ref() == Some(person) && e.funding == Funding::Flexi)
                .filter(|e| e.date >= from && e.date < to)
                .try_fold(Decimal::ZERO, |sum, e| sum.checked_add(e.charge))
                .ok_or_else(overflow)?;
            per_week.push(spent);
        }
        let planned = per_week
            .iter()
            .try_fold(Decimal::ZERO, |sum, w| sum.checked_add(*w))
            .ok_or_else(overflow)?;
        let left = allocated
            .checked_add(fund.usable_bank)
            .and_then(|total| total.checked_sub(planned))
            .ok_or_else(overflow)?;
        Ok(Self {
            allocated,
            from_bank: fund.usable_bank,
            planned,
            per_week,
            left,
        })
    }
}

/// The worker who came nearest to taking an empty seat: the fewest rules
/// in the way, then the smallest amount by which they are broken. `None`
/// when no worker was considered.
///
/// Its `blocked_by` is the smallest reason the seat is empty: what would
/// have to change for someone to take it.
pub fn nearest(candidates: &[Candidate]) -> Option<&Candidate> {
    candidates.iter().min_by_key(|c| {
        let amount: i64 = c.blocked_by.iter().map(|(_, a)| a.saturating_abs()).sum();
        (c.blocked_by.len(), amount)
    })
}
