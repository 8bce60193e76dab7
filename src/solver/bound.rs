//! A proven lower bound on the score, by Lagrangian relaxation of the rules
//! that link workers.
//!
//! Every roster with no broken hard rule and no unfilled seat has, for each
//! session, a head-count `n_s` (exactly `want` on a required session; on a
//! preferred one, any count, with `under`/`over` per missing or extra
//! worker). Give each session a price `λ_s` and let each worker choose their
//! own row freely, paying their own costs (per-seat soft costs, requests)
//! minus `λ_s` per session taken. For a preferred session `λ_s` is kept in
//! `[-over, under]`; for a required one it is free. Then
//!
//! ```text
//! L(λ) = Σ_w min_row (own cost − Σ λ_s x_ws) + Σ_s λ_s · want_s + constants
//! ```
//!
//! is at most the soft level of every such roster, whatever `λ` is, as long
//! as each inner minimum is taken over a *superset* of the rows the worker can
//! really work. Each minimum is computed exactly by a DP over days that keeps
//! only some of the worker's rules: one session a day, forbidden successions,
//! most and fewest consecutive days, fewest consecutive days off (every run
//! touching either end of the horizon exempt, whatever the boundary rule),
//! total minutes and most weekends (both dropped when the state space would be
//! too large). A kind capped at none is never a worker's candidate (the
//! model's `cands`). The other per-kind caps are relaxed, each with a
//! multiplier `ν ≥ 0` of its own that the worker pays per session of that
//! kind, less `ν · most` per row: for every row keeping the cap that lowers
//! the row's cost, so the minimum is still a bound, at any `ν ≥ 0`. Every
//! other rule (weekly minutes, rest, budgets, the history before the
//! horizon) is dropped, which can only lower the minimum. Soft terms left
//! out of the relaxation (continuity, fairness) are never negative. Without
//! the one-session-a-day rule each seat is priced on its own and requests
//! are left out.
//!
//! Prices are fixed point (`SCALE` per unit of score) so that the DP is exact
//! in integers and `⌈L⌉` is exact. Where whole rows are priced, every row
//! priced is kept, and the rounds price at the optimal duals of the linear
//! program over the rows kept (the restricted master, `lp.rs`, whose caps
//! give the multipliers too), smoothed towards the best prices so far: a
//! round's rows are the cuts the program lacks, and the bound rises to the
//! linear relaxation. Otherwise, and once the relaxation is solved, prices
//! move by projected subgradient steps (Polyak's step length towards the
//! best roster found).
//!
//! The same DP also lists every relaxed row within a given distance of a
//! worker's least reduced cost (`Bound::rows_within`), which closing the gap
//! (`master/close.rs`) searches exactly; the bound may then be raised by
//! that proof (`Bound::raise`).

use std::time::Instant;

use super::model::Model;
use super::score::Score;

pub(crate) mod continuity;
pub(crate) mod groups;
mod lp;
mod row;
pub(crate) mod unfilled;
mod within;

use row::{NO_CAP, Row, START};
pub(crate) use within::Within;

/// Fixed-point scale of prices.
pub(crate) const SCALE: i64 = 1 << 10;
const INF: i64 = i64::MAX / 4;
/// Largest price magnitude, scaled (a required session nobody can fill
/// would otherwise raise its price without end).
const LAM_MAX: i64 = 1 << 40;
/// How far the prices priced at lie from the master's duals towards the
/// best round's (Wentges' smoothing): measured on Instances 8 and 14 at
/// 0.3, 0.5 and 0.8, the bound's rise differs little; the middle is kept.
const SMOOTH: f64 = 0.5;
/// The outcome of pricing every row (`Bound::value`).
enum Priced {
    /// `L(λ)`, scaled.
    Value(i64),
    /// The deadline passed first.
    Late,
    /// Some worker's relaxed row has no solution.
    NoRow,
}

