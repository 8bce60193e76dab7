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
//! the row's cost, so the minimum is still a bound, and the multipliers rise
//! by the same subgradient steps as the prices. Every other rule (weekly
//! minutes, rest, budgets, the history before the horizon) is dropped, which
//! can only lower the minimum. Soft terms left out of the relaxation
//! (continuity, fairness) are never negative. Without the one-session-a-day rule each seat is priced
//! on its own and requests are left out.
//!
//! Prices are fixed point (`SCALE` per unit of score) so that the DP is exact
//! in integers and `⌈L⌉` is exact; they are raised by projected subgradient
//! steps (Polyak's step length towards the best roster found).
//!
//! The same DP also lists every relaxed row within a given distance of a
//! worker's least reduced cost (`Bound::rows_within`), which closing the gap
//! (`master/close.rs`) searches exactly; the bound may then be raised by
//! that proof (`Bound::raise`).

use std::time::Instant;

use super::dp::req_cost;
use super::model::{Model, NONE};
use super::score::Score;

pub(crate) mod continuity;
pub(crate) mod unfilled;

/// Fixed-point scale of prices.
pub(crate) const SCALE: i64 = 1 << 10;
const INF: i64 = i64::MAX / 4;
/// Largest price magnitude, scaled (a required session nobody can fill
/// would otherwise raise its price without end).
const LAM_MAX: i64 = 1 << 40;
/// Most states × days one worker's DP may hold before it drops weekends,
/// then minutes.
const BUDGET: usize = 1 << 21;

/// The outcome of pricing every row (`Bound::value`).
enum Priced {
    /// `L(λ)`, scaled.
    Value(i64),
    /// The deadline passed first.
    Late,
    /// Some worker's relaxed row has no solution.
    NoRow,
}

/// One way to work a day: a session at a placement.
#[derive(Debug, Clone, Copy)]
struct Opt {
    s: u32,
    /// Class index (kind tracked for successions), or 0.
    class: u16,
    /// Minutes in units of the model's duration GCD.
    units: u32,
    /// Own cost (seat cost and that day's requests), scaled.
    cost: i64,
    /// Index of its kind's cap in `Row::caps`, or `NO_CAP`.
    cap: u16,
}

/// An option whose kind has no cap the row relaxes.
const NO_CAP: u16 = u16::MAX;

/// One worker's relaxed row problem.
#[derive(Debug, Clone)]
struct Row {
    /// Options per day: `opts[day_idx[d]..day_idx[d + 1]]`.
    opts: Vec<Opt>,
    day_idx: Vec<usize>,
    /// Own cost of a day off, scaled.
    off: Vec<i64>,
    /// Kind of each class (for successions); `NONE` when untracked.
    class_kind: Vec<u32>,
    work_cap: usize,
    max_consec: Option<usize>,
    min_consec: usize,
    off_cap: usize,
    /// Minute buckets (1: untracked), the most allowed, the fewest needed.
    mb: usize,
    max_units: Option<usize>,
    min_units: usize,
    /// Weekend counts tracked (1: untracked).
    wb: usize,
    /// The most sessions of a kind the worker may work, for each capped
    /// kind the DP does not track but whose cap can bind (fewer than the
    /// days with a session of that kind). Each is relaxed with its own
    /// multiplier (`nu`, scaled, never negative): an option of that kind
    /// costs `nu` more, and the row `nu · most` less.
    caps: Vec<i64>,
    nu: Vec<i64>,
}

impl Row {
    fn runs(&self) -> usize {
        self.work_cap.max(self.off_cap).max(1)
    }

    fn states(&self) -> usize {
        (self.class_kind.len() + 1) * self.runs() * 2 * self.mb * self.wb
    }

    /// Option `o`'s reduced cost at prices `lam` (with its cap's
    /// multiplier).
    fn price(&self, o: &Opt, lam: &[i64]) -> i64 {
        let nu = if o.cap == NO_CAP {
            0
        } else {
            self.nu[o.cap as usize]
        };
        o.cost - lam[o.s as usize] + nu
    }

