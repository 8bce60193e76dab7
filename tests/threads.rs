//! The problem, the plan and every result can cross threads; solving
//! independent rotas on several threads at once gives exactly what solving
//! them one after another gives (step budgets, no clock). And a wall-clock
//! limit shorter than the construction still returns the best rota found.

use crate::sample;

use std::time::Duration;

use perfect_week::explain::{Breakdown, Conflict, RosterDiff, UnfilledSession};
use perfect_week::plan::{CompiledPlan, Plan};
use perfect_week::rota::Rota;
use perfect_week::solver::{
    CheckReport, Problem, Roster, Score, Solution, SolverConfig, check, solve,
};

/// Compile-time: each type is `Send + Sync`, or this does not build.
const _: () = {
    const fn send_sync<T: Send + Sync>() {}
    send_sync::<Problem>();
    send_sync::<Plan>();
    send_sync::<CompiledPlan>();
    send_sync::<Rota>();
    send_sync::<Solution>();
    send_sync::<Roster>();
    send_sync::<Score>();
    send_sync::<CheckReport>();
    send_sync::<Breakdown>();
    send_sync::<RosterDiff>();
    send_sync::<UnfilledSession>();
    send_sync::<Conflict>();
};

fn config(seed: u64) -> SolverConfig {
    SolverConfig::default()
        .with_seed(seed)
        .with_max_steps(20_000)
}

#[test]
fn solving_independent_rotas_on_several_threads_gives_the_same_results() {
    let compiled = sample::plan()
        .compile()
        .unwrap_or_else(|e| panic!("the sample does not compile: {e}"));
    let problem = compiled.problem();
    let seeds = [1_u64, 2, 3, 4];
    let one_by_one: Vec<Solution> = seeds
        .iter()
        .map(|&seed| solve(problem, &config(seed)).unwrap_or_else(|e| panic!("{e}")))
        .collect();
    let at_once: Vec<Solution> = std::thread::scope(|scope| {
        let handles: Vec<_> = seeds
            .iter()
            .map(|&seed| scope.spawn(move || solve(problem, &config(seed))))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| panic!("a solving thread panicked"))
                    .unwrap_or_else(|e| panic!("{e}"))
            })
            .collect()
    });
    for (a, b) in one_by_one.iter().zip(&at_once) {
        assert_eq!(a.roster, b.roster);
        assert_eq!(a.score, b.score);
        assert_eq!(a.breakdown, b.breakdown);
        assert_eq!(a.stats.steps, b.stats.steps);
    }
    // Rotas built on other threads read the same too.
    let rotas: Vec<Rota> = std::thread::scope(|scope| {
        let compiled = &compiled;
        at_once
            .iter()
            .map(|s| scope.spawn(move || compiled.rota(s)))
            .collect::<Vec<_>>()
            .into_iter()
            .filter_map(|h| h.join().ok())
            .collect()
    });
    for (rota, solution) in rotas.iter().zip(&one_by_one) {
        assert_eq!(rota, &compiled.rota(solution));
    }
}

#[test]
fn a_time_limit_shorter_than_the_construction_still_returns_the_best_rota_found() {
    let compiled = sample::plan()
        .compile()
        .unwrap_or_else(|e| panic!("the sample does not compile: {e}"));
    let problem = compiled.problem();
    let config = SolverConfig::default()
        .with_seed(1)
        .with_no_step_limit()
        .with_max_time(Duration::from_nanos(1));
    let solution = solve(problem, &config).unwrap_or_else(|e| panic!("{e}"));
    // The rota returned is a real one: the independent checker scores it
    // exactly as the search's own bookkeeping does, and no search step was
    // taken.
    let report = check(problem, &solution.roster).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(solution.disagreements(&report), vec![]);
    assert_eq!(solution.stats.steps, 0);
    // It is no worse than the empty roster the construction started from.
    let empty = check(problem, &Roster::default()).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        solution.score <= empty.score,
        "{} vs {}",
        solution.score,
        empty.score
    );
    let rota = compiled.rota(&solution);
    assert_eq!(rota.roster, solution.roster);
}
