//! The soft terms.

use perfect_week::solver::{Constraint, Cover, Fairness, Measure, PlacementChoice, Request, Want};

use crate::common::*;

#[test]
fn preferred_cover_and_placement_penalty() {
    let mut p = problem(7);
    p.weights.placement = 2;
    let mut s = session("s", 0, 9, 11);
    s.cover = Cover::Preferred {
        wanted: 2,
        under_weight: 7,
        over_weight: 3,
    };
    let mut q = session("q", 1, 9, 11);
    q.cover = Cover::Preferred {
        wanted: 1,
        under_weight: 7,
        over_weight: 3,
    };
    let mut second = q.placements[0];
    second.penalty = 11;
    q.placements.push(second);
    let mut empty = session("empty", 2, 9, 11); // penalty but nobody on it
    empty.placements[0].penalty = 100;
    empty.cover = Cover::Preferred {
        wanted: 0,
        under_weight: 7,
        over_weight: 3,
    };
    p.sessions = vec![s, q, empty];
    p.workers = vec![worker("a"), worker("b"), worker("c")];
    let mut r = roster(&[("s", "a"), ("q", "a"), ("q", "b"), ("q", "c")]);
    r.placements = vec![PlacementChoice {
        session: "q".into(),
        index: 1,
    }];
    // s: 1 under (7); q: 2 over (6); placement 11 x 2.
    assert_eq!(
        totals(&p, &r),
        vec![(Constraint::Cover, 13), (Constraint::Placement, 22)]
    );
}

#[test]
fn not_preferred_matching_and_cost_per_seat() {
    let mut p = problem(7);
    p.weights.not_preferred = 2;
    p.weights.matching = 3;
    p.weights.cost = 1;
    let mut s = session("s", 0, 9, 11); // 120 min
    s.cover = Cover::Required { workers: 2 };
    s.preferred = vec!["a".into()];
    s.worker_penalties = vec![("b".into(), 5), ("b".into(), 1), ("c".into(), 50)];
    let mut open = session("open", 1, 9, 10); // no preference list: no cost
    open.worker_penalties = vec![];
    p.sessions = vec![s, open];
    let mut a = worker("a");
    a.pay_per_hour = 1201; // 120 x 1201 / 60 = 2402; (144120 + 30) / 60 = 2402
    let mut b = worker("b");
    b.pay_per_hour = 1000; // 2000 on s, 1000 on open: (60000 + 30) / 60 = 1000
    p.workers = vec![a, b];
    let r = roster(&[("s", "a"), ("s", "b"), ("open", "b")]);
    // Not preferred: b on s, 120 x 2. Matching: (5 + 1) x 3.
    assert_eq!(
        totals(&p, &r),
        vec![
            (Constraint::NotPreferred, 240),
            (Constraint::Matching, 18),
            (Constraint::Cost, 2402 + 2000 + 1000),
        ]
    );
    // Rounding to the nearest penny: 1 minute at 30p an hour is 0.5p -> 1p;
    // at 29p it is 0.48p -> 0p.
    let mut p = problem(7);
    p.weights.cost = 1;
    let mut s = session("m", 0, 9, 9);
    s.placements[0].end += 1;
    p.sessions = vec![s];
    let mut w = worker("w");
    w.pay_per_hour = 30;
    p.workers = vec![w];
    let r = roster(&[("m", "w")]);
    assert_eq!(totals(&p, &r), vec![(Constraint::Cost, 1)]);
    p.workers[0].pay_per_hour = 29;
    assert_eq!(totals(&p, &r), vec![]);
}

#[test]
fn continuity_per_person_and_per_series() {
    let mut p = problem(7);
    p.weights.continuity_person = 10;
    p.weights.continuity_series = 100;
    let mut sessions = Vec::new();
    for d in 0..4 {
        let mut s = session(&format!("ann{d}"), d, 9, 11);
        s.person = Some("ann".into());
        s.series = Some(if d < 2 { "swim" } else { "shop" }.into());
        sessions.push(s);
    }
    let mut bob = session("bob", 0, 12, 13);
    bob.person = Some("bob".into());
    sessions.push(bob);
    p.sessions = sessions;
    p.workers = vec![worker("a"), worker("b"), worker("c")];
    // Ann: a, b, c (2 extra); swim: a, b (1 extra); shop: c only. Bob: one.
    let r = roster(&[
        ("ann0", "a"),
        ("ann1", "b"),
        ("ann2", "c"),
        ("ann3", "c"),
        ("bob", "a"),
    ]);
    let report = run(&p, &r);
    assert_eq!(
        report.by_constraint(),
        vec![
            (Constraint::ContinuityPerson, 20),
            (Constraint::ContinuitySeries, 100),
        ]
    );
    assert_eq!(
        report.by_person(),
        vec![(
            "ann".into(),
            perfect_week::solver::Score {
                hard: 0,
                unfilled: 0,
                soft: 120
            }
        )]
    );
}

