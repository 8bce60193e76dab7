//! The general rostering problem the engine solves.
//!
//! A [`Problem`] speaks rostering, not care: *sessions* (a shift or an
//! activity on one day, needing some workers), *workers* (with the tags they
//! hold, their availability and their limits), *rules* (the hard constraints,
//! each of which can be switched off or re-parameterised) and *weights* (the
//! soft constraints). The domain layer (`plan`) compiles people's perfect weeks
//! and a service's core shifts into one; a benchmark format can compile into one
//! from outside the crate.
//!
//! # Time
//! Every instant is a [`Minute`]: real elapsed minutes since an epoch the
//! caller chooses (the plan uses local midnight at the start of day 0). Days
//! are local calendar days, listed in [`Problem::days`] with the elapsed minute
//! at which each begins and ends, so a day that holds a clock change is 23 or
//! 25 hours long and every duration, rest and total is real elapsed time. A
//! session belongs to the day it starts on ([`Placement::day`]). The horizon is
//! a whole number of weeks; rota week `k` is days `7k .. 7k + 7`.
//!
//! # Exact meaning of every constraint
//! The solver's incremental scorer and the independent checker (`check`) both
//! implement the definitions below; they must agree to the unit.
//!
//! A worker's *schedule* is the set of sessions assigned to them, each at its
//! chosen placement, as half-open intervals `[start, end)`. Their *worked days*
//! are the days of those placements. Amounts are in the unit named.
//!
//! **Hard** (level `hard`):
//! - *Eligibility* (per assignment, the session's duration in minutes per
//!   failed reason): the worker holds every [`Session::requires`] tag valid on
//!   the placement's day; is not in [`Session::refused`]; the day is not one of
//!   [`Employee::days_off`]; the placement overlaps none of
//!   [`Employee::unavailable`]; if [`Employee::available`] is `Some`, the placement
//!   lies inside one of its intervals; a young worker is not given a placement
//!   with [`Placement::young_restricted_minutes`] > 0; if
//!   [`NightRules::max_night_session_minutes`] is set, no night session is
//!   longer. Each reason counts once per assignment (two missing tags, or two
//!   unavailable intervals overlapped, are one failed reason).
//! - *Overlap* (minutes): for every pair of the worker's sessions, the minutes
//!   they overlap.
//! - *Travel* (minutes): for each two sessions adjacent in the worker's
//!   schedule (ordered by start, then end, then session index) that do not
//!   overlap and have different places (both `Some`), the shortfall of the gap
//!   below [`Rules::travel_minutes`].
//! - *One session per day* (count): with [`Rules::one_session_per_day`], for
//!   each day, the worker's sessions on it beyond the first.
//! - *Daily rest* (minutes): for each session `s` of the worker, in the window
//!   `[s.start, s.start + 24 h)`, the longest stretch not covered by any of the
//!   worker's sessions (nor by history before [`WorkerHistory::last_end`]) must
//!   be at least [`DailyRest::minutes`] ([`DailyRest::young_minutes`] for a
//!   young worker); the amount is the shortfall. When
//!   [`WorkerHistory::last_end`] is given, one more window is checked the same
//!   way: the 24 hours ending at the start of the worker's first session, so
//!   the rest between the last shift before the horizon and the first one in
//!   it counts too.
//! - *Weekly rest* (minutes): for each complete block of
//!   [`WeeklyRest::period_days`] days from day 0, the longest stretch of the
//!   block (from the start of its first day to the end of its last) not covered
//!   by the worker's sessions (clipped to the block) nor by history must be at
//!   least [`WeeklyRest::minutes`] ([`WeeklyRest::young_minutes`] for a young
//!   worker); the amount is the shortfall.
//! - *Average week* (minutes): unless the worker opted out, with
//!   `total = history.minutes + Σ durations` and
//!   `limit = AverageWeek::max_minutes × (history.days + horizon days) / 7`
//!   (integer division), the amount `max(0, total − limit)`.
//! - *Night average* (minutes): for a worker with at least one *night session*
//!   (one whose [`Placement::night_minutes`] ≥ [`NightRules::night_session_threshold`]),
//!   `max(0, total − NightRules::max_average_minutes_per_day × (history.days + horizon days))`.
//! - *Young limits* (minutes): for a young worker, per day the minutes of that
//!   day's sessions beyond [`YoungRules::max_minutes_per_day`], and per rota
//!   week those beyond [`YoungRules::max_minutes_per_week`] (a week's
//!   minutes as for *weekly minutes*).
//! - *Per-kind limit* (count): for each `(kind, max)` of
//!   [`WorkerLimits::max_per_kind`], sessions of that kind beyond `max`.
//! - *Weekly minutes* (minutes): per rota week, with `m` the week's minutes,
//!   `max(0, min − m) + max(0, m − max)` for
//!   [`WorkerLimits::min_minutes_per_week`] / `max_minutes_per_week`. A
//!   week's minutes follow [`Rules::week_count`]: by default
//!   ([`WeekCount::ByStart`]) the whole length of each session on the week's
//!   days; with [`WeekCount::Clipped`], the minutes of each session that fall
//!   inside the week's span ([`Problem::week_span`]), so a session across
//!   the start of a week counts partly in each (and minutes past the
//!   horizon's end in none).
//! - *Total minutes* (minutes): the same over the whole horizon with
//!   `min_minutes_total` / `max_minutes_total`.
//! - *Consecutive days* (days): a *work run* is a maximal run of worked days;
//!   the run that starts on day 0 is lengthened by
//!   [`WorkerHistory::consecutive_days_before`]. Each run longer than
//!   `max_consecutive_days` costs its excess. Each run shorter than
//!   `min_consecutive_days` costs its shortfall, unless the run is *exempt*.
//! - *Days off* (days): an *off run* is a maximal run of days not worked. Each
//!   shorter than `min_consecutive_days_off` costs its shortfall unless exempt.
//! - Exemption at the horizon's edges follows [`Rules::boundary`]:
//!   [`Boundary::Continues`] exempts every run (work or off) touching day 0 or
//!   the last day, as if the pattern went on; [`Boundary::Off`] treats days
//!   beyond the horizon as days off: an off run touching the last day is
//!   exempt, an off run touching day 0 is exempt unless
//!   `consecutive_days_before` > 0, and work runs are never exempt.
//! - *Weekends* (count): a weekend is a Saturday with the Sunday after it (a
//!   horizon that starts on a Sunday has that Sunday as a weekend of its own,
//!   and one that ends on a Saturday that Saturday); weekends with any worked
//!   day beyond `max_weekends`.
//! - *Succession* (count): for each `(first, then)` of
//!   [`Rules::forbidden_successions`] and each day `d`, one if the worker works
//!   a session of kind `first` on day `d` and one of kind `then` on day `d + 1`.
//! - *Budget* (pence): for each [`Budget`], the charges
//!   ([`Placement::charge`], per assigned worker) of its sessions beyond
//!   [`Budget::cap`].
//! - *Over cover* (count): distinct workers beyond
//!   [`Cover::Required::workers`], plus one for each repeat of a worker
//!   already on the session: `max(0, distinct − workers) + (assigned − distinct)`.
//! - *Pin* (count): each distinct [`Problem::pins`] assignment missing
//!   (a pin listed twice counts once).
//! - *Person overlap* (minutes): for every two sessions of one person
//!   (the same [`Session::person`]) at their chosen placements, the minutes
//!   they overlap, whether or not workers are on them: a person cannot be in
//!   two places, so the placements of flexible sessions must keep apart.
//!
//! **Unfilled** (level `unfilled`, between hard and soft): for each session
//! with [`Cover::Required`], `missing seats × duration minutes × priority`,
//! where missing seats are `max(0, workers − distinct workers assigned)`.
//!
//! **Soft** (level `soft`), each times its weight in [`Weights`]:
//! - *Cover* for [`Cover::Preferred`]: `under_weight × missing + over_weight × extra`.
//! - *Placement*: the chosen [`Placement::penalty`] of a session with at least
//!   one worker, times `weights.placement`.
//! - *Not preferred*: each seat filled by a worker not in a non-empty
//!   [`Session::preferred`]: duration minutes × `weights.not_preferred`.
//! - *Matching*: each seat filled by a worker listed in
//!   [`Session::worker_penalties`]: that penalty × `weights.matching`.
//! - *Continuity*: per person, `max(0, distinct workers − 1)` over their
//!   sessions, times `weights.continuity_person`; per series, the same times
//!   `weights.continuity_series`.
//! - *Requests*: a [`Request`] *matches* a session on its day (and of its kind,
//!   if given). An `On` request costs its weight if no matching session is
//!   assigned to the worker; an `Off` request costs its weight if one is;
//!   times `weights.requests`.
//! - *Fairness*: per [`Fairness`] rule, with `x_w` the measure for each of
//!   *all* workers (those with no sessions count as 0) and `N` workers,
//!   `weight × (Σ x_w² − (Σ x_w)² / N)` (integer division).
//! - *Cost*: each seat's pay, `(duration × pay_per_hour + 30) / 60` pence
//!   (integer division), times `weights.cost`.
//! - *Stability*: with a [`Problem::baseline`], each baseline assignment not in
//!   the roster and each roster assignment not in the baseline costs its
//!   session's duration minutes (at the roster's placement, or the baseline's
//!   for a removed one) times the session's stability weight
//!   ([`Weights::stability_of`]: its entry in `weights.stability_by_session`,
//!   else `weights.stability`). The baseline's assignments
//!   are a set (one listed twice counts once); its placement for a session is
//!   the first [`PlacementChoice`] naming it, else placement 0 (as for any
//!   roster).

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

