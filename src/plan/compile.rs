//! Compiling a validated plan into the solver's general problem.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::error::ValidationError;
use crate::ids::{BudgetId, KindId, SeriesId, SessionId, Tag};
use crate::money::{ChargeKind, FundBudget};
use crate::service::CoreShiftKind;
use crate::solver::{
    Cover, Day, Employee, HeldTag, Interval, Minute, Placement, Problem, Session, WorkerHistory,
    WorkerLimits,
};
use crate::time::{TimeRange, local_window, resolve_local, resolve_local_date_time};
use crate::week::Funding;

use super::compiled::{SessionInfo, epoch};
use super::validate::Occurrence;
use super::*;

/// Pence in a money amount, rounded to the penny first; `None` when it does
/// not fit the solver's whole pence.
fn pence(amount: Decimal) -> Option<i64> {
    crate::money::round_pennies(amount)
        .checked_mul(Decimal::ONE_HUNDRED)?
        .to_i64()
}

/// The error for an amount too large for the solver to count, naming `item`.
fn too_large(item: String, value: String) -> ValidationError {
    ValidationError::OutOfRange {
        item,
        value,
        expected: format!("at most {} pence", i64::MAX),
    }
}

pub(super) struct Compiler<'a> {
    plan: &'a Plan,
    zone: Tz,
    epoch: DateTime<Utc>,
    dates: Vec<NaiveDate>,
    sessions: Vec<Session>,
    info: Vec<SessionInfo>,
    budgets: BTreeMap<BudgetId, i64>,
    /// Amounts too large to count, each naming its session or budget.
    errors: Vec<ValidationError>,
}

impl<'a> Compiler<'a> {
    pub(super) fn new(plan: &'a Plan) -> Self {
        Self {
            plan,
            zone: plan.period.zone,
            epoch: epoch(&plan.period),
            dates: plan.period.dates().collect(),
            sessions: Vec::new(),
            info: Vec::new(),
            budgets: BTreeMap::new(),
            errors: Vec::new(),
        }
    }

    fn minute(&self, instant: DateTime<Utc>) -> Minute {
        (instant - self.epoch).num_minutes()
    }

    fn day_index(&self, date: NaiveDate) -> Option<usize> {
        self.dates.iter().position(|d| *d == date)
    }

