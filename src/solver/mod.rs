//! The rota engine: a general rostering problem, its solver and its
//! independent checker.
//!
//! [`solve`] validates a [`Problem`], compiles it into flat indexed arrays,
//! builds a first roster (pins, what is still possible of the baseline, then
//! most-constrained sessions first) and improves it by late acceptance hill
//! climbing over the lexicographic [`Score`] (hard, then unfilled, then soft),
//! with an incremental scorer that updates in time proportional to the change.
//!
//! The search mixes small moves (change one seat's worker, move a worker onto
//! a session from a nearby day, assign, unassign, swap two workers' sessions,
//! swap everything two workers do on a block of days, give or take a short
//! block of days, move a flexible session, hand all of one worker's seats
//! on a person's sessions to another worker already supporting them, so
//! the person sees one worker fewer) with large ones: re-planning one
//! worker's schedule over a window of days exactly by dynamic programming
//! against everyone else's cover (limits it does not track, such as a
//! per-kind maximum, are priced in by bisection), the same DP forced to take
//! a short-staffed session and passed on to the next worker as an ejection
//! chain, and ruin-and-recreate over a few days. The same DP, run for each
//! worker in turn, finishes the construction; on horizons over eight weeks it
//! also builds the first roster, four weeks at a time. Late acceptance's
//! history length is learned as the search goes: a long one where a few
//! large moves decide (shift rostering), a short one where many small soft
//! terms must be worn down (a care rota's continuity and preferences),
//! chosen between restarts by which has improved the best roster faster
//! per step (where the master re-chooses whole rows, under the
//! one-session-a-day rule, it stays long).
//!
//! **What the solver assigns.** Pins first, and they never move. Otherwise
//! only *candidates*: workers statically eligible for a session at one of its
//! placements (tags, refusals, days off, leave, availability, young and
//! night-length rules) and not limited to zero sessions of its kind; from a
//! [`Problem::baseline`], every assignment still statically possible is kept
//! as the starting point, so a re-plan moves little. The solver never seats
//! a worker who is not a candidate, even where that seat would shrink some
//! other hard shortfall (a worker's weekly minimum): such a roster breaks a
//! hard rule either way, and a coordinator, not the solver, should decide it.
//! On tiny problems its ordinary search finds the same optimum as an
//! enumeration of every roster in that space (a unit test holds it to that).
//!
//! **How good the roster is.** Alongside the search, a Lagrangian relaxation
//! of the sessions' head-counts gives a proven lower bound
//! ([`Solution::lower_bound`], [`lower_bound`]): no roster scores below it,
//! and the solve stops as soon as the best roster meets it. Where the gap
//! between them is small, the search lists every schedule that could be in
//! a better roster and searches them exactly, to find it or to prove there
//! is none. With
//! [`SolverConfig::threads`] above 1, differently seeded searches run side
//! by side and the best roster is kept.
//!
//! An over-constrained week is not an error: the best roster found is
//! returned with its unfilled seats scored at the `unfilled` level. `Err` is
//! only for bad input.
//!
//! **Determinism.** With [`Termination::max_steps`] and no
//! [`Termination::max_time`], the same problem and [`SolverConfig::seed`]
//! give the same roster. A wall-clock cap gives that up.
//!
//! ```
//! use perfect_week::chrono::NaiveDate;
//! use perfect_week::solver::*;
//!
//! // A week; one 09:00–17:00 session a day; two workers, five days in a row at most.
//! let monday = NaiveDate::from_ymd_opt(2026, 1, 5).ok_or("date")?;
//! let sessions = (0..7)
//!     .map(|d| {
//!         let start = d as i64 * 1440;
//!         Session::new(format!("s{d}"), vec![Placement::new(d, start + 540, start + 1020)], 1)
//!     })
//!     .collect();
//! let limits = WorkerLimits { max_consecutive_days: Some(5), ..WorkerLimits::default() };
//! let worker = |id: &str| Employee::new(id).with_limits(limits.clone());
//! let problem = Problem::new(Day::run_from(monday, 7), sessions, vec![worker("ann"), worker("bob")]);
//!
//! let solution = solve(&problem, &SolverConfig::default())?;
//! assert!(solution.score.is_feasible());
//! assert_eq!(solution.score.unfilled, 0);
//! assert_eq!(solution.roster.assignments.len(), 7);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod audit;
pub mod check;
mod config;
pub mod error;
pub mod problem;
pub mod score;

