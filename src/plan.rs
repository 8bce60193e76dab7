//! From care to rostering and back: a [`Plan`] (people with their perfect
//! weeks and funds, a service's core shifts, the workers) compiles into the
//! solver's general [`Problem`]; the solver's [`Solution`] comes back as a
//! [`Rota`] in the words of care.
//!
//! # What the compiler decides
//! - Every activity of a perfect week with paid support (funded by the
//!   person's flexi allocation or the service's core) becomes one session per
//!   date of the [`RotaPeriod`] that falls on its weekday, needing its support
//!   ratio of distinct workers. Unpaid and community activities stay in the
//!   person's week (and the rota) but need no worker.
//! - Local times are resolved with [`resolve_local`]; every session, rest and
//!   total is measured in real elapsed minutes, so the weeks that hold a
//!   clock change come out right. A session belongs to the date it starts on.
//! - A flexible activity gets one placement per start its window allows,
//!   each costing the minutes away from the person's preferred start.
//! - Required skills, hard characteristics and the matching row's skills and
//!   essential characteristics become tags a worker must hold (skills only on
//!   the dates they are valid); the person's excluded workers and the
//!   activity's refused workers are refused; each desirable characteristic
//!   and shared interest of the matching row that a worker lacks costs
//!   [`PlanOptions::match_point`].
//! - Flexi sessions are charged with the person's rate card in force on the
//!   date (what the fund pays, per worker, each session rounded to the
//!   penny). When the person's allocation gives flexi hours, their budget is
//!   those hours (in minutes) times the weeks of the period, each session
//!   charged its minutes per worker; otherwise it is their weekly money less
//!   its core part, times the weeks, plus what they choose to use from their
//!   bank, in pence. Core shifts are charged to the service's core budget
//!   when one is given.
//! - Workers bring their contracted maximum minutes per week, their minimum
//!   (dropped for a worker with leave or absence in the period, since a week
//!   with leave cannot be held to it), the 48-hour opt-out, pay, leave and
//!   absences (whole local days unavailable, midnight to midnight), dated
//!   unavailability, weekly availability (back-to-back windows joined), and
//!   young-worker status (under 18 on the first day of the period, so the
//!   stricter rules hold for the whole rota).

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use chrono_tz::Tz;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::error::{ValidationError, ValidationErrors};
use crate::explain::{RosterDiff, diff};
use crate::ids::{ActivityId, BudgetId, KindId, PersonId, SeriesId, SessionId, Tag, WorkerId};
use crate::money::{Allocation, ChargeKind, RateCardSet};
use crate::person::Person;
use crate::rota::{Rota, RotaEntry, RotaWorker};
use crate::service::{CoreShiftKind, Service};
use crate::solver::{
    Assignment, Cover, Day, Employee, HeldTag, Interval, Minute, Placement, Problem, ProblemError,
    Roster, Rules, Session, Solution, SolverConfig, Want, Weights, WorkerHistory, WorkerLimits,
    solve,
};
use crate::staff::Worker;
use crate::time::{TimeRange, local_window, resolve_local, resolve_local_date_time};
use crate::week::{Activity, Funding, PerfectWeek, RotaPeriod};

/// Everything needed to plan a rota.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// The dates the rota covers, and their zone.
    pub period: RotaPeriod,
    /// The people supported, each with their perfect week and fund.
    pub people: Vec<PersonPlan>,
    /// The workers who may support them.
    pub workers: Vec<Worker>,
    /// The service whose core shifts are rostered too, if any.
    #[serde(default)]
    pub service: Option<CorePlan>,
    /// Work before the period that rest and average-week rules look back on.
    #[serde(default)]
    pub history: Vec<WorkerRecord>,
    /// Workers' requests to work or not work on a date.
    #[serde(default)]
    pub requests: Vec<WorkerRequest>,
    /// Changes against the perfect weeks for this period: sessions cancelled,
    /// moved or added.
    #[serde(default)]
    pub changes: Changes,
    /// Rules, weights and compiler settings.
    #[serde(default)]
    pub options: PlanOptions,
}

/// One person's part of a plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonPlan {
    /// The person, with their matching profile.
    pub person: Person,
    /// Their perfect week.
    pub week: PerfectWeek,
    /// The fund that pays for their flexi support, if any.
    #[serde(default)]
    pub fund: Option<Fund>,
}

/// What pays for a person's flexi support.
///
/// With an allocation in hours (`flexi_hours_per_week`, or hours and no
/// money), the budget is those hours; `usable_bank` is money and does not add
/// to it. With an allocation in money, the budget is the weekly money less its
/// core part, plus `usable_bank`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fund {
    /// The rate cards the fund is charged by.
    pub rate_cards: RateCardSet,
    /// Their allocation per week.
    pub allocation: Allocation,
    /// Money from their bank they choose to use in this period.
    #[serde(with = "rust_decimal::serde::str", default)]
    pub usable_bank: Decimal,
}

/// A service whose core shifts are rostered with the people's activities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorePlan {
    /// The service and its core pattern.
    pub service: Service,
    /// The rate cards core shifts are costed by.
    pub rate_cards: RateCardSet,
    /// The core budget per week, if core shifts must fit one.
    #[serde(with = "rust_decimal::serde::str_option", default)]
    pub budget_per_week: Option<Decimal>,
}

