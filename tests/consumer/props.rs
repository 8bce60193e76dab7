//! Whatever validates also compiles and solves: small plans mutated at
//! random, nonsense included (negative rules, under-age workers, sub-penny
//! pay, shifts that wrap, absurd ratios and hours, periods off a Monday or
//! at the end of the calendar), each either refused by validation or
//! solved without a solver error. Small plans and a small step budget keep
//! each case to a few milliseconds.

use perfect_week::chrono::Weekday;
use perfect_week::rust_decimal::Decimal;
use perfect_week::{
    Activity, AverageWeek, ChargeKind, CoreShiftKind, CoreShiftTemplate, DailyRest, Fund,
    PlanError, PlanOptions, RotaPeriod, Rules, SolverConfig, Support, WeekCount, WeeklyRest,
    Weights, YoungRules,
};
use std::cell::Cell;

use proptest::prelude::*;
use proptest::test_runner::TestRunner;

use super::{date, hm, monday, plan, worker};

/// Cases run: enough to meet every mutation many times over.
const CASES: u32 = 3_000;

/// What a case changes in the consumer's plan: sensible values drawn at
/// random, and at most one nonsense (`nonsense`, one case in two).
#[derive(Debug, Clone)]
struct Mutation {
    start: (u8, u8),
    week_count: bool,
    activity: (u32, u32, u8, u8),
    shift: (u32, u8, u8),
    dated: Option<(i64, u32, u8)>,
    fund: i64,
    nonsense: Option<(u8, i64)>,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    (
        (0u8..4, 1u8..4),
        any::<bool>(),
        (6u32..20, 1u32..4, 1u8..3, 0u8..3),
        (6u32..20, 0u8..4, 1u8..3),
        proptest::option::of((0i64..7, 6u32..20, 0u8..3)),
        1i64..40,
        proptest::option::of((0u8..NONSENSE, -100i64..100)),
    )
        .prop_map(
            |(start, week_count, activity, shift, dated, fund, nonsense)| Mutation {
                start,
                week_count,
                activity,
                shift,
                dated,
                fund,
                nonsense,
            },
        )
}

/// The kinds of nonsense a case may carry.
const NONSENSE: u8 = 16;

fn core_kind(n: u8) -> CoreShiftKind {
    match n % 4 {
        0 => CoreShiftKind::Day,
        1 => CoreShiftKind::WakingNight,
        2 => CoreShiftKind::SleepIn,
        _ => CoreShiftKind::OnCall,
    }
}

