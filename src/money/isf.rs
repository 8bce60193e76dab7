//! The Individual Service Fund agreement and a person's allocation.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{is_whole_pennies, round_pennies};
use crate::error::{ValidationError, ValidationErrors, check_not_blank, check_not_negative};
use crate::ids::PersonId;

/// The written agreement behind an Individual Service Fund.
///
/// ```
/// use chrono::NaiveDate;
/// use perfect_week::ids::PersonId;
/// use perfect_week::money::{FeeRule, IsfAgreement, SurplusRule};
///
/// let agreement = IsfAgreement {
///     person: PersonId::new("p1"),
///     provider: "Brightside Support".into(),
///     start: NaiveDate::from_ymd_opt(2026, 4, 6).ok_or("date")?,
///     review_due: NaiveDate::from_ymd_opt(2027, 4, 5).ok_or("date")?,
///     weekly_amount: "500.00".parse()?,
///     client_contribution: "40.00".parse()?,
///     management_fee: FeeRule::Percent("8".parse()?),
///     payment_in_advance_weeks: 2,
///     surplus: SurplusRule {
///         max_multiple_of_weekly: "4".parse()?,
///         max_age_weeks: 12,
///         earmarked_exempt: true,
///     },
/// };
/// agreement.validate()?;
/// assert_eq!(agreement.net_weekly(), "460.00".parse()?);
/// assert_eq!(agreement.weekly_fee(), "36.80".parse()?);
/// assert_eq!(agreement.surplus_cap(), "1840.00".parse()?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IsfAgreement {
    /// The person the fund belongs to.
    pub person: PersonId,
    /// The provider holding the fund.
    pub provider: String,
    /// First day of the agreement.
    pub start: NaiveDate,
    /// When it must next be reviewed.
    pub review_due: NaiveDate,
    /// The personal budget per week.
    #[serde(with = "rust_decimal::serde::str")]
    pub weekly_amount: Decimal,
    /// The person's assessed contribution per week, netted off.
    #[serde(with = "rust_decimal::serde::str")]
    pub client_contribution: Decimal,
    /// The provider's management fee.
    pub management_fee: FeeRule,
    /// How many weeks in advance the council pays.
    pub payment_in_advance_weeks: u8,
    /// How much unspent money may be held, and for how long.
    pub surplus: SurplusRule,
}

/// How the provider's management fee is worked out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FeeRule {
    /// A percentage of the net weekly amount (`8` means 8%), rounded to the
    /// penny.
    Percent(#[serde(with = "rust_decimal::serde::str")] Decimal),
    /// A fixed amount per week.
    FixedWeekly(#[serde(with = "rust_decimal::serde::str")] Decimal),
}

/// The limit on unspent money (a surplus) the person may hold.
///
/// The statement flags a surplus when the money measured is more than
/// `max_multiple_of_weekly` × the net weekly amount, or when some of it was
/// paid in more than `max_age_weeks` weeks ago (oldest money is taken as
/// spent first). With `earmarked_exempt`, money saved for a named purpose is
/// an identified future need and is not measured; otherwise it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurplusRule {
    /// Cap as a multiple of the net weekly amount (4 in the Dorset model).
    #[serde(with = "rust_decimal::serde::str")]
    pub max_multiple_of_weekly: Decimal,
    /// How many weeks money may be held unspent (12 in the Dorset model).
    pub max_age_weeks: u16,
    /// Whether money saved for a named purpose is exempt.
    pub earmarked_exempt: bool,
}

impl IsfAgreement {
    /// The weekly amount less the client contribution.
    pub fn net_weekly(&self) -> Decimal {
        self.weekly_amount.saturating_sub(self.client_contribution)
    }

    /// The management fee for a week, rounded to the penny. (A percentage
    /// up to 100, as [`IsfAgreement::validate`] requires, is at most the net
    /// weekly amount and cannot overflow; an unvalidated larger one
    /// saturates.)
    pub fn weekly_fee(&self) -> Decimal {
        match &self.management_fee {
            FeeRule::Percent(p) => {
                round_pennies(self.net_weekly().saturating_mul(*p / Decimal::ONE_HUNDRED))
            }
            FeeRule::FixedWeekly(amount) => round_pennies(*amount),
        }
    }

    /// The most unspent money that may be held, rounded to the penny.
    /// ([`IsfAgreement::validate`] refuses a multiple whose cap does not fit;
    /// on unvalidated data it saturates.)
    pub fn surplus_cap(&self) -> Decimal {
        round_pennies(
            self.net_weekly()
                .saturating_mul(self.surplus.max_multiple_of_weekly),
        )
    }

