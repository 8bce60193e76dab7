//! The built-in story of `examples/perfect_week.rs` and its JSON copy,
//! `examples/data/perfect_week.json`, are the same plan; the loader's
//! errors on a damaged copy name the place; a planned rota reads back from
//! JSON.
//!
//! After changing the story, write the file again with
//! `PERFECT_WEEK_BLESS=1 cargo test --test integration story::`.

use crate::sample;

use perfect_week::PlannedRota;
use perfect_week::load::{self, Problem};
use perfect_week::plan::Plan;
use perfect_week::solver::SolverConfig;

const FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/perfect_week.json"
);

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn story_json() -> Result<String, serde_json::Error> {
    Ok(serde_json::to_string_pretty(&sample::story())? + "\n")
}

#[test]
fn the_sample_file_is_the_built_in_story() -> TestResult {
    let json = story_json()?;
    if std::env::var_os("PERFECT_WEEK_BLESS").is_some() {
        std::fs::write(FILE, &json)?;
    }
    let text = std::fs::read_to_string(FILE)?;
    assert!(
        text == json,
        "examples/data/perfect_week.json differs from the story: run PERFECT_WEEK_BLESS=1 cargo test --test integration story::"
    );
    let plan: Plan = load::from_file(FILE)?;
    assert_eq!(plan, sample::story());
    plan.validate()?;
    Ok(())
}

#[test]
fn the_story_meets_the_brief() -> TestResult {
    let plan = sample::story();
    assert_eq!(plan.period.weeks, 4);
    assert!((6..=10).contains(&plan.workers.len()));
    let week = &plan.people[0].week;
    assert!((12..=20).contains(&week.activities.len()));
    assert!(week.activities.iter().any(|a| a.support.workers == 2));
    assert!(!plan.people[0].person.matching.excluded_workers.is_empty());
    Ok(())
}

#[test]
fn a_cut_short_copy_names_the_file_line_and_column() -> TestResult {
    let json = story_json()?;
    let cut = &json[..json.len() / 2];
    let err = match load::from_str::<Plan>(cut) {
        Err(err) => err,
        Ok(_) => return Err("half the file was accepted".into()),
    };
    assert_eq!(err.problem(), Some(Problem::Eof));
    let (line, _) = err.line_column().ok_or("no position")?;
    assert_eq!(line, cut.lines().count());
    Ok(())
}

#[test]
fn a_mistyped_copy_names_the_place() -> TestResult {
    let mut value: serde_json::Value = serde_json::from_str(&story_json()?)?;
    value["workers"][3]["contract"]["max_minutes_per_week"] = serde_json::json!("forty hours");
    let text = serde_json::to_string_pretty(&value)?;
    let err = match load::from_str::<Plan>(&text) {
        Err(err) => err,
        Ok(_) => return Err("a mistyped copy was accepted".into()),
    };
    assert_eq!(err.path(), Some("workers[3].contract.max_minutes_per_week"));
    assert!(
        err.to_string()
            .contains("invalid type: string \"forty hours\""),
        "{err}"
    );
    Ok(())
}

#[test]
fn a_planned_rota_reads_back_from_json() -> TestResult {
    let config = SolverConfig::default().with_seed(1).with_max_steps(5_000);
    let planned = sample::story().solve(&config)?;
    let json = serde_json::to_string_pretty(&planned)?;
    let back: PlannedRota = load::from_str(&json)?;
    // Durations are whole milliseconds in JSON: compare what is written.
    assert_eq!(serde_json::to_string_pretty(&back)?, json);
    assert_eq!(back.rota, planned.rota);
    assert_eq!(back.unfilled, planned.unfilled);
    Ok(())
}
