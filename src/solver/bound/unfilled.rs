//! A floor under the unfilled level: how much of the required seats no
//! roster keeping every rule can fill, as a linear program.
//!
//! The Lagrangian rounds speak of rosters that fill every seat. Where no
//! roster can (a budget too small for the week, a session nobody is free
//! or skilled for), their prices run away and they say nothing. The
//! unfilled level has a floor of its own: the most any roster can fill is
//! at most the optimum of a linear program with a variable `x ∈ [0, 1]`
//! for each candidate seat (session, placement, worker), worth the seat's
//! priority times its session's shortest minutes, and only these rules:
//!
//! - a session gets at most its seats, and a worker at most one of them;
//! - a worker is never in two places at once (for each of their options,
//!   the options running at its start take at most one), and works at most
//!   one session a day where that rule holds;
//! - a worker's minutes in each rota week stay within their weekly most;
//! - a budget's charges stay within its cap.
//!
//! Every roster with no broken rule is a point of that program (its `x`
//! are 0 or 1), and an empty seat costs at least its priority times its
//! session's shortest minutes, so it leaves at least `Σ priority ·
//! shortest minutes · seats − optimum` unfilled. The program is solved by `microlp`, a
//! simplex method in pure Rust: a float optimum above the true one only
//! lowers the floor, and the floor is rounded with a margin below, so an
//! error of the floats never claims more than holds.
//!
//! With seats that must stay empty, the soft level of those rosters has a
//! floor of its own that holds for every roster keeping every rule, full
//! or not: what no choice can avoid
//! (the stability constant, each session's least placement penalty below
//! zero, and each seat's least static cost below zero).

use microlp::{ComparisonOp, OptimizationDirection, Problem};

use super::continuity::week_cap;
use crate::solver::model::Model;

/// Most seat variables the program may hold; above it no floor is sought.
const MOST_VARIABLES: usize = 20_000;

/// A floor under every roster keeping every rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Floor {
    /// The least unfilled level.
    pub unfilled: i64,
    /// The least soft level of any roster keeping every rule, full or not.
    pub soft: i64,
}

