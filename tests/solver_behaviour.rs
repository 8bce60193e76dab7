//! Behaviour of `solve`: determinism, planted feasible rosters, pins, baseline
//! re-planning, bad input, progress and JSON round trips.

use std::collections::BTreeSet;
use std::ops::ControlFlow;

use perfect_week::ids::WorkerId;
use perfect_week::solver::*;

use crate::solver_common;
use solver_common as common;

fn steps(n: u64, seed: u64) -> SolverConfig {
    SolverConfig::default().with_seed(seed).with_max_steps(n)
}

fn run(problem: &Problem, config: &SolverConfig) -> Solution {
    match solve(problem, config) {
        Ok(s) => s,
        Err(e) => panic!("solve failed: {e}"),
    }
}

/// A 4-week service around a planted roster: each worker works a rotating
/// five-on, two-off pattern of 09:00-17:00 sessions, one session per worked
/// day, with limits the pattern meets.
fn planted(nw: usize, seed: u64) -> (Problem, Vec<Assignment>) {
    let mut g = common::Gen::new(seed);
    let days = common::days(4, false);
    let mut sessions = Vec::new();
    let mut planted = Vec::new();
    let mut workers = Vec::new();
    for w in 0..nw {
        let mut worker = common::plain_worker(format!("w{w}"));
        worker.limits = WorkerLimits {
            max_consecutive_days: Some(5),
            min_consecutive_days_off: Some(2),
            max_minutes_per_week: Some(40 * 60),
            ..WorkerLimits::default()
        };
        worker.tags.push(HeldTag::always("driver"));
        let offset = w % 7;
        for (d, day) in days.iter().enumerate() {
            if (d + offset) % 7 < 5 {
                let id = format!("s{w}-{d}");
                let mut s = common::plain_session(
                    id.clone(),
                    vec![common::placement(day, d, 9 * 60, 480)],
                    Cover::Required { workers: 1 },
                );
                if g.chance(30) {
                    s.requires = vec!["driver".into()];
                }
                // One person per planted worker and draw: a person's
                // sessions never overlap (they would be in two places).
                s.person = Some(format!("p{w}-{}", g.below(5)).into());
                sessions.push(s);
                planted.push(Assignment {
                    session: id.into(),
                    worker: format!("w{w}").into(),
                });
            } else if g.chance(50) {
                worker.days_off.push(d);
            }
        }
        workers.push(worker);
    }
    let problem = Problem::new(days, sessions, workers);
    (problem, planted)
}

#[test]
fn same_seed_same_roster() {
    for seed in 0..6 {
        let problem = common::problem(seed, 4, 14, 2);
        let a = run(&problem, &steps(20_000, seed));
        let b = run(&problem, &steps(20_000, seed));
        assert_eq!(a.roster, b.roster);
        assert_eq!(a.score, b.score);
        assert_eq!(a.stats.steps, b.stats.steps);
    }
}

#[test]
fn breakdown_sums_to_score() {
    for seed in 0..10 {
        let problem = common::problem(seed, 3, 10, 1);
        let s = run(&problem, &steps(5_000, seed));
        let mut total = Score::ZERO;
        for &(c, v) in &s.breakdown {
            assert_ne!(v, 0);
            total.add(c.level(), v);
        }
        assert_eq!(total, s.score);
    }
}

#[test]
fn planted_feasible_roster_is_found() {
    for seed in 0..3 {
        let (problem, _) = planted(10, seed);
        assert_eq!(problem.validate(), Ok(()));
        let s = run(&problem, &steps(300_000, seed));
        assert_eq!(s.score.hard, 0, "seed {seed}: {:?}", s.breakdown);
    }
}

#[test]
fn pins_never_move() {
    for seed in 0..8 {
        let mut problem = common::problem(seed, 4, 12, 1);
        problem.pins = vec![
            Assignment {
                session: "s0".into(),
                worker: "w1".into(),
            },
            Assignment {
                session: "s3".into(),
                worker: "w2".into(),
            },
        ];
        let s = run(&problem, &steps(20_000, seed));
        for pin in &problem.pins {
            assert!(
                s.roster.assignments.contains(pin),
                "seed {seed}: pin {pin:?} lost"
            );
        }
        assert!(!s.breakdown.iter().any(|(c, _)| *c == Constraint::Pin));
    }
}

