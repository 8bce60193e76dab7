//! Constructors and `with_*` builders of the problem's types.
//!
//! [`Problem`], [`Day`], [`Session`], [`Placement`] and [`Employee`] are
//! `#[non_exhaustive]`: outside the crate they are built here, starting from
//! the defaults that JSON gives a field it leaves out, and saying only what
//! differs. Methods named for a list (`requiring`, `with_budgets`, …) add to
//! it; the others replace the value.

use chrono::NaiveDate;

use super::{
    Assignment, Budget, Cover, Day, Employee, HeldTag, Interval, Minute, Placement, Problem,
    Request, Roster, Rules, Session, Weights, WorkerHistory, WorkerLimits,
};
use crate::ids::{BudgetId, KindId, PersonId, PlaceId, SeriesId, SessionId, Tag, WorkerId};

impl Problem {
    /// A problem over `days` with the default rules and weights, and no
    /// budgets, pins or baseline.
    ///
    /// ```
    /// use perfect_week::chrono::NaiveDate;
    /// use perfect_week::solver::{Budget, Day, Problem, Rules};
    ///
    /// let monday = NaiveDate::from_ymd_opt(2026, 1, 5).ok_or("date")?;
    /// let problem = Problem::new(Day::run_from(monday, 7), vec![], vec![])
    ///     .with_rules(Rules::none())
    ///     .with_budgets([Budget { id: "ann".into(), cap: 10_000 }]);
    /// assert_eq!(problem.budgets.len(), 1);
    /// assert!(problem.baseline.is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(days: Vec<Day>, sessions: Vec<Session>, workers: Vec<Employee>) -> Self {
        Self {
            days,
            sessions,
            workers,
            rules: Rules::default(),
            weights: Weights::default(),
            budgets: Vec::new(),
            pins: Vec::new(),
            baseline: None,
        }
    }

    /// The same problem under `rules`.
    pub fn with_rules(mut self, rules: Rules) -> Self {
        self.rules = rules;
        self
    }

    /// The same problem with `weights` on the soft constraints.
    pub fn with_weights(mut self, weights: Weights) -> Self {
        self.weights = weights;
        self
    }

    /// The same problem with these budgets added.
    pub fn with_budgets(mut self, budgets: impl IntoIterator<Item = Budget>) -> Self {
        self.budgets.extend(budgets);
        self
    }

    /// The same problem with these assignments pinned as well.
    pub fn with_pins(mut self, pins: impl IntoIterator<Item = Assignment>) -> Self {
        self.pins.extend(pins);
        self
    }

    /// The same problem re-planned against a published `baseline`.
    pub fn with_baseline(mut self, baseline: Roster) -> Self {
        self.baseline = Some(baseline);
        self
    }
}

impl Day {
    /// The local `date`, beginning at elapsed minute `start` and ending at
    /// `end` (23 or 25 hours after it on the day of a clock change).
    ///
    /// ```
    /// use perfect_week::chrono::NaiveDate;
    /// use perfect_week::solver::Day;
    ///
    /// // The Sunday the clocks go forward in the UK: 23 hours long.
    /// let sunday = NaiveDate::from_ymd_opt(2026, 3, 29).ok_or("date")?;
    /// let day = Day::new(sunday, 1440, 1440 + 23 * 60);
    /// assert_eq!(day.end - day.start, 1380);
    /// assert!(day.is_weekend());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(date: NaiveDate, start: Minute, end: Minute) -> Self {
        Self { date, start, end }
    }

    /// `count` days from `first`, each 24 hours long from minute 0: the
    /// days of a zone with no clock change in them. (Around a clock change
    /// the plan gives each day its real length.)
    pub fn run_from(first: NaiveDate, count: usize) -> Vec<Day> {
        first
            .iter_days()
            .take(count)
            .zip(0i64..)
            .map(|(date, i)| Day::new(date, i * 1440, (i + 1) * 1440))
            .collect()
    }
}

