//! The restricted master solved exactly, within a work budget: a depth-first
//! branch and bound over the workers' column choices.
//!
//! Bounds come from the pool's own Lagrangian at the restricted master's
//! prices `λ` (clipped into each session's box `[-extra, short]`). For any
//! choice of columns,
//!
//! ```text
//! cost = Σ_w rc_w + Σ_s λ_s (want_s − fixed_s) + Σ_s slack_s(n_s)
//! ```
//!
//! where `rc_w` is the reduced cost of worker `w`'s column (own cost minus
//! the prices of its sessions), `fixed_s` the head-count from workers not
//! being chosen, and `slack_s(n) = cover_s(n) − λ_s (want_s − n)`, never
//! negative in the box. At a node, undecided workers count their least
//! reduced cost and each session its least slack over the head-counts the
//! undecided workers can still make: a valid bound, exact at a leaf.
//!
//! Before the search every column whose reduced cost exceeds its worker's
//! least by more than the gap between the root bound and the cost to beat
//! is dropped: no choice better than that cost can use it (reduced-cost
//! fixing). With good prices and a small gap this leaves a handful of
//! columns per worker.
//!
//! Where the columns are many (closing the gap lists every row within it),
//! each node also filters the undecided workers' columns by what each
//! would add to the bound, adds their least additions to it, and decides
//! the worker with the fewest columns left (`Node::dive`).

use std::time::Instant;

use super::{Column, Cover};
use crate::solver::bound::{SCALE, ceil_div};

/// The problem handed to the branch and bound.
pub(super) struct Restricted<'a> {
    /// Each chosen worker's columns.
    pub cols: Vec<&'a [Column]>,
    /// Head-count per session from everyone not being chosen.
    pub fixed: &'a [i64],
    pub cover: &'a [Cover],
    /// Prices, scaled by `SCALE`.
    pub lam: &'a [i64],
    /// Past it the search stops, unfinished (the solve is over then).
    pub deadline: Option<Instant>,
    /// Targets from just above the root bound upwards, each searched by
    /// limited discrepancy (finds choices near the bound early); without,
    /// one depth-first search against the cost to beat (the fastest
    /// proof that none beats it).
    pub ladder: bool,
    /// Filter every undecided worker's columns at each node and decide
    /// the worker with the fewest left (see `Node::dive`); without, decide
    /// workers in a fixed order.
    pub filter: bool,
}

/// The best choice found, its cost (own costs of the chosen columns plus
/// every session's cover terms), whether the search proved that no choice
/// costs less than the cost to beat (when none was found), and the work
/// spent.
pub(super) struct Found {
    pub choice: Option<(i64, Vec<usize>)>,
    pub proven: bool,
    pub work: u64,
}

/// A price clipped into the box `[-extra, short]` of its session's cover
/// terms, where every session's slack is never negative (scaled).
pub(super) fn clip(c: &Cover, l: i64) -> i64 {
    l.clamp(-c.extra * SCALE, c.short * SCALE)
}

struct Node<'p> {
    p: &'p Restricted<'p>,
    lam: Vec<i64>,
    /// Kept columns per worker, by reduced cost.
    kept: Vec<Vec<(i64, usize)>>,
    /// Sessions any kept column of the worker covers.
    union: Vec<Vec<u32>>,
    /// The order workers are decided in, searching near the bound.
    order: Vec<usize>,
    n: Vec<i64>,
    avail: Vec<i64>,
    slack: Vec<i64>,
    /// Σ rc (decided) + Σ least rc (undecided) + constant + Σ slack.
    bound: i64,
    pick: Vec<usize>,
    best: i64,
    best_pick: Option<Vec<usize>>,
    work: u64,
    budget: u64,
    /// The work at which the deadline is next looked at.
    check: u64,
    /// Each undecided worker's columns still open at this node (indices
    /// into `kept[w]`), as a span of `open`.
    spans: Vec<(usize, usize)>,
    open: Vec<u32>,
    /// The spans of the nodes above, restored on the way back.
    saved: Vec<(usize, usize)>,
    /// Per session, at this node: what one more worker covering it adds
    /// to the bound (`up`), and what one worker able to cover it but not
    /// doing so adds (`down`). Both are never negative.
    up: Vec<i64>,
    down: Vec<i64>,
    /// Scratch: the rises of every open column, and each worker's least.
    rises: Vec<i64>,
    least_rise: Vec<i64>,
}

