//! A bound that keeps continuity whole: the workers' weekly minutes relaxed
//! by multipliers, the rest solved person by person.
//!
//! The rounds of the parent module price each worker's row; where a
//! worker may work several sessions a day (a care rota) they price each
//! seat on its own, and continuity is left to its floor (`continuity.rs`),
//! which asks only how few workers could cover a person alone. What the
//! floor cannot see is that the workers a person would keep are wanted by
//! others too. This bound splits the other way.
//!
//! Where every session is required, every roster with no broken hard rule
//! and no unfilled seat gives each session its seats, each to a different
//! candidate free at one placement, and keeps every worker within their
//! weekly most (minutes in each rota week). Relax that weekly most with a
//! multiplier `μ ≥ 0` per worker and week, charged for each minute a seat
//! puts in that week, and drop every other rule that links seats (overlaps,
//! rest, budgets, minimum minutes, requests and fairness, never negative).
//! What is left splits into *groups*: a person's sessions with the series
//! among them, a series with no person, or one session on its own. Then
//!
//! ```text
//! L(μ) = Σ_groups least(group) − Σ_{w,week} μ_{w,week} · most_w + constants
//! ```
//!
//! is at most the soft level of every such roster, for every `μ ≥ 0`,
//! as long as each group's least is at most the cost any roster gives it.
//! A group's least is found over the sets `S` of workers it may use,
//! smallest first: each seat by its cheapest worker in `S` (its own soft
//! cost, the placement's penalty shared among the session's seats, and the
//! multipliers of its minutes, at the best placement for that worker), the
//! person's continuity `w_person · (|S| − 1)`, and for each series in the
//! group the lesser of its cost with one worker of `S` and its cost seat by
//! seat plus `w_series` (so never above what the series really costs). Each
//! of these only falls as `S` grows, so once `w_person · (k − 1)` plus the
//! group's cost with every worker reaches the best set found, no set of `k`
//! or more workers can be better, and the search stops; where it runs out
//! of tries first, that same sum for the smallest size not fully tried is
//! the group's least instead, still at most what any roster pays. The
//! multipliers rise by projected subgradient steps, as the rounds' prices
//! do (minutes the groups' cheapest choices put in a week less the most).

use super::continuity::week_cap;
use super::{INF, SCALE, Step, ceil_div};
use crate::solver::model::{Model, NONE};

/// The first step length (Polyak's factor).
const THETA: f64 = 1.0;

/// How far above the bound the steps aim, as a share of it.
const AIM: f64 = 0.05;

/// Most sets of workers one group's search may try in one round.
const TRIES: u64 = 40_000;

/// The search's units of work (`search.rs`) per seat priced or set of
/// workers tried: about two, measured on the generated care service (a
/// round of about 130 000 of them took about 7 ms).
const UNIT_WORK: u64 = 2;

/// One group: a person's sessions (with the series among them), a series
/// with no person, or a session on its own.
#[derive(Debug, Clone)]
struct Group {
    sessions: Vec<u32>,
    /// Per series inside the group: indices into `sessions`.
    series: Vec<Vec<usize>>,
    /// Indices into `sessions` not in any series counted here.
    loose: Vec<usize>,
    /// What each worker beyond the first costs the group (its continuity
    /// weight; 0 where no continuity term is counted).
    open: i64,
    /// What each worker beyond the first costs a series inside the group.
    inner: i64,
    /// Workers who may take some seat of the group.
    workers: Vec<u32>,
}

/// The bound's state.
#[derive(Debug, Clone)]
pub(crate) struct Groups<'m> {
    m: &'m Model,
    groups: Vec<Group>,
    /// Multipliers per worker and rota week (scaled, per minute); only for
    /// workers with a weekly most.
    mu: Vec<i64>,
    caps: Vec<Option<i64>>,
    /// Per (session, worker): the seat's least cost at the current
    /// multipliers (scaled), `INF` where the worker may not take it, and
    /// the placement giving it.
    cost: Vec<i64>,
    place: Vec<u32>,
    /// Minutes per worker and week in the last round's choices.
    used: Vec<i64>,
    konst: i64,
    /// Best bound on the soft level so far (unscaled).
    pub best: Option<i64>,
    step: Step,
    /// Work done (seat costs computed and sets tried).
    pub spent: u64,
    /// The last round's choices kept every weekly most with no multiplier
    /// to lower: the bound cannot rise further.
    converged: bool,
}

