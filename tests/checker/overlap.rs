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