#[test]
fn replan_after_sick_call_moves_little() {
    let (mut problem, _) = planted(10, 7);
    // Two spare workers, so the first roster covers everything and the
    // re-plan is only about the sick call.
    for id in ["spare1", "spare2"] {
        let mut w = common::plain_worker(id.into());
        w.tags.push(HeldTag::always("driver"));
        w.limits.max_minutes_per_week = Some(40 * 60);
        problem.workers.push(w);
    }
    let first = run(&problem, &steps(300_000, 1));
    assert_eq!(first.score.hard, 0);
    assert_eq!(first.score.unfilled, 0);
    // Worker w0 calls in sick for day 9.
    let sick: WorkerId = "w0".into();
    let day_9: BTreeSet<_> = problem
        .sessions
        .iter()
        .filter(|s| s.placements[0].day == 9)
        .map(|s| s.id.clone())
        .collect();
    let sick_on_day_9 = |s: &Solution| {
        s.roster
            .assignments
            .iter()
            .filter(|a| a.worker == sick && day_9.contains(&a.session))
            .count()
    };
    let lost = sick_on_day_9(&first);
    assert!(
        lost > 0,
        "{sick} works nothing on day 9: no sick call to test"
    );
    problem
        .workers
        .iter_mut()
        .find(|w| w.id == sick)
        .unwrap_or_else(|| panic!("no worker {sick}"))
        .days_off
        .push(9);
    problem.baseline = Some(first.roster.clone());
    let again = run(&problem, &steps(100_000, 2));
    assert_eq!(again.score.unfilled, 0, "{:?}", again.breakdown);
    assert_eq!(sick_on_day_9(&again), 0);
    let before: BTreeSet<_> = first.roster.assignments.iter().collect();
    let after: BTreeSet<_> = again.roster.assignments.iter().collect();
    let changed = before.symmetric_difference(&after).count();
    assert!(
        changed <= 2 * lost + 6,
        "changed {changed} assignments for {lost} lost"
    );
    assert_eq!(again.score.hard, 0);
}

#[test]
fn bad_input_is_an_error_and_infeasible_is_not() {
    let mut problem = common::problem(3, 2, 4, 1);
    problem.days.pop();
    assert!(matches!(
        solve(&problem, &SolverConfig::default()),
        Err(ProblemError::Horizon { .. })
    ));
    let mut problem = common::problem(3, 2, 4, 1);
    problem.sessions[1].id = problem.sessions[0].id.clone();
    problem.workers[0].limits.min_minutes_total = Some(10);
    problem.workers[0].limits.max_minutes_total = Some(5);
    let duplicate = problem.sessions[0].id.clone();
    let limits = problem.workers[0].id.clone();
    assert_eq!(
        problem.validate(),
        Err(vec![
            ProblemError::DuplicateSession(duplicate),
            ProblemError::BadLimits(limits),
        ])
    );
    // Nobody at all: every seat unfilled, still a solution.
    let mut problem = common::problem(3, 2, 4, 1);
    problem.workers.clear();
    problem.pins.clear();
    problem.baseline = None;
    for s in &mut problem.sessions {
        s.refused.clear();
        s.preferred.clear();
        s.worker_penalties.clear();
    }
    let s = run(&problem, &steps(2_000, 3));
    assert!(s.roster.assignments.is_empty());
    // Every seat of every required session is unfilled, each at its
    // shortest placement (the least unfilled minutes), and nothing else
    // is broken.
    let unfilled: i64 = problem
        .sessions
        .iter()
        .filter_map(|session| match session.cover {
            Cover::Required { workers } => {
                let shortest = session.placements.iter().map(|p| p.end - p.start).min();
                Some(i64::from(workers) * shortest.unwrap_or(0) * session.priority)
            }
            Cover::Preferred { .. } => None,
        })
        .sum();
    assert!(unfilled > 0, "no required seat in the problem");
    assert_eq!(s.score.hard, 0, "{:?}", s.breakdown);
    assert_eq!(s.score.unfilled, unfilled, "{:?}", s.breakdown);
}

