//! The independent checker: verifies a roster's hard rules and recomputes its
//! whole score, with a breakdown, straight from the definitions in
//! [`crate::solver::problem`].
//!
//! It shares no code with the solver's incremental scorer: for each worker it
//! collects their sessions, sorts them and computes every rule from scratch.
//! Tests use it as the referee that proves the solver right, and
//! explanations use it to say why a worker cannot cover a session.
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
use std::fmt;

mod person;

use serde::{Deserialize, Serialize};

use super::error::ProblemError;
use super::problem::{
    Boundary, Cover, DAILY_REST_WINDOW, Employee, Measure, Placement, Problem, Roster, Session,
    Want, WeekCount,
};
use super::score::{Constraint, Level, Score};
use crate::ids::{BudgetId, KindId, PersonId, SeriesId, SessionId, WorkerId};

/// One broken rule or one soft penalty paid, with what it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Violation {
    /// The constraint.
    pub constraint: Constraint,
    /// How much it counts in the score at the constraint's level, weights
    /// applied (minutes, days, counts or pence, as the constraint says).
    pub amount: i64,
    /// The worker concerned, if any.
    pub worker: Option<WorkerId>,
    /// The session concerned, if any.
    pub session: Option<SessionId>,
    /// The person supported by that session, or whose continuity it is.
    pub person: Option<PersonId>,
    /// The day index concerned (the session's day, the first day of a run, a
    /// week or a weekly-rest block), if any.
    pub day: Option<usize>,
}

impl Violation {
    /// The level the violation scores at.
    pub fn level(&self) -> Level {
        self.constraint.level()
    }
}

/// The result of [`check`]: the roster's score and every term that makes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckReport {
    /// The whole score: at each level, the sum of the amounts of the
    /// violations at that level.
    pub score: Score,
    /// Every nonzero term, sorted by constraint, then worker, day, session
    /// and person.
    pub violations: Vec<Violation>,
}

impl CheckReport {
    /// Whether no hard rule is broken.
    pub fn is_feasible(&self) -> bool {
        self.hard_violations().next().is_none()
    }

    /// The violations of hard rules.
    pub fn hard_violations(&self) -> impl Iterator<Item = &Violation> {
        self.violations
            .iter()
            .filter(|v| v.constraint.level() == Level::Hard)
    }

    /// The total amount per constraint, for constraints with a nonzero
    /// total, in [`Constraint`] order.
    pub fn by_constraint(&self) -> Vec<(Constraint, i64)> {
        let mut totals: BTreeMap<Constraint, i64> = BTreeMap::new();
        for v in &self.violations {
            let t = totals.entry(v.constraint).or_insert(0);
            *t = t.saturating_add(v.amount);
        }
        totals.into_iter().filter(|&(_, t)| t != 0).collect()
    }

    /// The score of the violations that name each worker, sorted by worker
    /// id; workers with no violation are left out. Terms that concern no one
    /// worker (cover, budgets, fairness, continuity) are in no entry.
    pub fn by_worker(&self) -> Vec<(WorkerId, Score)> {
        let mut totals: BTreeMap<WorkerId, Score> = BTreeMap::new();
        for v in &self.violations {
            if let Some(w) = &v.worker {
                add_to(totals.entry(w.clone()).or_default(), v);
            }
        }
        totals.into_iter().collect()
    }

    /// The score of the violations that name each person (through the
    /// session concerned, or their continuity), sorted by person id.
    pub fn by_person(&self) -> Vec<(PersonId, Score)> {
        let mut totals: BTreeMap<PersonId, Score> = BTreeMap::new();
        for v in &self.violations {
            if let Some(p) = &v.person {
                add_to(totals.entry(p.clone()).or_default(), v);
            }
        }
        totals.into_iter().collect()
    }
}

