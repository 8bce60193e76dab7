//! Benchmarks for planning the example's two weeks: compiling Ava's plan
//! (perfect week, fund, Riverside Court's core shifts, twelve workers) into
//! the solver's problem, and solving it with a fixed step budget.

#[path = "../examples/sample/mod.rs"]
mod sample;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use perfect_week::solver::{SolverConfig, Termination, solve};

/// Steps per solve: a fixed budget, so every run does the same work.
const STEPS: u64 = 50_000;

fn plan(c: &mut Criterion) {
    let plan = sample::plan();
    c.bench_function("compile the sample plan", |b| {
        b.iter(|| black_box(&plan).compile())
    });
    let Ok(compiled) = plan.compile() else {
        eprintln!("the sample plan does not compile: nothing to solve");
        return;
    };
    let config = SolverConfig {
        seed: 7,
        threads: 1,
        termination: Termination {
            max_steps: Some(STEPS),
            ..Termination::default()
        },
    };
    let mut group = c.benchmark_group("solve");
    group.sample_size(10);
    group.bench_function("the sample plan, 50 000 steps", |b| {
        b.iter(|| solve(black_box(compiled.problem()), &config))
    });
    group.finish();
}

criterion_group!(benches, plan);
criterion_main!(benches);
