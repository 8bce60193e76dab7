//! Statements: what happened to the person's money over a period, in words

use std::fmt;

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::isf::SurplusRule;
use super::ledger::{Balances, EntryKind, Ledger, LedgerEntry, PurposeAmount};
use super::{IsfAgreement, format_pounds};
use crate::error::{ValidationError, ValidationErrors};
use crate::ids::EntryId;

/// What happened to an ISF's money over a period.
///
///
/// A statement covers the entries dated from `from` to `to` inclusive. Its
/// opening balances are those after every entry before `from`; its closing
/// balances those after every entry up to `to`; so the closing of one period
/// is the opening of the next, and
///
/// `opening + credits + taken from savings − spending − saved = closing`
///
/// holds exactly for the available balance (see [`Statement::spent`]).
///
/// # The surplus check
///
/// As at `to`, the statement measures the money held: only the available
/// balance when the agreement's [`SurplusRule::earmarked_exempt`] is set
/// (savings for a named purpose are an identified future need), or available
/// plus savings otherwise. It flags a [`SurplusFlag`] when that is above the
/// agreement's [cap](IsfAgreement::surplus_cap), or when some of it is older
/// than `max_age_weeks`. Age is worked out first in, first out: money leaving
/// the measured pool is taken from the oldest credits first, so the old money
/// is the credits dated on or before the cut-off less everything that has
/// left the pool since the start. The suggested [`EntryKind::SurplusReturn`]
/// is the larger of the two excesses, but no more than the available balance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    /// First day covered.
    pub from: NaiveDate,
    /// Last day covered (inclusive).
    pub to: NaiveDate,
    /// Available balance at the start.
    #[serde(with = "rust_decimal::serde::str")]
    pub opening_available: Decimal,
    /// Savings by purpose at the start.
    pub opening_banked: Vec<PurposeAmount>,
    /// Money paid in.
    #[serde(with = "rust_decimal::serde::str")]
    pub credits: Decimal,
    /// Support delivered.
    #[serde(with = "rust_decimal::serde::str")]
    pub delivered: Decimal,
    /// Minutes of support delivered.
    pub delivered_minutes: u64,
    /// Purchases.
    #[serde(with = "rust_decimal::serde::str")]
    pub purchases: Decimal,
    /// Management fees.
    #[serde(with = "rust_decimal::serde::str")]
    pub management_fees: Decimal,
    /// Money that lapsed.
    #[serde(with = "rust_decimal::serde::str")]
    pub expired: Decimal,
    /// Surplus returned to the council.
    #[serde(with = "rust_decimal::serde::str")]
    pub surplus_returned: Decimal,
    /// Money put into savings in the period, by purpose.
    pub saved: Vec<PurposeAmount>,
    /// Money taken out of savings in the period, by purpose.
    pub taken_from_savings: Vec<PurposeAmount>,
    /// Available balance at the end.
    #[serde(with = "rust_decimal::serde::str")]
    pub closing_available: Decimal,
    /// Savings by purpose at the end.
    pub closing_banked: Vec<PurposeAmount>,
    /// The surplus check as at `to`, if there is a surplus.
    pub surplus: Option<SurplusFlag>,
}

/// A surplus found by the statement's check (see [`Statement`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurplusFlag {
    /// The date the check was made for.
    pub as_of: NaiveDate,
    /// The money measured against the cap.
    #[serde(with = "rust_decimal::serde::str")]
    pub measured: Decimal,
    /// The cap from the agreement.
    #[serde(with = "rust_decimal::serde::str")]
    pub cap: Decimal,
    /// How far the measured money is above the cap (zero if not).
    #[serde(with = "rust_decimal::serde::str")]
    pub over_cap: Decimal,
    /// Measured money paid in longer ago than the agreement allows.
    #[serde(with = "rust_decimal::serde::str")]
    pub older_than_limit: Decimal,
    /// The weeks money may be held.
    pub max_age_weeks: u16,
    /// The amount suggested for a surplus return.
    #[serde(with = "rust_decimal::serde::str")]
    pub suggested_return: Decimal,
}

impl SurplusFlag {
    /// The suggested [`EntryKind::SurplusReturn`] entry, dated `as_of`, or
    /// `None` when nothing can be returned.
    pub fn suggested_entry(&self, id: EntryId) -> Option<LedgerEntry> {
        (self.suggested_return > Decimal::ZERO).then(|| LedgerEntry {
            id,
            date: self.as_of,
            kind: EntryKind::SurplusReturn,
            amount: self.suggested_return,
            outcomes: vec![],
        })
    }
}