fn add_to(score: &mut Score, v: &Violation) {
    let slot = match v.level() {
        Level::Hard => &mut score.hard,
        Level::Unfilled => &mut score.unfilled,
        Level::Soft => &mut score.soft,
    };
    *slot = slot.saturating_add(v.amount);
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Constraint::*;
        if let Some(w) = &self.worker {
            write!(f, "{w}: ")?;
        }
        let a = self.amount;
        let s = |n: i64| if n == 1 { "" } else { "s" };
        write!(f, "{} (", self.constraint.describe())?;
        match self.constraint {
            MissingTag | Refused | DayOff | Unavailable | OutsideAvailability | YoungNight
            | NightSessionLength => write!(f, "{a} min of work")?,
            Overlap => write!(f, "{a} min overlap")?,
            Travel | DailyRest | WeeklyRest => write!(f, "shortfall {a} min")?,
            OneSessionPerDay => write!(f, "{a} extra session{}", s(a))?,
            AverageWeek | NightAverage | YoungHours => write!(f, "{a} min over")?,
            WeeklyMinutes | TotalMinutes => write!(f, "{a} min outside the limits")?,
            MaxPerKind => write!(f, "{a} session{} too many", s(a))?,
            MaxConsecutiveDays => write!(f, "{a} day{} too many", s(a))?,
            MinConsecutiveDays | MinConsecutiveDaysOff => write!(f, "{a} day{} short", s(a))?,
            MaxWeekends => write!(f, "{a} weekend{} too many", s(a))?,
            Succession => write!(f, "{a} time{}", s(a))?,
            Budget => write!(
                f,
                "over by {}£{}.{:02}",
                if a < 0 { "-" } else { "" },
                a.unsigned_abs() / 100,
                a.unsigned_abs() % 100
            )?,
            OverCover => write!(f, "{a} extra worker{}", s(a))?,
            Pin => write!(f, "{a} missing")?,
            Unfilled => write!(f, "{a} priority-weighted min")?,
            _ => write!(f, "penalty {a}")?,
        }
        write!(f, ")")?;
        if let Some(session) = &self.session {
            write!(f, " in session {session}")?;
        }
        if let Some(person) = &self.person {
            write!(f, " for {person}")?;
        }
        if let Some(day) = self.day {
            write!(f, " on day {day}")?;
        }
        Ok(())
    }
}

