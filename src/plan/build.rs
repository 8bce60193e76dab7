//! Constructors and `with_*` methods for everything a plan is made of, so
//! that a plan is written without a struct literal: the plan itself, its
//! changes, history, requests and options, and the rules and weights the
//! options carry.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use crate::ids::{KindId, PersonId, SessionId, WorkerId};
use crate::money::PayFloorTable;
use crate::solver::{
    AverageWeek, Boundary, DailyRest, Fairness, NightRules, Rules, Want, WeekCount, WeeklyRest,
    Weights, YoungRules,
};
use crate::week::Activity;

use super::{
    Absence, Changes, CorePlan, MovedSession, OneOff, Plan, PlanOptions, WorkerRecord,
    WorkerRequest,
};

impl Plan {
    /// The same plan rostering the core shifts of `service` too.
    pub fn with_service(mut self, service: CorePlan) -> Self {
        self.service = Some(service);
        self
    }

    /// The same plan with a worker's work before the period.
    pub fn with_history(mut self, record: WorkerRecord) -> Self {
        self.history.push(record);
        self
    }

    /// The same plan with a worker's request to work or not on a date.
    pub fn with_request(mut self, request: WorkerRequest) -> Self {
        self.requests.push(request);
        self
    }

    /// The same plan with `changes` to the perfect weeks for its period (in
    /// place of any given before).
    pub fn with_changes(mut self, changes: Changes) -> Self {
        self.changes = changes;
        self
    }

    /// The same plan with `options` (in place of the defaults).
    pub fn with_options(mut self, options: PlanOptions) -> Self {
        self.options = options;
        self
    }

    /// The same plan with the hard `rules` in its options.
    pub fn with_rules(mut self, rules: Rules) -> Self {
        self.options.rules = rules;
        self
    }
}

impl PlanOptions {
    /// The same options with the hard `rules`.
    pub fn with_rules(mut self, rules: Rules) -> Self {
        self.rules = rules;
        self
    }

    /// The same options with the soft `weights`.
    pub fn with_weights(mut self, weights: Weights) -> Self {
        self.weights = weights;
        self
    }

    /// The same options with the night period, local times.
    pub fn with_night(mut self, from: NaiveTime, to: NaiveTime) -> Self {
        self.night = (from, to);
        self
    }

    /// The same options with the period young workers may not work.
    pub fn with_young_night(mut self, from: NaiveTime, to: NaiveTime) -> Self {
        self.young_night = (from, to);
        self
    }

    /// The same options with another penalty per desirable characteristic
    /// or shared interest a worker lacks.
    pub fn with_match_point(mut self, points: i64) -> Self {
        self.match_point = points;
        self
    }

    /// The same options allowing each worker at most `most` sessions of
    /// `kind` over the period (one of [`KINDS`](super::KINDS)).
    pub fn with_max_per_kind(mut self, kind: impl Into<KindId>, most: u32) -> Self {
        self.max_per_kind.push((kind.into(), most));
        self
    }

    /// The same options with other legal pay floors.
    pub fn with_pay_floors(mut self, floors: PayFloorTable) -> Self {
        self.pay_floors = floors;
        self
    }
}

impl Changes {
    /// No change: the perfect weeks as they are. The same as
    /// [`Changes::default`].
    pub fn new() -> Self {
        Self::default()
    }

    /// The same changes, `session` cancelled (the id of its
    /// [`SessionRef`](super::SessionRef)).
    pub fn with_cancelled(mut self, session: impl Into<SessionId>) -> Self {
        self.cancelled.push(session.into());
        self
    }

    /// The same changes, `session` moved to local `start` on its date.
    pub fn with_moved(mut self, session: impl Into<SessionId>, start: NaiveTime) -> Self {
        self.moved.push(MovedSession::new(session, start));
        self
    }

    /// The same changes with a one-off activity.
    pub fn with_added(mut self, one_off: OneOff) -> Self {
        self.added.push(one_off);
        self
    }

    /// The same changes with a worker absent.
    pub fn with_absence(mut self, absence: Absence) -> Self {
        self.absences.push(absence);
        self
    }
}

impl MovedSession {
    /// `session` moved to local `start` on its date.
    pub fn new(session: impl Into<SessionId>, start: NaiveTime) -> Self {
        Self {
            session: session.into(),
            start,
        }
    }
}

impl OneOff {
    /// `activity` for `person` on `date` only (its `day` is ignored).
    pub fn new(person: impl Into<PersonId>, date: NaiveDate, activity: Activity) -> Self {
        Self {
            person: person.into(),
            date,
            activity,
        }
    }
}

impl Absence {
    /// `worker` unable to work from `from` to `to`, both inclusive.
    pub fn new(worker: impl Into<WorkerId>, from: NaiveDate, to: NaiveDate) -> Self {
        Self {
            worker: worker.into(),
            from,
            to,
        }
    }
}

impl WorkerRecord {
    /// `worker` worked `minutes` over the `days` before the rota, with no
    /// last shift end known and no days worked in a row up to it.
    pub fn new(worker: impl Into<WorkerId>, minutes: i64, days: i64) -> Self {
        Self {
            worker: worker.into(),
            minutes,
            days,
            last_end: None,
            consecutive_days_before: 0,
        }
    }

    /// The same record with the end of the worker's last shift.
    pub fn with_last_end(mut self, end: DateTime<Utc>) -> Self {
        self.last_end = Some(end);
        self
    }

