//! What solving a plan gives back: the rota, the solve's figures, and for
//! every seat left empty why it is empty and who could cover it, all in the
//! words of the plan (dates, people, workers, rota entries).

use std::fmt;
use std::ops::ControlFlow;

use serde::{Deserialize, Serialize};

use crate::explain::{self, Candidate};
use crate::ids::SessionId;
use crate::rota::{Rota, RotaEntry};
use crate::solver::{
    CheckReport, Cover, Problem, ProblemError, Progress, Score, Solution, SolveStats, SolverConfig,
};

use super::{CompiledPlan, Plan, PlanError};

/// A solved plan: what [`Plan::solve`] returns, and everything a solve
/// tells: the rota, the solve's figures, the explanation of each empty
/// seat, the independent checker's report on the rota and the size of the
/// problem solved.
///
/// [`Plan::solve`] is the one way meant for solving a plan. Compiling it
/// ([`Plan::compile`]) and calling [`solver::solve`](crate::solver::solve)
/// is for reading or changing the solver's problem itself (to write it out,
/// or pin assignments); [`CompiledPlan::planned`] then reads the solution
/// back into the same `PlannedRota`.
///
/// In JSON it is all of these; read back, it writes the same JSON
/// (durations are whole milliseconds there). JSON written before the
/// report and size were added reads with an empty report and a zero size.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PlannedRota {
    /// The rota, with its score and breakdown.
    pub rota: Rota,
    /// Figures about the solve: steps, moves, time, when the best was found.
    pub stats: SolveStats,
    /// Every entry with a seat still empty, with who could cover it and why
    /// each other worker cannot; in the rota's order.
    pub unfilled: Vec<UnfilledEntry>,
    /// The solver's proven lower bound, as in
    /// [`Solution::lower_bound`](crate::solver::Solution::lower_bound):
    /// [`explain::how_much_better`] puts it in words.
    #[serde(default)]
    pub lower_bound: Option<Score>,
    /// The independent checker's report on the rota's roster
    /// ([`check`](crate::solver::check())): its score, which the test
    /// suite holds equal to the solver's, and every term that makes it.
    #[serde(default = "empty_report")]
    pub report: CheckReport,
    /// How big the problem solved was.
    #[serde(default)]
    pub size: ProblemSize,
}

fn empty_report() -> CheckReport {
    CheckReport {
        score: Score::default(),
        violations: Vec::new(),
    }
}

/// How big a compiled plan is: sessions, seats, workers and days.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProblemSize {
    /// Sessions to roster: one per dated activity needing workers and one
    /// per dated core shift.
    pub sessions: usize,
    /// Of those, the core shifts (sessions of no one person).
    pub core_sessions: usize,
    /// Seats to fill: the workers each session needs, summed.
    pub seats: u64,
    /// Start times to choose from, summed over the sessions.
    pub placements: usize,
    /// Workers.
    pub workers: usize,
    /// Days of the period.
    pub days: usize,
}

impl ProblemSize {
    /// The size of `problem`.
    pub fn of(problem: &Problem) -> Self {
        let seats = problem
            .sessions
            .iter()
            .map(|s| match s.cover {
                Cover::Required { workers } => u64::from(workers),
                Cover::Preferred { .. } => 0,
            })
            .sum();
        Self {
            sessions: problem.sessions.len(),
            core_sessions: problem
                .sessions
                .iter()
                .filter(|s| s.person.is_none())
                .count(),
            seats,
            placements: problem.sessions.iter().map(|s| s.placements.len()).sum(),
            workers: problem.workers.len(),
            days: problem.days.len(),
        }
    }
}

impl fmt::Display for ProblemSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} session(s) ({} core), {} seat(s), {} worker(s), {} day(s)",
            self.sessions, self.core_sessions, self.seats, self.workers, self.days
        )
    }
}

/// A rota entry with a seat still empty, and every worker weighed for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UnfilledEntry {
    /// The entry (date, times, person, the workers already on it).
    pub entry: RotaEntry,
    /// Seats still empty.
    pub missing: u32,
    /// Every worker not on it (by id; [`Rota`] and the plan have their
    /// names): those who could cover it without breaking a hard rule first,
    /// then by how much the score would change.
    pub candidates: Vec<Candidate>,
}