impl<'m> Groups<'m> {
    /// The bound for `m`, or `None` where it does not apply: a session that
    /// is not required (its head-count is free), or no continuity weight
    /// (the rounds and the floor already say as much).
    pub fn new(m: &'m Model) -> Option<Self> {
        if m.w_person <= 0 && m.w_series <= 0 {
            return None;
        }
        if m.sess.iter().any(|s| !s.required) {
            return None;
        }
        let groups = Self::groups(m);
        let nweeks = m.nweeks.max(1);
        Some(Groups {
            m,
            groups,
            mu: vec![0; m.nw * nweeks],
            caps: (0..m.nw).map(|w| week_cap(m, w)).collect(),
            cost: vec![INF; m.sess.len() * m.nw],
            place: vec![0; m.sess.len() * m.nw],
            used: vec![0; m.nw * nweeks],
            konst: m.stability_const * SCALE,
            best: None,
            step: Step::new(THETA),
            spent: 0,
            converged: false,
        })
    }

    /// The groups: sessions joined by a person or a series; a part with
    /// one person keeps its series inside whole (a series all of whose
    /// sessions are that person's), a part with no person and one series
    /// is that series; in any other part no continuity is counted.
    fn groups(m: &Model) -> Vec<Group> {
        let n = m.sess.len();
        let mut parent: Vec<usize> = (0..n).collect();
        fn find(parent: &mut [usize], mut x: usize) -> usize {
            while parent[x] != x {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            x
        }
        let mut first_person = vec![usize::MAX; m.npersons];
        let mut first_series = vec![usize::MAX; m.nseries];
        for (s, se) in m.sess.iter().enumerate() {
            for (key, firsts) in [
                (se.person, &mut first_person),
                (se.series, &mut first_series),
            ] {
                if key == NONE {
                    continue;
                }
                let f = &mut firsts[key as usize];
                if *f == usize::MAX {
                    *f = s;
                } else {
                    let (a, b) = (find(&mut parent, *f), find(&mut parent, s));
                    parent[a] = b;
                }
            }
        }
        let mut parts: Vec<Vec<u32>> = vec![Vec::new(); n];
        for s in 0..n {
            if m.sess[s].want > 0 {
                let r = find(&mut parent, s);
                parts[r].push(s as u32);
            }
        }
        parts
            .into_iter()
            .filter(|p| !p.is_empty())
            .map(|sessions| Self::group(m, sessions))
            .collect()
    }

    fn group(m: &Model, sessions: Vec<u32>) -> Group {
        let se = |i: usize| &m.sess[sessions[i] as usize];
        let mut persons: Vec<u32> = (0..sessions.len()).map(|i| se(i).person).collect();
        persons.sort_unstable();
        persons.dedup();
        let mut series: Vec<u32> = (0..sessions.len()).map(|i| se(i).series).collect();
        series.sort_unstable();
        series.dedup();
        series.retain(|&x| x != NONE);
        let one_person = persons.len() == 1 && persons[0] != NONE;
        let (open, inner) = if one_person {
            (m.w_person.max(0), m.w_series.max(0))
        } else if persons == [NONE] && series.len() == 1 {
            (m.w_series.max(0), 0)
        } else {
            (0, 0)
        };
        let mut inside: Vec<Vec<usize>> = Vec::new();
        let mut loose: Vec<usize> = Vec::new();
        if one_person && inner > 0 {
            for &x in &series {
                let members: Vec<usize> =
                    (0..sessions.len()).filter(|&i| se(i).series == x).collect();
                if members.len() > 1 {
                    inside.push(members);
                }
            }
        }
        for i in 0..sessions.len() {
            if !inside.iter().any(|g| g.contains(&i)) {
                loose.push(i);
            }
        }
        let mut workers: Vec<u32> = sessions
            .iter()
            .flat_map(|&s| {
                let s = &m.sess[s as usize];
                s.cands.iter().chain(&s.pins).copied()
            })
            .collect();
        workers.sort_unstable();
        workers.dedup();
        Group {
            sessions,
            series: inside,
            loose,
            open,
            inner,
            workers,
        }
    }

    /// Whether more rounds can still raise the bound.
    pub fn active(&self) -> bool {
        !self.converged
    }

    /// The step length has shrunk to its floor.
    pub fn stalled(&self) -> bool {
        self.step.stalled()
    }

    /// Each seat's least cost at the current multipliers.
    fn seat_costs(&mut self) {
        let m = self.m;
        let nweeks = m.nweeks.max(1);
        for (s, se) in m.sess.iter().enumerate() {
            let want = i64::from(se.want.max(1));
            for w in 0..m.nw {
                let i = s * m.nw + w;
                self.cost[i] = INF;
                let allowed =
                    se.cands.binary_search(&(w as u32)).is_ok() || se.pins.contains(&(w as u32));
                if !allowed {
                    continue;
                }
                for (p, pl) in se.pls.iter().enumerate() {
                    if m.st_hard[m.st(s, p, w)] != 0 {
                        continue;
                    }
                    let mut c = (pl.penalty * m.w_placement * SCALE).div_euclid(want)
                        + m.st_soft[m.st(s, p, w)] * SCALE;
                    if self.caps[w].is_some() {
                        for &(k, minutes) in &pl.weeks {
                            if k != NONE && (k as usize) < nweeks {
                                c += self.mu[w * nweeks + k as usize] * minutes;
                            }
                        }
                    }
                    if c < self.cost[i] {
                        self.cost[i] = c;
                        self.place[i] = p as u32;
                    }
                }
            }
            self.spent += UNIT_WORK * (m.nw * se.pls.len()) as u64;
        }
    }

    /// One round: every group's least at the current multipliers, the
    /// bound, then a step of the multipliers towards `upper` (the soft
    /// level of the best full roster, if any). Returns whether the bound
    /// rose.
    pub fn iterate(&mut self, upper: Option<i64>) -> bool {
        if self.converged {
            return false;
        }
        let m = self.m;
        let nweeks = m.nweeks.max(1);
        self.seat_costs();
        self.used.iter_mut().for_each(|u| *u = 0);
        let mut raw = self.konst;
        for g in 0..self.groups.len() {
            let (least, chosen) = self.least(g);
            if least >= INF {
                // No set of workers fills the group: no full roster.
                self.converged = true;
                return false;
            }
            raw += least;
            self.record(g, &chosen);
        }
        for w in 0..m.nw {
            if let Some(cap) = self.caps[w] {
                for k in 0..nweeks {
                    raw -= self.mu[w * nweeks + k] * cap;
                }
            }
        }
        let value = ceil_div(raw, SCALE);
        let rose = self.best.is_none_or(|b| value > b);
        if rose {
            self.best = Some(value);
        }
        self.step.note(raw);
        // Projected subgradient on the multipliers.
        let mut grad = vec![0i64; self.mu.len()];
        let mut norm = 0.0;
        for w in 0..m.nw {
            let Some(cap) = self.caps[w] else { continue };
            for k in 0..nweeks {
                let i = w * nweeks + k;
                let g = self.used[i] - cap;
                let g = if self.mu[i] == 0 { g.max(0) } else { g };
                grad[i] = g;
                norm += (g * g) as f64;
            }
        }
        if norm == 0.0 {
            self.converged = true;
            return rose;
        }
        let lv = raw as f64 / SCALE as f64;
        // Aim a little above the bound, never above the best roster: early
        // in a search that roster is far above, and steps aimed at it
        // overshoot.
        let near = lv + (lv.abs() * AIM).max(10.0);
        let target = match upper {
            Some(u) if (u as f64) > lv + 0.5 => near.min(u as f64),
            _ => near,
        };
        let step = self.step.length(target - lv, norm);
        for (mu, g) in self.mu.iter_mut().zip(&grad) {
            let next = *mu + (step * *g as f64 * SCALE as f64).round() as i64;
            *mu = next.clamp(0, 1 << 40);
        }
        rose
    }

    /// The minutes of group `g`'s cheapest choice from workers `chosen`
    /// into `used`.
    fn record(&mut self, g: usize, chosen: &[u32]) {
        let m = self.m;
        let nweeks = m.nweeks.max(1);
        let group = &self.groups[g];
        let take = |s: usize, w: usize, used: &mut Vec<i64>| {
            let pl = &m.sess[s].pls[self.place[s * m.nw + w] as usize];
            for &(k, minutes) in &pl.weeks {
                if k != NONE && (k as usize) < nweeks {
                    used[w * nweeks + k as usize] += minutes;
                }
            }
        };
        let mut used = std::mem::take(&mut self.used);
        for (i, &s) in group.sessions.iter().enumerate() {
            let s = s as usize;
            // A series held by one worker of the set when that is cheaper.
            let one = group
                .series
                .iter()
                .find(|x| x.contains(&i))
                .and_then(|x| self.one_worker(x, group, chosen));
            if let Some(w) = one {
                take(s, w as usize, &mut used);
                continue;
            }
            let mut seats: Vec<(i64, u32)> = chosen
                .iter()
                .map(|&w| (self.cost[s * m.nw + w as usize], w))
                .filter(|&(c, _)| c < INF)
                .collect();
            seats.sort_unstable();
            for &(_, w) in seats.iter().take(m.sess[s].want as usize) {
                take(s, w as usize, &mut used);
            }
        }
        self.used = used;
    }

    /// The worker of `chosen` who holds series `x` alone more cheaply than
    /// seat by seat plus the series' weight, if any.
    fn one_worker(&self, x: &[usize], group: &Group, chosen: &[u32]) -> Option<u32> {
        let m = self.m;
        let (mut alone, mut who) = (INF, None);
        for &w in chosen {
            let mut sum = 0i64;
            for &i in x {
                let s = group.sessions[i] as usize;
                let c = self.cost[s * m.nw + w as usize];
                if c >= INF || m.sess[s].want != 1 {
                    sum = INF;
                    break;
                }
                sum += c;
            }
            if sum < alone {
                (alone, who) = (sum, Some(w));
            }
        }
        let split: i64 = x
            .iter()
            .map(|&i| self.seats_from(group.sessions[i] as usize, chosen))
            .fold(0i64, |a, b| a.saturating_add(b))
            .saturating_add(group.inner * SCALE);
        who.filter(|_| alone <= split)
    }

    /// Session `s`'s seats from the cheapest distinct workers of `chosen`
    /// (`INF` when too few may take it).
    fn seats_from(&self, s: usize, chosen: &[u32]) -> i64 {
        let m = self.m;
        let want = m.sess[s].want as usize;
        let row = &self.cost[s * m.nw..(s + 1) * m.nw];
        if want == 1 {
            return chosen.iter().map(|&w| row[w as usize]).min().unwrap_or(INF);
        }
        // The `want` least, kept sorted in a small array where seats are
        // few (as they are), else in a vector.
        const FEW: usize = 8;
        if want <= FEW {
            let mut least = [INF; FEW];
            for &w in chosen {
                let c = row[w as usize];
                if c < least[want - 1] {
                    let mut at = want - 1;
                    while at > 0 && least[at - 1] > c {
                        least[at] = least[at - 1];
                        at -= 1;
                    }
                    least[at] = c;
                }
            }
            return if least[want - 1] >= INF {
                INF
            } else {
                least[..want].iter().sum()
            };
        }
        let mut all: Vec<i64> = chosen.iter().map(|&w| row[w as usize]).collect();
        all.sort_unstable();
        if all.len() < want || all[want - 1] >= INF {
            INF
        } else {
            all[..want].iter().sum()
        }
    }

    /// The group's cost with workers `chosen`, less its continuity among
    /// them (see the module's notes).
    fn cost_with(&self, g: usize, chosen: &[u32]) -> i64 {
        let group = &self.groups[g];
        let mut total = 0i64;
        for &i in &group.loose {
            total = total.saturating_add(self.seats_from(group.sessions[i] as usize, chosen));
        }
        for x in &group.series {
            let split = x
                .iter()
                .map(|&i| self.seats_from(group.sessions[i] as usize, chosen))
                .fold(0i64, |a, b| a.saturating_add(b));
            let m = self.m;
            let alone = chosen
                .iter()
                .map(|&w| {
                    x.iter().fold(0i64, |a, &i| {
                        let s = group.sessions[i] as usize;
                        let c = self.cost[s * m.nw + w as usize];
                        if c >= INF || m.sess[s].want != 1 {
                            INF
                        } else {
                            a.saturating_add(c)
                        }
                    })
                })
                .min()
                .unwrap_or(INF);
            total = total.saturating_add(alone.min(split.saturating_add(group.inner * SCALE)));
        }
        total.min(INF)
    }

    /// Group `g`'s least (scaled; `INF` when no set of its workers fills
    /// it) and the set giving it (empty when the least is the cut-off's).
    fn least(&mut self, g: usize) -> (i64, Vec<u32>) {
        let group = self.groups[g].workers.clone();
        let open = self.groups[g].open * SCALE;
        let all = self.cost_with(g, &group);
        self.spent += UNIT_WORK * group.len() as u64;
        if all >= INF {
            return (INF, Vec::new());
        }
        if open == 0 {
            return (all, group);
        }
        // Smallest sets first; the most useful workers first within a size.
        let mut order: Vec<(i64, u32)> = group
            .iter()
            .map(|&w| (self.cost_with(g, &[w]).min(INF), w))
            .collect();
        order.sort_unstable();
        let order: Vec<u32> = order.into_iter().map(|(_, w)| w).collect();
        let mut best = (INF, Vec::new());
        let mut tries = 0u64;
        let mut chosen: Vec<u32> = Vec::new();
        for k in 1..=order.len() {
            let floor = all.saturating_add(open * (k as i64 - 1));
            if floor >= best.0 {
                return best;
            }
            let before = tries;
            let done = self.sets_of(g, &order, k, 0, &mut chosen, &mut best, &mut tries);
            self.spent += UNIT_WORK * (tries - before);
            if !done {
                // Out of tries at size `k`: sizes below are settled, and no
                // set of `k` or more workers costs less than `floor`.
                return (best.0.min(floor), best.1);
            }
        }
        best
    }

    /// Tries every set of `k` workers of `order` from index `from` on,
    /// extending `chosen`; keeps the cheapest in `best`. Returns `false`
    /// when out of tries.
    #[allow(clippy::too_many_arguments)]
    fn sets_of(
        &self,
        g: usize,
        order: &[u32],
        k: usize,
        from: usize,
        chosen: &mut Vec<u32>,
        best: &mut (i64, Vec<u32>),
        tries: &mut u64,
    ) -> bool {
        if chosen.len() == k {
            *tries += 1;
            let open = self.groups[g].open * SCALE;
            let c = self
                .cost_with(g, chosen)
                .saturating_add(open * (k as i64 - 1));
            if c < best.0 {
                *best = (c, chosen.clone());
            }
            return *tries < TRIES;
        }
        for i in from..order.len() {
            if order.len() - i < k - chosen.len() {
                break;
            }
            chosen.push(order[i]);
            let ok = self.sets_of(g, order, k, i + 1, chosen, best, tries);
            chosen.pop();
            if !ok {
                return false;
            }
        }
        true
    }
}
