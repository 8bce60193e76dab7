//! The solver options the care examples take: `--seconds S` (a wall-clock
//! limit instead of the step budget), `--seed N`, `--steps N`, and any
//! further `--name VALUE` options an example names.
//!
//! The settings become a `SolverConfig` through its JSON form, which every
//! version of the crate since 0.1 reads, so `examples/solve_problem.rs`
//! runs unchanged against an older engine (docs/benchmarks-history.md, care
//! rounds).

use std::collections::BTreeMap;
use std::time::Duration;

use perfect_week::solver::SolverConfig;

/// The options given on the command line.
#[derive(Debug, Clone, PartialEq)]
pub struct RunArgs {
    /// The solver's seed.
    pub seed: u64,
    /// Most search steps, unless a time limit is given.
    pub steps: u64,
    /// A wall-clock limit, in place of the step budget.
    pub seconds: Option<Duration>,
    /// The example's own options, by name without the dashes.
    pub extra: BTreeMap<String, String>,
}

impl RunArgs {
    /// Reads `args` (without the program's name): `--seconds`, `--seed`,
    /// `--steps` and the names in `extra`, each with a value; `seed` and
    /// `steps` are the defaults. Anything else, a missing value or a value
    /// of the wrong form is an error saying so.
    pub fn parse(
        args: impl IntoIterator<Item = String>,
        seed: u64,
        steps: u64,
        extra: &[&str],
    ) -> Result<RunArgs, String> {
        let mut run = RunArgs {
            seed,
            steps,
            seconds: None,
            extra: BTreeMap::new(),
        };
        let mut args = args.into_iter();
        while let Some(flag) = args.next() {
            let value = args.next().ok_or(format!("{flag} needs a value"))?;
            let bad = |what: &str| format!("{flag} {value}: expected {what}");
            match flag.as_str() {
                "--seconds" => {
                    let s: f64 = value.parse().map_err(|_| bad("a number of seconds"))?;
                    let limit = Duration::try_from_secs_f64(s)
                        .ok()
                        .filter(|d| !d.is_zero())
                        .ok_or(bad("a positive number of seconds"))?;
                    run.seconds = Some(limit);
                }
                "--seed" => run.seed = value.parse().map_err(|_| bad("a whole number"))?,
                "--steps" => run.steps = value.parse().map_err(|_| bad("a whole number"))?,
                _ => match flag.strip_prefix("--").filter(|name| extra.contains(name)) {
                    Some(name) => {
                        run.extra.insert(name.to_owned(), value);
                    }
                    None => {
                        let mut options = vec!["--seconds S", "--seed N", "--steps N"]
                            .into_iter()
                            .map(str::to_owned)
                            .collect::<Vec<_>>();
                        options.extend(extra.iter().map(|e| format!("--{e} VALUE")));
                        return Err(format!(
                            "unknown option {flag} (options: {})",
                            options.join(", ")
                        ));
                    }
                },
            }
        }
        Ok(run)
    }

    /// [`RunArgs::parse`] on the process's arguments; on an error, says it
    /// on stderr and exits with code 2.
    pub fn from_env(seed: u64, steps: u64, extra: &[&str]) -> RunArgs {
        match RunArgs::parse(std::env::args().skip(1), seed, steps, extra) {
            Ok(run) => run,
            Err(message) => {
                eprintln!("error: {message}");
                std::process::exit(2);
            }
        }
    }

    /// The solver's settings: one thread, the seed, and the time limit
    /// with no step limit, or the step budget.
    pub fn config(&self) -> Result<SolverConfig, serde_json::Error> {
        let termination = match self.seconds {
            Some(limit) => serde_json::json!({
                "max_steps": null,
                "max_time": u64::try_from(limit.as_millis()).unwrap_or(u64::MAX).max(1),
            }),
            None => serde_json::json!({ "max_steps": self.steps, "max_time": null }),
        };
        serde_json::from_value(serde_json::json!({
            "seed": self.seed,
            "termination": termination,
        }))
    }
}
