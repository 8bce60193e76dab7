//! The search's own score of the roster it returns, set beside the
//! independent checker's ([`Solution::disagreements`]), in release builds
//! too.
//!
//! [`Solution::score`] and [`Solution::breakdown`] are the checker's, so
//! comparing them with [`check`](super::check) compares the checker with
//! itself. [`Solution::search`] is the engine's side: the score the search
//! tracked move by move, and the same roster rebuilt seat by seat through
//! the incremental scorer, in the parts that scorer keeps apart: each
//! worker's own working-time rules, each session's cover, and the rest.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::check::CheckReport;
use super::model::Model;
use super::score::{Constraint, Score};
use super::state::State;
use super::{Problem, Solution};
use crate::ids::{SessionId, WorkerId};

/// Whether `c` is one of a worker's own working-time rules: the engine
/// keeps their hard level per worker, the checker names the worker on each.
fn is_worker_rule(c: Constraint) -> bool {
    use Constraint::*;
    matches!(
        c,
        Overlap
            | Travel
            | OneSessionPerDay
            | DailyRest
            | WeeklyRest
            | AverageWeek
            | NightAverage
            | YoungHours
            | MaxPerKind
            | WeeklyMinutes
            | TotalMinutes
            | MaxConsecutiveDays
            | MinConsecutiveDays
            | MinConsecutiveDaysOff
            | MaxWeekends
            | Succession
    )
}

/// Whether `c` is one of a session's cover terms: the engine keeps them per
/// session, the checker names the session on each.
fn is_cover(c: Constraint) -> bool {
    use Constraint::*;
    matches!(c, Unfilled | OverCover | Cover | Placement)
}

/// The search's own score of its roster (see the module docs of `solver::audit`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchScore {
    /// The score the search tracked for the roster, move by move.
    pub score: Score,
    /// The roster rebuilt seat by seat through the incremental scorer: each
    /// worker's hard level from their own working-time rules (overlaps,
    /// travel, one session a day, daily and weekly rest, average week and
    /// night average, young hours, per-kind caps, weekly and total minutes,
    /// runs of days on and off, weekends, successions), for the workers with
    /// a nonzero one, in the problem's order.
    pub worker_rules: Vec<(WorkerId, i64)>,
    /// Rebuilt the same way: each session's cover terms (unfilled seats,
    /// over-cover, a preferred head-count missed, its placement's penalty),
    /// for the sessions with a nonzero one, in the problem's order.
    pub cover: Vec<(SessionId, Score)>,
    /// Rebuilt the same way: the rest of the score (eligibility, requests,
    /// pins, budgets, continuity, fairness, pay, stability, a person in two
    /// places).
    pub rest: Score,
}

/// One part on which the search's own score and the checker's differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Disagreement {
    /// The whole score the search tracked against the checker's.
    Total {
        /// The search's.
        search: Score,
        /// The checker's.
        checker: Score,
    },
    /// One worker's own working-time rules, at the hard level.
    WorkerRules {
        /// The worker.
        worker: WorkerId,
        /// The search's.
        search: i64,
        /// The checker's.
        checker: i64,
    },
    /// One session's cover terms.
    Cover {
        /// The session.
        session: SessionId,
        /// The search's.
        search: Score,
        /// The checker's.
        checker: Score,
    },
    /// Everything else.
    Rest {
        /// The search's.
        search: Score,
        /// The checker's.
        checker: Score,
    },
}

impl fmt::Display for Disagreement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Disagreement::Total { search, checker } => {
                write!(f, "total: search {search}, checker {checker}")
            }
            Disagreement::WorkerRules {
                worker,
                search,
                checker,
            } => write!(
                f,
                "{worker}'s own rules: search {search} hard, checker {checker} hard"
            ),
            Disagreement::Cover {
                session,
                search,
                checker,
            } => write!(f, "cover of {session}: search {search}, checker {checker}"),
            Disagreement::Rest { search, checker } => {
                write!(f, "the rest: search {search}, checker {checker}")
            }
        }
    }
}