    /// Checks the agreement, reporting every problem: blank provider, review
    /// before start, negative or fractional-penny amounts, a contribution
    /// above the weekly amount, a fee above 100% or above the net weekly
    /// amount, a negative surplus multiple, and a surplus cap too large to
    /// count.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = Vec::new();
        let me = format!("ISF agreement for \"{}\"", self.person);
        check_not_blank(|| format!("{me} provider"), &self.provider, &mut errors);
        if self.review_due < self.start {
            errors.push(ValidationError::EndBeforeStart {
                item: format!("{me} review date"),
                start: self.start.to_string(),
                end: self.review_due.to_string(),
            });
        }
        for (name, amount) in [
            ("weekly amount", self.weekly_amount),
            ("client contribution", self.client_contribution),
        ] {
            check_money(|| format!("{me} {name}"), amount, &mut errors);
        }
        if self.client_contribution > self.weekly_amount {
            errors.push(ValidationError::ExceedsLimit {
                item: format!("{me} client contribution"),
                value: self.client_contribution.to_string(),
                limit: self.weekly_amount.to_string(),
            });
        }
        let fee_item = || format!("{me} management fee");
        match &self.management_fee {
            FeeRule::Percent(p) => {
                check_not_negative(fee_item, *p, &mut errors);
                if *p > Decimal::ONE_HUNDRED {
                    errors.push(ValidationError::ExceedsLimit {
                        item: fee_item(),
                        value: format!("{p}%"),
                        limit: "100%".into(),
                    });
                }
            }
            FeeRule::FixedWeekly(amount) => {
                check_money(fee_item, *amount, &mut errors);
                if *amount > self.net_weekly() {
                    errors.push(ValidationError::ExceedsLimit {
                        item: fee_item(),
                        value: amount.to_string(),
                        limit: self.net_weekly().to_string(),
                    });
                }
            }
        }
        check_not_negative(
            || format!("{me} surplus multiple"),
            self.surplus.max_multiple_of_weekly,
            &mut errors,
        );
        if self
            .net_weekly()
            .checked_mul(self.surplus.max_multiple_of_weekly)
            .is_none()
        {
            errors.push(ValidationError::OutOfRange {
                item: format!("{me} surplus cap"),
                value: format!(
                    "£{} × {}",
                    self.net_weekly(),
                    self.surplus.max_multiple_of_weekly
                ),
                expected: format!("at most £{}", Decimal::MAX),
            });
        }
        ValidationErrors::check(errors)
    }
}

/// Reports a negative amount or one with fractions of a penny.
pub(crate) fn check_money(
    item: impl Fn() -> String,
    amount: Decimal,
    errors: &mut Vec<ValidationError>,
) {
    check_not_negative(&item, amount, errors);
    if !is_whole_pennies(amount) {
        errors.push(ValidationError::NotWholeUnits {
            item: item(),
            amount,
            unit: "pennies".into(),
        });
    }
}

/// What a person has each week: money, hours, or both:
/// [`Allocation::money`] or [`Allocation::hours`], then the `with_*`
/// methods.
///
/// For a resident of a core-and-flexi [`Service`](crate::service::Service),
/// `money_per_week` and `core_money_per_week` are their share of the core
/// cost, and `hours_per_week` and `flexi_hours_per_week` their flexi hours.
///
/// ```
/// use perfect_week::Allocation;
/// use perfect_week::rust_decimal::Decimal;
///
/// // £1,000.00 a week, £192.00 of it for the service's shared core staffing.
/// let ava = Allocation::money(Decimal::new(100_000, 2)).with_core_money(Decimal::new(19_200, 2));
/// ava.validate("ava")?;
/// // Five flexi hours a week, all of them the person's to direct.
/// let flat = Allocation::hours(Decimal::from(5)).with_flexi_hours(Decimal::from(5));
/// flat.validate("flat 2")?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Allocation {
    /// Money per week.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub money_per_week: Option<Decimal>,
    /// Hours of support per week.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub hours_per_week: Option<Decimal>,
    /// The part of the money that pays for shared core staffing.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub core_money_per_week: Option<Decimal>,
    /// The part of the hours the person directs (flexi).
    #[serde(with = "rust_decimal::serde::str_option")]
    pub flexi_hours_per_week: Option<Decimal>,
}

impl Allocation {
    /// `money_per_week` a week, and no hours.
    pub fn money(money_per_week: Decimal) -> Self {
        Self {
            money_per_week: Some(money_per_week),
            ..Self::default()
        }
    }

    /// `hours_per_week` hours of support a week, and no money.
    pub fn hours(hours_per_week: Decimal) -> Self {
        Self {
            hours_per_week: Some(hours_per_week),
            ..Self::default()
        }
    }

    /// The same allocation with `money_per_week` too.
    pub fn with_money(mut self, money_per_week: Decimal) -> Self {
        self.money_per_week = Some(money_per_week);
        self
    }

