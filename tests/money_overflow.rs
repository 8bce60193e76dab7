//! Money is multiplied with checked arithmetic or within bounds validated up
//! front: huge allocations, long periods and huge rates or pay give a typed
//! error naming the item, never a panic, a wrapped number or a capped one.

use chrono::{NaiveDate, NaiveTime, Weekday};
use perfect_week::plan::PlanError;
use perfect_week::week::{Activity, Timing};
use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::tiny;

fn monday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 2).unwrap_or(NaiveDate::MIN)
}

fn activities() -> Vec<Activity> {
    let at = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap_or(NaiveTime::MIN);
    vec![
        Activity::new(
            "day",
            "A long day out",
            Weekday::Sat,
            Timing::fixed(at(8)),
            12 * 60,
        ),
        Activity::new("tea", "Tea", Weekday::Tue, Timing::fixed(at(15)), 60),
    ]
}

/// Amounts from the everyday to the absurd: pence, pounds up to the
/// accepted hourly limit and beyond, up to `Decimal::MAX`.
fn amount() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (1i64..10_000_000).prop_map(|p| Decimal::new(p, 2)),
        (999_990i64..1_000_010).prop_map(Decimal::from),
        (0u32..=28).prop_map(|digits| Decimal::from_i128_with_scale(10i128.pow(digits.min(27)), 0)),
        Just(Decimal::MAX),
    ]
}

/// The item every error must name.
const ITEMS: [&str; 5] = ["person", "rate card", "worker", "session", "budget"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn money_beyond_counting_is_an_error_naming_the_item(
        rate in amount(),
        per_week in amount(),
        pay in amount(),
        weeks in prop_oneof![1u32..=4, 100u32..=520],
    ) {
        let money = tiny::Money { rate, per_week, pay };
        let plan = tiny::plan(monday(), weeks, activities(), &["amy", "ben"], money);
        match plan.compile() {
            Ok(compiled) => {
                let problem = compiled.problem();
                for budget in &problem.budgets {
                    prop_assert!(budget.cap >= 0 && budget.cap < i64::MAX, "{budget:?}");
                }
                for session in &problem.sessions {
                    for p in &session.placements {
                        prop_assert!(p.charge >= 0 && p.charge < i64::MAX, "{}", session.id);
                    }
                }
            }
            Err(PlanError::Invalid(errors)) => {
                for error in errors.errors() {
                    let text = error.to_string();
                    prop_assert!(ITEMS.iter().any(|i| text.contains(i)), "{text}");
                }
            }
            Err(other) => prop_assert!(false, "not a validation error: {other}"),
        }
    }
}

/// An allocation too large for a long period names the person; pay above
/// a million pounds an hour names the worker.
#[test]
fn an_allocation_or_pay_beyond_counting_names_the_person_or_worker() {
    let cases = [
        (
            tiny::Money {
                per_week: Decimal::MAX / Decimal::from(10),
                ..tiny::Money::default()
            },
            520,
            "person \"ava\" allocation over 520 week(s)",
        ),
        (
            tiny::Money {
                pay: Decimal::from(1_000_001),
                ..tiny::Money::default()
            },
            1,
            "worker \"amy\" contract hourly pay",
        ),
    ];
    for (money, weeks, named) in cases {
        let plan = tiny::plan(monday(), weeks, activities(), &["amy"], money);
        match plan.compile() {
            Err(PlanError::Invalid(errors)) => {
                let text = errors.to_string();
                assert!(text.contains(named), "{text}");
            }
            other => panic!("expected {named} refused, got {other:?}"),
        }
    }
}

#[test]
fn a_core_shift_charge_too_large_to_count_names_the_shift() -> Result<(), Box<dyn std::error::Error>>
{
    use perfect_week::money::{RateCard, RateCardSet};
    use perfect_week::{CoreShiftTemplate, Service};
    let mut service = Service::new("court", "Riverside Court");
    service.core.push(
        CoreShiftTemplate::new(
            "day",
            "Day support",
            perfect_week::CoreShiftKind::Day,
            vec![Weekday::Mon],
            NaiveTime::from_hms_opt(8, 0, 0).ok_or("time")?,
            NaiveTime::from_hms_opt(20, 0, 0).ok_or("time")?,
        )
        .with_workers(3),
    );
    let rates = RateCardSet {
        cards: vec![RateCard::flat(monday(), Decimal::MAX)],
    };
    let cost = service.core_weekly_cost(&rates, chrono_tz::Europe::London, monday());
    let text = cost.err().ok_or("an absurd rate was costed")?.to_string();
    assert!(
        text.contains("service \"court\" core shift \"day\" on 2026-11-02"),
        "{text}"
    );
    Ok(())
}
