//! Small problems and rosters, built by hand.

use chrono::{Days, NaiveDate};
use perfect_week::solver::{
    Assignment, CheckReport, Constraint, DailyRest, Day, Employee, Placement, Problem, Roster,
    Rules, Session, Weights, check,
};

pub const HOUR: i64 = 60;
pub const DAY: i64 = 24 * HOUR;

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// Monday 3 March 2025.
pub fn monday() -> NaiveDate {
    date(2025, 3, 3)
}

/// `n` days of 24 hours from `first`, day 0 starting at minute 0.
pub fn days_from(first: NaiveDate, n: usize) -> Vec<Day> {
    (0..n)
        .map(|d| {
            Day::new(
                first + Days::new(d as u64),
                d as i64 * DAY,
                (d as i64 + 1) * DAY,
            )
        })
        .collect()
}

pub fn zero_weights() -> Weights {
    Weights {
        not_preferred: 0,
        matching: 0,
        continuity_person: 0,
        continuity_series: 0,
        requests: 0,
        placement: 0,
        cost: 0,
        stability: 0,
        stability_by_session: vec![],
        fairness: vec![],
    }
}

/// A problem of `n` days from Monday with no rule and no weight.
pub fn problem(n: usize) -> Problem {
    Problem::new(days_from(monday(), n), vec![], vec![])
        .with_rules(Rules::none())
        .with_weights(zero_weights())
}

/// Minute of hour `h` (may exceed 24) on day `d`.
pub fn at(d: i64, h: i64) -> i64 {
    d * DAY + h * HOUR
}

pub fn placement(day: usize, start: i64, end: i64) -> Placement {
    Placement::new(day, start, end)
}

/// A 1:1 session on `day` from hour `from` to hour `to` of that day.
pub fn session(id: &str, day: usize, from: i64, to: i64) -> Session {
    Session::new(
        id,
        vec![placement(day, at(day as i64, from), at(day as i64, to))],
        1,
    )
}

pub fn kind(mut s: Session, k: &str) -> Session {
    s.kind = Some(k.into());
    s
}

pub fn worker(id: &str) -> Employee {
    Employee::new(id)
}

pub fn roster(pairs: &[(&str, &str)]) -> Roster {
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
pub fn totals(p: &Problem, r: &Roster) -> Vec<(Constraint, i64)> {
    let report = run(p, r);
    report.by_constraint()
}

pub fn run(p: &Problem, r: &Roster) -> CheckReport {
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
pub fn solo(mut p: Problem, w: Employee, sessions: Vec<Session>) -> (Problem, Roster) {
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

pub fn daily_rest_only(n: usize) -> Problem {
    let mut p = problem(n);
    p.rules.daily_rest = Some(DailyRest::default());
    p
}
