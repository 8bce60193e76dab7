//! Re-planning a published rota after changes.

use std::collections::HashMap;
use std::fmt;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, Utc};

use crate::error::{ValidationError, ValidationErrors};
use crate::explain::{RosterDiff, diff};
use crate::ids::{SessionId, WorkerId};
use crate::notice::NoticeRules;
use crate::rota::Rota;
use serde::{Deserialize, Serialize};

use crate::solver::{Assignment, Cover, Roster, SolveStats, SolverConfig, solve};

use super::compile::Compiler;
use super::compiled::epoch;
use super::solved::{PlannedRota, UnfilledEntry};
use super::*;

/// A rota re-planned after changes, with what changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Replan {
    /// The new rota.
    pub rota: Rota,
    /// What changed against the published rota.
    pub diff: RosterDiff,
    /// Figures about the solve.
    pub stats: SolveStats,
    /// Every entry of the new rota with a seat still empty, explained as in
    /// [`PlannedRota::unfilled`].
    pub unfilled: Vec<UnfilledEntry>,
}

impl Plan {
    /// Re-plans after `changes`, told to the workers at `told`, staying as
    /// close as it can to `published`: the published roster is the baseline
    /// (each assignment changed costs the stability weight per minute), and
    /// sessions on dates before `from` are pinned as they were.
    ///
    /// A change to a session that would come at short notice under `notice`
    /// (one of its times, or its published time, starts less than
    /// [`NoticeRules::short_notice_minutes`] after `told`) weighs
    /// [`NoticeRules::short_notice_factor`] times as much, so of two
    /// re-plans otherwise as good the one that changes shifts with notice
    /// wins. (Covering an empty seat still comes first: stability is a soft
    /// cost.)
    ///
    /// Who was on what is read from `published`'s [`Rota::roster`]; its
    /// [`Rota::entries`] give only each session's published time (their
    /// `workers` are not read: edit the roster to change who was on a
    /// session). A worker the plan does not have is refused wherever the
    /// published rota names them.
    ///
    /// # Errors
    /// [`PlanError::Invalid`] when the plan with the changes, or `notice`,
    /// has problems; [`PlanError::NotInPlan`] when the published rota names
    /// a worker the plan does not have, in its roster or its entries.
    pub fn replan(
        &self,
        published: &Rota,
        changes: &Changes,
        from: NaiveDate,
        told: DateTime<Utc>,
        notice: &NoticeRules,
        config: &SolverConfig,
    ) -> Result<Replan, PlanError> {
        notice.validate()?;
        let mut plan = self.clone();
        fn merge_new<T: Clone + PartialEq>(into: &mut Vec<T>, new: &[T]) {
            for item in new {
                if !into.contains(item) {
                    into.push(item.clone());
                }
            }
        }
        merge_new(&mut plan.changes.cancelled, &changes.cancelled);
        merge_new(&mut plan.changes.moved, &changes.moved);
        merge_new(&mut plan.changes.added, &changes.added);
        merge_new(&mut plan.changes.absences, &changes.absences);
        plan.validate()?;
        let mut compiled = Compiler::new(&plan).compile()?;

        // Where each published session took place, and who was on it.
        let published_at: HashMap<&SessionId, DateTime<FixedOffset>> = published
            .entries
            .iter()
            .map(|e| (&e.session, e.local_start))
            .collect();
        let published_start: HashMap<&SessionId, DateTime<Utc>> = published
            .entries
            .iter()
            .map(|e| (&e.session, e.start))
            .collect();
        let epoch = epoch(&plan.period);
        let workers: std::collections::HashSet<&WorkerId> =
            compiled.problem.workers.iter().map(|w| &w.id).collect();
        let mut on: HashMap<&SessionId, Vec<&Assignment>> = HashMap::new();
        for a in &published.roster.assignments {
            // A published rota naming a worker the plan does not have is not
            // this plan's rota: dropping the assignment would count as a
            // change nobody asked for.
            if !workers.contains(&a.worker) {
                return Err(PlanError::NotInPlan(ProblemError::UnknownWorker(
                    a.worker.clone(),
                )));
            }
            on.entry(&a.session).or_default().push(a);
        }
        check_entries(published, &workers)?;

        let mut baseline = Vec::new();
        let mut pins = Vec::new();
        let mut placements = Vec::new();
        let mut short_notice = Vec::new();
        let CompiledPlan {
            problem, sessions, ..
        } = &mut compiled;
        let stability = problem.weights.stability_of(&problem.sessions);
        for ((session, info), stability) in problem
            .sessions
            .iter_mut()
            .zip(sessions.iter_mut())
            .zip(stability)
        {
            let assigned = on.get(&session.id).cloned().unwrap_or_default();
            baseline.extend(assigned.iter().map(|a| (*a).clone()));
            // The published time, matched by its local start (the list of
            // start options may have changed since).
            let index = published_at.get(&session.id).and_then(|start| {
                info.placements
                    .iter()
                    .position(|(local_start, _, _)| local_start == start)
            });
            let date = session
                .placements
                .first()
                .and_then(|p| problem.days.get(p.day))
                .map(|d| d.date);
            if date.is_some_and(|d| d < from) {
                // What already happened stays as it was: its time, exactly
                // its workers, and no new seats.
                let keep = index.unwrap_or(0);
                if let (Some(p), Some(i)) = (
                    session.placements.get(keep).copied(),
                    info.placements.get(keep).cloned(),
                ) {
                    session.placements = vec![p];
                    info.placements = vec![i];
                }
                if let Cover::Required { workers } = &mut session.cover {
                    *workers = (*workers).min(assigned.len() as u32);
                }
                pins.extend(assigned.iter().map(|a| (*a).clone()));
                continue;
            }
            if let Some(index) = index.filter(|&i| i > 0) {
                placements.push(crate::solver::PlacementChoice {
                    session: session.id.clone(),
                    index,
                });
            }
            let earliest = session
                .placements
                .iter()
                .map(|p| epoch + Duration::minutes(p.start))
                .chain(published_start.get(&session.id).copied())
                .min();
            if earliest.is_some_and(|start| notice.notice(told, start).1) {
                let weight = stability
                    .checked_mul(notice.short_notice_factor)
                    .ok_or_else(|| {
                        ValidationErrors::from(ValidationError::OutOfRange {
                            item: format!("session \"{}\" stability at short notice", session.id),
                            value: format!("{stability} × {}", notice.short_notice_factor),
                            expected: "a product that fits in 64 bits".into(),
                        })
                    })?;
                short_notice.push((session.id.clone(), weight));
            }
        }
        // Ahead of the plan's own entries: the first entry for a session
        // counts.
        short_notice.append(&mut compiled.problem.weights.stability_by_session);
        compiled.problem.weights.stability_by_session = short_notice;
        compiled.problem.pins = pins;
        compiled.problem.baseline = Some(Roster {
            assignments: baseline,
            placements,
        });
        let solution = solve(&compiled.problem, config)?;
        let PlannedRota {
            rota,
            stats,
            unfilled,
            ..
        } = compiled.planned(&solution)?;
        let mut diff = diff(&published.roster, &rota.roster);
        // Placement indices may differ between the two problems: a session
        // has moved only if its local start did.
        let starts = |rota: &Rota| -> HashMap<SessionId, DateTime<FixedOffset>> {
            rota.entries
                .iter()
                .map(|e| (e.session.clone(), e.local_start))
                .collect()
        };
        let (before, after) = (starts(published), starts(&rota));
        for change in &mut diff.changes {
            if change.moved.is_some() && before.get(&change.session) == after.get(&change.session) {
                change.moved = None;
            }
        }
        diff.changes
            .retain(|c| c.moved.is_some() || !c.added.is_empty() || !c.removed.is_empty());
        Ok(Replan {
            rota,
            diff,
            stats,
            unfilled,
        })
    }
}

/// Each entry of `published` names only workers of the plan: its workers
/// are not read (the roster is), so an unknown one there is an edit that
/// would otherwise be silently ignored.
fn check_entries(
    published: &Rota,
    workers: &std::collections::HashSet<&WorkerId>,
) -> Result<(), PlanError> {
    let unknown = published
        .entries
        .iter()
        .flat_map(|e| &e.workers)
        .find(|w| !workers.contains(&w.id));
    match unknown {
        Some(worker) => Err(PlanError::NotInPlan(ProblemError::UnknownWorker(
            worker.id.clone(),
        ))),
        None => Ok(()),
    }
}

impl fmt::Display for Replan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} assignment(s) changed:",
            self.diff.assignments_changed()
        )?;
        self.diff.fmt(f)
    }
}
