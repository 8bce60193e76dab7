//! Compiles a Curtois & Qu [`Instance`] into the engine's general
//! [`Problem`], and reads the engine's roster back as benchmark assignments.
//!
//! * Every day × shift type is a session `d{day}-{shift}` of kind
//!   `KindId(shift id)`, placed from the start of its day for the shift's
//!   length, with [`Cover::Preferred`] from the cover row (wanted 0 and
//!   weights 0 when the day and shift has no row). A soft head-count, not the
//!   engine's unfilled level, so the engine's soft score is the benchmark
//!   objective exactly.
//! * Day 0 is Monday 2024-01-01; day `d` spans minutes `[1440 d, 1440 (d+1))`.
//! * Every employee is a [`Worker`] with their limits, fixed days off and
//!   on/off requests ([`Want::On`] / [`Want::Off`] for the shift's kind).
//! * Rules: one session per day, the CannotFollow pairs as forbidden
//!   successions, [`Boundary::Continues`] (runs touching either edge are exempt
//!   from the minimum rules; maximum rules count days outside as off), and
//!   nothing else: no rest, average-week, night or young-worker rules.
//! * Weights: the defaults. Only `Weights::requests` (1) and the cover
//!   weights carried by each session apply: no session has a person, a series,
//!   preferred workers, worker penalties or placement penalties, the cost
//!   weight is 0, there is no baseline and no fairness rule.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use perfect_week::ids::{KindId, SessionId, WorkerId};
use perfect_week::solver::{
    Boundary, Cover, Day, Employee, Placement, Problem, Request, Roster, Rules, Session, Want,
    WorkerLimits,
};

use crate::format::Instance;

/// Minutes in a day of the benchmark (no clock changes).
const DAY: i64 = 1440;

/// The session id of a day and shift, e.g. `d3-E`.
pub fn session_id(instance: &Instance, day: usize, shift: usize) -> SessionId {
    SessionId::new(format!("d{day}-{}", instance.shifts[shift].id))
}

/// The index of the session of a day and shift in [`Problem::sessions`].
pub fn session_index(instance: &Instance, day: usize, shift: usize) -> usize {
    day * instance.shifts.len() + shift
}

/// The engine's problem for an instance.
pub fn compile(instance: &Instance) -> Problem {
    let monday = NaiveDate::from_ymd_opt(2024, 1, 1).expect("a valid date");
    let days = (0..instance.horizon)
        .map(|d| {
            Day::new(
                monday + Days::new(d as u64),
                d as i64 * DAY,
                (d as i64 + 1) * DAY,
            )
        })
        .collect();

    let kind = |shift: usize| KindId::new(instance.shifts[shift].id.as_str());
    let mut cover_rows = vec![None; instance.horizon * instance.shifts.len()];
    for row in &instance.cover {
        cover_rows[session_index(instance, row.day, row.shift)] = Some(row);
    }
    let mut sessions = Vec::with_capacity(instance.horizon * instance.shifts.len());
    for day in 0..instance.horizon {
        for (s, shift) in instance.shifts.iter().enumerate() {
            let cover = match cover_rows[session_index(instance, day, s)] {
                Some(row) => Cover::Preferred {
                    wanted: row.requirement,
                    under_weight: row.under_weight,
                    over_weight: row.over_weight,
                },
                None => Cover::Preferred {
                    wanted: 0,
                    under_weight: 0,
                    over_weight: 0,
                },
            };
            let start = day as i64 * DAY;
            let placement = Placement::new(day, start, start + shift.minutes);
            sessions.push(
                Session::new(session_id(instance, day, s), vec![placement], 0)
                    .with_cover(cover)
                    .with_kind(kind(s)),
            );
        }
    }

    let mut workers: Vec<Employee> = instance
        .staff
        .iter()
        .map(|e| {
            Employee::new(WorkerId::new(e.id.as_str()))
                .with_days_off(e.days_off.iter().copied())
                .with_limits(WorkerLimits {
                    min_minutes_per_week: None,
                    max_minutes_per_week: None,
                    min_minutes_total: Some(e.min_total_minutes),
                    max_minutes_total: Some(e.max_total_minutes),
                    max_per_kind: e
                        .max_shifts
                        .iter()
                        .enumerate()
                        .filter_map(|(s, max)| max.map(|max| (kind(s), max)))
                        .collect(),
                    max_consecutive_days: Some(e.max_consecutive_shifts),
                    min_consecutive_days: Some(e.min_consecutive_shifts),
                    min_consecutive_days_off: Some(e.min_consecutive_days_off),
                    max_weekends: Some(e.max_weekends),
                })
        })
        .collect();
    let requests = [
        (Want::On, &instance.on_requests),
        (Want::Off, &instance.off_requests),
    ];
    for (want, list) in requests {
        for r in list {
            workers[r.employee].requests.push(Request {
                day: r.day,
                kind: Some(kind(r.shift)),
                want,
                weight: r.weight,
            });
        }
    }

    let forbidden_successions = instance
        .shifts
        .iter()
        .enumerate()
        .flat_map(|(s, shift)| shift.cannot_follow.iter().map(move |&t| (s, t)))
        .map(|(s, t)| (kind(s), kind(t)))
        .collect();

    Problem::new(days, sessions, workers).with_rules(Rules {
        one_session_per_day: true,
        forbidden_successions,
        boundary: Boundary::Continues,
        ..Rules::none()
    })
}

/// Reads the engine's roster back as (employee, day, shift) assignments.
/// Errors name an id the compiled problem does not have.
pub fn assignments(
    instance: &Instance,
    roster: &Roster,
) -> Result<Vec<(usize, usize, usize)>, String> {
    let sessions: HashMap<SessionId, (usize, usize)> = (0..instance.horizon)
        .flat_map(|d| (0..instance.shifts.len()).map(move |s| (d, s)))
        .map(|(d, s)| (session_id(instance, d, s), (d, s)))
        .collect();
    let employees: HashMap<&str, usize> = instance
        .staff
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    roster
        .assignments
        .iter()
        .map(|a| {
            let &(day, shift) = sessions
                .get(&a.session)
                .ok_or_else(|| format!("the roster names unknown session {}", a.session))?;
            let &employee = employees
                .get(a.worker.as_str())
                .ok_or_else(|| format!("the roster names unknown worker {}", a.worker))?;
            Ok((employee, day, shift))
        })
        .collect()
}

/// The engine's roster for benchmark assignments (for checking a grid with
/// the engine's own scorer).
pub fn roster(instance: &Instance, assignments: &[(usize, usize, usize)]) -> Roster {
    Roster {
        assignments: assignments
            .iter()
            .map(|&(e, d, s)| perfect_week::solver::Assignment {
                session: session_id(instance, d, s),
                worker: WorkerId::new(instance.staff[e].id.as_str()),
            })
            .collect(),
        placements: Vec::new(),
    }
}
