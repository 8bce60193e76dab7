//! The generated core-and-flexi service of the care benchmark
//! (`examples/sample/generated.rs`), the figures it is measured by and the
//! options of the examples that measure it.

use crate::sample;

use std::collections::BTreeSet;

use perfect_week::rust_decimal::Decimal;
use perfect_week::rust_decimal::prelude::ToPrimitive;
use perfect_week::solver::{Cover, Problem, SolverConfig, solve};
use sample::cli::RunArgs;
use sample::figures::Figures;
use sample::{CareSize, care_plan};

fn small() -> CareSize {
    CareSize {
        residents: 4,
        workers: 10,
        weeks: 1,
        seed: 1,
    }
}

#[test]
fn the_default_service_is_valid_and_of_the_size_measured() {
    let size = CareSize::default();
    let plan = care_plan(size);
    plan.validate().expect("the generated plan validates");
    assert_eq!(plan.people.len(), 20);
    assert_eq!(plan.workers.len(), 25);
    let compiled = plan.compile().expect("the generated plan compiles");
    let problem = compiled.problem();
    // Early, late (two workers each) and a waking night, every day.
    let core: Vec<_> = problem
        .sessions
        .iter()
        .filter(|s| s.person.is_none())
        .collect();
    assert_eq!(core.len(), 3 * 28);
    // Three to five sessions a week per resident, at most one a day.
    for person in &plan.people {
        let days: BTreeSet<_> = person
            .week
            .activities
            .iter()
            .map(|a| a.day.num_days_from_monday())
            .collect();
        assert_eq!(days.len(), person.week.activities.len());
        assert!((3..=5).contains(&days.len()), "{}", person.person.id);
        // Each chose three workers.
        for activity in &person.week.activities {
            assert_eq!(activity.support.preferred.len(), 3);
        }
    }
    // Some of the residents' own sessions need two workers, some a driver.
    let own = || problem.sessions.iter().filter(|s| s.person.is_some());
    assert!(own().any(|s| matches!(s.cover, Cover::Required { workers: 2 })));
    assert!(own().any(|s| !s.requires.is_empty()));
    let flexi = problem.sessions.len() - core.len();
    let weekly: usize = plan.people.iter().map(|p| p.week.activities.len()).sum();
    assert_eq!(flexi, 4 * weekly);
}

#[test]
fn the_same_seed_gives_the_same_service_and_another_seed_another() {
    let size = CareSize::default();
    assert_eq!(care_plan(size), care_plan(size));
    assert_ne!(care_plan(size), care_plan(CareSize { seed: 2, ..size }));
}

#[test]
fn a_small_service_has_every_seat_filled_and_a_bound() {
    let plan = care_plan(small());
    let compiled = plan.compile().expect("the small plan compiles");
    let config = SolverConfig::default().with_seed(0).with_max_steps(40_000);
    let solution = solve(compiled.problem(), &config).expect("it solves");
    assert_eq!(solution.score.hard, 0, "{:?}", solution.breakdown);
    assert_eq!(solution.score.unfilled, 0, "{:?}", solution.breakdown);
    // Every seat filled and every rule kept: the bound exists, is below the
    // roster's score at the soft level and is not the empty bound.
    let bound = solution
        .lower_bound
        .unwrap_or_else(|| panic!("no bound for a roster keeping every rule"));
    assert_eq!((bound.hard, bound.unfilled), (0, 0));
    assert!(bound <= solution.score, "{bound} above {}", solution.score);
    assert!(bound.soft > 0, "{bound}");

    // The figures agree with the rota read back through the plan.
    let planned = compiled.planned(&solution).expect("it reads back");
    let rota = &planned.rota;
    let figures = Figures::of(compiled.problem(), &rota.roster, solution.score);
    assert_eq!(figures.unfilled_seats, rota.unfilled_seats());
    assert_eq!(figures.people, plan.people.len());
    let seen: usize = plan
        .people
        .iter()
        .map(|p| sample::workers_seen(rota, &p.person.id).len())
        .sum();
    assert_eq!(figures.distinct_workers, seen);
    let pence = |funded_by_person: bool| -> i64 {
        rota.entries
            .iter()
            .filter(|e| e.person.is_some() == funded_by_person)
            .map(|e| {
                (e.charge * Decimal::ONE_HUNDRED)
                    .to_i64()
                    .expect("whole pence")
            })
            .sum()
    };
    assert_eq!(figures.flexi_pence, pence(true));
    assert_eq!(figures.core_pence, pence(false));
}