mod build;

use crate::ids::{BudgetId, KindId, PersonId, PlaceId, SeriesId, SessionId, Tag, WorkerId};

/// Real elapsed minutes since the problem's epoch.
pub type Minute = i64;

/// Night minutes that make a session a *night session* (Working Time
/// Regulations: 3 hours): the default of
/// [`NightRules::night_session_threshold`], and the threshold the
/// [`Measure::Nights`] fairness measure uses when night rules are off.
pub const NIGHT_SESSION_THRESHOLD: u32 = 180;

/// The window of daily rest (Working Time Regulations: in each 24 hours):
/// [`DailyRest`] asks for its minutes of rest in the 24 hours from the start
/// of each session, and in the 24 hours before the first session of the
/// horizon when the worker's history has a last end.
pub const DAILY_REST_WINDOW: Minute = 24 * 60;

/// A general rostering problem: sessions to cover, workers to cover them,
/// rules and weights. Plain data; [`crate::solver::solve`] validates it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Problem {
    /// The horizon, one entry per local calendar day in order; a whole number
    /// of weeks.
    pub days: Vec<Day>,
    /// The sessions to cover.
    pub sessions: Vec<Session>,
    /// The workers who may cover them.
    pub workers: Vec<Employee>,
    /// The hard rules that apply to every worker.
    #[serde(default)]
    pub rules: Rules,
    /// The weights of the soft constraints.
    #[serde(default)]
    pub weights: Weights,
    /// Budgets that sessions are charged to.
    #[serde(default)]
    pub budgets: Vec<Budget>,
    /// Assignments fixed in advance: the solver never moves them.
    #[serde(default)]
    pub pins: Vec<Assignment>,
    /// A published roster to stay close to (for re-planning); `None` when
    /// planning from scratch.
    #[serde(default)]
    pub baseline: Option<Roster>,
}

