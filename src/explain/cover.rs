//! Who could cover a session, and why an unfilled session is unfilled.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::ids::{PersonId, SessionId, WorkerId};
use crate::solver::{
    Assignment, CheckReport, Constraint, Cover, Level, Problem, ProblemError, Roster, Score, check,
};

/// What adding one worker to a session would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    /// The worker.
    pub worker: WorkerId,
    /// The score with them added, minus the score now (negative is better).
    pub change: Score,
    /// Hard rules adding them would break, with the amount each grows by.
    /// Empty when they could cover it.
    pub blocked_by: Vec<(Constraint, i64)>,
    /// Every other change to the score, per constraint: unfilled and soft
    /// terms, and hard rules they would help meet (negative amounts).
    pub effects: Vec<(Constraint, i64)>,
}

impl Candidate {
    /// Whether the worker could cover the session without breaking a hard
    /// rule.
    pub fn is_possible(&self) -> bool {
        self.blocked_by.is_empty()
    }
}

impl fmt::Display for Candidate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_possible() {
            // In words, not score units: what taking it on would do.
            write!(f, "{}: could cover", self.worker)?;
            let reasons: Vec<String> = self
                .effects
                .iter()
                .filter(|(_, amount)| *amount != 0)
                .map(|&(constraint, amount)| match constraint {
                    Constraint::Unfilled if amount < 0 => "fills an empty seat".to_owned(),
                    _ if amount < 0 => format!("helps with: {}", constraint.describe()),
                    _ => constraint.describe().to_owned(),
                })
                .collect();
            if !reasons.is_empty() {
                write!(f, ": {}", reasons.join("; "))?;
            }
            Ok(())
        } else {
            write!(f, "{}: cannot: {}", self.worker, list(&self.blocked_by))
        }
    }
}

fn list(items: &[(Constraint, i64)]) -> String {
    items
        .iter()
        .map(|(constraint, amount)| format!("{} ({amount:+})", constraint.describe()))
        .collect::<Vec<_>>()
        .join("; ")
}

/// A session with seats left empty, and every worker weighed for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnfilledSession {
    /// The session.
    pub session: SessionId,
    /// The person it supports, if any.
    pub person: Option<PersonId>,
    /// Seats still empty.
    pub missing: u32,
    /// Every worker not already on it, those who could cover it first, then
    /// best score change first.
    pub candidates: Vec<Candidate>,
}

impl fmt::Display for UnfilledSession {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ", self.session)?;
        if let Some(person) = &self.person {
            write!(f, "for {person} ")?;
        }
        write_needs(f, self.missing, &self.candidates)
    }
}

/// "needs N more worker(s)", then each candidate on a line of its own: the
/// wording of every unfilled-seat explanation.
pub(crate) fn write_needs(
    f: &mut fmt::Formatter<'_>,
    missing: u32,
    candidates: &[Candidate],
) -> fmt::Result {
    writeln!(
        f,
        "needs {missing} more worker{}",
        if missing == 1 { "" } else { "s" }
    )?;
    if candidates.is_empty() {
        writeln!(f, "  there is no other worker")?;
    }
    for candidate in candidates {
        writeln!(f, "  {candidate}")?;
    }
    Ok(())
}

/// Every worker not already on `session`, with what adding them would do,
/// ranked: those who could cover it without breaking a hard rule first, then
/// by score change, then by id.
///
/// # Errors
/// When the roster or `session` names something the problem does not have.
pub fn who_could_cover(
    problem: &Problem,
    roster: &Roster,
    session: &SessionId,
) -> Result<Vec<Candidate>, ProblemError> {
    let base = check(problem, roster)?;
    candidates(problem, roster, &base, session)
}

