//! The independent checker: verifies a roster's hard rules and recomputes its
//! whole score, with a breakdown, straight from the definitions in
//! [`crate::solver::problem`].
//!
//! It shares no code with the solver's incremental scorer: for each worker it
//! collects their sessions, sorts them and computes every rule from scratch.
//! Tests use it as the referee that proves the solver right, and
//! explanations use it to say why a worker cannot cover a session.
//!
//! Where each part is: the report and its violations in `report.rs`; the
//! rules of one worker's own sessions in `worker.rs`; a person's own
//! sessions (never two at once) in `person.rs`; cover, per-seat costs and
//! the terms of the roster as a whole (budgets, continuity, fairness,
//! pins, stability) in `session.rs`; reading the roster against the
//! problem here.
//!
//! # What it accepts
//! [`check`] rejects only a roster that names something the problem does not
//! have (an unknown session or worker, a placement index out of range). It
//! never rejects, and never panics on, the problem itself, even one that
//! fails the solver's validation; there it reads the data conservatively:
//! - a placement that ends before it starts covers no time (duration 0);
//! - a session without placements covers no time and has no day;
//! - rules that walk the horizon (work and off runs, weekends, rota weeks,
//!   weekly-rest blocks) look only at days inside it, so a placement naming a
//!   day outside the horizon is not a worked day, though its time still
//!   counts for overlap, travel, rest and totals;
//! - pins and baseline assignments that name unknown sessions or workers can
//!   never be in a roster: such a pin counts as missing, such a baseline
//!   assignment is ignored;
//! - when ids repeat, the first session or worker with the id is the one
//!   named; when a roster chooses a placement for one session twice, the
//!   first choice counts;
//! - all arithmetic saturates, so extreme numbers give extreme scores, not
//!   panics.
//!
//! # Readings of the definitions
//! Where the definitions leave a choice, the checker reads them so (the
//! solver's scorer must agree):
//! - *Seats* are distinct workers: a worker assigned twice to a session is
//!   one seat, and each repeat costs 1 of over cover, whatever the cover
//!   kind. Head-counts (over cover, unfilled, preferred cover), per-seat terms
//!   (not preferred, matching, cost), budget charges and continuity all count
//!   distinct workers.
//! - Eligibility costs the duration once per failed reason, however many
//!   tags are missing or unavailable intervals overlap; availability needs
//!   one interval holding the whole placement.
//! - *Daily rest* also looks back on history: when
//!   [`WorkerHistory::last_end`](super::WorkerHistory::last_end) is set, the
//!   window of 24 hours that *ends* where the worker's first session starts
//!   is checked the same way, so the rest between the last shift before the
//!   horizon and the first in it counts (read literally, the windows from
//!   each session's start could see the history only if a session began
//!   before `last_end`).
//! - Average week, night average and the minutes limits apply to every
//!   worker, with or without sessions; the average-week limit multiplies
//!   before it divides by 7; the night average applies only with a night
//!   session in the roster.
//! - A session counts wholly on the day it starts (young hours per day, rota
//!   weeks). Weekly minutes cover every rota week, worked or not.
//! - Weekends: a Saturday and the Sunday after it; a Saturday on the last day
//!   is a weekend alone, as is a Sunday on day 0. The violation names the
//!   first worked weekend beyond the maximum.
//! - Succession counts one per forbidden pair and day, however many sessions
//!   of the two kinds there are; it names the first `then` session.
//! - Matching adds up every entry of [`Session::worker_penalties`] for the
//!   worker.
//! - Stability compares the distinct assignments of the baseline and the
//!   roster; a session moved to another placement with the same workers is
//!   not a change (the placement penalty prices it). A removed assignment
//!   costs the duration at the baseline's first valid choice (else placement
//!   0).
//! - Fairness counts every listed worker in `N`; weekend days are distinct
//!   worked days of the horizon on a Saturday or Sunday.
//! - Which session a violation names: the later of an overlapping or
//!   too-close pair (of one worker's, or of one person's, sessions), each extra session of a day, the series' first session
//!   for series continuity, the first matching session for an unmet `Off`
//!   request. Budget and fairness terms name nothing.

use std::collections::{BTreeMap, BTreeSet, HashMap};

mod person;
mod report;
mod session;
mod worker;

