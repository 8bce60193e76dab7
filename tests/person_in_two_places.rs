//! A person in two places: nothing in a plan's validation stops two
//! flexible activities of one person from being placed over each other, so
//! the solver keeps them apart (a hard rule on the person).

use chrono::{NaiveDate, NaiveTime, Weekday};
use perfect_week::solver::{Constraint, SolverConfig, check};
use perfect_week::week::{Activity, Timing};

use crate::tiny;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Ava's Tuesday: shopping any time from 09:00 to 13:00 (first choice
/// 10:00, 90 minutes) and coffee with a friend from 10:00 to 14:00 (first
/// choice 10:30, an hour). At their first choices they would overlap; two
/// workers could each support one.
#[test]
fn a_person_in_two_places_two_flexible_activities_are_kept_apart() -> TestResult {
    let at = |h: u32, m: u32| NaiveTime::from_hms_opt(h, m, 0).ok_or("time");
    let activities = vec![
        Activity::new(
            "shop",
            "Shopping",
            Weekday::Tue,
            Timing::flexible(at(9, 0)?, at(13, 0)?, at(10, 0)?),
            90,
        ),
        Activity::new(
            "coffee",
            "Coffee with Jo",
            Weekday::Tue,
            Timing::flexible(at(10, 0)?, at(14, 0)?, at(10, 30)?),
            60,
        ),
    ];
    let monday = NaiveDate::from_ymd_opt(2026, 11, 2).ok_or("date")?;
    let plan = tiny::plan(
        monday,
        1,
        activities,
        &["amy", "ben"],
        tiny::Money::default(),
    );
    let compiled = plan.compile()?;
    let planned = plan.solve(&SolverConfig::default())?;
    let rota = &planned.rota;
    let report = check(compiled.problem(), &rota.roster)?;
    assert!(
        !report
            .by_constraint()
            .iter()
            .any(|(c, _)| *c == Constraint::PersonOverlap),
        "{:?}",
        report.by_constraint()
    );
    assert_eq!(rota.score.hard, 0);
    assert_eq!(rota.unfilled().count(), 0);
    let ava = "ava".into();
    let tuesday: Vec<_> = rota.for_person(&ava).collect();
    assert_eq!(tuesday.len(), 2);
    let (a, b) = (tuesday[0], tuesday[1]);
    assert!(
        a.end <= b.start || b.end <= a.start,
        "{} {}–{} and {} {}–{} overlap",
        a.what,
        a.local_start,
        a.local_end,
        b.what,
        b.local_start,
        b.local_end
    );
    Ok(())
}