#[test]
fn requests_on_and_off_by_day_and_kind() {
    let mut p = problem(7);
    p.weights.requests = 2;
    let mut w = worker("w");
    let request = |day, kind: Option<&str>, want, weight| Request {
        day,
        kind: kind.map(Into::into),
        want,
        weight,
    };
    w.requests = vec![
        request(0, None, Want::On, 1),           // met
        request(1, None, Want::On, 10),          // not met: 20
        request(2, Some("late"), Want::On, 100), // an early that day: 200
        request(3, None, Want::Off, 1000),       // worked: 2000
        request(4, Some("late"), Want::Off, 5),  // an early: met
        request(5, None, Want::Off, 7),          // not worked: met
    ];
    let sessions = vec![
        session("d0", 0, 9, 11),
        kind(session("d2", 2, 9, 11), "early"),
        session("d3", 3, 9, 11),
        kind(session("d4", 4, 9, 11), "early"),
    ];
    let (p, r) = solo(p, w, sessions);
    assert_eq!(totals(&p, &r), vec![(Constraint::Request, 2220)]);
}

#[test]
fn fairness_counts_every_worker_even_without_sessions() {
    let mut p = problem(7);
    p.weights.fairness = vec![
        Fairness {
            measure: Measure::Hours,
            weight: 1,
        },
        Fairness {
            measure: Measure::WeekendDays,
            weight: 10,
        },
        Fairness {
            measure: Measure::Nights,
            weight: 100,
        },
        Fairness {
            measure: Measure::Kind("late".into()),
            weight: 1000,
        },
    ];
    let mut night = kind(session("n", 5, 22, 30), "late"); // Saturday night, 8 h
    night.placements[0].night_minutes = 180;
    p.sessions = vec![
        session("a", 0, 9, 13),               // 4 h
        kind(session("b", 6, 9, 11), "late"), // Sunday, 2 h
        night,
    ];
    p.workers = vec![worker("x"), worker("y"), worker("idle")];
    let r = roster(&[("a", "x"), ("b", "x"), ("n", "y")]);
    // Hours: x 6, y 8, idle 0: 36 + 64 - 14^2/3 = 100 - 65 = 35.
    // Weekend days: 1, 1, 0: 2 - 4/3 = 2 - 1 = 1 -> 10.
    // Nights (threshold 180 with night rules off): 0, 1, 0: 1 - 0 = 1 -> 100.
    // Late: 1, 1, 0: 1 -> 1000.
    let report = run(&p, &r);
    assert_eq!(report.by_constraint(), vec![(Constraint::Fairness, 1145)]);
    assert_eq!(report.violations.len(), 4);
}

#[test]
fn stability_against_the_baseline() {
    let mut p = problem(7);
    p.weights.stability = 10;
    let mut s = session("s", 0, 9, 11); // 120 min, or 180 at placement 1
    let mut long = s.placements[0];
    long.end += 60;
    s.placements.push(long);
    p.sessions = vec![s, session("t", 1, 9, 10)];
    p.workers = vec![worker("a"), worker("b")];
    let mut baseline = roster(&[("s", "a"), ("t", "a")]);
    baseline.placements = vec![PlacementChoice {
        session: "s".into(),
        index: 1,
    }];
    p.baseline = Some(baseline);
    // Same assignments, other placement: no stability cost.
    let report = run(&p, &roster(&[("s", "a"), ("t", "a")]));
    assert_eq!(report.by_constraint(), vec![]);
    // s moves from a to b: a removed at the baseline's 180 min, b added at
    // the roster's 120 min; t unchanged.
    let report = run(&p, &roster(&[("s", "b"), ("t", "a")]));
    assert_eq!(report.by_constraint(), vec![(Constraint::Stability, 3000)]);
}

#[test]
fn stability_weighs_each_session_by_its_own_weight() {
    let mut p = problem(7);
    p.weights.stability = 10;
    p.weights.stability_by_session = vec![("s".into(), 50), ("s".into(), 1)];
    p.sessions = vec![session("s", 0, 9, 11), session("t", 1, 9, 10)];
    p.workers = vec![worker("a"), worker("b")];
    p.baseline = Some(roster(&[("s", "a"), ("t", "a")]));
    // s: a removed and b added, 120 min each at the first listed weight 50;
    // t: the same at the general weight 10 over 60 min.
    let report = run(&p, &roster(&[("s", "b"), ("t", "a")]));
    assert_eq!(
        report.by_constraint(),
        vec![(Constraint::Stability, 12_000)]
    );
    let report = run(&p, &roster(&[("s", "a"), ("t", "b")]));
    assert_eq!(report.by_constraint(), vec![(Constraint::Stability, 1_200)]);
}
