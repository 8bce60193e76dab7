//! Solver benchmarks: move evaluations per second and time to a first roster
//! with every session filled on a generated 4-week service of 20 people and
//! 40 workers, and the cost of local-search steps at 4 and 52 weeks (it must
//! not grow with the horizon); and the care benchmark's service
//! (`examples/sample/generated.rs`, 20 residents, 25 workers, 4 weeks)
//! planned through the plan for a step budget.

#[path = "../examples/sample/mod.rs"]
mod sample;

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
    let days = Day::run_from(monday, weeks * 7);
    let mut sessions = Vec::new();
    for p in 0..people {
        for d in 0..days.len() {
            for (slot, (from, len)) in [(8 * 60, 240), (17 * 60, 240)].into_iter().enumerate() {
                let start = d as i64 * 1440 + from;
                let seats = if rnd(5) == 0 { 2 } else { 1 };
                let mut session = Session::new(
                    format!("p{p}-d{d}-{slot}"),
                    vec![Placement::new(d, start, start + len)],
                    seats,
                )
                .with_kind(if slot == 0 { "am" } else { "pm" })
                .with_place(format!("home{p}"))
                .with_person(format!("p{p}"))
                .preferring(format!("w{}", rnd(workers as u64)))
                .preferring(format!("w{}", rnd(workers as u64)));
                if p % 4 == 0 {
                    session = session.requiring("driver");
                }
                sessions.push(session);
            }
        }
    }
    let workers = (0..workers)
        .map(|w| {
            let worker = Employee::new(format!("w{w}"))
                .with_days_off((0..days.len()).filter(|_| rnd(7) == 0).collect::<Vec<_>>())
                .with_pay_per_hour(1200)
                .with_limits(WorkerLimits {
                    max_minutes_per_week: Some(40 * 60),
                    max_consecutive_days: Some(6),
                    ..WorkerLimits::default()
                });
            if w % 2 == 0 {
                worker.with_tag("driver")
            } else {
                worker
            }
        })
        .collect();
    Problem::new(days, sessions, workers).with_rules(Rules {
        travel_minutes: 15,
        ..Rules::default()
    })
}

fn config(steps: u64, target: Option<Score>) -> SolverConfig {
    let config = SolverConfig::default().with_seed(1).with_max_steps(steps);
    match target {
        Some(target) => config.with_target(target),
        None => config,
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
    // The care benchmark's service, compiled and solved as `Plan::solve` does.
    let care = sample::care_plan(sample::CareSize::default());
    g.bench_function("care service, 20 residents, 25 workers: 60k steps", |b| {
        b.iter(|| black_box(black_box(&care).solve(&config(60_000, None))))
    });
    g.finish();
}

criterion_group!(solver, benches);
criterion_main!(solver);
