//! The bound's master as a linear program: the rows the rounds have priced,
//! kept per worker, and the prices and cap multipliers at the optimum of
//! their linear relaxation.
//!
//! The master chooses a convex mix of each worker's kept rows and pays each
//! session's cover terms; a row may break a per-kind cap the pricing relaxes
//! (`Row::caps`), so each cap is a constraint of the master instead:
//!
//! ```text
//! min  Σ_c own_c x_c + Σ_s (under_s u_s + over_s o_s)
//!      Σ_{c of w} x_c = 1                          every worker w        (π_w)
//!      Σ_{c ∋ s} x_c + u_s − o_s = want_s          every session s       (λ_s)
//!      Σ_{c of w} n_k(c) x_c ≤ most_k              every cap k of w      (ν_k)
//! ```
//!
//! (no `u`, `o` on a required session). It is solved through its dual, one
//! variable per session, worker and cap, one constraint per kept row:
//!
//! ```text
//! max  Σ_s want_s λ_s + Σ_w π_w − Σ_k most_k ν_k
//!      π_w + Σ_{s ∈ c} λ_s − Σ_k n_k(c) ν_k ≤ own_c   every row c of w
//!      −over_s ≤ λ_s ≤ under_s,  ν_k ≥ 0
//! ```
//!
//! That is the Lagrangian dual of the bound restricted to the kept rows
//! (`π_w` is the worker's least reduced cost), so the program's solution is
//! a price vector with its multipliers, and its optimum the highest `L` the
//! kept rows allow. Each row priced is a cut: the rounds are Kelley's
//! cutting plane, and the restricted optimum falls to the relaxation's as
//! the rows come in; where the rounds' `L` reaches it, nothing is left to
//! price (column generation has converged).
//!
//! Why the solver is trusted: `microlp` is a simplex method in pure Rust
//! that builds with cargo alone, and it is deterministic (the same program
//! gives the same solution). Every variable is boxed (a required session's
//! price and every multiplier within a cap above any price worth paying;
//! each `π_w` within a box wider than any reduced cost there), so the
//! program is bounded, and all prices and multipliers zero with each `π_w`
//! at its worker's least own cost is one of its points, so it is feasible:
//! neither of the solver's failure modes can arise, and an error all the
//! same gives no prices (the rounds fall back on their subgradient step).
//! Degenerate masters (many optimal duals) are the rule here: any optimal
//! vertex will do, and the rounds smooth it towards the best prices known.
//! The program only *proposes* prices: the bound is what the exact DP then
//! proves at them, so a float error here can slow the bound, never make it
//! wrong.

use microlp::{ComparisonOp, OptimizationDirection, Problem};

use super::{SCALE, heaviest_cover, price_box};
use crate::solver::model::Model;

/// Rows kept per worker (the one the master's prices like least goes
/// first).
const KEPT: usize = 24;

/// A row the rounds priced: the sessions worked, its own cost (scaled: seat
/// costs and requests, no price), and its sessions of each capped kind.
#[derive(Debug, Clone)]
struct Kept {
    sess: Vec<u32>,
    own: i64,
    caps: Vec<i64>,
}

/// The master's rows, per worker, and its last solution.
#[derive(Debug, Clone)]
pub(super) struct Master {
    kept: Vec<Vec<Kept>>,
    /// Rows added since the program was last solved.
    pub fresh: usize,
    /// The last solution: prices and each worker's multipliers (scaled,
    /// in the box), and the optimum (scaled, floating point: a guide).
    pub lam: Vec<i64>,
    pub nu: Vec<Vec<i64>>,
    pub value: f64,
}

/// The work of the simplex method on a program with `nnz` non-zeros and
/// `rows` constraints, in DP transitions: its iterations grow about as the
/// constraints, each one a pass over the non-zeros (measured on Instance 8:
/// about 100 ms for 1 300 rows of 20 non-zeros).
fn lp_work(nnz: usize, rows: usize) -> u64 {
    (nnz as u64).saturating_mul(rows as u64 / 2 + 1)
}

impl Master {
    pub fn new(nw: usize) -> Self {
        Master {
            kept: vec![Vec::new(); nw],
            fresh: 0,
            lam: Vec::new(),
            nu: Vec::new(),
            value: f64::NEG_INFINITY,
        }
    }

    /// Whether every worker has a row (the program has a point per
    /// worker's mix).
    pub fn ready(&self) -> bool {
        self.kept.iter().all(|k| !k.is_empty())
    }