/// One local calendar day of the horizon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Day {
    /// The local date.
    pub date: NaiveDate,
    /// The elapsed minute at which the day begins (local midnight).
    pub start: Minute,
    /// The elapsed minute at which the day ends (the next local midnight).
    pub end: Minute,
}

impl Day {
    /// Whether the day is a Saturday or a Sunday.
    pub fn is_weekend(&self) -> bool {
        matches!(self.date.weekday(), Weekday::Sat | Weekday::Sun)
    }
}

impl Problem {
    /// The elapsed minutes `[start, end)` of rota week `week` (days `7 week`
    /// to `7 week + 6`, whatever weekday day 0 is): from the start of its
    /// first day to the end of its last; `None` past the horizon.
    pub fn week_span(&self, week: usize) -> Option<(Minute, Minute)> {
        let first = self.days.get(week.checked_mul(7)?)?;
        let last = self.days.get(week * 7 + 6)?;
        Some((first.start, last.end))
    }

    /// The horizon's weekends in order, each as its day indices: a Saturday
    /// with the Sunday after it; a Sunday with no Saturday before it (a
    /// horizon that starts on a Sunday) and a Saturday with no Sunday after
    /// it (one that ends on a Saturday) are weekends of their own. The
    /// weekend rules and measures count these.
    pub fn weekends(&self) -> Vec<Vec<usize>> {
        let weekday = |i: usize| self.days.get(i).map(|d| d.date.weekday());
        let mut weekends = Vec::new();
        for i in 0..self.days.len() {
            match weekday(i) {
                Some(Weekday::Sat) if weekday(i + 1) == Some(Weekday::Sun) => {
                    weekends.push(vec![i, i + 1]);
                }
                Some(Weekday::Sat) => weekends.push(vec![i]),
                Some(Weekday::Sun) if i == 0 || weekday(i - 1) != Some(Weekday::Sat) => {
                    weekends.push(vec![i]);
                }
                _ => {}
            }
        }
        weekends
    }
}