pub use report::{CheckReport, Violation};

use super::error::ProblemError;
use super::problem::{
    Boundary, Cover, DAILY_REST_WINDOW, Employee, Measure, Placement, Problem, Roster, Session,
    Want, WeekCount,
};
use super::score::{Constraint, Level, Score};
use crate::ids::{BudgetId, KindId, PersonId, SeriesId, SessionId, WorkerId};

/// Checks `roster` against `problem`: lists every hard-rule violation,
/// unfilled seat and soft penalty, each as the definitions in
/// [`crate::solver::problem`] say, and sums them into the score.
///
/// # Errors
/// [`ProblemError::UnknownSession`], [`ProblemError::UnknownWorker`] or
/// [`ProblemError::UnknownPlacement`] when the roster names a session,
/// worker or placement the problem does not have. The problem itself is
/// never rejected (see the [module documentation](self)).
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use perfect_week::solver::{
///     check, Assignment, Constraint, Day, Employee, Placement, Problem, Roster, Session,
/// };
///
/// let date = NaiveDate::from_ymd_opt(2025, 3, 3).ok_or("bad date")?; // a Monday
/// // Two 12-hour shifts on Monday, 08:00–20:00 and 22:00–10:00 (Tuesday).
/// let shift = |id: &str, start: i64| Session::new(id, vec![Placement::new(0, start, start + 720)], 1);
/// let sessions = vec![shift("day", 8 * 60), shift("night", 22 * 60)];
/// let problem = Problem::new(Day::run_from(date, 7), sessions, vec![Employee::new("Sam")]);
/// let roster = Roster {
///     assignments: vec![
///         Assignment { session: "day".into(), worker: "Sam".into() },
///         Assignment { session: "night".into(), worker: "Sam".into() },
///     ],
///     placements: vec![],
/// };
/// let report = check(&problem, &roster)?;
/// assert!(!report.is_feasible());
/// // From 08:00 the longest rest in 24 hours is the 2 hours between shifts.
/// assert_eq!(report.by_constraint()[0], (Constraint::DailyRest, 9 * 60));
/// assert_eq!(
///     report.violations[0].to_string(),
///     "Sam: too little daily rest (shortfall 540 min) in session day on day 0"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check(problem: &Problem, roster: &Roster) -> Result<CheckReport, ProblemError> {
    let resolved = Resolved::new(problem, roster)?;
    let mut out = Out::default();
    for w in 0..problem.workers.len() {
        resolved.check_worker(w, &mut out);
    }
    resolved.check_sessions(&mut out);
    resolved.check_person_overlap(&mut out);
    resolved.check_budgets(&mut out);
    resolved.check_continuity(&mut out);
    resolved.check_fairness(&mut out);
    resolved.check_pins(&mut out);
    resolved.check_stability(&mut out);

    let mut violations = out.violations;
    violations.sort_by(|a, b| {
        (
            a.constraint,
            &a.worker,
            a.day,
            &a.session,
            &a.person,
            a.amount,
        )
            .cmp(&(
                b.constraint,
                &b.worker,
                b.day,
                &b.session,
                &b.person,
                b.amount,
            ))
    });
    let mut totals = [0i128; 3];
    for v in &violations {
        let i = match v.level() {
            Level::Hard => 0,
            Level::Unfilled => 1,
            Level::Soft => 2,
        };
        totals[i] = totals[i].saturating_add(i128::from(v.amount));
    }
    Ok(CheckReport {
        score: Score {
            hard: clamp(totals[0]),
            unfilled: clamp(totals[1]),
            soft: clamp(totals[2]),
        },
        violations,
    })
}

/// A time before every other: the start of the history before the horizon.
const NEVER: i128 = i128::MIN / 4;

/// Minutes in the window of the daily-rest rule.
const DAY_MINUTES: i128 = DAILY_REST_WINDOW as i128;

fn clamp(x: i128) -> i64 {
    i64::try_from(x).unwrap_or(if x < 0 { i64::MIN } else { i64::MAX })
}

fn mul(a: i128, b: i128) -> i128 {
    a.saturating_mul(b)
}

/// A placement as a half-open interval; one that ends before it starts is
/// empty.
fn span(p: &Placement) -> (i128, i128) {
    let start = i128::from(p.start);
    (start, i128::from(p.end).max(start))
}