    /// Keeps worker `w`'s row `sess` (day order) of own cost `own` (scaled)
    /// with `caps` sessions of each capped kind, unless already kept.
    pub fn keep(&mut self, w: usize, sess: &[u32], own: i64, caps: &[i64]) {
        let list = &mut self.kept[w];
        if list.iter().any(|k| k.sess == sess) {
            return;
        }
        let row = Kept {
            sess: sess.to_vec(),
            own,
            caps: caps.to_vec(),
        };
        self.fresh += 1;
        if list.len() < KEPT {
            list.push(row);
            return;
        }
        // Out goes the row of highest reduced cost at the last solution
        // (the oldest before any).
        let i = if self.lam.is_empty() {
            0
        } else {
            let nu = &self.nu[w];
            let lam = &self.lam;
            (0..list.len())
                .max_by_key(|&i| {
                    let k = &list[i];
                    k.own - k.sess.iter().map(|&s| lam[s as usize]).sum::<i64>()
                        + k.caps.iter().zip(nu).map(|(n, v)| n * v).sum::<i64>()
                })
                .unwrap_or(0)
        };
        list[i] = row;
    }

    /// Solves the program; returns the work spent (in DP transitions), and
    /// whether it gave a solution (then in `lam`, `nu`, `value`). `most`
    /// holds each worker's caps.
    pub fn solve(&mut self, m: &Model, most: &[&[i64]]) -> (bool, u64) {
        self.fresh = 0;
        if !self.ready() {
            return (false, 0);
        }
        // The heaviest cover weight and the dearest row bound every price
        // and multiplier worth paying; those the master leaves free are
        // held within a margin above both.
        let weight = heaviest_cover(m) as f64;
        let dearest = self.kept.iter().flatten().map(|k| k.own.abs()).max();
        let dearest = dearest.unwrap_or(0) as f64 / SCALE as f64;
        let cap = 2.0 * (weight + dearest) + 1.0;
        let bounds: Vec<(f64, f64)> = m
            .sess
            .iter()
            .map(|se| {
                if se.required {
                    (-cap, cap)
                } else {
                    (-se.over as f64, se.under as f64)
                }
            })
            .collect();
        // Wider than any row's reduced cost in the boxes.
        let wide = self
            .kept
            .iter()
            .flatten()
            .map(|k| {
                k.own.abs() as f64 / SCALE as f64
                    + k.sess
                        .iter()
                        .map(|&s| cap.max(bounds[s as usize].1))
                        .sum::<f64>()
                    + k.caps.iter().map(|&n| n as f64 * cap).sum::<f64>()
            })
            .fold(0.0, f64::max)
            + 1.0;
        let mut lp = Problem::new(OptimizationDirection::Maximize);
        let lam: Vec<_> = m
            .sess
            .iter()
            .zip(&bounds)
            .map(|(se, &b)| lp.add_var(se.want as f64, b))
            .collect();
        let mut nus = Vec::with_capacity(self.kept.len());
        let mut nnz = 0;
        let mut rows = 0;
        let mut terms = Vec::new();
        let mut sorted = Vec::new();
        for (list, most) in self.kept.iter().zip(most) {
            let pi = lp.add_var(1.0, (-wide, wide));
            let nu: Vec<_> = most
                .iter()
                .map(|&k| lp.add_var(-(k as f64), (0.0, cap)))
                .collect();
            for k in list {
                // A session with several placements may come twice in a
                // relaxed row: one term each, its coefficient the count
                // (the solver takes each variable once).
                sorted.clear();
                sorted.extend_from_slice(&k.sess);
                sorted.sort_unstable();
                terms.clear();
                terms.push((pi, 1.0));
                for s in sorted.chunk_by(|a, b| a == b) {
                    terms.push((lam[s[0] as usize], s.len() as f64));
                }
                terms.extend(
                    k.caps
                        .iter()
                        .zip(&nu)
                        .filter(|(n, _)| **n != 0)
                        .map(|(&n, &v)| (v, -(n as f64))),
                );
                nnz += terms.len();
                rows += 1;
                lp.add_constraint(
                    terms.as_slice(),
                    ComparisonOp::Le,
                    k.own as f64 / SCALE as f64,
                );
            }
            nus.push(nu);
        }
        let work = lp_work(nnz, rows);
        let Ok(sol) = lp.solve() else {
            return (false, work);
        };
        let scaled = |v: f64| (v * SCALE as f64).round() as i64;
        self.lam = lam
            .iter()
            .zip(&m.sess)
            .map(|(&v, se)| price_box(se, scaled(sol[v])))
            .collect();
        self.nu = nus
            .iter()
            .map(|nu| nu.iter().map(|&v| scaled(sol[v]).max(0)).collect())
            .collect();
        self.value = sol.objective() * SCALE as f64;
        (true, work)
    }
}