impl Session {
    /// A session needing `workers` at one of `placements`, with no kind,
    /// place, person, series, tags, refusals, preferences or budget, and
    /// priority 1 (what JSON leaves out gives the same).
    ///
    /// ```
    /// use perfect_week::solver::{Placement, Session};
    ///
    /// let visit = Session::new("ann/shopping/mon", vec![Placement::new(0, 600, 720)], 1)
    ///     .with_person("ann")
    ///     .with_kind("day")
    ///     .requiring("driving")
    ///     .refusing("bob")
    ///     .with_priority(3);
    /// assert_eq!(visit.requires.len(), 1);
    /// assert_eq!(visit.refused.len(), 1);
    /// assert!(visit.place.is_none());
    /// ```
    pub fn new(id: impl Into<SessionId>, placements: Vec<Placement>, workers: u32) -> Self {
        Self {
            id: id.into(),
            placements,
            cover: Cover::Required { workers },
            kind: None,
            place: None,
            person: None,
            series: None,
            requires: Vec::new(),
            refused: Vec::new(),
            preferred: Vec::new(),
            worker_penalties: Vec::new(),
            budget: None,
            priority: 1,
        }
    }

    /// The same session covered as `cover` says (instead of the
    /// `Cover::Required` that [`Session::new`] gives).
    pub fn with_cover(mut self, cover: Cover) -> Self {
        self.cover = cover;
        self
    }

    /// The same session of kind `kind`.
    pub fn with_kind(mut self, kind: impl Into<KindId>) -> Self {
        self.kind = Some(kind.into());
        self
    }

    /// The same session at `place`.
    pub fn with_place(mut self, place: impl Into<PlaceId>) -> Self {
        self.place = Some(place.into());
        self
    }

    /// The same session supporting `person`.
    pub fn with_person(mut self, person: impl Into<PersonId>) -> Self {
        self.person = Some(person.into());
        self
    }

    /// The same session in the recurring activity `series`.
    pub fn with_series(mut self, series: impl Into<SeriesId>) -> Self {
        self.series = Some(series.into());
        self
    }

    /// The same session needing `tag` of every worker as well.
    pub fn requiring(mut self, tag: impl Into<Tag>) -> Self {
        self.requires.push(tag.into());
        self
    }

    /// The same session that `worker` must never cover either.
    pub fn refusing(mut self, worker: impl Into<WorkerId>) -> Self {
        self.refused.push(worker.into());
        self
    }

    /// The same session with `worker` among the preferred workers.
    pub fn preferring(mut self, worker: impl Into<WorkerId>) -> Self {
        self.preferred.push(worker.into());
        self
    }

    /// The same session with a soft `penalty` for `worker` as well.
    pub fn with_worker_penalty(mut self, worker: impl Into<WorkerId>, penalty: i64) -> Self {
        self.worker_penalties.push((worker.into(), penalty));
        self
    }

    /// The same session charged to `budget`.
    pub fn with_budget(mut self, budget: impl Into<BudgetId>) -> Self {
        self.budget = Some(budget.into());
        self
    }

    /// The same session with `priority` per unfilled minute (at least 1).
    pub fn with_priority(mut self, priority: i64) -> Self {
        self.priority = priority;
        self
    }
}

impl Placement {
    /// A placement on `day` from `start` to `end`, with no night or
    /// restricted minutes, no charge and no penalty.
    ///
    /// ```
    /// use perfect_week::solver::Placement;
    ///
    /// // 22:00–07:00 on day 0: seven hours of night, eight restricted for young workers.
    /// let night = Placement::new(0, 22 * 60, 31 * 60)
    ///     .with_night_minutes(7 * 60)
    ///     .with_young_restricted_minutes(8 * 60)
    ///     .with_charge(14_000);
    /// assert_eq!(night.minutes(), 540);
    /// assert!(night.is_night(180));
    /// assert_eq!(night.penalty, 0);
    /// ```
    pub fn new(day: usize, start: Minute, end: Minute) -> Self {
        Self {
            day,
            start,
            end,
            night_minutes: 0,
            young_restricted_minutes: 0,
            charge: 0,
            penalty: 0,
        }
    }

