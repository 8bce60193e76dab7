//! Daily and weekly rest.

use chrono::Days;
use perfect_week::solver::{Constraint, Day, Session, WeeklyRest};

use crate::common::*;

#[test]
fn daily_rest_is_the_longest_free_stretch_in_24_hours_from_each_start() {
    // 08-20 then 06-14 the next day: from 08:00, the longest rest is 20-06,
    // 10 h: 60 short. From 06:00 next day, 16 h free: fine.
    let (p, r) = solo(
        daily_rest_only(7),
        worker("sam"),
        vec![session("a", 0, 8, 20), session("b", 1, 6, 14)],
    );
    let report = run(&p, &r);
    assert_eq!(report.by_constraint(), vec![(Constraint::DailyRest, 60)]);
    assert_eq!(
        report.violations[0].to_string(),
        "sam: too little daily rest (shortfall 60 min) in session a on day 0"
    );
}

#[test]
fn daily_rest_counts_each_window_and_young_workers_need_12_hours() {
    // 07-15, 23-03, then 15-19 on day 1 (all relative to day 0/1).
    let sessions = vec![
        session("a", 0, 7, 15),
        session("b", 0, 23, 27),
        session("c", 1, 15, 19),
    ];
    let (p, r) = solo(daily_rest_only(7), worker("w"), sessions.clone());
    // from 07:00: free 15-23 (8 h), 03-07 (4 h): 180 short.
    // from 23:00: free 03-15 (12 h): fine for an adult.
    // from 15:00 day 1: free 19:00 onwards: fine.
    assert_eq!(totals(&p, &r), vec![(Constraint::DailyRest, 180)]);
    let mut young = worker("w");
    young.young = true;
    let (p, r) = solo(daily_rest_only(7), young, sessions);
    // Young: 12 h needed: 240 short from 07:00; exactly 12 h from 23:00.
    assert_eq!(totals(&p, &r), vec![(Constraint::DailyRest, 240)]);
}

#[test]
fn daily_rest_looks_back_on_the_last_shift_before_the_horizon() {
    // Last shift ended at 22:00 the evening before day 0; first session
    // at 06:00: only 8 h of rest, 180 short.
    let mut w = worker("w");
    w.history.last_end = Some(-2 * HOUR);
    let (p, r) = solo(daily_rest_only(7), w.clone(), vec![session("a", 0, 6, 14)]);
    let report = run(&p, &r);
    assert_eq!(report.by_constraint(), vec![(Constraint::DailyRest, 180)]);
    assert_eq!(report.violations[0].session, Some("a".into()));
    // Starting at 09:00 instead gives exactly 11 h.
    let (p, r) = solo(daily_rest_only(7), w.clone(), vec![session("a", 0, 9, 14)]);
    assert_eq!(totals(&p, &r), vec![]);
    // A session overlapping the last shift itself: no rest at all before it,
    // and from its start the history covers the first hour.
    w.history.last_end = Some(HOUR);
    let (p, r) = solo(daily_rest_only(7), w, vec![session("a", 0, 0, 2)]);
    // before: 660 short; from 00:00: free 02:00-24:00 = 22 h: fine.
    assert_eq!(totals(&p, &r), vec![(Constraint::DailyRest, 660)]);
}

#[test]
fn daily_rest_is_measured_in_elapsed_minutes_across_a_clock_change() {
    // Saturday 29 March 2025, then Sunday 30 March (clocks go forward at
    // 01:00: a 23-hour day), then Monday.
    let mut p = daily_rest_only(0);
    p.days = vec![
        Day::new(date(2025, 3, 29), 0, DAY),
        Day::new(date(2025, 3, 30), DAY, 2 * DAY - HOUR),
    ];
    for d in 0..5 {
        p.days.push(Day::new(
            date(2025, 3, 31) + Days::new(d),
            2 * DAY - HOUR + d as i64 * DAY,
            3 * DAY - HOUR + d as i64 * DAY,
        ));
    }
    // Saturday 14:00-22:00, then Sunday 09:00-17:00 local: 11 hours on the
    // clock, 10 hours elapsed.
    let mut sunday = session("sun", 1, 0, 0);
    sunday.placements[0].start = DAY + 8 * HOUR; // 09:00 BST
    sunday.placements[0].end = DAY + 16 * HOUR; // 17:00 BST
    let (p, r) = solo(p, worker("w"), vec![session("sat", 0, 14, 22), sunday]);
    assert_eq!(totals(&p, &r), vec![(Constraint::DailyRest, 60)]);
}

fn every_day_except(n: usize, off: &[usize]) -> Vec<Session> {
    (0..n)
        .filter(|d| !off.contains(d))
        .map(|d| session(&format!("s{d}"), d, 8, 20))
        .collect()
}

#[test]
fn weekly_rest_per_7_day_block() {
    let mut p = problem(14);
    p.rules.weekly_rest = Some(WeeklyRest::default());
    // Off on day 6 only: block 0 has 20:00 day 5 to the end of day 6 (28 h);
    // block 1 (days 7-13) has at most 12 h: 720 short.
    let (p, r) = solo(p, worker("w"), every_day_except(14, &[6]));
    let report = run(&p, &r);
    assert_eq!(report.by_constraint(), vec![(Constraint::WeeklyRest, 720)]);
    assert_eq!(report.violations[0].day, Some(7));
}

#[test]
fn weekly_rest_over_14_days_and_for_young_workers() {
    let mut p = problem(14);
    p.rules.weekly_rest = Some(WeeklyRest {
        period_days: 14,
        minutes: 48 * HOUR,
        young_minutes: 72 * HOUR,
    });
    // Days 6 and 7 off: 20:00 day 5 to 08:00 day 8 is 60 h.
    let (q, r) = solo(p.clone(), worker("w"), every_day_except(14, &[6, 7]));
    assert_eq!(totals(&q, &r), vec![]);
    let mut young = worker("w");
    young.young = true;
    let (q, r) = solo(p.clone(), young, every_day_except(14, &[6, 7]));
    assert_eq!(totals(&q, &r), vec![(Constraint::WeeklyRest, 12 * HOUR)]);
    // Only day 6 off: 36 h, 12 h short.
    let (q, r) = solo(p.clone(), worker("w"), every_day_except(14, &[6]));
    assert_eq!(totals(&q, &r), vec![(Constraint::WeeklyRest, 12 * HOUR)]);
    // A 20-day horizon (not whole weeks) has one complete 14-day block.
    let mut q = q;
    q.days = days_from(monday(), 20);
    assert_eq!(totals(&q, &r), vec![(Constraint::WeeklyRest, 12 * HOUR)]);
}

#[test]
fn weekly_rest_counts_history_before_the_horizon() {
    let mut p = problem(7);
    p.rules.weekly_rest = Some(WeeklyRest::default());
    // Works days 1-6 08:00-20:00; day 0 is free, so 32 h from the start of
    // the block to 08:00 day 1. With a shift ending at 10:00 on day 0 (a
    // night from before the horizon... kept as history), only 22 h.
    let mut w = worker("w");
    let (q, r) = solo(p.clone(), w.clone(), every_day_except(7, &[0]));
    assert_eq!(totals(&q, &r), vec![]);
    w.history.last_end = Some(10 * HOUR);
    let (q, r) = solo(p, w, every_day_except(7, &[0]));
    assert_eq!(totals(&q, &r), vec![(Constraint::WeeklyRest, 120)]);
}
