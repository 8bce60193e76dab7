//! Each nonsense a consumer could write is refused by validation, with an
//! error naming the item, before the solver sees it.

use perfect_week::chrono::{NaiveDate, Weekday};
use perfect_week::rust_decimal::Decimal;
use perfect_week::{
    Activity, AverageWeek, CoreShiftKind, CoreShiftTemplate, DailyRest, Fund, NoticeRules,
    PerfectWeek, Plan, PlanError, PlanOptions, ProblemError, RotaPeriod, Rules, SolverConfig,
    Support, WeeklyRest, YoungRules,
};

use super::{TestResult, date, hm, monday, plan, worker};

/// `plan` fails validation with an error whose text holds `needle`, and
/// solving it gives the same refusal, never a solver error.
fn refused(plan: &Plan, needle: &str) {
    let errors = match plan.validate() {
        Ok(()) => panic!("validated, but should be refused with {needle:?}"),
        Err(errors) => errors.to_string(),
    };
    assert!(errors.contains(needle), "{needle:?} not in:\n{errors}");
    match plan.solve(&SolverConfig::default().with_max_steps(0)) {
        Err(PlanError::Invalid(_)) => {}
        other => panic!("expected PlanError::Invalid, got {other:?}"),
    }
}

fn with_dated(shift: CoreShiftTemplate) -> Plan {
    let mut plan = plan();
    if let Some(core) = plan.service.take() {
        plan = plan.with_service(core.with_dated_shift(date(2026, 10, 14), shift));
    }
    plan
}

#[test]
fn a_dated_core_shift_ending_before_it_starts_is_too_long_for_its_kind() {
    for kind in [CoreShiftKind::Day, CoreShiftKind::WakingNight] {
        let shift = CoreShiftTemplate::dated("extra", "Extra", kind, hm(20, 0), hm(19, 0));
        refused(
            &with_dated(shift),
            "service \"court\" core shift \"extra\" on 2026-10-14: 20:00–19:00 (1380 minutes) is out of range",
        );
    }
}

#[test]
fn a_re_plan_naming_an_unknown_worker_only_in_its_entries_is_refused() -> TestResult {
    let plan = plan();
    let config = SolverConfig::default().with_max_steps(500);
    let mut published = plan.solve(&config)?.rota;
    let entry = published
        .entries
        .iter_mut()
        .find(|e| !e.workers.is_empty())
        .ok_or("a filled entry")?;
    entry.workers[0].id = "zed".into();
    let told = monday().and_hms_opt(7, 0, 0).ok_or("time")?.and_utc();
    let result = plan.replan(
        &published,
        &perfect_week::Changes::new(),
        monday(),
        told,
        &NoticeRules::default(),
        &config,
    );
    match result {
        Err(PlanError::NotInPlan(ProblemError::UnknownWorker(id))) => assert_eq!(id, "zed".into()),
        other => panic!("expected the unknown worker refused, got {other:?}"),
    }
    Ok(())
}

#[test]
fn a_worker_under_16_is_refused_on_any_date_not_only_by_the_pay_floor() {
    // Fifteen on Monday 12 October 2026, and in a rota of 2024, before the
    // pay-floor table's first floors.
    let mut plan = plan();
    plan.workers.push(worker("kid", date(2011, 1, 5)));
    refused(
        &plan,
        "worker \"kid\": a worker must be at least 16 (aged 15 on 12 October 2026)",
    );
    let early = plan.clone().with_rules(Rules::default());
    let mut early = early;
    early.period = RotaPeriod::new(date(2024, 10, 14), 1, early.period.zone);
    if let Some(core) = &mut early.service {
        core.rate_cards = perfect_week::RateCardSet::new(vec![perfect_week::RateCard::flat(
            date(2024, 1, 1),
            Decimal::new(2450, 2),
        )]);
    }
    for person in &mut early.people {
        person.fund = Some(Fund::hours(Decimal::from(5)));
    }
    refused(
        &early,
        "worker \"kid\": a worker must be at least 16 (aged 13 on 14 October 2024)",
    );
    let errors = early
        .validate()
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(!errors.contains("hourly pay"), "{errors}");
}

