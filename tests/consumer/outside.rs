//! The program a consumer writes, as an outside crate would: a 20-flat
//! core-and-flexi service with weekly and dated core shifts, each resident's
//! fund and flexi sessions, workers with skills, leave and qualifications,
//! solved, then re-planned when a worker is off sick. It names the crate's
//! items from the root alone (and the re-exported `chrono`, `chrono_tz` and
//! `rust_decimal`) and builds every value with constructors and `with_*`:
//! `the_program_names_the_root_alone_and_builds_no_struct_literal` reads
//! this file and holds it to that.

use perfect_week::chrono::{Duration, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use perfect_week::chrono_tz::Europe::London;
use perfect_week::rust_decimal::Decimal;
use perfect_week::{
    Absence, Activity, AvailabilityWindow, Changes, Contract, CorePlan, CoreShiftKind,
    CoreShiftTemplate, FlexiRule, Fund, Leave, LeaveKind, NoticeRules, PerfectWeek, Person,
    PersonPlan, Plan, Qualification, RateCard, RateCardSet, RotaPeriod, Service, SolverConfig,
    Support, Timing, Worker, WorkerId, check,
};

use super::TestResult;

/// Monday to Sunday.
fn every_day() -> Vec<Weekday> {
    std::iter::successors(Some(Weekday::Mon), |d| Some(d.succ()))
        .take(7)
        .collect()
}

/// The weekday `n` days after Monday.
fn weekday(n: usize) -> Weekday {
    every_day()[n % 7]
}

fn day(d: u32) -> NaiveDate {
    // Monday 3 May 2027 is a bank holiday: the dated shift's day.
    NaiveDate::from_ymd_opt(2027, 5, d).unwrap_or(NaiveDate::MIN)
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN)
}

fn pounds(p: i64) -> Decimal {
    Decimal::new(p, 0)
}

fn core_shift(
    id: &str,
    role: &str,
    kind: CoreShiftKind,
    from: NaiveTime,
    to: NaiveTime,
) -> CoreShiftTemplate {
    CoreShiftTemplate::new(id, role, kind, every_day(), from, to).requiring("medication")
}

/// Twenty day workers (the first eight drive) and three on nights; two
/// have a week's annual leave, the part-timers work four days a week.
fn workers() -> Vec<Worker> {
    let born = NaiveDate::from_ymd_opt(1985, 4, 1).unwrap_or(NaiveDate::MIN);
    let trained = day(1) - Duration::days(400);
    let mut staff = Vec::new();
    for n in 0..23 {
        let nights = n >= 20;
        let part_time = (10..20).contains(&n);
        let contract = Contract::new(
            if part_time { 30 * 60 } else { 40 * 60 },
            Decimal::new(1_310, 2),
        )
        .with_min_minutes_per_week(if part_time { 0 } else { 12 * 60 });
        let mut worker = Worker::new(format!("w{n:02}"), format!("Worker {n}"), born, contract)
            .with_qualification(Qualification::new("medication").with_obtained(trained))
            .with_qualification(Qualification::new("first-aid").with_obtained(trained));
        if n < 8 {
            worker = worker.with_qualification(Qualification::new("driving"));
        }
        if part_time {
            for d in 0..4 {
                let weekday = weekday(n + 2 * d);
                worker = worker.with_availability(AvailabilityWindow::new(
                    weekday,
                    hm(7, 0),
                    hm(22, 30),
                ));
            }
        }
        if nights {
            for weekday in every_day() {
                worker = worker.with_availability(AvailabilityWindow::new(
                    weekday,
                    hm(21, 30),
                    hm(8, 0),
                ));
            }
        }
        if n == 5 || n == 6 {
            let from = day(10) + Duration::days(7 * (n as i64 - 5));
            worker = worker.with_leave(Leave::new(
                from,
                from + Duration::days(4),
                LeaveKind::Annual,
            ));
        }
        staff.push(worker);
    }
    staff
}

/// Resident `n`: two sessions a week of their own, one at a fixed time and
/// one flexible within the day, each asking for the two workers they chose;
/// their fund pays for those hours at the weekend rate.
fn resident(n: usize) -> PersonPlan {
    let id = format!("flat-{:02}", n + 1);
    let chosen = [format!("w{:02}", n % 20), format!("w{:02}", (n + 7) % 20)];
    let support = chosen
        .iter()
        .fold(Support::new(1), |s, w| s.with_preferred(w));
    let club = Activity::from_to("club", "Social club", weekday(n), hm(18, 0), hm(20, 0))
        .with_support(support.clone());
    let shop = Activity::new(
        "shop",
        "Food shopping",
        weekday(n + 3),
        Timing::flexible(hm(9, 0), hm(17, 0), hm(10, 0)),
        120,
    )
    .with_support(support.with_skill("driving"));
    let week = PerfectWeek::new(id.as_str(), vec![club, shop]);
    let fund = Fund::money(cards(), pounds(150));
    PersonPlan::new(
        Person::new(id.as_str(), format!("Resident of flat {}", n + 1)),
        week,
        Some(fund),
    )
}

fn cards() -> RateCardSet {
    RateCardSet::new(vec![RateCard::flat(
        day(1) - Duration::days(30),
        Decimal::new(2_850, 2),
    )])
}

