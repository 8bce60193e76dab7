//! Budget, over cover, pins and unfilled seats.

use perfect_week::solver::{Assignment, Budget, Constraint, Cover, PlacementChoice};

use crate::common::*;

#[test]
fn budget_charges_per_assigned_worker_at_the_chosen_placement() {
    let mut p = problem(7);
    let mut s = session("s", 0, 9, 11);
    s.cover = Cover::Required { workers: 2 };
    s.budget = Some("ann".into());
    s.placements[0].charge = 3000;
    let mut later = s.placements[0];
    later.start += 60;
    later.end += 60;
    later.charge = 4000;
    s.placements.push(later);
    let mut t = session("t", 1, 9, 11);
    t.budget = Some("ann".into());
    t.placements[0].charge = 2000;
    let mut other = session("o", 1, 9, 11);
    other.budget = Some("core".into());
    other.placements[0].charge = 99_999;
    p.sessions = vec![s, t, other];
    p.workers = vec![worker("a"), worker("b"), worker("c")];
    p.budgets = vec![
        Budget {
            id: "ann".into(),
            cap: 7000,
        },
        Budget {
            id: "core".into(),
            cap: 100_000,
        },
    ];
    let mut r = roster(&[("s", "a"), ("s", "b"), ("t", "c"), ("o", "a")]);
    // 2 x 3000 + 2000 = 8000: 1000 over.
    let report = run(&p, &r);
    assert_eq!(report.by_constraint(), vec![(Constraint::Budget, 1000)]);
    assert_eq!(
        report.violations[0].to_string(),
        "over budget (over by £10.00)"
    );
    r.placements = vec![PlacementChoice {
        session: "s".into(),
        index: 1,
    }];
    // 2 x 4000 + 2000 = 10000: 3000 over.
    assert_eq!(totals(&p, &r), vec![(Constraint::Budget, 3000)]);
}

#[test]
fn over_cover_counts_extra_workers_and_repeats() {
    let mut p = problem(7);
    let mut s = session("s", 0, 9, 11);
    s.cover = Cover::Required { workers: 1 };
    let mut pref = session("p", 1, 9, 11);
    pref.cover = Cover::Preferred {
        wanted: 3,
        under_weight: 0,
        over_weight: 0,
    };
    p.sessions = vec![s, pref];
    p.workers = vec![worker("a"), worker("b"), worker("c")];
    // s: 3 distinct workers for 1 seat (2 extra), a twice (1 repeat);
    // p: b three times (2 repeats) on a preferred-cover session.
    let r = roster(&[
        ("s", "a"),
        ("s", "b"),
        ("s", "a"),
        ("s", "c"),
        ("p", "b"),
        ("p", "b"),
        ("p", "b"),
    ]);
    let report = run(&p, &r);
    assert_eq!(report.by_constraint(), vec![(Constraint::OverCover, 5)]);
}

#[test]
fn pins_missing_from_the_roster() {
    let mut p = problem(7);
    p.sessions = vec![session("s", 0, 9, 11), session("t", 1, 9, 11)];
    p.workers = vec![worker("a"), worker("b")];
    p.pins = vec![
        Assignment {
            session: "s".into(),
            worker: "a".into(),
        },
        Assignment {
            session: "t".into(),
            worker: "a".into(),
        },
    ];
    let report = run(&p, &roster(&[("s", "a"), ("t", "b")]));
    assert_eq!(report.by_constraint(), vec![(Constraint::Pin, 1)]);
    assert_eq!(report.violations[0].session, Some("t".into()));
    assert_eq!(report.violations[0].worker, Some("a".into()));
}

#[test]
fn unfilled_seats_weigh_minutes_by_priority() {
    let mut p = problem(7);
    let mut two = session("two", 0, 9, 12); // 180 min, 2:1, priority 5
    two.cover = Cover::Required { workers: 2 };
    two.priority = 5;
    let mut none = session("none", 1, 9, 10); // 60 min, nobody needed
    none.cover = Cover::Required { workers: 0 };
    p.sessions = vec![two, none, session("one", 2, 9, 10)];
    p.workers = vec![worker("a")];
    let report = run(&p, &roster(&[("two", "a")]));
    // two: 1 x 180 x 5; one: 1 x 60 x 1.
    assert_eq!(report.by_constraint(), vec![(Constraint::Unfilled, 960)]);
    assert!(report.is_feasible());
    assert_eq!(report.score.unfilled, 960);
}
