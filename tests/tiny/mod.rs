//! A one-person plan built in a few lines, for tests that need their own
//! small data: `#[path = "tiny/mod.rs"] mod tiny;` (or `mod tiny;`).
#![allow(dead_code)]

use chrono::NaiveDate;
use chrono_tz::Europe::London;
use perfect_week::week::{Activity, PerfectWeek, RotaPeriod};
use perfect_week::{Contract, Fund, Person, PersonPlan, Plan, RateCard, RateCardSet, Worker};
use rust_decimal::Decimal;

/// The money of a [`plan`]: the rate card's base hourly rate, the person's
/// money a week, and every worker's hourly pay.
#[derive(Debug, Clone, Copy)]
pub struct Money {
    pub rate: Decimal,
    pub per_week: Decimal,
    pub pay: Decimal,
}

impl Default for Money {
    fn default() -> Self {
        Self {
            rate: Decimal::new(2450, 2),
            per_week: Decimal::from(500),
            pay: Decimal::from(13),
        }
    }
}

/// Ava's `activities` over `weeks` weeks from `start` in London, paid from
/// her fund with a flat rate card, supported by `workers` (ids and names
/// alike, born 1990, up to 20 hours a week, not opted out).
pub fn plan(
    start: NaiveDate,
    weeks: u32,
    activities: Vec<Activity>,
    workers: &[&str],
    money: Money,
) -> Plan {
    let ava = Person::new("ava", "Ava");
    let week = PerfectWeek::new(ava.id.clone(), activities);
    let rate_cards = RateCardSet {
        cards: vec![RateCard::flat(start, money.rate)],
    };
    let fund = Fund::money(rate_cards, money.per_week);
    let contract = Contract::new(20 * 60, money.pay);
    let born = NaiveDate::from_ymd_opt(1990, 6, 1).unwrap_or(NaiveDate::MIN);
    let workers = workers
        .iter()
        .map(|id| Worker::new(*id, *id, born, contract.clone()))
        .collect();
    let period = RotaPeriod::new(start, weeks, London);
    Plan::new(
        period,
        vec![PersonPlan::new(ava, week, Some(fund))],
        workers,
    )
}
