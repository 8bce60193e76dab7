//! Average week, night average, young workers' hours and worker limits.

use perfect_week::solver::{
    AverageWeek, Constraint, NightRules, Roster, WorkerHistory, YoungRules,
};

use crate::common::*;

#[test]
fn average_week_counts_history_and_respects_the_opt_out() {
    let mut p = problem(7);
    p.rules.average_week = Some(AverageWeek::default());
    let mut w = worker("w");
    // 7 days of horizon + 14 of history: limit 48 h x 21 / 7 = 144 h.
    w.history = WorkerHistory {
        minutes: 100 * HOUR,
        days: 14,
        last_end: None,
        consecutive_days_before: 0,
    };
    // 4 x 12 h = 48 h: 148 h in all, 4 h over.
    let sessions: Vec<_> = (0..4)
        .map(|d| session(&format!("s{d}"), d, 8, 20))
        .collect();
    let (q, r) = solo(p.clone(), w.clone(), sessions.clone());
    assert_eq!(totals(&q, &r), vec![(Constraint::AverageWeek, 4 * HOUR)]);
    w.opted_out = true;
    let (q, r) = solo(p, w, sessions);
    assert_eq!(totals(&q, &r), vec![]);
}

#[test]
fn average_week_limit_uses_integer_division() {
    let mut p = problem(7);
    p.rules.average_week = Some(AverageWeek { max_minutes: 100 });
    let mut w = worker("w");
    w.history.days = 3; // limit = 100 x 10 / 7 = 142
    let mut s = session("s", 0, 8, 8);
    s.placements[0].end += 150;
    let (p, r) = solo(p, w, vec![s]);
    assert_eq!(totals(&p, &r), vec![(Constraint::AverageWeek, 8)]);
}

#[test]
fn night_average_applies_only_to_night_workers() {
    let mut p = problem(7);
    p.rules.night = Some(NightRules::default());
    // 8 h a day over 7 days: 56 h. Work 5 x 12 h = 60 h: 4 h over, but only
    // for someone with a night session (>= 3 h of night).
    let mut sessions: Vec<_> = (0..5)
        .map(|d| session(&format!("s{d}"), d, 8, 20))
        .collect();
    let (q, r) = solo(p.clone(), worker("w"), sessions.clone());
    assert_eq!(totals(&q, &r), vec![]);
    sessions[4] = session("s4", 4, 20, 32);
    sessions[4].placements[0].night_minutes = 179;
    let (q, r) = solo(p.clone(), worker("w"), sessions.clone());
    assert_eq!(totals(&q, &r), vec![]);
    sessions[4].placements[0].night_minutes = 180;
    let mut w = worker("w");
    w.opted_out = true; // the opt-out does not cover night limits
    w.history.minutes = 30;
    let (q, r) = solo(p, w, sessions);
    assert_eq!(
        totals(&q, &r),
        vec![(Constraint::NightAverage, 4 * HOUR + 30)]
    );
}

#[test]
fn young_hours_per_day_and_per_rota_week() {
    let mut p = problem(14);
    p.rules.young = Some(YoungRules::default());
    let mut w = worker("y");
    w.young = true;
    // Week 0: two sessions on day 0 totalling 9 h (1 h over the day), and
    // four more 8 h days: 41 h, 1 h over the week. Week 1: 40 h exactly.
    let mut sessions = vec![session("a", 0, 8, 13), session("b", 0, 14, 18)];
    sessions.extend((1..5).map(|d| session(&format!("w0d{d}"), d, 8, 16)));
    sessions.extend((7..12).map(|d| session(&format!("w1d{d}"), d, 8, 16)));
    let (q, r) = solo(p.clone(), w.clone(), sessions.clone());
    let report = run(&q, &r);
    assert_eq!(report.by_constraint(), vec![(Constraint::YoungHours, 120)]);
    let days: Vec<_> = report.violations.iter().map(|v| v.day).collect();
    assert_eq!(days, vec![Some(0), Some(0)]);
    // An adult: no young limits.
    let (q, r) = solo(p, worker("y"), sessions);
    assert_eq!(totals(&q, &r), vec![]);
}

#[test]
fn young_workers_never_work_in_the_restricted_period_even_with_rules_off() {
    let p = problem(7); // Rules::none()
    let mut w = worker("y");
    w.young = true;
    let mut s = session("late", 0, 18, 23);
    s.placements[0].young_restricted_minutes = 60;
    let (p, r) = solo(p, w, vec![s]);
    assert_eq!(totals(&p, &r), vec![(Constraint::YoungNight, 300)]);
}

#[test]
fn per_kind_weekly_and_total_minutes() {
    let mut p = problem(14);
    p.days = days_from(monday(), 14);
    let mut w = worker("w");
    w.limits.max_per_kind = vec![("night".into(), 1), ("early".into(), 0)];
    w.limits.min_minutes_per_week = Some(20 * HOUR);
    w.limits.max_minutes_per_week = Some(30 * HOUR);
    w.limits.min_minutes_total = Some(50 * HOUR);
    w.limits.max_minutes_total = Some(55 * HOUR);
    // Week 0: 3 x 12 h = 36 h (6 h over); week 1: 1 x 12 h (8 h under).
    // Total 48 h: 2 h under the total minimum.
    let sessions = vec![
        kind(session("n0", 0, 8, 20), "night"),
        kind(session("n1", 1, 8, 20), "night"),
        kind(session("n2", 2, 8, 20), "night"),
        kind(session("e7", 7, 8, 20), "early"),
    ];
    let (p, r) = solo(p, w, sessions);
    let report = run(&p, &r);
    assert_eq!(
        report.by_constraint(),
        vec![
            (Constraint::MaxPerKind, 3),
            (Constraint::WeeklyMinutes, 14 * HOUR),
            (Constraint::TotalMinutes, 2 * HOUR),
        ]
    );
}

#[test]
fn weekly_minimum_applies_to_weeks_without_work() {
    let mut p = problem(14);
    let mut w = worker("w");
    w.limits.min_minutes_per_week = Some(10 * HOUR);
    p.workers = vec![w];
    assert_eq!(
        totals(&p, &Roster::default()),
        vec![(Constraint::WeeklyMinutes, 20 * HOUR)]
    );
}
