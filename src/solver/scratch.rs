//! The score of a roster recomputed from scratch, straight from the
//! definitions in [`super::problem`], with a breakdown per constraint. Used for
//! the solution's breakdown and, in tests, to check the incremental score.
//! Deliberately simple (quadratic where that is clearer); never in the hot
//! loop.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Weekday};

use super::problem::{Boundary, Cover, Measure, Problem, Want};
use super::score::{Constraint, Score};

/// Scores `assign` (session index, worker index) with session placements
/// `place` on a validated problem. Returns the score and the nonzero totals per
/// constraint.
pub(crate) fn score(
    pr: &Problem,
    place: &[u32],
    assign: &[(u32, u32)],
) -> (Score, Vec<(Constraint, i64)>) {
    use Constraint as C;
    let mut br: BTreeMap<Constraint, i64> = BTreeMap::new();
    let mut add = |c: Constraint, v: i64| {
        if v != 0 {
            *br.entry(c).or_insert(0) += v;
        }
    };
    let nd = pr.days.len();
    let nw = pr.workers.len();
    let pl = |s: usize| &pr.sessions[s].placements[place[s] as usize];
    let pos = |x: i64| x.max(0);
    let night_thr = pr.rules.night.map(|n| n.night_session_threshold);

    // Per worker schedules.
    let mut sched: Vec<Vec<usize>> = vec![Vec::new(); nw];
    let mut per_session: Vec<Vec<usize>> = vec![Vec::new(); pr.sessions.len()];
    for &(s, w) in assign {
        sched[w as usize].push(s as usize);
        per_session[s as usize].push(w as usize);
    }
    for l in &mut sched {
        l.sort_by_key(|&s| (pl(s).start, pl(s).end, s));
    }

    // Per assignment: eligibility and per-seat soft terms.
    for &(s, w) in assign {
        let (s, w) = (s as usize, w as usize);
        let se = &pr.sessions[s];
        let wk = &pr.workers[w];
        let p = pl(s);
        let dur = p.minutes();
        if !se
            .requires
            .iter()
            .all(|t| wk.tags.iter().any(|h| &h.tag == t && h.valid_on(p.day)))
        {
            add(C::MissingTag, dur);
        }
        if se.refused.contains(&wk.id) {
            add(C::Refused, dur);
        }
        if wk.days_off.contains(&p.day) {
            add(C::DayOff, dur);
        }
        if wk
            .unavailable
            .iter()
            .any(|i| i.start < p.end && p.start < i.end)
        {
            add(C::Unavailable, dur);
        }
        if let Some(av) = &wk.available
            && !av.iter().any(|i| i.start <= p.start && p.end <= i.end)
        {
            add(C::OutsideAvailability, dur);
        }
        if wk.young && p.young_restricted_minutes > 0 {
            add(C::YoungNight, dur);
        }
        if let Some(n) = pr.rules.night
            && let Some(max) = n.max_night_session_minutes
            && p.night_minutes >= n.night_session_threshold
            && dur > max
        {
            add(C::NightSessionLength, dur);
        }
        if !se.preferred.is_empty() && !se.preferred.contains(&wk.id) {
            add(C::NotPreferred, dur * pr.weights.not_preferred);
        }
        for (pw, pen) in &se.worker_penalties {
            if pw == &wk.id {
                add(C::Matching, pen * pr.weights.matching);
            }
        }
        add(C::Cost, (dur * wk.pay_per_hour + 30) / 60 * pr.weights.cost);
    }

    // Per worker rules.
    let weekend_of: Vec<Option<usize>> = {
        let mut v = vec![None; nd];
        let mut n = 0;
        for (i, d) in pr.days.iter().enumerate() {
            match d.date.weekday() {
                Weekday::Sat => {
                    v[i] = Some(n);
                    n += 1;
                }
                Weekday::Sun => {
                    if i > 0 && v[i - 1].is_some() {
                        v[i] = v[i - 1];
                    } else {
                        v[i] = Some(n);
                        n += 1;
                    }
                }
                _ => {}
            }
        }
        v
    };
    let mut fair_x: Vec<Vec<i64>> = vec![vec![0; nw]; pr.weights.fairness.len()];
    for (w, list) in sched.iter().enumerate() {
        let wk = &pr.workers[w];
        let h = wk.history;
        let cover = |a: i64, b: i64| -> i64 {
            // Longest stretch of [a, b) not covered by sessions nor history.
            let mut iv: Vec<(i64, i64)> = list
                .iter()
                .map(|&s| (pl(s).start, pl(s).end))
                .filter(|&(x, y)| y > a && x < b)
                .map(|(x, y)| (x.max(a), y.min(b)))
                .collect();
            if let Some(le) = h.last_end
                && le > a
            {
                iv.push((a, le.min(b)));
            }
            iv.sort_unstable();
            let mut cur = a;
            let mut best = 0;
            for (x, y) in iv {
                if x > cur {
                    best = best.max(x - cur);
                }
                cur = cur.max(y);
            }
            best.max(b - cur.min(b))
        };
        // Overlap.
        for i in 0..list.len() {
            for j in i + 1..list.len() {
                let (a, b) = (pl(list[i]), pl(list[j]));
                add(C::Overlap, pos(a.end.min(b.end) - a.start.max(b.start)));
            }
        }
        // Travel.
        for win in list.windows(2) {
            let (s, t) = (win[0], win[1]);
            let (a, b) = (pl(s), pl(t));
            let overlaps = a.start < b.end && b.start < a.end;
            if let (Some(x), Some(y)) = (&pr.sessions[s].place, &pr.sessions[t].place)
                && !overlaps
                && x != y
            {
                add(C::Travel, pos(pr.rules.travel_minutes - (b.start - a.end)));
            }
        }
        let mut per_day: Vec<Vec<usize>> = vec![Vec::new(); nd];
        for &s in list {
            per_day[pl(s).day].push(s);
        }
        if pr.rules.one_session_per_day {
            for d in &per_day {
                add(C::OneSessionPerDay, (d.len() as i64 - 1).max(0));
            }
        }
        if let Some(r) = pr.rules.daily_rest {
            let req = if wk.young { r.young_minutes } else { r.minutes };
            for &s in list {
                let a = pl(s).start;
                add(C::DailyRest, pos(req - cover(a, a + 1440)));
            }
            if h.last_end.is_some()
                && let Some(f) = list.iter().map(|&s| pl(s).start).min()
            {
                add(C::DailyRest, pos(req - cover(f - 1440, f)));
            }
        }
        if let Some(r) = pr.rules.weekly_rest {
            let req = if wk.young { r.young_minutes } else { r.minutes };
            let period = r.period_days.max(1);
            for b in 0..nd / period {
                let (a, e) = (
                    pr.days[b * period].start,
                    pr.days[b * period + period - 1].end,
                );
                add(C::WeeklyRest, pos(req - cover(a, e)));
            }
        }
        let total: i64 = list.iter().map(|&s| pl(s).minutes()).sum();
        if let Some(a) = pr.rules.average_week
            && !wk.opted_out
        {
            let limit = a.max_minutes * (h.days + nd as i64) / 7;
            add(C::AverageWeek, pos(h.minutes + total - limit));
        }
        if let Some(n) = pr.rules.night
            && list
                .iter()
                .any(|&s| pl(s).night_minutes >= n.night_session_threshold)
        {
            add(
                C::NightAverage,
                pos(h.minutes + total - n.max_average_minutes_per_day * (h.days + nd as i64)),
            );
        }
        let day_minutes: Vec<i64> = per_day
            .iter()
            .map(|l| l.iter().map(|&s| pl(s).minutes()).sum())
            .collect();
        let week_minutes: Vec<i64> = (0..nd / 7)
            .map(|k| day_minutes[7 * k..7 * k + 7].iter().sum())
            .collect();
        if wk.young
            && let Some(y) = pr.rules.young
        {
            for &m in &day_minutes {
                add(C::YoungHours, pos(m - y.max_minutes_per_day));
            }
            for &m in &week_minutes {
                add(C::YoungHours, pos(m - y.max_minutes_per_week));
            }
        }
        let l = &wk.limits;
        for (k, max) in &l.max_per_kind {
            let n = list
                .iter()
                .filter(|&&s| pr.sessions[s].kind.as_ref() == Some(k))
                .count() as i64;
            add(C::MaxPerKind, pos(n - *max as i64));
        }
        for &m in &week_minutes {
            if let Some(min) = l.min_minutes_per_week {
                add(C::WeeklyMinutes, pos(min - m));
            }
            if let Some(max) = l.max_minutes_per_week {
                add(C::WeeklyMinutes, pos(m - max));
            }
        }
        if let Some(min) = l.min_minutes_total {
            add(C::TotalMinutes, pos(min - total));
        }
        if let Some(max) = l.max_minutes_total {
            add(C::TotalMinutes, pos(total - max));
        }
        // Runs.
        let worked: Vec<bool> = per_day.iter().map(|l| !l.is_empty()).collect();
        let mut i = 0;
        while i < nd {
            let mut j = i;
            while j + 1 < nd && worked[j + 1] == worked[i] {
                j += 1;
            }
            let len = (j - i + 1) as i64;
            let touches = i == 0 || j == nd - 1;
            if worked[i] {
                let len = if i == 0 {
                    len + h.consecutive_days_before as i64
                } else {
                    len
                };
                if let Some(max) = l.max_consecutive_days {
                    add(C::MaxConsecutiveDays, pos(len - max as i64));
                }
                let exempt = pr.rules.boundary == Boundary::Continues && touches;
                if let Some(min) = l.min_consecutive_days
                    && !exempt
                {
                    add(C::MinConsecutiveDays, pos(min as i64 - len));
                }
            } else {
                let exempt = match pr.rules.boundary {
                    Boundary::Continues => touches,
                    Boundary::Off => j == nd - 1 || (i == 0 && h.consecutive_days_before == 0),
                };
                if let Some(min) = l.min_consecutive_days_off
                    && !exempt
                {
                    add(C::MinConsecutiveDaysOff, pos(min as i64 - len));
                }
            }
            i = j + 1;
        }
        let weekends: BTreeSet<usize> = (0..nd)
            .filter(|&d| worked[d])
            .filter_map(|d| weekend_of[d])
            .collect();
        if let Some(max) = l.max_weekends {
            add(C::MaxWeekends, pos(weekends.len() as i64 - max as i64));
        }
        for (a, b) in &pr.rules.forbidden_successions {
            for d in 0..nd.saturating_sub(1) {
                let has = |d: usize, k| {
                    per_day[d]
                        .iter()
                        .any(|&s| pr.sessions[s].kind.as_ref() == Some(k))
                };
                if has(d, a) && has(d + 1, b) {
                    add(C::Succession, 1);
                }
            }
        }
        for r in &wk.requests {
            let matched = per_day.get(r.day).is_some_and(|l| {
                l.iter()
                    .any(|&s| r.kind.is_none() || pr.sessions[s].kind == r.kind)
            });
            if matched != (r.want == Want::On) {
                add(C::Request, r.weight * pr.weights.requests);
            }
        }
        for (fi, f) in pr.weights.fairness.iter().enumerate() {
            fair_x[fi][w] = match &f.measure {
                Measure::Nights => {
                    let t = night_thr.unwrap_or(180);
                    list.iter().filter(|&&s| pl(s).night_minutes >= t).count() as i64
                }
                Measure::WeekendDays => (0..nd)
                    .filter(|&d| worked[d] && pr.days[d].is_weekend())
                    .count() as i64,
                Measure::Hours => total / 60,
                Measure::Kind(k) => list
                    .iter()
                    .filter(|&&s| pr.sessions[s].kind.as_ref() == Some(k))
                    .count() as i64,
            };
        }
    }
    for (fi, f) in pr.weights.fairness.iter().enumerate() {
        let n = nw as i64;
        if n > 0 {
            let s1: i64 = fair_x[fi].iter().sum();
            let s2: i64 = fair_x[fi].iter().map(|x| x * x).sum();
            add(C::Fairness, f.weight * (s2 - s1 * s1 / n));
        }
    }

    // Sessions: cover, placement, budgets.
    let mut charged = vec![0i64; pr.budgets.len()];
    for (s, se) in pr.sessions.iter().enumerate() {
        let ws = &per_session[s];
        let n = ws.len() as i64;
        let p = pl(s);
        match se.cover {
            Cover::Required { workers } => {
                let distinct: BTreeSet<usize> = ws.iter().copied().collect();
                add(
                    C::Unfilled,
                    pos(workers as i64 - distinct.len() as i64) * p.minutes() * se.priority,
                );
                add(
                    C::OverCover,
                    pos(distinct.len() as i64 - workers as i64) + (n - distinct.len() as i64),
                );
            }
            Cover::Preferred {
                wanted,
                under_weight,
                over_weight,
            } => {
                add(
                    C::Cover,
                    under_weight * pos(wanted as i64 - n) + over_weight * pos(n - wanted as i64),
                );
            }
        }
        if n > 0 {
            add(C::Placement, p.penalty * pr.weights.placement);
        }
        if let Some(b) = &se.budget
            && let Some(i) = pr.budgets.iter().position(|x| &x.id == b)
        {
            charged[i] += p.charge * n;
        }
    }
    for (i, b) in pr.budgets.iter().enumerate() {
        add(C::Budget, pos(charged[i] - b.cap));
    }
    // Continuity.
    let mut by_person: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    let mut by_series: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    for &(s, w) in assign {
        let se = &pr.sessions[s as usize];
        if let Some(p) = &se.person {
            by_person.entry(p.as_str()).or_default().insert(w as usize);
        }
        if let Some(p) = &se.series {
            by_series.entry(p.as_str()).or_default().insert(w as usize);
        }
    }
    for set in by_person.values() {
        add(
            C::ContinuityPerson,
            pr.weights.continuity_person * (set.len() as i64 - 1).max(0),
        );
    }
    for set in by_series.values() {
        add(
            C::ContinuitySeries,
            pr.weights.continuity_series * (set.len() as i64 - 1).max(0),
        );
    }
    // Pins.
    let have: BTreeSet<(&str, &str)> = assign
        .iter()
        .map(|&(s, w)| {
            (
                pr.sessions[s as usize].id.as_str(),
                pr.workers[w as usize].id.as_str(),
            )
        })
        .collect();
    let pins: BTreeSet<(&str, &str)> = pr
        .pins
        .iter()
        .map(|a| (a.session.as_str(), a.worker.as_str()))
        .collect();
    for p in &pins {
        if !have.contains(p) {
            add(C::Pin, 1);
        }
    }
    // Stability.
    if let Some(b) = &pr.baseline {
        let ws = pr.weights.stability;
        let idx: BTreeMap<&str, usize> = pr
            .sessions
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        let bplace = |s: usize| {
            b.placements
                .iter()
                .rev()
                .find(|c| c.session == pr.sessions[s].id)
                .map_or(0, |c| c.index)
        };
        let base: BTreeSet<(&str, &str)> = b
            .assignments
            .iter()
            .filter(|a| {
                idx.contains_key(a.session.as_str()) && pr.workers.iter().any(|w| w.id == a.worker)
            })
            .map(|a| (a.session.as_str(), a.worker.as_str()))
            .collect();
        for &(s, w) in &base {
            if !have.contains(&(s, w))
                && let Some(&si) = idx.get(s)
            {
                add(
                    C::Stability,
                    pr.sessions[si].placements[bplace(si)].minutes() * ws,
                );
            }
        }
        for &(s, w) in assign {
            let key = (
                pr.sessions[s as usize].id.as_str(),
                pr.workers[w as usize].id.as_str(),
            );
            if !base.contains(&key) {
                add(C::Stability, pl(s as usize).minutes() * ws);
            }
        }
    }

    let mut sc = Score::ZERO;
    let breakdown: Vec<(Constraint, i64)> = br.into_iter().filter(|&(_, v)| v != 0).collect();
    for &(c, v) in &breakdown {
        sc.add(c.level(), v);
    }
    (sc, breakdown)
}