impl Restricted<'_> {
    fn slack(&self, lam: &[i64], s: usize, n: i64) -> i64 {
        let c = &self.cover[s];
        c.at(n) * SCALE - lam[s] * (c.want - n)
    }

    /// Least slack of session `s` over head-counts `lo..=hi` (a piecewise
    /// linear function with kinks at 1 and `want`).
    fn least_slack(&self, lam: &[i64], s: usize, lo: i64, hi: i64) -> i64 {
        let want = self.cover[s].want;
        [lo, hi, want.clamp(lo, hi), 1.clamp(lo, hi)]
            .into_iter()
            .map(|n| self.slack(lam, s, n))
            .min()
            .unwrap_or(0)
    }

    /// Searches for a choice costing less than `beat`, within `budget`.
    pub fn solve(&self, beat: i64, budget: u64) -> Found {
        let lam: Vec<i64> = self
            .lam
            .iter()
            .zip(self.cover)
            .map(|(&l, c)| clip(c, l))
            .collect();
        let mut work = 0u64;
        let mut least = Vec::with_capacity(self.cols.len());
        let mut kept: Vec<Vec<(i64, usize)>> = Vec::with_capacity(self.cols.len());
        for list in &self.cols {
            let mut all: Vec<(i64, usize)> =
                list.iter().map(|c| c.reduced(&lam)).zip(0..).collect();
            work += list.iter().map(|c| c.sess.len() as u64).sum::<u64>();
            all.sort_unstable();
            least.push(all.first().map_or(0, |x| x.0));
            kept.push(all);
        }
        let k: i64 = self
            .cover
            .iter()
            .zip(self.fixed)
            .zip(&lam)
            .map(|((c, &f), &l)| l * (c.want - f))
            .sum();
        // Root: every worker may still cover every session one of their
        // columns covers.
        let mut avail = vec![0i64; self.cover.len()];
        let mut union = Vec::with_capacity(self.cols.len());
        for list in &self.cols {
            let mut u: Vec<u32> = list.iter().flat_map(|c| c.sess.iter().copied()).collect();
            u.sort_unstable();
            u.dedup();
            for &s in &u {
                avail[s as usize] += 1;
            }
            union.push(u);
        }
        let n = self.fixed.to_vec();
        let slack: Vec<i64> = (0..self.cover.len())
            .map(|s| self.least_slack(&lam, s, n[s], n[s] + avail[s]))
            .collect();
        let root = least.iter().sum::<i64>() + k + slack.iter().sum::<i64>();
        // Targets from just above the root bound upwards: the tighter the
        // target, the more columns reduced-cost fixing drops and the
        // faster the search either finds a choice or proves there is none.
        let floor = ceil_div(root, SCALE);
        let mut gap = if self.ladder { 1 } else { beat - floor };
        loop {
            let target = (floor + gap).min(beat);
            let room = target * SCALE - 1 - root;
            if room < 0 {
                // Only at the cost to beat: the root bound reaches it.
                return Found {
                    choice: None,
                    proven: true,
                    work,
                };
            }
            // A tight target may take a third of what is left; the cost to
            // beat itself, everything.
            let left = budget.saturating_sub(work);
            let share = if target >= beat { left } else { left / 3 };
            let (choice, complete, spent) =
                self.attempt(&lam, &kept, &least, k, &n, target, room, share);
            work += spent;
            if choice.is_some() || target >= beat || work >= budget {
                let proven = choice.is_none() && complete && target >= beat;
                return Found {
                    choice,
                    proven,
                    work,
                };
            }
            // An incomplete search at this target: straight to the cost to
            // beat.
            gap = if complete { gap * 2 } else { beat - floor };
        }
    }

    /// One branch and bound for a choice costing less than `target`, with
    /// the columns within `room` of their worker's least reduced cost.
    /// Returns the choice, whether the search was complete, and the work.
    #[allow(clippy::too_many_arguments)]
    fn attempt(
        &self,
        lam: &[i64],
        all: &[Vec<(i64, usize)>],
        least: &[i64],
        k: i64,
        fixed: &[i64],
        target: i64,
        room: i64,
        budget: u64,
    ) -> (Option<(i64, Vec<usize>)>, bool, u64) {
        let kept: Vec<Vec<(i64, usize)>> = all
            .iter()
            .zip(least)
            .map(|(list, &l)| {
                list.iter()
                    .copied()
                    .take_while(|&(r, _)| r - l <= room)
                    .collect()
            })
            .collect();
        let mut avail = vec![0i64; self.cover.len()];
        let mut union = Vec::with_capacity(kept.len());
        for (w, list) in kept.iter().enumerate() {
            let mut u: Vec<u32> = Vec::new();
            for &(_, c) in list {
                u.extend_from_slice(&self.cols[w][c].sess);
            }
            u.sort_unstable();
            u.dedup();
            for &s in &u {
                avail[s as usize] += 1;
            }
            union.push(u);
        }
        let n = fixed.to_vec();
        let slack: Vec<i64> = (0..self.cover.len())
            .map(|s| self.least_slack(lam, s, n[s], n[s] + avail[s]))
            .collect();
        let bound = least.iter().sum::<i64>() + k + slack.iter().sum::<i64>();
        let mut open = Vec::new();
        let spans = kept
            .iter()
            .map(|list| {
                let start = open.len();
                open.extend(0..list.len() as u32);
                (start, open.len())
            })
            .collect();
        let ns = self.cover.len();
        let mut order: Vec<usize> = (0..self.cols.len()).collect();
        order.sort_by_key(|&w| (kept[w].len(), w));
        let mut node = Node {
            p: self,
            lam: lam.to_vec(),
            kept,
            union,
            order,
            n,
            avail,
            slack,
            bound,
            pick: vec![usize::MAX; self.cols.len()],
            best: target,
            best_pick: None,
            work: 0,
            budget,
            check: 0,
            spans,
            open,
            saved: Vec::new(),
            up: vec![0; ns],
            down: vec![0; ns],
            rises: Vec::new(),
            least_rise: vec![0; self.cols.len()],
        };
        let mut left = if self.ladder { 0 } else { u32::MAX };
        let mut complete = false;
        while node.work < node.budget {
            if !node.dive(0, least, left) {
                complete = node.work < node.budget;
                break;
            }
            left = left.saturating_add(1);
        }
        (node.best_pick.map(|p| (node.best, p)), complete, node.work)
    }
}

