//! How the solver runs ([`SolverConfig`], [`Termination`]) and what it
//! reports while and after it runs ([`Progress`], [`SolveStats`]). The
//! search reads its configuration from here.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::score::Score;

/// Durations in JSON: whole milliseconds.
mod millis {
    use std::time::Duration;

    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(d.as_millis().min(u64::MAX as u128) as u64)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        Ok(Duration::from_millis(u64::deserialize(d)?))
    }

    pub mod option {
        use std::time::Duration;

        use serde::{Deserialize, Deserializer, Serializer};

        pub fn serialize<S: Serializer>(d: &Option<Duration>, s: S) -> Result<S::Ok, S::Error> {
            match d {
                Some(d) => s.serialize_some(&(d.as_millis().min(u64::MAX as u128) as u64)),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Duration>, D::Error> {
            Ok(Option::<u64>::deserialize(d)?.map(Duration::from_millis))
        }
    }
}

/// How the solver runs. In JSON, durations are whole milliseconds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SolverConfig {
    /// Seed of the solver's pseudo-random generator.
    pub seed: u64,
    /// When to stop.
    pub termination: Termination,
    /// Searches run side by side (a portfolio, one OS thread each; 0 counts
    /// as 1). Search `i` uses a seed derived from `seed` and `i`; search 0
    /// also works on the lower bound and alone calls the progress callback.
    /// Each search gets the whole [`Termination`] (a step budget is per
    /// search); the best roster wins, ties to the lower index. With a step
    /// budget and no time cap the result is the same for the same problem,
    /// seed and thread count.
    pub threads: usize,
}

impl Default for SolverConfig {
    /// Seed 0, one thread and a budget of 200 000 steps.
    fn default() -> Self {
        Self {
            seed: 0,
            threads: 1,
            termination: Termination {
                max_steps: Some(200_000),
                max_time: None,
                target: None,
            },
        }
    }
}

/// When to stop searching: whichever limit is hit first. With none set the
/// search stops at once after construction. A `target` alone runs until it is
/// reached, which may be never: pair it with a step or time cap.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Termination {
    /// Most local-search steps (one proposed move each). Deterministic.
    pub max_steps: Option<u64>,
    /// Wall-clock cap (in JSON, milliseconds). Gives up determinism.
    #[serde(with = "millis::option")]
    pub max_time: Option<Duration>,
    /// Stop as soon as the best score is at least this good.
    pub target: Option<Score>,
}

/// What the progress callback sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Best score so far.
    pub best: Score,
    /// Score of the current roster.
    pub current: Score,
    /// Steps taken.
    pub steps: u64,
    /// Moves evaluated (including during construction).
    pub moves_evaluated: u64,
    /// Time since the solve started (in JSON, milliseconds).
    #[serde(with = "millis")]
    pub elapsed: Duration,
    /// The proven lower bound so far, as in
    /// [`Solution::lower_bound`](super::Solution::lower_bound).
    pub lower_bound: Option<Score>,
}

/// Figures about a solve.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SolveStats {
    /// Local-search steps taken.
    pub steps: u64,
    /// Moves evaluated (including during construction).
    pub moves_evaluated: u64,
    /// Time the solve took (in JSON, milliseconds).
    #[serde(with = "millis")]
    pub elapsed: Duration,
    /// The step at which the best roster was found (0: by construction).
    pub best_found_at_step: u64,
}