    /// What the caps' multipliers take off every row: `Σ nu · most`.
    fn nu_const(&self) -> i64 {
        self.nu.iter().zip(&self.caps).map(|(n, c)| n * c).sum()
    }
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
    best_raw: i64,
    /// The prices of the highest `L(λ)` found by any round (scaled), and
    /// that value.
    top: (i64, Vec<i64>),
    theta: f64,
    since_best: u32,
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
        let rows: Vec<Row> = (0..m.nw).map(|w| Self::row(m, w)).collect();
        let cap_used = rows.iter().map(|r| vec![0; r.caps.len()]).collect();
        // Prices start at 0: each worker then pays only their own costs, so
        // the first bound is already at least the unavoidable request cost.
        let lam = vec![0; m.sess.len()];
        let floor = continuity::floor(m);
        let short = unfilled::floor(m);
        Bound {
            m,
            rows,
            lam,
            count: vec![0; m.sess.len()],
            konst,
            best: None,
            best_raw: i64::MIN,
            top: (i64::MIN, Vec::new()),
            theta: 1.0,
            since_best: 0,
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
        }
    }

    fn row(m: &Model, w: usize) -> Row {
        let wk = &m.workers[w];
        let g = m.dur_gcd.max(1);
        let mut class_kind: Vec<u32> = Vec::new();
        let mut opts = Vec::new();
        let mut day_idx = vec![0];
        let mut off = Vec::with_capacity(m.nd);
        let mut by_day: Vec<Vec<(u32, usize)>> = vec![Vec::new(); m.nd];
        // Caps are relaxed by multipliers where they can bind (only with
        // whole rows priced); a kind capped at none is already left out of
        // the worker's candidates.
        let cap_of = |kind: u32| {
            wk.max_per_kind
                .iter()
                .filter(|&&(k, _)| k == kind)
                .map(|&(_, most)| most)
                .min()
        };
        for (s, se) in m.sess.iter().enumerate() {
            if !m.is_cand(s, w) {
                continue;
            }
            for (p, pl) in se.pls.iter().enumerate() {
                if m.hard_at(s, p, w) == 0 {
                    by_day[pl.day as usize].push((s as u32, p));
                }
            }
        }
        let mut capped: Vec<(u32, i64)> = Vec::new();
        if m.one_per_day {
            for &(kind, _) in &wk.max_per_kind {
                let Some(most) = cap_of(kind) else { continue };
                let days = by_day
                    .iter()
                    .filter(|list| list.iter().any(|&(s, _)| m.sess[s as usize].kind == kind))
                    .count();
                if (most as usize) < days && capped.iter().all(|&(k, _)| k != kind) {
                    capped.push((kind, i64::from(most)));
                }
            }
        }
        for (d, list) in by_day.iter().enumerate() {
            off.push(if m.one_per_day {
                req_cost(m, w, d, None) * SCALE
            } else {
                0
            });
            for &(s, p) in list {
                let se = &m.sess[s as usize];
                let class = if m.any_forbid {
                    match class_kind.iter().position(|&k| k == se.kind) {
                        Some(i) => i,
                        None => {
                            class_kind.push(se.kind);
                            class_kind.len() - 1
                        }
                    }
                } else {
                    0
                };
                let req = if m.one_per_day {
                    req_cost(m, w, d, Some(se.kind))
                } else {
                    0
                };
                opts.push(Opt {
                    s,
                    class: class as u16,
                    units: (se.pls[p].dur / g).max(0) as u32,
                    cost: (m.soft_at(s as usize, p, w) + req) * SCALE,
                    cap: capped
                        .iter()
                        .position(|&(k, _)| k == se.kind)
                        .map_or(NO_CAP, |i| i as u16),
                });
            }
            day_idx.push(opts.len());
        }
        if !m.any_forbid {
            class_kind = vec![NONE];
        }
        let max_consec = wk.max_consec.map(|x| x as usize);
        let min_consec = wk.min_consec.unwrap_or(0) as usize;
        let mut row = Row {
            opts,
            day_idx,
            off,
            class_kind,
            work_cap: max_consec.unwrap_or(min_consec).max(1),
            max_consec,
            min_consec,
            off_cap: wk.min_off.unwrap_or(1).max(1) as usize,
            mb: 1,
            max_units: None,
            min_units: 0,
            wb: 1,
            nu: vec![0; capped.len()],
            caps: capped.into_iter().map(|(_, most)| most).collect(),
        };
        if m.one_per_day {
            let min_units = wk.min_total.map_or(0, |x| (x.max(0) + g - 1) / g) as usize;
            let max_units = wk.max_total.map(|x| (x.max(0) / g) as usize);
            let mb = max_units.map_or(min_units, |x| x) + 1;
            let wb = wk.max_weekends.map_or(1, |x| x as usize + 1);
            let fits = |r: &Row| r.states().saturating_mul(m.nd.max(1)) <= BUDGET;
            row.mb = mb;
            row.max_units = max_units;
            row.min_units = min_units;
            row.wb = wb;
            if !fits(&row) {
                row.wb = 1;
            }
            if !fits(&row) {
                row.mb = 1;
                row.max_units = None;
                row.min_units = 0;
                row.wb = wb;
            }
            if !fits(&row) {
                row.wb = 1;
            }
        }
        row
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
        self.best.filter(|_| self.feasible).map(|soft| Score {
            hard: 0,
            unfilled: 0,
            soft: soft + self.floor.soft,
        })
    }

    /// The step length has shrunk to its floor: further iterations rarely
    /// raise the bound.
    pub fn stalled(&self) -> bool {
        self.theta < 0.01
    }

    /// Whether more iterations can still raise the bound.
    pub fn active(&self) -> bool {
        self.feasible && !self.converged && !self.unfillable && self.short.is_none()
    }

    /// One subgradient iteration; `upper` is the soft level of the best
    /// roster with no broken hard rule and no unfilled seat, if any. An
    /// iteration still running at `deadline` is dropped (the solve is over
    /// then, so the search's path does not depend on it). Returns whether
    /// the bound rose.
    pub fn iterate(&mut self, upper: Option<i64>, deadline: Option<Instant>) -> bool {
        if !self.feasible || self.converged {
            return false;
        }
        self.iterations += 1;
        let m = self.m;
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
        if rose {
            self.best = Some(value);
        }
        if raw > self.top.0 {
            self.top = (raw, self.lam.clone());
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
        let step = (self.theta * (target - lv) / norm).min(1e12);
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
            self.top = (raw, boxed);
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

    /// Every relaxed row of worker `w` whose reduced cost at prices `lam`
    /// (scaled, in the box) and the current cap multipliers is at most
    /// `room` above the least, into `out` (sessions worked, in day order),
    /// unless there are more than `cap`.
    ///
    /// A forward pass of the row DP gives the least cost of reaching each
    /// state, a backward pass the least cost of ending from it; a walk
    /// from the start then follows only moves that can still end within
    /// the limit, so every row it reaches is one of those asked for and
    /// none is reached twice. A superset of the rows the worker can really
    /// work, as for the bound.
    pub fn rows_within(
        &mut self,
        w: usize,
        lam: &[i64],
        room: i64,
        cap: usize,
        out: &mut Vec<Vec<u32>>,
    ) -> Within {
        let m = self.m;
        let row = &self.rows[w];
        let (nd, ns) = (m.nd, row.states());
        if nd == 0 || !m.one_per_day {
            return Within::NoRow;
        }
        // Each day's slots, and the cheapest option's cost per (day, slot).
        let nk = row.slots();
        let mut best = vec![(INF, 0u32); nk];
        let mut slots: Vec<Vec<usize>> = vec![Vec::new(); nd];
        let mut cheap = vec![INF; nd * nk];
        for (d, keys) in slots.iter_mut().enumerate() {
            row.cheapest(d, lam, &mut best, keys);
            for &k in keys.iter() {
                cheap[d * nk + k] = best[k].0;
                best[k] = (INF, 0);
            }
        }
        let cost = |d: usize, slot: Option<usize>| slot.map_or(row.off[d], |k| cheap[d * nk + k]);
        // Forward: the least cost of each state after each day.
        let mut fwd = vec![INF; ns * nd];
        for d in 0..nd {
            let (before, here) = fwd.split_at_mut(d * ns);
            let here = &mut here[..ns];
            let from: Vec<(usize, i64)> = if d == 0 {
                vec![(START, 0)]
            } else {
                let prev = &before[(d - 1) * ns..];
                (0..ns)
                    .filter(|&i| prev[i] < INF)
                    .map(|i| (i, prev[i]))
                    .collect()
            };
            self.spent += (ns + from.len() * (slots[d].len() + 1)) as u64;
            for (i, c0) in from {
                row.moves(m, w, d, i, &slots[d], |slot, to| {
                    here[to] = here[to].min(c0 + cost(d, slot));
                });
            }
        }
        let last = &fwd[(nd - 1) * ns..];
        let Some(least) = (0..ns)
            .filter(|&i| last[i] < INF && row.may_end(i))
            .map(|i| last[i])
            .min()
        else {
            return Within::NoRow;
        };
        // Backward: the least cost of the days after `d` from each state.
        let mut ahead = vec![INF; ns * nd];
        for i in 0..ns {
            if last[i] < INF && row.may_end(i) {
                ahead[(nd - 1) * ns + i] = 0;
            }
        }
        for d in (0..nd.saturating_sub(1)).rev() {
            let (here, after) = ahead.split_at_mut((d + 1) * ns);
            let here = &mut here[d * ns..];
            let reached: Vec<usize> = (0..ns).filter(|&i| fwd[d * ns + i] < INF).collect();
            self.spent += (ns + reached.len() * (slots[d + 1].len() + 1)) as u64;
            for i in reached {
                row.moves(m, w, d + 1, i, &slots[d + 1], |slot, to| {
                    if after[to] < INF {
                        here[i] = here[i].min(cost(d + 1, slot) + after[to]);
                    }
                });
            }
        }
        let mut walk = Walk {
            m,
            w,
            row,
            ns,
            slots: &slots,
            ahead: &ahead,
            lam,
            limit: least.saturating_add(room),
            cap,
            out,
            path: Vec::new(),
            work: 0,
            too_many: false,
        };
        walk.from(0, START, 0);
        let (work, too_many) = (walk.work, walk.too_many);
        self.spent += work;
        if too_many {
            Within::TooMany
        } else {
            Within::Rows(least)
        }
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
        for d in (0..nd).rev() {
            let pick = self.picks[d * ns + st];
            if pick != u32::MAX {
                let o = &row.opts[row.day_idx[d] + pick as usize];
                self.count[o.s as usize] += 1;
                self.last_rows[w].push(o.s);
                if o.cap != NO_CAP {
                    self.cap_used[w][o.cap as usize] += 1;
                }
            }
            st = self.back[d * ns + st] as usize;
        }
        Some(value - row.nu_const())
    }
}

/// The outcome of `Bound::rows_within`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Within {
    /// The rows asked for were written; the least reduced cost (scaled).
    Rows(i64),
    /// The worker has no relaxed row at all.
    NoRow,
    /// More rows than the cap lie within the limit.
    TooMany,
}

