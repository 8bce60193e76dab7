//! What pays for a person's flexi support, and the budget it gives a rota.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};

use crate::error::ValidationError;

use super::{Allocation, RateCardSet, round_pennies};

/// What pays for a person's flexi support.
///
/// With an allocation in hours (`flexi_hours_per_week`, or hours and no
/// money) the budget is those hours, no rate card is needed (sessions are
/// then charged nothing in money unless a card is given), and `usable_bank`
/// is money that does not add to it. With an allocation in money, the budget
/// is the weekly money less its core part, plus `usable_bank`, and a rate
/// card must be in force on every date a paid flexi session falls on.
///
/// ```
/// use perfect_week::{Fund, FundBudget};
/// use perfect_week::rust_decimal::Decimal;
///
/// // Ten flexi hours a week, no money and no rate card.
/// let fund = Fund::hours(Decimal::from(10));
/// assert!(fund.is_hours());
/// assert_eq!(fund.budget("ava", 2)?, FundBudget::Minutes(1_200));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Fund {
    /// The rate cards the fund is charged by (none needed for hours).
    #[serde(default)]
    pub rate_cards: RateCardSet,
    /// Their allocation per week.
    pub allocation: Allocation,
    /// Money from their bank they choose to use in this period.
    #[serde(with = "rust_decimal::serde::str", default)]
    pub usable_bank: Decimal,
}

/// A fund's budget over a rota period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FundBudget {
    /// An hours allocation: minutes of support (each worker's minutes count).
    Minutes(i64),
    /// A money allocation: pence.
    Pence(i64),
}

impl Fund {
    /// A fund of `hours_per_week` flexi hours: no money, no rate card.
    pub fn hours(hours_per_week: Decimal) -> Self {
        Self {
            rate_cards: RateCardSet::default(),
            allocation: Allocation::hours(hours_per_week),
            usable_bank: Decimal::ZERO,
        }
    }

    /// A fund of `money_per_week`, charged by `rate_cards`.
    pub fn money(rate_cards: RateCardSet, money_per_week: Decimal) -> Self {
        Self {
            rate_cards,
            allocation: Allocation::money(money_per_week),
            usable_bank: Decimal::ZERO,
        }
    }

    /// The same fund with `allocation`.
    pub fn with_allocation(mut self, allocation: Allocation) -> Self {
        self.allocation = allocation;
        self
    }

    /// The same fund charged by `rate_cards` (an hours allocation may carry
    /// them too, so that its sessions are costed).
    pub fn with_rate_cards(mut self, rate_cards: RateCardSet) -> Self {
        self.rate_cards = rate_cards;
        self
    }

    /// The same fund with `usable_bank` of the person's bank to use.
    pub fn with_usable_bank(mut self, usable_bank: Decimal) -> Self {
        self.usable_bank = usable_bank;
        self
    }

    /// The flexi hours per week, when the allocation is in hours.
    pub(crate) fn flexi_hours(&self) -> Option<Decimal> {
        let allocation = &self.allocation;
        allocation.flexi_hours_per_week.or(allocation
            .money_per_week
            .is_none()
            .then_some(allocation.hours_per_week)
            .flatten())
    }

    /// Whether the budget is in hours (minutes of support) rather than money.
    pub fn is_hours(&self) -> bool {
        self.flexi_hours().is_some()
    }

    /// The budget over `weeks` weeks. `person` names the fund in an error.
    ///
    /// # Errors
    /// [`ValidationError::OutOfRange`] when the budget does not fit the
    /// whole minutes or pence the solver counts in (an absurd allocation
    /// times many weeks): it is refused, never wrapped or capped.
    pub fn budget(&self, person: &str, weeks: u32) -> Result<FundBudget, ValidationError> {
        let weeks = Decimal::from(weeks);
        let too_big = |value: String| ValidationError::OutOfRange {
            item: format!("person \"{person}\" allocation over {weeks} week(s)"),
            value,
            expected: format!("at most {} minutes or pence", i64::MAX),
        };
        match self.flexi_hours() {
            Some(hours) => {
                let minutes = hours
                    .checked_mul(Decimal::from(60))
                    .and_then(|m| m.checked_mul(weeks))
                    .ok_or_else(|| too_big(format!("{hours} hours a week")))?
                    .floor();
                minutes
                    .to_i64()
                    .map(FundBudget::Minutes)
                    .ok_or_else(|| too_big(format!("{minutes} minutes")))
            }
            None => {
                let allocation = &self.allocation;
                let money = allocation.money_per_week.unwrap_or_default()
                    - allocation.core_money_per_week.unwrap_or_default();
                let total = money
                    .checked_mul(weeks)
                    .and_then(|m| m.checked_add(self.usable_bank))
                    .ok_or_else(|| too_big(format!("£{money} a week")))?;
                round_pennies(total)
                    .checked_mul(Decimal::ONE_HUNDRED)
                    .and_then(|p| p.to_i64())
                    .map(FundBudget::Pence)
                    .ok_or_else(|| too_big(format!("£{total}")))
            }
        }
    }
}
