//! Closing the gap between the best roster and the bound: every schedule
//! that could belong to a better roster, and an exact search over them.
//!
//! At prices `λ` in the box, every roster that keeps every rule and fills
//! every required seat scores at least
//!
//! ```text
//! stability constant + Σ_w (least_w + δ_w) + Σ_s λ_s · want_s
//! ```
//!
//! where `least_w` is the least reduced cost over worker `w`'s relaxed rows
//! (the bound's DP) and `δ_w ≥ 0` how far above it the worker's row in that
//! roster lies. So a roster scoring below the best one, `upper`, uses for
//! each worker a row with `δ_w` at most the gap between `upper` and that
//! sum (`room`). Where the bound is close, few rows lie within the gap: the
//! bound's DP lists them all (`Bound::rows_within`), and the branch and
//! bound of the restricted master (`exact.rs`), run over exactly those
//! columns, either finds a better roster or proves there is none. Then the
//! best roster is optimal, and the bound rises to it.
//!
//! This is exact only where a column's own cost and the sessions' cover
//! terms are the whole score apart from terms never negative: one session
//! a day, one placement per session (checked by the caller, `closable`).

use std::time::Instant;

use super::exact::{Restricted, clip};
use super::{Column, Cover, Pool, install, keeps_limits, own_cost};

/// The work of one unit of the branch and bound's count here, in DP
/// transitions: about 110 ns against 18 ns (measured on Instances 1 and 5).
const CLOSE_TERM_WORK: u64 = 6;
use crate::solver::bound::{Bound, SCALE, Within, ceil_div, price_box};
use crate::solver::model::Model;
use crate::solver::state::State;

/// What an attempt to close the gap did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Closed {
    /// No roster scores below the state's: the bound was raised to it.
    Proven,
    /// The bound was raised, not yet to the state's roster.
    Raised,
    /// A choice of rows (each worker's sessions) scoring below the best
    /// roster by the light costs: the full state judges it
    /// (`Pool::install_rows`).
    Found(Vec<Vec<u32>>),
    /// The search ran out of its budget first.
    Unfinished,
    /// More than the cap of rows lie within the gap.
    TooMany,
}

/// Whether the gap can be closed on this model: rows priced whole, one
/// placement per session.
pub(crate) fn closable(m: &Model) -> bool {
    m.one_per_day && m.sess.iter().all(|se| se.pls.len() == 1)
}

/// How far one attempt to close the gap may go.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CloseLimits {
    /// Most rows listed in all.
    pub cap: usize,
    /// Most work, in DP transitions.
    pub budget: u64,
    /// Past it the search stops, unfinished.
    pub deadline: Option<Instant>,
    /// Whether targets may climb from just above the bound when the best
    /// roster's gap holds too many rows (worth it once the bound's own
    /// rounds have stalled).
    pub climb: bool,
}

