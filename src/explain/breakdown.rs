//! The score broken down by constraint, by person and by worker.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::ids::{PersonId, WorkerId};
use crate::solver::{CheckReport, Constraint, Problem, ProblemError, Roster, Score, check};

/// A roster's score broken down three ways.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Breakdown {
    /// The whole score.
    pub score: Score,
    /// Nonzero totals per constraint, in the order of [`Constraint`].
    pub by_constraint: Vec<(Constraint, i64)>,
    /// The score each person's sessions carry.
    pub by_person: Vec<(PersonId, Score)>,
    /// The score each worker's assignments carry.
    pub by_worker: Vec<(WorkerId, Score)>,
}

impl Breakdown {
    /// Checks `roster` against `problem` and breaks its score down.
    ///
    /// # Errors
    /// When the roster names a session, worker or placement the problem does
    /// not have.
    pub fn of(problem: &Problem, roster: &Roster) -> Result<Self, ProblemError> {
        Ok(Self::from_report(&check(problem, roster)?))
    }

    /// Breaks down a checker's report.
    pub fn from_report(report: &CheckReport) -> Self {
        Self {
            score: report.score,
            by_constraint: report.by_constraint(),
            by_person: report.by_person(),
            by_worker: report.by_worker(),
        }
    }
}

impl fmt::Display for Breakdown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Score: {}", self.score)?;
        if self.by_constraint.is_empty() {
            return writeln!(
                f,
                "  nothing to report: every rule met, every preference met"
            );
        }
        writeln!(f, "By rule:")?;
        for (constraint, amount) in &self.by_constraint {
            writeln!(
                f,
                "  {:<9} {:>8}  {}",
                level_name(*constraint),
                amount,
                constraint.describe()
            )?;
        }
        let with_score = |list: &[(String, Score)]| -> Vec<(String, Score)> {
            list.iter()
                .filter(|(_, score)| *score != Score::ZERO)
                .cloned()
                .collect()
        };
        let people: Vec<(String, Score)> = self
            .by_person
            .iter()
            .map(|(id, score)| (id.to_string(), *score))
            .collect();
        let workers: Vec<(String, Score)> = self
            .by_worker
            .iter()
            .map(|(id, score)| (id.to_string(), *score))
            .collect();
        for (title, list) in [
            ("By person:", with_score(&people)),
            ("By worker:", with_score(&workers)),
        ] {
            if list.is_empty() {
                continue;
            }
            writeln!(f, "{title}")?;
            for (id, score) in list {
                writeln!(f, "  {id:<12} {score}")?;
            }
        }
        Ok(())
    }
}

fn level_name(constraint: Constraint) -> &'static str {
    match constraint.level() {
        crate::solver::Level::Hard => "hard",
        crate::solver::Level::Unfilled => "unfilled",
        crate::solver::Level::Soft => "soft",
    }
}