/// The walk of `Bound::rows_within` over one worker's row DP.
struct Walk<'a> {
    m: &'a Model,
    w: usize,
    row: &'a Row,
    ns: usize,
    /// The slots of each day.
    slots: &'a [Vec<usize>],
    /// The least cost of the days after `d` from each state after `d`.
    ahead: &'a [i64],
    lam: &'a [i64],
    limit: i64,
    cap: usize,
    out: &'a mut Vec<Vec<u32>>,
    path: Vec<u32>,
    work: u64,
    too_many: bool,
}

impl Walk<'_> {
    /// Every way to go on from state `i` before day `d`, at cost `c` so far.
    fn from(&mut self, d: usize, i: usize, c: i64) {
        let (row, nd) = (self.row, self.m.nd);
        if d == nd {
            if self.out.len() >= self.cap {
                self.too_many = true;
            } else {
                self.out.push(self.path.clone());
            }
            return;
        }
        let mut next: Vec<(Option<usize>, usize)> = Vec::new();
        row.moves(self.m, self.w, d, i, &self.slots[d], |slot, to| {
            next.push((slot, to));
        });
        let day = &row.opts[row.day_idx[d]..row.day_idx[d + 1]];
        self.work += (next.len() + day.len()) as u64;
        for (slot, to) in next {
            let after = self.ahead[d * self.ns + to];
            if after == INF {
                continue;
            }
            match slot {
                None => {
                    let c2 = c + row.off[d];
                    if c2 + after <= self.limit {
                        self.from(d + 1, to, c2);
                    }
                }
                Some(k) => {
                    for o in day.iter().filter(|o| row.slot(o) == Some(k)) {
                        let c2 = c + row.price(o, self.lam);
                        if c2 + after <= self.limit {
                            self.path.push(o.s);
                            self.from(d + 1, to, c2);
                            self.path.pop();
                        }
                        if self.too_many {
                            return;
                        }
                    }
                }
            }
            if self.too_many {
                return;
            }
        }
    }
}