/// A session to cover: a shift, or a person's activity, on one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Session {
    /// Unique id.
    pub id: SessionId,
    /// The times it may take place, at least one. A fixed session has one; a
    /// flexible session has several, each with a placement penalty, and the
    /// solver chooses one.
    pub placements: Vec<Placement>,
    /// How many workers it needs.
    pub cover: Cover,
    /// Its kind (for succession rules, per-kind limits and requests).
    #[serde(default)]
    pub kind: Option<KindId>,
    /// Where it happens (for travel gaps).
    #[serde(default)]
    pub place: Option<PlaceId>,
    /// The person supported, if any (for continuity, explanations, and the
    /// rule that one person's sessions do not overlap).
    #[serde(default)]
    pub person: Option<PersonId>,
    /// The recurring activity it belongs to, if any (for continuity).
    #[serde(default)]
    pub series: Option<SeriesId>,
    /// Tags every worker on it must hold, valid on its day.
    #[serde(default)]
    pub requires: Vec<Tag>,
    /// Workers who must never cover it.
    #[serde(default)]
    pub refused: Vec<WorkerId>,
    /// Workers the person would like; others cost `weights.not_preferred`.
    #[serde(default)]
    pub preferred: Vec<WorkerId>,
    /// Soft penalties for particular workers (e.g. a weak match).
    #[serde(default)]
    pub worker_penalties: Vec<(WorkerId, i64)>,
    /// The budget its charges are taken from, if any.
    #[serde(default)]
    pub budget: Option<BudgetId>,
    /// Weight of an unfilled seat, per minute; at least 1.
    #[serde(default = "one")]
    pub priority: i64,
}

fn one() -> i64 {
    1
}

/// One time a session may take place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Placement {
    /// Index into [`Problem::days`] of the day it starts on.
    pub day: usize,
    /// Start, in elapsed minutes.
    pub start: Minute,
    /// End, in elapsed minutes; after `start`.
    pub end: Minute,
    /// Minutes inside the night period (23:00–06:00 local by default); the
    /// compiler of the problem works this out in the local zone.
    #[serde(default)]
    pub night_minutes: u32,
    /// Minutes inside the period young workers may not work (22:00–06:00
    /// local by default).
    #[serde(default)]
    pub young_restricted_minutes: u32,
    /// Charge to the session's budget per assigned worker, in pence.
    #[serde(default)]
    pub charge: i64,
    /// Soft penalty for choosing this placement (0 for the person's first
    /// choice).
    #[serde(default)]
    pub penalty: i64,
}

