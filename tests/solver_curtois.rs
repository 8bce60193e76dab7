//! A quick test-only loader for the Curtois & Qu instances, to tune the
//! engine. The benchmark runner proper is `examples/curtois.rs` (another
//! branch). Run the timed sweep with
//! `CURTOIS=1,2,3 SECS=10 cargo test --release --test solver_curtois -- --ignored --nocapture`.

use std::collections::BTreeMap;
use std::time::Duration;

use perfect_week::ids::KindId;
use perfect_week::solver::*;

const DIR: &str = "/work/shared/benchmarks/curtois";

/// Parses an instance into a Problem as the benchmark issue specifies.
fn load(text: &str) -> Option<Problem> {
    let mut section = String::new();
    let mut horizon = 0usize;
    let mut shifts: Vec<(String, i64, Vec<String>)> = Vec::new();
    let mut workers: Vec<Worker> = Vec::new();
    let mut cover: Vec<(usize, String, u32, i64, i64)> = Vec::new();
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with("SECTION_") {
            section = line.to_owned();
            continue;
        }
        let f: Vec<&str> = line.split(',').map(str::trim).collect();
        let find =
            |workers: &mut Vec<Worker>, id: &str| workers.iter().position(|w| w.id.as_str() == id);
        match section.as_str() {
            "SECTION_HORIZON" => horizon = f[0].parse().ok()?,
            "SECTION_SHIFTS" => {
                let cannot = f.get(2).map_or(vec![], |s| {
                    s.split('|')
                        .filter(|x| !x.is_empty())
                        .map(str::to_owned)
                        .collect()
                });
                shifts.push((f[0].to_owned(), f[1].parse().ok()?, cannot));
            }
            "SECTION_STAFF" => {
                let max_per_kind = f[1]
                    .split('|')
                    .filter_map(|kv| kv.split_once('='))
                    .map(|(k, v)| Some((KindId::from(k), v.parse().ok()?)))
                    .collect::<Option<Vec<_>>>()?;
                workers.push(Worker {
                    id: f[0].into(),
                    tags: vec![],
                    days_off: vec![],
                    unavailable: vec![],
                    available: None,
                    young: false,
                    opted_out: true,
                    pay_per_hour: 0,
                    limits: WorkerLimits {
                        max_per_kind,
                        max_minutes_total: Some(f[2].parse().ok()?),
                        min_minutes_total: Some(f[3].parse().ok()?),
                        max_consecutive_days: Some(f[4].parse().ok()?),
                        min_consecutive_days: Some(f[5].parse().ok()?),
                        min_consecutive_days_off: Some(f[6].parse().ok()?),
                        max_weekends: Some(f[7].parse().ok()?),
                        ..WorkerLimits::default()
                    },
                    history: WorkerHistory::default(),
                    requests: vec![],
                });
            }
            "SECTION_DAYS_OFF" => {
                let i = find(&mut workers, f[0])?;
                for d in &f[1..] {
                    workers[i].days_off.push(d.parse().ok()?);
                }
            }
            "SECTION_SHIFT_ON_REQUESTS" | "SECTION_SHIFT_OFF_REQUESTS" => {
                let i = find(&mut workers, f[0])?;
                workers[i].requests.push(Request {
                    day: f[1].parse().ok()?,
                    kind: Some(f[2].into()),
                    want: if section.contains("_ON_") {
                        Want::On
                    } else {
                        Want::Off
                    },
                    weight: f[3].parse().ok()?,
                });
            }
            "SECTION_COVER" => cover.push((
                f[0].parse().ok()?,
                f[1].to_owned(),
                f[2].parse().ok()?,
                f[3].parse().ok()?,
                f[4].parse().ok()?,
            )),
            _ => {}
        }
    }
    let monday = chrono::NaiveDate::from_ymd_opt(2024, 1, 1)?;
    let days: Vec<Day> = (0..horizon)
        .map(|i| Day {
            date: monday + chrono::Days::new(i as u64),
            start: i as i64 * 1440,
            end: (i as i64 + 1) * 1440,
        })
        .collect();
    let len: BTreeMap<&str, i64> = shifts.iter().map(|(k, l, _)| (k.as_str(), *l)).collect();
    let sessions = cover
        .iter()
        .map(|(d, k, req, under, over)| {
            let start = *d as i64 * 1440;
            Some(Session {
                id: format!("{d}-{k}").into(),
                placements: vec![Placement {
                    day: *d,
                    start,
                    end: start + len.get(k.as_str())?,
                    night_minutes: 0,
                    young_restricted_minutes: 0,
                    charge: 0,
                    penalty: 0,
                }],
                cover: Cover::Preferred {
                    wanted: *req,
                    under_weight: *under,
                    over_weight: *over,
                },
                kind: Some(k.as_str().into()),
                place: None,
                person: None,
                series: None,
                requires: vec![],
                refused: vec![],
                preferred: vec![],
                worker_penalties: vec![],
                budget: None,
                priority: 1,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let forbidden_successions = shifts
        .iter()
        .flat_map(|(a, _, cannot)| {
            cannot
                .iter()
                .map(move |b| (KindId::from(a.as_str()), KindId::from(b.as_str())))
        })
        .collect();
    Some(Problem {
        days,
        sessions,
        workers,
        rules: Rules {
            one_session_per_day: true,
            forbidden_successions,
            ..Rules::none()
        },
        weights: Weights::default(),
        budgets: vec![],
        pins: vec![],
        baseline: None,
    })
}

fn instance(n: u32) -> Option<Problem> {
    load(&std::fs::read_to_string(format!("{DIR}/Instance{n}.txt")).ok()?)
}

/// Instance 1 loads and a short deterministic run is feasible.
#[test]
fn instance1_feasible_quickly() {
    let Some(problem) = instance(1) else {
        return; // the shared benchmark directory is not present
    };
    assert_eq!(problem.validate(), Ok(()));
    let config = SolverConfig {
        seed: 1,
        termination: Termination {
            max_steps: Some(100_000),
            ..Termination::default()
        },
    };
    let solution = solve(&problem, &config)
        .map_err(|e| e.to_string())
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(solution.score.is_feasible(), "{}", solution.score);
}

/// Timed sweep; prints one line per instance.
#[test]
#[ignore]
fn curtois_sweep() {
    let list = std::env::var("CURTOIS").unwrap_or_else(|_| "1,2,3,4,5,6,8,10".into());
    let secs: f64 = std::env::var("SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10.0);
    let seed: u64 = std::env::var("SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    for n in list.split(',').filter_map(|x| x.trim().parse().ok()) {
        let Some(problem) = instance(n) else { continue };
        let config = SolverConfig {
            seed,
            termination: Termination {
                max_time: Some(Duration::from_secs_f64(secs)),
                ..Termination::default()
            },
        };
        let mut first_feasible = None;
        let solution = solve_with(&problem, &config, |p| {
            if first_feasible.is_none() && p.best.hard == 0 {
                first_feasible = Some(p.elapsed);
            }
            std::ops::ControlFlow::Continue(())
        });
        let Ok(solution) = solution else { continue };
        let s = solution.stats;
        println!(
            "Instance{n}: {} {:?} | steps {} evals {} ({:.2} M/s) best@{} first feasible {:?}",
            solution.score,
            solution
                .breakdown
                .iter()
                .filter(|(c, _)| c.level() == Level::Hard)
                .collect::<Vec<_>>(),
            s.steps,
            s.moves_evaluated,
            s.moves_evaluated as f64 / s.elapsed.as_secs_f64() / 1e6,
            s.best_found_at_step,
            first_feasible
        );
    }
}