/// The subgradient state.
#[derive(Debug, Clone)]
pub(crate) struct Bound<'m> {
    m: &'m Model,
    rows: Vec<Row>,
    /// Prices, scaled.
    lam: Vec<i64>,
    /// Head-count per session in the last relaxed solution.
    count: Vec<i64>,
    /// Constant soft terms, scaled.
    konst: i64,
    /// Best proven bound on the soft level so far.
    pub best: Option<i64>,
    /// The highest `L(λ)` found by any round (scaled), and its prices and
    /// cap multipliers (scaled).
    top: (i64, Vec<i64>, Vec<Vec<i64>>),
    /// The master over the rows priced so far (`lp.rs`), whose optimal
    /// duals the rounds price at once every worker has a row.
    master: lp::Master,
    /// The rounds' `L` has reached the master's optimum: the relaxation
    /// is solved.
    pub solved: bool,
    step: Step,
    /// Iterations done.
    pub iterations: u64,
    /// State transitions examined so far (the bound's share of the effort).
    pub spent: u64,
    /// Every relaxed row problem has a solution (else no roster keeps every
    /// rule and no bound is reported).
    feasible: bool,
    /// The last relaxed solution met every head-count exactly: the bound
    /// cannot rise further.
    pub converged: bool,
    cost: Vec<i64>,
    next: Vec<i64>,
    back: Vec<u32>,
    picks: Vec<u32>,
    /// A required session's price reached the cap: no roster fills it.
    unfillable: bool,
    /// Each worker's row in the last relaxed solution (sessions worked),
    /// for the pool of columns (`master.rs`); empty without the
    /// one-session-a-day rule.
    pub last_rows: Vec<Vec<u32>>,
    /// Without the one-session-a-day rule: each session's cheapest seat
    /// for the worker being priced (`INF` when none), and the sessions set.
    alone: Vec<i64>,
    alone_set: Vec<u32>,
    /// The states reached the day before (scratch of `solve_row`).
    starts: Vec<(usize, i64)>,
    /// Per worker, the sessions of each capped kind (`Row::caps`) in the
    /// row last priced.
    cap_used: Vec<Vec<i64>>,
    /// The floor under continuity, which the rounds leave out
    /// (`continuity.rs`): added to every bound reported.
    pub floor: continuity::Floor,
    /// Where no roster keeping every rule can fill every seat, the floor
    /// under the unfilled level (`unfilled.rs`): the bound reported then,
    /// and the rounds, which speak of full rosters, are not run.
    short: Option<unfilled::Floor>,
    /// Where a worker may work several sessions a day and the rounds price
    /// seats one at a time: the bound that keeps continuity whole
    /// (`groups.rs`), reported where it is the higher.
    groups: Option<groups::Groups<'m>>,
}

impl<'m> Bound<'m> {
    pub fn new(m: &'m Model) -> Self {
        let mut konst = m.stability_const * SCALE;
        for se in &m.sess {
            let pen = se.pls.iter().map(|p| p.penalty).min().unwrap_or(0) * m.w_placement;
            if se.required && se.want > 0 {
                konst += pen * SCALE;
            } else {
                konst += pen.min(0) * SCALE;
            }
        }
        let rows: Vec<Row> = (0..m.nw).map(|w| Row::new(m, w)).collect();
        let cap_used = rows.iter().map(|r| vec![0; r.caps.len()]).collect();
        // Prices start at 0: each worker then pays only their own costs, so
        // the first bound is already at least the unavoidable request cost.
        let lam = vec![0; m.sess.len()];
        let floor = continuity::floor(m);
        let short = unfilled::floor(m);
        let groups = if m.one_per_day || short.is_some() {
            None
        } else {
            groups::Groups::new(m, &floor)
        };
        Bound {
            m,
            rows,
            lam,
            count: vec![0; m.sess.len()],
            konst,
            best: None,
            top: (i64::MIN, Vec::new(), Vec::new()),
            master: lp::Master::new(m.nw),
            solved: false,
            step: Step::new(1.0),
            iterations: 0,
            spent: floor.work,
            feasible: true,
            converged: false,
            cost: Vec::new(),
            next: Vec::new(),
            back: Vec::new(),
            picks: Vec::new(),
            last_rows: vec![Vec::new(); m.nw],
            alone: vec![INF; m.sess.len()],
            alone_set: Vec::new(),
            starts: Vec::new(),
            unfillable: false,
            cap_used,
            floor,
            short,
            groups,
        }
    }