#[test]
fn negative_rule_minutes_are_refused_each_by_name() {
    let cases: [(Rules, &str); 7] = [
        (
            Rules::default().with_daily_rest(Some(DailyRest::new(-60, 720))),
            "rule daily_rest.minutes: -60 is out of range",
        ),
        (
            Rules::default().with_average_week(Some(AverageWeek::new(-1))),
            "rule average_week.max_minutes: -1",
        ),
        (
            Rules::default().with_young(Some(YoungRules::new(-1, 2400))),
            "rule young.max_minutes_per_day: -1",
        ),
        (
            Rules::default().with_travel_minutes(-15),
            "rule travel_minutes: -15",
        ),
        (
            Rules::default().with_weekly_rest(Some(WeeklyRest::new(0, 1440, 2880))),
            "rule weekly_rest.period_days: 0 is out of range (expected 1 to 28 days)",
        ),
        (
            Rules::default().with_weekly_rest(Some(WeeklyRest::new(7, -5, 2880))),
            "rule weekly_rest.minutes: -5",
        ),
        (
            Rules::default().with_forbidden_succession("waking-night", "early"),
            "rule forbidden_successions (kinds: support, waking-night, sleep-in, core-day, on-call): refers to unknown id \"early\"",
        ),
    ];
    for (rules, needle) in cases {
        refused(&plan().with_rules(rules), needle);
    }
}

#[test]
fn sub_penny_pay_is_refused() {
    let mut plan = plan();
    plan.workers[0].contract.hourly_pay = Decimal::new(13_205, 3);
    refused(
        &plan,
        "worker \"sam\" contract hourly pay: 13.205 is not a whole number of pennies",
    );
}

#[test]
fn more_fund_hours_than_a_week_has_are_refused() {
    let mut plan = plan();
    plan.people[0].fund = Some(Fund::hours(Decimal::from(1000)));
    refused(
        &plan,
        "person \"ava\" fund hours per week: 1000 exceeds the limit of 168",
    );
}

#[test]
fn a_support_ratio_of_255_is_refused() {
    let mut plan = plan();
    let huge = Activity::from_to("gym", "Gym", Weekday::Wed, hm(10, 0), hm(11, 0))
        .with_support(Support::new(255));
    plan.people[0].week = PerfectWeek::new("ava", vec![huge]);
    refused(
        &plan,
        "person \"ava\" activity \"gym\" support workers: 255 is out of range (expected at most 4 workers at once)",
    );
}

#[test]
fn a_contract_maximum_of_zero_is_refused() {
    let mut plan = plan();
    plan.workers[1].contract.max_minutes_per_week = 0;
    refused(
        &plan,
        "worker \"kim\" contract maximum minutes per week: 0 is out of range",
    );
}

#[test]
fn an_unknown_kind_in_max_per_kind_is_refused() {
    let plan = plan().with_options(PlanOptions::default().with_max_per_kind("supprot", 2));
    refused(&plan, "option max_per_kind");
    refused(&plan, "refers to unknown id \"supprot\"");
}

#[test]
fn a_core_shift_needing_a_skill_nobody_holds_is_refused() {
    let mut plan = plan();
    if let Some(core) = &mut plan.service {
        core.service.core[0] = core.service.core[0].clone().requiring("driving");
    }
    refused(
        &plan,
        "service \"court\" core shift \"day\" skill \"driving\": a worker holding it is missing",
    );
    let dated = CoreShiftTemplate::dated(
        "night",
        "Night",
        CoreShiftKind::WakingNight,
        hm(22, 0),
        hm(7, 0),
    )
    .requiring("hoist");
    refused(
        &with_dated(dated),
        "service \"court\" core shift \"night\" on 2026-10-14 skill \"hoist\"",
    );
}

#[test]
fn a_period_with_no_room_for_whole_weeks_near_the_end_of_the_calendar_is_refused() {
    let mut plan = plan();
    let last = NaiveDate::MAX.pred_opt().unwrap_or(NaiveDate::MAX);
    plan.period = RotaPeriod::new(last, 1, plan.period.zone);
    refused(&plan, "rota period start");
}

#[test]
fn negative_weights_are_refused_before_the_solver() {
    let options = PlanOptions::default()
        .with_weights(perfect_week::Weights::default().with_cost(-1))
        .with_match_point(-3);
    let plan = plan().with_options(options);
    refused(&plan, "weight cost: -1");
    refused(&plan, "option match_point: -3");
}
