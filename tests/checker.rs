//! The independent checker on small problems whose answers are worked out by
//! hand, one rule family at a time, plus property tests.

use chrono::{Days, NaiveDate};
use perfect_week::ids::{SessionId, WorkerId};
use perfect_week::solver::{
    Assignment, AverageWeek, Boundary, Budget, CheckReport, Constraint, Cover, DailyRest, Day,
    Employee, Fairness, HeldTag, Interval, Measure, NightRules, Placement, PlacementChoice,
    Problem, ProblemError, Request, Roster, Rules, Session, Want, WeeklyRest, Weights,
    WorkerHistory, YoungRules, check,
};
use proptest::prelude::*;

const HOUR: i64 = 60;
const DAY: i64 = 24 * HOUR;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// Monday 3 March 2025.
fn monday() -> NaiveDate {
    date(2025, 3, 3)
}

/// `n` days of 24 hours from `first`, day 0 starting at minute 0.
fn days_from(first: NaiveDate, n: usize) -> Vec<Day> {
    (0..n)
        .map(|d| Day {
            date: first + Days::new(d as u64),
            start: d as i64 * DAY,
            end: (d as i64 + 1) * DAY,
        })
        .collect()
}

fn zero_weights() -> Weights {
    Weights {
        not_preferred: 0,
        matching: 0,
        continuity_person: 0,
        continuity_series: 0,
        requests: 0,
        placement: 0,
        cost: 0,
        stability: 0,
        fairness: vec![],
    }
}

/// A problem of `n` days from Monday with no rule and no weight.
fn problem(n: usize) -> Problem {
    Problem {
        days: days_from(monday(), n),
        sessions: vec![],
        workers: vec![],
        rules: Rules::none(),
        weights: zero_weights(),
        budgets: vec![],
        pins: vec![],
        baseline: None,
    }
}

/// Minute of hour `h` (may exceed 24) on day `d`.
fn at(d: i64, h: i64) -> i64 {
    d * DAY + h * HOUR
}

fn placement(day: usize, start: i64, end: i64) -> Placement {
    Placement {
        day,
        start,
        end,
        night_minutes: 0,
        young_restricted_minutes: 0,
        charge: 0,
        penalty: 0,
    }
}

/// A 1:1 session on `day` from hour `from` to hour `to` of that day.
fn session(id: &str, day: usize, from: i64, to: i64) -> Session {
    Session {
        id: id.into(),
        placements: vec![placement(day, at(day as i64, from), at(day as i64, to))],
        cover: Cover::Required { workers: 1 },
        kind: None,
        place: None,
        person: None,
        series: None,
        requires: vec![],
        refused: vec![],
        preferred: vec![],
        worker_penalties: vec![],
        budget: None,
        priority: 1,
    }
}

fn kind(mut s: Session, k: &str) -> Session {
    s.kind = Some(k.into());
    s
}

fn worker(id: &str) -> Employee {
    Employee {
        id: id.into(),
        tags: vec![],
        days_off: vec![],
        unavailable: vec![],
        available: None,
        young: false,
        opted_out: false,
        pay_per_hour: 0,
        limits: Default::default(),
        history: Default::default(),
        requests: vec![],
    }
}

fn roster(pairs: &[(&str, &str)]) -> Roster {
    Roster {
        assignments: pairs
            .iter()
            .map(|&(s, w)| Assignment {
                session: s.into(),
                worker: w.into(),
            })
            .collect(),
        placements: vec![],
    }
}

/// Checks, asserts the score is the sum of the violations, and returns the
/// totals per constraint.
fn totals(p: &Problem, r: &Roster) -> Vec<(Constraint, i64)> {
    let report = run(p, r);
    report.by_constraint()
}

fn run(p: &Problem, r: &Roster) -> CheckReport {
    let report = check(p, r).expect("roster names only known things");
    let mut sum = [0i64; 3];
    for v in &report.violations {
        assert_ne!(v.amount, 0, "zero terms are left out");
        sum[v.constraint.level() as usize] += v.amount;
    }
    assert_eq!(
        [report.score.hard, report.score.unfilled, report.score.soft],
        sum
    );
    report
}

