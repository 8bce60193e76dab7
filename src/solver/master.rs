//! A restricted master over pooled schedules: the column-generation half of
//! the search.
//!
//! Every round of pricing prices each worker's whole schedule by a DP
//! (`bound.rs`); those schedules, and the rows of the rosters the search
//! holds, are kept here as *columns*, a few dozen per worker. The master
//! chooses one column per worker so that the chosen columns together cover
//! the sessions best, scored by a light evaluator that knows only each
//! column's own cost (per-seat costs and requests) and each session's cover
//! terms at its head-count. The best choice found is then installed into the
//! full state, which judges it with every rule; the search keeps it only if
//! it is better than the best roster known.
//!
//! Column generation proper: the pool's own Lagrangian dual, raised by a
//! few subgradient steps over the pooled columns only
//! (`Pool::restricted_prices`), gives prices near the duals of the
//! restricted master's linear relaxation. Rounds of pricing at those prices
//! bring exactly the columns the pool lacks (where the subgradient's own
//! prices, near the full relaxation's, keep returning the same rows), and
//! since every price vector gives a valid bound, they raise the bound too.
//!
//! The choice itself is made in two ways:
//! - from the best roster, a branch and bound over the pool
//!   (`exact.rs`), bounded by the pool's Lagrangian at those prices, with
//!   reduced-cost fixing: where the pool holds a roster close to the bound
//!   this finds it, or proves there is none, and on small instances proves
//!   the roster optimal together with the bound;
//! - then (and from the current roster, as a move) a small annealing over
//!   column choices, one worker's column at a time, from the current choice
//!   or from each worker's column of least reduced cost.
//!
//! Where the bound comes close, `close.rs` closes the gap: the bound's DP
//! lists every schedule whose reduced cost lies within the gap between the
//! best roster and the bound, and the same branch and bound, run over
//! exactly those columns, finds a better roster or proves there is none.
//!
//! Single-worker changes alone would add nothing to the DP moves (the DP
//! finds a worker's best row over all rows, a superset of the pool); what
//! the pool adds is coordinated changes of many workers at once towards a
//! combination the prices say is good, which no one-worker move can reach
//! through the lexicographic score.

mod close;
mod exact;

pub(crate) use close::{CloseLimits, Closed, closable};

use super::bound::{SCALE, heaviest_cover, price_box, projected};
use super::dp::req_cost;
use super::model::{Model, NONE};
use super::rng::Rng;
use super::state::State;

/// The work of `terms` cover terms evaluated by the master or its branch
/// and bound, in DP transitions (the units of the search's work): four
/// fifths of one each.
pub(crate) fn term_work(terms: u64) -> u64 {
    terms.saturating_mul(4) / 5
}

/// Columns kept per worker (the oldest are replaced first).
const PER_WORKER: usize = 48;

/// One worker's schedule: the sessions worked, in day order, and its own
/// cost (per-seat soft costs and requests, at the sessions' placements when
/// it was made).
#[derive(Debug, Clone)]
struct Column {
    sess: Vec<u32>,
    own: i64,
}

impl Column {
    /// Reduced cost at prices `lam` (scaled by `SCALE`): own cost minus
    /// the prices of the sessions worked.
    fn reduced(&self, lam: &[i64]) -> i64 {
        self.own * SCALE - self.sess.iter().map(|&s| lam[s as usize]).sum::<i64>()
    }
}

/// The pooled columns.
#[derive(Debug, Clone)]
pub(crate) struct Pool {
    cols: Vec<Vec<Column>>,
    ring: Vec<usize>,
    /// The restricted master's prices (see `restricted_prices`), scaled as
    /// the bound's; empty until first computed.
    lam: Vec<i64>,
    /// Columns added since the master last ran.
    pub fresh: usize,
    /// Cover terms evaluated so far (the master's share of the work).
    pub work: u64,
}

/// A session's cover terms as a function of its head-count `n`, read once
/// from the state (`State::session_cost_n`, scaled as the DP compares
/// scores): `short · (want − n)⁺ + extra · (n − want)⁺ + held · [n > 0]`.
#[derive(Debug, Clone, Copy)]
struct Cover {
    want: i64,
    short: i64,
    extra: i64,
    held: i64,
}