/// A worker's work before the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkerRecord {
    /// The worker.
    pub worker: WorkerId,
    /// Minutes worked in the reference period before the rota.
    pub minutes: i64,
    /// Days in that reference period.
    pub days: i64,
    /// When their last shift before the rota ended.
    #[serde(default)]
    pub last_end: Option<DateTime<Utc>>,
    /// Days worked in a row up to the day before the rota.
    #[serde(default)]
    pub consecutive_days_before: u32,
}

/// A worker's request to work or not work on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkerRequest {
    /// The worker.
    pub worker: WorkerId,
    /// The date.
    pub date: NaiveDate,
    /// Work or not.
    pub want: Want,
    /// How much it matters (soft penalty when not met).
    pub weight: i64,
}

/// Changes to the perfect weeks for one period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Changes {
    /// Sessions that will not happen.
    #[serde(default)]
    pub cancelled: Vec<SessionId>,
    /// Sessions that move to another start on the same date.
    #[serde(default)]
    pub moved: Vec<MovedSession>,
    /// One-off activities on a date.
    #[serde(default)]
    pub added: Vec<OneOff>,
    /// Workers who cannot work on some dates (off sick, say).
    #[serde(default)]
    pub absences: Vec<Absence>,
}

/// A session moved to another local start on its date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MovedSession {
    /// The session.
    pub session: SessionId,
    /// Its new local start.
    pub start: NaiveTime,
}

/// A one-off activity on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OneOff {
    /// Whose.
    pub person: PersonId,
    /// The date.
    pub date: NaiveDate,
    /// The activity (its `day` is ignored: the date says it).
    pub activity: Activity,
}

/// A worker who cannot work from one date to another, inclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Absence {
    /// The worker.
    pub worker: WorkerId,
    /// First date.
    pub from: NaiveDate,
    /// Last date.
    pub to: NaiveDate,
}

/// Rules, weights and the compiler's settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanOptions {
    /// The hard rules (Working Time Regulations defaults).
    pub rules: Rules,
    /// The soft weights.
    pub weights: Weights,
    /// The night period, local times (23:00–06:00).
    pub night: (NaiveTime, NaiveTime),
    /// The period young workers may not work, local times (22:00–06:00).
    pub young_night: (NaiveTime, NaiveTime),
    /// Penalty per desirable characteristic or shared interest a worker lacks.
    pub match_point: i64,
    /// Most sessions of a kind per worker over the period, for every worker
    /// (kinds: `support`, `waking-night`, `sleep-in`, or a core shift's kind).
    pub max_per_kind: Vec<(KindId, u32)>,
}

impl Default for PlanOptions {
    fn default() -> Self {
        let time = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap_or(NaiveTime::MIN);
        Self {
            rules: Rules::default(),
            weights: Weights::default(),
            night: (time(23), time(6)),
            young_night: (time(22), time(6)),
            match_point: 30,
            max_per_kind: Vec::new(),
        }
    }
}

/// Why a plan could not be planned.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum PlanError {
    /// The plan's data has problems; every one found is listed.
    #[error("the plan has problems:\n{0}")]
    Invalid(#[from] ValidationErrors),
    /// The compiled problem was refused by the solver (a bug in the
    /// compiler if the plan validated).
    #[error("the solver refused the compiled problem: {0}")]
    Solver(#[from] ProblemError),
}

/// A plan compiled for the solver, with what it takes to read the answer
/// back in the words of care.
#[derive(Debug, Clone, PartialEq)]
pub struct CompiledPlan {
    problem: Problem,
    period: RotaPeriod,
    sessions: Vec<SessionInfo>,
    names: HashMap<WorkerId, String>,
}

#[derive(Debug, Clone, PartialEq)]
struct SessionInfo {
    what: String,
    person: Option<PersonId>,
    activity: Option<ActivityId>,
    funding: Funding,
    needed: u32,
    /// Per placement: local start, local end, charge per worker.
    placements: Vec<(NaiveDateTime, NaiveDateTime, Decimal)>,
}

/// One dated occurrence of a person's activity.
struct Occurrence<'a> {
    plan: &'a PersonPlan,
    date: NaiveDate,
    activity: &'a Activity,
    session: SessionId,
    one_off: bool,
}

impl<'a> Occurrence<'a> {
    fn new(plan: &'a PersonPlan, date: NaiveDate, activity: &'a Activity, one_off: bool) -> Self {
        Self {
            plan,
            date,
            activity,
            session: SessionId::new(format!("{}/{}/{date}", plan.person.id, activity.id)),
            one_off,
        }
    }

    /// How a problem with the activity itself is named: a weekly activity
    /// once, a one-off with its date.
    fn item(&self) -> String {
        let base = format!(
            "person \"{}\" activity \"{}\"",
            self.plan.person.id, self.activity.id
        );
        if self.one_off {
            format!("{base} on {}", self.date)
        } else {
            base
        }
    }
}

