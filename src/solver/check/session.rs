//! The terms of sessions and of the roster as a whole: cover, placement
//! and per-seat costs, budgets, continuity, fairness, pins and stability.

use super::*;

impl Resolved<'_> {
    /// Per session: over cover, unfilled, preferred cover, placement and
    /// the per-seat soft terms.
    pub(super) fn check_sessions(&self, out: &mut Out) {
        let weights = &self.problem.weights;
        for (s, session) in self.problem.sessions.iter().enumerate() {
            let seats = &self.seats[s];
            let filled = seats.len() as i128;
            let minutes = self.minutes(s);
            for &(w, times) in seats {
                if times > 1 {
                    let v = violation(Constraint::OverCover, times as i128 - 1)
                        .of(&self.problem.workers[w]);
                    out.push(self.at(v, s));
                }
            }
            match session.cover {
                Cover::Required { workers } => {
                    let seats_wanted = i128::from(workers);
                    if filled > seats_wanted {
                        out.push(
                            self.at(violation(Constraint::OverCover, filled - seats_wanted), s),
                        );
                    }
                    let missing = (seats_wanted - filled).max(0);
                    let amount = mul(mul(missing, minutes), i128::from(session.priority));
                    out.push(self.at(violation(Constraint::Unfilled, amount), s));
                }
                Cover::Preferred {
                    wanted,
                    under_weight,
                    over_weight,
                } => {
                    let wanted = i128::from(wanted);
                    let amount = mul(i128::from(under_weight), (wanted - filled).max(0))
                        .saturating_add(mul(i128::from(over_weight), (filled - wanted).max(0)));
                    out.push(self.at(violation(Constraint::Cover, amount), s));
                }
            }
            if let (Some(p), true) = (self.placement[s], filled > 0) {
                let amount = mul(i128::from(p.penalty), i128::from(weights.placement));
                out.push(self.at(violation(Constraint::Placement, amount), s));
            }
            for &(w, _) in seats {
                let worker = &self.problem.workers[w];
                if !session.preferred.is_empty() && !session.preferred.contains(&worker.id) {
                    let amount = mul(minutes, i128::from(weights.not_preferred));
                    out.push(self.at(violation(Constraint::NotPreferred, amount).of(worker), s));
                }
                let penalty = session
                    .worker_penalties
                    .iter()
                    .filter(|(id, _)| id == &worker.id)
                    .fold(0i128, |t, &(_, p)| t.saturating_add(i128::from(p)));
                let amount = mul(penalty, i128::from(weights.matching));
                out.push(self.at(violation(Constraint::Matching, amount).of(worker), s));
                let pay = mul(minutes, i128::from(worker.pay_per_hour)).saturating_add(30) / 60;
                let amount = mul(pay, i128::from(weights.cost));
                out.push(self.at(violation(Constraint::Cost, amount).of(worker), s));
            }
        }
    }

    pub(super) fn check_budgets(&self, out: &mut Out) {
        let mut charged: HashMap<&BudgetId, i128> = HashMap::new();
        for (s, session) in self.problem.sessions.iter().enumerate() {
            if let (Some(budget), Some(p)) = (&session.budget, self.placement[s]) {
                let charge = mul(i128::from(p.charge), self.seats[s].len() as i128);
                let total = charged.entry(budget).or_insert(0);
                *total = total.saturating_add(charge);
            }
        }
        for budget in &self.problem.budgets {
            let total = charged.get(&budget.id).copied().unwrap_or(0);
            let over = total - i128::from(budget.cap);
            if over > 0 {
                out.push(violation(Constraint::Budget, over));
            }
        }
    }

    pub(super) fn check_continuity(&self, out: &mut Out) {
        let weights = &self.problem.weights;
        let mut people: BTreeMap<&PersonId, BTreeSet<usize>> = BTreeMap::new();
        let mut series: BTreeMap<&SeriesId, (usize, BTreeSet<usize>)> = BTreeMap::new();
        for (s, session) in self.problem.sessions.iter().enumerate() {
            let workers = self.seats[s].iter().map(|&(w, _)| w);
            if let Some(person) = &session.person {
                people.entry(person).or_default().extend(workers.clone());
            }
            if let Some(id) = &session.series {
                series
                    .entry(id)
                    .or_insert((s, BTreeSet::new()))
                    .1
                    .extend(workers);
            }
        }
        for (person, workers) in people {
            let extra = (workers.len() as i128 - 1).max(0);
            let mut v = violation(
                Constraint::ContinuityPerson,
                mul(extra, i128::from(weights.continuity_person)),
            );
            v.person = Some(person.clone());
            out.push(v);
        }
        for (first, workers) in series.into_values() {
            let extra = (workers.len() as i128 - 1).max(0);
            let v = violation(
                Constraint::ContinuitySeries,
                mul(extra, i128::from(weights.continuity_series)),
            );
            let mut v = self.at(v, first);
            v.day = None;
            out.push(v);
        }
    }

    pub(super) fn check_fairness(&self, out: &mut Out) {
        let problem = &self.problem;
        let n = problem.workers.len() as i128;
        if n == 0 {
            return;
        }
        let threshold = problem.rules.night_session_threshold();
        for rule in &problem.weights.fairness {
            let (mut sum, mut squares) = (0i128, 0i128);
            for w in 0..problem.workers.len() {
                let items = self.items(w);
                let x = match &rule.measure {
                    Measure::Nights => items
                        .iter()
                        .filter(|i| i.placement.is_night(threshold))
                        .count() as i128,
                    Measure::WeekendDays => self
                        .worked_days(&items)
                        .iter()
                        .zip(&problem.days)
                        .filter(|(worked, day)| **worked && day.is_weekend())
                        .count() as i128,
                    Measure::Hours => {
                        items
                            .iter()
                            .map(Item::minutes)
                            .fold(0, i128::saturating_add)
                            / 60
                    }
                    Measure::Kind(kind) => items.iter().filter(|i| i.is_kind(kind)).count() as i128,
                };
                sum = sum.saturating_add(x);
                squares = squares.saturating_add(mul(x, x));
            }
            let spread = squares - mul(sum, sum) / n;
            out.push(violation(
                Constraint::Fairness,
                mul(i128::from(rule.weight), spread),
            ));
        }
    }

    pub(super) fn check_pins(&self, out: &mut Out) {
        for pin in &self.problem.pins {
            let s = self.session_index.get(&pin.session).copied();
            let w = self.worker_index.get(&pin.worker).copied();
            let present = matches!((s, w), (Some(s), Some(w)) if self.assigned.contains(&(s, w)));
            if !present {
                let mut v = violation(Constraint::Pin, 1);
                if let Some(s) = s {
                    v = self.at(v, s);
                }
                v.worker = Some(pin.worker.clone());
                v.session = Some(pin.session.clone());
                out.push(v);
            }
        }
    }

    pub(super) fn check_stability(&self, out: &mut Out) {
        let Some(baseline) = &self.problem.baseline else {
            return;
        };
        let sessions = &self.problem.sessions;
        let weights = self.problem.weights.stability_of(sessions);
        let weight = |s: usize| i128::from(weights[s]);
        let mut choice: HashMap<usize, usize> = HashMap::new();
        for c in &baseline.placements {
            if let Some(&s) = self.session_index.get(&c.session)
                && c.index < sessions[s].placements.len()
            {
                choice.entry(s).or_insert(c.index);
            }
        }
        let before: BTreeSet<(usize, usize)> = baseline
            .assignments
            .iter()
            .filter_map(|a| {
                Some((
                    *self.session_index.get(&a.session)?,
                    *self.worker_index.get(&a.worker)?,
                ))
            })
            .collect();
        for &(s, w) in before.difference(&self.assigned) {
            let p = sessions[s]
                .placements
                .get(choice.get(&s).copied().unwrap_or(0));
            let mut v = self.at(
                violation(Constraint::Stability, mul(duration(p), weight(s))),
                s,
            );
            v.day = p.map(|p| p.day);
            out.push(v.of(&self.problem.workers[w]));
        }
        for &(s, w) in self.assigned.difference(&before) {
            let v = violation(Constraint::Stability, mul(self.minutes(s), weight(s)));
            out.push(self.at(v, s).of(&self.problem.workers[w]));
        }
    }
}
