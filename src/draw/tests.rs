use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use rust_decimal::Decimal;

use super::{perfect_week_beside_rota, worker_weeks};
use crate::ids::{PersonId, SessionId};
use crate::rota::{RotaEntry, RotaWorker};
use crate::staff::{Contract, Worker};
use crate::week::{Activity, Funding, PerfectWeek, Support, Timing};

fn monday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 23).unwrap_or(NaiveDate::MIN)
}

fn at(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN)
}

fn entry(
    day: i64,
    start: NaiveTime,
    minutes: i64,
    what: &str,
    workers: &[&str],
    needed: u32,
) -> RotaEntry {
    let date = monday() + Duration::days(day);
    let local_start = NaiveDateTime::new(date, start);
    let local_end = local_start + Duration::minutes(minutes);
    RotaEntry {
        session: SessionId::new(format!("ava/{what}/{date}")),
        date,
        start: local_start.and_utc(),
        end: local_end.and_utc(),
        local_start: local_start.and_utc().fixed_offset(),
        local_end: local_end.and_utc().fixed_offset(),
        what: what.to_owned(),
        person: Some(PersonId::new("ava")),
        activity: None,
        funding: Funding::Flexi,
        workers: workers
            .iter()
            .map(|name| RotaWorker {
                id: name.to_lowercase().into(),
                name: (*name).to_owned(),
            })
            .collect(),
        needed,
        charge: Decimal::ZERO,
        minutes_from_preferred: 0,
    }
}

fn week() -> PerfectWeek {
    let swim = Activity::new(
        "swim",
        "Swimming & a <sauna>",
        Weekday::Tue,
        Timing::fixed(at(10, 0)),
        90,
    )
    .with_support(Support {
        workers: 2,
        ..Support::default()
    });
    let shop = Activity::new(
        "shop",
        "Food shopping",
        Weekday::Wed,
        Timing::flexible(at(9, 0), at(14, 0), at(10, 30)),
        90,
    );
    let mum = Activity::new(
        "mum",
        "Visiting Mum",
        Weekday::Sun,
        Timing::fixed(at(13, 0)),
        240,
    )
    .funded_by(Funding::Unpaid)
    .with_support(Support {
        workers: 0,
        ..Support::default()
    });
    let sleep = Activity::new(
        "sleep",
        "Sleep-in",
        Weekday::Fri,
        Timing::fixed(at(22, 0)),
        600,
    );
    PerfectWeek {
        person: PersonId::new("ava"),
        activities: vec![swim, shop, mum, sleep],
    }
}

fn texts(doc: &roxmltree::Document<'_>) -> String {
    doc.descendants()
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_week_picture_is_well_formed_and_labelled() -> Result<(), roxmltree::Error> {
    let entries = vec![
        entry(1, at(10, 0), 90, "Swimming & a <sauna>", &["Sam", "Jo"], 2),
        entry(2, at(11, 0), 90, "Food shopping", &[], 1),
        entry(4, at(22, 0), 600, "Sleep-in", &["Ali"], 1),
        // Another week, and another person: not drawn.
        entry(8, at(10, 0), 90, "Next week's swim", &["Sam"], 1),
    ];
    let mut other = entry(3, at(9, 0), 60, "Someone else's walk", &["Sam"], 1);
    other.person = Some(PersonId::new("ben"));
    let mut all = entries;
    all.push(other);
    let svg = perfect_week_beside_rota("Ava", &week(), &all, monday());
    let doc = roxmltree::Document::parse(&svg)?;
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    let text = texts(&doc);
    for day in [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ] {
        assert!(text.contains(day), "{day} is missing");
    }
    for label in [
        "Swimming & a <sauna>",
        "with Sam and Jo",
        "UNFILLED: needs 1 more",
        "Visiting Mum",
        "no paid support",
        "any time 09:00–14:00",
        "until 08:00 next day",
        "with Ali",
    ] {
        assert!(text.contains(label), "{label:?} is missing");
    }
    assert!(!text.contains("Next week's swim"));
    assert!(!text.contains("Someone else's walk"));
    let desc = doc
        .descendants()
        .find(|n| n.has_tag_name("desc"))
        .and_then(|n| n.text());
    assert!(
        desc.is_some_and(|d| d.contains("Wednesday 11:00 Food shopping")),
        "{desc:?}"
    );
    Ok(())
}

#[test]
fn the_worker_picture_shows_hours_against_the_contract() -> Result<(), roxmltree::Error> {
    let contract = Contract::new(20 * 60, Decimal::new(1271, 2)).with_min_minutes_per_week(16 * 60);
    let sam = Worker::new("sam", "Sam & Co", monday(), contract);
    // Week 1: 3 sessions of 8 h (24 h, over by 4 h); week 2: 10 h (under
    // the minimum by 6 h); weeks 3 and 4: nothing.
    let mut entries: Vec<RotaEntry> = (0..3)
        .map(|d| entry(d, at(8, 0), 480, "Day", &["Sam"], 1))
        .collect();
    entries.push(entry(7, at(8, 0), 600, "Day", &["Sam"], 1));
    entries.push(entry(8, at(8, 0), 600, "Day", &["Jo"], 1));
    let svg = worker_weeks(&sam, &entries, monday(), 4);
    let doc = roxmltree::Document::parse(&svg)?;
    let text = texts(&doc);
    for label in [
        "Sam & Co",
        "Week 1 (from Mon 23 Mar)",
        "24 h, OVER by 4 h",
        "10 h, under the minimum by 6 h",
        "Week 4 (from Mon 13 Apr)",
        "max 20 h",
        "min 16 h",
        "Average week: 8 h 30 (limit 48 h)",
    ] {
        assert!(text.contains(label), "{label:?} is missing from\n{text}");
    }
    Ok(())
}

#[test]
fn the_grid_names_the_days_who_supports_and_what_is_unfilled() {
    let entries = vec![
        entry(1, at(10, 0), 90, "Swimming", &["Sam Jones"], 2),
        entry(1, at(7, 30), 60, "Getting up", &["Jo"], 1),
        entry(6, at(13, 0), 240, "Visiting Mum", &[], 0),
        entry(7, at(9, 0), 60, "Next week", &["Ali"], 1),
    ];
    let grid = super::week_grid(&entries, monday(), 14);
    let lines: Vec<&str> = grid.lines().collect();
    for day in ["Monday 23", "Tuesday 24", "Sunday 29"] {
        assert!(lines[0].contains(day), "{day} missing from {}", lines[0]);
    }
    // Start times in order, each with what and who beneath.
    let at_time = |t: &str| {
        lines
            .iter()
            .position(|l| l.starts_with(t))
            .unwrap_or_else(|| panic!("no {t} row in\n{grid}"))
    };
    assert!(at_time("07:30") < at_time("10:00"));
    assert!(grid.contains("Sam, UNFILLED"));
    assert!(grid.contains("| -  "));
    assert!(!grid.contains("Next week"));
    assert!(grid.contains("Visiting Mum"));
}
