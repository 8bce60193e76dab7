//! How the crate scales: compile and first-rota times, peak memory, and how
//! closely a wall-clock limit is kept, for a made-up provider of any size.
//!
//! ```sh
//! # 200 people, 150 workers, 4 weeks; then one person over a year
//! cargo run --release --example scale -- 200 150 4
//! cargo run --release --example scale -- 1 8 52 7
//! # the same, then a solve with a 2-second wall-clock limit
//! cargo run --release --example scale -- 200 150 4 5 2000
//! ```
//!
//! Arguments: people, workers, weeks, activities a week per person (5), and
//! a time limit in milliseconds (none); an argument that is not a whole
//! number is an error (exit code 2). Peak memory is the process's
//! high-water mark (`VmHWM` in `/proc/self/status`, Linux only), so run one
//! size per process. Figures are in BENCHMARKS.md.

mod scale_data;

use std::error::Error;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use perfect_week::solver::{SolverConfig, solve};

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

const USAGE: &str = "usage: scale [PEOPLE [WORKERS [WEEKS [ACTIVITIES [LIMIT_MS]]]]]";

/// The arguments as whole numbers, or what is wrong with the first that is
/// not one.
fn numbers(args: impl Iterator<Item = String>) -> Result<Vec<u64>, String> {
    let names = [
        "people",
        "workers",
        "weeks",
        "activities a week",
        "time limit (ms)",
    ];
    let args: Vec<String> = args.collect();
    if args.len() > names.len() {
        return Err(format!("at most {} arguments", names.len()));
    }
    args.iter()
        .zip(names)
        .map(|(arg, name)| {
            arg.parse()
                .map_err(|_| format!("{name}: {arg:?} is not a whole number"))
        })
        .collect()
}

fn main() -> ExitCode {
    let numbers = match numbers(std::env::args().skip(1)) {
        Ok(numbers) => numbers,
        Err(message) => {
            eprintln!("scale: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if let Err(err) = run(&numbers) {
        eprintln!("scale: {err}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

fn run(numbers: &[u64]) -> Result<(), Box<dyn Error>> {
    let arg = |i: usize, default: u64| numbers.get(i).copied().unwrap_or(default);
    let people = usize::try_from(arg(0, 200))?;
    let workers = usize::try_from(arg(1, 150))?;
    let weeks = u32::try_from(arg(2, 4))?;
    let activities = usize::try_from(arg(3, 5))?;
    let limit = numbers.get(4).copied();
    let before = peak_rss_kib().unwrap_or(0);

    let plan = scale_data::provider(people, activities, workers, weeks);
    let started = Instant::now();
    let compiled = plan.compile()?;
    let compile = started.elapsed();
    let problem = compiled.problem();
    let size = perfect_week::ProblemSize::of(problem);
    let (sessions, seats) = (size.sessions, size.seats);

    let construct_only = SolverConfig::default().with_seed(1).with_max_steps(0);
    let started = Instant::now();
    let first = solve(problem, &construct_only)?;
    let first_time = started.elapsed();
    let after = peak_rss_kib().unwrap_or(0);
    println!(
        "people {people}, workers {workers}, weeks {weeks}: {sessions} sessions, {seats} seats, \
         sessions x workers {}",
        sessions * workers
    );
    println!(
        "compile {:.1} ms; first full rota {:.1} ms (score {}, {} assignments)",
        compile.as_secs_f64() * 1e3,
        first_time.as_secs_f64() * 1e3,
        first.score,
        first.roster.assignments.len()
    );
    println!("peak RSS {after} KiB (before building the plan: {before} KiB)");

    if let Some(ms) = limit {
        let config = SolverConfig::default()
            .with_seed(1)
            .with_no_step_limit()
            .with_max_time(Duration::from_millis(ms));
        let started = Instant::now();
        let solution = solve(problem, &config)?;
        let wall = started.elapsed();
        let over = wall.as_secs_f64() * 1e3 - ms as f64;
        println!(
            "time limit {ms} ms: returned after {:.1} ms ({over:+.1} ms, {:+.2} %), {} steps, score {}",
            wall.as_secs_f64() * 1e3,
            over / ms as f64 * 100.0,
            solution.stats.steps,
            solution.score
        );
    }
    Ok(())
}