/// A rota re-planned after changes, with what changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Replan {
    /// The new rota.
    pub rota: Rota,
    /// What changed against the published rota.
    pub diff: RosterDiff,
}

impl PersonPlan {
    /// A person's part of a plan.
    pub fn new(person: Person, week: PerfectWeek, fund: Option<Fund>) -> Self {
        Self { person, week, fund }
    }
}

impl Plan {
    /// A plan for `people` and `workers` over `period`, with no service, no
    /// history, no requests, no changes and the default options.
    pub fn new(period: RotaPeriod, people: Vec<PersonPlan>, workers: Vec<Worker>) -> Self {
        Self {
            period,
            people,
            workers,
            service: None,
            history: Vec::new(),
            requests: Vec::new(),
            changes: Changes::default(),
            options: PlanOptions::default(),
        }
    }

    /// Checks every part of the plan and reports every problem found.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = Vec::new();
        let mut take = |result: Result<(), ValidationErrors>| {
            if let Err(found) = result {
                errors.extend(found.into_errors());
            }
        };
        if self.period.weeks == 0 || self.period.weeks > RotaPeriod::MAX_WEEKS {
            take(Err(ValidationError::OutOfRange {
                item: "rota period weeks".into(),
                value: self.period.weeks.to_string(),
                expected: format!("1 to {}", RotaPeriod::MAX_WEEKS),
            }
            .into()));
        }
        let mut workers: HashMap<&WorkerId, &Worker> = HashMap::new();
        for worker in &self.workers {
            take(worker.validate());
            if workers.insert(&worker.id, worker).is_some() {
                take(Err(ValidationError::DuplicateId {
                    item: "workers".into(),
                    id: worker.id.to_string(),
                }
                .into()));
            }
        }
        let mut people = HashMap::new();
        for plan in &self.people {
            take(plan.person.validate());
            take(plan.week.validate());
            if plan.week.person != plan.person.id {
                take(Err(ValidationError::Conflict {
                    item: format!("person \"{}\" perfect week", plan.person.id),
                    reason: format!("belongs to \"{}\"", plan.week.person),
                }
                .into()));
            }
            if people.insert(&plan.person.id, plan).is_some() {
                take(Err(ValidationError::DuplicateId {
                    item: "people".into(),
                    id: plan.person.id.to_string(),
                }
                .into()));
            }
            for worker in &plan.person.matching.excluded_workers {
                if !workers.contains_key(worker) {
                    take(Err(ValidationError::UnknownId {
                        item: format!("person \"{}\" excluded workers", plan.person.id),
                        id: worker.to_string(),
                    }
                    .into()));
                }
            }
            if let Some(fund) = &plan.fund {
                if fund.usable_bank < Decimal::ZERO {
                    take(Err(ValidationError::NegativeAmount {
                        item: format!("person \"{}\" usable bank", plan.person.id),
                        amount: fund.usable_bank,
                    }
                    .into()));
                }
                take(fund.rate_cards.validate());
                take(
                    fund.allocation
                        .validate(&format!("person \"{}\" allocation", plan.person.id)),
                );
            }
        }
        if let Some(core) = &self.service {
            take(core.service.validate());
            take(core.rate_cards.validate());
        }
        let mut with_history = std::collections::HashSet::new();
        for record in &self.history {
            let item = format!("worker \"{}\" history", record.worker);
            if !workers.contains_key(&record.worker) {
                take(Err(ValidationError::UnknownId {
                    item: "worker history".into(),
                    id: record.worker.to_string(),
                }
                .into()));
            }
            if !with_history.insert(&record.worker) {
                take(Err(ValidationError::DuplicateId {
                    item: "worker history".into(),
                    id: record.worker.to_string(),
                }
                .into()));
            }
            if record.minutes < 0 || record.days < 0 {
                take(Err(ValidationError::OutOfRange {
                    item,
                    value: format!("{} minutes over {} days", record.minutes, record.days),
                    expected: "minutes and days of zero or more".into(),
                }
                .into()));
            }
        }
        for request in &self.requests {
            let item = format!("worker \"{}\" request on {}", request.worker, request.date);
            if !workers.contains_key(&request.worker) {
                take(Err(ValidationError::UnknownId {
                    item: item.clone(),
                    id: request.worker.to_string(),
                }
                .into()));
            }
            if !self.period.contains(request.date) {
                take(Err(ValidationError::OutOfRange {
                    item: item.clone(),
                    value: request.date.to_string(),
                    expected: "a date of the rota period".into(),
                }
                .into()));
            }
            if request.weight < 0 {
                take(Err(ValidationError::OutOfRange {
                    item,
                    value: request.weight.to_string(),
                    expected: "a weight of zero or more".into(),
                }
                .into()));
            }
        }
        for absence in &self.changes.absences {
            if !workers.contains_key(&absence.worker) {
                take(Err(ValidationError::UnknownId {
                    item: format!("absence from {}", absence.from),
                    id: absence.worker.to_string(),
                }
                .into()));
            }
            if absence.to < absence.from {
                take(Err(ValidationError::EndBeforeStart {
                    item: format!("worker \"{}\" absence", absence.worker),
                    start: absence.from.to_string(),
                    end: absence.to.to_string(),
                }
                .into()));
            }
        }
        for one_off in &self.changes.added {
            match people.get(&one_off.person) {
                None => take(Err(ValidationError::UnknownId {
                    item: format!("one-off activity \"{}\"", one_off.activity.id),
                    id: one_off.person.to_string(),
                }
                .into())),
                Some(_) => {
                    let week = PerfectWeek {
                        person: one_off.person.clone(),
                        activities: vec![one_off.activity.clone()],
                    };
                    take(week.validate());
                }
            }
            if !self.period.contains(one_off.date) {
                take(Err(ValidationError::OutOfRange {
                    item: format!("one-off activity \"{}\" date", one_off.activity.id),
                    value: one_off.date.to_string(),
                    expected: "a date of the rota period".into(),
                }
                .into()));
            }
        }
        let mut sessions = std::collections::HashSet::new();
        let mut checked = std::collections::HashSet::new();
        for occurrence in self.occurrences() {
            let plan = occurrence.plan;
            let activity = occurrence.activity;
            let date = occurrence.date;
            if !sessions.insert(occurrence.session.clone()) {
                take(Err(ValidationError::DuplicateId {
                    item: "sessions".into(),
                    id: occurrence.session.to_string(),
                }
                .into()));
            }
            let item = occurrence.item();
            let paid = activity.support.workers > 0;
            // A date with no rate card in force is a problem of that date.
            match (activity.funding, &plan.fund, &self.service) {
                (Funding::Flexi, Some(fund), _)
                    if paid && fund.rate_cards.in_force(date).is_none() =>
                {
                    take(Err(ValidationError::NoRateCard {
                        item: item.clone(),
                        date,
                    }
                    .into()));
                }
                (Funding::Core, _, Some(core))
                    if paid && core.rate_cards.in_force(date).is_none() =>
                {
                    take(Err(ValidationError::NoRateCard {
                        item: item.clone(),
                        date,
                    }
                    .into()));
                }
                _ => {}
            }
            // The rest is about the activity itself: said once.
            if !checked.insert(item.clone()) {
                continue;
            }
            for worker in activity
                .support
                .preferred
                .iter()
                .chain(&activity.support.refused)
            {
                if !workers.contains_key(worker) {
                    take(Err(ValidationError::UnknownId {
                        item: item.clone(),
                        id: worker.to_string(),
                    }
                    .into()));
                }
            }
            if let Some(row) = &activity.support.match_row
                && plan.person.matching.row(row).is_none()
            {
                take(Err(ValidationError::UnknownId {
                    item: format!("{item} matching row"),
                    id: row.to_string(),
                }
                .into()));
            }
            match (activity.funding, &plan.fund, &self.service) {
                (Funding::Flexi, None, _) if paid => take(Err(ValidationError::Missing {
                    item: item.clone(),
                    what: "a fund to pay for flexi support".into(),
                }
                .into())),
                (Funding::Core, _, None) => take(Err(ValidationError::Missing {
                    item: item.clone(),
                    what: "a service whose core pays for it".into(),
                }
                .into())),
                _ => {}
            }
        }
        let known: std::collections::HashSet<&SessionId> = sessions.iter().collect();
        for id in self
            .changes
            .cancelled
            .iter()
            .chain(self.changes.moved.iter().map(|m| &m.session))
        {
            let core = self
                .service
                .as_ref()
                .is_some_and(|c| id.as_str().starts_with(&format!("core/{}/", c.service.id)));
            if !known.contains(id) && !core {
                take(Err(ValidationError::UnknownId {
                    item: "changes".into(),
                    id: id.to_string(),
                }
                .into()));
            }
        }
        ValidationErrors::check(errors)
    }

    /// Every dated occurrence of every person's activities in the period:
    /// each weekly activity on each of its dates, and each one-off.
    fn occurrences(&self) -> Vec<Occurrence<'_>> {
        let mut out = Vec::new();
        for plan in &self.people {
            for activity in &plan.week.activities {
                for date in self.period.dates_on(activity.day) {
                    out.push(Occurrence::new(plan, date, activity, false));
                }
            }
            for one_off in self
                .changes
                .added
                .iter()
                .filter(|o| o.person == plan.person.id)
            {
                out.push(Occurrence::new(plan, one_off.date, &one_off.activity, true));
            }
        }
        out
    }

    /// Validates the plan and compiles it into the solver's problem.
    pub fn compile(&self) -> Result<CompiledPlan, PlanError> {
        self.validate()?;
        Ok(Compiler::new(self).compile()?)
    }

    /// Plans the rota: compile, solve, and read the answer back.
    ///
    /// An over-constrained plan is not an error: the rota has its unfilled
    /// sessions marked, and [`crate::explain::unfilled`] on the compiled
    /// problem says why.
    pub fn solve(&self, config: &SolverConfig) -> Result<Rota, PlanError> {
        let compiled = self.compile()?;
        let solution = solve(&compiled.problem, config)?;
        Ok(compiled.rota(&solution))
    }

    /// Re-plans after `changes`, staying as close as it can to `published`:
    /// the published roster is the baseline (each assignment changed costs
    /// the stability weight per minute), and sessions on dates before
    /// `from` are pinned as they were.
    pub fn replan(
        &self,
        published: &Rota,
        changes: &Changes,
        from: NaiveDate,
        config: &SolverConfig,
    ) -> Result<Replan, PlanError> {
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
        let published_at: HashMap<&SessionId, NaiveDateTime> = published
            .entries
            .iter()
            .map(|e| (&e.session, e.local_start))
            .collect();
        let workers: std::collections::HashSet<&WorkerId> =
            compiled.problem.workers.iter().map(|w| &w.id).collect();
        let mut on: HashMap<&SessionId, Vec<&Assignment>> = HashMap::new();
        for a in &published.roster.assignments {
            if workers.contains(&a.worker) {
                on.entry(&a.session).or_default().push(a);
            }
        }

        let mut baseline = Vec::new();
        let mut pins = Vec::new();
        let mut placements = Vec::new();
        let CompiledPlan {
            problem, sessions, ..
        } = &mut compiled;
        for (session, info) in problem.sessions.iter_mut().zip(sessions.iter_mut()) {
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
            } else if let Some(index) = index.filter(|&i| i > 0) {
                placements.push(crate::solver::PlacementChoice {
                    session: session.id.clone(),
                    index,
                });
            }
        }
        compiled.problem.pins = pins;
        compiled.problem.baseline = Some(Roster {
            assignments: baseline,
            placements,
        });
        let solution = solve(&compiled.problem, config)?;
        let rota = compiled.rota(&solution);
        let mut diff = diff(&published.roster, &rota.roster);
        // Placement indices may differ between the two problems: a session
        // has moved only if its local start did.
        let starts = |rota: &Rota| -> HashMap<SessionId, NaiveDateTime> {
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
        Ok(Replan { rota, diff })
    }
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
fn epoch(period: &RotaPeriod) -> DateTime<Utc> {
    resolve_local_date_time(period.zone, period.start, NaiveTime::MIN).with_timezone(&Utc)
}

