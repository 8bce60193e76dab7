//! Solver benchmarks: move evaluations per second and time to a first roster
//! with every session filled on a generated 4-week service of 20 people and
//! 40 workers, and the cost of local-search steps at 4 and 52 weeks (it must
//! not grow with the horizon).

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use perfect_week::solver::*;

/// A service of `people` people over `weeks` weeks with `workers` workers:
/// each person has a morning and an evening visit every day (one in five
/// 2:1), some needing a driver, and preferred workers.
fn service(people: usize, workers: usize, weeks: usize) -> Problem {
    let mut state = 0x1234_5678_u64;
    let mut rnd = move |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n
    };
    let monday = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap_or_default();
    let days: Vec<Day> = (0..weeks * 7)
        .map(|i| Day {
            date: monday + chrono::Days::new(i as u64),
            start: i as i64 * 1440,
            end: (i as i64 + 1) * 1440,
        })
        .collect();
    let mut sessions = Vec::new();
    for p in 0..people {
        for d in 0..days.len() {
            for (slot, (from, len)) in [(8 * 60, 240), (17 * 60, 240)].into_iter().enumerate() {
                let start = d as i64 * 1440 + from;
                sessions.push(Session {
                    id: format!("p{p}-d{d}-{slot}").into(),
                    placements: vec![Placement {
                        day: d,
                        start,
                        end: start + len,
                        night_minutes: 0,
                        young_restricted_minutes: 0,
                        charge: 0,
                        penalty: 0,
                    }],
                    cover: Cover::Required {
                        workers: if rnd(5) == 0 { 2 } else { 1 },
                    },
                    kind: Some(if slot == 0 { "am" } else { "pm" }.into()),
                    place: Some(format!("home{p}").into()),
                    person: Some(format!("p{p}").into()),
                    series: None,
                    requires: if p % 4 == 0 {
                        vec!["driver".into()]
                    } else {
                        vec![]
                    },
                    refused: vec![],
                    preferred: vec![
                        format!("w{}", rnd(workers as u64)).into(),
                        format!("w{}", rnd(workers as u64)).into(),
                    ],
                    worker_penalties: vec![],
                    budget: None,
                    priority: 1,
                });
            }
        }
    }
    let workers = (0..workers)
        .map(|w| Employee {
            id: format!("w{w}").into(),
            tags: if w % 2 == 0 {
                vec![HeldTag::always("driver")]
            } else {
                vec![]
            },
            days_off: (0..days.len()).filter(|_| rnd(7) == 0).collect(),
            unavailable: vec![],
            available: None,
            young: false,
            opted_out: false,
            pay_per_hour: 1200,
            limits: WorkerLimits {
                max_minutes_per_week: Some(40 * 60),
                max_consecutive_days: Some(6),
                ..WorkerLimits::default()
            },
            history: WorkerHistory::default(),
            requests: vec![],
        })
        .collect();
    Problem {
        days,
        sessions,
        workers,
        rules: Rules {
            travel_minutes: 15,
            ..Rules::default()
        },
        weights: Weights::default(),
        budgets: vec![],
        pins: vec![],
        baseline: None,
    }
}

fn config(steps: u64, target: Option<Score>) -> SolverConfig {
    SolverConfig {
        seed: 1,
        threads: 1,
        termination: Termination {
            max_steps: Some(steps),
            max_time: None,
            target,
        },
    }
}

fn benches(c: &mut Criterion) {
    let four = service(20, 40, 4);
    let mut g = c.benchmark_group("solver");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    // Construction plus 200 000 local-search steps: moves/s = evaluated / time.
    g.bench_function("4 weeks, 20 people, 40 workers: 200k steps", |b| {
        b.iter(|| black_box(solve(black_box(&four), &config(200_000, None))))
    });
    let filled = Score {
        hard: 0,
        unfilled: 0,
        soft: i64::MAX,
    };
    g.bench_function(
        "4 weeks: time to first roster with every session filled",
        |b| b.iter(|| black_box(solve(black_box(&four), &config(10_000_000, Some(filled))))),
    );
    // Step cost against the horizon: the difference between 0 and 100k steps.
    for weeks in [4, 52] {
        let p = service(5, 10, weeks);
        g.bench_function(format!("{weeks} weeks: construction only"), |b| {
            b.iter(|| black_box(solve(black_box(&p), &config(0, None))))
        });
        g.bench_function(format!("{weeks} weeks: construction + 100k steps"), |b| {
            b.iter(|| black_box(solve(black_box(&p), &config(100_000, None))))
        });
    }
    g.finish();
}

criterion_group!(solver, benches);
criterion_main!(solver);
