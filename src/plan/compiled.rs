//! A plan compiled for the solver, and reading a solution back as a rota.

use std::collections::HashMap;

use chrono::{DateTime, Duration, FixedOffset, NaiveTime, Utc};
use rust_decimal::Decimal;

use crate::ids::{ActivityId, PersonId, SessionId, WorkerId};
use crate::rota::{Rota, RotaEntry, RotaWorker};
use crate::solver::{Problem, Solution};
use crate::time::resolve_local_date_time;
use crate::week::{Funding, RotaPeriod};

/// A plan compiled for the solver, with what it takes to read the answer
/// back in the words of care.
#[derive(Debug, Clone, PartialEq)]
pub struct CompiledPlan {
    pub(super) problem: Problem,
    pub(super) period: RotaPeriod,
    pub(super) sessions: Vec<SessionInfo>,
    pub(super) names: HashMap<WorkerId, String>,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct SessionInfo {
    pub(super) what: String,
    pub(super) person: Option<PersonId>,
    pub(super) activity: Option<ActivityId>,
    pub(super) funding: Funding,
    pub(super) needed: u32,
    /// Per placement: local start, local end, charge per worker.
    pub(super) placements: Vec<(DateTime<FixedOffset>, DateTime<FixedOffset>, Decimal)>,
}

impl CompiledPlan {
    /// The general problem, to solve, check or explain. (It is read-only
    /// here: the rota is read back session by session in step with it.)
    pub fn problem(&self) -> &Problem {
        &self.problem
    }

    /// Reads a solution back as a rota.
    pub fn rota(&self, solution: &Solution) -> Rota {
        let mut workers_on: HashMap<&SessionId, Vec<RotaWorker>> = HashMap::new();
        for a in &solution.roster.assignments {
            workers_on.entry(&a.session).or_default().push(RotaWorker {
                id: a.worker.clone(),
                name: self
                    .names
                    .get(&a.worker)
                    .cloned()
                    .unwrap_or_else(|| a.worker.to_string()),
            });
        }
        let chosen: HashMap<&SessionId, usize> = solution
            .roster
            .placements
            .iter()
            .map(|p| (&p.session, p.index))
            .collect();
        let mut entries = Vec::new();
        for (session, info) in self.problem.sessions.iter().zip(&self.sessions) {
            let index = chosen.get(&session.id).copied().unwrap_or(0);
            let (Some(placement), Some((local_start, local_end, charge))) =
                (session.placements.get(index), info.placements.get(index))
            else {
                continue;
            };
            let workers = workers_on.remove(&session.id).unwrap_or_default();
            let date = self
                .problem
                .days
                .get(placement.day)
                .map_or(self.period.start, |d| d.date);
            let epoch = epoch(&self.period);
            entries.push(RotaEntry {
                session: session.id.clone(),
                date,
                start: epoch + Duration::minutes(placement.start),
                end: epoch + Duration::minutes(placement.end),
                local_start: *local_start,
                local_end: *local_end,
                what: info.what.clone(),
                person: info.person.clone(),
                activity: info.activity.clone(),
                funding: info.funding,
                needed: info.needed,
                // Compiling checked that the charge in pence fits an i64
                // (under £10^17), so times any real head-count it fits a Decimal.
                charge: *charge * Decimal::from(workers.len()),
                minutes_from_preferred: placement.penalty,
                workers,
            });
        }
        entries.sort_by(|a, b| a.start.cmp(&b.start).then(a.session.cmp(&b.session)));
        Rota {
            period: self.period,
            entries,
            score: solution.score,
            breakdown: solution.breakdown.clone(),
            roster: solution.roster.clone(),
        }
    }
}

/// The instant of local midnight at the start of the period: minute 0.
pub(super) fn epoch(period: &RotaPeriod) -> DateTime<Utc> {
    resolve_local_date_time(period.zone, period.start, NaiveTime::MIN).with_timezone(&Utc)
}