/// One worker `w` on the given sessions, all assigned to them.
fn solo(mut p: Problem, w: Employee, sessions: Vec<Session>) -> (Problem, Roster) {
    let pairs: Vec<(String, String)> = sessions
        .iter()
        .map(|s| (s.id.0.clone(), w.id.0.clone()))
        .collect();
    p.sessions = sessions;
    p.workers = vec![w];
    let pairs: Vec<(&str, &str)> = pairs.iter().map(|(s, w)| (&s[..], &w[..])).collect();
    let r = roster(&pairs);
    (p, r)
}

// ---------------------------------------------------------------- names

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

// ---------------------------------------------------------------- eligibility

#[test]
fn eligibility_costs_the_duration_per_failed_reason() {
    let mut p = problem(7);
    let mut s = session("s", 2, 9, 13); // 240 minutes on day 2
    s.requires = vec!["med".into()];
    s.refused = vec!["refused".into()];
    s.cover = Cover::Required { workers: 9 };
    s.placements[0].young_restricted_minutes = 0;
    let mut night = session("n", 3, 20, 30); // 600 minutes, 7 h of night
    night.placements[0].night_minutes = 7 * 60;
    night.placements[0].young_restricted_minutes = 8 * 60;
    night.requires = vec![];
    p.sessions = vec![s, night];
    p.rules.night = Some(NightRules {
        max_night_session_minutes: Some(8 * 60),
        ..NightRules::default()
    });

    let mut ok = worker("ok");
    ok.tags = vec![HeldTag::always("med")];
    let mut late_tag = worker("late_tag"); // the tag is only valid from day 3
    late_tag.tags = vec![HeldTag {
        tag: "med".into(),
        from_day: Some(3),
        until_day: None,
    }];
    let mut expired = worker("expired");
    expired.tags = vec![HeldTag {
        tag: "med".into(),
        from_day: None,
        until_day: Some(2),
    }];
    let mut refused = worker("refused");
    refused.tags = vec![HeldTag::always("med")];
    let mut day_off = worker("day_off");
    day_off.tags = vec![HeldTag::always("med")];
    day_off.days_off = vec![2];
    let mut leave = worker("leave");
    leave.tags = vec![HeldTag::always("med")];
    leave.unavailable = vec![Interval {
        start: at(2, 12),
        end: at(2, 14),
    }];
    let mut touching = worker("touching"); // leave from 13:00: no overlap
    touching.tags = vec![HeldTag::always("med")];
    touching.unavailable = vec![Interval {
        start: at(2, 13),
        end: at(2, 18),
    }];
    let mut hours = worker("hours"); // available 10:00-18:00 only
    hours.tags = vec![HeldTag::always("med")];
    hours.available = Some(vec![Interval {
        start: at(2, 10),
        end: at(2, 18),
    }]);
    let mut two = worker("two"); // no tag and a day off: two reasons
    two.days_off = vec![2];
    let mut young = worker("young");
    young.young = true;
    p.workers = vec![
        ok,
        late_tag,
        expired,
        refused,
        day_off,
        leave,
        touching,
        hours,
        two,
        young,
        worker("adult"),
    ];
    let mut r = roster(&[
        ("s", "ok"),
        ("s", "late_tag"),
        ("s", "expired"),
        ("s", "refused"),
        ("s", "day_off"),
        ("s", "leave"),
        ("s", "touching"),
        ("s", "hours"),
        ("s", "two"),
        ("n", "young"),
    ]);
    assert_eq!(
        totals(&p, &r),
        vec![
            (Constraint::MissingTag, 240 * 3),
            (Constraint::Refused, 240),
            (Constraint::DayOff, 240 * 2),
            (Constraint::Unavailable, 240),
            (Constraint::OutsideAvailability, 240),
            (Constraint::YoungNight, 600),
            (Constraint::NightSessionLength, 600),
        ]
    );
    // An adult on the long night: only the night length.
    r.assignments.pop();
    r.assignments.push(Assignment {
        session: "n".into(),
        worker: "adult".into(),
    });
    let report = run(&p, &r);
    let night: Vec<_> = report
        .violations
        .iter()
        .filter(|v| v.session == Some("n".into()))
        .collect();
    assert_eq!(night.len(), 1);
    assert_eq!(night[0].constraint, Constraint::NightSessionLength);
    assert_eq!(night[0].worker, Some("adult".into()));
    // Without the absolute limit, a long night is fine.
    p.rules.night = Some(NightRules::default());
    assert!(
        !totals(&p, &r)
            .iter()
            .any(|(c, _)| *c == Constraint::NightSessionLength)
    );
}