/// With fewer workers the drivers drawn may all be part-time or relief,
/// free on a few days only: the generator then has full-time workers drive
/// until every day has two day workers who drive and are free, so a day
/// out with two drivers can always be staffed (with 20 workers, before,
/// one resident's Friday day out had one driver for its two seats).
#[test]
fn every_day_has_two_day_workers_who_drive_at_any_worker_count() {
    use perfect_week::chrono::NaiveTime;
    let noon = NaiveTime::from_hms_opt(12, 0, 0).expect("a time");
    for workers in 16..=30 {
        let plan = care_plan(CareSize {
            workers,
            ..CareSize::default()
        });
        plan.validate()
            .unwrap_or_else(|e| panic!("{workers} workers: {e}"));
        for day in sample::weekdays() {
            let drivers = plan
                .workers
                .iter()
                .filter(|w| {
                    w.qualifications
                        .iter()
                        .any(|q| q.skill.as_str() == "driving")
                })
                .filter(|w| {
                    let weekly = &w.availability.weekly;
                    weekly.is_empty() || weekly.iter().any(|a| a.weekday == day && a.start < noon)
                })
                .count();
            assert!(
                drivers >= 2,
                "{workers} workers: {drivers} drivers on {day}"
            );
        }
    }
}

#[test]
fn the_problem_reads_back_from_json_unchanged() {
    let compiled = care_plan(small()).compile().expect("it compiles");
    let json = serde_json::to_string(compiled.problem()).expect("it writes");
    let back: Problem = serde_json::from_str(&json).expect("it reads");
    assert_eq!(&back, compiled.problem());
}

#[test]
fn figures_count_each_persons_distinct_workers_and_empty_seats() {
    use perfect_week::solver::{Assignment, Placement, Roster, Score, Session};
    let session = |id: &str, person: Option<&str>, seats| {
        let s = Session::new(
            id,
            vec![Placement::new(0, 600, 660).with_charge(100)],
            seats,
        );
        match person {
            Some(p) => s.with_person(p),
            None => s,
        }
    };
    let problem = Problem::new(
        perfect_week::solver::Day::run_from(sample::date(2027, 3, 1), 7),
        vec![
            session("a1", Some("a"), 1),
            session("a2", Some("a"), 2),
            session("b1", Some("b"), 1),
            session("core", None, 2),
        ],
        Vec::new(),
    );
    let assign = |session: &str, worker: &str| Assignment {
        session: session.into(),
        worker: worker.into(),
    };
    let roster = Roster {
        assignments: vec![
            assign("a1", "x"),
            assign("a2", "x"),
            assign("a2", "y"),
            assign("b1", "z"),
            assign("core", "x"),
        ],
        placements: Vec::new(),
    };
    let figures = Figures::of(&problem, &roster, Score::ZERO);
    // a sees x and y, b sees z; the core shift counts for no one.
    assert_eq!(figures.people, 2);
    assert_eq!(figures.distinct_workers, 3);
    assert_eq!(figures.most_workers, 2);
    assert!((figures.workers_per_person() - 1.5).abs() < 1e-9);
    assert_eq!(figures.unfilled_seats, 1);
    assert_eq!(figures.flexi_pence, 400);
    assert_eq!(figures.core_pence, 100);
}

#[test]
fn options_are_read_and_bad_ones_refused() {
    let args = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    let run = RunArgs::parse(args(&["--seed", "4", "--out", "x"]), 0, 10, &["out"])
        .expect("good options");
    assert_eq!(run.seed, 4);
    assert_eq!(run.steps, 10);
    assert_eq!(run.extra.get("out").map(String::as_str), Some("x"));
    let config = run.config().expect("a config");
    assert_eq!(config.seed, 4);
    assert_eq!(config.termination.max_steps, Some(10));
    let timed = RunArgs::parse(args(&["--seconds", "1.5"]), 0, 10, &[])
        .and_then(|r| r.config().map_err(|e| e.to_string()))
        .expect("a time limit");
    assert_eq!(timed.termination.max_steps, None);
    assert_eq!(
        timed.termination.max_time,
        Some(std::time::Duration::from_millis(1500))
    );
    for bad in [
        &["--seconds", "0"][..],
        &["--seconds", "-1"],
        &["--seconds", "soon"],
        &["--seed", "1.5"],
        &["--steps"],
        &["--out", "x"],
        &["file.json"],
    ] {
        let err = RunArgs::parse(args(bad), 0, 10, &[]).expect_err("refused");
        assert!(err.contains(bad[0]), "{err}");
    }
}