impl fmt::Display for CheckReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "score: {}", self.score)?;
        if self.is_feasible() {
            writeln!(f, " (no hard rule broken)")?;
        } else {
            writeln!(f, " (hard rules broken)")?;
        }
        for v in &self.violations {
            writeln!(f, "- {v}")?;
        }
        Ok(())
    }
}

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

    fn eligibility(&self, worker: &Employee, items: &[Item<'_>], out: &mut Out) {
        for item in items {
            let (s, p, day) = (item.session, item.placement, item.day());
            let mut failed = Vec::new();
            let holds = |tag| {
                worker
                    .tags
                    .iter()
                    .any(|held| &held.tag == tag && held.valid_on(day))
            };
            if !s.requires.iter().all(holds) {
                failed.push(Constraint::MissingTag);
            }
            if s.refused.contains(&worker.id) {
                failed.push(Constraint::Refused);
            }
            if worker.days_off.contains(&day) {
                failed.push(Constraint::DayOff);
            }
            let overlaps = |i: &super::problem::Interval| {
                let (a, b) = (i128::from(i.start), i128::from(i.end));
                a < item.end && item.start < b && a < b
            };
            if worker.unavailable.iter().any(overlaps) {
                failed.push(Constraint::Unavailable);
            }
            if let Some(available) = &worker.available {
                let inside = |i: &super::problem::Interval| {
                    i128::from(i.start) <= item.start && item.end <= i128::from(i.end)
                };
                if !available.iter().any(inside) {
                    failed.push(Constraint::OutsideAvailability);
                }
            }
            if worker.young && p.young_restricted_minutes > 0 {
                failed.push(Constraint::YoungNight);
            }
            if let Some(night) = &self.problem.rules.night
                && let Some(max) = night.max_night_session_minutes
                && p.is_night(night.night_session_threshold)
                && item.minutes() > i128::from(max)
            {
                failed.push(Constraint::NightSessionLength);
            }
            for c in failed {
                out.push(self.at(violation(c, item.minutes()).of(worker), item.index));
            }
        }
    }

    fn overlap_and_travel(&self, worker: &Employee, items: &[Item<'_>], out: &mut Out) {
        // Every pair: items are sorted by start, so once one starts at or
        // after `a` ends, so do all later ones.
        for (i, a) in items.iter().enumerate() {
            for b in items[i + 1..].iter().take_while(|b| b.start < a.end) {
                let minutes = a.end.min(b.end) - b.start;
                out.push(self.at(violation(Constraint::Overlap, minutes).of(worker), b.index));
            }
        }
        let travel = i128::from(self.problem.rules.travel_minutes);
        for pair in items.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let apart = match (&a.session.place, &b.session.place) {
                (Some(x), Some(y)) => x != y,
                _ => false,
            };
            if apart && b.start >= a.end {
                let shortfall = travel - (b.start - a.end);
                if shortfall > 0 {
                    out.push(self.at(violation(Constraint::Travel, shortfall).of(worker), b.index));
                }
            }
        }
    }

    fn one_per_day(&self, worker: &Employee, items: &[Item<'_>], out: &mut Out) {
        if !self.problem.rules.one_session_per_day {
            return;
        }
        let mut seen = BTreeSet::new();
        for item in items {
            if !seen.insert(item.day()) {
                out.push(self.at(
                    violation(Constraint::OneSessionPerDay, 1).of(worker),
                    item.index,
                ));
            }
        }
    }

    fn rest(&self, worker: &Employee, items: &[Item<'_>], out: &mut Out) {
        let rules = &self.problem.rules;
        if rules.daily_rest.is_none() && rules.weekly_rest.is_none() {
            return;
        }
        let mut busy: Vec<(i128, i128)> = items.iter().map(|i| (i.start, i.end)).collect();
        if let Some(last) = worker.history.last_end {
            busy.push((NEVER, i128::from(last)));
        }
        busy.sort_unstable();
        let mut reach = Vec::with_capacity(busy.len() + 1);
        reach.push(NEVER);
        for &(_, e) in &busy {
            let latest = reach.last().copied().unwrap_or(NEVER).max(e);
            reach.push(latest);
        }
        if let Some(daily) = &rules.daily_rest {
            let need = i128::from(if worker.young {
                daily.young_minutes
            } else {
                daily.minutes
            });
            for item in items {
                let free = longest_free(&busy, &reach, item.start, item.start + DAY_MINUTES);
                if need > free {
                    out.push(self.at(
                        violation(Constraint::DailyRest, need - free).of(worker),
                        item.index,
                    ));
                }
            }
            // The rest between the last shift before the horizon and the
            // first one in it: the window that ends where the first begins.
            if let (Some(_), Some(first)) = (worker.history.last_end, items.first()) {
                let free = longest_free(&busy, &reach, first.start - DAY_MINUTES, first.start);
                if need > free {
                    out.push(self.at(
                        violation(Constraint::DailyRest, need - free).of(worker),
                        first.index,
                    ));
                }
            }
        }
        if let Some(weekly) = &rules.weekly_rest {
            let need = i128::from(if worker.young {
                weekly.young_minutes
            } else {
                weekly.minutes
            });
            let period = weekly.period_days;
            let days = &self.problem.days;
            let blocks = days.len().checked_div(period).unwrap_or(0);
            for block in 0..blocks {
                let first = block * period;
                let (a, b) = (
                    i128::from(days[first].start),
                    i128::from(days[first + period - 1].end),
                );
                if b <= a {
                    continue; // a malformed block: nothing sensible to measure
                }
                let free = longest_free(&busy, &reach, a, b);
                if need > free {
                    out.push(
                        violation(Constraint::WeeklyRest, need - free)
                            .of(worker)
                            .on(first),
                    );
                }
            }
        }
    }

    fn averages(&self, worker: &Employee, items: &[Item<'_>], out: &mut Out) {
        let rules = &self.problem.rules;
        let history = &worker.history;
        let worked: i128 = items
            .iter()
            .map(Item::minutes)
            .fold(0, i128::saturating_add);
        let total = worked.saturating_add(i128::from(history.minutes));
        let days = i128::from(history.days).saturating_add(self.horizon_days() as i128);
        if let Some(average) = &rules.average_week
            && !worker.opted_out
        {
            let limit = mul(i128::from(average.max_minutes), days) / 7;
            if total > limit {
                out.push(violation(Constraint::AverageWeek, total - limit).of(worker));
            }
        }
        if let Some(night) = &rules.night {
            let works_nights = items
                .iter()
                .any(|i| i.placement.is_night(night.night_session_threshold));
            let limit = mul(i128::from(night.max_average_minutes_per_day), days);
            if works_nights && total > limit {
                out.push(violation(Constraint::NightAverage, total - limit).of(worker));
            }
        }
    }

    fn young_hours(&self, worker: &Employee, items: &[Item<'_>], out: &mut Out) {
        let Some(young) = &self.problem.rules.young else {
            return;
        };
        if !worker.young {
            return;
        }
        let mut per_day: BTreeMap<usize, i128> = BTreeMap::new();
        for item in items {
            *per_day.entry(item.day()).or_insert(0) += item.minutes();
        }
        let max_day = i128::from(young.max_minutes_per_day);
        for (&day, &m) in &per_day {
            if m > max_day {
                out.push(
                    violation(Constraint::YoungHours, m - max_day)
                        .of(worker)
                        .on(day),
                );
            }
        }
        let max_week = i128::from(young.max_minutes_per_week);
        for (week, m) in self.weekly_minutes(items).into_iter().enumerate() {
            if m > max_week {
                out.push(
                    violation(Constraint::YoungHours, m - max_week)
                        .of(worker)
                        .on(week * 7),
                );
            }
        }
    }

    /// Each rota week's minutes under [`Rules::week_count`](super::Rules::week_count): the sessions on
    /// the week's days, or the minutes of every session inside the week's
    /// span.
    fn weekly_minutes(&self, items: &[Item<'_>]) -> Vec<i128> {
        let days = self.horizon_days();
        let mut weeks = vec![0i128; days.div_ceil(7)];
        match self.problem.rules.week_count {
            WeekCount::ByStart => {
                for item in items.iter().filter(|i| i.day() < days) {
                    weeks[item.day() / 7] = weeks[item.day() / 7].saturating_add(item.minutes());
                }
            }
            WeekCount::Clipped => {
                for (k, week) in weeks.iter_mut().enumerate() {
                    let Some((from, to)) = self.problem.week_span(k) else {
                        continue;
                    };
                    for item in items {
                        let inside =
                            item.end.min(i128::from(to)) - item.start.max(i128::from(from));
                        *week = week.saturating_add(inside.max(0));
                    }
                }
            }
        }
        weeks
    }

    fn limits(&self, worker: &Employee, items: &[Item<'_>], out: &mut Out) {
        let limits = &worker.limits;
        for (kind, max) in &limits.max_per_kind {
            let n = items.iter().filter(|i| i.is_kind(kind)).count() as i128;
            if n > i128::from(*max) {
                out.push(violation(Constraint::MaxPerKind, n - i128::from(*max)).of(worker));
            }
        }
        let outside = |m: i128, min: Option<i64>, max: Option<i64>| {
            min.map_or(0, |min| (i128::from(min) - m).max(0))
                + max.map_or(0, |max| (m - i128::from(max)).max(0))
        };
        if limits.min_minutes_per_week.is_some() || limits.max_minutes_per_week.is_some() {
            for (week, m) in self.weekly_minutes(items).into_iter().enumerate() {
                let amount = outside(m, limits.min_minutes_per_week, limits.max_minutes_per_week);
                out.push(
                    violation(Constraint::WeeklyMinutes, amount)
                        .of(worker)
                        .on(week * 7),
                );
            }
        }
        let total = items
            .iter()
            .map(Item::minutes)
            .fold(0, i128::saturating_add);
        let amount = outside(total, limits.min_minutes_total, limits.max_minutes_total);
        out.push(violation(Constraint::TotalMinutes, amount).of(worker));
    }

    /// Whether the worker works on each day of the horizon.
    fn worked_days(&self, items: &[Item<'_>]) -> Vec<bool> {
        let mut worked = vec![false; self.horizon_days()];
        for item in items {
            if let Some(d) = worked.get_mut(item.day()) {
                *d = true;
            }
        }
        worked
    }

    fn runs(&self, worker: &Employee, items: &[Item<'_>], out: &mut Out) {
        let limits = &worker.limits;
        if limits.max_consecutive_days.is_none()
            && limits.min_consecutive_days.is_none()
            && limits.min_consecutive_days_off.is_none()
        {
            return;
        }
        let worked = self.worked_days(items);
        let before = i128::from(worker.history.consecutive_days_before);
        let boundary = self.problem.rules.boundary;
        let mut start = 0;
        while start < worked.len() {
            let work = worked[start];
            let len = worked[start..].iter().take_while(|&&d| d == work).count();
            let touches_first = start == 0;
            let touches_last = start + len == worked.len();
            let mut length = len as i128;
            if work {
                if touches_first {
                    length += before;
                }
                if let Some(max) = limits.max_consecutive_days {
                    let excess = length - i128::from(max);
                    if excess > 0 {
                        out.push(
                            violation(Constraint::MaxConsecutiveDays, excess)
                                .of(worker)
                                .on(start),
                        );
                    }
                }
                let exempt = match boundary {
                    Boundary::Continues => touches_first || touches_last,
                    Boundary::Off => false,
                };
                if let (Some(min), false) = (limits.min_consecutive_days, exempt) {
                    let shortfall = i128::from(min) - length;
                    if shortfall > 0 {
                        out.push(
                            violation(Constraint::MinConsecutiveDays, shortfall)
                                .of(worker)
                                .on(start),
                        );
                    }
                }
            } else {
                let exempt = match boundary {
                    Boundary::Continues => touches_first || touches_last,
                    Boundary::Off => touches_last || (touches_first && before == 0),
                };
                if let (Some(min), false) = (limits.min_consecutive_days_off, exempt) {
                    let shortfall = i128::from(min) - length;
                    if shortfall > 0 {
                        out.push(
                            violation(Constraint::MinConsecutiveDaysOff, shortfall)
                                .of(worker)
                                .on(start),
                        );
                    }
                }
            }
            start += len;
        }
    }

    /// Weekends worked beyond the worker's limit, the weekends being
    /// [`Problem::weekends`].
    fn weekends(&self, worker: &Employee, items: &[Item<'_>], out: &mut Out) {
        let Some(max) = worker.limits.max_weekends else {
            return;
        };
        let worked = self.worked_days(items);
        let worked_weekends: Vec<usize> = self
            .problem
            .weekends()
            .into_iter()
            .filter(|weekend| weekend.iter().any(|&d| worked[d]))
            .map(|weekend| weekend[0])
            .collect();
        let max = max as usize;
        if worked_weekends.len() > max {
            let excess = (worked_weekends.len() - max) as i128;
            out.push(
                violation(Constraint::MaxWeekends, excess)
                    .of(worker)
                    .on(worked_weekends[max]),
            );
        }
    }

    fn successions(&self, worker: &Employee, items: &[Item<'_>], out: &mut Out) {
        for (first, then) in &self.problem.rules.forbidden_successions {
            let days: BTreeSet<usize> = items
                .iter()
                .filter(|i| i.is_kind(first))
                .map(Item::day)
                .collect();
            for d in days {
                let Some(next) = d.checked_add(1) else {
                    continue;
                };
                if let Some(item) = items.iter().find(|i| i.day() == next && i.is_kind(then)) {
                    out.push(self.at(violation(Constraint::Succession, 1).of(worker), item.index));
                }
            }
        }
    }

    fn requests(&self, worker: &Employee, items: &[Item<'_>], out: &mut Out) {
        let weight = i128::from(self.problem.weights.requests);
        for r in &worker.requests {
            let matched = items
                .iter()
                .find(|i| i.day() == r.day && r.kind.as_ref().is_none_or(|k| i.is_kind(k)));
            let amount = mul(i128::from(r.weight), weight);
            match (r.want, matched) {
                (Want::On, None) => {
                    out.push(violation(Constraint::Request, amount).of(worker).on(r.day));
                }
                (Want::Off, Some(item)) => {
                    out.push(self.at(
                        violation(Constraint::Request, amount).of(worker),
                        item.index,
                    ));
                }
                _ => {}
            }
        }
    }

    /// Per session: over cover, unfilled, preferred cover, placement and
    /// the per-seat soft terms.
    fn check_sessions(&self, out: &mut Out) {
        let weights = &self.problem.weights;
        for (s, session) in self.problem.sessions.iter().enumerate() {
            let seats = &self.seats[s];
            let filled = seats.len() as i128;
            let minutes = self.minutes(s);
            for &(w, times) in seats {
                if times > 1 {
                    let v = violation(Constraint::OverCover, times as i128 - 1)
                        .of(&self.problem.workers[w]);
                    out.push(self.at(v, s));
                }
            }
            match session.cover {
                Cover::Required { workers } => {
                    let seats_wanted = i128::from(workers);
                    if filled > seats_wanted {
                        out.push(
                            self.at(violation(Constraint::OverCover, filled - seats_wanted), s),
                        );
                    }
                    let missing = (seats_wanted - filled).max(0);
                    let amount = mul(mul(missing, minutes), i128::from(session.priority));
                    out.push(self.at(violation(Constraint::Unfilled, amount), s));
                }
                Cover::Preferred {
                    wanted,
                    under_weight,
                    over_weight,
                } => {
                    let wanted = i128::from(wanted);
                    let amount = mul(i128::from(under_weight), (wanted - filled).max(0))
                        .saturating_add(mul(i128::from(over_weight), (filled - wanted).max(0)));
                    out.push(self.at(violation(Constraint::Cover, amount), s));
                }
            }
            if let (Some(p), true) = (self.placement[s], filled > 0) {
                let amount = mul(i128::from(p.penalty), i128::from(weights.placement));
                out.push(self.at(violation(Constraint::Placement, amount), s));
            }
            for &(w, _) in seats {
                let worker = &self.problem.workers[w];
                if !session.preferred.is_empty() && !session.preferred.contains(&worker.id) {
                    let amount = mul(minutes, i128::from(weights.not_preferred));
                    out.push(self.at(violation(Constraint::NotPreferred, amount).of(worker), s));
                }
                let penalty = session
                    .worker_penalties
                    .iter()
                    .filter(|(id, _)| id == &worker.id)
                    .fold(0i128, |t, &(_, p)| t.saturating_add(i128::from(p)));
                let amount = mul(penalty, i128::from(weights.matching));
                out.push(self.at(violation(Constraint::Matching, amount).of(worker), s));
                let pay = mul(minutes, i128::from(worker.pay_per_hour)).saturating_add(30) / 60;
                let amount = mul(pay, i128::from(weights.cost));
                out.push(self.at(violation(Constraint::Cost, amount).of(worker), s));
            }
        }
    }

    fn check_budgets(&self, out: &mut Out) {
        let mut charged: HashMap<&BudgetId, i128> = HashMap::new();
        for (s, session) in self.problem.sessions.iter().enumerate() {
            if let (Some(budget), Some(p)) = (&session.budget, self.placement[s]) {
                let charge = mul(i128::from(p.charge), self.seats[s].len() as i128);
                let total = charged.entry(budget).or_insert(0);
                *total = total.saturating_add(charge);
            }
        }
        for budget in &self.problem.budgets {
            let total = charged.get(&budget.id).copied().unwrap_or(0);
            let over = total - i128::from(budget.cap);
            if over > 0 {
                out.push(violation(Constraint::Budget, over));
            }
        }
    }

    fn check_continuity(&self, out: &mut Out) {
        let weights = &self.problem.weights;
        let mut people: BTreeMap<&PersonId, BTreeSet<usize>> = BTreeMap::new();
        let mut series: BTreeMap<&SeriesId, (usize, BTreeSet<usize>)> = BTreeMap::new();
        for (s, session) in self.problem.sessions.iter().enumerate() {
            let workers = self.seats[s].iter().map(|&(w, _)| w);
            if let Some(person) = &session.person {
                people.entry(person).or_default().extend(workers.clone());
            }
            if let Some(id) = &session.series {
                series
                    .entry(id)
                    .or_insert((s, BTreeSet::new()))
                    .1
                    .extend(workers);
            }
        }
        for (person, workers) in people {
            let extra = (workers.len() as i128 - 1).max(0);
            let mut v = violation(
                Constraint::ContinuityPerson,
                mul(extra, i128::from(weights.continuity_person)),
            );
            v.person = Some(person.clone());
            out.push(v);
        }
        for (first, workers) in series.into_values() {
            let extra = (workers.len() as i128 - 1).max(0);
            let v = violation(
                Constraint::ContinuitySeries,
                mul(extra, i128::from(weights.continuity_series)),
            );
            let mut v = self.at(v, first);
            v.day = None;
            out.push(v);
        }
    }

    fn check_fairness(&self, out: &mut Out) {
        let problem = &self.problem;
        let n = problem.workers.len() as i128;
        if n == 0 {
            return;
        }
        let threshold = problem.rules.night_session_threshold();
        for rule in &problem.weights.fairness {
            let (mut sum, mut squares) = (0i128, 0i128);
            for w in 0..problem.workers.len() {
                let items = self.items(w);
                let x = match &rule.measure {
                    Measure::Nights => items
                        .iter()
                        .filter(|i| i.placement.is_night(threshold))
                        .count() as i128,
                    Measure::WeekendDays => self
                        .worked_days(&items)
                        .iter()
                        .zip(&problem.days)
                        .filter(|(worked, day)| **worked && day.is_weekend())
                        .count() as i128,
                    Measure::Hours => {
                        items
                            .iter()
                            .map(Item::minutes)
                            .fold(0, i128::saturating_add)
                            / 60
                    }
                    Measure::Kind(kind) => items.iter().filter(|i| i.is_kind(kind)).count() as i128,
                };
                sum = sum.saturating_add(x);
                squares = squares.saturating_add(mul(x, x));
            }
            let spread = squares - mul(sum, sum) / n;
            out.push(violation(
                Constraint::Fairness,
                mul(i128::from(rule.weight), spread),
            ));
        }
    }

    fn check_pins(&self, out: &mut Out) {
        for pin in &self.problem.pins {
            let s = self.session_index.get(&pin.session).copied();
            let w = self.worker_index.get(&pin.worker).copied();
            let present = matches!((s, w), (Some(s), Some(w)) if self.assigned.contains(&(s, w)));
            if !present {
                let mut v = violation(Constraint::Pin, 1);
                if let Some(s) = s {
                    v = self.at(v, s);
                }
                v.worker = Some(pin.worker.clone());
                v.session = Some(pin.session.clone());
                out.push(v);
            }
        }
    }

    fn check_stability(&self, out: &mut Out) {
        let Some(baseline) = &self.problem.baseline else {
            return;
        };
        let sessions = &self.problem.sessions;
        let weights = self.problem.weights.stability_of(sessions);
        let weight = |s: usize| i128::from(weights[s]);
        let mut choice: HashMap<usize, usize> = HashMap::new();
        for c in &baseline.placements {
            if let Some(&s) = self.session_index.get(&c.session)
                && c.index < sessions[s].placements.len()
            {
                choice.entry(s).or_insert(c.index);
            }
        }
        let before: BTreeSet<(usize, usize)> = baseline
            .assignments
            .iter()
            .filter_map(|a| {
                Some((
                    *self.session_index.get(&a.session)?,
                    *self.worker_index.get(&a.worker)?,
                ))
            })
            .collect();
        for &(s, w) in before.difference(&self.assigned) {
            let p = sessions[s]
                .placements
                .get(choice.get(&s).copied().unwrap_or(0));
            let mut v = self.at(
                violation(Constraint::Stability, mul(duration(p), weight(s))),
                s,
            );
            v.day = p.map(|p| p.day);
            out.push(v.of(&self.problem.workers[w]));
        }
        for &(s, w) in self.assigned.difference(&before) {
            let v = violation(Constraint::Stability, mul(self.minutes(s), weight(s)));
            out.push(self.at(v, s).of(&self.problem.workers[w]));
        }
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
