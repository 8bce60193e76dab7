//! Across the autumn clock change (Sunday 25 October 2026, Europe/London):
//! local times in the rota carry their UTC offset, so the two 01:30s of that
//! night can be told apart (in the entries, their JSON, the timetable and the
//! CSV export); and weekly contract hours can be clipped at local Monday
//! 00:00, as a payroll week is.

use perfect_week::chrono::{FixedOffset, NaiveDate, NaiveTime, Weekday};
use perfect_week::chrono_tz::Europe::London;
use perfect_week::export::to_csv;
use perfect_week::rust_decimal::Decimal;
use perfect_week::solver::{Assignment, Constraint, Roster, WeekCount, check};
use perfect_week::{
    Activity, Contract, Fund, PerfectWeek, Person, PersonPlan, Plan, Rota, RotaEntry, RotaPeriod,
    SolverConfig, Timing, Worker,
};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn at(hour: u32, minute: u32) -> Result<NaiveTime, &'static str> {
    NaiveTime::from_hms_opt(hour, minute, 0).ok_or("time")
}

fn offset(hours: i32) -> Result<FixedOffset, &'static str> {
    FixedOffset::east_opt(hours * 3600).ok_or("offset")
}

/// Ava walks for an hour from 01:30 on the night the clocks go back (the
/// first 01:30, British Summer Time) and swims on Tuesday morning; Ben has
/// a two-hour call from 00:30 that night, which ends at 01:30 Greenwich
/// Mean Time.
fn rota() -> Result<Rota, Box<dyn std::error::Error>> {
    let monday = NaiveDate::from_ymd_opt(2026, 10, 19).ok_or("date")?;
    let ava = Person::new("ava", "Ava");
    let ava_week = PerfectWeek::new(
        ava.id.clone(),
        vec![
            Activity::new(
                "walk",
                "Night walk",
                Weekday::Sun,
                Timing::fixed(at(1, 30)?),
                60,
            ),
            Activity::new(
                "swim",
                "Swimming",
                Weekday::Tue,
                Timing::fixed(at(10, 0)?),
                60,
            ),
        ],
    );
    let ben = Person::new("ben", "Ben");
    let ben_week = PerfectWeek::new(
        ben.id.clone(),
        vec![Activity::new(
            "call",
            "Night call",
            Weekday::Sun,
            Timing::fixed(at(0, 30)?),
            120,
        )],
    );
    let born = NaiveDate::from_ymd_opt(1990, 6, 1).ok_or("date")?;
    let contract = Contract::new(40 * 60, Decimal::new(1325, 2));
    let workers = ["sam", "kim"]
        .into_iter()
        .map(|id| Worker::new(id, id.to_uppercase(), born, contract.clone()))
        .collect();
    let people = vec![
        PersonPlan::new(ava, ava_week, Some(Fund::hours(Decimal::from(4)))),
        PersonPlan::new(ben, ben_week, Some(Fund::hours(Decimal::from(4)))),
    ];
    let plan = Plan::new(RotaPeriod::new(monday, 1, London), people, workers);
    Ok(plan.solve(&SolverConfig::default())?.rota)
}

fn entry<'a>(rota: &'a Rota, what: &str) -> Result<&'a RotaEntry, String> {
    rota.entries
        .iter()
        .find(|e| e.what == what)
        .ok_or_else(|| format!("no {what} in the rota"))
}