mod bound;
mod dp;
mod master;
mod model;
mod portfolio;
mod rng;
mod search;
mod state;
mod validate;

use std::ops::ControlFlow;
use std::time::Instant;

use serde::{Deserialize, Serialize};

pub use audit::{Disagreement, SearchScore};
pub use check::{CheckReport, Violation, check};
pub use config::{Progress, SolveStats, SolverConfig, Termination};
pub use error::ProblemError;
pub use problem::{
    Assignment, AverageWeek, Boundary, Budget, Cover, DailyRest, Day, Employee, Fairness, HeldTag,
    Interval, Measure, Minute, NightRules, Placement, PlacementChoice, Problem, Request, Roster,
    Rules, Session, Want, WeekCount, WeeklyRest, Weights, WorkerHistory, WorkerLimits, YoungRules,
};
pub use score::{Constraint, Level, Score};

/// The best roster found, with its score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Solution {
    /// Who covers what, at which placement.
    pub roster: Roster,
    /// Its score.
    pub score: Score,
    /// The nonzero totals per constraint; each level of `score` is the sum of
    /// its constraints' totals.
    pub breakdown: Vec<(Constraint, i64)>,
    /// Figures about the solve.
    pub stats: SolveStats,
    /// A proven lower bound: no roster of this problem scores below it.
    ///
    /// When `Some(b)`, `b.hard` is 0. Where every seat may be filled,
    /// `b.unfilled` is 0 and `b.soft` is at most the soft level of every
    /// roster that breaks no hard rule and leaves no seat unfilled; every
    /// other roster has a hard or unfilled level above 0, so `b` bounds the
    /// whole lexicographic score. Where the bound proves that no roster
    /// keeping every rule fills every seat (a budget too small, a session
    /// nobody can take), `b.unfilled` is the least unfilled level any such
    /// roster has and `b.soft` the least soft level of any of them. It is
    /// tight only when [`Solution::score`] has hard 0 and no more unfilled
    /// than `b`: then `score.soft - b.soft` is the most any rota could
    /// still gain, and `score == b` proves the roster optimal (the solve
    /// stops there).
    ///
    /// It comes from relaxing the rules that link workers (the head-count of
    /// each session) with a price per session, and pricing each worker's
    /// schedule exactly under a subset of their own rules (one session a
    /// day, successions, consecutive days and days off, total minutes, most
    /// weekends); the prices rise by subgradient steps while the search
    /// runs. Continuity, which links workers, has a floor of its own: for
    /// each person and recurring activity, the fewest workers who could
    /// cover its seats alone. Where every session has one placement and a
    /// worker works at most one session a day, it may also rise by an exact
    /// search over every schedule that could be in a better roster (closing
    /// the gap), which proves rosters optimal beyond what the prices alone
    /// reach. The unfilled level's floor is a linear program over the
    /// candidate seats (their sessions' seats, one place at a time, weekly
    /// minutes, budgets). `None` when no step was searched, or when the
    /// relaxation shows that no roster keeps every rule.
    pub lower_bound: Option<Score>,
    /// The search's own score of [`Solution::roster`]: what it tracked move
    /// by move, and the roster rebuilt through its incremental scorer in
    /// parts. [`Solution::score`] and [`Solution::breakdown`] are the
    /// independent checker's; [`Solution::disagreements`] sets the two side
    /// by side, in release builds too.
    #[serde(default)]
    pub search: SearchScore,
}

