//! From care to rostering and back: a [`Plan`] (people with their perfect
//! weeks and funds, a service's core shifts, the workers) compiles into the
//! solver's general [`Problem`](crate::solver::Problem); the solver's
//! [`Solution`](crate::solver::Solution) comes back as a
//! [`Rota`](crate::rota::Rota) in the words of care, with the solve's figures
//! and explanations ([`PlannedRota`]).
//!
//! # What the compiler decides
//! - Every activity of a perfect week with paid support (funded by the
//!   person's flexi allocation or the service's core) becomes one session per
//!   date of the [`RotaPeriod`] that falls on its weekday, needing its support
//!   ratio of distinct workers. Unpaid and community activities stay in the
//!   person's week (and the rota) but need no worker.
//! - Local times are resolved with
//!   [`resolve_local`](crate::time::resolve_local); every session, rest and
//!   total is measured in real elapsed minutes, so the weeks that hold a
//!   clock change come out right. A session belongs to the date it starts on.
//! - A flexible activity gets one placement per start its window allows,
//!   each costing the minutes away from the person's preferred start.
//! - Required skills, hard characteristics and the matching row's skills and
//!   essential characteristics become tags a worker must hold (skills only on
//!   the dates they are valid); the person's excluded workers and the
//!   activity's refused workers are refused; each desirable characteristic
//!   and shared interest of the matching row that a worker lacks costs
//!   [`PlanOptions::match_point`].
//! - Flexi sessions are charged with the person's rate card in force on the
//!   date (what the fund pays, per worker, each session rounded to the
//!   penny). When the person's allocation gives flexi hours, their budget is
//!   those hours (in minutes) times the weeks of the period, each session
//!   charged its minutes per worker; otherwise it is their weekly money less
//!   its core part, times the weeks, plus what they choose to use from their
//!   bank, in pence ([`Fund::budget`]). An hours allocation with no rate card
//!   charges no money. Core shifts are charged to the service's core budget
//!   when one is given.
//! - Core shifts come from the service's weekly pattern on each date of a
//!   weekday it names, and from [`CorePlan::dated`] on their one date; only
//!   the core pattern of the service is checked ([`Service::validate_core`]).
//! - Workers bring their contracted maximum minutes per week, their minimum
//!   (dropped for a worker with leave or absence in the period, since a week
//!   with leave cannot be held to it), the 48-hour opt-out, pay, leave and
//!   absences (whole local days unavailable, midnight to midnight), dated
//!   unavailability, weekly availability (back-to-back windows joined), and
//!   young-worker status (under 18 on the first day of the period, so the
//!   stricter rules hold for the whole rota).

mod build;
mod checks;
mod compile;
mod compiled;
mod replan;
mod session_ref;
mod solved;
mod validate;

pub use crate::money::Fund;
pub use checks::{KINDS, MAX_WEEKLY_REST_DAYS, MIN_WORKER_AGE};
use compile::Compiler;
pub(crate) use compile::{SKILL_TAG, TRAIT_TAG};
pub use compiled::CompiledPlan;
pub use replan::Replan;
pub use session_ref::SessionRef;
pub use solved::{PlannedRota, ProblemSize, UnfilledEntry};

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::error::ValidationErrors;
use crate::ids::{KindId, PersonId, SessionId, WorkerId};
use crate::money::{PayFloorTable, RateCardSet};
use crate::person::Person;
use crate::service::{CoreShiftTemplate, Service};
use crate::solver::{ProblemError, Rules, Want, Weights};
use crate::staff::Worker;
use crate::week::{Activity, PerfectWeek, RotaPeriod};