/// Who could take `worker`'s place on `session`: every other worker, ranked
/// as by [`who_could_cover`], with `worker` first taken off the session (so a
/// full session does not rule everyone out as over cover).
///
/// # Errors
/// When the roster, `session` or `worker` names something the problem does
/// not have.
pub fn who_could_replace(
    problem: &Problem,
    roster: &Roster,
    session: &SessionId,
    worker: &WorkerId,
) -> Result<Vec<Candidate>, ProblemError> {
    if !problem.workers.iter().any(|w| &w.id == worker) {
        return Err(ProblemError::UnknownWorker(worker.clone()));
    }
    let mut without = roster.clone();
    without
        .assignments
        .retain(|a| !(&a.session == session && &a.worker == worker));
    let base = check(problem, &without)?;
    let mut ranked = candidates(problem, &without, &base, session)?;
    ranked.retain(|c| &c.worker != worker);
    Ok(ranked)
}

/// Every session whose required seats are not all filled, each with every
/// worker weighed for it (see [`who_could_cover`]).
///
/// # Errors
/// When the roster names something the problem does not have.
pub fn unfilled(problem: &Problem, roster: &Roster) -> Result<Vec<UnfilledSession>, ProblemError> {
    let base = check(problem, roster)?;
    // Distinct workers per session: a worker listed twice fills one seat.
    let mut on: BTreeMap<&SessionId, std::collections::BTreeSet<&WorkerId>> = BTreeMap::new();
    for assignment in &roster.assignments {
        on.entry(&assignment.session)
            .or_default()
            .insert(&assignment.worker);
    }
    let assigned: BTreeMap<&SessionId, u32> = on
        .into_iter()
        .map(|(session, workers)| (session, u32::try_from(workers.len()).unwrap_or(u32::MAX)))
        .collect();
    let mut result = Vec::new();
    for session in &problem.sessions {
        let Cover::Required { workers } = session.cover else {
            continue;
        };
        let have = assigned.get(&session.id).copied().unwrap_or(0);
        if have >= workers {
            continue;
        }
        result.push(UnfilledSession {
            session: session.id.clone(),
            person: session.person.clone(),
            missing: workers - have,
            candidates: candidates(problem, roster, &base, &session.id)?,
        });
    }
    Ok(result)
}

fn candidates(
    problem: &Problem,
    roster: &Roster,
    base: &CheckReport,
    session: &SessionId,
) -> Result<Vec<Candidate>, ProblemError> {
    if !problem.sessions.iter().any(|s| &s.id == session) {
        return Err(ProblemError::UnknownSession(session.clone()));
    }
    let before: BTreeMap<Constraint, i64> = base.by_constraint().into_iter().collect();
    let mut trial = roster.clone();
    let mut result = Vec::new();
    for worker in &problem.workers {
        let on_it = roster
            .assignments
            .iter()
            .any(|a| &a.session == session && a.worker == worker.id);
        if on_it {
            continue;
        }
        trial.assignments.push(Assignment {
            session: session.clone(),
            worker: worker.id.clone(),
        });
        let after = check(problem, &trial)?;
        trial.assignments.pop();
        let mut blocked_by = Vec::new();
        let mut effects = Vec::new();
        let mut constraints: Vec<Constraint> = before.keys().copied().collect();
        for (constraint, _) in after.by_constraint() {
            if !before.contains_key(&constraint) {
                constraints.push(constraint);
            }
        }
        constraints.sort();
        let totals: BTreeMap<Constraint, i64> = after.by_constraint().into_iter().collect();
        for constraint in constraints {
            let delta = totals.get(&constraint).copied().unwrap_or(0)
                - before.get(&constraint).copied().unwrap_or(0);
            if delta == 0 {
                continue;
            }
            if constraint.level() == Level::Hard && delta > 0 {
                blocked_by.push((constraint, delta));
            } else {
                effects.push((constraint, delta));
            }
        }
        result.push(Candidate {
            worker: worker.id.clone(),
            change: after.score - base.score,
            blocked_by,
            effects,
        });
    }
    result.sort_by(|a, b| {
        b.is_possible()
            .cmp(&a.is_possible())
            .then(a.change.cmp(&b.change))
            .then(a.worker.cmp(&b.worker))
    });
    Ok(result)
}