impl Statement {
    /// The statement of `ledger` from `from` to `to` inclusive, with the
    /// surplus check of `agreement` as at `to`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use perfect_week::ids::{EntryId, PersonId};
    /// use perfect_week::money::{EntryKind, FeeRule, IsfAgreement, Ledger, LedgerEntry, Statement, SurplusRule};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 4, d).ok_or("date");
    /// let agreement = IsfAgreement {
    ///     person: PersonId::new("p1"), provider: "Brightside".into(),
    ///     start: day(6)?, review_due: day(30)?,
    ///     weekly_amount: "250.00".parse()?, client_contribution: "0".parse()?,
    ///     management_fee: FeeRule::FixedWeekly("10.00".parse()?), payment_in_advance_weeks: 2,
    ///     surplus: SurplusRule { max_multiple_of_weekly: "4".parse()?, max_age_weeks: 12, earmarked_exempt: true },
    /// };
    /// let mut ledger = Ledger::new();
    /// for (id, date, kind, amount) in [
    ///     ("e1", day(6)?, EntryKind::Credit, "250.00"),
    ///     ("e2", day(7)?, EntryKind::DeliveredSupport { minutes: 450, session: None }, "180.00"),
    ///     ("e3", day(8)?, EntryKind::ManagementFee, "10.00"),
    ///     ("e4", day(9)?, EntryKind::BankDeposit { purpose: "holiday in Whitby".into() }, "40.00"),
    /// ] {
    ///     ledger.push(LedgerEntry { id: EntryId::new(id), date, kind, amount: amount.parse()?, outcomes: vec![] })?;
    /// }
    /// let statement = Statement::new(&ledger, &agreement, day(6)?, day(12)?)?;
    /// assert_eq!(statement.closing_available, "20.00".parse()?);
    /// let words = statement.to_string();
    /// assert!(words.contains("£180.00 of support was delivered (7.5 hours)"));
    /// assert!(words.contains("£40.00 is saved for \"holiday in Whitby\""));
    /// assert!(words.contains("You have £20.00 left to spend."));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        ledger: &Ledger,
        agreement: &IsfAgreement,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Statement, ValidationErrors> {
        if to < from {
            return Err(ValidationError::EndBeforeStart {
                item: "statement period".into(),
                start: from.to_string(),
                end: to.to_string(),
            }
            .into());
        }
        let opening = from
            .pred_opt()
            .map(|day| ledger.balances_through(day))
            .unwrap_or_default();
        let closing = ledger.balances_through(to);
        let mut statement = Statement {
            from,
            to,
            opening_available: opening.available,
            opening_banked: opening.banked_list(),
            credits: Decimal::ZERO,
            delivered: Decimal::ZERO,
            delivered_minutes: 0,
            purchases: Decimal::ZERO,
            management_fees: Decimal::ZERO,
            expired: Decimal::ZERO,
            surplus_returned: Decimal::ZERO,
            saved: Vec::new(),
            taken_from_savings: Vec::new(),
            closing_available: closing.available,
            closing_banked: closing.banked_list(),
            surplus: surplus_check(ledger, agreement, to, &closing),
        };
        for entry in ledger.entries_between(from, to) {
            statement.add(entry);
        }
        Ok(statement)
    }

    fn add(&mut self, entry: &LedgerEntry) {
        let amount = entry.amount;
        match &entry.kind {
            EntryKind::Credit => self.credits += amount,
            EntryKind::DeliveredSupport { minutes, .. } => {
                self.delivered += amount;
                self.delivered_minutes += u64::from(*minutes);
            }
            EntryKind::Purchase { .. } => self.purchases += amount,
            EntryKind::ManagementFee => self.management_fees += amount,
            EntryKind::Expiry => self.expired += amount,
            EntryKind::SurplusReturn => self.surplus_returned += amount,
            EntryKind::BankDeposit { purpose } => add_to(&mut self.saved, purpose, amount),
            EntryKind::BankWithdrawal { purpose } => {
                add_to(&mut self.taken_from_savings, purpose, amount)
            }
        }
    }

    /// Money that left the available balance as spending: delivered support,
    /// purchases, fees, lapsed money and returned surplus.
    pub fn spent(&self) -> Decimal {
        self.delivered
            + self.purchases
            + self.management_fees
            + self.expired
            + self.surplus_returned
    }

