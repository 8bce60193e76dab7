//! Names the problem does not have, and the empty roster.

use perfect_week::ids::{SessionId, WorkerId};
use perfect_week::solver::{Constraint, PlacementChoice, ProblemError, Roster, check};

use crate::common::*;

#[test]
fn unknown_names_are_errors() {
    let mut p = problem(7);
    p.sessions = vec![session("s", 0, 9, 17)];
    p.workers = vec![worker("w")];
    assert_eq!(
        check(&p, &roster(&[("x", "w")])),
        Err(ProblemError::UnknownSession(SessionId::new("x")))
    );
    assert_eq!(
        check(&p, &roster(&[("s", "x")])),
        Err(ProblemError::UnknownWorker(WorkerId::new("x")))
    );
    let mut r = roster(&[("s", "w")]);
    r.placements = vec![PlacementChoice {
        session: "s".into(),
        index: 1,
    }];
    assert_eq!(
        check(&p, &r),
        Err(ProblemError::UnknownPlacement {
            session: "s".into(),
            index: 1
        })
    );
}

#[test]
fn an_empty_roster_of_a_ruleless_problem_only_leaves_seats_unfilled() {
    let mut p = problem(7);
    let mut s = session("s", 0, 9, 17);
    s.priority = 3;
    p.sessions = vec![s];
    p.workers = vec![worker("w")];
    let report = run(&p, &Roster::default());
    assert!(report.is_feasible());
    assert_eq!(
        report.by_constraint(),
        vec![(Constraint::Unfilled, 8 * 60 * 3)]
    );
    assert_eq!(report.violations[0].day, Some(0));
}