impl Pool {
    /// Tries to close the gap between the best roster, whose soft level is
    /// `upper` (it must keep every rule and fill every required seat), and
    /// the bound, at the bound's best prices, within `limits`. Returns the
    /// outcome and the work spent (the bound's DP passes and the search
    /// alike, in DP transitions).
    pub fn close(
        &mut self,
        st: &State<'_>,
        bound: &mut Bound<'_>,
        upper: i64,
        limits: &CloseLimits,
    ) -> (Closed, u64) {
        // The DP passes are the closing's work, not the bound's.
        let spent0 = bound.spent;
        let out = 'attempt: {
            let &CloseLimits {
                cap,
                budget,
                deadline,
                climb: may_climb,
            } = limits;
            let m = st.m;
            let cover: Vec<Cover> = (0..m.sess.len()).map(|s| Cover::of(st, s)).collect();
            let lam: Vec<i64> = if bound.best_prices().len() == m.sess.len() {
                bound.best_prices().to_vec()
            } else {
                bound.prices().to_vec()
            };
            let lam: Vec<i64> = lam
                .iter()
                .zip(&m.sess)
                .zip(&cover)
                .map(|((&l, se), c)| clip(c, price_box(se, l)))
                .collect();
            let Some(least) = bound.least_rows(&lam) else {
                break 'attempt (Closed::Unfinished, bound.spent - spent0);
            };
            let root: i64 = least.iter().sum::<i64>()
                + m.sess
                    .iter()
                    .zip(&lam)
                    .map(|(se, l)| l * se.want as i64)
                    .sum::<i64>()
                // Each session's slack is never below its (negative) held term.
                + cover.iter().map(|c| c.held.min(0) * SCALE).sum::<i64>();
            // Light costs (own costs and cover terms) are the soft level less
            // the stability constant and terms never negative.
            let konst = m.stability_const;
            let beat = upper - konst;
            // What is proven of the light costs: the root, and the bound.
            let known = bound
                .score()
                .map_or(i64::MIN, |b| b.soft - konst)
                .max(ceil_div(root, SCALE));
            // The best roster itself is the first target. Where more rows than
            // the cap lie within its gap, targets climb from just above what
            // is proven instead, one unit, then two, four…: each proof raises
            // the bound, and a tight target's gap holds few rows.
            let mut target = beat;
            let mut climb = 0;
            let mut work = bound.spent - spent0;
            let fixed = vec![0; m.sess.len()];
            let mut rows = Vec::new();
            // What stops the attempt, once the bound has risen on the way.
            let stopped = |climb: i64, why: Closed| if climb > 1 { Closed::Raised } else { why };
            loop {
                let room = target * SCALE - 1 - root;
                let mut cols: Vec<Vec<Column>> = Vec::with_capacity(m.nw);
                let mut listed = 0;
                let before = bound.spent;
                let mut too_many = false;
                // With `room < 0` the root bound reaches the target: no rows.
                let listing = if room < 0 { 0 } else { m.nw };
                for w in 0..listing {
                    rows.clear();
                    match bound.rows_within(w, &lam, room, cap - listed, &mut rows) {
                        Within::Rows(_) => {}
                        Within::TooMany => {
                            too_many = true;
                            break;
                        }
                        Within::NoRow => {
                            break 'attempt (Closed::Unfinished, work + bound.spent - before);
                        }
                    }
                    listed += rows.len();
                    let list: Vec<Column> = rows
                        .drain(..)
                        .filter(|r| keeps_limits(m, st, w, r))
                        .map(|sess| Column {
                            own: own_cost(st, w, &sess),
                            sess,
                        })
                        .collect();
                    cols.push(list);
                }
                work += bound.spent - before;
                if too_many {
                    if may_climb && climb == 0 && known < beat - 1 {
                        climb = 1;
                        target = known + 1;
                        continue;
                    }
                    break 'attempt (stopped(climb, Closed::TooMany), work);
                }
                // Nothing beats the target when the root bound reaches it or
                // some worker has no row within its gap.
                if room >= 0 && cols.iter().all(|c| !c.is_empty()) {
                    let found = Restricted {
                        cols: cols.iter().map(Vec::as_slice).collect(),
                        fixed: &fixed,
                        cover: &cover,
                        lam: &lam,
                        deadline,
                        ladder: false,
                        filter: true,
                    }
                    .solve(target, budget.saturating_sub(work) / CLOSE_TERM_WORK);
                    work += found.work * CLOSE_TERM_WORK;
                    if let Some((_, pick)) = found.choice {
                        let rows = pick
                            .iter()
                            .zip(&mut cols)
                            .map(|(&c, list)| std::mem::take(&mut list[c].sess))
                            .collect();
                        break 'attempt (Closed::Found(rows), work);
                    }
                    if !found.proven {
                        break 'attempt (stopped(climb, Closed::Unfinished), work);
                    }
                }
                bound.raise(target + konst);
                if target >= beat {
                    break 'attempt (Closed::Proven, work);
                }
                climb *= 2;
                target = (target + climb / 2).min(beat);
            }
        };
        bound.spent = spent0;
        out
    }

    /// Installs `rows` (each worker's sessions) into the state in place of
    /// each worker's current row (logged, so the caller can undo it).
    pub fn install_rows(st: &mut State<'_>, rows: &[Vec<u32>]) {
        let mut now = Vec::new();
        for (w, row) in rows.iter().enumerate() {
            Self::row_of(st, w, &mut now);
            install(st, w, &now, row);
        }
    }
}