// ---------------------------------------------------------------- overlap, travel, one a day

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

// ---------------------------------------------------------------- rest

fn daily_rest_only(n: usize) -> Problem {
    let mut p = problem(n);
    p.rules.daily_rest = Some(DailyRest::default());
    p
}

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
        Day {
            date: date(2025, 3, 29),
            start: 0,
            end: DAY,
        },
        Day {
            date: date(2025, 3, 30),
            start: DAY,
            end: 2 * DAY - HOUR,
        },
    ];
    for d in 0..5 {
        p.days.push(Day {
            date: date(2025, 3, 31) + Days::new(d),
            start: 2 * DAY - HOUR + d as i64 * DAY,
            end: 3 * DAY - HOUR + d as i64 * DAY,
        });
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

// ---------------------------------------------------------------- averages

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

// ---------------------------------------------------------------- young workers

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

// ---------------------------------------------------------------- worker limits

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

// ---------------------------------------------------------------- runs of days

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

// ---------------------------------------------------------------- weekends

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

// ---------------------------------------------------------------- successions

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

// ---------------------------------------------------------------- budget, cover, pins

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

// ---------------------------------------------------------------- soft terms

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

// ---------------------------------------------------------------- the report

#[test]
fn breakdowns_by_worker_and_person() {
    let mut p = daily_rest_only(7);
    p.weights.not_preferred = 1;
    let mut a = session("a", 0, 8, 20);
    a.person = Some("ann".into());
    a.preferred = vec!["kim".into()];
    p.sessions = vec![a, session("b", 1, 6, 14), session("c", 2, 9, 10)];
    p.workers = vec![worker("sam"), worker("kim")];
    let r = roster(&[("a", "sam"), ("b", "sam")]);
    let report = run(&p, &r);
    use perfect_week::solver::Score;
    assert_eq!(
        report.by_worker(),
        vec![(
            "sam".into(),
            Score {
                hard: 60,
                unfilled: 0,
                soft: 720
            }
        )]
    );
    assert_eq!(
        report.by_person(),
        vec![(
            "ann".into(),
            Score {
                hard: 60,
                unfilled: 0,
                soft: 720
            }
        )]
    );
    assert!(!report.is_feasible());
    assert_eq!(report.hard_violations().count(), 1);
    let text = report.to_string();
    assert!(text.starts_with("score: 60 hard / 60 unfilled / 720 soft (hard rules broken)\n"));
    assert!(text.contains("- unfilled (60 priority-weighted min) in session c on day 2\n"));
    assert!(text.contains(
        "- sam: not a worker the person chose (penalty 720) in session a for ann on day 0\n"
    ));
}

// ---------------------------------------------------------------- properties

fn arb_problem() -> impl Strategy<Value = (Problem, Roster)> {
    let minute = -1000i64..6_000;
    let small = 0usize..9;
    let placement = (
        small.clone(),
        minute.clone(),
        -200i64..900,
        0u32..600,
        0u32..300,
        -50i64..500,
        -5i64..20,
    )
        .prop_map(
            |(day, start, len, night, young, charge, penalty)| Placement {
                day,
                start,
                end: start + len,
                night_minutes: night,
                young_restricted_minutes: young,
                charge,
                penalty,
            },
        );
    let session = (
        0usize..8,
        prop::collection::vec(placement, 0..3),
        prop_oneof![
            (0u32..3).prop_map(|workers| Cover::Required { workers }),
            (0u32..3, -3i64..5, -3i64..5).prop_map(|(wanted, under_weight, over_weight)| {
                Cover::Preferred {
                    wanted,
                    under_weight,
                    over_weight,
                }
            }),
        ],
        prop::option::of(0u8..3),
        prop::option::of(0u8..3),
        prop::option::of(0u8..2),
        prop::collection::vec(0u8..5, 0..2),
        -2i64..4,
    )
        .prop_map(
            |(id, placements, cover, kind, place, person, preferred, priority)| Session {
                id: format!("s{id}").into(),
                placements,
                cover,
                kind: kind.map(|k| format!("k{k}").into()),
                place: place.map(|k| format!("p{k}").into()),
                person: person.map(|k| format!("ann{k}").into()),
                series: person.map(|k| format!("series{k}").into()),
                requires: if id % 3 == 0 {
                    vec!["med".into()]
                } else {
                    vec![]
                },
                refused: preferred
                    .iter()
                    .take(1)
                    .map(|w| format!("w{w}").into())
                    .collect(),
                preferred: preferred.iter().map(|w| format!("w{w}").into()).collect(),
                worker_penalties: preferred
                    .iter()
                    .map(|w| (format!("w{w}").into(), 3))
                    .collect(),
                budget: kind.map(|k| format!("b{k}").into()),
                priority,
            },
        );
    let interval = (minute.clone(), -100i64..3000).prop_map(|(start, len)| Interval {
        start,
        end: start + len,
    });
    let worker = (
        0usize..5,
        prop::collection::vec(small.clone(), 0..3),
        prop::collection::vec(interval.clone(), 0..2),
        prop::option::of(prop::collection::vec(interval, 0..2)),
        any::<bool>(),
        any::<bool>(),
        (
            prop::option::of(0i64..3000),
            prop::option::of(0u32..8),
            prop::option::of(0u32..4),
            prop::option::of(0u32..3),
        ),
        (
            -500i64..5000,
            -3i64..30,
            prop::option::of(minute.clone()),
            0u32..9,
        ),
        prop::collection::vec((small.clone(), any::<bool>(), -5i64..20), 0..3),
    )
        .prop_map(
            |(
                id,
                days_off,
                unavailable,
                available,
                young,
                opted_out,
                limits,
                history,
                requests,
            )| {
                let mut w = worker(&format!("w{id}"));
                w.tags = vec![HeldTag {
                    tag: "med".into(),
                    from_day: Some(id),
                    until_day: Some(id * 3),
                }];
                w.days_off = days_off;
                w.unavailable = unavailable;
                w.available = available;
                w.young = young;
                w.opted_out = opted_out;
                w.pay_per_hour = 1000 + id as i64;
                w.limits.max_minutes_per_week = limits.0;
                w.limits.min_minutes_total = limits.0.map(|m| m / 3);
                w.limits.max_consecutive_days = limits.1;
                w.limits.min_consecutive_days = limits.2;
                w.limits.min_consecutive_days_off = limits.2;
                w.limits.max_weekends = limits.3;
                w.limits.max_per_kind = vec![("k1".into(), limits.3.unwrap_or(1))];
                w.history = WorkerHistory {
                    minutes: history.0,
                    days: history.1,
                    last_end: history.2,
                    consecutive_days_before: history.3,
                };
                w.requests = requests
                    .into_iter()
                    .map(|(day, on, weight)| Request {
                        day,
                        kind: None,
                        want: if on { Want::On } else { Want::Off },
                        weight,
                    })
                    .collect();
                w
            },
        );
    let day = (0usize..4, -100i64..1600).prop_map(|(weekday, len)| (weekday, len));
    (
        prop::collection::vec(day, 0..16),
        prop::collection::vec(session, 0..10),
        prop::collection::vec(worker, 0..5),
        (any::<bool>(), 0i64..900, 0usize..16, any::<bool>()),
        prop::collection::vec((0usize..10, 0usize..6), 0..14),
        prop::collection::vec((0usize..10, 0usize..3), 0..3),
    )
        .prop_map(|(days, sessions, workers, flags, pairs, choices)| {
            let mut start = 0;
            let first = date(2025, 3, 1);
            let days = days
                .into_iter()
                .enumerate()
                .map(|(i, (skip, len))| {
                    let d = Day {
                        date: first + Days::new((i + skip) as u64),
                        start,
                        end: start + len,
                    };
                    start += 1440;
                    d
                })
                .collect();
            let mut rules = if flags.0 {
                Rules::default()
            } else {
                Rules::none()
            };
            rules.one_session_per_day = flags.3;
            rules.travel_minutes = flags.1;
            rules.forbidden_successions = vec![("k0".into(), "k1".into())];
            rules.boundary = if flags.3 {
                Boundary::Off
            } else {
                Boundary::Continues
            };
            if let Some(w) = &mut rules.weekly_rest {
                w.period_days = flags.2;
            }
            if let Some(n) = &mut rules.night {
                n.max_night_session_minutes = Some(300);
            }
            let weights = Weights {
                cost: 1,
                fairness: vec![
                    Fairness {
                        measure: Measure::Hours,
                        weight: 1,
                    },
                    Fairness {
                        measure: Measure::WeekendDays,
                        weight: 2,
                    },
                    Fairness {
                        measure: Measure::Nights,
                        weight: 3,
                    },
                    Fairness {
                        measure: Measure::Kind("k0".into()),
                        weight: 4,
                    },
                ],
                ..Weights::default()
            };
            // Keep only names the problem has, so that `check` gives a report.
            let session_ids: Vec<SessionId> =
                sessions.iter().map(|s: &Session| s.id.clone()).collect();
            let worker_ids: Vec<WorkerId> =
                workers.iter().map(|w: &Employee| w.id.clone()).collect();
            let assignments: Vec<Assignment> = if session_ids.is_empty() || worker_ids.is_empty() {
                vec![]
            } else {
                pairs
                    .iter()
                    .map(|&(s, w)| Assignment {
                        session: session_ids[s % session_ids.len()].clone(),
                        worker: worker_ids[w % worker_ids.len()].clone(),
                    })
                    .collect()
            };
            let placements = choices
                .iter()
                .filter_map(|&(s, i)| {
                    let id = &sessions.get(s % sessions.len().max(1))?.id;
                    // With repeated ids, the first session with the id is named.
                    let session = sessions.iter().find(|s| &s.id == id)?;
                    let index = i % session.placements.len().max(1);
                    (index < session.placements.len()).then(|| PlacementChoice {
                        session: session.id.clone(),
                        index,
                    })
                })
                .collect();
            let pins = assignments.iter().take(2).cloned().chain([Assignment {
                session: "nowhere".into(),
                worker: "nobody".into(),
            }]);
            let baseline = Roster {
                assignments: assignments.iter().skip(1).cloned().collect(),
                placements: vec![],
            };
            let problem = Problem {
                days,
                sessions,
                workers,
                rules,
                weights,
                budgets: vec![
                    Budget {
                        id: "b0".into(),
                        cap: 100,
                    },
                    Budget {
                        id: "b1".into(),
                        cap: -10,
                    },
                ],
                pins: pins.collect(),
                baseline: Some(baseline),
            };
            (
                problem,
                Roster {
                    assignments,
                    placements,
                },
            )
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn score_is_the_sum_of_the_violations((p, r) in arb_problem()) {
        let report = check(&p, &r).expect("names are known");
        let mut sum = [0i64; 3];
        for v in &report.violations {
            prop_assert_ne!(v.amount, 0);
            sum[v.constraint.level() as usize] += v.amount;
        }
        prop_assert_eq!([report.score.hard, report.score.unfilled, report.score.soft], sum);
        let by: i64 = report.by_constraint().iter().map(|&(_, a)| a).sum();
        prop_assert_eq!(by, sum.iter().sum::<i64>());
        prop_assert_eq!(report.is_feasible(), report.score.hard == 0 || report.hard_violations().next().is_none());
    }

    #[test]
    fn roster_order_does_not_change_the_report((p, r) in arb_problem(), seed in any::<u64>()) {
        let report = check(&p, &r).expect("names are known");
        let mut shuffled = r.clone();
        // A deterministic shuffle from the seed.
        let n = shuffled.assignments.len();
        let mut x = seed | 1;
        for i in (1..n).rev() {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            shuffled.assignments.swap(i, (x % (i as u64 + 1)) as usize);
        }
        shuffled.assignments.reverse();
        prop_assert_eq!(check(&p, &shuffled).expect("names are known"), report);
    }

    #[test]
    fn report_round_trips_through_json((p, r) in arb_problem()) {
        let report = check(&p, &r).expect("names are known");
        let json = serde_json::to_string(&report).expect("serialises");
        let back: CheckReport = serde_json::from_str(&json).expect("deserialises");
        prop_assert_eq!(back, report);
    }

    #[test]
    fn no_panic_on_extreme_numbers(
        (mut p, r) in arb_problem(),
        big in prop_oneof![Just(i64::MAX), Just(i64::MIN), Just(i64::MAX / 2), Just(-1i64)],
        which in 0usize..6,
    ) {
        for s in &mut p.sessions {
            for pl in &mut s.placements {
                match which {
                    0 => pl.start = big,
                    1 => pl.end = big,
                    2 => pl.charge = big,
                    3 => pl.penalty = big,
                    _ => {}
                }
            }
            s.priority = big;
        }
        for w in &mut p.workers {
            w.pay_per_hour = big;
            w.history.minutes = big;
            w.history.days = big;
            w.history.last_end = Some(big);
            w.limits.min_minutes_total = Some(big);
        }
        for d in &mut p.days {
            if which == 4 { d.start = big; }
            if which == 5 { d.end = big; }
        }
        p.weights.stability = big;
        p.weights.cost = big;
        p.rules.travel_minutes = big;
        if let Some(w) = &mut p.rules.weekly_rest { w.period_days = usize::MAX; }
        if let Some(d) = &mut p.rules.daily_rest { d.minutes = big; }
        if let Some(a) = &mut p.rules.average_week { a.max_minutes = big; }
        let _ = check(&p, &r);
        let _ = check(&p, &Roster::default());
    }
}

#[test]
fn no_panic_on_a_roster_naming_unknown_things_or_empty_problem() {
    let p = problem(0);
    assert!(check(&p, &Roster::default()).is_ok());
    assert!(check(&p, &roster(&[("s", "w")])).is_err());
    let mut p = problem(7);
    p.sessions = vec![Session {
        placements: vec![],
        ..session("empty", 0, 0, 1)
    }];
    p.workers = vec![worker("w")];
    let report = check(&p, &roster(&[("empty", "w")])).expect("known names");
    assert!(report.is_feasible());
}

/// The random problems are worth checking: across a fixed run of them every
/// constraint is broken or paid at least once.
#[test]
fn generated_problems_reach_every_constraint() {
    use Constraint::*;
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..256 {
        let (p, r) = arb_problem()
            .new_tree(&mut runner)
            .expect("a value")
            .current();
        let report = check(&p, &r).expect("names are known");
        seen.extend(report.by_constraint().into_iter().map(|(c, _)| c));
    }
    let all = [
        MissingTag,
        Refused,
        DayOff,
        Unavailable,
        OutsideAvailability,
        YoungNight,
        NightSessionLength,
        Overlap,
        Travel,
        OneSessionPerDay,
        DailyRest,
        WeeklyRest,
        AverageWeek,
        NightAverage,
        YoungHours,
        MaxPerKind,
        WeeklyMinutes,
        TotalMinutes,
        MaxConsecutiveDays,
        MinConsecutiveDays,
        MinConsecutiveDaysOff,
        MaxWeekends,
        Succession,
        Budget,
        OverCover,
        Pin,
        Unfilled,
        Cover,
        Placement,
        NotPreferred,
        Matching,
        ContinuityPerson,
        ContinuitySeries,
        Request,
        Fairness,
        Cost,
        Stability,
    ];
    let missing: Vec<_> = all.iter().filter(|c| !seen.contains(c)).collect();
    assert!(missing.is_empty(), "never reached: {missing:?}");
}