/// Everything needed to plan a rota: [`Plan::new`] with the period, the
/// people and the workers, then `with_*` for the rest.
///
/// ```
/// use perfect_week::chrono::{NaiveDate, NaiveTime, Weekday};
/// use perfect_week::chrono_tz::Europe::London;
/// use perfect_week::{
///     Activity, Contract, Fund, PerfectWeek, Person, PersonPlan, Plan, Rules, RotaPeriod,
///     SolverConfig, WeekCount, Worker,
/// };
///
/// let monday = NaiveDate::from_ymd_opt(2026, 10, 12).ok_or("date")?;
/// let at = |h| NaiveTime::from_hms_opt(h, 0, 0).ok_or("time");
/// let week = PerfectWeek::new("ava", vec![
///     Activity::from_to("swim", "Swimming", Weekday::Tue, at(10)?, at(11)?),
/// ]);
/// let ava = PersonPlan::new(Person::new("ava", "Ava"), week, Some(Fund::hours(5.into())));
/// let born = NaiveDate::from_ymd_opt(1990, 6, 1).ok_or("date")?;
/// let sam = Worker::new("sam", "Sam", born, Contract::new(20 * 60, "12.71".parse()?));
/// let plan = Plan::new(RotaPeriod::new(monday, 1, London), vec![ava], vec![sam])
///     .with_rules(Rules::default().with_week_count(WeekCount::Clipped));
/// let planned = plan.solve(&SolverConfig::default())?;
/// assert_eq!(planned.rota.unfilled_seats(), 0);
/// assert_eq!(planned.report.score, planned.rota.score);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// A struct literal is refused outside the crate (the type may grow);
/// [`Plan::new`] and the `with_*` methods say the same:
///
/// ```compile_fail,E0639
/// use perfect_week::chrono::NaiveDate;
/// use perfect_week::chrono_tz::Europe::London;
/// use perfect_week::{Changes, Plan, PlanOptions, RotaPeriod};
///
/// let monday = NaiveDate::from_ymd_opt(2026, 10, 12).unwrap_or_default();
/// let plan = Plan {
///     period: RotaPeriod::new(monday, 1, London),
///     people: vec![],
///     workers: vec![],
///     service: None,
///     history: vec![],
///     requests: vec![],
///     changes: Changes::default(),
///     options: PlanOptions::default(),
/// };
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Plan {
    /// The dates the rota covers, and their zone.
    pub period: RotaPeriod,
    /// The people supported, each with their perfect week and fund.
    pub people: Vec<PersonPlan>,
    /// The workers who may support them.
    pub workers: Vec<Worker>,
    /// The service whose core shifts are rostered too, if any.
    #[serde(default)]
    pub service: Option<CorePlan>,
    /// Work before the period that rest and average-week rules look back on.
    #[serde(default)]
    pub history: Vec<WorkerRecord>,
    /// Workers' requests to work or not work on a date.
    #[serde(default)]
    pub requests: Vec<WorkerRequest>,
    /// Changes against the perfect weeks for this period: sessions cancelled,
    /// moved or added.
    #[serde(default)]
    pub changes: Changes,
    /// Rules, weights and compiler settings.
    #[serde(default)]
    pub options: PlanOptions,
}

/// One person's part of a plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PersonPlan {
    /// The person, with their matching profile.
    pub person: Person,
    /// Their perfect week.
    pub week: PerfectWeek,
    /// The fund that pays for their flexi support, if any.
    #[serde(default)]
    pub fund: Option<Fund>,
}

/// A service whose core shifts are rostered with the people's activities:
/// its weekly pattern ([`Service::core`]) and core shifts on single dates.
/// Made with [`CorePlan::new`], [`CorePlan::with_budget_per_week`] and
/// [`CorePlan::with_dated_shift`].
///
/// Only the core pattern of the service is needed to plan (see
/// [`Service::validate_core`]); residents and the flexi pool are for sharing
/// its cost.
///
/// **Rate cards.** An empty [`RateCardSet`] is allowed: core shifts on a
/// date with no card in force are then charged nothing (so a core budget
/// constrains nothing on those dates), while a person's activity funded by
/// the core ([`Funding::Core`](crate::week::Funding::Core)) needs a card in
/// force on each of its dates, and validation names every date that has
/// none.
///
/// **Dated shifts** are checked as the weekly pattern's are: workers, an
/// end other than the start, the length its kind allows (20:00–19:00 is 23
/// hours, too long for a day or a waking night), and that some worker holds
/// each skill it needs. Their date must be in the rota period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CorePlan {
    /// The service and its weekly core pattern.
    pub service: Service,
    /// The rate cards core shifts are costed by.
    #[serde(default)]
    pub rate_cards: RateCardSet,
    /// The core budget per week, if core shifts must fit one.
    #[serde(with = "rust_decimal::serde::str_option", default)]
    pub budget_per_week: Option<Decimal>,
    /// Core shifts on one date each, beside the weekly pattern (an extra
    /// waking night over Christmas).
    #[serde(default)]
    pub dated: Vec<DatedCoreShift>,
}