impl Cover {
    fn of(st: &State<'_>, s: usize) -> Self {
        let want = st.m.sess[s].want as i64;
        let at = |n: i64| super::dp::scal(st.session_cost_n(s, n));
        let c = if want > 0 {
            Cover {
                want,
                short: at(0) / want,
                extra: at(want + 1) - at(want),
                held: at(want),
            }
        } else {
            let extra = at(2) - at(1);
            Cover {
                want,
                short: 0,
                extra,
                held: at(1) - extra,
            }
        };
        debug_assert!(
            (0..want + 3).all(|n| c.at(n) == at(n)),
            "the cover terms of session {s} are not of the assumed shape"
        );
        c
    }

    #[inline]
    fn at(&self, n: i64) -> i64 {
        self.short * (self.want - n).max(0)
            + self.extra * (n - self.want).max(0)
            + if n > 0 { self.held } else { 0 }
    }
}

/// A column's own cost: per-seat soft costs and that worker's requests, at
/// the sessions' current placements.
fn own_cost(st: &State<'_>, w: usize, sess: &[u32]) -> i64 {
    let m = st.m;
    let mut c = 0;
    // The kind worked each day (a session without a kind is `Some(NONE)`).
    let mut worked = vec![None; m.nd];
    for &s in sess {
        let se = &m.sess[s as usize];
        let p = st.place[s as usize] as usize;
        c += m.soft_at(s as usize, p, w);
        worked[se.pls[p].day as usize] = Some(se.kind);
    }
    if m.one_per_day {
        for (d, &k) in worked.iter().enumerate() {
            c += req_cost(m, w, d, k);
        }
    }
    c
}

/// Whether a column keeps the worker's totals and per-kind limits that the
/// lower bound's DP may have dropped (a column breaking them would only be
/// refused by the full state later).
fn keeps_limits(m: &Model, st: &State<'_>, w: usize, sess: &[u32]) -> bool {
    let wk = &m.workers[w];
    let mut minutes = 0;
    let mut weekends = 0u32;
    let mut last_we = NONE;
    for &s in sess {
        let se = &m.sess[s as usize];
        let pl = &se.pls[st.place[s as usize] as usize];
        if pl.day as usize >= m.nd {
            return false;
        }
        minutes += pl.dur;
        let we = m.weekend_of[pl.day as usize];
        if we != NONE && we != last_we {
            weekends += 1;
            last_we = we;
        }
    }
    if wk.min_total.is_some_and(|x| minutes < x) || wk.max_total.is_some_and(|x| minutes > x) {
        return false;
    }
    if wk.max_weekends.is_some_and(|x| weekends > x) {
        return false;
    }
    wk.max_per_kind.iter().all(|&(k, max)| {
        sess.iter()
            .filter(|&&s| m.sess[s as usize].kind == k)
            .count()
            <= max as usize
    })
}

impl Pool {
    pub fn new(m: &Model) -> Self {
        Pool {
            cols: vec![Vec::new(); m.nw],
            ring: vec![0; m.nw],
            lam: Vec::new(),
            fresh: 0,
            work: 0,
        }
    }

    /// Offers worker `w`'s schedule `sess` (any order); kept if new and
    /// within the worker's limits. Returns its index.
    pub fn offer(&mut self, st: &State<'_>, w: usize, sess: &mut Vec<u32>) -> Option<usize> {
        let m = st.m;
        sess.sort_by_key(|&s| (m.sess[s as usize].pls[st.place[s as usize] as usize].day, s));
        if let Some(i) = self.cols[w].iter().position(|c| c.sess == *sess) {
            return Some(i);
        }
        if !keeps_limits(m, st, w, sess) {
            return None;
        }
        let col = Column {
            own: own_cost(st, w, sess),
            sess: sess.clone(),
        };
        self.fresh += 1;
        let list = &mut self.cols[w];
        if list.len() < PER_WORKER {
            list.push(col);
            Some(list.len() - 1)
        } else {
            // Out goes the column the restricted master's prices like least
            // (the oldest while there are none).
            let i = if self.lam.is_empty() {
                let i = self.ring[w];
                self.ring[w] = (i + 1) % PER_WORKER;
                i
            } else {
                (0..list.len())
                    .max_by_key(|&i| list[i].reduced(&self.lam))
                    .unwrap_or(0)
            };
            list[i] = col;
            Some(i)
        }
    }

