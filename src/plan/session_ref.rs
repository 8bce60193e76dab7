//! Which session a [`SessionId`] of a plan names.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::ValidationError;
use crate::ids::{ActivityId, CoreShiftId, PersonId, ServiceId, SessionId};

/// A session of a plan, by what it is: the one place that says how a plan's
/// session ids are made. [`RotaEntry::session`](crate::RotaEntry::session),
/// [`Changes`](super::Changes), re-planning and explanations all use the
/// [`SessionId`] it gives ([`SessionRef::id`]), and [`SessionRef::parse`]
/// reads one back (a rota entry's, say). The ids it joins may not hold a `/` (plan validation refuses
/// one), so every id names one session and reads back as it.
///
/// ```
/// use perfect_week::SessionRef;
/// use perfect_week::chrono::NaiveDate;
///
/// let date = NaiveDate::from_ymd_opt(2026, 3, 24).ok_or("date")?;
/// let swim = SessionRef::activity("ava", "swim", date);
/// assert_eq!(swim.id().as_str(), "ava/swim/2026-03-24");
/// let night = SessionRef::core("riverside", "night", date);
/// assert_eq!(night.id().as_str(), "core/riverside/night/2026-03-24");
/// assert_eq!(SessionRef::parse(&night.id()), Some(night));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum SessionRef {
    /// A person's activity on a date, weekly or one-off: id
    /// `{person}/{activity}/{date}`.
    Activity {
        /// Whose.
        person: PersonId,
        /// The activity of their week (or the one-off's).
        activity: ActivityId,
        /// The local date it starts on.
        date: NaiveDate,
    },
    /// A service's core shift on a date, weekly or dated: id
    /// `core/{service}/{shift}/{date}`.
    Core {
        /// The service.
        service: ServiceId,
        /// The shift of its pattern (or the dated shift's id).
        shift: CoreShiftId,
        /// The local date it starts on.
        date: NaiveDate,
    },
}

impl SessionRef {
    /// A person's activity on `date`.
    pub fn activity(
        person: impl Into<PersonId>,
        activity: impl Into<ActivityId>,
        date: NaiveDate,
    ) -> Self {
        Self::Activity {
            person: person.into(),
            activity: activity.into(),
            date,
        }
    }

    /// A service's core shift on `date`.
    pub fn core(
        service: impl Into<ServiceId>,
        shift: impl Into<CoreShiftId>,
        date: NaiveDate,
    ) -> Self {
        Self::Core {
            service: service.into(),
            shift: shift.into(),
            date,
        }
    }

    /// The session's id in the plan, its rota and its changes.
    pub fn id(&self) -> SessionId {
        match self {
            Self::Activity {
                person,
                activity,
                date,
            } => SessionId::new(format!("{person}/{activity}/{date}")),
            Self::Core {
                service,
                shift,
                date,
            } => SessionId::new(format!("core/{service}/{shift}/{date}")),
        }
    }

    /// The session an id of a plan names (the inverse of
    /// [`SessionRef::id`]); `None` for an id of another shape, such as one
    /// a solver problem made outside a plan.
    pub fn parse(id: &SessionId) -> Option<Self> {
        let parts: Vec<&str> = id.as_str().split('/').collect();
        match parts.as_slice() {
            ["core", service, shift, date] => {
                Some(Self::core(*service, *shift, date.parse().ok()?))
            }
            [person, activity, date] => {
                Some(Self::activity(*person, *activity, date.parse().ok()?))
            }
            _ => None,
        }
    }

    /// The date it starts on.
    pub fn date(&self) -> NaiveDate {
        match self {
            Self::Activity { date, .. } | Self::Core { date, .. } => *date,
        }
    }
}

impl From<SessionRef> for SessionId {
    fn from(session: SessionRef) -> Self {
        session.id()
    }
}

/// Every id of `plan` that a session id is made of (people, activities,
/// one-offs, the service, its weekly and dated shifts) and holds a `/`: a
/// session id joins them with `/`, so one would make it name two sessions.
pub(crate) fn check_id_parts(plan: &super::Plan, errors: &mut Vec<ValidationError>) {
    let mut check = |item: String, id: &str| {
        if id.contains('/') {
            errors.push(ValidationError::OutOfRange {
                item,
                value: id.to_owned(),
                expected: "an id without \"/\" (session ids join ids with it)".into(),
            });
        }
    };
    for person in &plan.people {
        let who = &person.person.id;
        check(format!("person \"{who}\" id"), who.as_str());
        for activity in &person.week.activities {
            check(
                format!("person \"{who}\" activity id"),
                activity.id.as_str(),
            );
        }
    }
    for one_off in &plan.changes.added {
        check(
            format!("one-off activity of person \"{}\" id", one_off.person),
            one_off.activity.id.as_str(),
        );
    }
    if let Some(core) = &plan.service {
        let service = &core.service.id;
        check(format!("service \"{service}\" id"), service.as_str());
        let shifts = core
            .service
            .core
            .iter()
            .chain(core.dated.iter().map(|d| &d.shift));
        for shift in shifts {
            check(
                format!("service \"{service}\" core shift id"),
                shift.id.as_str(),
            );
        }
    }
}
