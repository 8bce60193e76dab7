//! Solves one Curtois & Qu shift-scheduling instance with the engine's own
//! search and scores the roster with an independent checker of the benchmark.
//!
//! ```text
//! cargo run --release --example curtois -- INSTANCE [--seconds S] [--seed N] [--threads T] [--out ROSTER]
//! ```
//!
//! `INSTANCE` is a path (the instances ship in `benches/data/curtois/`), or
//! `generated:DAYSxSTAFFxSHIFTS[:SEED]` for an instance generated around a
//! planted roster that keeps every hard rule (`curtois/generate.rs`; for
//! example `generated:364x150x32`, written out with `--write-instance FILE`);
//! `--seconds` is the time limit (10 by default), `--seed` the search's seed (0
//! by default), `--threads` the number of searches run side by side (1 by
//! default; see `SolverConfig::threads`), and `--out` a file to write the roster to: one line per
//! employee in `SECTION_STAFF` order, one token per day, the shift id or `-`.
//!
//! Progress goes to stderr. Stdout ends with `objective N`, recomputed from the
//! roster by `curtois/scorer.rs`, which shares no code with the engine; a
//! roster that breaks a hard rule prints `infeasible K` (K violations) on the
//! line before. The search's path does not depend on the time limit, so stderr
//! also logs the best objective the run had at 10 s and 30 s (`at 10 s: …`):
//! one 60 s run gives the figures of a 10 s and a 30 s run too. Before both, `bound B`: the engine's proven lower bound on the
//! objective of any roster that breaks no hard rule (a whole number, rounded
//! up), or `bound none`. Exit codes: 0 feasible, 2 bad arguments or a bad instance
//! file, 3 infeasible roster.

// Shared with `tests/curtois.rs` and `benches/curtois.rs`, which use the
// parts this binary does not.
#[allow(dead_code)]
#[path = "curtois/compile.rs"]
mod compile;
#[allow(dead_code)]
#[path = "curtois/format.rs"]
mod format;
#[allow(dead_code)]
#[path = "curtois/generate.rs"]
mod generate;
#[allow(dead_code)]
#[path = "curtois/scorer.rs"]
mod scorer;

use std::ops::ControlFlow;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use format::Grid;
use perfect_week::solver::{Problem, ProblemError, Score, Solution, SolverConfig, solve_with};
use scorer::Rule;

const USAGE: &str = "usage: curtois INSTANCE [--seconds S] [--seed N] [--threads T] [--steps N] [--out ROSTER] [--write-instance FILE]   (defaults: 10 s, seed 0, 1 thread, no step limit; with --steps the run stops at N steps or S seconds, whichever comes first)";

/// The command line.
struct Args {
    instance: PathBuf,
    seconds: Duration,
    seed: u64,
    threads: usize,
    /// A step budget: runs that stop on it repeat exactly, whatever the
    /// machine's load.
    steps: Option<u64>,
    out: Option<PathBuf>,
    /// Where to write the instance's text (for a generated one).
    write_instance: Option<PathBuf>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut instance = None;
    let mut seconds = Duration::from_secs(10);
    let mut seed = 0;
    let mut threads = 1;
    let mut steps = None;
    let mut out = None;
    let mut write_instance = None;
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--seconds" => {
                let v = value("--seconds")?;
                seconds = v
                    .parse()
                    .ok()
                    .filter(|&s: &f64| s > 0.0)
                    .and_then(|s| Duration::try_from_secs_f64(s).ok())
                    .ok_or(format!("--seconds {v}: expected a positive number"))?;
            }
            "--seed" => {
                let v = value("--seed")?;
                seed = v
                    .parse()
                    .map_err(|_| format!("--seed {v}: expected a whole number"))?;
            }
            "--threads" => {
                let v = value("--threads")?;
                threads = v
                    .parse()
                    .ok()
                    .filter(|&t: &usize| t > 0)
                    .ok_or(format!("--threads {v}: expected a whole number, 1 or more"))?;
            }
            "--steps" => {
                let v = value("--steps")?;
                steps = Some(
                    v.parse::<u64>()
                        .ok()
                        .filter(|&n| n > 0)
                        .ok_or(format!("--steps {v}: expected a whole number, 1 or more"))?,
                );
            }
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--write-instance" => write_instance = Some(PathBuf::from(value("--write-instance")?)),
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            path if instance.is_none() => instance = Some(PathBuf::from(path)),
            extra => return Err(format!("unexpected argument {extra}")),
        }
    }
    Ok(Args {
        instance: instance.ok_or("no INSTANCE given")?,
        seconds,
        seed,
        threads,
        steps,
        out,
        write_instance,
    })
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("error: {message}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let instance = match read_or_generate(&args) {
        Ok(instance) => instance,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    println!("instance {}", instance.name);
    println!(
        "size {} days x {} employees x {} shift types",
        instance.horizon,
        instance.staff.len(),
        instance.shifts.len()
    );
    println!("seed {}", args.seed);
    println!("threads {}", args.threads);
    println!("seconds {}", args.seconds.as_secs_f64());

    let problem = compile::compile(&instance);
    let solution = match solve(&problem, &args) {
        Ok(solution) => solution,
        Err(e) => {
            // The compiled problem is valid for any instance the parser
            // accepts; this would be a bug in the compiler or the engine.
            eprintln!("error: the engine rejected the compiled problem: {e}");
            return ExitCode::from(2);
        }
    };

    let assignments = match compile::assignments(&instance, &solution.roster) {
        Ok(assignments) => assignments,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let mut grid: Grid = vec![vec![None; instance.horizon]; instance.staff.len()];
    for &(e, d, s) in &assignments {
        // A second shift on a day (rule 1) cannot be written as a token; the
        // scorer below counts it from the assignments.
        grid[e][d].get_or_insert(s);
    }
    if let Some(out) = &args.out {
        if let Err(e) = std::fs::write(out, format::write_roster(&instance, &grid)) {
            eprintln!("error: cannot write {}: {e}", out.display());
            return ExitCode::from(2);
        }
        println!("roster {}", out.display());
    }

    let eval = scorer::evaluate(&instance, &assignments);
    let score = solution.score;
    println!("engine score {score}");
    let stats = solution.stats;
    println!(
        "search {:.1} s, {} steps, {} moves evaluated, best at step {}",
        stats.elapsed.as_secs_f64(),
        stats.steps,
        stats.moves_evaluated,
        stats.best_found_at_step
    );
    if score.soft != eval.objective() {
        eprintln!(
            "warning: the engine's soft score {} is not the benchmark objective {}",
            score.soft,
            eval.objective()
        );
    }
    println!(
        "objective parts: {} on-requests, {} off-requests, {} under-cover, {} over-cover",
        eval.on_requests, eval.off_requests, eval.under_cover, eval.over_cover
    );
    match solution.lower_bound {
        Some(b) => println!("bound {}", b.soft),
        None => println!("bound none"),
    }
    if !eval.is_feasible() {
        for (rule, count) in Rule::ALL.iter().zip(eval.counts()) {
            if count > 0 {
                println!("violated {}: {count}", rule.name());
            }
        }
        println!("infeasible {}", eval.hard_violations());
    }
    println!("objective {}", eval.objective());
    if eval.is_feasible() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(3)
    }
}