    /// Session prices near the duals of the restricted master's linear
    /// relaxation (each worker one convex mix of their pooled columns,
    /// cover as in the bound): `iterations` projected subgradient steps on
    /// the pool's own Lagrangian dual, from `start`, aiming at `upper` (the
    /// best roster's soft level) when there is one. Pricing whole rows at
    /// these prices is column generation: it brings exactly the columns
    /// the restricted master lacks. Returns the prices where that dual was
    /// highest (scaled as the bound's, `bound::SCALE`).
    pub fn restricted_prices(
        &mut self,
        m: &Model,
        start: &[i64],
        upper: Option<i64>,
        iterations: usize,
    ) -> &[i64] {
        let mut lam: Vec<i64> = if self.lam.len() == start.len() {
            self.lam.clone()
        } else {
            start.to_vec()
        };
        let mut best = (i64::MIN, lam.clone());
        let mut theta = 1.0f64;
        let mut since = 0;
        let mut count = vec![0i64; m.sess.len()];
        for _ in 0..iterations {
            count.iter_mut().for_each(|c| *c = 0);
            let mut value: i64 = m
                .sess
                .iter()
                .zip(&lam)
                .map(|(se, l)| l * se.want as i64)
                .sum();
            for list in &self.cols {
                let Some((rc, c)) = list
                    .iter()
                    .map(|c| (c.reduced(&lam), c))
                    .min_by_key(|x| x.0)
                else {
                    continue;
                };
                self.work += list.iter().map(|c| c.sess.len() as u64).sum::<u64>();
                value += rc;
                for &s in &c.sess {
                    count[s as usize] += 1;
                }
            }
            if value > best.0 {
                best = (value, lam.clone());
                since = 0;
            } else {
                since += 1;
                if since >= 10 {
                    theta *= 0.5;
                    since = 0;
                }
            }
            let grad: Vec<i64> = m
                .sess
                .iter()
                .zip(&count)
                .zip(&lam)
                .map(|((se, &n), &l)| projected(se, se.want as i64 - n, l))
                .collect();
            let norm: i64 = grad.iter().map(|g| g * g).sum();
            if norm == 0 {
                break;
            }
            let lv = value as f64 / SCALE as f64;
            let target = match upper {
                Some(u) if u as f64 > lv + 0.5 => u as f64,
                _ => lv + lv.abs().max(10.0) * 0.05,
            };
            let step = theta * (target - lv) / norm as f64;
            for ((l, g), se) in lam.iter_mut().zip(&grad).zip(&m.sess) {
                *l = price_box(se, *l + (step * *g as f64 * SCALE as f64).round() as i64);
            }
        }
        self.lam = best.1;
        &self.lam
    }

    /// Columns pooled over all workers.
    pub fn columns_total(&self) -> usize {
        self.cols.iter().map(Vec::len).sum()
    }

    /// Worker `w`'s pooled columns.
    #[cfg(test)]
    pub fn columns(&self, w: usize) -> impl Iterator<Item = &[u32]> {
        self.cols[w].iter().map(|c| c.sess.as_slice())
    }

    /// Worker `w`'s current schedule in the state (every session, pinned
    /// ones included).
    fn row_of(st: &State<'_>, w: usize, out: &mut Vec<u32>) {
        let m = st.m;
        out.clear();
        for d in 0..m.nd {
            out.extend_from_slice(&st.day_sess[w * m.nd + d]);
        }
    }

    /// Offers every worker's current row.
    pub fn offer_rows(&mut self, st: &State<'_>) -> Vec<Option<usize>> {
        let mut buf = Vec::new();
        (0..st.m.nw)
            .map(|w| {
                Self::row_of(st, w, &mut buf);
                self.offer(st, w, &mut buf)
            })
            .collect()
    }

