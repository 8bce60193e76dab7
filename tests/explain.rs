//! Explanations: why a session is unfilled, who could cover it, the score
//! broken down, and what changed between two rosters.

use perfect_week::explain::{Breakdown, diff, unfilled, who_could_cover, who_could_replace};
use perfect_week::solver::*;

use crate::solver_common;
use solver_common::{days, placement, plain_session, plain_worker};

/// One Monday session 09:00–17:00 needing one worker, and three workers: one
/// on a day off, one the person refused, one without the driving the session
/// needs — and, when `with_ok` is set, one who could do it.
fn trip_problem(with_ok: bool) -> Problem {
    let days = days(1, false);
    let mut trip = plain_session(
        "trip".into(),
        vec![placement(&days[0], 0, 9 * 60, 8 * 60)],
        Cover::Required { workers: 1 },
    );
    trip.person = Some("ava".into());
    trip.requires = vec!["driving".into()];
    trip.refused = vec!["rex".into()];
    let mut dee = plain_worker("dee".into());
    dee.days_off = vec![0];
    dee.tags = vec![HeldTag::always("driving")];
    let mut rex = plain_worker("rex".into());
    rex.tags = vec![HeldTag::always("driving")];
    let nat = plain_worker("nat".into());
    let mut workers = vec![dee, rex, nat];
    if with_ok {
        let mut ok = plain_worker("kit".into());
        ok.tags = vec![HeldTag::always("driving")];
        workers.push(ok);
    }
    Problem::new(days, vec![trip], workers)
}

#[test]
fn an_unfilled_session_names_the_rule_that_rules_out_each_worker() {
    let problem = trip_problem(false);
    let empty = Roster::default();
    let report = unfilled(&problem, &empty).expect("known names");
    assert_eq!(report.len(), 1);
    let trip = &report[0];
    assert_eq!(trip.missing, 1);
    let reason = |id: &str| {
        trip.candidates
            .iter()
            .find(|c| c.worker.as_str() == id)
            .map(|c| c.blocked_by.iter().map(|(c, _)| *c).collect::<Vec<_>>())
    };
    assert_eq!(reason("dee"), Some(vec![Constraint::DayOff]));
    assert_eq!(reason("rex"), Some(vec![Constraint::Refused]));
    assert_eq!(reason("nat"), Some(vec![Constraint::MissingTag]));
    let text = trip.to_string();
    assert!(text.contains("trip for ava needs 1 more worker"), "{text}");
    assert!(text.contains("dee: cannot: has a day off\n"), "{text}");
    assert!(text.contains("nat: cannot: lacks driving\n"), "{text}");
}

#[test]
fn who_could_cover_ranks_possible_workers_first_by_score_change() {
    let problem = trip_problem(true);
    let candidates =
        who_could_cover(&problem, &Roster::default(), &"trip".into()).expect("known names");
    assert_eq!(candidates.len(), 4);
    assert_eq!(candidates[0].worker.as_str(), "kit");
    assert!(candidates[0].is_possible());
    // Filling the seat removes 480 unfilled minutes.
    assert_eq!(candidates[0].change.unfilled, -480);
    assert!(candidates[1..].iter().all(|c| !c.is_possible()));
}

#[test]
fn the_solver_leaves_the_session_unfilled_when_nobody_may_cover_it() {
    let problem = trip_problem(false);
    let solution = solve(&problem, &SolverConfig::default()).expect("valid problem");
    assert!(solution.score.is_feasible());
    assert_eq!(solution.score.unfilled, 480);
    assert!(solution.roster.assignments.is_empty());
    let solved = solve(&trip_problem(true), &SolverConfig::default()).expect("valid problem");
    assert_eq!(solved.score.unfilled, 0);
}

#[test]
fn unknown_session_is_an_error_not_a_panic() {
    let problem = trip_problem(true);
    let result = who_could_cover(&problem, &Roster::default(), &"nope".into());
    assert_eq!(result, Err(ProblemError::UnknownSession("nope".into())));
}

#[test]
fn breakdown_lists_each_constraint_person_and_worker() {
    let problem = trip_problem(true);
    let roster = Roster {
        assignments: vec![Assignment {
            session: "trip".into(),
            worker: "dee".into(),
        }],
        placements: vec![],
    };
    let breakdown = Breakdown::of(&problem, &roster).expect("known names");
    assert_eq!(breakdown.by_constraint, vec![(Constraint::DayOff, 480)]);
    assert_eq!(breakdown.by_worker.len(), 1);
    assert_eq!(breakdown.by_person.len(), 1);
    let text = breakdown.to_string();
    assert!(text.contains("hard"), "{text}");
    assert!(text.contains("has a day off"), "{text}");
}

#[test]
fn diff_reports_each_changed_session_once() {
    let a = |s: &str, w: &str| Assignment {
        session: s.into(),
        worker: w.into(),
    };
    let before = Roster {
        assignments: vec![a("s1", "sam"), a("s2", "sam"), a("s3", "kit")],
        placements: vec![],
    };
    let after = Roster {
        assignments: vec![a("s1", "sam"), a("s2", "kit"), a("s4", "kit")],
        placements: vec![PlacementChoice {
            session: "s1".into(),
            index: 1,
        }],
    };
    let changes = diff(&before, &after);
    assert_eq!(changes.changes.len(), 4);
    assert_eq!(changes.assignments_changed(), 4);
    assert_eq!(
        changes.to_string(),
        "s1: moved from time option 0 to 1\ns2: sam → kit\ns3: kit taken off\ns4: kit added\n"
    );
    assert!(diff(&after, &after).is_empty());
}

#[test]
fn who_could_replace_weighs_others_without_counting_the_full_seat() {
    let problem = trip_problem(true);
    let roster = Roster {
        assignments: vec![Assignment {
            session: "trip".into(),
            worker: "kit".into(),
        }],
        placements: vec![],
    };
    let full = who_could_cover(&problem, &roster, &"trip".into()).expect("known names");
    assert!(full.iter().all(|c| {
        c.blocked_by
            .iter()
            .any(|(constraint, _)| *constraint == Constraint::OverCover)
    }));
    let instead =
        who_could_replace(&problem, &roster, &"trip".into(), &"kit".into()).expect("known names");
    assert_eq!(instead.len(), 3);
    assert!(instead.iter().all(|c| c.worker.as_str() != "kit"));
    assert!(instead.iter().all(|c| {
        c.blocked_by
            .iter()
            .all(|(constraint, _)| *constraint != Constraint::OverCover)
    }));
    assert_eq!(
        who_could_replace(&problem, &roster, &"trip".into(), &"nobody".into()).err(),
        Some(ProblemError::UnknownWorker("nobody".into()))
    );
}
