//! One worker's relaxed row (see the parent module): the options of each
//! day, the rules the DP keeps in its states, and the DP's moves. The
//! rounds price it (`Bound::solve_row`); closing the gap lists its rows
//! (`within.rs`).

use super::super::dp::req_cost;
use super::super::model::{Model, NONE};
use super::{INF, SCALE};

/// Most states × days one worker's DP may hold before it drops weekends,
/// then minutes.
pub(super) const BUDGET: usize = 1 << 21;

/// One way to work a day: a session at a placement.
#[derive(Debug, Clone, Copy)]
pub(super) struct Opt {
    pub(super) s: u32,
    /// Class index (kind tracked for successions), or 0.
    pub(super) class: u16,
    /// Minutes in units of the model's duration GCD.
    pub(super) units: u32,
    /// Own cost (seat cost and that day's requests), scaled.
    pub(super) cost: i64,
    /// Index of its kind's cap in `Row::caps`, or `NO_CAP`.
    pub(super) cap: u16,
}

/// An option whose kind has no cap the row relaxes.
pub(super) const NO_CAP: u16 = u16::MAX;

/// One worker's relaxed row problem.
#[derive(Debug, Clone)]
pub(super) struct Row {
    /// Options per day: `opts[day_idx[d]..day_idx[d + 1]]`.
    pub(super) opts: Vec<Opt>,
    pub(super) day_idx: Vec<usize>,
    /// Own cost of a day off, scaled.
    pub(super) off: Vec<i64>,
    /// Kind of each class (for successions); `NONE` when untracked.
    pub(super) class_kind: Vec<u32>,
    pub(super) work_cap: usize,
    pub(super) max_consec: Option<usize>,
    pub(super) min_consec: usize,
    pub(super) off_cap: usize,
    /// Minute buckets (1: untracked), the most allowed, the fewest needed.
    pub(super) mb: usize,
    pub(super) max_units: Option<usize>,
    pub(super) min_units: usize,
    /// Weekend counts tracked (1: untracked).
    pub(super) wb: usize,
    /// The most sessions of a kind the worker may work, for each capped
    /// kind the DP does not track but whose cap can bind (fewer than the
    /// days with a session of that kind). Each is relaxed with its own
    /// multiplier (`nu`, scaled, never negative): an option of that kind
    /// costs `nu` more, and the row `nu · most` less.
    pub(super) caps: Vec<i64>,
    pub(super) nu: Vec<i64>,
}

impl Row {
    pub(super) fn runs(&self) -> usize {
        self.work_cap.max(self.off_cap).max(1)
    }

    pub(super) fn states(&self) -> usize {
        (self.class_kind.len() + 1) * self.runs() * 2 * self.mb * self.wb
    }

    /// Option `o`'s reduced cost at prices `lam` (with its cap's
    /// multiplier).
    pub(super) fn price(&self, o: &Opt, lam: &[i64]) -> i64 {
        let nu = if o.cap == NO_CAP {
            0
        } else {
            self.nu[o.cap as usize]
        };
        o.cost - lam[o.s as usize] + nu
    }

    /// What the caps' multipliers take off every row: `Σ nu · most`.
    pub(super) fn nu_const(&self) -> i64 {
        self.nu.iter().zip(&self.caps).map(|(n, c)| n * c).sum()
    }
}

impl Row {
    /// Worker `w`'s relaxed row: the options of each day, with the rules the
    /// DP keeps (minutes and weekends only while the states fit `BUDGET`).
    pub(super) fn new(m: &Model, w: usize) -> Row {
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
}

/// The state before the first day of the row DP.
pub(super) const START: usize = usize::MAX;

impl Row {
    /// Option slots: one per (class, minutes bucket).
    pub(super) fn slots(&self) -> usize {
        self.class_kind.len() * self.mb
    }

    /// Option `o`'s slot, or `None` when its minutes alone pass the most
    /// allowed.
    pub(super) fn slot(&self, o: &Opt) -> Option<usize> {
        let un = if self.mb > 1 { o.units as usize } else { 0 };
        if un >= self.mb && self.max_units.is_some() {
            return None;
        }
        Some(o.class as usize * self.mb + un.min(self.mb - 1))
    }

    /// The minutes a slot adds (the bucket, the last one standing for
    /// "that many or more").
    pub(super) fn slot_units(&self, slot: usize) -> usize {
        slot % self.mb
    }

    /// Day `d`'s cheapest option per slot at prices `lam` into `best`
    /// (cost, option index within the day), and the slots used into
    /// `keys`. `best` must hold `INF` in every slot on entry.
    pub(super) fn cheapest(
        &self,
        d: usize,
        lam: &[i64],
        best: &mut [(i64, u32)],
        keys: &mut Vec<usize>,
    ) {
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

    pub(super) fn idx(&self, lk: usize, r: usize, e: usize, u: usize, k: usize) -> usize {
        ((((lk * self.runs() + r - 1) * 2 + e) * self.mb + u) * self.wb) + k
    }

    /// A state's parts: last class worked (0 off, 1 + class), length of
    /// the current run, whether it touches the start, minutes bucket,
    /// weekends worked.
    pub(super) fn decode(&self, i: usize) -> (usize, usize, usize, usize, usize) {
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
    pub(super) fn may_end(&self, i: usize) -> bool {
        self.mb == 1 || (i / self.wb) % self.mb >= self.min_units
    }

    /// Every move of worker `w` on day `d` from state `i` (the state after
    /// day `d - 1`, or `START`): `f(None, to)` for a day off, `f(Some(slot),
    /// to)` for working an option of each slot in `slots`.
    pub(super) fn moves(
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
