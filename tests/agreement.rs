//! The solver's own (incremental) score of the roster it returns agrees with
//! the independent checker, term by term, on generated problems that switch
//! every rule family on at random; and a roster the solver reports as
//! feasible breaks no hard rule in the checker's eyes.

use perfect_week::solver::*;

mod solver_common;

fn config(seed: u64, steps: u64) -> SolverConfig {
    SolverConfig {
        seed,
        threads: 1,
        termination: Termination {
            max_steps: Some(steps),
            max_time: None,
            target: None,
        },
    }
}

fn agree(seed: u64, workers: usize, sessions: usize, weeks: usize, steps: u64) {
    let problem = solver_common::problem(seed, workers, sessions, weeks);
    let solution = match solve(&problem, &config(seed, steps)) {
        Ok(solution) => solution,
        Err(error) => panic!("seed {seed}: generated problem refused: {error}"),
    };
    let report = match check(&problem, &solution.roster) {
        Ok(report) => report,
        Err(error) => panic!("seed {seed}: roster names unknown items: {error}"),
    };
    assert_eq!(
        report.by_constraint(),
        solution.breakdown,
        "seed {seed}: checker and solver disagree term by term\n{report}"
    );
    assert_eq!(report.score, solution.score, "seed {seed}");
    assert_eq!(
        report.is_feasible(),
        solution.score.is_feasible(),
        "seed {seed}"
    );
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
        let Ok(solution) = solve(&problem, &config(seed, 500)) else {
            continue;
        };
        for pin in &problem.pins {
            assert!(
                solution.roster.assignments.contains(pin),
                "seed {seed}: pin {pin:?} moved"
            );
        }
        let report = check(&problem, &solution.roster).expect("known names");
        assert_eq!(report.score, solution.score, "seed {seed}\n{report}");
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
