//! Scale: compiling and building the first full rota (construction only, no
//! search) for a provider with 200 people, 150 workers and 4 weeks, and for
//! one person over a year. Peak memory and the wall-clock limit are measured
//! by `examples/scale.rs`; both sets of figures are in BENCHMARKS.md.

#[path = "../examples/scale_data/mod.rs"]
mod scale_data;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use perfect_week::plan::Plan;
use perfect_week::solver::{SolverConfig, solve};

fn one(c: &mut Criterion, name: &str, plan: &Plan) {
    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    group.bench_function("compile", |b| b.iter(|| black_box(plan).compile()));
    let Ok(compiled) = plan.compile() else {
        eprintln!("{name}: the plan does not compile: nothing to solve");
        return;
    };
    // A step limit of 0: the solver stops after construction.
    let config = SolverConfig::default().with_seed(1).with_max_steps(0);
    group.bench_function("first full rota", |b| {
        b.iter(|| solve(black_box(compiled.problem()), &config))
    });
    group.finish();
}

fn scale(c: &mut Criterion) {
    one(
        c,
        "200 people, 150 workers, 4 weeks",
        &scale_data::large_provider(),
    );
    one(c, "one person, 52 weeks", &scale_data::one_person_a_year());
}

criterion_group!(benches, scale);
criterion_main!(benches);