impl Placement {
    /// Whether this is a night session under `threshold` night minutes
    /// (see [`Rules::night_session_threshold`]).
    pub fn is_night(&self, threshold: u32) -> bool {
        self.night_minutes >= threshold
    }

    /// Duration in minutes.
    pub fn minutes(&self) -> i64 {
        self.end - self.start
    }
}

/// How many workers a session needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cover {
    /// Exactly this many distinct workers (1 for 1:1, 2 for 2:1); a missing
    /// seat counts at the unfilled level, an extra worker is a hard violation.
    Required {
        /// Seats to fill.
        workers: u32,
    },
    /// A wanted head-count: any number of workers may be assigned, with soft
    /// penalties per missing and per extra worker.
    Preferred {
        /// Wanted head-count.
        wanted: u32,
        /// Penalty per missing worker.
        under_weight: i64,
        /// Penalty per extra worker.
        over_weight: i64,
    },
}

/// A worker as the solver sees them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Employee {
    /// Unique id.
    pub id: WorkerId,
    /// The tags they hold.
    #[serde(default)]
    pub tags: Vec<HeldTag>,
    /// Days (indices into [`Problem::days`]) they must not work.
    #[serde(default)]
    pub days_off: Vec<usize>,
    /// Intervals no session of theirs may overlap (leave, appointments).
    #[serde(default)]
    pub unavailable: Vec<Interval>,
    /// If given, every session of theirs must lie inside one of these.
    #[serde(default)]
    pub available: Option<Vec<Interval>>,
    /// Whether the young-worker rules apply (under 18 on the rota's dates).
    #[serde(default)]
    pub young: bool,
    /// Whether they opted out of the 48-hour average week.
    #[serde(default)]
    pub opted_out: bool,
    /// Pay per hour in pence (for the cost objective).
    #[serde(default)]
    pub pay_per_hour: i64,
    /// Their own limits.
    #[serde(default)]
    pub limits: WorkerLimits,
    /// Work before the horizon that rules look back on.
    #[serde(default)]
    pub history: WorkerHistory,
    /// Their requests to work or not work.
    #[serde(default)]
    pub requests: Vec<Request>,
}

/// A tag a worker holds, valid on a range of days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldTag {
    /// The tag.
    pub tag: Tag,
    /// First day index on which it is valid (`None`: from before the horizon).
    #[serde(default)]
    pub from_day: Option<usize>,
    /// First day index on which it is no longer valid (`None`: never expires).
    #[serde(default)]
    pub until_day: Option<usize>,
}

impl HeldTag {
    /// A tag valid on every day.
    pub fn always(tag: impl Into<Tag>) -> Self {
        Self {
            tag: tag.into(),
            from_day: None,
            until_day: None,
        }
    }

    /// Whether it is valid on day `day`.
    pub fn valid_on(&self, day: usize) -> bool {
        self.from_day.is_none_or(|from| day >= from)
            && self.until_day.is_none_or(|until| day < until)
    }
}

/// A half-open interval of elapsed minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interval {
    /// Start.
    pub start: Minute,
    /// End; after `start`.
    pub end: Minute,
}

/// A worker's own limits; `None` means no limit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkerLimits {
    /// Fewest minutes per rota week.
    #[serde(default)]
    pub min_minutes_per_week: Option<i64>,
    /// Most minutes per rota week.
    #[serde(default)]
    pub max_minutes_per_week: Option<i64>,
    /// Fewest minutes over the horizon.
    #[serde(default)]
    pub min_minutes_total: Option<i64>,
    /// Most minutes over the horizon.
    #[serde(default)]
    pub max_minutes_total: Option<i64>,
    /// Most sessions of a kind over the horizon (0: never that kind).
    #[serde(default)]
    pub max_per_kind: Vec<(KindId, u32)>,
    /// Most consecutive worked days.
    #[serde(default)]
    pub max_consecutive_days: Option<u32>,
    /// Fewest consecutive worked days in a run.
    #[serde(default)]
    pub min_consecutive_days: Option<u32>,
    /// Fewest consecutive days off in a run.
    #[serde(default)]
    pub min_consecutive_days_off: Option<u32>,
    /// Most weekends with any work.
    #[serde(default)]
    pub max_weekends: Option<u32>,
}

