//! Local times in the rota carry their UTC offset, so the two 01:30s of the
//! night the clocks go back (Sunday 25 October 2026, Europe/London) can be
//! told apart: in the entries, in their JSON, in the timetable and in the
//! CSV export.

use perfect_week::chrono::{FixedOffset, NaiveDate, NaiveTime, Weekday};
use perfect_week::chrono_tz::Europe::London;
use perfect_week::export::to_csv;
use perfect_week::rust_decimal::Decimal;
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
    let ava_week = PerfectWeek {
        person: ava.id.clone(),
        activities: vec![
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
    };
    let ben = Person::new("ben", "Ben");
    let ben_week = PerfectWeek {
        person: ben.id.clone(),
        activities: vec![Activity::new(
            "call",
            "Night call",
            Weekday::Sun,
            Timing::fixed(at(0, 30)?),
            120,
        )],
    };
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