/// Pence in a money amount, rounded to the penny first.
fn pence(amount: Decimal) -> i64 {
    (crate::money::round_pennies(amount) * Decimal::ONE_HUNDRED)
        .to_i64()
        .unwrap_or(i64::MAX)
}

struct Compiler<'a> {
    plan: &'a Plan,
    zone: Tz,
    epoch: DateTime<Utc>,
    dates: Vec<NaiveDate>,
    sessions: Vec<Session>,
    info: Vec<SessionInfo>,
    budgets: BTreeMap<BudgetId, i64>,
}

impl<'a> Compiler<'a> {
    fn new(plan: &'a Plan) -> Self {
        Self {
            plan,
            zone: plan.period.zone,
            epoch: epoch(&plan.period),
            dates: plan.period.dates().collect(),
            sessions: Vec::new(),
            info: Vec::new(),
            budgets: BTreeMap::new(),
        }
    }

    fn minute(&self, instant: DateTime<Utc>) -> Minute {
        (instant - self.epoch).num_minutes()
    }

    fn day_index(&self, date: NaiveDate) -> Option<usize> {
        self.dates.iter().position(|d| *d == date)
    }

    fn compile(mut self) -> Result<CompiledPlan, ProblemError> {
        let days = self.days();
        for person in &self.plan.people {
            self.person_sessions(person);
        }
        if let Some(core) = &self.plan.service {
            self.core_sessions(core);
        }
        let workers = self.workers();
        let problem = Problem {
            days,
            sessions: self.sessions,
            workers,
            rules: self.plan.options.rules.clone(),
            weights: self.plan.options.weights.clone(),
            budgets: self
                .budgets
                .into_iter()
                .map(|(id, cap)| crate::solver::Budget { id, cap })
                .collect(),
            pins: Vec::new(),
            baseline: None,
        };
        if let Err(errors) = problem.validate()
            && let Some(first) = errors.into_iter().next()
        {
            return Err(first);
        }
        Ok(CompiledPlan {
            problem,
            period: self.plan.period,
            sessions: self.info,
            names: self
                .plan
                .workers
                .iter()
                .map(|w| (w.id.clone(), w.name.clone()))
                .collect(),
        })
    }