/// Work before the horizon that the rules look back on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkerHistory {
    /// Minutes worked in the reference period before day 0.
    #[serde(default)]
    pub minutes: i64,
    /// Length of that reference period in days.
    #[serde(default)]
    pub days: i64,
    /// End of their last shift before the horizon.
    #[serde(default)]
    pub last_end: Option<Minute>,
    /// Days worked in a row up to and including the day before day 0.
    #[serde(default)]
    pub consecutive_days_before: u32,
}

/// A worker's request to work, or not work, on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    /// Day index.
    pub day: usize,
    /// Only sessions of this kind match; `None`: any session that day.
    #[serde(default)]
    pub kind: Option<KindId>,
    /// Whether they want to work (`On`) or not (`Off`).
    pub want: Want,
    /// Penalty when the request is not met.
    pub weight: i64,
}

/// The direction of a [`Request`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Want {
    /// They would like to work.
    On,
    /// They would like not to work.
    Off,
}

/// A budget with a cap, in pence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Budget {
    /// Unique id.
    pub id: BudgetId,
    /// Most that may be charged to it over the horizon, in pence.
    pub cap: i64,
}

/// One worker on one session.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Assignment {
    /// The session.
    pub session: SessionId,
    /// The worker.
    pub worker: WorkerId,
}

/// A roster: who covers what, and at which placement.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Roster {
    /// The assignments.
    pub assignments: Vec<Assignment>,
    /// Placements other than the first, for flexible sessions.
    #[serde(default)]
    pub placements: Vec<PlacementChoice>,
}

/// The placement chosen for a flexible session.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PlacementChoice {
    /// The session.
    pub session: SessionId,
    /// Index into its [`Session::placements`].
    pub index: usize,
}

/// How runs touching the first and last day of the horizon count for
/// consecutive-day rules.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Boundary {
    /// As if the pattern went on beyond the horizon: runs touching an edge are
    /// exempt from minimum rules.
    #[default]
    Continues,
    /// Days beyond the horizon are days off.
    Off,
}

/// The hard rules that apply to every worker. Each `Option` rule is off when
/// `None`; the defaults follow the Working Time Regulations 1998.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Rules {
    /// At most one session per worker per day.
    pub one_session_per_day: bool,
    /// Least gap in minutes between sessions at different places.
    pub travel_minutes: i64,
    /// Pairs `(first, then)`: `then` may not be worked the day after `first`.
    pub forbidden_successions: Vec<(KindId, KindId)>,
    /// Daily rest.
    pub daily_rest: Option<DailyRest>,
    /// Weekly rest.
    pub weekly_rest: Option<WeeklyRest>,
    /// The 48-hour average week.
    pub average_week: Option<AverageWeek>,
    /// Night-work limits.
    pub night: Option<NightRules>,
    /// Young-worker limits (the no-night rule is always on for young workers).
    pub young: Option<YoungRules>,
    /// How the horizon's edges count for consecutive-day rules.
    pub boundary: Boundary,
    /// Which rota week a session's minutes count in, for the weekly-minutes
    /// and young workers' weekly limits (left out of JSON when it is the
    /// default, so documents from before it read and write the same).
    #[serde(skip_serializing_if = "WeekCount::is_by_start")]
    pub week_count: WeekCount,
}