/// Solves a problem: see [`solve_with`].
///
/// # Errors
/// The first [`ProblemError`] that [`Problem::validate`] reports.
pub fn solve(problem: &Problem, config: &SolverConfig) -> Result<Solution, ProblemError> {
    solve_with(problem, config, |_| ControlFlow::Continue(()))
}

/// Solves a problem, calling `on_progress` with the best score so far on each
/// new best, every 100 000 steps, once after construction and once more
/// when the lower bound is set up; returning
/// [`ControlFlow::Break`] stops the search and returns the best roster.
///
/// # Errors
/// The first [`ProblemError`] that [`Problem::validate`] reports. An
/// infeasible week is not an error.
pub fn solve_with<F: FnMut(&Progress) -> ControlFlow<()>>(
    problem: &Problem,
    config: &SolverConfig,
    mut on_progress: F,
) -> Result<Solution, ProblemError> {
    let started = Instant::now();
    if let Err(errs) = problem.validate()
        && let Some(first) = errs.into_iter().next()
    {
        return Err(first);
    }
    let model = model::Model::compile(problem);
    let out = portfolio::run(&model, config, started, &mut on_progress);
    let roster = roster_of(problem, &out.place, &out.assign);
    // The breakdown comes from the independent checker, which also confirms
    // the incremental score. The roster names only the problem's own
    // sessions and workers, so the checker cannot refuse it.
    let report = check(problem, &roster)?;
    debug_assert_eq!(
        report.score, out.best,
        "incremental and checker scores differ"
    );
    let (score, breakdown) = (report.score, report.by_constraint());
    let search = SearchScore::rebuild(problem, &model, out.best, &out.place, &out.assign);
    Ok(Solution {
        roster,
        score,
        breakdown,
        stats: SolveStats {
            steps: out.steps,
            moves_evaluated: out.evals,
            elapsed: out.elapsed,
            best_found_at_step: out.best_at,
        },
        lower_bound: out.bound,
        search,
    })
}

/// A proven lower bound on the score of any roster of `problem`, from
/// `iterations` rounds of the relaxation described at
/// [`Solution::lower_bound`] (without searching for a roster). More rounds
/// give a bound at least as good up to the relaxation's best. `Ok(None)` when
/// the relaxation shows that no roster keeps every rule, or when no roster
/// fills every seat and the unfilled level's floor could not be worked out
/// (a linear program of more than 20 000 seats).
///
/// ```
/// use perfect_week::solver::*;
///
/// // A week with no sessions: nothing to pay, nothing to gain.
/// let monday = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).ok_or("date")?;
/// let problem = Problem::new(Day::run_from(monday, 7), vec![], vec![]);
/// assert_eq!(lower_bound(&problem, 10)?, Some(Score::ZERO));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// The first [`ProblemError`] that [`Problem::validate`] reports.
pub fn lower_bound(problem: &Problem, iterations: u32) -> Result<Option<Score>, ProblemError> {
    if let Err(errs) = problem.validate()
        && let Some(first) = errs.into_iter().next()
    {
        return Err(first);
    }
    let model = model::Model::compile(problem);
    Ok(bound::lower_bound(&model, iterations.max(1)))
}

/// A roster from the engine's indices: `assign` holds (session, worker)
/// pairs, `place` each session's placement (0, the first, is left implicit).
fn roster_of(problem: &Problem, place: &[u32], assign: &[(u32, u32)]) -> Roster {
    Roster {
        assignments: assign
            .iter()
            .map(|&(s, w)| Assignment {
                session: problem.sessions[s as usize].id.clone(),
                worker: problem.workers[w as usize].id.clone(),
            })
            .collect(),
        placements: place
            .iter()
            .enumerate()
            .filter(|&(_, &p)| p != 0)
            .map(|(s, &p)| PlacementChoice {
                session: problem.sessions[s].id.clone(),
                index: p as usize,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests;