    fn days(&self) -> Vec<Day> {
        self.dates
            .iter()
            .map(|date| {
                let start = resolve_local_date_time(self.zone, *date, NaiveTime::MIN);
                let next = date.succ_opt().unwrap_or(*date);
                let end = resolve_local_date_time(self.zone, next, NaiveTime::MIN);
                Day {
                    date: *date,
                    start: self.minute(start.with_timezone(&Utc)),
                    end: self.minute(end.with_timezone(&Utc)),
                }
            })
            .collect()
    }

    /// Real minutes of `range` inside the local band `from`–`to` (which may
    /// pass midnight), on any date.
    fn band_minutes(&self, range: &TimeRange, band: (NaiveTime, NaiveTime)) -> u32 {
        let first = range.start().with_timezone(&self.zone).date_naive();
        let mut total = 0;
        let mut date = first.pred_opt().unwrap_or(first);
        let last = range.end().with_timezone(&self.zone).date_naive();
        while date <= last {
            if let Some(window) = local_window(self.zone, date, band.0, band.1) {
                let start = window.start().max(range.start());
                let end = window.end().min(range.end());
                if end > start {
                    total += (end - start).num_minutes();
                }
            }
            match date.succ_opt() {
                Some(next) => date = next,
                None => break,
            }
        }
        u32::try_from(total).unwrap_or(u32::MAX)
    }