/// The floor for `m`, when it is above zero and the program small enough
/// to solve; `None` otherwise.
pub(crate) fn floor(m: &Model) -> Option<Floor> {
    // Seats: (session, placement, worker, minutes, value).
    let mut seats: Vec<(usize, usize, usize, i64)> = Vec::new();
    let mut need = 0i64;
    for (s, se) in m.sess.iter().enumerate() {
        if !se.required || se.want == 0 {
            continue;
        }
        let shortest = se.pls.iter().map(|p| p.dur).min().unwrap_or(0);
        need += se.priority * shortest * i64::from(se.want);
        let mut workers = se.cands.clone();
        workers.extend(se.pins.iter().filter(|w| !se.cands.contains(w)));
        for &w in &workers {
            for p in 0..se.pls.len() {
                if m.hard_at(s, p, w as usize) == 0 {
                    seats.push((s, p, w as usize, se.priority * shortest));
                }
            }
        }
        if seats.len() > MOST_VARIABLES {
            return None;
        }
    }
    if need == 0 {
        return None;
    }
    let mut lp = Problem::new(OptimizationDirection::Maximize);
    let vars: Vec<_> = seats
        .iter()
        .map(|&(_, _, _, value)| lp.add_var(value as f64, (0.0, 1.0)))
        .collect();
    let at_most = |lp: &mut Problem, idx: &[usize], coef: &dyn Fn(usize) -> f64, rhs: f64| {
        if idx.is_empty() {
            return;
        }
        let terms: Vec<_> = idx.iter().map(|&i| (vars[i], coef(i))).collect();
        lp.add_constraint(terms.as_slice(), ComparisonOp::Le, rhs);
    };
    let one = |_: usize| 1.0;
    // Seats by session, by (session, worker) and by worker.
    let mut by_session = vec![Vec::new(); m.sess.len()];
    let mut by_worker = vec![Vec::new(); m.nw];
    for (i, &(s, _, w, _)) in seats.iter().enumerate() {
        by_session[s].push(i);
        by_worker[w].push(i);
    }
    for (s, list) in by_session.iter().enumerate() {
        at_most(&mut lp, list, &one, f64::from(m.sess[s].want));
        for w in 0..m.nw {
            let mine: Vec<usize> = list.iter().copied().filter(|&i| seats[i].2 == w).collect();
            if mine.len() > 1 {
                at_most(&mut lp, &mine, &one, 1.0);
            }
        }
    }
    let span = |i: usize| {
        let (s, p, _, _) = seats[i];
        let pl = &m.sess[s].pls[p];
        (pl.start, pl.end, pl.day)
    };
    for (w, list) in by_worker.iter().enumerate() {
        // Never two at once: the options running at each option's start.
        let mut starts: Vec<i64> = list.iter().map(|&i| span(i).0).collect();
        starts.sort_unstable();
        starts.dedup();
        for &t in &starts {
            let running: Vec<usize> = list
                .iter()
                .copied()
                .filter(|&i| {
                    let (a, b, _) = span(i);
                    a <= t && t < b
                })
                .collect();
            if running.len() > 1 {
                at_most(&mut lp, &running, &one, 1.0);
            }
        }
        if m.one_per_day {
            for d in 0..m.nd {
                let today: Vec<usize> = list
                    .iter()
                    .copied()
                    .filter(|&i| span(i).2 as usize == d)
                    .collect();
                if today.len() > 1 {
                    at_most(&mut lp, &today, &one, 1.0);
                }
            }
        }
        if let Some(cap) = week_cap(m, w) {
            for k in 0..m.nweeks {
                let minutes = |i: usize| {
                    let (s, p, _, _) = seats[i];
                    m.sess[s].pls[p]
                        .weeks
                        .iter()
                        .filter(|&&(wk, _)| wk as usize == k)
                        .map(|&(_, mins)| mins as f64)
                        .sum::<f64>()
                };
                let this: Vec<usize> = list.iter().copied().filter(|&i| minutes(i) > 0.0).collect();
                at_most(&mut lp, &this, &minutes, cap as f64);
            }
        }
    }
    for (b, &cap) in m.budget_cap.iter().enumerate() {
        let charged: Vec<usize> = (0..seats.len())
            .filter(|&i| m.sess[seats[i].0].budget as usize == b)
            .filter(|&i| m.sess[seats[i].0].pls[seats[i].1].charge > 0)
            .collect();
        let charge = |i: usize| m.sess[seats[i].0].pls[seats[i].1].charge as f64;
        at_most(&mut lp, &charged, &charge, cap as f64);
    }
    let most = lp.solve().ok()?.objective();
    // Rounded with a margin: a float optimum a little low must not raise
    // the floor.
    let margin = 1e-6 * most.abs().max(1.0) + 1e-6;
    let unfilled = (need as f64 - most - margin).ceil() as i64;
    (unfilled > 0).then(|| Floor {
        unfilled,
        soft: soft_floor(m),
    })
}

/// What the soft level of every roster keeping every rule is at least,
/// full or not (see the module notes).
fn soft_floor(m: &Model) -> i64 {
    let mut soft = m.stability_const;
    for (s, se) in m.sess.iter().enumerate() {
        let pen = se.pls.iter().map(|p| p.penalty).min().unwrap_or(0);
        soft += (pen * m.w_placement).min(0);
        let workers = || {
            se.cands
                .iter()
                .chain(se.pins.iter().filter(|w| !se.cands.contains(w)))
        };
        let least = (0..se.pls.len())
            .flat_map(|p| workers().map(move |&w| (p, w as usize)))
            .map(|(p, w)| m.soft_at(s, p, w))
            .min()
            .unwrap_or(0);
        let seats = if se.required {
            i64::from(se.want)
        } else {
            workers().count() as i64
        };
        soft += least.min(0) * seats;
    }
    soft
}