    /// The bound as a score: no roster scores below it (see
    /// `Solution::lower_bound`).
    ///
    /// A required session whose price has reached its cap (`LAM_MAX`, a
    /// billion units of score) is one no roster can fill: the bound then
    /// speaks of no roster at all, and none is reported.
    pub fn score(&self) -> Option<Score> {
        if let Some(short) = self.short {
            return Some(Score {
                hard: 0,
                unfilled: short.unfilled,
                soft: short.soft,
            });
        }
        if self.unfillable {
            return None;
        }
        let rounds = self.best.map(|soft| soft + self.floor.soft);
        let groups = self.groups.as_ref().and_then(|g| g.best);
        rounds
            .max(groups)
            .filter(|_| self.feasible)
            .map(|soft| Score {
                hard: 0,
                unfilled: 0,
                soft,
            })
    }

    /// The step length has shrunk to its floor: further iterations rarely
    /// raise the bound. Never once the master's relaxation is solved: the
    /// rounds then bring the search's pool its columns at their full share.
    pub fn stalled(&self) -> bool {
        self.step.stalled()
            && self
                .groups
                .as_ref()
                .is_none_or(|g| g.stalled() || !g.active())
    }

    /// Whether more iterations can still raise the bound.
    pub fn active(&self) -> bool {
        let groups = self.groups.as_ref().is_some_and(|g| g.active());
        self.feasible && (!self.converged || groups) && !self.unfillable && self.short.is_none()
    }

    /// One subgradient iteration; `upper` is the soft level of the best
    /// roster with no broken hard rule and no unfilled seat, if any. An
    /// iteration still running at `deadline` is dropped (the solve is over
    /// then, so the search's path does not depend on it). Returns whether
    /// the bound rose.
    pub fn iterate(&mut self, upper: Option<i64>, deadline: Option<Instant>) -> bool {
        let mut rose = false;
        if let Some(g) = self.groups.as_mut().filter(|g| g.active()) {
            let before = g.spent;
            rose = g.iterate();
            self.spent += g.spent - before;
        }
        rose | self.round(upper, deadline)
    }