    /// The same placement with `minutes` in the night period.
    pub fn with_night_minutes(mut self, minutes: u32) -> Self {
        self.night_minutes = minutes;
        self
    }

    /// The same placement with `minutes` young workers may not work.
    pub fn with_young_restricted_minutes(mut self, minutes: u32) -> Self {
        self.young_restricted_minutes = minutes;
        self
    }

    /// The same placement charging `pence` per assigned worker.
    pub fn with_charge(mut self, pence: i64) -> Self {
        self.charge = pence;
        self
    }

    /// The same placement with a soft `penalty` for choosing it.
    pub fn with_penalty(mut self, penalty: i64) -> Self {
        self.penalty = penalty;
        self
    }
}

impl Employee {
    /// A worker with no tags, days off, unavailability or limits, always
    /// available, not young, not opted out, paid nothing (what JSON leaves
    /// out gives the same).
    ///
    /// ```
    /// use perfect_week::solver::{Employee, WorkerLimits};
    ///
    /// let sam = Employee::new("sam")
    ///     .with_tag("driving")
    ///     .with_days_off([5, 6])
    ///     .with_pay_per_hour(1_271)
    ///     .with_limits(WorkerLimits { max_minutes_per_week: Some(37 * 60 + 30), ..WorkerLimits::default() });
    /// assert_eq!(sam.tags.len(), 1);
    /// assert!(!sam.young);
    /// ```
    pub fn new(id: impl Into<WorkerId>) -> Self {
        Self {
            id: id.into(),
            tags: Vec::new(),
            days_off: Vec::new(),
            unavailable: Vec::new(),
            available: None,
            young: false,
            opted_out: false,
            pay_per_hour: 0,
            limits: WorkerLimits::default(),
            history: WorkerHistory::default(),
            requests: Vec::new(),
        }
    }

    /// The same worker holding `tag` on every day as well.
    pub fn with_tag(self, tag: impl Into<Tag>) -> Self {
        self.with_held_tag(HeldTag::always(tag))
    }

    /// The same worker holding `tag` (valid on the days it says) as well.
    pub fn with_held_tag(mut self, tag: HeldTag) -> Self {
        self.tags.push(tag);
        self
    }

    /// The same worker with these days (indices into [`Problem::days`]) off
    /// as well.
    pub fn with_days_off(mut self, days: impl IntoIterator<Item = usize>) -> Self {
        self.days_off.extend(days);
        self
    }

    /// The same worker unavailable during `interval` as well.
    pub fn with_unavailable(mut self, interval: Interval) -> Self {
        self.unavailable.push(interval);
        self
    }

    /// The same worker available only inside these intervals.
    pub fn with_available(mut self, intervals: Vec<Interval>) -> Self {
        self.available = Some(intervals);
        self
    }

    /// The same worker, with the young-worker rules applying or not.
    pub fn with_young(mut self, young: bool) -> Self {
        self.young = young;
        self
    }

    /// The same worker, opted out of the 48-hour average week or not.
    pub fn with_opted_out(mut self, opted_out: bool) -> Self {
        self.opted_out = opted_out;
        self
    }

    /// The same worker paid `pence` an hour.
    pub fn with_pay_per_hour(mut self, pence: i64) -> Self {
        self.pay_per_hour = pence;
        self
    }

    /// The same worker under their own `limits`.
    pub fn with_limits(mut self, limits: WorkerLimits) -> Self {
        self.limits = limits;
        self
    }

    /// The same worker with `history` before the horizon.
    pub fn with_history(mut self, history: WorkerHistory) -> Self {
        self.history = history;
        self
    }

    /// The same worker with `request` as well.
    pub fn with_request(mut self, request: Request) -> Self {
        self.requests.push(request);
        self
    }
}
