//! Every relaxed row of a worker within a given distance of their least
//! reduced cost: what closing the gap (`master/close.rs`) searches exactly.

use super::super::model::Model;
use super::row::{Row, START};
use super::{Bound, INF};

impl Bound<'_> {
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