    fn person_sessions(&mut self, plan: &PersonPlan) {
        let person = &plan.person.id;
        let budget = plan.fund.as_ref().map(|fund| {
            let id = BudgetId::new(format!("flexi/{person}"));
            let (cap, _) = fund_cap(fund, self.plan.period.weeks);
            self.budgets.insert(id.clone(), cap);
            id
        });
        let occurrences: Vec<Occurrence<'_>> = self
            .plan
            .occurrences()
            .into_iter()
            .filter(|o| &o.plan.person.id == person)
            .collect();
        for Occurrence {
            date,
            activity,
            session: id,
            ..
        } in occurrences
        {
            if self.plan.changes.cancelled.contains(&id) {
                continue;
            }
            // The last move of a session wins.
            let moved = self
                .plan
                .changes
                .moved
                .iter()
                .rfind(|m| m.session == id)
                .map(|m| m.start);
            let options = match moved {
                Some(start) => vec![(start, 0)],
                None => activity.start_options(),
            };
            // Flexi activities are priced by the person's fund (in minutes
            // when it is an hours allocation), core ones by the service's
            // rate card; unpaid and community ones cost nothing.
            let (card, by_minutes) = match activity.funding {
                Funding::Flexi => (
                    plan.fund.as_ref().and_then(|f| f.rate_cards.in_force(date)),
                    plan.fund.as_ref().is_some_and(|f| fund_cap(f, 1).1),
                ),
                Funding::Core => (
                    self.plan
                        .service
                        .as_ref()
                        .and_then(|c| c.rate_cards.in_force(date)),
                    false,
                ),
                Funding::Unpaid | Funding::Community => (None, false),
            };
            let mut placements = Vec::new();
            let mut info_placements = Vec::new();
            for (start, penalty) in options {
                let Some((placement, local_start, local_end, range)) =
                    self.placement(date, start, activity.minutes, penalty)
                else {
                    continue;
                };
                let money = card.map_or(Decimal::ZERO, |card| {
                    card.charge(self.zone, &range, activity.charge)
                });
                let charge = if by_minutes {
                    placement.minutes()
                } else {
                    pence(money)
                };
                placements.push(Placement {
                    charge,
                    ..placement
                });
                info_placements.push((local_start, local_end, money));
            }
            if placements.is_empty() {
                continue;
            }
            let paid = matches!(activity.funding, Funding::Flexi | Funding::Core);
            let needed = if paid {
                u32::from(activity.support.workers)
            } else {
                0
            };
            let mut requires: Vec<Tag> = activity
                .support
                .skills
                .iter()
                .map(|s| skill_tag(s.as_str()))
                .chain(
                    activity
                        .support
                        .characteristics
                        .iter()
                        .map(|t| trait_tag(t.as_str())),
                )
                .collect();
            let mut worker_penalties = Vec::new();
            if let Some(row) = activity
                .support
                .match_row
                .as_ref()
                .and_then(|id| plan.person.matching.row(id))
            {
                requires.extend(row.skills.iter().map(|s| skill_tag(s.as_str())));
                requires.extend(row.essential.iter().map(|t| trait_tag(t.as_str())));
                for worker in &self.plan.workers {
                    let score = row.score(worker, date);
                    let missing = (score.desirable_total - score.desirable_met)
                        + (score.interests_total - score.interests_shared);
                    if missing > 0 {
                        let missing = i64::try_from(missing).unwrap_or(i64::MAX);
                        worker_penalties.push((
                            worker.id.clone(),
                            missing.saturating_mul(self.plan.options.match_point),
                        ));
                    }
                }
            }
            requires.sort();
            requires.dedup();
            let mut refused = activity.support.refused.clone();
            refused.extend(plan.person.matching.excluded_workers.iter().cloned());
            refused.sort();
            refused.dedup();
            self.sessions.push(Session {
                id,
                placements,
                cover: Cover::Required { workers: needed },
                kind: Some(KindId::new(kind_name(activity.charge))),
                place: activity.place.clone(),
                person: Some(person.clone()),
                series: Some(SeriesId::new(format!("{person}/{}", activity.id))),
                requires,
                refused,
                preferred: activity.support.preferred.clone(),
                worker_penalties,
                budget: if activity.funding == Funding::Flexi {
                    budget.clone()
                } else if activity.funding == Funding::Core {
                    self.plan.service.as_ref().map(core_budget_id)
                } else {
                    None
                },
                priority: i64::from(activity.priority.max(1)),
            });
            self.info.push(SessionInfo {
                what: activity.name.clone(),
                person: Some(person.clone()),
                activity: Some(activity.id.clone()),
                funding: activity.funding,
                needed,
                placements: info_placements,
            });
        }
    }