    /// One of the rounds' own iterations (see `iterate`).
    fn round(&mut self, upper: Option<i64>, deadline: Option<Instant>) -> bool {
        if !self.feasible || self.converged {
            return false;
        }
        self.iterations += 1;
        let m = self.m;
        let master = m.one_per_day && !self.solved && self.master_prices();
        self.count.iter_mut().for_each(|c| *c = 0);
        let raw = match self.value(deadline) {
            Priced::Value(raw) => raw,
            Priced::Late => return false,
            Priced::NoRow => {
                self.feasible = false;
                return false;
            }
        };
        let value = ceil_div(raw, SCALE);
        let rose = self.best.is_none_or(|b| value > b);
        // Once the relaxation is solved the rounds only bring the search's
        // pool its columns: they keep their share (they are not counted
        // as stalled), as the subgradient's did while it still rose.
        if !self.solved {
            self.step.note(raw);
        }
        if rose {
            self.best = Some(value);
        }
        if raw > self.top.0 {
            self.top = (raw, self.lam.clone(), self.multipliers());
        }
        if master {
            // `L` has reached the master's optimum (as far as an integer
            // bound can tell): the relaxation is solved.
            let lp = (self.master.value / SCALE as f64 - 1e-6).ceil() as i64;
            if ceil_div(self.top.0, SCALE) >= lp {
                // From here the subgradient's steps go on from the best
                // prices: the bound cannot rise, but the rows they price
                // feed the search's pool (measured on Instance 8, seeds 0
                // and 1, 200 000 steps: rosters 1538 and 1415 so, 1851 and
                // 1669 when these rounds counted as stalled).
                self.solved = true;
                self.lam.clone_from(&self.top.1);
                for (row, nu) in self.rows.iter_mut().zip(&self.top.2) {
                    row.nu.clone_from(nu);
                }
            }

            return rose;
        }
        // Projected subgradient.
        let mut norm = 0.0;
        let mut grad = vec![0i64; m.sess.len()];
        for (s, se) in m.sess.iter().enumerate() {
            let gs = projected(se, se.want as i64 - self.count[s], self.lam[s]);
            grad[s] = gs;
            norm += (gs * gs) as f64;
        }
        // The caps' multipliers: each one's subgradient is the sessions of
        // its kind in the worker's row less the most allowed.
        for (row, used) in self.rows.iter().zip(&self.cap_used) {
            for ((&nu, &most), &n) in row.nu.iter().zip(&row.caps).zip(used) {
                let g = if nu == 0 { (n - most).max(0) } else { n - most };
                norm += (g * g) as f64;
            }
        }
        if norm == 0.0 {
            self.converged = true;
            return rose;
        }
        let lv = raw as f64 / SCALE as f64;
        // The rounds bound every term but continuity, which has its floor.
        let upper = upper.map(|u| u - self.floor.soft);
        let target = match upper {
            Some(u) if (u as f64) > lv + 0.5 => u as f64,
            // No roster to aim at: aim well above, the step length
            // shrinks when that overshoots.
            _ => lv + lv.abs().max(10.0),
        };
        let step = self.step.length(target - lv, norm);
        for (s, se) in m.sess.iter().enumerate() {
            let l = self.lam[s] + (step * grad[s] as f64 * SCALE as f64).round() as i64;
            self.lam[s] = price_box(se, l);
            self.unfillable |= se.required && self.lam[s] >= LAM_MAX;
        }
        for (row, used) in self.rows.iter_mut().zip(&self.cap_used) {
            for ((nu, &most), &n) in row.nu.iter_mut().zip(&row.caps).zip(used) {
                let step = (step * (n - most) as f64 * SCALE as f64).round() as i64;
                *nu = (*nu + step).clamp(0, LAM_MAX);
            }
        }
        rose
    }

    /// Sets the prices and cap multipliers to the master's optimal duals
    /// (`lp.rs`), smoothed towards the best round's by `SMOOTH` (Wentges'
    /// smoothing: the duals of a restricted master jump between vertices,
    /// the best prices known steady them); the work counts as the bound's.
    /// Returns whether the master gave them (else the subgradient's step
    /// goes on).
    fn master_prices(&mut self) -> bool {
        if !self.master.ready() {
            return false;
        }
        // No row came in since the last solution: the same solution, priced
        // at the duals themselves (a smoothed point that brings nothing new
        // is a mispricing).
        let a = if self.master.fresh > 0 || self.master.lam.is_empty() {
            let most: Vec<&[i64]> = self.rows.iter().map(|r| r.caps.as_slice()).collect();
            let (solved, work) = self.master.solve(self.m, &most);
            self.spent += work;
            if !solved {
                return false;
            }
            SMOOTH
        } else {
            0.0
        };
        let mix = |c: i64, l: i64| (a * c as f64 + (1.0 - a) * l as f64).round() as i64;
        let (lam, nu) = (&self.master.lam, &self.master.nu);
        let centred = self.top.1.len() == lam.len() && self.top.2.len() == nu.len();
        for (s, se) in self.m.sess.iter().enumerate() {
            let c = if centred { self.top.1[s] } else { lam[s] };
            self.lam[s] = price_box(se, mix(c, lam[s]));
        }
        for (w, row) in self.rows.iter_mut().enumerate() {
            for (k, v) in row.nu.iter_mut().enumerate() {
                let c = if centred { self.top.2[w][k] } else { nu[w][k] };
                *v = mix(c, nu[w][k]).clamp(0, LAM_MAX);
            }
        }
        true
    }

