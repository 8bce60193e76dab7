//! The engine on the Curtois & Qu benchmark: time to a first feasible roster
//! on Instances 4 and 10, moves evaluated per second, and on a generated
//! instance as large as the benchmark's largest (364 days × 150 employees ×
//! 32 shift types, built around a planted roster: `examples/curtois/
//! generate.rs`) the time to parse and compile it and one round of the
//! lower bound. Objectives at a time limit are measured by the
//! `curtois` example (see BENCHMARKS.md).

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use perfect_week::solver::{Problem, Score, SolverConfig, lower_bound, solve};

#[allow(dead_code)]
#[path = "../examples/curtois/compile.rs"]
mod compile;
#[allow(dead_code)]
#[path = "../examples/curtois/format.rs"]
mod format;
#[allow(dead_code)]
#[path = "../examples/curtois/generate.rs"]
mod generate;

fn problem(n: u32) -> Option<Problem> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/curtois")
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
    // Every feasible score is at least this good.
    let config = SolverConfig::default()
        .with_max_steps(1_000_000)
        .with_target(Score {
            hard: 0,
            unfilled: i64::MAX,
            soft: i64::MAX,
        });
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
    let config = SolverConfig::default().with_max_steps(100_000);
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

/// The benchmark's largest size, generated: parse and compile, and one round
/// of the lower bound (every employee priced once).
fn generated_largest(c: &mut Criterion) {
    let mut group = c.benchmark_group("curtois generated 364 x 150 x 32");
    group.sample_size(10);
    let text = generate::generate(364, 150, 32, 0).text;
    let instance = match format::parse_instance("generated", &text) {
        Ok(instance) => instance,
        Err(e) => {
            eprintln!("skipping the generated instance: {e}");
            return;
        }
    };
    group.bench_function("parse and compile", |b| {
        b.iter(|| {
            format::parse_instance("generated", black_box(&text))
                .map(|i| compile::compile(&i).sessions.len())
        })
    });
    let problem = compile::compile(&instance);
    group.bench_function("one lower-bound round", |b| {
        b.iter(|| black_box(lower_bound(black_box(&problem), 1).map(|b| b.map(|s| s.soft))))
    });
    group.finish();
}

criterion_group!(
    curtois_benches,
    first_feasible,
    moves_per_second,
    generated_largest
);
criterion_main!(curtois_benches);