    fn core_sessions(&mut self, core: &CorePlan) {
        let budget = core_budget_id(core);
        if let Some(weekly) = core.budget_per_week {
            self.budgets.insert(
                budget.clone(),
                pence(weekly) * i64::from(self.plan.period.weeks),
            );
        }
        let has_budget = core.budget_per_week.is_some();
        for shift in &core.service.core {
            for date in self.dates.clone() {
                if !shift.weekdays.contains(&date.weekday()) {
                    continue;
                }
                let id = SessionId::new(format!("core/{}/{}/{date}", core.service.id, shift.id));
                if self.plan.changes.cancelled.contains(&id) {
                    continue;
                }
                let Some(window) = local_window(self.zone, date, shift.start, shift.end) else {
                    continue;
                };
                let minutes = u32::try_from(window.minutes()).unwrap_or(0);
                let Some((placement, local_start, local_end, range)) =
                    self.placement(date, shift.start, minutes, 0)
                else {
                    continue;
                };
                let money = match (shift.kind.charge_kind(), core.rate_cards.in_force(date)) {
                    (Some(kind), Some(card)) => card.charge(self.zone, &range, kind),
                    _ => Decimal::ZERO,
                };
                self.sessions.push(Session {
                    id,
                    placements: vec![Placement {
                        charge: pence(money),
                        ..placement
                    }],
                    cover: Cover::Required {
                        workers: u32::from(shift.workers),
                    },
                    kind: Some(KindId::new(core_kind_name(shift.kind))),
                    place: None,
                    person: None,
                    series: Some(SeriesId::new(format!("core/{}", shift.id))),
                    requires: shift
                        .required_skills
                        .iter()
                        .map(|s| skill_tag(s.as_str()))
                        .collect(),
                    refused: Vec::new(),
                    preferred: Vec::new(),
                    worker_penalties: Vec::new(),
                    budget: has_budget.then(|| budget.clone()),
                    priority: 5,
                });
                self.info.push(SessionInfo {
                    what: shift.role.clone(),
                    person: None,
                    activity: None,
                    funding: Funding::Core,
                    needed: u32::from(shift.workers),
                    placements: vec![(local_start, local_end, money)],
                });
            }
        }
    }

    /// A placement on `date` starting at local `start` and lasting `minutes`
    /// of real time, with its local start and end and its range.
    fn placement(
        &self,
        date: NaiveDate,
        start: NaiveTime,
        minutes: u32,
        penalty: i64,
    ) -> Option<(Placement, NaiveDateTime, NaiveDateTime, TimeRange)> {
        let day = self.day_index(date)?;
        let begin = resolve_local_date_time(self.zone, date, start).with_timezone(&Utc);
        let end = begin + Duration::minutes(i64::from(minutes));
        let range = TimeRange::new(begin, end).ok()?;
        let placement = Placement {
            day,
            start: self.minute(begin),
            end: self.minute(end),
            night_minutes: self.band_minutes(&range, self.plan.options.night),
            young_restricted_minutes: self.band_minutes(&range, self.plan.options.young_night),
            charge: 0,
            penalty,
        };
        Some((
            placement,
            begin.with_timezone(&self.zone).naive_local(),
            end.with_timezone(&self.zone).naive_local(),
            range,
        ))
    }