    /// Anneals over column choices from the state's rows for `moves` moves,
    /// then installs the best choice found into the state (logged, so the
    /// caller can undo it). Returns whether anything changed.
    pub fn solve(&mut self, st: &mut State<'_>, rng: &mut Rng, moves: u64, exact: bool) -> bool {
        let m = st.m;
        let start = self.offer_rows(st);
        self.fresh = 0;
        // Workers whose current row is not poolable (it breaks a limit) or
        // who have a single column stay as they are.
        let free: Vec<usize> = (0..m.nw)
            .filter(|&w| start[w].is_some() && self.cols[w].len() > 1)
            .collect();
        if free.is_empty() {
            return false;
        }
        let mut cur: Vec<usize> = start.iter().map(|c| c.unwrap_or(usize::MAX)).collect();
        let mut n: Vec<i64> = st.seats.iter().map(|x| x.len() as i64).collect();
        let cover: Vec<Cover> = (0..m.sess.len()).map(|s| Cover::of(st, s)).collect();
        // Light cost relative to the start.
        let mut cost = 0i64;
        let mut best = 0i64;
        let mut best_choice = cur.clone();
        // Temperature: from about a third of the largest cover weight down
        // to a small fraction of it, geometric over the moves (counted,
        // never timed).
        let typical = heaviest_cover(m).max(1) as f64;
        let t0 = typical * 0.3;
        let t1 = typical * 0.002;
        let decay = (t1 / t0).powf(1.0 / moves.max(1) as f64);
        let mut temp = t0;
        let mut touched = 0u64;
        let delta_of = |n: &mut Vec<i64>, from: &[u32], to: &[u32]| {
            let mut d = 0i64;
            for &s in from {
                let s = s as usize;
                d += cover[s].at(n[s] - 1) - cover[s].at(n[s]);
                n[s] -= 1;
            }
            for &s in to {
                let s = s as usize;
                d += cover[s].at(n[s] + 1) - cover[s].at(n[s]);
                n[s] += 1;
            }
            d
        };
        // First the exact search over the pool, guided by the restricted
        // master's prices, within a share of the moves' work.
        if exact && !self.lam.is_empty() {
            let mut fixed = n.clone();
            let mut start_cost = 0;
            for &w in &free {
                let col = &self.cols[w][cur[w]];
                start_cost += col.own;
                for &s in &col.sess {
                    fixed[s as usize] -= 1;
                }
            }
            start_cost += (0..m.sess.len()).map(|s| cover[s].at(n[s])).sum::<i64>();
            let r = exact::Restricted {
                cols: free.iter().map(|&w| self.cols[w].as_slice()).collect(),
                fixed: &fixed,
                cover: &cover,
                lam: &self.lam,
                deadline: None,
                ladder: true,
                filter: false,
            };
            let found = r.solve(start_cost, moves.saturating_mul(40));
            self.work += found.work;
            if let Some((c, pick)) = found.choice {
                for (i, &w) in free.iter().enumerate() {
                    let list = &self.cols[w];
                    if pick[i] != cur[w] {
                        delta_of(&mut n, &list[cur[w]].sess, &list[pick[i]].sess);
                        cur[w] = pick[i];
                    }
                }
                cost = c - start_cost;
                best = cost;
                best_choice.clone_from(&cur);
            }
        }
        // Half the runs start from the choice the restricted master's
        // prices favour (each worker's column of least reduced cost).
        if !self.lam.is_empty() && rng.chance(0.5) {
            for &w in &free {
                let list = &self.cols[w];
                let c = (0..list.len())
                    .min_by_key(|&i| list[i].reduced(&self.lam))
                    .unwrap_or(cur[w]);
                if c != cur[w] {
                    let (from, to) = (&list[cur[w]], &list[c]);
                    touched += (from.sess.len() + to.sess.len()) as u64;
                    cost += to.own - from.own + delta_of(&mut n, &from.sess, &to.sess);
                    cur[w] = c;
                }
            }
            if cost < best {
                best = cost;
                best_choice.clone_from(&cur);
            }
        }
        for _ in 0..moves {
            temp *= decay;
            let w = free[rng.below(free.len())];
            let list = &self.cols[w];
            let c = rng.below(list.len());
            if c == cur[w] {
                continue;
            }
            let (from, to) = (&list[cur[w]], &list[c]);
            touched += (from.sess.len() + to.sess.len()) as u64;
            let d = to.own - from.own + delta_of(&mut n, &from.sess, &to.sess);
            let accept = d <= 0 || rng.chance((-(d as f64) / temp).exp());
            if accept {
                cur[w] = c;
                cost += d;
                if cost < best {
                    best = cost;
                    best_choice.clone_from(&cur);
                }
            } else {
                touched += (from.sess.len() + to.sess.len()) as u64;
                delta_of(&mut n, &to.sess, &from.sess);
            }
        }
        self.work += touched;
        if best >= 0 {
            return false;
        }
        // Install: every changed worker's row.
        let mut changed = false;
        for &w in &free {
            let (a, b) = (start[w].unwrap_or(usize::MAX), best_choice[w]);
            if a == b {
                continue;
            }
            changed = true;
            let list = &self.cols[w];
            install(st, w, &list[a].sess, &list[b].sess);
        }
        changed
    }
}

/// Replaces worker `w`'s row `from` by `to` in the state (pinned sessions
/// stay), logged for undo.
fn install(st: &mut State<'_>, w: usize, from: &[u32], to: &[u32]) {
    let m = st.m;
    for &s in from {
        if st.on(s, w as u32) && !m.sess[s as usize].pins.contains(&(w as u32)) {
            st.remove(s, w as u32);
        }
    }
    for &s in to {
        if !st.on(s, w as u32) {
            st.add(s, w as u32);
        }
    }
}