/// A core shift on one date only. Its session is
/// `core/{service}/{shift}/{date}`, like a weekly shift's on that date, so
/// its id must not be a weekly shift's; the same id may be used on other
/// dates (an extra waking night on the 24th and the 31st), but not twice on
/// one date. Make the shift with [`CoreShiftTemplate::dated`] and add it
/// with [`CorePlan::with_dated_shift`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DatedCoreShift {
    /// The local date it starts on, inside the rota period.
    pub date: NaiveDate,
    /// The shift (its `weekdays` are ignored: the date says it).
    pub shift: CoreShiftTemplate,
}

impl DatedCoreShift {
    /// `shift` on `date` only.
    pub fn new(date: NaiveDate, shift: CoreShiftTemplate) -> Self {
        Self { date, shift }
    }
}

impl CorePlan {
    /// The core shifts of `service`, costed by `rate_cards`, with no core
    /// budget and no dated shifts.
    pub fn new(service: Service, rate_cards: RateCardSet) -> Self {
        Self {
            service,
            rate_cards,
            budget_per_week: None,
            dated: Vec::new(),
        }
    }

    /// The same plan within a core budget per week.
    pub fn with_budget_per_week(mut self, budget: Decimal) -> Self {
        self.budget_per_week = Some(budget);
        self
    }

    /// The same plan with one more core shift on one date.
    pub fn with_dated_shift(mut self, date: NaiveDate, shift: CoreShiftTemplate) -> Self {
        self.dated.push(DatedCoreShift::new(date, shift));
        self
    }

    /// Every core shift of the period, weekly and dated, with its date, in
    /// order of shift then date for weekly ones, then the dated ones.
    pub(super) fn shifts_on<'a>(
        &'a self,
        dates: &'a [NaiveDate],
    ) -> impl Iterator<Item = (NaiveDate, &'a CoreShiftTemplate)> + 'a {
        let weekly = self.service.core.iter().flat_map(move |shift| {
            dates
                .iter()
                .filter(move |d| shift.weekdays.contains(&d.weekday()))
                .map(move |&d| (d, shift))
        });
        let dated = self
            .dated
            .iter()
            .filter(move |d| dates.contains(&d.date))
            .map(|d| (d.date, &d.shift));
        weekly.chain(dated)
    }
}

/// A worker's work before the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WorkerRecord {
    /// The worker.
    pub worker: WorkerId,
    /// Minutes worked in the reference period before the rota.
    pub minutes: i64,
    /// Days in that reference period.
    pub days: i64,
    /// When their last shift before the rota ended.
    #[serde(default)]
    pub last_end: Option<DateTime<Utc>>,
    /// Days worked in a row up to the day before the rota.
    #[serde(default)]
    pub consecutive_days_before: u32,
}

/// A worker's request to work or not work on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WorkerRequest {
    /// The worker.
    pub worker: WorkerId,
    /// The date.
    pub date: NaiveDate,
    /// Work or not.
    pub want: Want,
    /// How much it matters (soft penalty when not met).
    pub weight: i64,
}