impl Plan {
    /// Plans the rota: validates and compiles the plan, solves it, and reads
    /// the answer back with the solve's figures and, for each seat left
    /// empty, who could cover it and why the others cannot.
    ///
    /// An over-constrained plan is not an error: the rota has its unfilled
    /// entries marked and explained. This is the way meant for solving a
    /// plan: the result has the rota, the figures, the explanations, the
    /// checker's report and the problem's size (see [`PlannedRota`]).
    ///
    /// # Errors
    /// [`PlanError::Invalid`] with every problem the plan's data has.
    pub fn solve(&self, config: &SolverConfig) -> Result<PlannedRota, PlanError> {
        self.solve_with(config, |_| ControlFlow::Continue(()))
    }

    /// [`Plan::solve`], calling `on_progress` as
    /// [`solve_with`](crate::solver::solve_with) does; returning
    /// [`ControlFlow::Break`] stops the search and keeps the best rota.
    ///
    /// # Errors
    /// As [`Plan::solve`].
    pub fn solve_with<F: FnMut(&Progress) -> ControlFlow<()>>(
        &self,
        config: &SolverConfig,
        on_progress: F,
    ) -> Result<PlannedRota, PlanError> {
        let compiled = self.compile()?;
        let solution = crate::solver::solve_with(compiled.problem(), config, on_progress)?;
        compiled.planned(&solution)
    }

    /// Every worker not already on `session` in `rota`, with what adding
    /// them would do, ranked: those who could cover it first.
    ///
    /// # Errors
    /// [`PlanError::Invalid`] for a plan that does not validate;
    /// [`PlanError::NotInPlan`] when the session, or a worker of the rota,
    /// is not in this plan.
    pub fn who_could_cover(
        &self,
        rota: &Rota,
        session: &SessionId,
    ) -> Result<Vec<Candidate>, PlanError> {
        self.compile()?.who_could_cover(rota, session)
    }
}

impl CompiledPlan {
    /// Reads a solution back with its statistics and the explanation of
    /// every unfilled seat.
    ///
    /// # Errors
    /// [`PlanError::NotInPlan`] when the solution names a session or worker
    /// this plan does not have.
    pub fn planned(&self, solution: &Solution) -> Result<PlannedRota, PlanError> {
        let rota = self.rota(solution);
        let mut unfilled = Vec::new();
        for session in explain::unfilled(&self.problem, &rota.roster).map_err(not_in_plan)? {
            let Some(entry) = rota.entry(&session.session) else {
                continue;
            };
            unfilled.push(UnfilledEntry {
                entry: entry.clone(),
                missing: session.missing,
                candidates: session.candidates,
            });
        }
        let order = |u: &UnfilledEntry| (u.entry.start, u.entry.session.clone());
        unfilled.sort_by_key(order);
        let report = crate::solver::check(&self.problem, &rota.roster).map_err(not_in_plan)?;
        Ok(PlannedRota {
            rota,
            stats: solution.stats,
            unfilled,
            lower_bound: solution.lower_bound,
            report,
            size: ProblemSize::of(&self.problem),
        })
    }

    /// Who could cover `session` in `rota`: see [`Plan::who_could_cover`].
    ///
    /// # Errors
    /// [`PlanError::NotInPlan`] when the session, or a worker of the rota,
    /// is not in this plan.
    pub fn who_could_cover(
        &self,
        rota: &Rota,
        session: &SessionId,
    ) -> Result<Vec<Candidate>, PlanError> {
        explain::who_could_cover(&self.problem, &rota.roster, session).map_err(not_in_plan)
    }
}

fn not_in_plan(error: ProblemError) -> PlanError {
    PlanError::NotInPlan(error)
}

impl fmt::Display for UnfilledEntry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ", self.entry.describe())?;
        explain::write_needs(f, self.missing, &self.candidates)
    }
}

impl fmt::Display for PlannedRota {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.rota)?;
        writeln!(f)?;
        writeln!(
            f,
            "{}. Score {}; {} step(s), best found at step {}, {} ms",
            self.size,
            self.rota.score,
            self.stats.steps,
            self.stats.best_found_at_step,
            self.stats.elapsed.as_millis()
        )?;
        for unfilled in &self.unfilled {
            write!(f, "{unfilled}")?;
        }
        Ok(())
    }
}