#[test]
fn rota_local_times_carry_their_offset_across_the_october_2026_change() -> TestResult {
    let rota = rota()?;
    let walk = entry(&rota, "Night walk")?;
    let call = entry(&rota, "Night call")?;
    let swim = entry(&rota, "Swimming")?;

    // The walk starts at the first 01:30 (BST, UTC+1) and, an hour later,
    // ends at the second (GMT, UTC+0): the same clock time, two offsets.
    assert_eq!(walk.local_start.time(), at(1, 30)?);
    assert_eq!(walk.local_end.time(), at(1, 30)?);
    assert_eq!(*walk.local_start.offset(), offset(1)?);
    assert_eq!(*walk.local_end.offset(), offset(0)?);
    assert_eq!(walk.minutes(), 60);
    assert_eq!(walk.local_start, walk.start);
    assert_eq!(walk.local_end, walk.end);
    // Two real hours from 00:30 BST end at 01:30 GMT.
    assert_eq!(call.local_end.time(), at(1, 30)?);
    assert_eq!(*call.local_end.offset(), offset(0)?);
    assert_eq!(call.minutes(), 120);

    // Printed, the two 01:30s differ; a time no one could misread stays bare.
    assert_eq!(walk.times(None), "01:30 (UTC+01:00)–01:30 (UTC+00:00)");
    assert!(
        walk.describe()
            .contains("01:30 (UTC+01:00)–01:30 (UTC+00:00)")
    );
    assert_eq!(call.times(None), "00:30 (UTC+01:00)–01:30 (UTC+00:00)");
    assert_eq!(call.times(Some(London)), "00:30–01:30 (UTC+00:00)");
    assert_eq!(swim.times(Some(London)), "10:00–11:00");
    let timetable = rota.to_string();
    assert!(
        timetable.contains("01:30 (UTC+01:00)–01:30 (UTC+00:00)  Night walk"),
        "{timetable}"
    );
    assert!(timetable.contains("10:00–11:00  Swimming"), "{timetable}");

    // The CSV export says the offsets where they matter, and only there.
    let csv = to_csv(&rota);
    assert!(
        csv.contains("2026-10-25,01:30 (UTC+01:00),01:30 (UTC+00:00),60,ava,walk"),
        "{csv}"
    );
    assert!(csv.contains("2026-10-20,10:00,11:00,60,ava,swim"), "{csv}");

    // JSON keeps the offsets, readably, and reads back the same rota.
    let json = serde_json::to_value(walk)?;
    assert_eq!(json["local_start"], "2026-10-25T01:30:00+01:00");
    // (RFC 3339 writes an offset of zero as `Z`.)
    assert_eq!(json["local_end"], "2026-10-25T01:30:00Z");
    let back: Rota = serde_json::from_str(&serde_json::to_string(&rota)?)?;
    assert_eq!(back, rota);
    Ok(())
}

/// Two weeks from Monday 19 October 2026 for one 37.5-hour worker (at least
/// and at most 2,250 minutes a week): Ava's days out, Tuesday to Friday
/// 09:00–16:30, and a sleepless Sunday night 22:00–05:30, every week, all
/// of it Sam's. Each week's sessions start in it and add up to 37.5 hours;
/// the first Sunday night is the one the clocks went back that morning.
fn payroll_plan(week_count: WeekCount) -> Result<Plan, Box<dyn std::error::Error>> {
    let monday = NaiveDate::from_ymd_opt(2026, 10, 19).ok_or("date")?;
    let ava = Person::new("ava", "Ava");
    let mut activities: Vec<Activity> = [Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri]
        .into_iter()
        .map(|day| {
            let id = format!("out-{day}");
            Ok(Activity::new(
                id,
                "Day out",
                day,
                Timing::fixed(at(9, 0)?),
                450,
            ))
        })
        .collect::<Result<_, &str>>()?;
    activities.push(Activity::new(
        "night",
        "Night support",
        Weekday::Sun,
        Timing::fixed(at(22, 0)?),
        450,
    ));
    let week = PerfectWeek::new(ava.id.clone(), activities);
    let born = NaiveDate::from_ymd_opt(1990, 6, 1).ok_or("date")?;
    let contract = Contract::new(2250, Decimal::new(1325, 2)).with_min_minutes_per_week(2250);
    let sam = Worker::new("sam", "Sam", born, contract);
    let fund = Fund::hours(Decimal::from(40));
    let mut plan = Plan::new(
        RotaPeriod::new(monday, 2, London),
        vec![PersonPlan::new(ava, week, Some(fund))],
        vec![sam],
    );
    plan.options.rules.week_count = week_count;
    Ok(plan)
}

/// The weekly-minutes amounts the checker finds, by week, when Sam works
/// every session.
fn weekly_minutes(week_count: WeekCount) -> Result<Vec<(usize, i64)>, Box<dyn std::error::Error>> {
    let compiled = payroll_plan(week_count)?.compile()?;
    let problem = compiled.problem();
    let roster = Roster {
        assignments: problem
            .sessions
            .iter()
            .map(|s| Assignment {
                session: s.id.clone(),
                worker: "sam".into(),
            })
            .collect(),
        placements: vec![],
    };
    let report = check(problem, &roster)?;
    Ok(report
        .violations
        .iter()
        .filter(|v| v.constraint == Constraint::WeeklyMinutes)
        .map(|v| (v.day.unwrap_or(usize::MAX) / 7, v.amount))
        .collect())
}

