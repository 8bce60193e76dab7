//! Solves a solver problem read from JSON and prints the care benchmark's
//! figures (seats unfilled, distinct workers per person, charges, score).
//!
//! ```sh
//! cargo run --release --example care_service -- --write-problem care.json
//! cargo run --release --example solve_problem -- --problem care.json --seconds 10 --seed 0
//! ```
//!
//! Options: `--problem FILE` (needed), `--seconds S`, `--seed N` (0),
//! `--steps N` (200 000); a bad option is an error (exit code 2). Prints
//! the time and steps, the score's terms, and the figures on one line. It uses
//! only what every version of the crate since 0.1 has, so the care rounds
//! of docs/benchmarks-history.md build this file (with `examples/sample/cli.rs` and
//! `examples/sample/figures.rs`) against the engine before the lower bound
//! to measure "before" on the same problem.

#[path = "sample/cli.rs"]
mod cli;
#[path = "sample/figures.rs"]
mod figures;

use std::error::Error;
use std::io::{ErrorKind, Write};
use std::process::ExitCode;
use std::time::Instant;

use perfect_week::solver::{Problem, solve};

use cli::RunArgs;
use figures::Figures;

fn main() -> Result<ExitCode, Box<dyn Error>> {
    let args = RunArgs::from_env(0, 200_000, &["problem"]);
    let Some(path) = args.extra.get("problem") else {
        eprintln!("error: --problem FILE is needed");
        return Ok(ExitCode::from(2));
    };
    let problem: Problem = serde_json::from_str(&std::fs::read_to_string(path)?)?;
    let started = Instant::now();
    let solution = solve(&problem, &args.config()?)?;
    let elapsed = started.elapsed();
    let terms: Vec<String> = solution
        .breakdown
        .iter()
        .map(|(rule, amount)| format!("{rule:?} {amount}"))
        .collect();
    let mut out = std::io::stdout().lock();
    let written = writeln!(
        out,
        "solved in {:.1} s, {} steps, best found at step {}\nscore terms: {}\n{}",
        elapsed.as_secs_f64(),
        solution.stats.steps,
        solution.stats.best_found_at_step,
        terms.join(", "),
        Figures::of(&problem, &solution.roster, solution.score)
    )
    .and_then(|()| out.flush());
    // A reader that stops early (`| head`) is not an error.
    match written {
        Err(e) if e.kind() == ErrorKind::BrokenPipe => {}
        other => other?,
    }
    Ok(ExitCode::SUCCESS)
}