fn duration(p: Option<&Placement>) -> i128 {
    p.map_or(0, |p| {
        let (s, e) = span(p);
        e - s
    })
}

/// The longest stretch of `[a, b)` covered by none of `busy`, which is sorted
/// by start; `reach[i]` is the latest end among `busy[..i]` (`NEVER` for 0).
fn longest_free(busy: &[(i128, i128)], reach: &[i128], a: i128, b: i128) -> i128 {
    if b <= a {
        return 0;
    }
    // Intervals starting before `a` cover, clipped, `[a, their latest end)`.
    let first = busy.partition_point(|&(s, _)| s < a);
    let mut cursor = a.max(reach[first]);
    let mut best = 0;
    for &(s, e) in &busy[first..] {
        if s >= b {
            break;
        }
        if s > cursor {
            best = best.max(s - cursor);
        }
        cursor = cursor.max(e);
    }
    best.max(b - cursor.min(b))
}

/// Collected violations.
#[derive(Default)]
struct Out {
    violations: Vec<Violation>,
}

impl Out {
    fn push(&mut self, v: Violation) {
        if v.amount != 0 {
            self.violations.push(v);
        }
    }
}

fn violation(constraint: Constraint, amount: i128) -> Violation {
    Violation {
        constraint,
        amount: clamp(amount),
        worker: None,
        session: None,
        person: None,
        day: None,
    }
}

impl Violation {
    fn of(mut self, worker: &Employee) -> Self {
        self.worker = Some(worker.id.clone());
        self
    }

    fn on(mut self, day: usize) -> Self {
        self.day = Some(day);
        self
    }
}

/// One of a worker's sessions at its chosen placement.
struct Item<'a> {
    index: usize,
    session: &'a Session,
    placement: &'a Placement,
    start: i128,
    end: i128,
}

impl Item<'_> {
    fn day(&self) -> usize {
        self.placement.day
    }

    fn minutes(&self) -> i128 {
        self.end - self.start
    }

    fn is_kind(&self, kind: &KindId) -> bool {
        self.session.kind.as_ref() == Some(kind)
    }
}

/// The roster resolved against the problem: indices instead of ids.
struct Resolved<'a> {
    problem: &'a Problem,
    /// Chosen placement per session; `None` for a session without any.
    placement: Vec<Option<&'a Placement>>,
    /// Per session, its distinct workers (sorted) with how many times each
    /// is assigned.
    seats: Vec<Vec<(usize, usize)>>,
    /// Per worker, their distinct sessions (sorted).
    schedule: Vec<Vec<usize>>,
    /// The distinct `(session, worker)` assignments.
    assigned: BTreeSet<(usize, usize)>,
    session_index: HashMap<&'a SessionId, usize>,
    worker_index: HashMap<&'a WorkerId, usize>,
}

impl<'a> Resolved<'a> {
    fn new(problem: &'a Problem, roster: &Roster) -> Result<Self, ProblemError> {
        let mut session_index = HashMap::new();
        for (i, s) in problem.sessions.iter().enumerate() {
            session_index.entry(&s.id).or_insert(i);
        }
        let mut worker_index = HashMap::new();
        for (i, w) in problem.workers.iter().enumerate() {
            worker_index.entry(&w.id).or_insert(i);
        }
        let mut choice: Vec<Option<usize>> = vec![None; problem.sessions.len()];
        for c in &roster.placements {
            let &s = session_index
                .get(&c.session)
                .ok_or_else(|| ProblemError::UnknownSession(c.session.clone()))?;
            if c.index >= problem.sessions[s].placements.len() {
                return Err(ProblemError::UnknownPlacement {
                    session: c.session.clone(),
                    index: c.index,
                });
            }
            choice[s].get_or_insert(c.index);
        }
        let placement = problem
            .sessions
            .iter()
            .zip(&choice)
            .map(|(s, c)| s.placements.get(c.unwrap_or(0)))
            .collect();
        let mut times: BTreeMap<(usize, usize), usize> = BTreeMap::new();
        for a in &roster.assignments {
            let &s = session_index
                .get(&a.session)
                .ok_or_else(|| ProblemError::UnknownSession(a.session.clone()))?;
            let &w = worker_index
                .get(&a.worker)
                .ok_or_else(|| ProblemError::UnknownWorker(a.worker.clone()))?;
            *times.entry((s, w)).or_insert(0) += 1;
        }
        let mut seats = vec![Vec::new(); problem.sessions.len()];
        let mut schedule = vec![Vec::new(); problem.workers.len()];
        for (&(s, w), &n) in &times {
            seats[s].push((w, n));
            schedule[w].push(s);
        }
        for list in &mut schedule {
            list.sort_unstable();
        }
        Ok(Self {
            problem,
            placement,
            seats,
            schedule,
            assigned: times.into_keys().collect(),
            session_index,
            worker_index,
        })
    }