    /// Every worker's cap multipliers now (scaled).
    fn multipliers(&self) -> Vec<Vec<i64>> {
        self.rows.iter().map(|r| r.nu.clone()).collect()
    }

    /// Whether its rounds price whole rows (with the one-session-a-day rule
    /// and while every relaxed row problem has a solution), which the
    /// search pools for its master.
    pub fn prices_rows(&self) -> bool {
        self.feasible && self.m.one_per_day
    }

    /// The subgradient's current prices (scaled by `SCALE`).
    pub fn prices(&self) -> &[i64] {
        &self.lam
    }

    /// One round at the given prices `lam` (scaled by `SCALE`, clipped into
    /// the box first), instead of the subgradient's own: every worker's row
    /// is priced (for the pool, `last_rows`), and `L(λ)` counts for the
    /// bound, which holds at every price in the box. The subgradient's own
    /// prices and step are left as they were. Returns whether the bound
    /// rose.
    pub fn round_at(&mut self, lam: &[i64], deadline: Option<Instant>) -> bool {
        if !self.prices_rows() {
            return false;
        }
        let count = self.count.clone();
        let boxed: Vec<i64> = lam
            .iter()
            .zip(&self.m.sess)
            .map(|(&l, se)| price_box(se, l))
            .collect();
        let priced = self.at_prices(&boxed, |b| b.value(deadline));
        self.count = count;
        let Priced::Value(raw) = priced else {
            return false;
        };
        if raw > self.top.0 {
            self.top = (raw, boxed, self.multipliers());
        }
        let value = ceil_div(raw, SCALE);
        let rose = !self.unfillable && self.best.is_none_or(|b| value > b);
        if rose {
            self.best = Some(value);
        }
        rose
    }

    /// Runs `f` with the prices set to `lam` (scaled, in the box), then
    /// puts the subgradient's own prices back.
    fn at_prices<T>(&mut self, lam: &[i64], f: impl FnOnce(&mut Self) -> T) -> T {
        let saved = std::mem::replace(&mut self.lam, lam.to_vec());
        let out = f(self);
        self.lam = saved;
        out
    }

    /// The prices at which a round gave the highest `L(λ)` so far (scaled,
    /// in the box); empty before the first round.
    pub fn best_prices(&self) -> &[i64] {
        &self.top.1
    }

    /// Raises the bound to `soft`, proven by other means (see
    /// `Pool::close`: no roster keeping every rule scores below it).
    pub fn raise(&mut self, soft: i64) {
        if self.best.is_none_or(|b| soft > b) {
            self.best = Some(soft);
        }
    }

    /// Each worker's least reduced cost over their relaxed rows at prices
    /// `lam` (scaled, in the box) and the current cap multipliers, less
    /// `Σ ν · most` (so that, with `Σ λ · want`, they bound every roster);
    /// `None` when some worker has no row, or
    /// without the one-session-a-day rule. Each row priced goes to
    /// `last_rows` for the pool.
    pub fn least_rows(&mut self, lam: &[i64]) -> Option<Vec<i64>> {
        if !self.prices_rows() {
            return None;
        }
        let count = self.count.clone();
        let least = self.at_prices(lam, |b| (0..b.m.nw).map(|w| b.solve_row(w)).collect());
        self.count = count;
        least
    }

