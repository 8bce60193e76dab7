//! The care benchmark: a generated 20-resident core-and-flexi service
//! (`examples/sample/generated.rs`: Linden House, 25 workers, 4 weeks)
//! planned through the crate's plan, and the rota's figures: seats left
//! unfilled, distinct workers per resident, what is charged, the score.
//!
//! ```sh
//! cargo run --release --example care_service
//! cargo run --release --example care_service -- --seconds 10 --seed 0
//! cargo run --release --example care_service -- --workers 20 --write-problem care.json
//! cargo run --release --example care_service -- --workers 20 --read-roster roster.json
//! ```
//!
//! Options: `--seconds S` runs the solver for S seconds instead of its
//! step budget (`--steps N`, 60 000 by default: about a second), `--seed N`
//! (0), `--workers N` generates the same service with N workers instead of
//! 25 (the residents, their weeks and the core shifts are the same; see
//! `CareSize::workers` for how the staff scale), and `--write-problem FILE`
//! also writes the compiled solver problem as JSON, for
//! `examples/solve_problem.rs` to solve with any engine version and for
//! `scripts/care_cpsat.py` to solve with CP-SAT. `--read-roster FILE` solves
//! nothing: it reads a roster of that problem (the JSON of a
//! `solver::Roster`, as `scripts/care_cpsat.py` writes it), scores it with
//! the crate's independent checker and prints the same figures, so a rota
//! found elsewhere is measured by the same code as the crate's own. A bad
//! option is an error (exit code 2). BENCHMARKS.md's care section is
//! measured with this example; the before-and-after rounds in
//! docs/benchmarks-history.md with `solve_problem` too.
//!
//! Distinct workers per resident count the workers on the resident's own
//! sessions (their flexi hours), as the solver's continuity term does; the
//! core shifts are shared by every resident and count for no one.

mod sample;

use std::collections::BTreeSet;
use std::error::Error;
use std::io::Write;

use perfect_week::explain::how_much_better;
use perfect_week::output;
use perfect_week::solver::{Level, Problem, Roster, check};
use perfect_week::words::hours;
use sample::cli::RunArgs;
use sample::figures::Figures;
use sample::{CareSize, care_plan};

fn main() -> Result<(), Box<dyn Error>> {
    let args = RunArgs::from_env(0, 60_000, &["write-problem", "workers", "read-roster"]);
    let config = args.config()?;
    let mut size = CareSize::default();
    if let Some(workers) = args.extra.get("workers") {
        size.workers = match workers.parse() {
            Ok(n) if n > 0 => n,
            _ => {
                eprintln!("error: --workers {workers}: expected a whole number above 0");
                std::process::exit(2);
            }
        };
    }
    let plan = care_plan(size);
    // The compiled problem is for writing it out and for the benchmark's
    // figures (measured on the solver's problem, as `solve_problem` does);
    // the rota comes from `Plan::solve`, the way meant for solving a plan.
    let compiled = plan.compile()?;
    let problem = compiled.problem();
    if let Some(path) = args.extra.get("write-problem") {
        std::fs::write(path, serde_json::to_string(problem)?)?;
    }
    if let Some(path) = args.extra.get("read-roster") {
        let roster: Roster = serde_json::from_str(&std::fs::read_to_string(path)?)?;
        return score_roster(size, problem, &roster, path);
    }
    let planned = plan.solve(&config)?;
    let elapsed = planned.stats.elapsed;

    let mut out = output::stdout();
    writeln!(
        out,
        "Linden House: {} residents, {} workers, {} weeks; {} core shifts and {} flexi sessions.",
        size.residents,
        size.workers,
        size.weeks,
        planned.size.core_sessions,
        planned.size.sessions - planned.size.core_sessions
    )?;

    let rota = &planned.rota;
    let weeks = i64::from(size.weeks);

    writeln!(
        out,
        "\nResidents: sessions, flexi hours a week (fund a week), workers seen, seats by a worker they chose"
    )?;
    for person in &plan.people {
        let mine: Vec<_> = rota.for_person(&person.person.id).collect();
        let used: i64 = mine
            .iter()
            .map(|e| e.minutes() * e.workers.len() as i64)
            .sum();
        let seen = sample::workers_seen(rota, &person.person.id);
        let chosen: BTreeSet<_> = person
            .week
            .activities
            .iter()
            .flat_map(|a| &a.support.preferred)
            .collect();
        let seats = mine.iter().map(|e| e.workers.len()).sum::<usize>();
        let by_chosen = mine
            .iter()
            .flat_map(|e| &e.workers)
            .filter(|w| chosen.contains(&w.id))
            .count();
        let allocated = person
            .fund
            .as_ref()
            .and_then(|f| f.allocation.money_per_week)
            .unwrap_or_default();
        writeln!(
            out,
            "  {:<22} {:>3} {:>8} (£{allocated})  {:>2} workers  {by_chosen}/{seats}",
            person.person.display_name(),
            mine.len(),
            hours(used / weeks),
            seen.len(),
        )?;
    }

    writeln!(out)?;
    for (rule, amount) in &rota.breakdown {
        if rule.level() == Level::Hard {
            writeln!(out, "Rule broken: {} ({amount}).", rule.describe())?;
        }
    }
    writeln!(out, "{}", how_much_better(rota.score, planned.lower_bound))?;
    writeln!(
        out,
        "Solved in {:.1} s, {} steps; best found at step {}.",
        elapsed.as_secs_f64(),
        planned.stats.steps,
        planned.stats.best_found_at_step
    )?;
    let figures = Figures::of(problem, &rota.roster, rota.score);
    writeln!(out, "In sum: {figures}")?;
    out.flush()?;
    Ok(())
}

/// Scores a roster of `problem` found elsewhere with the crate's checker
/// and prints the rules it breaks and its figures, as for the crate's own.
fn score_roster(
    size: CareSize,
    problem: &Problem,
    roster: &Roster,
    path: &str,
) -> Result<(), Box<dyn Error>> {
    let report = check(problem, roster)?;
    let mut out = output::stdout();
    writeln!(
        out,
        "Linden House: {} residents, {} workers, {} weeks; the roster in {path}, scored by the checker.",
        size.residents, size.workers, size.weeks,
    )?;
    for (rule, amount) in report.by_constraint() {
        if rule.level() == Level::Hard {
            writeln!(out, "Rule broken: {} ({amount}).", rule.describe())?;
        }
    }
    let figures = Figures::of(problem, roster, report.score);
    writeln!(out, "In sum: {figures}")?;
    out.flush()?;
    Ok(())
}
