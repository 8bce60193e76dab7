//! Overlap, travel and one session a day.

use perfect_week::solver::Constraint;

use crate::common::*;

#[test]
fn overlap_sums_every_pair() {
    let (p, r) = solo(
        problem(7),
        worker("w"),
        vec![
            session("a", 0, 9, 17),
            session("b", 0, 15, 19),
            session("c", 0, 16, 18),
            session("d", 0, 19, 21), // touches b: no overlap
        ],
    );
    // a-b 2 h, a-c 1 h, b-c 2 h.
    assert_eq!(totals(&p, &r), vec![(Constraint::Overlap, 300)]);
}

#[test]
fn travel_is_the_gap_shortfall_between_different_places() {
    let mut p = problem(7);
    p.rules.travel_minutes = 30;
    let mut a = session("a", 0, 9, 12);
    a.place = Some("x".into());
    let mut b = session("b", 0, 12, 14);
    b.placements[0].start += 20; // 12:20
    b.place = Some("y".into());
    let mut c = session("c", 0, 14, 15); // same place as b: no travel
    c.place = Some("y".into());
    let d = session("d", 0, 15, 16); // no place
    let mut e = session("e", 0, 16, 17); // after d (no place): not compared with c
    e.place = Some("x".into());
    let mut f = session("f", 0, 17, 18); // place x again, then far from y
    f.place = Some("x".into());
    let mut g = session("g", 0, 18, 19);
    g.place = Some("y".into());
    let (p, r) = solo(p, worker("w"), vec![a, b, c, d, e, f, g]);
    // a->b: 20 min gap, 10 short; f->g: 0 gap, 30 short.
    assert_eq!(totals(&p, &r), vec![(Constraint::Travel, 40)]);
}

#[test]
fn overlapping_sessions_at_different_places_are_not_travel() {
    let mut p = problem(7);
    p.rules.travel_minutes = 30;
    let mut a = session("a", 0, 9, 12);
    a.place = Some("x".into());
    let mut b = session("b", 0, 11, 13);
    b.place = Some("y".into());
    let (p, r) = solo(p, worker("w"), vec![a, b]);
    assert_eq!(totals(&p, &r), vec![(Constraint::Overlap, 60)]);
}

#[test]
fn one_session_per_day_counts_the_extra_sessions() {
    let mut p = problem(7);
    p.rules.one_session_per_day = true;
    let (p, r) = solo(
        p,
        worker("w"),
        vec![
            session("a", 0, 7, 9),
            session("b", 0, 10, 12),
            session("c", 0, 13, 15),
            session("d", 1, 7, 9),
        ],
    );
    let report = run(&p, &r);
    assert_eq!(
        report.by_constraint(),
        vec![(Constraint::OneSessionPerDay, 2)]
    );
    let extra: Vec<_> = report
        .violations
        .iter()
        .map(|v| v.session.clone())
        .collect();
    assert_eq!(extra, vec![Some("b".into()), Some("c".into())]);
}

/// A person in two places: two of one person's sessions overlap, whoever
/// supports them and whether or not anyone does.
#[test]
fn a_person_in_two_places_is_the_minutes_their_sessions_overlap() {
    let mut p = problem(7);
    let of = |person: &str, mut s: perfect_week::solver::Session| {
        s.person = Some(person.into());
        s
    };
    let mut late = session("c", 0, 10, 12);
    // Its second placement, 12:00-14:00, clears a; the first overlaps it.
    late.placements.push(placement(0, at(0, 12), at(0, 14)));
    p.sessions = vec![
        of("pat", session("a", 0, 9, 11)),
        of("pat", session("b", 0, 10, 13)), // a-b 1 h, b-c 2 h at 10:00
        of("pat", late),
        of("sam", session("d", 0, 9, 17)), // another person: nothing
        session("e", 0, 9, 17),            // nobody's
    ];
    p.workers = vec![worker("x"), worker("y")];
    let r = roster(&[("a", "x"), ("b", "y")]);
    let person = |r: &perfect_week::solver::Roster| {
        let report = run(&p, r);
        let total = report
            .by_constraint()
            .into_iter()
            .find(|(c, _)| *c == Constraint::PersonOverlap);
        let named: Vec<String> = report
            .violations
            .iter()
            .filter(|v| v.constraint == Constraint::PersonOverlap)
            .filter_map(|v| v.session.as_ref().map(|s| s.to_string()))
            .collect();
        (total.map_or(0, |(_, t)| t), named)
    };
    // a-b 60, a-c 60, b-c 120; c has no worker and still counts.
    let (total, named) = person(&r);
    assert_eq!(total, 240);
    // Each pair names its later session by start, then end: c (10-12)
    // comes before b (10-13).
    assert_eq!(named, ["b", "b", "c"]);
    // c at 12:00-14:00: a-b 1 h and b-c 1 h.
    let mut r = r;
    r.placements.push(perfect_week::solver::PlacementChoice {
        session: "c".into(),
        index: 1,
    });
    assert_eq!(person(&r), (120, vec!["b".to_string(), "c".to_string()]));
}