    /// `L(λ)` at the current prices, scaled: every worker's row priced
    /// (head-counts added to `count`), unless the deadline passes first or
    /// a row has no solution.
    fn value(&mut self, deadline: Option<Instant>) -> Priced {
        let m = self.m;
        let mut raw = self.konst;
        for (s, se) in m.sess.iter().enumerate() {
            raw += self.lam[s] * se.want as i64;
        }
        for w in 0..m.nw {
            // Past the deadline the solve is over: drop this round.
            if deadline.is_some_and(|d| Instant::now() >= d) {
                return Priced::Late;
            }
            let v = if m.one_per_day {
                self.solve_row(w)
            } else {
                self.seats_alone(w)
            };
            match v {
                Some(v) => raw += v,
                None => return Priced::NoRow,
            }
        }
        Priced::Value(raw)
    }

    /// Without the one-session-a-day rule: every seat on its own.
    fn seats_alone(&mut self, w: usize) -> Option<i64> {
        let row = &self.rows[w];
        self.alone_set.clear();
        for o in &row.opts {
            let c = o.cost - self.lam[o.s as usize];
            let b = &mut self.alone[o.s as usize];
            if *b == INF {
                self.alone_set.push(o.s);
            }
            *b = (*b).min(c);
        }
        self.spent += row.opts.len() as u64;
        let mut v = 0;
        for &s in &self.alone_set {
            let c = std::mem::replace(&mut self.alone[s as usize], INF);
            if c < 0 {
                v += c;
                self.count[s as usize] += 1;
            }
        }
        Some(v)
    }

    /// The exact minimum of worker `w`'s relaxed row at the current prices
    /// and cap multipliers (less `Σ ν · most`); counts the sessions it
    /// takes, and those of each capped kind.
    fn solve_row(&mut self, w: usize) -> Option<i64> {
        let m = self.m;
        let row = &self.rows[w];
        let nd = m.nd;
        let ns = row.states();
        self.spent += ns as u64;
        self.cost.clear();
        self.cost.resize(ns, INF);
        // Back pointers are written for every state reached and read only
        // along the path back from a reached state: no need to clear them.
        if self.back.len() < ns * nd {
            self.back.resize(ns * nd, u32::MAX);
            self.picks.resize(ns * nd, u32::MAX);
        }
        self.next.clear();
        self.next.resize(ns, INF);
        let mut best_opt: Vec<(i64, u32)> = vec![(INF, 0); row.slots()];
        let mut keys: Vec<usize> = Vec::new();
        // The states reached after the day before and after this one (the
        // rest of `cost` and `next` is `INF`).
        let mut live: Vec<usize> = Vec::new();
        let mut next_live: Vec<usize> = Vec::new();
        for d in 0..nd {
            row.cheapest(d, &self.lam, &mut best_opt, &mut keys);
            let from: &[i64] = &self.cost;
            let mut starts = std::mem::take(&mut self.starts);
            starts.clear();
            if d == 0 {
                starts.push((START, 0));
            } else {
                starts.extend(live.iter().map(|&i| (i, from[i])));
            }
            self.spent += (starts.len() * (keys.len() + 1)) as u64;
            for &(i, c0) in &starts {
                let prev = if i == START { u32::MAX } else { i as u32 };
                row.moves(m, w, d, i, &keys, |slot, to| {
                    let (c, pick) = match slot {
                        Some(slot) => best_opt[slot],
                        None => (row.off[d], u32::MAX),
                    };
                    let c = c0 + c;
                    // Ties go to the lowest state, then the first move, as
                    // they would in a scan of every state in index order.
                    let prior = self.next[to];
                    if c < prior || (c == prior && c < INF && prev < self.back[d * ns + to]) {
                        if prior >= INF {
                            next_live.push(to);
                        }
                        self.next[to] = c;
                        self.back[d * ns + to] = prev;
                        self.picks[d * ns + to] = pick;
                    }
                });
            }
            self.starts = starts;
            for &slot in &keys {
                best_opt[slot] = (INF, 0);
            }
            for &i in &live {
                self.cost[i] = INF;
            }
            std::mem::swap(&mut self.cost, &mut self.next);
            std::mem::swap(&mut live, &mut next_live);
            next_live.clear();
        }
        let (value, mut st) = live
            .iter()
            .filter(|&&i| row.may_end(i))
            .map(|&i| (self.cost[i], i))
            .min()?;
        self.last_rows[w].clear();
        self.cap_used[w].fill(0);
        let mut own = 0;
        for d in (0..nd).rev() {
            let pick = self.picks[d * ns + st];
            if pick != u32::MAX {
                let o = &row.opts[row.day_idx[d] + pick as usize];
                self.count[o.s as usize] += 1;
                self.last_rows[w].push(o.s);
                own += o.cost;
                if o.cap != NO_CAP {
                    self.cap_used[w][o.cap as usize] += 1;
                }
            } else {
                own += row.off[d];
            }
            st = self.back[d * ns + st] as usize;
        }
        self.last_rows[w].reverse();
        self.master
            .keep(w, &self.last_rows[w], own, &self.cap_used[w]);
        Some(value - row.nu_const())
    }
}

