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
//! candidate free at one placement, keeps every worker within their weekly
//! least and most (minutes in each rota week), and never has a worker on
//! two seats at once (two seats overlap exactly when the later one's start
//! lies in both: the *points* are the placements' starts). Relax those
//! three rules with multipliers (`μ ≥ 0` per worker and week for the most,
//! `μ' ≥ 0` for the least, `ν ≥ 0` per worker and point), charged or paid
//! for each seat's minutes and points, and drop every other rule that links
//! seats (rest, budgets, requests and fairness, never negative). What is
//! left splits into *groups*: a person's sessions with the series among
//! them, a series with no person, or one session on its own. Then
//!
//! ```text
//! L = Σ_groups least(group) − Σ μ·most + Σ μ'·least − Σ ν + constants
//! ```
//!
//! is at most the soft level of every such roster, whatever the
//! multipliers, as long as each group's least is at most the cost any
//! roster gives it. A group's least is found over the sets `S` of workers
//! it may use, smallest first from the continuity floor's fewest
//! (`continuity.rs`: no smaller set can cover the group's seats within
//! their weekly minutes in any roster): each seat by its cheapest worker
//! in `S` (its own soft cost, the placement's penalty shared among the
//! session's seats, and the multipliers, at the best placement for that
//! worker), the person's continuity `w_person · (|S| − 1)`, and for each
//! series in the group the lesser of its cost with one worker of `S` (where
//! its floor allows one) and its cost seat by seat plus `w_series · (f − 1)`
//! for its floor `f`, at least two (so never above what the series really
//! costs). Each
//! of these only falls as `S` grows, so once `w_person · (k − 1)` plus the
//! group's cost with every worker reaches the best set found, no set of `k`
//! or more workers can be better, and the search stops; where it runs out
//! of tries first, that same sum for the smallest size not fully tried is
//! the group's least instead, still at most what any roster pays.
//!
//! The multipliers move by projected subgradient steps, each its own
//! (AdaGrad: a step shrinking with the squares of that multiplier's
//! subgradients so far), since the rules' units differ a thousandfold.

use super::continuity::{Floor, week_cap};
use super::{INF, SCALE, Step, ceil_div};
use crate::solver::model::{Model, NONE};

/// Each multiplier's first step, per unit of its constraint (a minute, or
/// a seat at a point in `OVERLAP` units), in units of score: about a
/// twentieth of a minute's not-preferred cost. Measured on the generated
/// care service: 0.02, 0.05, 0.1 and 0.2 gave 13 027, 13 205, 13 050 and
/// 12 537 after 200 rounds (11 670 by one Polyak step for all).
const RATE: f64 = 0.05;

/// The weight of the overlap rule's subgradient against the weekly
/// minutes' (a seat too many at a point counts as an hour too many).
const OVERLAP: i64 = 60;

/// Most sets of workers one group's search may try in one round.
const TRIES: u64 = 40_000;

/// The search's units of work (`search.rs`) per seat priced or set of
/// workers tried: about two, measured on the generated care service (a
/// round of about 130 000 of them took about 7 ms).
const UNIT_WORK: u64 = 2;

