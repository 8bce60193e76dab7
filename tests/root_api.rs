//! A service planned with nothing but the crate root's public API and its
//! constructors: core shifts every day and one dated waking night over
//! Christmas, a resident whose flexi support is an hours-only allocation (no
//! money, no rate card), solved with `Plan::solve`, and the solve's figures
//! and explanations read from its result.

use perfect_week::chrono::{NaiveDate, NaiveTime, Weekday};
use perfect_week::chrono_tz::Europe::London;
use perfect_week::rust_decimal::Decimal;
use perfect_week::{
    Activity, Constraint, Contract, CorePlan, CoreShiftKind, CoreShiftTemplate, Fund, Funding,
    PerfectWeek, Person, PersonPlan, Plan, PlannedRota, RateCard, RateCardSet, RotaPeriod, Service,
    SessionRef, SolverConfig, Timing, Worker,
};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn at(hour: u32) -> Result<NaiveTime, &'static str> {
    NaiveTime::from_hms_opt(hour, 0, 0).ok_or("time")
}

fn date(month: u32, day: u32) -> Result<NaiveDate, &'static str> {
    NaiveDate::from_ymd_opt(2026, month, day).ok_or("date")
}

/// Christmas week 2026 at Riverside Court: a day shift every day, an extra
/// waking night on Christmas Eve, and Ava's three hours of flexi support
/// a week, asked for four sessions of support (one more than it pays for).
fn plan() -> Result<Plan, Box<dyn std::error::Error>> {
    let monday = date(12, 21)?;
    let every_day = perfect_week::words::DAYS.to_vec();
    // No residents, units or flexi pool: only what planning core shifts needs.
    let service =
        Service::new("riverside", "Riverside Court").with_core_shift(CoreShiftTemplate::new(
            "day",
            "Day support",
            CoreShiftKind::Day,
            every_day,
            at(8)?,
            at(16)?,
        ));
    let waking_night = CoreShiftTemplate::new(
        "xmas-night",
        "Waking night (Christmas Eve)",
        CoreShiftKind::WakingNight,
        vec![],
        at(22)?,
        at(7)?,
    );
    let core = CorePlan::new(
        service,
        RateCardSet {
            cards: vec![RateCard::flat(monday, Decimal::new(2450, 2))],
        },
    )
    .with_dated_shift(date(12, 24)?, waking_night);

    let ava = Person::new("ava", "Ava");
    let week = PerfectWeek::new(
        ava.id.clone(),
        vec![
            Activity::new("swim", "Swimming", Weekday::Tue, Timing::fixed(at(10)?), 60),
            Activity::new("shop", "Shopping", Weekday::Wed, Timing::fixed(at(10)?), 60),
            Activity::new("cafe", "Café", Weekday::Thu, Timing::fixed(at(10)?), 60),
            Activity::new("walk", "Walk", Weekday::Sat, Timing::fixed(at(10)?), 60)
                .funded_by(Funding::Flexi),
        ],
    );
    let fund = Fund::hours(Decimal::from(3));

    let contract = Contract::new(40 * 60, Decimal::new(1271, 2));
    let born = NaiveDate::from_ymd_opt(1990, 6, 1).ok_or("date")?;
    let workers = ["sam", "kim", "lee"]
        .into_iter()
        .map(|id| Worker::new(id, id.to_uppercase(), born, contract.clone()))
        .collect();
    let mut plan = Plan::new(
        RotaPeriod::new(monday, 1, London),
        vec![PersonPlan::new(ava, week, Some(fund))],
        workers,
    );
    plan.service = Some(core);
    Ok(plan)
}

