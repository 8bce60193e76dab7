//! Runs of days, days off, weekends and successions.

use perfect_week::solver::{Boundary, Constraint, Employee, Problem, Roster};

use crate::common::*;

/// A worker on the given days of a 7-day horizon (08:00-16:00).
fn on_days(p: Problem, w: Employee, days: &[usize]) -> (Problem, Roster) {
    let sessions = days
        .iter()
        .map(|&d| session(&format!("d{d}"), d, 8, 16))
        .collect();
    solo(p, w, sessions)
}

#[test]
fn max_consecutive_days_with_history() {
    let mut w = worker("w");
    w.limits.max_consecutive_days = Some(3);
    // Days 0-1 and 3-6: the run of 4 is one over.
    let (p, r) = on_days(problem(7), w.clone(), &[0, 1, 3, 4, 5, 6]);
    let report = run(&p, &r);
    assert_eq!(
        report.by_constraint(),
        vec![(Constraint::MaxConsecutiveDays, 1)]
    );
    assert_eq!(report.violations[0].day, Some(3));
    // Two days worked before the horizon make the first run 4 as well.
    w.history.consecutive_days_before = 2;
    let (p, r) = on_days(problem(7), w.clone(), &[0, 1, 3, 4, 5, 6]);
    assert_eq!(totals(&p, &r), vec![(Constraint::MaxConsecutiveDays, 2)]);
    // History does not lengthen a run that starts later.
    let (p, r) = on_days(problem(7), w, &[1, 2, 3]);
    assert_eq!(totals(&p, &r), vec![]);
}

#[test]
fn min_consecutive_days_with_both_boundaries() {
    let mut w = worker("w");
    w.limits.min_consecutive_days = Some(3);
    let days = [0, 2, 3, 5, 6]; // runs: [0] [2,3] [5,6]
    // Continues: runs touching day 0 or day 6 are exempt; [2,3] is 1 short.
    let (p, r) = on_days(problem(7), w.clone(), &days);
    assert_eq!(totals(&p, &r), vec![(Constraint::MinConsecutiveDays, 1)]);
    // Off: nothing is exempt: 2 + 1 + 1.
    let mut p = problem(7);
    p.rules.boundary = Boundary::Off;
    let (p, r) = on_days(p, w.clone(), &days);
    assert_eq!(totals(&p, &r), vec![(Constraint::MinConsecutiveDays, 4)]);
    // Off, with two days worked before: the first run is 3 long.
    w.history.consecutive_days_before = 2;
    let mut p = problem(7);
    p.rules.boundary = Boundary::Off;
    let (p, r) = on_days(p, w, &days);
    assert_eq!(totals(&p, &r), vec![(Constraint::MinConsecutiveDays, 2)]);
}

#[test]
fn min_days_off_at_the_edges() {
    let mut w = worker("w");
    w.limits.min_consecutive_days_off = Some(2);
    let days = [1, 3, 4, 6]; // off runs: [0] [2] [5]
    // Continues: [0] is exempt (touches day 0), [2] and [5] are 1 short.
    let (p, r) = on_days(problem(7), w.clone(), &days);
    assert_eq!(totals(&p, &r), vec![(Constraint::MinConsecutiveDaysOff, 2)]);
    // Off with no work before: [0] extends into the past: exempt.
    let mut off = problem(7);
    off.rules.boundary = Boundary::Off;
    let (p, r) = on_days(off.clone(), w.clone(), &days);
    assert_eq!(totals(&p, &r), vec![(Constraint::MinConsecutiveDaysOff, 2)]);
    // Off with work before day 0: [0] is a real single day off.
    w.history.consecutive_days_before = 1;
    let (p, r) = on_days(off.clone(), w.clone(), &days);
    assert_eq!(totals(&p, &r), vec![(Constraint::MinConsecutiveDaysOff, 3)]);
    // Off: a single day off at the end continues beyond: exempt.
    let (p, r) = on_days(off, w.clone(), &[0, 1, 2, 3, 4, 5]);
    assert_eq!(totals(&p, &r), vec![]);
    // Continues: a single day off at the end is exempt too.
    let (p, r) = on_days(problem(7), w, &[0, 1, 2, 3, 4, 5]);
    assert_eq!(totals(&p, &r), vec![]);
}

#[test]
fn weekends_worked_beyond_the_maximum() {
    let mut w = worker("w");
    w.limits.max_weekends = Some(1);
    // From Monday, 21 days: weekends are days 5-6, 12-13, 19-20.
    let p = problem(21);
    let (q, r) = on_days(p.clone(), w.clone(), &[6, 12, 13, 19]);
    let report = run(&q, &r);
    assert_eq!(report.by_constraint(), vec![(Constraint::MaxWeekends, 2)]);
    assert_eq!(report.violations[0].day, Some(12));
    let (q, r) = on_days(p, w, &[0, 1, 2, 3, 4, 5, 6, 7]);
    assert_eq!(totals(&q, &r), vec![]);
}

#[test]
fn a_horizon_starting_on_sunday_has_that_sunday_as_a_weekend() {
    let mut w = worker("w");
    w.limits.max_weekends = Some(1);
    let mut p = problem(7);
    p.days = days_from(date(2025, 3, 2), 7); // Sunday .. Saturday
    // Day 0 (Sunday) and day 6 (Saturday, whose Sunday is beyond): two
    // weekends.
    let (q, r) = on_days(p.clone(), w.clone(), &[0, 6]);
    assert_eq!(totals(&q, &r), vec![(Constraint::MaxWeekends, 1)]);
    let (q, r) = on_days(p, w, &[0, 1, 2, 3, 4, 5]);
    assert_eq!(totals(&q, &r), vec![]);
}

#[test]
fn forbidden_successions_on_consecutive_days() {
    let mut p = problem(7);
    p.rules.forbidden_successions = vec![("late".into(), "early".into())];
    let sessions = vec![
        kind(session("l0", 0, 14, 22), "late"),
        kind(session("e1", 1, 7, 12), "early"),
        kind(session("e1b", 1, 13, 14), "early"), // same day: counted once
        kind(session("l2", 2, 14, 22), "late"),
        kind(session("e4", 4, 7, 12), "early"), // not the day after a late
        kind(session("e2", 2, 7, 9), "early"),  // early before late: allowed
    ];
    let (p, r) = solo(p, worker("w"), sessions);
    let report = run(&p, &r);
    assert_eq!(report.by_constraint(), vec![(Constraint::Succession, 1)]);
    assert_eq!(report.violations[0].day, Some(1));
}