/// The state before the first day of the row DP.
const START: usize = usize::MAX;

impl Row {
    /// Option slots: one per (class, minutes bucket).
    fn slots(&self) -> usize {
        self.class_kind.len() * self.mb
    }

    /// Option `o`'s slot, or `None` when its minutes alone pass the most
    /// allowed.
    fn slot(&self, o: &Opt) -> Option<usize> {
        let un = if self.mb > 1 { o.units as usize } else { 0 };
        if un >= self.mb && self.max_units.is_some() {
            return None;
        }
        Some(o.class as usize * self.mb + un.min(self.mb - 1))
    }

    /// The minutes a slot adds (the bucket, the last one standing for
    /// "that many or more").
    fn slot_units(&self, slot: usize) -> usize {
        slot % self.mb
    }

    /// Day `d`'s cheapest option per slot at prices `lam` into `best`
    /// (cost, option index within the day), and the slots used into
    /// `keys`. `best` must hold `INF` in every slot on entry.
    fn cheapest(&self, d: usize, lam: &[i64], best: &mut [(i64, u32)], keys: &mut Vec<usize>) {
        keys.clear();
        let opts = &self.opts[self.day_idx[d]..self.day_idx[d + 1]];
        for (i, o) in opts.iter().enumerate() {
            let Some(slot) = self.slot(o) else {
                continue;
            };
            let c = self.price(o, lam);
            if best[slot].0 == INF {
                keys.push(slot);
            }
            if c < best[slot].0 {
                best[slot] = (c, i as u32);
            }
        }
    }

