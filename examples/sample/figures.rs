//! The care benchmark's figures for a roster of a solver problem: seats
//! left unfilled, distinct workers per person, what is charged, the score.
//!
//! Written against the parts of `perfect_week::solver` that every version
//! since 0.1 has (`Problem`, `Roster`, `Score` and their public fields), so
//! `examples/solve_problem.rs` and this file measure an older engine on the
//! same problem unchanged (docs/benchmarks-history.md, care rounds).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use perfect_week::solver::{Cover, Problem, Roster, Score};

/// The figures of one roster.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    /// Seats of required sessions with no worker.
    pub unfilled_seats: u64,
    /// People with sessions of their own.
    pub people: usize,
    /// Distinct workers over each person's own sessions (those whose
    /// `Session::person` is theirs: their flexi sessions, not the shared
    /// core shifts), added up over the people: what the continuity term
    /// counts, before its "− 1" and weight.
    pub distinct_workers: usize,
    /// The most distinct workers one person sees.
    pub most_workers: usize,
    /// Pence charged for people's own sessions (each placement's charge per
    /// worker on it).
    pub flexi_pence: i64,
    /// Pence charged for the other sessions (core shifts).
    pub core_pence: i64,
    /// The solver's score of the roster.
    pub score: Score,
}

impl Figures {
    /// The figures of `roster` for `problem`, with the solver's `score`.
    pub fn of(problem: &Problem, roster: &Roster, score: Score) -> Figures {
        let index: BTreeMap<&str, usize> = problem
            .sessions
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        let mut workers: Vec<BTreeSet<&str>> = vec![BTreeSet::new(); problem.sessions.len()];
        for a in &roster.assignments {
            if let Some(&i) = index.get(a.session.as_str()) {
                workers[i].insert(a.worker.as_str());
            }
        }
        let mut placement = vec![0; problem.sessions.len()];
        for choice in &roster.placements {
            if let Some(&i) = index.get(choice.session.as_str()) {
                placement[i] = choice.index;
            }
        }
        let mut figures = Figures {
            unfilled_seats: 0,
            people: 0,
            distinct_workers: 0,
            most_workers: 0,
            flexi_pence: 0,
            core_pence: 0,
            score,
        };
        let mut seen: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for (i, session) in problem.sessions.iter().enumerate() {
            let on = &workers[i];
            if let Cover::Required { workers: needed } = session.cover {
                figures.unfilled_seats += u64::from(needed).saturating_sub(on.len() as u64);
            }
            let charge = session
                .placements
                .get(placement[i])
                .map_or(0, |p| p.charge)
                .saturating_mul(on.len() as i64);
            match &session.person {
                Some(person) => {
                    seen.entry(person.as_str())
                        .or_default()
                        .extend(on.iter().copied());
                    figures.flexi_pence = figures.flexi_pence.saturating_add(charge);
                }
                None => figures.core_pence = figures.core_pence.saturating_add(charge),
            }
        }
        figures.people = seen.len();
        figures.distinct_workers = seen.values().map(BTreeSet::len).sum();
        figures.most_workers = seen.values().map(BTreeSet::len).max().unwrap_or(0);
        figures
    }

    /// Mean distinct workers per person (0 with no people).
    pub fn workers_per_person(&self) -> f64 {
        self.distinct_workers as f64 / self.people.max(1) as f64
    }
}

/// Pence as pounds: `£1234.56`.
fn pounds(pence: i64) -> String {
    let sign = if pence < 0 { "-" } else { "" };
    let p = pence.unsigned_abs();
    format!("{sign}£{}.{:02}", p / 100, p % 100)
}

impl fmt::Display for Figures {
    /// One line: `unfilled 0 | workers per person 4.35 (most 7) | flexi
    /// £… core £… | hard 0 unfilled 0 soft 12345`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unfilled {} | workers per person {:.2} (most {}) | flexi {} core {} | hard {} unfilled {} soft {}",
            self.unfilled_seats,
            self.workers_per_person(),
            self.most_workers,
            pounds(self.flexi_pence),
            pounds(self.core_pence),
            self.score.hard,
            self.score.unfilled,
            self.score.soft
        )
    }
}
