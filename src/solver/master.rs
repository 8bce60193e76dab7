//! A restricted master over pooled schedules: the column-generation half of
//! the search.
//!
//! Every round of the lower bound prices each worker's whole schedule by a
//! DP at the current session prices (`bound.rs`); those schedules, and the
//! rows of the rosters the search holds, are kept here as *columns*, a few
//! dozen per worker. The master chooses one column per worker so that the
//! chosen columns together cover the sessions best: a small annealing search
//! over column choices, scored by a light evaluator that knows only each
//! column's own cost (per-seat costs and requests) and each session's cover
//! terms at its head-count. One move changes one worker's column, or two
//! workers' at once; a move costs a few dozen additions, so the master
//! tries hundreds of thousands of combinations where the full state could
//! try a few thousand. The best combination found is then installed into
//! the full state, which judges it with every rule; the search keeps it only
//! if it is better than the best roster known.
//!
//! Single-worker changes alone would add nothing to the DP moves (the DP
//! finds a worker's best row over all rows, a superset of the pool); what
//! the pool adds is coordinated changes of many workers at once towards a
//! combination the prices say is good, which no one-worker move can reach
//! through the lexicographic score.

use std::collections::HashSet;

use super::dp::req_cost;
use super::model::{Model, NONE};
use super::rng::Rng;
use super::state::State;

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

/// The pooled columns.
#[derive(Debug, Clone)]
pub(crate) struct Pool {
    cols: Vec<Vec<Column>>,
    seen: Vec<HashSet<u64>>,
    ring: Vec<usize>,
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

fn hash(sess: &[u32]) -> u64 {
    // FNV-1a: stable across runs (the search must repeat).
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &s in sess {
        for b in s.to_le_bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// A column's own cost: per-seat soft costs and that worker's requests, at
/// the sessions' current placements.
fn own_cost(st: &State<'_>, w: usize, sess: &[u32]) -> i64 {
    let m = st.m;
    let mut c = 0;
    let mut worked = vec![NONE; m.nd];
    for &s in sess {
        let se = &m.sess[s as usize];
        let p = st.place[s as usize] as usize;
        c += m.st_soft[m.st(s as usize, p, w)];
        worked[se.pls[p].day as usize] = se.kind;
    }
    if m.one_per_day {
        for (d, &k) in worked.iter().enumerate() {
            c += req_cost(m, w, d, (k != NONE).then_some(k));
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
            seen: vec![HashSet::new(); m.nw],
            ring: vec![0; m.nw],
            fresh: 0,
            work: 0,
        }
    }

    /// Offers worker `w`'s schedule `sess` (any order); kept if new and
    /// within the worker's limits. Returns its index.
    pub fn offer(&mut self, st: &State<'_>, w: usize, sess: &mut Vec<u32>) -> Option<usize> {
        let m = st.m;
        sess.sort_by_key(|&s| (m.sess[s as usize].pls[st.place[s as usize] as usize].day, s));
        let h = hash(sess);
        if let Some(i) = self.cols[w].iter().position(|c| c.sess == *sess) {
            return Some(i);
        }
        if self.seen[w].contains(&h) || !keeps_limits(m, st, w, sess) {
            return None;
        }
        self.seen[w].insert(h);
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
            let i = self.ring[w];
            self.ring[w] = (i + 1) % PER_WORKER;
            list[i] = col;
            Some(i)
        }
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
    pub fn solve(&mut self, st: &mut State<'_>, rng: &mut Rng, moves: u64) -> bool {
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
        let typical = m
            .sess
            .iter()
            .filter(|se| !se.required)
            .map(|se| se.under.max(se.over))
            .max()
            .unwrap_or(1)
            .max(1) as f64;
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
            for &s in &list[a].sess {
                if st.on(s, w as u32) && !m.sess[s as usize].pins.contains(&(w as u32)) {
                    st.remove(s, w as u32);
                }
            }
            for &s in &list[b].sess {
                if !st.on(s, w as u32) {
                    st.add(s, w as u32);
                }
            }
        }
        changed
    }
}
