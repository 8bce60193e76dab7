//! The rules of one worker's own sessions: eligibility, overlap and
//! travel, one session a day, rest, averages, young workers' hours, the
//! minutes limits, runs of days worked and off, weekends, successions and
//! requests.

use super::*;

impl Resolved<'_> {
    pub(super) fn eligibility(&self, worker: &Employee, items: &[Item<'_>], out: &mut Out) {
        for item in items {
            let (s, p, day) = (item.session, item.placement, item.day());
            let mut failed = Vec::new();
            let holds = |tag| {
                worker
                    .tags
                    .iter()
                    .any(|held| &held.tag == tag && held.valid_on(day))
            };
            if !s.requires.iter().all(holds) {
                failed.push(Constraint::MissingTag);
            }
            if s.refused.contains(&worker.id) {
                failed.push(Constraint::Refused);
            }
            if worker.days_off.contains(&day) {
                failed.push(Constraint::DayOff);
            }
            let overlaps = |i: &crate::solver::problem::Interval| {
                let (a, b) = (i128::from(i.start), i128::from(i.end));
                a < item.end && item.start < b && a < b
            };
            if worker.unavailable.iter().any(overlaps) {
                failed.push(Constraint::Unavailable);
            }
            if let Some(available) = &worker.available {
                let inside = |i: &crate::solver::problem::Interval| {
                    i128::from(i.start) <= item.start && item.end <= i128::from(i.end)
                };
                if !available.iter().any(inside) {
                    failed.push(Constraint::OutsideAvailability);
                }
            }
            if worker.young && p.young_restricted_minutes > 0 {
                failed.push(Constraint::YoungNight);
            }
            if let Some(night) = &self.problem.rules.night
                && let Some(max) = night.max_night_session_minutes
                && p.is_night(night.night_session_threshold)
                && item.minutes() > i128::from(max)
            {
                failed.push(Constraint::NightSessionLength);
            }
            for c in failed {
                out.push(self.at(violation(c, item.minutes()).of(worker), item.index));
            }
        }
    }

    pub(super) fn overlap_and_travel(&self, worker: &Employee, items: &[Item<'_>], out: &mut Out) {
        // Every pair: items are sorted by start, so once one starts at or
        // after `a` ends, so do all later ones.
        for (i, a) in items.iter().enumerate() {
            for b in items[i + 1..].iter().take_while(|b| b.start < a.end) {
                let minutes = a.end.min(b.end) - b.start;
                out.push(self.at(violation(Constraint::Overlap, minutes).of(worker), b.index));
            }
        }
        let travel = i128::from(self.problem.rules.travel_minutes);
        for pair in items.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let apart = match (&a.session.place, &b.session.place) {
                (Some(x), Some(y)) => x != y,
                _ => false,
            };
            if apart && b.start >= a.end {
                let shortfall = travel - (b.start - a.end);
                if shortfall > 0 {
                    out.push(self.at(violation(Constraint::Travel, shortfall).of(worker), b.index));
                }
            }
        }
    }

    pub(super) fn one_per_day(&self, worker: &Employee, items: &[Item<'_>], out: &mut Out) {
        if !self.problem.rules.one_session_per_day {
            return;
        }
        let mut seen = BTreeSet::new();
        for item in items {
            if !seen.insert(item.day()) {
                out.push(self.at(
                    violation(Constraint::OneSessionPerDay, 1).of(worker),
                    item.index,
                ));
            }
        }
    }

    pub(super) fn rest(&self, worker: &Employee, items: &[Item<'_>], out: &mut Out) {
        let rules = &self.problem.rules;
        if rules.daily_rest.is_none() && rules.weekly_rest.is_none() {
            return;
        }
        let mut busy: Vec<(i128, i128)> = items.iter().map(|i| (i.start, i.end)).collect();
        if let Some(last) = worker.history.last_end {
            busy.push((NEVER, i128::from(last)));
        }
        busy.sort_unstable();
        let mut reach = Vec::with_capacity(busy.len() + 1);
        reach.push(NEVER);
        for &(_, e) in &busy {
            let latest = reach.last().copied().unwrap_or(NEVER).max(e);
            reach.push(latest);
        }
        if let Some(daily) = &rules.daily_rest {
            let need = i128::from(if worker.young {
                daily.young_minutes
            } else {
                daily.minutes
            });
            for item in items {
                let free = longest_free(&busy, &reach, item.start, item.start + DAY_MINUTES);
                if need > free {
                    out.push(self.at(
                        violation(Constraint::DailyRest, need - free).of(worker),
                        item.index,
                    ));
                }
            }
            // The rest between the last shift before the horizon and the
            // first one in it: the window that ends where the first begins.
            if let (Some(_), Some(first)) = (worker.history.last_end, items.first()) {
                let free = longest_free(&busy, &reach, first.start - DAY_MINUTES, first.start);
                if need > free {
                    out.push(self.at(
                        violation(Constraint::DailyRest, need - free).of(worker),
                        first.index,
                    ));
                }
            }
        }
        if let Some(weekly) = &rules.weekly_rest {
            let need = i128::from(if worker.young {
                weekly.young_minutes
            } else {
                weekly.minutes
            });
            let period = weekly.period_days;
            let days = &self.problem.days;
            let blocks = days.len().checked_div(period).unwrap_or(0);
            for block in 0..blocks {
                let first = block * period;
                let (a, b) = (
                    i128::from(days[first].start),
                    i128::from(days[first + period - 1].end),
                );
                if b <= a {
                    continue; // a malformed block: nothing sensible to measure
                }
                let free = longest_free(&busy, &reach, a, b);
                if need > free {
                    out.push(
                        violation(Constraint::WeeklyRest, need - free)
                            .of(worker)
                            .on(first),
                    );
                }
            }
        }
    }

    pub(super) fn averages(&self, worker: &Employee, items: &[Item<'_>], out: &mut Out) {
        let rules = &self.problem.rules;
        let history = &worker.history;
        let worked: i128 = items
            .iter()
            .map(Item::minutes)
            .fold(0, i128::saturating_add);
        let total = worked.saturating_add(i128::from(history.minutes));
        let days = i128::from(history.days).saturating_add(self.horizon_days() as i128);
        if let Some(average) = &rules.average_week
            && !worker.opted_out
        {
            let limit = mul(i128::from(average.max_minutes), days) / 7;
            if total > limit {
                out.push(violation(Constraint::AverageWeek, total - limit).of(worker));
            }
        }
        if let Some(night) = &rules.night {
            let works_nights = items
                .iter()
                .any(|i| i.placement.is_night(night.night_session_threshold));
            let limit = mul(i128::from(night.max_average_minutes_per_day), days);
            if works_nights && total > limit {
                out.push(violation(Constraint::NightAverage, total - limit).of(worker));
            }
        }
    }

    pub(super) fn young_hours(&self, worker: &Employee, items: &[Item<'_>], out: &mut Out) {
        let Some(young) = &self.problem.rules.young else {
            return;
        };
        if !worker.young {
            return;
        }
        let mut per_day: BTreeMap<usize, i128> = BTreeMap::new();
        for item in items {
            *per_day.entry(item.day()).or_insert(0) += item.minutes();
        }
        let max_day = i128::from(young.max_minutes_per_day);
        for (&day, &m) in &per_day {
            if m > max_day {
                out.push(
                    violation(Constraint::YoungHours, m - max_day)
                        .of(worker)
                        .on(day),
                );
            }
        }
        let max_week = i128::from(young.max_minutes_per_week);
        for (week, m) in self.weekly_minutes(items).into_iter().enumerate() {
            if m > max_week {
                out.push(
                    violation(Constraint::YoungHours, m - max_week)
                        .of(worker)
                        .on(week * 7),
                );
            }
        }
    }

    /// Each rota week's minutes under [`Rules::week_count`](super::Rules::week_count): the sessions on
    /// the week's days, or the minutes of every session inside the week's
    /// span.
    pub(super) fn weekly_minutes(&self, items: &[Item<'_>]) -> Vec<i128> {
        let days = self.horizon_days();
        let mut weeks = vec![0i128; days.div_ceil(7)];
        match self.problem.rules.week_count {
            WeekCount::ByStart => {
                for item in items.iter().filter(|i| i.day() < days) {
                    weeks[item.day() / 7] = weeks[item.day() / 7].saturating_add(item.minutes());
                }
            }
            WeekCount::Clipped => {
                for (k, week) in weeks.iter_mut().enumerate() {
                    let Some((from, to)) = self.problem.week_span(k) else {
                        continue;
                    };
                    for item in items {
                        let inside =
                            item.end.min(i128::from(to)) - item.start.max(i128::from(from));
                        *week = week.saturating_add(inside.max(0));
                    }
                }
            }
        }
        weeks
    }

    pub(super) fn limits(&self, worker: &Employee, items: &[Item<'_>], out: &mut Out) {
        let limits = &worker.limits;
        for (kind, max) in &limits.max_per_kind {
            let n = items.iter().filter(|i| i.is_kind(kind)).count() as i128;
            if n > i128::from(*max) {
                out.push(violation(Constraint::MaxPerKind, n - i128::from(*max)).of(worker));
            }
        }
        let outside = |m: i128, min: Option<i64>, max: Option<i64>| {
            min.map_or(0, |min| (i128::from(min) - m).max(0))
                + max.map_or(0, |max| (m - i128::from(max)).max(0))
        };
        if limits.min_minutes_per_week.is_some() || limits.max_minutes_per_week.is_some() {
            for (week, m) in self.weekly_minutes(items).into_iter().enumerate() {
                let amount = outside(m, limits.min_minutes_per_week, limits.max_minutes_per_week);
                out.push(
                    violation(Constraint::WeeklyMinutes, amount)
                        .of(worker)
                        .on(week * 7),
                );
            }
        }
        let total = items
            .iter()
            .map(Item::minutes)
            .fold(0, i128::saturating_add);
        let amount = outside(total, limits.min_minutes_total, limits.max_minutes_total);
        out.push(violation(Constraint::TotalMinutes, amount).of(worker));
    }

    /// Whether the worker works on each day of the horizon.
    pub(super) fn worked_days(&self, items: &[Item<'_>]) -> Vec<bool> {
        let mut worked = vec![false; self.horizon_days()];
        for item in items {
            if let Some(d) = worked.get_mut(item.day()) {
                *d = true;
            }
        }
        worked
    }

    pub(super) fn runs(&self, worker: &Employee, items: &[Item<'_>], out: &mut Out) {
        let limits = &worker.limits;
        if limits.max_consecutive_days.is_none()
            && limits.min_consecutive_days.is_none()
            && limits.min_consecutive_days_off.is_none()
        {
            return;
        }
        let worked = self.worked_days(items);
        let before = i128::from(worker.history.consecutive_days_before);
        let boundary = self.problem.rules.boundary;
        let mut start = 0;
        while start < worked.len() {
            let work = worked[start];
            let len = worked[start..].iter().take_while(|&&d| d == work).count();
            let touches_first = start == 0;
            let touches_last = start + len == worked.len();
            let mut length = len as i128;
            if work {
                if touches_first {
                    length += before;
                }
                if let Some(max) = limits.max_consecutive_days {
                    let excess = length - i128::from(max);
                    if excess > 0 {
                        out.push(
                            violation(Constraint::MaxConsecutiveDays, excess)
                                .of(worker)
                                .on(start),
                        );
                    }
                }
                let exempt = match boundary {
                    Boundary::Continues => touches_first || touches_last,
                    Boundary::Off => false,
                };
                if let (Some(min), false) = (limits.min_consecutive_days, exempt) {
                    let shortfall = i128::from(min) - length;
                    if shortfall > 0 {
                        out.push(
                            violation(Constraint::MinConsecutiveDays, shortfall)
                                .of(worker)
                                .on(start),
                        );
                    }
                }
            } else {
                let exempt = match boundary {
                    Boundary::Continues => touches_first || touches_last,
                    Boundary::Off => touches_last || (touches_first && before == 0),
                };
                if let (Some(min), false) = (limits.min_consecutive_days_off, exempt) {
                    let shortfall = i128::from(min) - length;
                    if shortfall > 0 {
                        out.push(
                            violation(Constraint::MinConsecutiveDaysOff, shortfall)
                                .of(worker)
                                .on(start),
                        );
                    }
                }
            }
            start += len;
        }
    }

    /// Weekends worked beyond the worker's limit, the weekends being
    /// [`Problem::weekends`].
    pub(super) fn weekends(&self, worker: &Employee, items: &[Item<'_>], out: &mut Out) {
        let Some(max) = worker.limits.max_weekends else {
            return;
        };
        let worked = self.worked_days(items);
        let worked_weekends: Vec<usize> = self
            .problem
            .weekends()
            .into_iter()
            .filter(|weekend| weekend.iter().any(|&d| worked[d]))
            .map(|weekend| weekend[0])
            .collect();
        let max = max as usize;
        if worked_weekends.len() > max {
            let excess = (worked_weekends.len() - max) as i128;
            out.push(
                violation(Constraint::MaxWeekends, excess)
                    .of(worker)
                    .on(worked_weekends[max]),
            );
        }
    }

    pub(super) fn successions(&self, worker: &Employee, items: &[Item<'_>], out: &mut Out) {
        for (first, then) in &self.problem.rules.forbidden_successions {
            let days: BTreeSet<usize> = items
                .iter()
                .filter(|i| i.is_kind(first))
                .map(Item::day)
                .collect();
            for d in days {
                let Some(next) = d.checked_add(1) else {
                    continue;
                };
                if let Some(item) = items.iter().find(|i| i.day() == next && i.is_kind(then)) {
                    out.push(self.at(violation(Constraint::Succession, 1).of(worker), item.index));
                }
            }
        }
    }

    pub(super) fn requests(&self, worker: &Employee, items: &[Item<'_>], out: &mut Out) {
        let weight = i128::from(self.problem.weights.requests);
        for r in &worker.requests {
            let matched = items
                .iter()
                .find(|i| i.day() == r.day && r.kind.as_ref().is_none_or(|k| i.is_kind(k)));
            let amount = mul(i128::from(r.weight), weight);
            match (r.want, matched) {
                (Want::On, None) => {
                    out.push(violation(Constraint::Request, amount).of(worker).on(r.day));
                }
                (Want::Off, Some(item)) => {
                    out.push(self.at(
                        violation(Constraint::Request, amount).of(worker),
                        item.index,
                    ));
                }
                _ => {}
            }
        }
    }
}
