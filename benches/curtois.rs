//! The engine on the Curtois & Qu benchmark: time to a first feasible roster
//! on Instances 4 and 10, moves evaluated per second, and on a generated
//! instance as large as the benchmark's largest (364 days × 150 employees ×
//! 32 shift types; [`generate`]) the time to parse and compile it and one
//! round of the lower bound. Objectives at a time limit are measured by the
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

/// An instance in the benchmark's text format: `days` days (whole weeks),
/// `employees` employees and `shifts` shift types of 4 to 10 hours (whole
/// hours), late types not followed by early ones, per-type limits, five days
/// a week at most, two-day minimum runs, a weekend in two, a fixed day off in
/// four weeks, a few requests, and cover of about 85 % of what the staff can
/// work, spread over the types. Deterministic in `seed`.
fn generate(days: usize, employees: usize, shifts: usize, seed: u64) -> String {
    use std::fmt::Write;

    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut rnd = move |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n.max(1)
    };
    let mut t = String::new();
    let _ = writeln!(t, "SECTION_HORIZON\n{days}\n\nSECTION_SHIFTS");
    let half = shifts / 2;
    let len = |k: usize| 240 + 60 * (k % 7) as u64;
    for k in 0..shifts {
        // Late types (the second half) may not be followed by early ones.
        let follow: Vec<String> = if k >= half {
            (0..half.min(4)).map(|e| format!("S{e}")).collect()
        } else {
            Vec::new()
        };
        let _ = writeln!(t, "S{k},{},{}", len(k), follow.join("|"));
    }
    let weeks = (days / 7) as u64;
    let max_total = weeks * 5 * 480;
    let _ = writeln!(t, "\nSECTION_STAFF");
    for e in 0..employees {
        let limits: Vec<String> = (0..shifts)
            .map(|k| {
                let cap = if rnd(6) == 0 { 0 } else { days as u64 };
                format!("S{k}={cap}")
            })
            .collect();
        let _ = writeln!(
            t,
            "E{e},{},{max_total},{},5,2,2,{}",
            limits.join("|"),
            max_total * 3 / 4,
            weeks.div_ceil(2)
        );
    }
    let _ = writeln!(t, "\nSECTION_DAYS_OFF");
    for e in 0..employees {
        let offs: Vec<String> = (0..days / 28)
            .map(|b| (b * 28 + rnd(28) as usize).to_string())
            .collect();
        let _ = writeln!(t, "E{e},{}", offs.join(","));
    }
    for (section, weight) in [("ON", 2), ("OFF", 1)] {
        let _ = writeln!(t, "\nSECTION_SHIFT_{section}_REQUESTS");
        for e in 0..employees {
            for _ in 0..days / 14 {
                let _ = writeln!(
                    t,
                    "E{e},{},S{},{}",
                    rnd(days as u64),
                    rnd(shifts as u64),
                    weight + rnd(3)
                );
            }
        }
    }
    // About 85 % of five shifts a week per employee, spread over the types.
    let per_day = (employees as u64 * 5 * 85) / (7 * 100);
    let _ = writeln!(t, "\nSECTION_COVER");
    for d in 0..days {
        let mut left = per_day;
        for k in 0..shifts {
            let share = if k + 1 == shifts {
                left
            } else {
                (per_day / shifts as u64 + rnd(3)).min(left)
            };
            left -= share;
            let _ = writeln!(t, "{d},S{k},{share},100,1");
        }
    }
    t
}

/// The benchmark's largest size, generated: parse and compile, and one round
/// of the lower bound (every employee priced once).
fn generated_largest(c: &mut Criterion) {
    let mut group = c.benchmark_group("curtois generated 364 x 150 x 32");
    group.sample_size(10);
    let text = generate(364, 150, 32, 0);
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