#[test]
fn a_core_and_flexi_week_planned_from_the_root_api_alone() -> TestResult {
    let plan = plan()?;
    let planned: PlannedRota = plan.solve(&SolverConfig::default())?;
    let rota = &planned.rota;

    // No hard rule broken; the one session the hours do not stretch to is
    // the only gap.
    assert!(rota.score.is_feasible(), "{planned}");
    assert_eq!(rota.unfilled_seats(), 1, "{planned}");
    assert_eq!(rota.unfilled_minutes(), 60);

    // The dated core shift is in the rota on its date, at its local times,
    // through the night (9 hours), and no other night is.
    let nights: Vec<_> = rota
        .entries
        .iter()
        .filter(|e| e.what == "Waking night (Christmas Eve)")
        .collect();
    assert_eq!(nights.len(), 1);
    assert_eq!(nights[0].date, date(12, 24)?);
    assert_eq!(nights[0].local_start.time(), at(22)?);
    assert_eq!(nights[0].minutes(), 9 * 60);
    assert!(nights[0].is_filled());
    assert_eq!(
        rota.entries
            .iter()
            .filter(|e| e.what == "Day support")
            .count(),
        7
    );

    // Hours only: Ava's three filled hours charge no money.
    let ava_hours: i64 = rota
        .for_person(&"ava".into())
        .filter(|e| e.is_filled())
        .map(|e| e.minutes())
        .sum();
    assert_eq!(ava_hours, 180);
    assert!(
        rota.for_person(&"ava".into())
            .all(|e| e.charge == Decimal::ZERO)
    );

    // The solve's figures.
    assert!(planned.stats.steps > 0);
    assert!(planned.stats.best_found_at_step <= planned.stats.steps);
    assert!(planned.stats.moves_evaluated > 0);

    // Why the gap is there: every worker would break the budget.
    let [gap] = planned.unfilled.as_slice() else {
        return Err(format!("expected one unfilled entry: {planned}").into());
    };
    assert_eq!(gap.missing, 1);
    assert_eq!(gap.entry.person, Some("ava".into()));
    assert_eq!(gap.candidates.len(), 3);
    for candidate in &gap.candidates {
        assert!(!candidate.is_possible(), "{candidate}");
        assert!(
            candidate
                .blocked_by
                .iter()
                .any(|(c, _)| *c == Constraint::Budget),
            "{candidate}"
        );
    }
    assert!(gap.to_string().contains("needs 1 more worker"));

    // Who could cover a filled session instead: asked of the plan.
    let ava = "ava".into();
    let swim = rota
        .for_person(&ava)
        .find(|e| e.activity == Some("swim".into()))
        .ok_or("no swim")?;
    let others = plan.who_could_cover(rota, &swim.session)?;
    assert_eq!(others.len(), 3 - swim.workers.len());
    Ok(())
}

/// The error the plan gives once `change` is made to it.
fn refusal(
    change: impl FnOnce(&mut Plan) -> Option<()>,
) -> Result<String, Box<dyn std::error::Error>> {
    let mut plan = plan()?;
    change(&mut plan).ok_or("nothing to change")?;
    let err = plan
        .solve(&SolverConfig::default())
        .err()
        .ok_or("accepted")?;
    Ok(err.to_string())
}

#[test]
fn a_money_fund_with_no_rate_card_is_refused_but_an_hours_fund_is_not() -> TestResult {
    let err = refusal(|plan| {
        plan.people.first_mut()?.fund =
            Some(Fund::money(RateCardSet::default(), Decimal::from(100)));
        Some(())
    })?;
    assert!(err.contains("rate card"), "{err}");
    Ok(())
}

#[test]
fn an_allocation_too_large_to_count_is_refused_not_wrapped() -> TestResult {
    let err = refusal(|plan| {
        plan.people.first_mut()?.fund = Some(Fund::hours(Decimal::from(i64::MAX)));
        Some(())
    })?;
    assert!(err.contains("allocation over 1 week"), "{err}");
    Ok(())
}

#[test]
fn a_dated_core_shift_outside_the_period_is_refused() -> TestResult {
    let outside = date(12, 31)?;
    let err = refusal(|plan| {
        plan.service.as_mut()?.dated.first_mut()?.date = outside;
        Some(())
    })?;
    assert!(err.contains("xmas-night"), "{err}");
    Ok(())
}

#[test]
fn a_core_session_is_cancelled_by_its_typed_reference() -> TestResult {
    let mut plan = plan()?;
    let eve = date(12, 24)?;
    let night = perfect_week::SessionRef::core("riverside", "xmas-night", eve);
    plan.changes.cancelled.push(night.id());
    let rota = plan.solve(&SolverConfig::default())?.rota;
    assert!(rota.entry(&night.id()).is_none());
    assert_eq!(
        rota.entries
            .iter()
            .filter(|e| e.what == "Day support")
            .count(),
        7
    );

    // A reference to a shift the service does not have is refused, by name.
    let nowhere = perfect_week::SessionRef::core("riverside", "no-such-shift", eve);
    let err = refusal(|plan| {
        plan.changes.cancelled.push(nowhere.id());
        Some(())
    })?;
    assert!(
        err.contains("core/riverside/no-such-shift/2026-12-24"),
        "{err}"
    );
    Ok(())
}

#[test]
fn rota_entries_read_back_as_typed_session_references() -> TestResult {
    let planned = plan()?.solve(&SolverConfig::default())?;
    for entry in &planned.rota.entries {
        let session = SessionRef::parse(&entry.session).ok_or("an id the plan made")?;
        assert_eq!(session.id(), entry.session);
        assert_eq!(session.date(), entry.date);
    }
    let night = planned
        .rota
        .entries
        .iter()
        .find(|e| e.what == "Waking night (Christmas Eve)")
        .ok_or("the dated night")?;
    assert_eq!(
        SessionRef::parse(&night.session),
        Some(SessionRef::core("riverside", "xmas-night", date(12, 24)?))
    );

    // An id with a "/" would make session ids name two sessions: refused.
    let mut plan = plan()?;
    plan.people[0].week.activities[0].id = "swim/pool".into();
    let errors = plan.validate().err().ok_or("a slash in an activity id")?;
    assert!(
        errors.to_string().contains("person \"ava\" activity id"),
        "{errors}"
    );
    Ok(())
}
