//! The checks of a plan beyond each part's own `validate`: rules and
//! weights, workers' ages, the period's room in the calendar, funds' hours,
//! the kinds named by options, and skills that core shifts ask for. Each
//! problem names the offending item, so that nothing the solver would refuse
//! (or misread) reaches it.

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;

use crate::error::ValidationError;
use crate::ids::{KindId, SkillId};
use crate::solver::{Rules, Weights};

use super::{CorePlan, Plan};

/// The least age at which a worker may be rostered. Under 16 a person is of
/// compulsory school age in England and cannot be employed in care work;
/// the Working Time Regulations' young-worker rules apply from 16 to 17.
pub const MIN_WORKER_AGE: u32 = 16;

/// The kinds of session a plan has, as [`PlanOptions::max_per_kind`] and
/// [`Rules::forbidden_successions`] name them: `support`, `waking-night` and
/// `sleep-in` for a person's activities by how they are charged, `core-day`,
/// `waking-night`, `sleep-in` and `on-call` for core shifts by their kind.
///
/// [`PlanOptions::max_per_kind`]: super::PlanOptions::max_per_kind
pub const KINDS: [&str; 5] = ["support", "waking-night", "sleep-in", "core-day", "on-call"];

/// The longest weekly-rest block, in days, a plan accepts (the Regulations
/// know 7 and 14).
pub const MAX_WEEKLY_REST_DAYS: usize = 28;

/// Hours in a week: a fund cannot pay more hours a week than there are,
/// times the most workers at once any of the person's activities needs.
const HOURS_PER_WEEK: i64 = 7 * 24;

fn out_of_range(item: impl Into<String>, value: impl ToString, expected: &str) -> ValidationError {
    ValidationError::OutOfRange {
        item: item.into(),
        value: value.to_string(),
        expected: expected.into(),
    }
}

/// Rules a plan may carry: no negative minutes, a weekly-rest block of 1 to
/// [`MAX_WEEKLY_REST_DAYS`] days, only known kinds in forbidden successions.
pub(super) fn check_rules(rules: &Rules, errors: &mut Vec<ValidationError>) {
    let minutes = "0 minutes or more";
    let mut not_negative = |name: &str, value: i64| {
        if value < 0 {
            errors.push(out_of_range(format!("rule {name}"), value, minutes));
        }
    };
    not_negative("travel_minutes", rules.travel_minutes);
    if let Some(rest) = rules.daily_rest {
        not_negative("daily_rest.minutes", rest.minutes);
        not_negative("daily_rest.young_minutes", rest.young_minutes);
    }
    if let Some(rest) = rules.weekly_rest {
        not_negative("weekly_rest.minutes", rest.minutes);
        not_negative("weekly_rest.young_minutes", rest.young_minutes);
    }
    if let Some(average) = rules.average_week {
        not_negative("average_week.max_minutes", average.max_minutes);
    }
    if let Some(night) = rules.night {
        not_negative(
            "night.max_average_minutes_per_day",
            night.max_average_minutes_per_day,
        );
        if let Some(most) = night.max_night_session_minutes {
            not_negative("night.max_night_session_minutes", most);
        }
    }
    if let Some(young) = rules.young {
        not_negative("young.max_minutes_per_day", young.max_minutes_per_day);
        not_negative("young.max_minutes_per_week", young.max_minutes_per_week);
    }
    if let Some(rest) = rules.weekly_rest
        && !(1..=MAX_WEEKLY_REST_DAYS).contains(&rest.period_days)
    {
        errors.push(out_of_range(
            "rule weekly_rest.period_days",
            rest.period_days,
            &format!("1 to {MAX_WEEKLY_REST_DAYS} days"),
        ));
    }
    for (first, then) in &rules.forbidden_successions {
        for kind in [first, then] {
            check_kind("rule forbidden_successions", kind, errors);
        }
    }
}