impl Node<'_> {
    /// Re-reads session `s`'s least slack into the bound.
    fn refresh(&mut self, s: usize) {
        let v = self
            .p
            .least_slack(&self.lam, s, self.n[s], self.n[s] + self.avail[s]);
        self.bound += v - self.slack[s];
        self.slack[s] = v;
    }

    /// What choosing the worker's `i`-th kept column adds to the bound at
    /// this node (`up` and `down` being current): its reduced cost above
    /// the worker's least, and for every session in the worker's union,
    /// `up` where the column covers it and `down` where it does not.
    fn rise(&self, w: usize, i: usize, least: i64, base: i64) -> i64 {
        let (r, c) = self.kept[w][i];
        let sess = &self.p.cols[w][c].sess;
        r - least
            + base
            + sess
                .iter()
                .map(|&s| self.up[s as usize] - self.down[s as usize])
                .sum::<i64>()
    }

    /// Reads every session's `up` and `down` at this node.
    fn read_rises(&mut self) {
        for s in 0..self.up.len() {
            let (n, a) = (self.n[s], self.avail[s]);
            // Summing the workers' rises (filtering) is valid where the
            // slack is convex over the head-counts still open (a held cover
            // term can break that between none and one); elsewhere the
            // session adds nothing until a worker is decided.
            let convex = !self.p.filter || n > 0 || a < 2 || {
                let f = |x| self.p.slack(&self.lam, s, x);
                f(0) + f(2) >= 2 * f(1)
            };
            if a > 0 && convex {
                self.up[s] = self.p.least_slack(&self.lam, s, n + 1, n + a) - self.slack[s];
                self.down[s] = self.p.least_slack(&self.lam, s, n, n + a - 1) - self.slack[s];
            } else {
                self.up[s] = 0;
                self.down[s] = 0;
            }
        }
    }

    /// Filters every undecided worker's open columns (see `dive`) and
    /// returns the worker with the fewest left and what the others add to
    /// the bound at least, or `None` where some worker has none left.
    fn filter(&mut self, least: &[i64], room: i64) -> Option<(usize, i64)> {
        self.work += self.up.len() as u64;
        let mut rises = std::mem::take(&mut self.rises);
        rises.clear();
        // Each undecided worker's least rise: their sum is a bound on what
        // the workers left add.
        let mut all = 0i64;
        for (w, &least) in least.iter().enumerate() {
            self.least_rise[w] = 0;
            if self.pick[w] != usize::MAX {
                continue;
            }
            let base: i64 = self.union[w].iter().map(|&s| self.down[s as usize]).sum();
            let (a, b) = self.spans[w];
            let mut low = i64::MAX;
            for j in a..b {
                let i = self.open[j] as usize;
                self.work += 1 + self.p.cols[w][self.kept[w][i].1].sess.len() as u64;
                let r = self.rise(w, i, least, base);
                low = low.min(r);
                rises.push(r);
            }
            self.work += self.union[w].len() as u64;
            self.least_rise[w] = low;
            all = all.saturating_add(low);
        }
        let mut chosen: Option<(usize, usize)> = None;
        if all <= room {
            // A column stays open while its rise, with every other worker's
            // least, stays within the room.
            let mut k = 0;
            for w in 0..self.kept.len() {
                if self.pick[w] != usize::MAX {
                    continue;
                }
                let (a, b) = self.spans[w];
                let start = self.open.len();
                let within = room - all + self.least_rise[w];
                for j in a..b {
                    if rises[k] <= within {
                        let i = self.open[j];
                        self.open.push(i);
                    }
                    k += 1;
                }
                self.spans[w] = (start, self.open.len());
                let count = self.open.len() - start;
                if chosen.is_none_or(|(_, c)| count < c) {
                    chosen = Some((w, count));
                }
            }
        }
        self.rises = rises;
        chosen
            .filter(|&(_, count)| count > 0)
            .map(|(w, _)| (w, all - self.least_rise[w]))
    }

    /// One pass of limited discrepancy search. Returns whether any child
    /// was skipped for want of discrepancies (a pass with none skipped is
    /// complete).
    ///
    /// With `filter` (closing the gap, where a proof is the point), every
    /// undecided worker's open columns are filtered at each node. A
    /// worker's rise by a column is what choosing it alone adds to the
    /// bound; the bound never falls along a path, and where each session's
    /// slack is convex over the head-counts still open, the workers' rises
    /// add up to at most what they add together. So the least rises of all
    /// undecided workers add to the bound, and a column is closed for the
    /// whole subtree once its rise with the others' least reaches the cost
    /// to beat. The worker with the fewest open columns is decided next.
    /// Without (the master's search for good choices near the bound),
    /// workers are decided in a fixed order, fewest kept columns first:
    /// with a few dozen columns a worker, filtering costs more per node
    /// than it saves.
    ///
    /// In both, the children are taken by bound, the first for free and
    /// every later one spending one of `left` discrepancies.
    fn dive(&mut self, depth: usize, least: &[i64], left: u32) -> bool {
        if self.work >= self.check {
            self.check = self.work + (1 << 16);
            if self.p.deadline.is_some_and(|d| Instant::now() >= d) {
                self.budget = self.work;
            }
        }
        if self.work >= self.budget {
            return true;
        }
        // Cost is whole in score units: `bound` rounds up.
        if ceil_div(self.bound, SCALE) >= self.best {
            return false;
        }
        if depth == self.kept.len() {
            self.best = self.bound / SCALE;
            self.best_pick = Some(self.pick.clone());
            return false;
        }
        self.read_rises();
        let saved = self.saved.len();
        let mark = self.open.len();
        let next = if !self.p.filter {
            Some((self.order[depth], 0))
        } else {
            self.saved.extend_from_slice(&self.spans);
            // A rise above `room` cannot beat the best.
            self.filter(least, (self.best - 1) * SCALE - self.bound)
        };
        let mut skipped = false;
        if let Some((w, others)) = next {
            let base: i64 = self.union[w].iter().map(|&s| self.down[s as usize]).sum();
            let (a, b) = self.spans[w];
            // Every child's bound, then the children by bound.
            let mut children: Vec<(i64, usize)> = (a..b)
                .map(|j| {
                    let i = self.open[j] as usize;
                    (self.bound + others + self.rise(w, i, least[w], base), i)
                })
                .collect();
            if !self.p.filter {
                self.work += children
                    .iter()
                    .map(|&(_, i)| {
                        (self.union[w].len() + 2 * self.p.cols[w][self.kept[w][i].1].sess.len())
                            as u64
                    })
                    .sum::<u64>();
            }
            children.sort_unstable();
            let union = std::mem::take(&mut self.union[w]);
            for &s in &union {
                self.avail[s as usize] -= 1;
            }
            for (k, &(b, i)) in children.iter().enumerate() {
                if ceil_div(b, SCALE) >= self.best || self.work >= self.budget {
                    break;
                }
                let cost = u32::from(k > 0);
                if cost > left {
                    skipped = true;
                    break;
                }
                let (r, c) = self.kept[w][i];
                let sess = &self.p.cols[w][c].sess;
                if self.p.filter {
                    self.work += (union.len() + 2 * sess.len()) as u64;
                }
                self.step_in(sess, &union, 1);
                self.bound += r - least[w];
                self.pick[w] = c;
                skipped |= self.dive(depth + 1, least, left - cost);
                self.bound -= r - least[w];
                self.step_in(sess, &[], -1);
            }
            for &s in &union {
                self.avail[s as usize] += 1;
                self.refresh(s as usize);
            }
            self.pick[w] = usize::MAX;
            self.union[w] = union;
        }
        if self.p.filter {
            self.spans.copy_from_slice(&self.saved[saved..]);
            self.saved.truncate(saved);
        }
        self.open.truncate(mark);
        skipped
    }

    /// Adds (`by` = 1) or removes (-1) a column's sessions to the
    /// head-counts and refreshes the bound over `union` (or the column's
    /// own sessions when `union` is empty).
    fn step_in(&mut self, sess: &[u32], union: &[u32], by: i64) {
        for &s in sess {
            self.n[s as usize] += by;
        }
        for &s in if union.is_empty() { sess } else { union } {
            self.refresh(s as usize);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::solver::rng::Rng;

    /// Every choice's cost, by enumeration.
    fn brute(p: &Restricted<'_>) -> i64 {
        let mut best = i64::MAX;
        let mut pick = vec![0usize; p.cols.len()];
        loop {
            let mut n = p.fixed.to_vec();
            let mut cost = 0;
            for (w, &c) in pick.iter().enumerate() {
                cost += p.cols[w][c].own;
                for &s in &p.cols[w][c].sess {
                    n[s as usize] += 1;
                }
            }
            cost += (0..n.len()).map(|s| p.cover[s].at(n[s])).sum::<i64>();
            best = best.min(cost);
            // Next choice.
            let mut w = 0;
            loop {
                if w == pick.len() {
                    return best;
                }
                pick[w] += 1;
                if pick[w] < p.cols[w].len() {
                    break;
                }
                pick[w] = 0;
                w += 1;
            }
        }
    }

    /// On random small pools, at random prices (in the box or not), the
    /// branch and bound finds the least cost an enumeration finds, its
    /// choice costs what it says, and nothing is found below that least
    /// cost.
    #[test]
    fn the_branch_and_bound_agrees_with_enumeration() {
        for seed in 0..1000u64 {
            let mut rng = Rng::new(seed);
            let ns = 1 + rng.below(6);
            let nw = 1 + rng.below(6);
            let cover: Vec<Cover> = (0..ns)
                .map(|_| Cover {
                    want: rng.below(3) as i64,
                    short: rng.below(100) as i64,
                    extra: rng.below(10) as i64,
                    held: rng.below(3) as i64,
                })
                .collect();
            let fixed: Vec<i64> = (0..ns).map(|_| rng.below(2) as i64).collect();
            let cols: Vec<Vec<Column>> = (0..nw)
                .map(|_| {
                    (0..1 + rng.below(5))
                        .map(|_| Column {
                            sess: (0..ns as u32).filter(|_| rng.chance(0.4)).collect(),
                            own: rng.below(30) as i64,
                        })
                        .collect()
                })
                .collect();
            let lam: Vec<i64> = (0..ns)
                .map(|_| (rng.below(240) as i64 - 120) * SCALE / 2)
                .collect();
            let p = Restricted {
                cols: cols.iter().map(Vec::as_slice).collect(),
                fixed: &fixed,
                cover: &cover,
                lam: &lam,
                deadline: None,
                ladder: seed % 2 == 0,
                filter: seed % 3 != 0,
            };
            let least = brute(&p);
            let found = p.solve(i64::MAX / (4 * SCALE), u64::MAX);
            let (cost, pick) = found.choice.expect("a choice");
            assert_eq!(cost, least, "seed {seed}");
            let mut n = fixed.clone();
            let mut own = 0;
            for (w, &c) in pick.iter().enumerate() {
                own += cols[w][c].own;
                for &s in &cols[w][c].sess {
                    n[s as usize] += 1;
                }
            }
            let again = own + (0..ns).map(|s| cover[s].at(n[s])).sum::<i64>();
            assert_eq!(again, cost, "seed {seed}: the choice costs what it says");
            let below = p.solve(least, u64::MAX);
            assert!(
                below.choice.is_none(),
                "seed {seed}: found below the least cost"
            );
            assert!(below.proven, "seed {seed}: a complete search proves it");
            assert!(
                !p.solve(least + 1, u64::MAX).proven,
                "seed {seed}: proven with a choice below the cost to beat"
            );
        }
    }
}