/// Which rota week a session's minutes count in, for
/// [`WorkerLimits::min_minutes_per_week`] / `max_minutes_per_week` and
/// [`YoungRules::max_minutes_per_week`]. Both are defensible: the default
/// matches how a rota is usually read, the clipped rule how a payroll week
/// is paid.
///
/// Rota week `k` is days `7k` to `7k + 6` of the horizon, whatever weekday
/// the horizon starts on: in a plan, a period starting on a Wednesday has
/// rota weeks from Wednesday 00:00 (local) to the next Wednesday 00:00, and
/// both rules count in those weeks, not in calendar weeks from Monday.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WeekCount {
    /// A session counts wholly in the rota week of the day it starts on.
    #[default]
    ByStart,
    /// A session's minutes are clipped at the start of each rota week (the
    /// start of day `7k`: in a plan, 00:00 local time on the period's first
    /// weekday, a Monday only for a period starting on one): the minutes
    /// before count in one week, the rest in the next, in real elapsed time. A
    /// placement may then reach no further than the end of the week after
    /// its own (validation refuses a longer one).
    Clipped,
}

impl WeekCount {
    /// Whether this is the default, [`WeekCount::ByStart`].
    pub fn is_by_start(&self) -> bool {
        *self == WeekCount::ByStart
    }
}

impl Default for Rules {
    fn default() -> Self {
        Self {
            one_session_per_day: false,
            travel_minutes: 0,
            forbidden_successions: Vec::new(),
            daily_rest: Some(DailyRest::default()),
            weekly_rest: Some(WeeklyRest::default()),
            average_week: Some(AverageWeek::default()),
            night: Some(NightRules::default()),
            young: Some(YoungRules::default()),
            boundary: Boundary::Continues,
            week_count: WeekCount::ByStart,
        }
    }
}

impl Rules {
    /// The night-session threshold in force: the night rules' own, or
    /// [`NIGHT_SESSION_THRESHOLD`] when night rules are off.
    pub fn night_session_threshold(&self) -> u32 {
        self.night
            .map_or(NIGHT_SESSION_THRESHOLD, |n| n.night_session_threshold)
    }

    /// No rule at all: only the data of sessions and workers constrain.
    pub fn none() -> Self {
        Self {
            one_session_per_day: false,
            travel_minutes: 0,
            forbidden_successions: Vec::new(),
            daily_rest: None,
            weekly_rest: None,
            average_week: None,
            night: None,
            young: None,
            boundary: Boundary::Continues,
            week_count: WeekCount::ByStart,
        }
    }
}

/// Least rest within each 24 hours counted from the start of each session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DailyRest {
    /// Minutes (WTR: 11 hours).
    pub minutes: i64,
    /// Minutes for young workers (12 hours).
    pub young_minutes: i64,
}

impl Default for DailyRest {
    fn default() -> Self {
        Self {
            minutes: 11 * 60,
            young_minutes: 12 * 60,
        }
    }
}

/// Least uninterrupted rest in each block of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeeklyRest {
    /// Length of a block in days (7, or 14 for the fortnightly variant).
    pub period_days: usize,
    /// Minutes (WTR: 24 hours in 7 days, or 48 in 14).
    pub minutes: i64,
    /// Minutes for young workers (48 hours).
    pub young_minutes: i64,
}

impl Default for WeeklyRest {
    fn default() -> Self {
        Self {
            period_days: 7,
            minutes: 24 * 60,
            young_minutes: 48 * 60,
        }
    }
}

/// The average working week limit for workers who have not opted out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AverageWeek {
    /// Minutes per 7 days on average (WTR: 48 hours).
    pub max_minutes: i64,
}

impl AverageWeek {
    /// The default limit: 48 hours a week on average (WTR).
    pub const DEFAULT_MAX_MINUTES: i64 = 48 * 60;
}

impl Default for AverageWeek {
    fn default() -> Self {
        Self {
            max_minutes: Self::DEFAULT_MAX_MINUTES,
        }
    }
}

