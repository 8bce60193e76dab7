//! Checking a plan: every problem found, each naming the offending item.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::error::{ValidationError, ValidationErrors};
use crate::ids::{SessionId, WorkerId};
use crate::money::PayFloorError;
use crate::staff::Worker;
use crate::week::{Activity, Funding, PerfectWeek, RotaPeriod, SessionLimits};

use super::*;

/// One dated occurrence of a person's activity.
pub(super) struct Occurrence<'a> {
    pub(super) plan: &'a PersonPlan,
    pub(super) date: NaiveDate,
    pub(super) activity: &'a Activity,
    pub(super) session: SessionId,
    pub(super) one_off: bool,
}

impl<'a> Occurrence<'a> {
    fn new(plan: &'a PersonPlan, date: NaiveDate, activity: &'a Activity, one_off: bool) -> Self {
        Self {
            plan,
            date,
            activity,
            session: SessionRef::activity(plan.person.id.clone(), activity.id.clone(), date).id(),
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

impl Plan {
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
        take(self.options.pay_floors.validate());
        let mut workers: HashMap<&WorkerId, &Worker> = HashMap::new();
        for worker in &self.workers {
            take(worker.validate());
            for below in
                self.options
                    .pay_floors
                    .check_period(worker, self.period.start, self.period.end())
            {
                // A period starting before the table's first floors is not
                // checked on those dates.
                // Under the least working age, the age is the problem
                // (said once, below), not the pay.
                let under_age =
                    matches!(below, PayFloorError::TooYoung { age, .. } if age < MIN_WORKER_AGE);
                if !under_age && !matches!(below, PayFloorError::NoFloors { .. }) {
                    take(Err(ValidationError::from(below).into()));
                }
            }
            if workers.insert(&worker.id, worker).is_some() {
                take(Err(ValidationError::DuplicateId {
                    item: "workers".into(),
                    id: worker.id.to_string(),
                }
                .into()));
            }
        }
        let mut id_parts = Vec::new();
        super::session_ref::check_id_parts(self, &mut id_parts);
        take(ValidationErrors::check(id_parts));
        let mut people = HashMap::new();
        for plan in &self.people {
            take(plan.person.validate());
            take(plan.week.validate());
            take(plan.week.check_skills_held(&self.workers));
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
                    fund.budget(plan.person.id.as_str(), self.period.weeks)
                        .map(|_| ())
                        .map_err(Into::into),
                );
                take(
                    fund.allocation
                        .validate(&format!("person \"{}\" allocation", plan.person.id)),
                );
            }
        }
        if let Some(core) = &self.service {
            take(core.service.validate_core());
            if let Some(weekly) = core.budget_per_week {
                let weeks = Decimal::from(self.period.weeks);
                let fits = crate::money::round_pennies(weekly)
                    .checked_mul(Decimal::ONE_HUNDRED)
                    .and_then(|p| p.checked_mul(weeks))
                    .and_then(|p| rust_decimal::prelude::ToPrimitive::to_i64(&p))
                    .is_some();
                if !fits {
                    take(Err(ValidationError::OutOfRange {
                        item: format!(
                            "service \"{}\" core budget over {weeks} week(s)",
                            core.service.id
                        ),
                        value: weekly.to_string(),
                        expected: format!("at most {} pence in all", i64::MAX),
                    }
                    .into()));
                }
            }
            for dated in &core.dated {
                let item = format!(
                    "service \"{}\" core shift \"{}\" on {}",
                    core.service.id, dated.shift.id, dated.date
                );
                let mut errors = Vec::new();
                dated.shift.check_shape(&item, &mut errors);
                // As a weekly shift of the core pattern is checked.
                if let Some(expected) = dated.shift.length_problem(&SessionLimits::default()) {
                    errors.push(ValidationError::OutOfRange {
                        item: item.clone(),
                        value: format!(
                            "{}–{} ({} minutes)",
                            crate::words::clock(dated.shift.start),
                            crate::words::clock(dated.shift.end),
                            dated.shift.minutes()
                        ),
                        expected,
                    });
                }
                if core.service.core.iter().any(|s| s.id == dated.shift.id)
                    || core
                        .dated
                        .iter()
                        .filter(|d| (d.date, &d.shift.id) == (dated.date, &dated.shift.id))
                        .count()
                        > 1
                {
                    errors.push(ValidationError::DuplicateId {
                        item: item.clone(),
                        id: dated.shift.id.to_string(),
                    });
                }
                if !self.period.dates().any(|d| d == dated.date) {
                    errors.push(ValidationError::OutOfRange {
                        item,
                        value: dated.date.to_string(),
                        expected: format!(
                            "a date from {} to {}",
                            self.period.start,
                            self.period.end()
                        ),
                    });
                }
                take(ValidationErrors::check(errors));
            }
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
                // An hours allocation needs no rate card; one given must
                // cover every date all the same.
                (Funding::Flexi, Some(fund), _)
                    if paid
                        && !(fund.is_hours() && fund.rate_cards.cards.is_empty())
                        && fund.rate_cards.in_force(date).is_none() =>
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
        let dates: Vec<NaiveDate> = self.period.dates().collect();
        let core_ids: Vec<SessionId> = self.service.as_ref().map_or_else(Vec::new, |core| {
            core.shifts_on(&dates)
                .map(|(date, shift)| {
                    SessionRef::core(core.service.id.clone(), shift.id.clone(), date).id()
                })
                .collect()
        });
        let known: std::collections::HashSet<&SessionId> =
            sessions.iter().chain(&core_ids).collect();
        for id in self
            .changes
            .cancelled
            .iter()
            .chain(self.changes.moved.iter().map(|m| &m.session))
        {
            if !known.contains(id) {
                take(Err(ValidationError::UnknownId {
                    item: "changes".into(),
                    id: id.to_string(),
                }
                .into()));
            }
        }
        let mut more = Vec::new();
        self.check_more(&mut more);
        take(ValidationErrors::check(more));
        ValidationErrors::check(errors)
    }

    /// Every dated occurrence of every person's activities in the period:
    /// each weekly activity on each of its dates, and each one-off.
    pub(super) fn occurrences(&self) -> Vec<Occurrence<'_>> {
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
}