/// Weights a plan may carry: none negative.
pub(super) fn check_weights(
    weights: &Weights,
    match_point: i64,
    errors: &mut Vec<ValidationError>,
) {
    let named = weights.named();
    let fairness = weights.fairness.iter().map(|f| ("fairness", f.weight));
    let by_session = weights
        .stability_by_session
        .iter()
        .map(|(_, w)| ("stability_by_session", *w));
    for (name, value) in named.into_iter().chain(fairness).chain(by_session) {
        if value < 0 {
            errors.push(out_of_range(
                format!("weight {name}"),
                value,
                "a weight of zero or more",
            ));
        }
    }
    if match_point < 0 {
        errors.push(out_of_range(
            "option match_point",
            match_point,
            "a penalty of zero or more",
        ));
    }
}

/// `kind` is one of [`KINDS`], or the item naming it is an error.
pub(super) fn check_kind(item: &str, kind: &KindId, errors: &mut Vec<ValidationError>) {
    if !KINDS.contains(&kind.as_str()) {
        errors.push(ValidationError::UnknownId {
            item: format!("{item} (kinds: {})", KINDS.join(", ")),
            id: kind.to_string(),
        });
    }
}

impl Plan {
    /// The checks of this module on the whole plan.
    pub(super) fn check_more(&self, errors: &mut Vec<ValidationError>) {
        check_rules(&self.options.rules, errors);
        check_weights(&self.options.weights, self.options.match_point, errors);
        for (kind, _) in &self.options.max_per_kind {
            check_kind("option max_per_kind", kind, errors);
        }
        self.check_calendar(errors);
        for worker in &self.workers {
            let age = worker.age_on(self.period.start);
            if age < MIN_WORKER_AGE {
                errors.push(ValidationError::TooYoung {
                    worker: worker.id.to_string(),
                    age,
                    least: MIN_WORKER_AGE,
                    date: self.period.start,
                });
            }
        }
        for plan in &self.people {
            let Some(fund) = &plan.fund else { continue };
            let Some(per_week) = fund.flexi_hours() else {
                continue;
            };
            let ratio = plan
                .week
                .activities
                .iter()
                .map(|a| i64::from(a.support.workers))
                .max()
                .unwrap_or(1)
                .max(1);
            let most = Decimal::from(HOURS_PER_WEEK * ratio);
            if per_week > most {
                errors.push(ValidationError::ExceedsLimit {
                    item: format!("person \"{}\" fund hours per week", plan.person.id),
                    value: per_week.to_string(),
                    limit: format!(
                        "{most} (168 hours a week times the {ratio} worker(s) its activities need at most)"
                    ),
                });
            }
        }
        if let Some(core) = &self.service {
            self.check_core_skills(core, errors);
        }
    }

    /// The period's dates, and the day after its last (where a night
    /// session ends), exist in the calendar.
    fn check_calendar(&self, errors: &mut Vec<ValidationError>) {
        let days = u64::from(self.period.weeks) * 7;
        if self
            .period
            .start
            .checked_add_days(Days::new(days))
            .is_none()
        {
            errors.push(out_of_range(
                "rota period start",
                self.period.start,
                &format!(
                    "a date with {} whole week(s) and a day after it before {}",
                    self.period.weeks,
                    NaiveDate::MAX
                ),
            ));
        }
    }

    /// Every skill a core shift asks for is held by some worker (on some
    /// date), as for activities
    /// ([`PerfectWeek::check_skills_held`](crate::week::PerfectWeek::check_skills_held)).
    fn check_core_skills(&self, core: &CorePlan, errors: &mut Vec<ValidationError>) {
        let held = |skill: &SkillId| {
            self.workers
                .iter()
                .any(|w| w.qualifications.iter().any(|q| &q.skill == skill))
        };
        let weekly = core.service.core.iter().map(|s| (None, s));
        let dated = core.dated.iter().map(|d| (Some(d.date), &d.shift));
        for (date, shift) in weekly.chain(dated) {
            for skill in shift.required_skills.iter().filter(|s| !held(s)) {
                let on = date.map(|d| format!(" on {d}")).unwrap_or_default();
                errors.push(ValidationError::Missing {
                    item: format!(
                        "service \"{}\" core shift \"{}\"{on} skill \"{skill}\"",
                        core.service.id, shift.id
                    ),
                    what: "a worker holding it".into(),
                });
            }
        }
    }
}