fn build(m: &Mutation) -> perfect_week::Plan {
    let mut plan = plan();
    // The period: a Monday, a Wednesday (clipped weeks then start on a
    // Wednesday), or a Monday of 2024 (before the pay floors); one to
    // three weeks.
    let start = match m.start.0 {
        0 | 1 => monday(),
        2 => date(2026, 10, 14),
        _ => date(2024, 10, 14),
    };
    plan.period = RotaPeriod::new(start, u32::from(m.start.1), plan.period.zone);
    if m.start.0 == 3 {
        // Hours need no rate card in force before the cards start.
        plan.people[0].fund = Some(Fund::hours(Decimal::from(m.fund)));
        if let Some(core) = &mut plan.service {
            core.rate_cards = perfect_week::RateCardSet::new(vec![perfect_week::RateCard::flat(
                date(2024, 1, 1),
                Decimal::new(2450, 2),
            )]);
        }
    }
    let week_count = if m.week_count {
        WeekCount::Clipped
    } else {
        WeekCount::ByStart
    };
    let mut rules = Rules::default().with_week_count(week_count);
    let mut options = PlanOptions::default();
    // A second activity on Friday, 1:1 or 2:1, perhaps asking a skill.
    let (from, hours, workers, skill) = m.activity;
    let mut support = Support::new(workers);
    if skill == 1 {
        support = support.with_skill("medication");
    }
    let mut charge = ChargeKind::Support;
    let mut out_end = hm(from + hours, 0);
    // The core's weekly shift, and perhaps a dated one.
    let (shift_from, shift_kind, shift_workers) = m.shift;
    let mut shift_end = hm((shift_from + 6) % 24, 0);
    let mut shift_workers = shift_workers;
    let mut shift_skill = None;
    let mut dated_end = None;
    let mut third = worker("lee", date(1985, 3, 1));
    if let Some((what, value)) = m.nonsense {
        match what {
            0 => rules = rules.with_daily_rest(Some(DailyRest::new(value, 720))),
            1 => rules = rules.with_travel_minutes(value),
            2 => {
                let days = usize::try_from(value.rem_euclid(40)).unwrap_or(0);
                rules = rules.with_weekly_rest(Some(WeeklyRest::new(days, 1440, 2880)));
            }
            3 => rules = rules.with_average_week(Some(AverageWeek::new(value * 30))),
            4 => rules = rules.with_young(Some(YoungRules::new(value * 5, 2400))),
            5 => {
                third = worker(
                    "lee",
                    date(2010 + i32::from(value.rem_euclid(8) as u8), 3, 1),
                )
            }
            6 => {
                third.contract.hourly_pay = [
                    Decimal::new(13_205, 3),
                    Decimal::new(1, 3),
                    Decimal::new(800, 2),
                    Decimal::from(2_000_000),
                    Decimal::new(-1, 0),
                    Decimal::new(1271, 2),
                ][value.rem_euclid(6) as usize];
            }
            7 => {
                third.contract.max_minutes_per_week =
                    u32::try_from(value.rem_euclid(3)).unwrap_or(0)
            }
            8 => support = Support::new(u8::try_from(value.rem_euclid(256)).unwrap_or(0)),
            9 => {
                out_end = hm(from, 0)
                    .overflowing_sub_signed(perfect_week::chrono::Duration::minutes(
                        value.rem_euclid(90),
                    ))
                    .0
            }
            10 => {
                charge =
                    [ChargeKind::WakingNight, ChargeKind::SleepIn][value.rem_euclid(2) as usize];
            }
            11 => {
                shift_end = hm(shift_from, 0)
                    .overflowing_sub_signed(perfect_week::chrono::Duration::minutes(
                        value.rem_euclid(120),
                    ))
                    .0;
                dated_end = Some(shift_end);
            }
            12 => {
                shift_workers = u8::try_from(value.rem_euclid(3)).unwrap_or(0);
                shift_skill = Some(["medication", "driving"][value.rem_euclid(2) as usize]);
            }
            13 => {
                let kind = ["support", "core-day", "supprot", "waking-night", "night"]
                    [value.rem_euclid(5) as usize];
                options = options.with_max_per_kind(kind, 2);
                rules = rules.with_forbidden_succession(kind, "sleep-in");
            }
            14 => {
                options = options
                    .with_weights(Weights::default().with_cost(value))
                    .with_match_point(value / 2);
            }
            _ => {
                let hours = Decimal::from(value.rem_euclid(100) * 20);
                plan.people[0].fund = Some(Fund::hours(hours));
            }
        }
    }
    plan = plan.with_options(options.with_rules(rules));
    plan.workers.push(third);
    let out = Activity::from_to("out", "Out", Weekday::Fri, hm(from, 0), out_end)
        .with_support(support)
        .with_charge(charge);
    plan.people[0].week.activities.push(out);
    if let Some(core) = &mut plan.service {
        let mut shift = CoreShiftTemplate::new(
            "day",
            "Day support",
            core_kind(shift_kind),
            vec![Weekday::Mon, Weekday::Thu],
            hm(shift_from, 0),
            shift_end,
        )
        .with_workers(shift_workers);
        if let Some(skill) = shift_skill {
            shift = shift.requiring(skill);
        }
        core.service.core[0] = shift;
    }
    if let Some((offset, from, kind)) = m.dated
        && let Some(core) = plan.service.take()
    {
        let on = monday()
            .checked_add_signed(perfect_week::chrono::Duration::days(offset))
            .unwrap_or(monday());
        let end = dated_end.unwrap_or(hm((from + 8) % 24, 0));
        let shift = CoreShiftTemplate::dated("extra", "Extra", core_kind(kind), hm(from, 0), end);
        plan = plan.with_service(core.with_dated_shift(on, shift));
    }
    plan
}

/// One case: validated and solved (true), or refused by validation and by
/// solving alike (false); anything else fails.
fn case(m: &Mutation) -> Result<bool, TestCaseError> {
    let plan = build(m);
    let config = SolverConfig::default().with_seed(1).with_max_steps(30);
    match (plan.validate(), plan.solve(&config)) {
        (Ok(()), Ok(planned)) => {
            // The rota is the plan's: the checker agrees with its score.
            let compiled = plan
                .compile()
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let report = perfect_week::check(compiled.problem(), &planned.rota.roster)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(report.score, planned.rota.score);
            Ok(true)
        }
        (Ok(()), Err(e)) => Err(TestCaseError::fail(format!(
            "validated but did not solve: {e}"
        ))),
        (Err(_), Err(PlanError::Invalid(_))) => Ok(false),
        (Err(errors), other) => Err(TestCaseError::fail(format!(
            "refused ({errors}) but solve gave {other:?}"
        ))),
    }
}

#[test]
fn whatever_validates_compiles_and_solves() {
    let mut runner = TestRunner::new(ProptestConfig {
        cases: CASES,
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    let (solved, refused) = (Cell::new(0u32), Cell::new(0u32));
    let result = runner.run(&mutation(), |m| {
        let counter = if case(&m)? { &solved } else { &refused };
        counter.set(counter.get() + 1);
        Ok(())
    });
    if let Err(failure) = result {
        panic!("{failure}");
    }
    // Both sides of the property are exercised, each many times (the
    // counts include the cases proptest ran while shrinking: none here,
    // as every case passed).
    let (solved, refused) = (solved.get(), refused.get());
    assert_eq!(solved + refused, CASES);
    eprintln!("{solved} of {CASES} plans validated and solved, {refused} refused");
    assert!(solved >= CASES / 4, "only {solved} of {CASES} validated");
    assert!(refused >= CASES / 8, "only {refused} of {CASES} refused");
}
