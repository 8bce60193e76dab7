//! The engine on the Curtois & Qu benchmark: time to a first feasible roster
//! on Instances 4 and 10, and moves evaluated per second. Objectives at a
//! time limit are measured by the `curtois` example (see BENCHMARKS.md).

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use perfect_week::solver::{Problem, Score, SolverConfig, Termination, solve};

#[allow(dead_code)]
#[path = "../examples/curtois/compile.rs"]
mod compile;
#[allow(dead_code)]
#[path = "../examples/curtois/format.rs"]
mod format;

fn problem(n: u32) -> Option<Problem> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("benches/data/curtois")
        .join(format!("Instance{n}.txt"));
    match format::read_instance(&path) {
        Ok(instance) => Some(compile::compile(&instance)),
        Err(e) => {
            eprintln!("skipping Instance{n}: {e}");
            None
        }
    }
}

/// Time from the start of a solve until the best roster breaks no hard rule
/// (seed 0; capped at a million steps, so a run that never gets there
/// measures the cap: see BENCHMARKS.md for which instances reach it).
fn first_feasible(c: &mut Criterion) {
    let mut group = c.benchmark_group("curtois first feasible");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    let config = SolverConfig {
        seed: 0,
        threads: 1,
        termination: Termination {
            max_steps: Some(1_000_000),
            max_time: None,
            // Every feasible score is at least this good.
            target: Some(Score {
                hard: 0,
                unfilled: i64::MAX,
                soft: i64::MAX,
            }),
        },
    };
    for n in [4, 10] {
        let Some(problem) = problem(n) else { continue };
        group.bench_function(format!("Instance{n}"), |b| {
            b.iter(|| black_box(solve(black_box(&problem), &config).map(|s| s.score)))
        });
    }
    group.finish();
}

/// Moves evaluated per second over a fixed budget of steps (seed 0, so the
/// count of moves is the same in every run).
fn moves_per_second(c: &mut Criterion) {
    let mut group = c.benchmark_group("curtois moves evaluated");
    group.sample_size(10);
    let config = SolverConfig {
        seed: 0,
        threads: 1,
        termination: Termination {
            max_steps: Some(100_000),
            ..Termination::default()
        },
    };
    for n in [4, 10] {
        let Some(problem) = problem(n) else { continue };
        let Ok(first) = solve(&problem, &config) else {
            continue;
        };
        group.throughput(Throughput::Elements(first.stats.moves_evaluated));
        group.bench_function(format!("Instance{n}"), |b| {
            b.iter(|| {
                black_box(solve(black_box(&problem), &config).map(|s| s.stats.moves_evaluated))
            })
        });
    }
    group.finish();
}

criterion_group!(curtois_benches, first_feasible, moves_per_second);
criterion_main!(curtois_benches);
