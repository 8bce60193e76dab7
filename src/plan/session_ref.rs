//! Which session a [`SessionId`] of a plan names.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::ids::{ActivityId, CoreShiftId, PersonId, ServiceId, SessionId};

/// A session of a plan, by what it is: the one place that says how a plan's
/// session ids are made. [`RotaEntry::session`](crate::RotaEntry::session),
/// [`Changes`](super::Changes), re-planning and explanations all use the
/// [`SessionId`] it gives ([`SessionRef::id`]).
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