/// The instance named on the command line: read from its file, or
/// generated (and written to `--write-instance` if given).
fn read_or_generate(args: &Args) -> Result<format::Instance, String> {
    let name = args.instance.to_string_lossy();
    let Some(spec) = name.strip_prefix("generated:") else {
        return format::read_instance(&args.instance).map_err(|e| e.to_string());
    };
    let (days, staff, shifts, seed) = generate::parse_size(spec).ok_or(format!(
        "{name}: expected generated:DAYSxSTAFFxSHIFTS[:SEED]"
    ))?;
    let generated = generate::generate(days, staff, shifts, seed);
    if let Some(path) = &args.write_instance {
        std::fs::write(path, &generated.text)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    let instance = format::parse_instance(&name, &generated.text).map_err(|e| e.to_string())?;
    let planted: Vec<(usize, usize, usize)> = (generated.planted.iter().enumerate())
        .flat_map(|(e, row)| (row.iter().enumerate()).filter_map(move |(d, k)| Some((e, d, (*k)?))))
        .collect();
    let eval = scorer::evaluate(&instance, &planted);
    println!(
        "planted roster: objective {}, {} hard rules broken",
        eval.objective(),
        eval.hard_violations()
    );
    Ok(instance)
}

/// Runs the engine's search for `args.seconds`, printing the best objective
/// so far on stderr at most twice a second.
fn solve(problem: &Problem, args: &Args) -> Result<Solution, ProblemError> {
    let config = SolverConfig::default()
        .with_seed(args.seed)
        .with_threads(args.threads)
        .with_no_step_limit()
        .with_max_time(args.seconds);
    let config = match args.steps {
        Some(n) => config.with_max_steps(n),
        None => config,
    };
    let mut last: Option<(Duration, Score)> = None;
    // Checkpoints: the best score seen before each of them.
    let mut marks = CHECKPOINTS.iter().peekable();
    let mut best_before: Option<Score> = None;
    let log_mark = |at: u64, best: Option<Score>| match best {
        Some(b) => eprintln!("at {at} s: best objective {} with {} hard", b.soft, b.hard),
        None => eprintln!("at {at} s: no roster yet"),
    };
    let solution = solve_with(problem, &config, |progress| {
        while let Some(&&at) = marks.peek()
            && progress.elapsed > Duration::from_secs(at)
        {
            log_mark(at, best_before);
            marks.next();
        }
        best_before = Some(progress.best);
        let due = last.is_none_or(|(at, best)| {
            best != progress.best && progress.elapsed >= at + Duration::from_millis(500)
        });
        if due {
            eprintln!(
                "{:7.1} s  best objective {} with {} hard  ({} steps)  bound {}",
                progress.elapsed.as_secs_f64(),
                progress.best.soft,
                progress.best.hard,
                progress.steps,
                progress
                    .lower_bound
                    .map_or("none".to_owned(), |b| b.soft.to_string())
            );
            last = Some((progress.elapsed, progress.best));
        }
        ControlFlow::Continue(())
    })?;
    for &at in marks {
        if solution.stats.elapsed.as_secs_f64() >= at as f64 || args.seconds.as_secs() >= at {
            log_mark(at, Some(solution.score));
        }
    }
    Ok(solution)
}

/// Seconds at which stderr logs the best score so far.
const CHECKPOINTS: [u64; 2] = [10, 30];