    /// A violation concerning session `s`: its id, person and day.
    fn at(&self, mut v: Violation, s: usize) -> Violation {
        let session = &self.problem.sessions[s];
        v.session = Some(session.id.clone());
        v.person = session.person.clone();
        v.day = self.placement[s].map(|p| p.day);
        v
    }

    fn minutes(&self, s: usize) -> i128 {
        duration(self.placement[s])
    }

    /// The worker's sessions that have a placement, ordered by start, then
    /// end, then session index.
    fn items(&self, w: usize) -> Vec<Item<'a>> {
        let mut items: Vec<Item<'a>> = self.schedule[w]
            .iter()
            .filter_map(|&s| {
                let placement = self.placement[s]?;
                let (start, end) = span(placement);
                Some(Item {
                    index: s,
                    session: &self.problem.sessions[s],
                    placement,
                    start,
                    end,
                })
            })
            .collect();
        items.sort_by_key(|i| (i.start, i.end, i.index));
        items
    }

    fn horizon_days(&self) -> usize {
        self.problem.days.len()
    }

    /// Every hard rule about one worker.
    fn check_worker(&self, w: usize, out: &mut Out) {
        let worker = &self.problem.workers[w];
        let items = self.items(w);
        self.eligibility(worker, &items, out);
        self.overlap_and_travel(worker, &items, out);
        self.one_per_day(worker, &items, out);
        self.rest(worker, &items, out);
        self.averages(worker, &items, out);
        self.young_hours(worker, &items, out);
        self.limits(worker, &items, out);
        self.runs(worker, &items, out);
        self.weekends(worker, &items, out);
        self.successions(worker, &items, out);
        self.requests(worker, &items, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_free_stretch() {
        let busy = [(NEVER, 0), (10, 20), (15, 30), (50, 60)];
        let mut reach = vec![NEVER];
        for &(_, e) in &busy {
            reach.push(reach.last().copied().unwrap_or(NEVER).max(e));
        }
        // [0, 100): free 0-10, 30-50, 60-100.
        assert_eq!(longest_free(&busy, &reach, 0, 100), 40);
        // [12, 55): covered up to 30 by intervals starting before 12.
        assert_eq!(longest_free(&busy, &reach, 12, 55), 20);
        assert_eq!(longest_free(&busy, &reach, -50, -10), 0);
        assert_eq!(longest_free(&busy, &reach, 25, 26), 0);
        assert_eq!(longest_free(&busy, &reach, 100, 50), 0);
        assert_eq!(longest_free(&[], &[NEVER], 5, 25), 20);
    }

    #[test]
    fn clamp_saturates() {
        assert_eq!(clamp(i128::MAX), i64::MAX);
        assert_eq!(clamp(i128::MIN), i64::MIN);
        assert_eq!(clamp(-7), -7);
    }

    #[test]
    fn an_empty_placement_covers_no_time() {
        let p = Placement {
            day: 0,
            start: 100,
            end: 40,
            night_minutes: 0,
            young_restricted_minutes: 0,
            charge: 0,
            penalty: 0,
        };
        assert_eq!(span(&p), (100, 100));
        assert_eq!(duration(Some(&p)), 0);
        assert_eq!(duration(None), 0);
    }

    #[test]
    fn violation_text() {
        let mut v = violation(Constraint::MinConsecutiveDaysOff, 1);
        v.worker = Some("Sam".into());
        v.day = Some(3);
        assert_eq!(
            v.to_string(),
            "Sam: too few days off in a row (1 day short) on day 3"
        );
        let v = violation(Constraint::Budget, -5);
        assert_eq!(v.to_string(), "over budget (over by -£0.05)");
    }
}