    fn workers(&self) -> Vec<Employee> {
        let first = self.plan.period.start;
        self.plan
            .workers
            .iter()
            .map(|worker| {
                let day_of = |date: NaiveDate| -> usize {
                    // Days before the period clamp to 0, after it to its length.
                    if date < first {
                        0
                    } else {
                        self.day_index(date).unwrap_or(self.dates.len())
                    }
                };
                let mut tags: Vec<HeldTag> = worker
                    .qualifications
                    .iter()
                    .map(|q| HeldTag {
                        tag: skill_tag(q.skill.as_str()),
                        from_day: q.obtained.filter(|d| *d > first).map(day_of),
                        until_day: q.expires.map(|d| if d < first { 0 } else { day_of(d) + 1 }),
                    })
                    .collect();
                tags.extend(
                    worker
                        .characteristics
                        .iter()
                        .map(|t| HeldTag::always(trait_tag(t.as_str()))),
                );
                let absent = |date: &NaiveDate| {
                    worker.on_leave(*date)
                        || self
                            .plan
                            .changes
                            .absences
                            .iter()
                            .any(|a| a.worker == worker.id && a.from <= *date && *date <= a.to)
                };
                let absent_days: Vec<usize> = self
                    .dates
                    .iter()
                    .enumerate()
                    .filter(|(_, date)| absent(date))
                    .map(|(i, _)| i)
                    .collect();
                // A week with leave in it cannot be held to the contracted
                // minimum: workers with leave or absence in the period have
                // no weekly minimum in this rota.
                let min_minutes_per_week = absent_days
                    .is_empty()
                    .then(|| i64::from(worker.contract.min_minutes_per_week))
                    .filter(|&min| min > 0);
                // A day of leave or absence is unavailable from midnight to
                // midnight, so no session starts on it and a night shift from
                // the day before cannot run into it.
                let leave_days = absent_days.iter().filter_map(|&d| {
                    let date = self.dates.get(d)?;
                    let start = resolve_local_date_time(self.zone, *date, NaiveTime::MIN);
                    let end = resolve_local_date_time(self.zone, date.succ_opt()?, NaiveTime::MIN);
                    Some(Interval {
                        start: self.minute(start.with_timezone(&Utc)),
                        end: self.minute(end.with_timezone(&Utc)),
                    })
                });
                let unavailable = worker
                    .availability
                    .unavailable
                    .iter()
                    .filter_map(|u| {
                        let start = resolve_local(self.zone, u.from).with_timezone(&Utc);
                        let end = resolve_local(self.zone, u.to).with_timezone(&Utc);
                        (end > start).then(|| Interval {
                            start: self.minute(start),
                            end: self.minute(end),
                        })
                    })
                    .chain(leave_days)
                    .collect();
                let available = (!worker.availability.weekly.is_empty()).then(|| {
                    let mut windows = Vec::new();
                    let before = first.pred_opt().unwrap_or(first);
                    for date in std::iter::once(before).chain(self.dates.iter().copied()) {
                        for w in &worker.availability.weekly {
                            if w.weekday != date.weekday() {
                                continue;
                            }
                            if let Some(range) = local_window(self.zone, date, w.start, w.end) {
                                windows.push(Interval {
                                    start: self.minute(range.start()),
                                    end: self.minute(range.end()),
                                });
                            }
                        }
                    }
                    merge(windows)
                });
                let history = self
                    .plan
                    .history
                    .iter()
                    .find(|h| h.worker == worker.id)
                    .map(|h| WorkerHistory {
                        minutes: h.minutes,
                        days: h.days,
                        last_end: h.last_end.map(|end| self.minute(end)),
                        consecutive_days_before: h.consecutive_days_before,
                    })
                    .unwrap_or_default();
                let requests = self
                    .plan
                    .requests
                    .iter()
                    .filter(|r| r.worker == worker.id)
                    .filter_map(|r| {
                        Some(crate::solver::Request {
                            day: self.day_index(r.date)?,
                            kind: None,
                            want: r.want,
                            weight: r.weight,
                        })
                    })
                    .collect();
                Employee {
                    id: worker.id.clone(),
                    tags,
                    days_off: Vec::new(),
                    unavailable,
                    available,
                    young: worker.is_young_worker_on(first),
                    opted_out: worker.contract.opted_out_of_48h,
                    pay_per_hour: pence(worker.contract.hourly_pay),
                    limits: WorkerLimits {
                        min_minutes_per_week,
                        max_minutes_per_week: Some(i64::from(worker.contract.max_minutes_per_week)),
                        max_per_kind: self.plan.options.max_per_kind.clone(),
                        ..WorkerLimits::default()
                    },
                    history,
                    requests,
                }
            })
            .collect()
    }
}

/// Intervals sorted, with those that overlap or touch joined into one, so a
/// session may span two back-to-back availability windows.
fn merge(mut windows: Vec<Interval>) -> Vec<Interval> {
    windows.sort_by_key(|w| (w.start, w.end));
    let mut merged: Vec<Interval> = Vec::with_capacity(windows.len());
    for window in windows {
        match merged.last_mut() {
            Some(last) if window.start <= last.end => last.end = last.end.max(window.end),
            _ => merged.push(window),
        }
    }
    merged
}

/// A fund's cap for `weeks` weeks, and whether it is in minutes (hours
/// allocation) rather than pence.
fn fund_cap(fund: &Fund, weeks: u32) -> (i64, bool) {
    let weeks = Decimal::from(weeks);
    let allocation = &fund.allocation;
    let hours = allocation.flexi_hours_per_week.or(allocation
        .money_per_week
        .is_none()
        .then_some(allocation.hours_per_week)
        .flatten());
    match hours {
        Some(hours) => {
            let minutes = (hours * Decimal::from(60) * weeks).floor();
            (minutes.to_i64().unwrap_or(i64::MAX), true)
        }
        None => {
            let money = allocation.money_per_week.unwrap_or_default()
                - allocation.core_money_per_week.unwrap_or_default();
            (pence(money * weeks + fund.usable_bank), false)
        }
    }
}

fn core_budget_id(core: &CorePlan) -> BudgetId {
    BudgetId::new(format!("core/{}", core.service.id))
}

fn skill_tag(skill: &str) -> Tag {
    Tag::new(format!("skill:{skill}"))
}

fn trait_tag(name: &str) -> Tag {
    Tag::new(format!("trait:{name}"))
}

fn core_kind_name(kind: CoreShiftKind) -> &'static str {
    match kind {
        CoreShiftKind::Day => "core-day",
        CoreShiftKind::WakingNight => "waking-night",
        CoreShiftKind::SleepIn => "sleep-in",
        CoreShiftKind::OnCall => "on-call",
    }
}

fn kind_name(kind: ChargeKind) -> &'static str {
    match kind {
        ChargeKind::Support => "support",
        ChargeKind::WakingNight => "waking-night",
        ChargeKind::SleepIn => "sleep-in",
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