    /// Total put into savings in the period.
    pub fn total_saved(&self) -> Decimal {
        self.saved.iter().map(|p| p.amount).sum()
    }

    /// Total taken out of savings in the period.
    pub fn total_taken_from_savings(&self) -> Decimal {
        self.taken_from_savings.iter().map(|p| p.amount).sum()
    }

    /// Hours of support delivered (minutes ÷ 60, to 2 decimal places).
    pub fn delivered_hours(&self) -> Decimal {
        (Decimal::from(self.delivered_minutes) / Decimal::from(60))
            .round_dp(2)
            .normalize()
    }
}

fn add_to(list: &mut Vec<PurposeAmount>, purpose: &str, amount: Decimal) {
    match list.iter_mut().find(|p| p.purpose == purpose) {
        Some(existing) => existing.amount += amount,
        None => list.push(PurposeAmount {
            purpose: purpose.to_owned(),
            amount,
        }),
    }
}

fn surplus_check(
    ledger: &Ledger,
    agreement: &IsfAgreement,
    as_of: NaiveDate,
    closing: &Balances,
) -> Option<SurplusFlag> {
    let rule: &SurplusRule = &agreement.surplus;
    let measured = if rule.earmarked_exempt {
        closing.available
    } else {
        closing.held()
    };
    let cap = agreement.surplus_cap();
    let over_cap = (measured - cap).max(Decimal::ZERO);
    let cutoff = as_of.checked_sub_days(Days::new(u64::from(rule.max_age_weeks) * 7));
    let mut old_credits = Decimal::ZERO;
    let mut left_pool = Decimal::ZERO;
    for entry in ledger.entries().iter().take_while(|e| e.date <= as_of) {
        let amount = entry.amount;
        match &entry.kind {
            EntryKind::Credit => {
                if cutoff.is_some_and(|c| entry.date <= c) {
                    old_credits += amount;
                }
            }
            EntryKind::BankDeposit { .. } if rule.earmarked_exempt => left_pool += amount,
            EntryKind::BankWithdrawal { .. } if rule.earmarked_exempt => left_pool -= amount,
            EntryKind::BankDeposit { .. } | EntryKind::BankWithdrawal { .. } => {}
            EntryKind::DeliveredSupport { .. }
            | EntryKind::Purchase { .. }
            | EntryKind::ManagementFee
            | EntryKind::Expiry
            | EntryKind::SurplusReturn => left_pool += amount,
        }
    }
    let older_than_limit = (old_credits - left_pool).max(Decimal::ZERO).min(measured);
    let excess = over_cap.max(older_than_limit);
    (excess > Decimal::ZERO).then(|| SurplusFlag {
        as_of,
        measured,
        cap,
        over_cap,
        older_than_limit,
        max_age_weeks: rule.max_age_weeks,
        suggested_return: excess.min(closing.available),
    })
}