/// The service: an early and a late shift with two workers and a waking
/// night with one every day, one more early shift on the bank holiday,
/// and four hours a week of flexi support for each of the 20 residents.
fn plan() -> Plan {
    let people: Vec<PersonPlan> = (0..20).map(resident).collect();
    let residents = people.iter().map(|p| p.person.id.clone()).collect();
    let assessed = people.iter().map(|p| (p.person.id.clone(), pounds(4)));
    let service = Service::new("elms", "The Elms")
        .with_residents(20, residents)
        .with_core_shift(
            core_shift("early", "Early", CoreShiftKind::Day, hm(7, 30), hm(15, 0)).with_workers(2),
        )
        .with_core_shift(
            core_shift("late", "Late", CoreShiftKind::Day, hm(14, 30), hm(22, 0)).with_workers(2),
        )
        .with_core_shift(core_shift(
            "night",
            "Waking night",
            CoreShiftKind::WakingNight,
            hm(22, 0),
            hm(7, 30),
        ))
        .with_flexi(pounds(80), FlexiRule::assessed(assessed));
    let holiday = CoreShiftTemplate::dated(
        "bank-holiday",
        "Bank holiday outing",
        CoreShiftKind::Day,
        hm(10, 0),
        hm(16, 0),
    )
    .requiring("driving");
    let core = CorePlan::new(service, cards()).with_dated_shift(day(3), holiday);
    Plan::new(RotaPeriod::new(day(3), 2, London), people, workers()).with_service(core)
}

#[test]
fn the_outside_program_plans_and_replans_a_core_and_flexi_service() -> TestResult {
    let plan = plan();
    let config = SolverConfig::default().with_max_steps(20_000);
    let planned = plan.solve(&config)?;
    let rota = &planned.rota;
    assert!(rota.score.is_feasible(), "{planned}\n{:?}", rota.breakdown);
    assert_eq!(rota.unfilled_seats(), 0, "{planned}");
    // The solve's claims agree with the crate's checker, on the report it
    // returns and when the roster is checked again.
    assert_eq!(planned.report.score, rota.score);
    let compiled = plan.compile()?;
    assert_eq!(check(compiled.problem(), &rota.roster)?.score, rota.score);
    // 2 weeks: 14 days of early, late and night, the bank holiday's shift,
    // and 2 sessions for each of 20 residents a week.
    assert_eq!(planned.size.core_sessions, 14 * 3 + 1);
    assert_eq!(planned.size.sessions, 14 * 3 + 1 + 20 * 2 * 2);

    // The first worker on Tuesday's rota is off sick on Tuesday and
    // Wednesday, told on Monday evening: the re-plan covers their sessions
    // with others and keeps Monday as published.
    let sick: WorkerId = rota
        .entries
        .iter()
        .filter(|e| e.date == day(4))
        .find_map(|e| e.workers.first())
        .ok_or("someone works on Tuesday")?
        .id
        .clone();
    let changes = Changes::new().with_absence(Absence::new(sick.clone(), day(4), day(5)));
    let told = Utc
        .with_ymd_and_hms(2027, 5, 3, 19, 0, 0)
        .single()
        .ok_or("a time")?;
    let replan = plan.replan(
        rota,
        &changes,
        day(4),
        told,
        &NoticeRules::default(),
        &config,
    )?;
    assert!(replan.rota.score.is_feasible(), "{}", replan.rota.score);
    for entry in &replan.rota.entries {
        if (day(4)..=day(5)).contains(&entry.date) {
            assert!(
                entry.workers.iter().all(|w| w.id != sick),
                "{}",
                entry.session
            );
        }
        if entry.date == day(3) {
            let published = rota.entry(&entry.session).ok_or("a published session")?;
            assert_eq!(entry.workers, published.workers, "{}", entry.session);
        }
    }
    assert!(replan.rota.unfilled_seats() <= rota.unfilled_seats());
    assert!(!replan.diff.is_empty());
    Ok(())
}

/// The paths this file may name below the crate root: the re-exported
/// crates, and nothing else.
const ALLOWED_BELOW_ROOT: [&str; 3] = ["chrono", "chrono_tz", "rust_decimal"];

#[test]
fn the_program_names_the_root_alone_and_builds_no_struct_literal() -> TestResult {
    let source = std::fs::read_to_string(file!())?;
    // Only the program itself, not this test's own text.
    let program = source
        .split("const ALLOWED_BELOW_ROOT")
        .next()
        .ok_or("the program")?;
    for (at, _) in program.match_indices("perfect_week::") {
        let rest = &program[at + "perfect_week::".len()..];
        let first = rest
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .next()
            .unwrap_or("");
        let is_module = first.chars().next().is_some_and(|c| c.is_ascii_lowercase());
        let is_path = rest[first.len()..].starts_with("::");
        assert!(
            !(is_module && is_path) || ALLOWED_BELOW_ROOT.contains(&first),
            "a path below the root: perfect_week::{first}::"
        );
    }
    // A struct literal is a type name followed by ` {` outside a `fn`,
    // `impl` or `struct` line: none of the crate's types may be built so.
    let imported: Vec<&str> = program
        .split("use perfect_week::{")
        .nth(1)
        .and_then(|s| s.split('}').next())
        .ok_or("the root import")?
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .collect();
    assert!(imported.contains(&"Plan") && imported.contains(&"Worker"));
    for line in program.lines() {
        // Text inside string literals is not code.
        let code: String = line.split('"').step_by(2).collect();
        for name in &imported {
            let literal = format!("{name} {{");
            for (at, _) in code.match_indices(&literal) {
                let before = &code[..at];
                let part_of_a_longer_name = before
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_');
                let returned = before.trim_end().ends_with("->");
                assert!(
                    part_of_a_longer_name || returned,
                    "a struct literal of {name}: {line}"
                );
            }
        }
    }
    Ok(())
}
