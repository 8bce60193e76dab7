//! Several searches side by side, one OS thread each (`SolverConfig::threads`).
//!
//! Search 0 runs on the calling thread, reports the lower bound and calls
//! the progress callback; the others differ only by seed (each runs the
//! bound's rounds too, for its own master's columns, since sharing them
//! would make a search's path depend on another's timing). No search reads
//! another's state, so each one's path depends only on its seed and the step
//! budget, and the pick (best score, ties to the lower index) is the same on
//! every run. When search 0 proves its roster optimal it raises a flag and
//! the others stop: none of them can beat an optimum, and on a tie search 0
//! wins, so the pick is unchanged.

use std::ops::ControlFlow;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use super::config::{Progress, SolverConfig};
use super::model::Model;
use super::search::{Lane, Outcome, Search};

/// The seed of search `i` of a portfolio seeded with `seed`.
fn lane_seed(seed: u64, i: usize) -> u64 {
    if i == 0 {
        seed
    } else {
        seed ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }
}

/// Builds and improves a roster with `config.threads` searches; returns the
/// best outcome (its `steps` and `evals` summed over the searches).
pub(crate) fn run<F: FnMut(&Progress) -> ControlFlow<()>>(
    m: &Model,
    config: &SolverConfig,
    started: Instant,
    on_progress: &mut F,
) -> Outcome {
    let deadline = config.termination.max_time.map(|t| started + t);
    let one = |i: usize, lane: Lane<'_>, mut f: &mut dyn FnMut(&Progress) -> ControlFlow<()>| {
        let mut search = Search::new(m, lane_seed(config.seed, i));
        search.construct(deadline);
        search.run(&config.termination, started, lane, &mut f)
    };
    let threads = config.threads.max(1);
    if threads == 1 {
        return one(0, Lane::ALONE, on_progress);
    }
    let stop = AtomicBool::new(false);
    let mut outs: Vec<Outcome> = Vec::with_capacity(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (1..threads)
            .map(|i| {
                let lane = Lane {
                    bound: false,
                    stop: Some(&stop),
                };
                scope.spawn(move || one(i, lane, &mut |_| ControlFlow::Continue(())))
            })
            .collect();
        let lane = Lane {
            bound: true,
            stop: Some(&stop),
        };
        outs.push(one(0, lane, on_progress));
        for h in handles {
            match h.join() {
                Ok(out) => outs.push(out),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
    });
    let (steps, evals) = outs
        .iter()
        .fold((0, 0), |(s, e), o| (s + o.steps, e + o.evals));
    let bound = outs[0].bound;
    let mut best = outs
        .into_iter()
        .enumerate()
        .min_by_key(|(i, o)| (o.best, *i))
        .map(|(_, o)| o)
        .expect("at least one search");
    best.steps = steps;
    best.evals = evals;
    best.bound = bound;
    best
}