impl SearchScore {
    /// `tracked`, and the roster `place`/`assign` rebuilt seat by seat into
    /// a fresh incremental state, read off in parts. Runs after the search,
    /// so it changes nothing the search does.
    pub(super) fn rebuild(
        problem: &Problem,
        model: &Model,
        tracked: Score,
        place: &[u32],
        assign: &[(u32, u32)],
    ) -> SearchScore {
        let mut st = State::new(model);
        for (s, &p) in place.iter().enumerate() {
            if st.place[s] != p {
                st.set_placement(s as u32, p);
            }
        }
        for &(s, w) in assign {
            st.add(s, w);
        }
        st.commit();
        let worker_rules: Vec<(WorkerId, i64)> = (0..model.nw)
            .map(|w| (problem.workers[w].id.clone(), st.worker_hard(w)))
            .filter(|&(_, h)| h != 0)
            .collect();
        let cover: Vec<(SessionId, Score)> = (0..model.sess.len())
            .map(|s| {
                let n = st.seats[s].len() as i64;
                (problem.sessions[s].id.clone(), st.session_cost_n(s, n))
            })
            .filter(|&(_, c)| c != Score::ZERO)
            .collect();
        let mut rest = st.score;
        rest.hard -= worker_rules.iter().map(|&(_, h)| h).sum::<i64>();
        for &(_, c) in &cover {
            rest = rest - c;
        }
        SearchScore {
            score: tracked,
            worker_rules,
            cover,
            rest,
        }
    }
}

impl Solution {
    /// Where the search's own score of the roster ([`Solution::search`])
    /// differs from the checker's `report` of the same roster, part by part;
    /// empty when they agree. `report` is [`check`](super::check()) of
    /// [`Solution::roster`] against the problem solved.
    ///
    /// ```
    /// use perfect_week::solver::*;
    ///
    /// let monday = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).ok_or("date")?;
    /// let sessions = vec![Session::new("s", vec![Placement::new(0, 540, 1020)], 1)];
    /// let problem = Problem::new(Day::run_from(monday, 7), sessions, vec![Employee::new("ann")]);
    /// let solution = solve(&problem, &SolverConfig::default().with_max_steps(1_000))?;
    /// let report = check(&problem, &solution.roster)?;
    /// assert_eq!(solution.disagreements(&report), vec![]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn disagreements(&self, report: &CheckReport) -> Vec<Disagreement> {
        let search = &self.search;
        let mut out = Vec::new();
        if search.score != report.score {
            out.push(Disagreement::Total {
                search: search.score,
                checker: report.score,
            });
        }
        let mut workers: BTreeMap<&WorkerId, (i64, i64)> = BTreeMap::new();
        let mut sessions: BTreeMap<&SessionId, (Score, Score)> = BTreeMap::new();
        for (w, h) in &search.worker_rules {
            workers.entry(w).or_default().0 += h;
        }
        for (s, c) in &search.cover {
            let e = sessions.entry(s).or_default();
            e.0 = e.0 + *c;
        }
        let mut rest = report.score;
        for v in &report.violations {
            if is_worker_rule(v.constraint)
                && let Some(w) = &v.worker
            {
                workers.entry(w).or_default().1 += v.amount;
                rest.hard -= v.amount;
            } else if is_cover(v.constraint)
                && let Some(s) = &v.session
            {
                let mut part = Score::ZERO;
                part.add(v.level(), v.amount);
                let e = sessions.entry(s).or_default();
                e.1 = e.1 + part;
                rest = rest - part;
            }
        }
        for (w, (search, checker)) in workers {
            if search != checker {
                out.push(Disagreement::WorkerRules {
                    worker: w.clone(),
                    search,
                    checker,
                });
            }
        }
        for (s, (search, checker)) in sessions {
            if search != checker {
                out.push(Disagreement::Cover {
                    session: s.clone(),
                    search,
                    checker,
                });
            }
        }
        if search.rest != rest {
            out.push(Disagreement::Rest {
                search: search.rest,
                checker: rest,
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::score::Level;
    use super::*;

    /// `disagreements` takes worker rules off the hard level only, and
    /// counts no violation in two parts.
    #[test]
    fn worker_rules_are_hard_and_apart_from_cover() {
        let rules = Constraint::ALL.into_iter().filter(|&c| is_worker_rule(c));
        assert!(rules.clone().all(|c| c.level() == Level::Hard));
        assert_eq!(rules.clone().count(), 16);
        assert!(!rules.clone().any(is_cover));
        assert_eq!(
            Constraint::ALL.into_iter().filter(|&c| is_cover(c)).count(),
            4
        );
    }
}