/// The step length of a projected subgradient (Polyak's, towards a
/// target): a factor halved after 20 rounds in a row that find no higher
/// value.
#[derive(Debug, Clone)]
pub(crate) struct Step {
    theta: f64,
    best_raw: i64,
    since_best: u32,
}

impl Step {
    /// A step length starting at factor `theta`.
    pub fn new(theta: f64) -> Self {
        Step {
            theta,
            best_raw: i64::MIN,
            since_best: 0,
        }
    }

    /// Records a round's value (scaled).
    pub fn note(&mut self, raw: i64) {
        if raw > self.best_raw {
            self.best_raw = raw;
            self.since_best = 0;
        } else {
            self.since_best += 1;
            if self.since_best >= 20 {
                self.theta = (self.theta * 0.5).max(1e-3);
                self.since_best = 0;
            }
        }
    }

    /// The factor has shrunk to its floor: further rounds rarely raise
    /// the value.
    pub fn stalled(&self) -> bool {
        self.theta < 0.01
    }

    /// The step for a round `short` below its target with a subgradient
    /// of squared norm `norm` (> 0).
    pub fn length(&self, short: f64, norm: f64) -> f64 {
        (self.theta * short / norm).min(1e12)
    }
}

/// A session's price clipped into the box where `L(λ)` is a bound: within
/// `[-over, under]` on a preferred session, within the cap on a required one.
pub(crate) fn price_box(se: &super::model::Sess, l: i64) -> i64 {
    let l = if se.required {
        l
    } else {
        l.clamp(-se.over * SCALE, se.under * SCALE)
    };
    l.clamp(-LAM_MAX, LAM_MAX)
}

/// A session's subgradient `g` at price `l`, projected onto the box: no
/// step out of it where the price is held at its edge.
pub(crate) fn projected(se: &super::model::Sess, g: i64, l: i64) -> i64 {
    let held = !se.required && (g > 0 && l >= se.under * SCALE || g < 0 && l <= -se.over * SCALE);
    if held { 0 } else { g }
}

/// The heaviest cover weight (missing or extra worker) of any preferred
/// session; 0 without one.
pub(crate) fn heaviest_cover(m: &Model) -> i64 {
    m.sess
        .iter()
        .filter(|se| !se.required)
        .map(|se| se.under.max(se.over))
        .max()
        .unwrap_or(0)
}

/// `⌈a / b⌉` for `b > 0`.
pub(crate) fn ceil_div(a: i64, b: i64) -> i64 {
    -((-a).div_euclid(b))
}

/// Runs `iterations` subgradient iterations from the start and returns the
/// bound reached (see `Solution::lower_bound`).
pub(crate) fn lower_bound(m: &Model, iterations: u32) -> Option<Score> {
    let mut b = Bound::new(m);
    for _ in 0..iterations {
        if !b.active() {
            break;
        }
        b.iterate(None, None);
    }
    if b.feasible { b.score() } else { None }
}