/// The search of one group's sets of workers.
struct Hunt {
    /// The cheapest set so far, and its cost.
    best: (i64, Vec<u32>),
    /// Sets tried.
    tries: u64,
}

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
    /// The fewest workers who can cover the group (where `open` counts),
    /// from the continuity floor: no smaller set fills it in any roster.
    fewest: usize,
    /// Per series inside the group (as `series`), the fewest workers who
    /// can cover it.
    series_fewest: Vec<usize>,
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
    /// Per multiplier (`mu`, `nu`, `mu_min` in that order), the sum of the
    /// squares of its subgradients so far.
    squares: Vec<f64>,
    /// Multipliers of each worker's weekly least, per worker and week
    /// (scaled, per minute: a seat's minutes earn them).
    mu_min: Vec<i64>,
    /// Every placement's start, sorted, distinct: two seats overlap if and
    /// only if one of these lies in both.
    points: Vec<i64>,
    /// Per session, per placement: the points it covers (`lo..hi`).
    covers: Vec<Vec<(u32, u32)>>,
    /// Multipliers of "a worker is on at most one seat at each point"
    /// (scaled, per `OVERLAP` units), per worker and point.
    nu: Vec<i64>,
    /// Their prefix sums per worker (`npoints + 1` each).
    nu_sum: Vec<i64>,
    /// Seats per worker and point in the last round's choices.
    on: Vec<i64>,
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
    /// Tracks rounds without a higher value, for `stalled`.
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
    pub fn new(m: &'m Model, floor: &Floor) -> Option<Self> {
        if m.w_person <= 0 && m.w_series <= 0 {
            return None;
        }
        if m.sess.iter().any(|s| !s.required) {
            return None;
        }
        let groups = Self::groups(m, floor);
        let nweeks = m.nweeks.max(1);
        let mut points: Vec<i64> = m
            .sess
            .iter()
            .flat_map(|s| s.pls.iter().map(|p| p.start))
            .collect();
        points.sort_unstable();
        points.dedup();
        let covers = m
            .sess
            .iter()
            .map(|s| {
                s.pls
                    .iter()
                    .map(|p| {
                        let lo = points.partition_point(|&t| t < p.start);
                        let hi = points.partition_point(|&t| t < p.end);
                        (lo as u32, hi.max(lo) as u32)
                    })
                    .collect()
            })
            .collect();
        let np = points.len();
        let nweeks_all = m.nw * nweeks;
        Some(Groups {
            squares: vec![0.0; 2 * nweeks_all + m.nw * np],
            m,
            groups,
            points,
            covers,
            nu: vec![0; m.nw * np],
            nu_sum: vec![0; m.nw * (np + 1)],
            on: vec![0; m.nw * (np + 1)],
            mu: vec![0; m.nw * nweeks],
            mu_min: vec![0; m.nw * nweeks],
            caps: (0..m.nw).map(|w| week_cap(m, w)).collect(),
            cost: vec![INF; m.sess.len() * m.nw],
            place: vec![0; m.sess.len() * m.nw],
            used: vec![0; m.nw * nweeks],
            konst: m.stability_const * SCALE,
            best: None,
            step: Step::new(1.0),
            spent: 0,
            converged: false,
        })
    }

    /// The groups: sessions joined by a person or a series; a part with
    /// one person keeps its series inside whole (a series all of whose
    /// sessions are that person's), a part with no person and one series
    /// is that series; in any other part no continuity is counted.
    fn groups(m: &Model, floor: &Floor) -> Vec<Group> {
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
            .map(|sessions| Self::group(m, floor, sessions))
            .collect()
    }

    fn group(m: &Model, floor: &Floor, sessions: Vec<u32>) -> Group {
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
        let fewest_of =
            |list: &[u32], key: u32| list.get(key as usize).map_or(1, |&f| (f as usize).max(1));
        let fewest = if one_person {
            fewest_of(&floor.per_person, persons[0])
        } else if open > 0 {
            fewest_of(&floor.per_series, series[0])
        } else {
            1
        };
        let mut inside: Vec<Vec<usize>> = Vec::new();
        let mut series_fewest = Vec::new();
        let mut loose: Vec<usize> = Vec::new();
        if one_person && inner > 0 {
            for &x in &series {
                let members: Vec<usize> =
                    (0..sessions.len()).filter(|&i| se(i).series == x).collect();
                if members.len() > 1 {
                    inside.push(members);
                    series_fewest.push(fewest_of(&floor.per_series, x));
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
            fewest,
            series_fewest,
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
                    if m.hard_at(s, p, w) != 0 {
                        continue;
                    }
                    let mut c = (pl.penalty * m.w_placement * SCALE).div_euclid(want)
                        + m.soft_at(s, p, w) * SCALE;
                    let (lo, hi) = self.covers[s][p];
                    let base = w * (self.points.len() + 1);
                    c += OVERLAP
                        * (self.nu_sum[base + hi as usize] - self.nu_sum[base + lo as usize]);
                    for &(k, minutes) in &pl.weeks {
                        if k != NONE && (k as usize) < nweeks {
                            let i = w * nweeks + k as usize;
                            c += (self.mu[i] - self.mu_min[i]) * minutes;
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
    /// bound, then a step of the multipliers. Returns whether the bound
    /// rose.
    pub fn iterate(&mut self) -> bool {
        if self.converged {
            return false;
        }
        let m = self.m;
        let nweeks = m.nweeks.max(1);
        let np = self.points.len();
        for w in 0..m.nw {
            let base = w * (np + 1);
            for t in 0..np {
                self.nu_sum[base + t + 1] = self.nu_sum[base + t] + self.nu[w * np + t];
            }
        }
        self.seat_costs();
        self.used.iter_mut().for_each(|u| *u = 0);
        self.on.iter_mut().for_each(|u| *u = 0);
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
            for k in 0..nweeks {
                let i = w * nweeks + k;
                raw -= self.mu[i] * self.caps[w].unwrap_or(0);
                raw += self.mu_min[i] * m.workers[w].min_week.unwrap_or(0);
            }
        }
        raw -= OVERLAP * self.nu.iter().sum::<i64>();
        let value = ceil_div(raw, SCALE);
        let rose = self.best.is_none_or(|b| value > b);
        if rose {
            self.best = Some(value);
        }
        self.step.note(raw);
        // Seats per worker and point, from the differences `record` left.
        let mut grad_nu = vec![0i64; self.nu.len()];
        for w in 0..m.nw {
            let base = w * (np + 1);
            let mut running = 0;
            for t in 0..np {
                running += self.on[base + t];
                let i = w * np + t;
                let g = OVERLAP * (running - 1);
                grad_nu[i] = if self.nu[i] == 0 { g.max(0) } else { g };
            }
        }
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
        norm += grad_nu.iter().map(|&g| (g * g) as f64).sum::<f64>();
        let mut grad_min = vec![0i64; self.mu_min.len()];
        for w in 0..m.nw {
            let Some(least) = m.workers[w].min_week else {
                continue;
            };
            for k in 0..nweeks {
                let i = w * nweeks + k;
                let g = least - self.used[i];
                grad_min[i] = if self.mu_min[i] == 0 { g.max(0) } else { g };
                norm += (grad_min[i] * grad_min[i]) as f64;
            }
        }
        if norm == 0.0 {
            self.converged = true;
            return rose;
        }
        // Each multiplier by its own step (AdaGrad): a step of `RATE` per
        // unit of its constraint, shrinking with the squares of its
        // subgradients so far. The constraints' units differ a thousandfold
        // (minutes in a week, seats at a point), which one Polyak step for
        // all could not serve. Any multipliers give a bound: the steps
        // only decide how fast it rises.
        let all = self
            .mu
            .iter_mut()
            .zip(&grad)
            .chain(self.nu.iter_mut().zip(&grad_nu))
            .chain(self.mu_min.iter_mut().zip(&grad_min))
            .zip(self.squares.iter_mut());
        for ((mu, &g), sq) in all {
            if g == 0 {
                continue;
            }
            *sq += (g as f64) * (g as f64);
            let step = RATE * SCALE as f64 * g as f64 / sq.sqrt();
            *mu = (*mu + step.round() as i64).clamp(0, 1 << 40);
        }
        rose
    }

    /// The minutes of group `g`'s cheapest choice from workers `chosen`
    /// into `used`.
    fn record(&mut self, g: usize, chosen: &[u32]) {
        let m = self.m;
        let nweeks = m.nweeks.max(1);
        let group = &self.groups[g];
        let np1 = self.points.len() + 1;
        let take = |s: usize, w: usize, (used, on): (&mut Vec<i64>, &mut Vec<i64>)| {
            let p = self.place[s * m.nw + w] as usize;
            let pl = &m.sess[s].pls[p];
            for &(k, minutes) in &pl.weeks {
                if k != NONE && (k as usize) < nweeks {
                    used[w * nweeks + k as usize] += minutes;
                }
            }
            let (lo, hi) = self.covers[s][p];
            on[w * np1 + lo as usize] += 1;
            on[w * np1 + hi as usize] -= 1;
        };
        let mut used = std::mem::take(&mut self.used);
        let mut on = std::mem::take(&mut self.on);
        for (i, &s) in group.sessions.iter().enumerate() {
            let s = s as usize;
            // A series held by one worker of the set when that is cheaper.
            let one = group
                .series
                .iter()
                .position(|x| x.contains(&i))
                .and_then(|x| self.series_least(group, x, chosen).1);
            if let Some(w) = one {
                take(s, w as usize, (&mut used, &mut on));
                continue;
            }
            let mut seats: Vec<(i64, u32)> = chosen
                .iter()
                .map(|&w| (self.cost[s * m.nw + w as usize], w))
                .filter(|&(c, _)| c < INF)
                .collect();
            seats.sort_unstable();
            for &(_, w) in seats.iter().take(m.sess[s].want as usize) {
                take(s, w as usize, (&mut used, &mut on));
            }
        }
        self.used = used;
        self.on = on;
    }

    /// Series `x` (the index of one in `group.series`) from workers
    /// `chosen`: its least cost, and the one worker who holds it where that
    /// is the least. Seat by seat, a series of fewest `f` workers costs at
    /// least `w_series · (max(f, 2) − 1)` beyond its seats; one worker alone
    /// is possible only where its floor allows it (`f` = 1).
    fn series_least(&self, group: &Group, x: usize, chosen: &[u32]) -> (i64, Option<u32>) {
        let m = self.m;
        let members = &group.series[x];
        let fewest = group.series_fewest.get(x).copied().unwrap_or(1);
        let (mut alone, mut who) = (INF, None);
        if fewest <= 1 {
            for &w in chosen {
                let mut sum = 0i64;
                for &i in members {
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
        }
        let beyond = group.inner * SCALE * (fewest.max(2) as i64 - 1);
        let split: i64 = members
            .iter()
            .map(|&i| self.seats_from(group.sessions[i] as usize, chosen))
            .fold(0i64, |a, b| a.saturating_add(b))
            .saturating_add(beyond);
        if who.is_some() && alone <= split {
            (alone, who)
        } else {
            (split.min(INF), None)
        }
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
        for x in 0..group.series.len() {
            total = total.saturating_add(self.series_least(group, x, chosen).0);
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
        let mut hunt = Hunt {
            best: (INF, Vec::new()),
            tries: 0,
        };
        let mut chosen: Vec<u32> = Vec::new();
        // No set smaller than the continuity floor's covers the group.
        let fewest = self.groups[g].fewest.clamp(1, order.len().max(1));
        let mut out = None;
        for k in fewest..=order.len() {
            let floor = all.saturating_add(open * (k as i64 - 1));
            if floor >= hunt.best.0 {
                break;
            }
            if !self.sets_of(g, &order, k, 0, &mut chosen, &mut hunt) {
                // Out of tries at size `k`: sizes below are settled, and no
                // set of `k` or more workers costs less than `floor`.
                out = Some((hunt.best.0.min(floor), hunt.best.1.clone()));
                break;
            }
        }
        self.spent += UNIT_WORK * hunt.tries;
        out.unwrap_or(hunt.best)
    }

    /// Tries every set of `k` workers of `order` from index `from` on,
    /// extending `chosen`; keeps the cheapest in `hunt`. Returns `false`
    /// when out of tries.
    fn sets_of(
        &self,
        g: usize,
        order: &[u32],
        k: usize,
        from: usize,
        chosen: &mut Vec<u32>,
        hunt: &mut Hunt,
    ) -> bool {
        if chosen.len() == k {
            hunt.tries += 1;
            let group = &self.groups[g];
            let c = self
                .cost_with(g, chosen)
                .saturating_add(group.open * SCALE * (k as i64 - 1));
            if c < hunt.best.0 {
                hunt.best = (c, chosen.clone());
            }
            return hunt.tries < TRIES;
        }
        for i in from..order.len() {
            if order.len() - i < k - chosen.len() {
                break;
            }
            chosen.push(order[i]);
            let ok = self.sets_of(g, order, k, i + 1, chosen, hunt);
            chosen.pop();
            if !ok {
                return false;
            }
        }
        true
    }
}