#[test]
fn progress_reports_and_break_stops() {
    let problem = common::problem(11, 4, 14, 2);
    let mut calls = 0;
    let s = solve_with(&problem, &steps(1_000_000, 0), |p| {
        calls += 1;
        assert!(p.best <= p.current || p.steps == 0);
        if calls >= 2 {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    let s = s.map_err(|e| e.to_string());
    assert!(s.is_ok());
    assert_eq!(calls, 2);
    assert!(s.is_ok_and(|s| s.stats.steps < 1_000_000));
}

#[test]
fn json_round_trips() -> Result<(), Box<dyn std::error::Error>> {
    for seed in 0..5 {
        let problem = common::problem(seed, 3, 8, 2);
        let text = serde_json::to_string(&problem)?;
        let back: Problem = serde_json::from_str(&text)?;
        assert_eq!(back, problem);
    }
    let config = SolverConfig::default()
        .with_seed(9)
        .with_max_steps(10)
        .with_max_time(std::time::Duration::from_millis(1500))
        .with_target(Score::ZERO);
    let text = serde_json::to_string(&config)?;
    assert!(text.contains("1500"));
    assert_eq!(serde_json::from_str::<SolverConfig>(&text)?, config);
    let s = run(&common::problem(1, 3, 8, 1), &steps(1000, 1));
    let back: Solution = serde_json::from_str(&serde_json::to_string(&s)?)?;
    assert_eq!(back.roster, s.roster);
    assert_eq!(back.score, s.score);
    Ok(())
}

#[test]
fn a_step_limit_of_zero_means_construction_only() {
    let problem = common::problem(5, 3, 10, 1);
    let config = SolverConfig::default().with_max_steps(0);
    let s = run(&problem, &config);
    assert_eq!(s.stats.steps, 0);
}

/// The best scores a run reports as it goes, with the step of each.
fn progress_of(problem: &Problem, config: &SolverConfig) -> Vec<(u64, Score)> {
    let mut seen = Vec::new();
    let solution = solve_with(problem, config, |p| {
        seen.push((p.steps, p.best));
        ControlFlow::Continue(())
    });
    if let Err(e) = solution {
        panic!("solve failed: {e}");
    }
    seen
}

/// Whether the solve stopped on a proof: its roster meets the lower bound.
fn proven(s: &Solution) -> bool {
    s.lower_bound == Some(s.score)
}

/// A target the search reaches part-way through its budget stops it there:
/// the same path as without the target, cut at the first best at or below
/// it.
#[test]
fn a_reachable_target_stops_the_search_at_or_below_it() {
    let budget = 5_000;
    let mut stopped_early = 0;
    for seed in 0..3 {
        let problem = common::problem(seed, 6, 30, 2);
        let plain = steps(budget, seed);
        let full = run(&problem, &plain);
        let path = progress_of(&problem, &plain);
        // A best found by the search, better than the construction's and
        // worse than the end's.
        let built = path.first().map(|&(_, best)| best);
        let Some(&(at, target)) = path
            .iter()
            .find(|&&(_, best)| built.is_some_and(|b| best < b) && best > full.score)
        else {
            continue;
        };
        let cut = run(&problem, &plain.clone().with_target(target));
        assert!(
            cut.score <= target,
            "seed {seed}: stopped at {} above the target {target}",
            cut.score
        );
        // The same path as without the target, cut where it first reached it.
        assert_eq!(cut.score, target, "seed {seed}: not the same path");
        assert!(
            cut.stats.steps <= at,
            "seed {seed}: {} steps",
            cut.stats.steps
        );
        assert!(
            cut.stats.steps < budget,
            "seed {seed}: ran the whole budget"
        );
        stopped_early += 1;
    }
    assert!(
        stopped_early >= 2,
        "{stopped_early} runs reached a target early"
    );
}

/// A target no roster can reach (a negative hard level) changes nothing:
/// the search uses its whole budget and returns the same roster.
#[test]
fn an_unreachable_target_uses_the_whole_budget() {
    let budget = 5_000;
    let unreachable = Score {
        hard: -1,
        unfilled: 0,
        soft: 0,
    };
    let mut unproven = 0;
    for seed in 0..3 {
        let problem = common::problem(seed, 6, 30, 2);
        let plain = run(&problem, &steps(budget, seed));
        let targeted = run(&problem, &steps(budget, seed).with_target(unreachable));
        assert_eq!(targeted.roster, plain.roster, "seed {seed}");
        assert_eq!(targeted.stats.steps, plain.stats.steps, "seed {seed}");
        if !proven(&targeted) {
            assert_eq!(targeted.stats.steps, budget, "seed {seed}");
            unproven += 1;
        }
    }
    assert!(unproven >= 2, "only {unproven} runs without a proof");
}

/// Each of several searches gets the whole step budget and the steps are
/// summed: without a proof (which stops the others early) they total
/// exactly threads × budget.
#[test]
fn several_threads_without_a_proof_take_threads_times_the_budget() {
    let budget = 5_000;
    let mut unproven = 0;
    for (seed, threads) in [(0, 2), (1, 3), (2, 3), (3, 1)] {
        let problem = common::problem(seed, 6, 30, 2);
        let s = run(&problem, &steps(budget, seed).with_threads(threads));
        let all = budget * threads as u64;
        if proven(&s) {
            assert!(s.stats.steps <= all, "seed {seed}: {}", s.stats.steps);
        } else {
            assert_eq!(s.stats.steps, all, "seed {seed}, {threads} threads");
            unproven += 1;
        }
    }
    assert!(unproven >= 3, "only {unproven} runs without a proof");
}

/// Adding a generous wall-clock limit to a step-limited run changes
/// nothing: same roster, steps, bound and progress, with one search and with
/// several.
#[test]
fn a_long_time_limit_changes_nothing_in_a_step_limited_run() {
    let hour = std::time::Duration::from_secs(3600);
    for (seed, threads) in [(0, 1), (1, 1), (2, 3)] {
        let problem = common::problem(seed, 6, 30, 2);
        let stepped = steps(5_000, seed).with_threads(threads);
        let timed = stepped.clone().with_max_time(hour);
        let a = run(&problem, &stepped);
        let b = run(&problem, &timed);
        assert_eq!(a.roster, b.roster, "seed {seed}");
        assert_eq!(a.score, b.score, "seed {seed}");
        assert_eq!(a.stats.steps, b.stats.steps, "seed {seed}");
        assert_eq!(
            a.stats.best_found_at_step, b.stats.best_found_at_step,
            "seed {seed}"
        );
        assert_eq!(a.lower_bound, b.lower_bound, "seed {seed}");
        if threads == 1 {
            assert_eq!(
                progress_of(&problem, &stepped),
                progress_of(&problem, &timed),
                "seed {seed}"
            );
        }
    }
}
