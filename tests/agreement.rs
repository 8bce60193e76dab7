//! The solver's own (incremental) score of the roster it returns agrees with
//! the independent checker, part by part ([`Solution::disagreements`]), on
//! generated problems that switch every rule family on at random.

use perfect_week::solver::*;

use crate::solver_common;

fn config(seed: u64, steps: u64) -> SolverConfig {
    SolverConfig::default()
        .with_seed(seed)
        .with_max_steps(steps)
}

/// Solves `problem` and asserts that the search's own score of the roster
/// agrees with the checker's, part by part; returns the solution.
fn solve_and_agree(seed: u64, problem: &Problem, steps: u64) -> Solution {
    let solution = solve(problem, &config(seed, steps))
        .unwrap_or_else(|error| panic!("seed {seed}: generated problem refused: {error}"));
    let report = check(problem, &solution.roster)
        .unwrap_or_else(|error| panic!("seed {seed}: roster names unknown items: {error}"));
    let disagreements = solution.disagreements(&report);
    assert!(
        disagreements.is_empty(),
        "seed {seed}: the search and the checker disagree: {disagreements:#?}\n{report}"
    );
    solution
}

fn agree(seed: u64, workers: usize, sessions: usize, weeks: usize, steps: u64) {
    let problem = solver_common::problem(seed, workers, sessions, weeks);
    solve_and_agree(seed, &problem, steps);
}

#[test]
fn solver_scores_agree_with_the_checker_on_small_problems() {
    for seed in 0..60 {
        agree(seed, 4, 12, 1, 300);
    }
}

#[test]
fn solver_scores_agree_with_the_checker_on_two_week_problems() {
    for seed in 100..120 {
        agree(seed, 8, 40, 2, 2_000);
    }
}

#[test]
fn pinned_assignments_survive_and_are_scored_alike() {
    for seed in 200..220 {
        let mut problem = solver_common::problem(seed, 5, 15, 1);
        let first_session = problem.sessions[0].id.clone();
        let first_worker = problem.workers[0].id.clone();
        problem.pins = vec![Assignment {
            session: first_session,
            worker: first_worker,
        }];
        problem.baseline = Some(Roster::default());
        let solution = solve_and_agree(seed, &problem, 500);
        for pin in &problem.pins {
            assert!(
                solution.roster.assignments.contains(pin),
                "seed {seed}: pin {pin:?} moved"
            );
        }
    }
}

/// Stopping the search after any number of steps leaves a roster whose
/// incremental score the checker confirms: the bookkeeping is right after
/// every sequence of moves, not only at the end.
#[test]
fn scores_agree_after_any_number_of_steps() {
    for seed in 300..306 {
        for steps in [0, 1, 2, 3, 5, 8, 13, 21, 55, 144, 377] {
            agree(seed, 6, 20, 2, steps);
        }
    }
}

/// Set beside the report of another roster (the empty one), the search's
/// score disagrees in the total and in the cover of every session the
/// solution staffs: the comparison reads the report, it does not assume
/// agreement.
#[test]
fn disagreements_name_the_sessions_whose_cover_differs() {
    let mut staffed_somewhere = 0;
    for seed in 400..410 {
        let problem = solver_common::problem(seed, 4, 12, 1);
        let solution = solve_and_agree(seed, &problem, 300);
        let empty = check(&problem, &Roster::default()).expect("the empty roster names nothing");
        let disagreements = solution.disagreements(&empty);
        if solution.search.score != empty.score {
            assert!(
                disagreements.contains(&Disagreement::Total {
                    search: solution.search.score,
                    checker: empty.score,
                }),
                "seed {seed}: {disagreements:?}"
            );
        }
        for a in &solution.roster.assignments {
            staffed_somewhere += 1;
            assert!(
                disagreements.iter().any(|d| matches!(
                    d,
                    Disagreement::Cover { session, .. } if *session == a.session
                )),
                "seed {seed}: the cover of {} is not named: {disagreements:?}",
                a.session
            );
        }
    }
    assert!(staffed_somewhere > 0, "no solution staffed any session");
}