    /// The same allocation with `hours_per_week` too.
    pub fn with_hours(mut self, hours_per_week: Decimal) -> Self {
        self.hours_per_week = Some(hours_per_week);
        self
    }

    /// The same allocation with `core` of its money a week paying for
    /// shared core staffing.
    pub fn with_core_money(mut self, core: Decimal) -> Self {
        self.core_money_per_week = Some(core);
        self
    }

    /// The same allocation with `flexi` of its hours a week the person's to
    /// direct.
    pub fn with_flexi_hours(mut self, flexi: Decimal) -> Self {
        self.flexi_hours_per_week = Some(flexi);
        self
    }

    /// Checks the allocation, reporting every problem: neither money nor
    /// hours given, negative amounts, a core part without money or above
    /// it, a flexi part without hours or above them.
    pub fn validate(&self, item: &str) -> Result<(), ValidationErrors> {
        let mut errors = Vec::new();
        if self.money_per_week.is_none() && self.hours_per_week.is_none() {
            errors.push(ValidationError::Missing {
                item: item.to_owned(),
                what: "money or hours per week".into(),
            });
        }
        for (name, value) in [
            ("money per week", self.money_per_week),
            ("hours per week", self.hours_per_week),
            ("core money per week", self.core_money_per_week),
            ("flexi hours per week", self.flexi_hours_per_week),
        ] {
            if let Some(v) = value {
                check_not_negative(|| format!("{item} {name}"), v, &mut errors);
            }
        }
        for (name, part, whole, whole_name) in [
            (
                "core money per week",
                self.core_money_per_week,
                self.money_per_week,
                "money per week",
            ),
            (
                "flexi hours per week",
                self.flexi_hours_per_week,
                self.hours_per_week,
                "hours per week",
            ),
        ] {
            match (part, whole) {
                (Some(_), None) => errors.push(ValidationError::Missing {
                    item: format!("{item} {name}"),
                    what: whole_name.into(),
                }),
                (Some(p), Some(w)) if p > w => errors.push(ValidationError::ExceedsLimit {
                    item: format!("{item} {name}"),
                    value: p.to_string(),
                    limit: w.to_string(),
                }),
                _ => {}
            }
        }
        ValidationErrors::check(errors)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::money::tests::d;

    pub(crate) fn sample_agreement() -> IsfAgreement {
        IsfAgreement {
            person: PersonId::new("p1"),
            provider: "Brightside".into(),
            start: NaiveDate::from_ymd_opt(2026, 4, 6).unwrap(),
            review_due: NaiveDate::from_ymd_opt(2027, 4, 5).unwrap(),
            weekly_amount: d("300.00"),
            client_contribution: d("50.00"),
            management_fee: FeeRule::FixedWeekly(d("15.00")),
            payment_in_advance_weeks: 2,
            surplus: SurplusRule {
                max_multiple_of_weekly: d("4"),
                max_age_weeks: 12,
                earmarked_exempt: true,
            },
        }
    }

    #[test]
    fn fee_and_cap() {
        let mut a = sample_agreement();
        assert_eq!(a.net_weekly(), d("250.00"));
        assert_eq!(a.weekly_fee(), d("15.00"));
        assert_eq!(a.surplus_cap(), d("1000.00"));
        a.management_fee = FeeRule::Percent(d("7.5"));
        assert_eq!(a.weekly_fee(), d("18.75"));
        a.management_fee = FeeRule::Percent(d("3.33"));
        // 250 × 3.33% = 8.325 → 8.33 (half away from zero)
        assert_eq!(a.weekly_fee(), d("8.33"));
        assert!(a.validate().is_ok());
    }

    #[test]
    fn agreement_reports_every_problem() {
        let mut a = sample_agreement();
        a.client_contribution = d("300.001");
        a.management_fee = FeeRule::Percent(d("120"));
        let errors: Vec<String> = a
            .validate()
            .unwrap_err()
            .errors()
            .iter()
            .map(ToString::to_string)
            .collect();
        // fractional pennies, contribution above weekly, fee above 100%
        let agreement = "ISF agreement for \"p1\"";
        assert_eq!(
            errors,
            vec![
                format!(
                    "{agreement} client contribution: 300.001 is not a whole number of pennies"
                ),
                format!("{agreement} client contribution: 300.001 exceeds the limit of 300.00"),
                format!("{agreement} management fee: 120% exceeds the limit of 100%"),
            ]
        );
    }

    #[test]
    fn allocation_rules() {
        assert_eq!(
            Allocation::default()
                .validate("a")
                .unwrap_err()
                .errors()
                .len(),
            1
        );
        let a = Allocation {
            money_per_week: Some(d("100")),
            hours_per_week: None,
            core_money_per_week: Some(d("150")),
            flexi_hours_per_week: Some(d("2")),
        };
        assert_eq!(a.validate("a").unwrap_err().errors().len(), 2);
    }
}