/// Night-work limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct NightRules {
    /// A session with at least this many night minutes is a night session
    /// (WTR: 3 hours).
    pub night_session_threshold: u32,
    /// Average minutes per day for a worker who works nights (WTR: 8 hours).
    pub max_average_minutes_per_day: i64,
    /// If set, no night session may be longer (the absolute limit for work
    /// with special hazards).
    pub max_night_session_minutes: Option<i64>,
}

impl Default for NightRules {
    fn default() -> Self {
        Self {
            night_session_threshold: NIGHT_SESSION_THRESHOLD,
            max_average_minutes_per_day: 8 * 60,
            max_night_session_minutes: None,
        }
    }
}

/// Limits for workers under 18.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct YoungRules {
    /// Most minutes a day (8 hours).
    pub max_minutes_per_day: i64,
    /// Most minutes a rota week (40 hours).
    pub max_minutes_per_week: i64,
}

impl Default for YoungRules {
    fn default() -> Self {
        Self {
            max_minutes_per_day: 8 * 60,
            max_minutes_per_week: 40 * 60,
        }
    }
}

/// Weights of the soft constraints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Weights {
    /// Per minute of a seat filled by a worker the person did not prefer.
    pub not_preferred: i64,
    /// Times each [`Session::worker_penalties`] entry.
    pub matching: i64,
    /// Per distinct worker beyond the first, per person.
    pub continuity_person: i64,
    /// Per distinct worker beyond the first, per recurring activity.
    pub continuity_series: i64,
    /// Times each request's weight.
    pub requests: i64,
    /// Times the chosen placement's penalty.
    pub placement: i64,
    /// Per penny of pay.
    pub cost: i64,
    /// Per minute of an assignment changed against the baseline.
    pub stability: i64,
    /// Per minute of an assignment changed against the baseline, for the
    /// sessions listed, in place of `stability` (a re-plan weighs a change
    /// at short notice more heavily); the first entry for a session counts.
    pub stability_by_session: Vec<(SessionId, i64)>,
    /// Fair-spread rules.
    pub fairness: Vec<Fairness>,
}

impl Weights {
    /// The stability weight of each of `sessions`, in order: its first
    /// entry in [`Weights::stability_by_session`], else [`Weights::stability`].
    ///
    /// ```
    /// use perfect_week::solver::{Placement, Session, Weights};
    ///
    /// let sessions = [
    ///     Session::new("tomorrow", vec![Placement::new(1, 1500, 1560)], 1),
    ///     Session::new("next-week", vec![Placement::new(8, 11580, 11640)], 1),
    /// ];
    /// let weights = Weights {
    ///     stability_by_session: vec![("tomorrow".into(), 100)],
    ///     ..Weights::default()
    /// };
    /// assert_eq!(weights.stability_of(&sessions), vec![100, weights.stability]);
    /// ```
    pub fn stability_of(&self, sessions: &[Session]) -> Vec<i64> {
        let mut by_session = std::collections::HashMap::new();
        for (id, weight) in &self.stability_by_session {
            by_session.entry(id).or_insert(*weight);
        }
        sessions
            .iter()
            .map(|s| by_session.get(&s.id).copied().unwrap_or(self.stability))
            .collect()
    }
}

impl Default for Weights {
    fn default() -> Self {
        Self {
            not_preferred: 1,
            matching: 1,
            continuity_person: 60,
            continuity_series: 120,
            requests: 1,
            placement: 1,
            cost: 0,
            stability: 10,
            stability_by_session: Vec::new(),
            fairness: Vec::new(),
        }
    }
}

/// A fair-spread rule over all workers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fairness {
    /// What is spread.
    pub measure: Measure,
    /// Weight of the spread.
    pub weight: i64,
}

/// What a [`Fairness`] rule measures per worker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Night sessions (see [`Rules::night_session_threshold`]).
    Nights,
    /// Worked weekend days.
    WeekendDays,
    /// Whole hours worked in the horizon (minutes / 60, rounded down; history
    /// not included).
    Hours,
    /// Sessions of one kind.
    Kind(KindId),
}