    pub(super) fn compile(mut self) -> Result<CompiledPlan, PlanError> {
        let days = self.days();
        // Every occurrence once, each person's in a group of its own (one
        // listing per person made the compile grow with people squared).
        let plan: &'a Plan = self.plan;
        let mut by_person: BTreeMap<&PersonId, Vec<Occurrence<'a>>> = BTreeMap::new();
        for occurrence in plan.occurrences() {
            by_person
                .entry(&occurrence.plan.person.id)
                .or_default()
                .push(occurrence);
        }
        for person in &plan.people {
            let occurrences = by_person.remove(&person.person.id).unwrap_or_default();
            self.person_sessions(person, occurrences);
        }
        if let Some(core) = &self.plan.service {
            self.core_sessions(core);
        }
        self.check_budget_totals();
        for worker in &self.plan.workers {
            let pay = worker.contract.hourly_pay;
            if pence(pay).is_none() {
                self.errors.push(too_large(
                    format!("worker \"{}\" contract hourly pay", worker.id),
                    format!("£{pay}"),
                ));
            }
        }
        ValidationErrors::check(std::mem::take(&mut self.errors))?;
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
            return Err(first.into());
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

    /// The solver adds up each budget's charges in whole pence: the most
    /// they could come to (every placement's largest charge, for every
    /// worker) must fit, or the budget is refused by name.
    fn check_budget_totals(&mut self) {
        let workers = i64::try_from(self.plan.workers.len()).unwrap_or(i64::MAX);
        let mut most: BTreeMap<&BudgetId, Option<i64>> = BTreeMap::new();
        for session in &self.sessions {
            let Some(budget) = &session.budget else {
                continue;
            };
            let charge = session.placements.iter().map(|p| p.charge).max();
            let total = most.entry(budget).or_insert(Some(0));
            *total = total
                .zip(charge)
                .and_then(|(t, c)| t.checked_add(c.checked_mul(workers)?));
        }
        for (budget, total) in most {
            if total.is_none() {
                self.errors.push(too_large(
                    format!("budget \"{budget}\" charges"),
                    format!("{workers} worker(s) on each session"),
                ));
            }
        }
    }

    /// A session's charge per worker in money and in pence (`money` is
    /// `None` when the rate card could not count it); an error naming the
    /// session when either is too large.
    fn priced(&mut self, session: &SessionId, money: Option<Decimal>) -> (Decimal, i64) {
        match money.and_then(|m| Some((m, pence(m)?))) {
            Some(priced) => priced,
            None => {
                self.errors.push(too_large(
                    format!("session \"{session}\" charge per worker"),
                    money.map_or_else(
                        || "more than £79,228,162,514,264,337,593,543,950,335".into(),
                        |m| format!("£{m}"),
                    ),
                ));
                (Decimal::ZERO, 0)
            }
        }
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

    /// The sessions of one person's `occurrences` (all of theirs, in
    /// the plan's order).
    fn person_sessions(&mut self, plan: &PersonPlan, occurrences: Vec<Occurrence<'_>>) {
        let person = &plan.person.id;
        let budget = plan.fund.as_ref().map(|fund| {
            let id = BudgetId::new(format!("flexi/{person}"));
            let cap = match fund.budget(person.as_str(), self.plan.period.weeks) {
                Ok(FundBudget::Minutes(cap) | FundBudget::Pence(cap)) => cap,
                Err(error) => {
                    self.errors.push(error);
                    0
                }
            };
            self.budgets.insert(id.clone(), cap);
            id
        });
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
                    plan.fund.as_ref().is_some_and(Fund::is_hours),
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
                // A clock end wins: the real time from start to end that day.
                let minutes = match activity.end {
                    Some(end) => local_window(self.zone, date, start, end)
                        .and_then(|w| u32::try_from(w.duration().num_minutes()).ok()),
                    None => Some(activity.minutes),
                };
                let Some((placement, local_start, local_end, range)) =
                    minutes.and_then(|minutes| self.placement(date, start, minutes, penalty))
                else {
                    continue;
                };
                let (money, pence) = match card {
                    Some(card) => self.priced(&id, card.charge(self.zone, &range, activity.charge)),
                    None => (Decimal::ZERO, 0),
                };
                let charge = if by_minutes {
                    placement.minutes()
                } else {
                    pence
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
            let weeks = self.plan.period.weeks;
            let cap = pence(weekly).and_then(|p| p.checked_mul(i64::from(weeks)));
            if cap.is_none() {
                self.errors.push(too_large(
                    format!(
                        "service \"{}\" core budget over {weeks} week(s)",
                        core.service.id
                    ),
                    format!("£{weekly} a week"),
                ));
            }
            self.budgets.insert(budget.clone(), cap.unwrap_or(0));
        }
        let has_budget = core.budget_per_week.is_some();
        let dates = self.dates.clone();
        for (date, shift) in core.shifts_on(&dates) {
            let id = SessionRef::core(core.service.id.clone(), shift.id.clone(), date).id();
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
            let (money, pence) = match (shift.kind.charge_kind(), core.rate_cards.in_force(date)) {
                (Some(kind), Some(card)) => self.priced(&id, card.charge(self.zone, &range, kind)),
                _ => (Decimal::ZERO, 0),
            };
            self.sessions.push(Session {
                id,
                placements: vec![Placement {
                    charge: pence,
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

    /// A placement on `date` starting at local `start` and lasting `minutes`
    /// of real time, with its local start and end and its range.
    fn placement(
        &self,
        date: NaiveDate,
        start: NaiveTime,
        minutes: u32,
        penalty: i64,
    ) -> Option<(
        Placement,
        DateTime<FixedOffset>,
        DateTime<FixedOffset>,
        TimeRange,
    )> {
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
            begin.with_timezone(&self.zone).fixed_offset(),
            end.with_timezone(&self.zone).fixed_offset(),
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
                    // Too large to count is an error of `compile`.
                    pay_per_hour: pence(worker.contract.hourly_pay).unwrap_or(0),
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

fn core_budget_id(core: &CorePlan) -> BudgetId {
    BudgetId::new(format!("core/{}", core.service.id))
}

/// How a skill is named among the solver's tags (`skill:medication`).
pub(crate) const SKILL_TAG: &str = "skill:";
/// How a characteristic is named among the solver's tags (`trait:female`).
pub(crate) const TRAIT_TAG: &str = "trait:";

fn skill_tag(skill: &str) -> Tag {
    Tag::new(format!("{SKILL_TAG}{skill}"))
}

fn trait_tag(name: &str) -> Tag {
    Tag::new(format!("{TRAIT_TAG}{name}"))
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