#[test]
fn weekly_contract_hours_clipped_at_local_monday_across_the_october_2026_change() -> TestResult {
    // By default a session counts wholly in the week it starts: 37.5 hours
    // in each week, as contracted.
    assert_eq!(weekly_minutes(WeekCount::ByStart)?, vec![]);

    // Clipped at Monday 00:00 (GMT by then), the first Sunday night gives
    // its first two hours to week 1 and the other 5.5 to week 2: week 1 is
    // 32 hours (5.5 short of the minimum); week 2 gets them back, and loses
    // the 5.5 hours of its own Sunday night that fall after the horizon.
    assert_eq!(weekly_minutes(WeekCount::Clipped)?, vec![(0, 330)]);

    // The first week really is 169 hours long, Monday to Monday, and the
    // night in question starts after the clocks went back.
    let compiled = payroll_plan(WeekCount::Clipped)?.compile()?;
    let problem = compiled.problem();
    let (from, to) = problem.week_span(0).ok_or("week 0")?;
    assert_eq!(to - from, 169 * 60);
    let night = problem
        .sessions
        .iter()
        .find(|s| s.id.as_str() == "ava/night/2026-10-25")
        .ok_or("the first Sunday night")?;
    assert_eq!(night.placements[0].start, to - 120);

    // The solver counts the same way: with every seat filled, week 1 falls
    // 330 minutes short whatever it does (its sessions give at most 32
    // hours), and nothing else need break; by start, nothing breaks.
    for (week_count, hard) in [(WeekCount::Clipped, 330), (WeekCount::ByStart, 0)] {
        let rota = payroll_plan(week_count)?
            .solve(&SolverConfig::default())?
            .rota;
        assert_eq!(
            (rota.score.hard, rota.score.unfilled),
            (hard, 0),
            "{week_count:?}: {rota}"
        );
    }
    Ok(())
}

/// Ava's night out ends at 02:30 on the clock: the minutes of each Sunday
/// night's session in the rota, over two weeks from `monday`.
fn night_out_minutes(
    monday: NaiveDate,
) -> Result<Vec<(NaiveDate, i64)>, Box<dyn std::error::Error>> {
    let ava = Person::new("ava", "Ava");
    let out = Activity::new(
        "out",
        "Night out",
        Weekday::Sun,
        Timing::fixed(at(0, 30)?),
        0,
    )
    .until(at(2, 30)?);
    assert_eq!(out.minutes, 120);
    let week = PerfectWeek::new(ava.id.clone(), vec![out]);
    let born = NaiveDate::from_ymd_opt(1990, 6, 1).ok_or("date")?;
    let sam = Worker::new(
        "sam",
        "Sam",
        born,
        Contract::new(2400, Decimal::new(1325, 2)),
    );
    let fund = Fund::hours(Decimal::from(4));
    let plan = Plan::new(
        RotaPeriod::new(monday, 2, London),
        vec![PersonPlan::new(ava, week, Some(fund))],
        vec![sam],
    );
    let rota = plan.solve(&SolverConfig::default())?.rota;
    for entry in &rota.entries {
        assert_eq!(entry.local_start.time(), at(0, 30)?);
        assert_eq!(entry.local_end.time(), at(2, 30)?);
    }
    Ok(rota.entries.iter().map(|e| (e.date, e.minutes())).collect())
}

#[test]
fn an_activity_end_as_a_clock_time_wins_across_the_march_and_october_changes() -> TestResult {
    let date = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    // 00:30–02:30 is an hour on the night the clocks go forward...
    assert_eq!(
        night_out_minutes(date(3, 23)?)?,
        vec![(date(3, 29)?, 60), (date(4, 5)?, 120)]
    );
    // ...and three on the night they go back.
    assert_eq!(
        night_out_minutes(date(10, 19)?)?,
        vec![(date(10, 25)?, 180), (date(11, 1)?, 120)]
    );
    Ok(())
}

#[test]
fn an_activity_end_as_a_clock_time_is_validated() -> TestResult {
    let week = |activity: Activity| PerfectWeek::new("ava", vec![activity]);
    let day_out = || -> Result<Activity, &str> {
        Ok(Activity::new(
            "out",
            "Day out",
            Weekday::Sat,
            Timing::fixed(at(8, 0)?),
            0,
        ))
    };
    assert!(week(day_out()?.until(at(20, 0)?)).validate().is_ok());
    // Longer on the clock than a session of support may be (12 hours).
    let long = week(day_out()?.until(at(21, 0)?)).validate().unwrap_err();
    assert!(
        long.to_string().contains("activity \"out\" minutes"),
        "{long}"
    );
    // Minutes that disagree with the clock.
    let mut off = day_out()?.until(at(10, 0)?);
    off.minutes = 90;
    let off = week(off).validate().unwrap_err();
    assert!(
        off.to_string()
            .contains("120 minutes, the length on the clock"),
        "{off}"
    );
    // A clock end needs a fixed start.
    let mut flexible = day_out()?;
    flexible.timing = Timing::flexible(at(8, 0)?, at(12, 0)?, at(9, 0)?);
    flexible.minutes = 60;
    let flexible = week(flexible.until(at(10, 0)?)).validate().unwrap_err();
    assert!(
        flexible.to_string().contains("needs a fixed start"),
        "{flexible}"
    );
    Ok(())
}