/// Changes to the perfect weeks for one period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Changes {
    /// Sessions that will not happen, by the id of their [`SessionRef`].
    #[serde(default)]
    pub cancelled: Vec<SessionId>,
    /// Sessions that move to another start on the same date.
    #[serde(default)]
    pub moved: Vec<MovedSession>,
    /// One-off activities on a date.
    #[serde(default)]
    pub added: Vec<OneOff>,
    /// Workers who cannot work on some dates (off sick, say).
    #[serde(default)]
    pub absences: Vec<Absence>,
}

/// A session moved to another local start on its date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MovedSession {
    /// The session.
    pub session: SessionId,
    /// Its new local start.
    pub start: NaiveTime,
}

/// A one-off activity on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OneOff {
    /// Whose.
    pub person: PersonId,
    /// The date.
    pub date: NaiveDate,
    /// The activity (its `day` is ignored: the date says it).
    pub activity: Activity,
}

/// A worker who cannot work from one date to another, inclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Absence {
    /// The worker.
    pub worker: WorkerId,
    /// First date.
    pub from: NaiveDate,
    /// Last date.
    pub to: NaiveDate,
}

/// Rules, weights and the compiler's settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct PlanOptions {
    /// The hard rules (Working Time Regulations defaults).
    pub rules: Rules,
    /// The soft weights.
    pub weights: Weights,
    /// The night period, local times (23:00–06:00).
    pub night: (NaiveTime, NaiveTime),
    /// The period young workers may not work, local times (22:00–06:00).
    pub young_night: (NaiveTime, NaiveTime),
    /// Penalty per desirable characteristic or shared interest a worker lacks.
    pub match_point: i64,
    /// Most sessions of a kind per worker over the period, for every worker
    /// (kinds: `support`, `waking-night`, `sleep-in`, or a core shift's kind).
    pub max_per_kind: Vec<(KindId, u32)>,
    /// The legal pay floors by age, dated: [`Plan::validate`] checks each
    /// worker's pay against the floors in force on every date of the period
    /// (dates before the table's first floors are not checked). England's
    /// National Living Wage bands by default.
    pub pay_floors: PayFloorTable,
}

impl Default for PlanOptions {
    fn default() -> Self {
        let time = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap_or(NaiveTime::MIN);
        Self {
            rules: Rules::default(),
            weights: Weights::default(),
            night: (time(23), time(6)),
            young_night: (time(22), time(6)),
            match_point: 30,
            max_per_kind: Vec::new(),
            pay_floors: PayFloorTable::england(),
        }
    }
}

/// Why a plan could not be planned.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum PlanError {
    /// The plan's data has problems; every one found is listed.
    #[error("the plan has problems:\n{0}")]
    Invalid(#[from] ValidationErrors),
    /// The solver refused the problem the plan compiled into. Validation
    /// refuses every plan the solver would (a property test holds the two
    /// to that), so this is a fault of the crate, not of the plan: the
    /// message says so.
    #[error(
        "the plan validated but the solver refused it ({0}); this is a fault in perfect-week, please report it with the plan"
    )]
    Solver(#[from] ProblemError),
    /// A rota or session asked about is not this plan's: the error names
    /// the session or worker the plan does not have.
    #[error("not in this plan: {0}")]
    NotInPlan(ProblemError),
}

impl PersonPlan {
    /// A person's part of a plan.
    pub fn new(person: Person, week: PerfectWeek, fund: Option<Fund>) -> Self {
        Self { person, week, fund }
    }
}

impl Plan {
    /// A plan for `people` and `workers` over `period`, with no service, no
    /// history, no requests, no changes and the default options.
    pub fn new(period: RotaPeriod, people: Vec<PersonPlan>, workers: Vec<Worker>) -> Self {
        Self {
            period,
            people,
            workers,
            service: None,
            history: Vec::new(),
            requests: Vec::new(),
            changes: Changes::default(),
            options: PlanOptions::default(),
        }
    }

    /// Validates the plan and compiles it into the solver's problem.
    pub fn compile(&self) -> Result<CompiledPlan, PlanError> {
        self.validate()?;
        Compiler::new(self).compile()
    }
}