    fn idx(&self, lk: usize, r: usize, e: usize, u: usize, k: usize) -> usize {
        ((((lk * self.runs() + r - 1) * 2 + e) * self.mb + u) * self.wb) + k
    }

    /// A state's parts: last class worked (0 off, 1 + class), length of
    /// the current run, whether it touches the start, minutes bucket,
    /// weekends worked.
    fn decode(&self, i: usize) -> (usize, usize, usize, usize, usize) {
        if i == START {
            return (usize::MAX, 0, 1, 0, 0);
        }
        let k = i % self.wb;
        let rest = i / self.wb;
        let u = rest % self.mb;
        let rest = rest / self.mb;
        let e = rest % 2;
        let rest = rest / 2;
        (rest / self.runs(), rest % self.runs() + 1, e, u, k)
    }

    /// Whether the row may end in state `i` (fewest minutes reached; runs
    /// touching the last day are exempt).
    fn may_end(&self, i: usize) -> bool {
        self.mb == 1 || (i / self.wb) % self.mb >= self.min_units
    }

    /// Every move of worker `w` on day `d` from state `i` (the state after
    /// day `d - 1`, or `START`): `f(None, to)` for a day off, `f(Some(slot),
    /// to)` for working an option of each slot in `slots`.
    fn moves(
        &self,
        m: &Model,
        w: usize,
        d: usize,
        i: usize,
        slots: &[usize],
        mut f: impl FnMut(Option<usize>, usize),
    ) {
        let (lk, r, e, u, k) = self.decode(i);
        let (mb, wb) = (self.mb, self.wb);
        let worked = lk != usize::MAX && lk > 0;
        // Off.
        if !worked || e == 1 || r >= self.min_consec {
            let (r2, e2) = if lk == 0 {
                ((r + 1).min(self.off_cap), e)
            } else {
                (1, if lk == usize::MAX { 1 } else { 0 })
            };
            f(None, self.idx(0, r2, e2, u, k));
        }
        // Work.
        if lk == 0 && e == 0 && r < self.off_cap && m.workers[w].min_off.is_some() {
            return;
        }
        let we = m.weekend_of[d];
        let same_weekend = d > 0 && we != NONE && m.weekend_of[d - 1] == we;
        let k2 = if wb > 1 && we != NONE && !(same_weekend && worked) {
            k + 1
        } else {
            k
        };
        if k2 >= wb {
            return;
        }
        for &slot in slots {
            let cl = slot / mb;
            if worked {
                let ka = self.class_kind[lk - 1];
                let kb = self.class_kind[cl];
                if ka != NONE && kb != NONE && m.forbid[ka as usize * m.nk + kb as usize] {
                    continue;
                }
            }
            let (r2, e2) = if worked {
                if self.max_consec.is_some_and(|x| r + 1 > x) {
                    continue;
                }
                ((r + 1).min(self.work_cap), e)
            } else {
                (1, if lk == usize::MAX { 1 } else { 0 })
            };
            let u2 = if mb > 1 {
                let u2 = u + self.slot_units(slot);
                if self.max_units.is_some() {
                    if u2 >= mb {
                        continue;
                    }
                    u2
                } else {
                    u2.min(mb - 1)
                }
            } else {
                0
            };
            f(Some(slot), self.idx(cl + 1, r2, e2, u2, k2));
        }
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