impl fmt::Display for Statement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pounds = format_pounds;
        writeln!(
            f,
            "Your money from {} to {}.",
            self.from.format("%A %-d %B %Y"),
            self.to.format("%A %-d %B %Y")
        )?;
        writeln!(
            f,
            "You started the period with {} to spend.",
            pounds(self.opening_available)
        )?;
        if !self.credits.is_zero() {
            writeln!(f, "{} was paid in.", pounds(self.credits))?;
        }
        if !self.delivered.is_zero() || self.delivered_minutes > 0 {
            let hours = self.delivered_hours();
            let unit = if hours == Decimal::ONE {
                "hour"
            } else {
                "hours"
            };
            writeln!(
                f,
                "{} of support was delivered ({hours} {unit}).",
                pounds(self.delivered)
            )?;
        }
        for (amount, words) in [
            (self.purchases, "was spent on things you bought"),
            (self.management_fees, "went on the management fee"),
            (self.expired, "was unspent for too long and lapsed"),
            (
                self.surplus_returned,
                "was returned to the council as a surplus",
            ),
        ] {
            if !amount.is_zero() {
                writeln!(f, "{} {words}.", pounds(amount))?;
            }
        }
        for p in &self.saved {
            writeln!(
                f,
                "You put {} aside for \"{}\".",
                pounds(p.amount),
                p.purpose
            )?;
        }
        for p in &self.taken_from_savings {
            writeln!(
                f,
                "You took {} out of your savings for \"{}\".",
                pounds(p.amount),
                p.purpose
            )?;
        }
        for p in &self.closing_banked {
            writeln!(f, "{} is saved for \"{}\".", pounds(p.amount), p.purpose)?;
        }
        write!(
            f,
            "You have {} left to spend.",
            pounds(self.closing_available)
        )?;
        if let Some(s) = &self.surplus {
            write!(f, "\nYou are holding {}", pounds(s.measured))?;
            if s.over_cap > Decimal::ZERO {
                write!(
                    f,
                    ", {} more than the {} agreed",
                    pounds(s.over_cap),
                    pounds(s.cap)
                )?;
            }
            if s.older_than_limit > Decimal::ZERO {
                write!(
                    f,
                    "; {} of it was paid in more than {} weeks ago",
                    pounds(s.older_than_limit),
                    s.max_age_weeks
                )?;
            }
            write!(f, ". We suggest returning {}.", pounds(s.suggested_return))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::isf::tests::sample_agreement;
    use crate::money::ledger::tests::entry;
    use crate::money::tests::d;

    fn day(n: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 4, 1).unwrap() + Days::new(u64::from(n))
    }

    #[test]
    fn periods_join_up_and_add_up() {
        let mut l = Ledger::new();
        l.push(entry("c1", 0, EntryKind::Credit, "250")).unwrap();
        l.push(entry(
            "d1",
            2,
            EntryKind::DeliveredSupport {
                minutes: 120,
                session: None,
            },
            "48",
        ))
        .unwrap();
        l.push(entry(
            "b1",
            5,
            EntryKind::BankDeposit {
                purpose: "gig".into(),
            },
            "30",
        ))
        .unwrap();
        l.push(entry("c2", 7, EntryKind::Credit, "250")).unwrap();
        l.push(entry(
            "w1",
            9,
            EntryKind::BankWithdrawal {
                purpose: "gig".into(),
            },
            "30",
        ))
        .unwrap();
        l.push(entry(
            "p1",
            9,
            EntryKind::Purchase {
                description: "tickets".into(),
            },
            "45",
        ))
        .unwrap();
        let a = sample_agreement();
        let first = Statement::new(&l, &a, day(0), day(6)).unwrap();
        let second = Statement::new(&l, &a, day(7), day(13)).unwrap();
        assert_eq!(first.closing_available, second.opening_available);
        assert_eq!(first.closing_banked, second.opening_banked);
        for s in [&first, &second] {
            assert_eq!(
                s.opening_available + s.credits + s.total_taken_from_savings()
                    - s.spent()
                    - s.total_saved(),
                s.closing_available
            );
        }
        assert_eq!(first.closing_available, d("172"));
        assert!(first.to_string().contains("(2 hours)"), "{first}");
        assert!(Statement::new(&l, &a, day(3), day(2)).is_err());
    }

    #[test]
    fn surplus_over_cap_and_by_age() {
        let a = sample_agreement(); // net 250, cap 1000, 12 weeks
        let mut l = Ledger::new();
        for week in 0..5 {
            l.push(entry(
                &format!("c{week}"),
                week * 7,
                EntryKind::Credit,
                "250",
            ))
            .unwrap();
        }
        let s = Statement::new(&l, &a, day(28), day(34)).unwrap();
        let flag = s.surplus.clone().unwrap();
        assert_eq!(flag.over_cap, d("250"));
        assert_eq!(flag.suggested_return, d("250"));
        let e = flag.suggested_entry(EntryId::new("ret")).unwrap();
        l.push(e).unwrap();
        let after = Statement::new(&l, &a, day(28), day(34)).unwrap();
        assert!(after.surplus.is_none());
        assert!(
            s.to_string().contains("We suggest returning £250.00."),
            "{s}"
        );

        // Money held past 12 weeks: one credit of 300, spend 100 over time.
        let mut l = Ledger::new();
        l.push(entry("c0", 0, EntryKind::Credit, "300")).unwrap();
        l.push(entry("f0", 10, EntryKind::ManagementFee, "100"))
            .unwrap();
        let s = Statement::new(&l, &a, day(80), day(90)).unwrap();
        let flag = s.surplus.unwrap();
        assert_eq!(flag.over_cap, d("0"));
        assert_eq!(flag.older_than_limit, d("200"));
        // Savings are exempt: the same money saved is not a surplus.
        l.push(entry(
            "b0",
            20,
            EntryKind::BankDeposit {
                purpose: "holiday".into(),
            },
            "200",
        ))
        .unwrap();
        assert!(
            Statement::new(&l, &a, day(80), day(90))
                .unwrap()
                .surplus
                .is_none()
        );
    }
}
