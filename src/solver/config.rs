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
///
/// # Limits
/// Each limit means what it says, and the search stops at the first one
/// reached:
///
/// - **a step limit** ([`with_max_steps`](Self::with_max_steps)) stops
///   after that many local-search steps. Steps are counted, not timed, so
///   the same problem, seed and thread count give the same rota on any
///   machine: use a step limit for results that must be reproducible
///   (tests, examples, a rota a coordinator may ask to see again);
/// - **a time limit** ([`with_max_time`](Self::with_max_time)) stops after
///   that much wall-clock time, and only then: no step limit is added to it
///   unless you set one. The result depends on the machine's speed;
/// - **a target** ([`with_target`](Self::with_target)) stops as soon as the
///   best rota scores at least that well; the search also stops when it has
///   proved its best rota optimal.
///
/// When **neither a step nor a time limit** is set (the default, or a target
/// alone), the search stops after [`Termination::DEFAULT_MAX_STEPS`] steps,
/// so a plain `SolverConfig::default()` always ends and is deterministic.
/// [`step_limit`](Self::step_limit) and [`time_limit`](Self::time_limit)
/// give the limits in force. `with_max_steps(0)` keeps the first rota built
/// (construction only).
///
/// ```
/// use std::time::Duration;
/// use perfect_week::SolverConfig;
///
/// // The default: 200 000 steps, deterministic.
/// let config = SolverConfig::default();
/// assert_eq!(config.step_limit(), Some(200_000));
/// assert_eq!(config.time_limit(), None);
/// // A time limit alone runs for that time.
/// let timed = SolverConfig::default().with_max_time(Duration::from_secs(60));
/// assert_eq!(timed.step_limit(), None);
/// assert_eq!(timed.time_limit(), Some(Duration::from_secs(60)));
/// // Both: whichever comes first.
/// let both = SolverConfig::default()
///     .with_seed(7)
///     .with_max_steps(50_000)
///     .with_max_time(Duration::from_secs(10));
/// assert_eq!(both.step_limit(), Some(50_000));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct SolverConfig {
    /// Seed of the solver's pseudo-random generator.
    pub seed: u64,
    /// When to stop (see [Limits](SolverConfig#limits)).
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
    /// Seed 0, one thread, no limit set (so the default step budget of
    /// [`Termination::DEFAULT_MAX_STEPS`] applies).
    fn default() -> Self {
        Self {
            seed: 0,
            threads: 1,
            termination: Termination::default(),
        }
    }
}

impl SolverConfig {
    /// The same configuration with another seed.
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// The same configuration running `threads` searches side by side (see
    /// [`SolverConfig::threads`]).
    pub fn with_threads(mut self, threads: usize) -> Self {
        self.threads = threads;
        self
    }

    /// The same configuration stopping after `steps` local-search steps
    /// (deterministic; 0 keeps the first rota built).
    pub fn with_max_steps(mut self, steps: u64) -> Self {
        self.termination.max_steps = Some(steps);
        self
    }

    /// The same configuration without a step limit set earlier. With a time
    /// limit, that alone then stops the search; with none, the default
    /// budget of [`Termination::DEFAULT_MAX_STEPS`] applies.
    pub fn with_no_step_limit(mut self) -> Self {
        self.termination.max_steps = None;
        self
    }

    /// The same configuration stopping after `time` of wall-clock time (or
    /// at a step limit, if one is set and reached first). Gives up
    /// determinism.
    pub fn with_max_time(mut self, time: Duration) -> Self {
        self.termination.max_time = Some(time);
        self
    }

    /// The same configuration stopping as soon as the best score is at
    /// least `target`.
    pub fn with_target(mut self, target: Score) -> Self {
        self.termination.target = Some(target);
        self
    }

    /// The step limit in force: the one set, else none when a time limit is
    /// set, else [`Termination::DEFAULT_MAX_STEPS`].
    pub fn step_limit(&self) -> Option<u64> {
        self.termination.step_limit()
    }

    /// The time limit in force: the one set, if any.
    pub fn time_limit(&self) -> Option<Duration> {
        self.termination.max_time
    }
}

/// When to stop searching: whichever limit is hit first (see
/// [Limits](SolverConfig#limits)). With neither `max_steps` nor `max_time`
/// set, [`Termination::DEFAULT_MAX_STEPS`] steps apply.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Termination {
    /// Most local-search steps (one proposed move each). Deterministic.
    pub max_steps: Option<u64>,
    /// Wall-clock cap (in JSON, milliseconds). Gives up determinism.
    #[serde(with = "millis::option")]
    pub max_time: Option<Duration>,
    /// Stop as soon as the best score is at least this good.
    pub target: Option<Score>,
}

impl Termination {
    /// The step budget when neither a step nor a time limit is set.
    pub const DEFAULT_MAX_STEPS: u64 = 200_000;

    /// The step limit in force: `max_steps` if set, else none when
    /// `max_time` is set, else [`Termination::DEFAULT_MAX_STEPS`]. The
    /// search reads its step limit from here.
    pub fn step_limit(&self) -> Option<u64> {
        match (self.max_steps, self.max_time) {
            (Some(steps), _) => Some(steps),
            (None, Some(_)) => None,
            (None, None) => Some(Self::DEFAULT_MAX_STEPS),
        }
    }
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
