//! Input validation: every problem found in a [`Problem`], at once.

use std::collections::BTreeSet;

use super::error::ProblemError;
use super::problem::{Cover, Problem, WeekCount, Weights};

impl Problem {
    /// Checks the problem and reports every problem found: a horizon that is
    /// not whole weeks, days out of order, duplicate ids, placements outside
    /// their day, unknown workers, budgets or sessions in references, pins and
    /// the baseline, contradictory limits and impossible rule values.
    ///
    /// ```
    /// use perfect_week::solver::Problem;
    ///
    /// // No days: a horizon must be a whole number of weeks.
    /// let empty = Problem::new(vec![], vec![], vec![]);
    /// assert!(empty.validate().is_err());
    /// ```
    pub fn validate(&self) -> Result<(), Vec<ProblemError>> {
        let mut errs = Vec::new();
        let nd = self.days.len();
        if nd == 0 || !nd.is_multiple_of(7) {
            errs.push(ProblemError::Horizon { days: nd });
        }
        for (i, d) in self.days.iter().enumerate() {
            let bad_self = d.end <= d.start;
            let bad_prev = i > 0
                && (self.days[i - 1].end != d.start
                    || self.days[i - 1].date.succ_opt() != Some(d.date));
            if bad_self || bad_prev {
                errs.push(ProblemError::DayOrder { index: i });
            }
        }
        let mut seen = BTreeSet::new();
        for s in &self.sessions {
            if !seen.insert(&s.id) {
                errs.push(ProblemError::DuplicateSession(s.id.clone()));
            }
        }
        let mut seen = BTreeSet::new();
        for w in &self.workers {
            if !seen.insert(&w.id) {
                errs.push(ProblemError::DuplicateWorker(w.id.clone()));
            }
        }
        let workers: BTreeSet<_> = self.workers.iter().map(|w| &w.id).collect();
        let mut seen = BTreeSet::new();
        for b in &self.budgets {
            if !seen.insert(&b.id) {
                errs.push(ProblemError::DuplicateBudget(b.id.clone()));
            }
        }
        let budgets = seen;
        for s in &self.sessions {
            if s.placements.is_empty() {
                errs.push(ProblemError::NoPlacement(s.id.clone()));
            }
            for (i, p) in s.placements.iter().enumerate() {
                let ok = p.end > p.start
                    && self
                        .days
                        .get(p.day)
                        .is_some_and(|d| d.start <= p.start && p.start < d.end)
                    && p.charge >= 0
                    && (self.rules.week_count == WeekCount::ByStart
                        || self
                            .week_span(p.day / 7 + 1)
                            .is_none_or(|(_, next_end)| p.end <= next_end));
                if !ok {
                    errs.push(ProblemError::BadPlacement {
                        session: s.id.clone(),
                        index: i,
                    });
                }
            }
            if s.priority < 1 {
                errs.push(ProblemError::BadPriority(s.id.clone()));
            }
            if let Cover::Preferred {
                under_weight,
                over_weight,
                ..
            } = s.cover
                && (under_weight < 0 || over_weight < 0)
            {
                errs.push(ProblemError::BadRule("cover weight"));
            }
            let refs = s
                .refused
                .iter()
                .chain(&s.preferred)
                .chain(s.worker_penalties.iter().map(|(w, _)| w));
            for w in refs {
                if !workers.contains(w) {
                    errs.push(ProblemError::UnknownWorkerInSession {
                        session: s.id.clone(),
                        worker: w.clone(),
                    });
                }
            }
            if let Some(b) = &s.budget
                && !budgets.contains(b)
            {
                errs.push(ProblemError::UnknownBudget {
                    session: s.id.clone(),
                    budget: b.clone(),
                });
            }
        }
        for w in &self.workers {
            let days = w
                .days_off
                .iter()
                .copied()
                .chain(w.requests.iter().map(|r| r.day))
                .filter(|&d| d >= nd)
                .chain(
                    w.tags
                        .iter()
                        .flat_map(|t| t.from_day.into_iter().chain(t.until_day))
                        .filter(|&d| d > nd),
                );
            let mut bad: Vec<usize> = days.collect();
            bad.sort_unstable();
            bad.dedup();
            for day in bad {
                errs.push(ProblemError::DayOutOfRange {
                    worker: w.id.clone(),
                    day,
                });
            }
            let ivs = w.unavailable.iter().chain(w.available.iter().flatten());
            if ivs.clone().any(|i| i.end <= i.start) {
                errs.push(ProblemError::BadInterval(w.id.clone()));
            }
            let l = &w.limits;
            let neg = [
                l.min_minutes_per_week,
                l.max_minutes_per_week,
                l.min_minutes_total,
                l.max_minutes_total,
            ]
            .iter()
            .flatten()
            .any(|&x| x < 0)
                || w.pay_per_hour < 0
                || w.history.days < 0
                || w.history.minutes < 0
                || w.requests.iter().any(|r| r.weight < 0);
            let contra = matches!((l.min_minutes_per_week, l.max_minutes_per_week), (Some(a), Some(b)) if a > b)
                || matches!((l.min_minutes_total, l.max_minutes_total), (Some(a), Some(b)) if a > b)
                || matches!((l.min_consecutive_days, l.max_consecutive_days), (Some(a), Some(b)) if a > b);
            if neg || contra {
                errs.push(ProblemError::BadLimits(w.id.clone()));
            }
        }
        let sessions: BTreeSet<_> = self.sessions.iter().map(|s| &s.id).collect();
        let baseline = self.baseline.iter().flat_map(|b| &b.assignments);
        for a in self.pins.iter().chain(baseline) {
            if !sessions.contains(&a.session) {
                errs.push(ProblemError::UnknownSession(a.session.clone()));
            }
            if !workers.contains(&a.worker) {
                errs.push(ProblemError::UnknownWorker(a.worker.clone()));
            }
        }
        for c in self.baseline.iter().flat_map(|b| &b.placements) {
            match self.sessions.iter().find(|s| s.id == c.session) {
                None => errs.push(ProblemError::UnknownSession(c.session.clone())),
                Some(s) if c.index >= s.placements.len() => {
                    errs.push(ProblemError::UnknownPlacement {
                        session: c.session.clone(),
                        index: c.index,
                    })
                }
                Some(_) => {}
            }
        }
        let r = &self.rules;
        if r.travel_minutes < 0 {
            errs.push(ProblemError::BadRule("travel_minutes"));
        }
        if r.weekly_rest.is_some_and(|w| w.period_days == 0) {
            errs.push(ProblemError::BadRule("weekly_rest.period_days"));
        }
        let w = &self.weights;
        for (name, v) in w.named() {
            if v < 0 {
                errs.push(ProblemError::BadRule(name));
            }
        }
        for (session, weight) in &w.stability_by_session {
            if !sessions.contains(session) {
                errs.push(ProblemError::UnknownSession(session.clone()));
            }
            if *weight < 0 {
                errs.push(ProblemError::BadRule("stability_by_session"));
            }
        }
        if w.fairness.iter().any(|f| f.weight < 0) {
            errs.push(ProblemError::BadRule("fairness.weight"));
        }
        if errs.is_empty() { Ok(()) } else { Err(errs) }
    }
}

impl Weights {
    /// Each single weight with its name in JSON and in messages (the
    /// fairness terms and per-session stability weights are lists, checked
    /// apart).
    pub(crate) fn named(&self) -> [(&'static str, i64); 8] {
        [
            ("not_preferred", self.not_preferred),
            ("matching", self.matching),
            ("continuity_person", self.continuity_person),
            ("continuity_series", self.continuity_series),
            ("requests", self.requests),
            ("placement", self.placement),
            ("cost", self.cost),
            ("stability", self.stability),
        ]
    }
}
