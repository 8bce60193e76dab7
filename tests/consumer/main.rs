//! A consumer's plan, written with the crate root's constructors and `with_*`
//! methods only: each nonsense the validation must refuse (with the item
//! named), the solver's limits as configured, and the property that a plan
//! which validates also compiles and solves.

mod outside;
mod props;
mod refused;

use perfect_week::chrono::{NaiveDate, NaiveTime, Weekday};
use perfect_week::chrono_tz::Europe::London;
use perfect_week::rust_decimal::Decimal;
use perfect_week::{
    Activity, Contract, CorePlan, CoreShiftKind, CoreShiftTemplate, Fund, Person, PersonPlan, Plan,
    Qualification, RateCard, RateCardSet, RotaPeriod, Service, Support, Worker,
};

pub type TestResult = Result<(), Box<dyn std::error::Error>>;

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

pub fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN)
}

/// Monday 12 October 2026.
pub fn monday() -> NaiveDate {
    date(2026, 10, 12)
}

pub fn worker(id: &str, born: NaiveDate) -> Worker {
    Worker::new(id, id, born, Contract::new(30 * 60, Decimal::new(1325, 2)))
        .with_qualification(Qualification::new("medication"))
}

/// Ava's week at Riverside Court: a swim on Tuesday paid from her fund,
/// a day shift of the court's core every day, two workers.
pub fn plan() -> Plan {
    let swim = Activity::from_to("swim", "Swimming", Weekday::Tue, hm(10, 0), hm(11, 30))
        .with_support(Support::new(1).with_skill("medication"));
    let ava = Person::new("ava", "Ava");
    let week = perfect_week::PerfectWeek::new("ava", vec![swim]);
    let cards = RateCardSet::new(vec![RateCard::flat(monday(), Decimal::new(2450, 2))]);
    let fund = Fund::money(cards.clone(), Decimal::from(200));
    let all_week = perfect_week::words::DAYS.to_vec();
    let day = CoreShiftTemplate::new(
        "day",
        "Day support",
        CoreShiftKind::Day,
        all_week,
        hm(8, 0),
        hm(14, 0),
    );
    let court = Service::new("court", "Riverside Court").with_core_shift(day);
    let born = date(1990, 6, 1);
    Plan::new(
        RotaPeriod::new(monday(), 1, London),
        vec![PersonPlan::new(ava, week, Some(fund))],
        vec![worker("sam", born), worker("kim", born)],
    )
    .with_service(CorePlan::new(court, cards))
}

#[test]
fn the_consumer_plan_validates_and_fills_every_seat() -> TestResult {
    let planned = plan().solve(&perfect_week::SolverConfig::default().with_max_steps(2_000))?;
    assert_eq!(planned.rota.unfilled_seats(), 0);
    // The one call gives the checker's report and the problem's size too:
    // a swim and seven day shifts, one seat each.
    assert_eq!(planned.report.score, planned.rota.score);
    assert_eq!(
        (
            planned.size.sessions,
            planned.size.core_sessions,
            planned.size.seats
        ),
        (8, 7, 8)
    );
    assert_eq!(planned.size.workers, 2);
    Ok(())
}

#[test]
fn a_time_limit_alone_is_not_capped_by_a_step_budget() {
    use perfect_week::{SolverConfig, Termination};
    use std::time::Duration;
    let minute = Duration::from_secs(60);
    let timed = SolverConfig::default().with_max_time(minute);
    assert_eq!(timed.step_limit(), None);
    assert_eq!(timed.time_limit(), Some(minute));
    // The default, and a target alone, stop at the default budget.
    assert_eq!(
        SolverConfig::default().step_limit(),
        Some(Termination::DEFAULT_MAX_STEPS)
    );
    let target = SolverConfig::default().with_target(perfect_week::Score::default());
    assert_eq!(target.step_limit(), Some(Termination::DEFAULT_MAX_STEPS));
    // Both set: both apply, whichever comes first.
    let both = timed.clone().with_max_steps(10);
    assert_eq!(
        (both.step_limit(), both.time_limit()),
        (Some(10), Some(minute))
    );
    // Read from JSON, a time limit alone is one too.
    let read: SolverConfig =
        serde_json::from_str(r#"{"termination": {"max_time": 60000}}"#).unwrap_or_default();
    assert_eq!(read, timed);
}

#[test]
fn a_step_limit_of_zero_keeps_the_first_rota_built() -> TestResult {
    let config = perfect_week::SolverConfig::default().with_max_steps(0);
    let planned = plan().solve(&config)?;
    assert_eq!(planned.stats.steps, 0);
    Ok(())
}

/// Odd but legal: a period may start on any weekday. Its rota weeks then
/// run from that weekday, and `WeekCount::Clipped` cuts a session at 00:00
/// on it (here a Wednesday), not on Monday.
#[test]
fn a_period_starting_on_a_wednesday_counts_its_weeks_from_wednesday() -> TestResult {
    use perfect_week::chrono::Datelike;
    use perfect_week::{Rules, WeekCount};
    let mut plan = plan().with_rules(Rules::default().with_week_count(WeekCount::Clipped));
    plan.period = RotaPeriod::new(date(2026, 10, 14), 2, London);
    let compiled = plan.compile()?;
    let problem = compiled.problem();
    let second = &problem.days[7];
    assert_eq!(
        (second.date, second.date.weekday()),
        (date(2026, 10, 21), Weekday::Wed)
    );
    assert_eq!(
        problem.week_span(1),
        Some((second.start, problem.days[13].end))
    );
    Ok(())
}