    /// The same record with the days worked in a row up to the rota.
    pub fn with_consecutive_days_before(mut self, days: u32) -> Self {
        self.consecutive_days_before = days;
        self
    }
}

impl WorkerRequest {
    /// `worker` wants (or not) to work on `date`; `weight` is the soft
    /// penalty when the rota does not grant it.
    pub fn new(worker: impl Into<WorkerId>, date: NaiveDate, want: Want, weight: i64) -> Self {
        Self {
            worker: worker.into(),
            date,
            want,
            weight,
        }
    }
}

impl Rules {
    /// The same rules with at most one session per worker per day, or not.
    pub fn with_one_session_per_day(mut self, on: bool) -> Self {
        self.one_session_per_day = on;
        self
    }

    /// The same rules with the least gap in minutes between sessions at
    /// different places.
    pub fn with_travel_minutes(mut self, minutes: i64) -> Self {
        self.travel_minutes = minutes;
        self
    }

    /// The same rules with `then` not to be worked the day after `first`
    /// (kinds as in [`KINDS`](super::KINDS)).
    pub fn with_forbidden_succession(
        mut self,
        first: impl Into<KindId>,
        then: impl Into<KindId>,
    ) -> Self {
        self.forbidden_successions.push((first.into(), then.into()));
        self
    }

    /// The same rules with another daily rest (`None`: off).
    pub fn with_daily_rest(mut self, rest: Option<DailyRest>) -> Self {
        self.daily_rest = rest;
        self
    }

    /// The same rules with another weekly rest (`None`: off).
    pub fn with_weekly_rest(mut self, rest: Option<WeeklyRest>) -> Self {
        self.weekly_rest = rest;
        self
    }

    /// The same rules with another average-week limit (`None`: off).
    pub fn with_average_week(mut self, average: Option<AverageWeek>) -> Self {
        self.average_week = average;
        self
    }

    /// The same rules with other night limits (`None`: off).
    pub fn with_night(mut self, night: Option<NightRules>) -> Self {
        self.night = night;
        self
    }

    /// The same rules with other young-worker limits (`None`: off; the
    /// no-night rule stays on for young workers).
    pub fn with_young(mut self, young: Option<YoungRules>) -> Self {
        self.young = young;
        self
    }

    /// The same rules with another reading of the horizon's edges.
    pub fn with_boundary(mut self, boundary: Boundary) -> Self {
        self.boundary = boundary;
        self
    }

    /// The same rules counting a session's minutes in rota weeks by
    /// `week_count`.
    pub fn with_week_count(mut self, week_count: WeekCount) -> Self {
        self.week_count = week_count;
        self
    }
}

impl DailyRest {
    /// At least `minutes` of rest in each 24 hours, `young_minutes` for
    /// young workers.
    pub fn new(minutes: i64, young_minutes: i64) -> Self {
        Self {
            minutes,
            young_minutes,
        }
    }
}

impl WeeklyRest {
    /// At least `minutes` of uninterrupted rest in each block of
    /// `period_days` days, `young_minutes` for young workers.
    pub fn new(period_days: usize, minutes: i64, young_minutes: i64) -> Self {
        Self {
            period_days,
            minutes,
            young_minutes,
        }
    }
}

impl AverageWeek {
    /// At most `max_minutes` per 7 days on average.
    pub fn new(max_minutes: i64) -> Self {
        Self { max_minutes }
    }
}

impl YoungRules {
    /// At most `max_minutes_per_day` a day and `max_minutes_per_week` a
    /// rota week for workers under 18.
    pub fn new(max_minutes_per_day: i64, max_minutes_per_week: i64) -> Self {
        Self {
            max_minutes_per_day,
            max_minutes_per_week,
        }
    }
}

impl NightRules {
    /// The same night rules with an absolute limit on a night session's
    /// length.
    pub fn with_max_night_session_minutes(mut self, minutes: i64) -> Self {
        self.max_night_session_minutes = Some(minutes);
        self
    }

    /// The same night rules with another average limit per day.
    pub fn with_max_average_minutes_per_day(mut self, minutes: i64) -> Self {
        self.max_average_minutes_per_day = minutes;
        self
    }
}

impl Fairness {
    /// Spread `measure` fairly over the workers, at `weight`.
    pub fn new(measure: crate::solver::Measure, weight: i64) -> Self {
        Self { measure, weight }
    }
}

impl Weights {
    /// The same weights with another weight per penny of pay.
    pub fn with_cost(mut self, weight: i64) -> Self {
        self.cost = weight;
        self
    }

    /// The same weights with another weight per minute changed against a
    /// re-plan's published rota.
    pub fn with_stability(mut self, weight: i64) -> Self {
        self.stability = weight;
        self
    }

    /// The same weights with other weights for continuity: per distinct
    /// worker beyond the first, per person and per recurring activity.
    pub fn with_continuity(mut self, per_person: i64, per_series: i64) -> Self {
        self.continuity_person = per_person;
        self.continuity_series = per_series;
        self
    }

    /// The same weights with another weight per minute of a seat filled by
    /// a worker the person did not prefer.
    pub fn with_not_preferred(mut self, weight: i64) -> Self {
        self.not_preferred = weight;
        self
    }

    /// The same weights with a fair-spread rule.
    pub fn with_fairness(mut self, fairness: Fairness) -> Self {
        self.fairness.push(fairness);
        self
    }
}
