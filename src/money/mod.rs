//! Money: the rate card, the Individual Service Fund agreement, its ledger and statements.
//!
//! Money is always [`rust_decimal::Decimal`] in pounds, written to JSON as a
//! string (`"12.50"`), never a float.
//!
//! # The rounding rule
//!
//! There is one rounding rule, applied through [`round_pennies`]: amounts are
//! rounded to the penny (2 decimal places), **half away from zero**
//! (£0.125 → £0.13, −£0.125 → −£0.13). Each session's charge is rounded once,
//! then totals are sums of rounded charges, so a statement always adds up.

pub(crate) mod fund;
pub(crate) mod isf;
pub(crate) mod ledger;
pub(crate) mod pay_floor;
pub(crate) mod rate_card;
pub(crate) mod statement;

pub use fund::{Fund, FundBudget};
pub use isf::{Allocation, FeeRule, IsfAgreement, SurplusRule};
pub use ledger::{EntryKind, Ledger, LedgerEntry, PurposeAmount};
pub use pay_floor::{AgeBand, BandName, PayFloorError, PayFloorTable, PayFloors};
pub use rate_card::{ChargeKind, DayKind, Enhancement, RateCard, RateCardSet, When};
pub use statement::{Statement, SurplusFlag};

use rust_decimal::{Decimal, RoundingStrategy};

/// The largest amount a single ledger entry may carry (£1,000,000,000,000);
/// bounding entries keeps every sum far from `Decimal`'s limits.
pub const MAX_ENTRY_AMOUNT: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0);

/// Rounds to the penny, half away from zero: the crate's one rounding rule.
///
/// ```
/// use perfect_week::money::round_pennies;
/// use rust_decimal::Decimal;
///
/// assert_eq!(round_pennies("2.345".parse()?), "2.35".parse::<Decimal>()?);
/// assert_eq!(round_pennies("-2.345".parse()?), "-2.35".parse::<Decimal>()?);
/// assert_eq!(round_pennies("2.344".parse()?), "2.34".parse::<Decimal>()?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn round_pennies(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// The highest hourly rate or pay the crate accepts (defined beside the
/// worker's contract, which checks pay against it, so that `staff` need not
/// import from `money` above it).
pub use crate::staff::MAX_HOURLY;

/// Sums without panicking on absurd input (saturates instead).
pub(crate) fn saturating_sum(values: impl IntoIterator<Item = Decimal>) -> Decimal {
    values
        .into_iter()
        .fold(Decimal::ZERO, Decimal::saturating_add)
}

/// Reports each two dated items (`label from <date>`) in force on a same day;
/// `None` as the end means open-ended.
pub(crate) fn check_dated_overlaps(
    label: &str,
    spans: impl Iterator<Item = (chrono::NaiveDate, Option<chrono::NaiveDate>)> + Clone,
    errors: &mut Vec<crate::error::ValidationError>,
) {
    for (i, (a_from, a_to)) in spans.clone().enumerate() {
        for (b_from, b_to) in spans.clone().skip(i + 1) {
            let a_end = a_to.unwrap_or(chrono::NaiveDate::MAX);
            let b_end = b_to.unwrap_or(chrono::NaiveDate::MAX);
            if a_from <= b_end && b_from <= a_end {
                errors.push(crate::error::ValidationError::Overlapping {
                    item: format!("{label} from {a_from}"),
                    other: format!("{label} from {b_from}"),
                });
            }
        }
    }
}

/// Whether `amount` is a whole number of pennies.
pub fn is_whole_pennies(amount: Decimal) -> bool {
    round_pennies(amount) == amount
}

/// Formats an amount as pounds for people: `£1,234.50`, `-£3.00`.
///
/// Money is shown to the penny as entered: an amount in whole pennies
/// with two decimals, and one with a fraction of a penny with every digit
/// it has (`£0.001`, `£13.205`), never rounded into something else, so
/// that a message about a sub-penny amount shows the amount at fault.
/// (Charges are rounded to the penny before they are shown, by
/// [`round_pennies`].)
///
/// ```
/// use perfect_week::money::format_pounds;
/// use perfect_week::rust_decimal::Decimal;
///
/// assert_eq!(format_pounds(Decimal::new(123_450, 2)), "£1,234.50");
/// assert_eq!(format_pounds(Decimal::new(1, 3)), "£0.001");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn format_pounds(amount: Decimal) -> String {
    let sign = if amount.is_sign_negative() && !amount.is_zero() {
        "-"
    } else {
        ""
    };
    let text = if is_whole_pennies(amount) {
        format!("{:.2}", amount.abs())
    } else {
        amount.abs().normalize().to_string()
    };
    let (whole, pennies) = text.split_once('.').unwrap_or((&text, "00"));
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    format!("{sign}£{grouped}.{pennies}")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Parses a decimal literal in tests.
    pub(crate) fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn max_amount_is_a_trillion() {
        assert_eq!(MAX_ENTRY_AMOUNT, Decimal::from(1_000_000_000_000_i64));
    }

    #[test]
    fn pounds() {
        assert_eq!(format_pounds(d("1234.5")), "£1,234.50");
        assert_eq!(format_pounds(d("-3")), "-£3.00");
        assert_eq!(format_pounds(d("999.999")), "£999.999");
        assert_eq!(format_pounds(d("0.004")), "£0.004");
        assert_eq!(format_pounds(d("-0.001")), "-£0.001");
        assert_eq!(format_pounds(d("1234567.125")), "£1,234,567.125");
    }
}
