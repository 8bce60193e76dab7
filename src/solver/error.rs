//! Errors for bad solver input: a problem or roster that cannot be solved or
//! checked as given. Each variant names the offending item.

use thiserror::Error;

use crate::ids::{BudgetId, SessionId, WorkerId};

/// A problem with a [`crate::solver::Problem`] or a
/// [`crate::solver::Roster`] given to the solver or the checker.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ProblemError {
    /// The horizon has no days, or not a whole number of weeks.
    #[error("the horizon has {days} days; it must be a whole number of weeks, at least one")]
    Horizon {
        /// Number of days given.
        days: usize,
    },
    /// Day `index` does not start where the previous one ended, or ends
    /// before it starts, or its date does not follow the previous date.
    #[error("day {index} does not follow the day before it (start, end or date)")]
    DayOrder {
        /// Index of the day.
        index: usize,
    },
    /// Two sessions share an id.
    #[error("session id \"{0}\" is used twice")]
    DuplicateSession(SessionId),
    /// Two workers share an id.
    #[error("worker id \"{0}\" is used twice")]
    DuplicateWorker(WorkerId),
    /// Two budgets share an id.
    #[error("budget id \"{0}\" is used twice")]
    DuplicateBudget(BudgetId),
    /// A session has no placement.
    #[error("session \"{0}\" has no placement")]
    NoPlacement(SessionId),
    /// A placement ends before it starts, or names a day outside the horizon,
    /// or starts outside the day it names, or has a negative charge, or, with
    /// [`WeekCount::Clipped`](super::WeekCount::Clipped), reaches past the end
    /// of the rota week after its own.
    #[error("session \"{session}\" placement {index} is not a valid time on a day of the horizon")]
    BadPlacement {
        /// The session.
        session: SessionId,
        /// Index of the placement.
        index: usize,
    },
    /// A session's priority is below 1, or a weight is negative.
    #[error("session \"{0}\" has a priority below 1")]
    BadPriority(SessionId),
    /// A session refers to a worker that does not exist.
    #[error("session \"{session}\" refers to unknown worker \"{worker}\"")]
    UnknownWorkerInSession {
        /// The session.
        session: SessionId,
        /// The unknown worker.
        worker: WorkerId,
    },
    /// A session is charged to a budget that does not exist.
    #[error("session \"{session}\" is charged to unknown budget \"{budget}\"")]
    UnknownBudget {
        /// The session.
        session: SessionId,
        /// The unknown budget.
        budget: BudgetId,
    },
    /// A worker's day off, request or tag names a day outside the horizon.
    #[error("worker \"{worker}\" names day {day}, outside the horizon")]
    DayOutOfRange {
        /// The worker.
        worker: WorkerId,
        /// The day index.
        day: usize,
    },
    /// A worker's interval ends before it starts.
    #[error("worker \"{0}\" has an interval that ends before it starts")]
    BadInterval(WorkerId),
    /// A worker's limits contradict each other (a minimum above a maximum) or
    /// are negative.
    #[error("worker \"{0}\" has a minimum above its maximum, or a negative limit")]
    BadLimits(WorkerId),
    /// An assignment (pin, baseline or roster) names an unknown session.
    #[error("an assignment names unknown session \"{0}\"")]
    UnknownSession(SessionId),
    /// An assignment (pin, baseline or roster) names an unknown worker.
    #[error("an assignment names unknown worker \"{0}\"")]
    UnknownWorker(WorkerId),
    /// A placement choice is out of range for its session.
    #[error("session \"{session}\" has no placement {index}")]
    UnknownPlacement {
        /// The session.
        session: SessionId,
        /// The index given.
        index: usize,
    },
    /// A rule or weight has a value it cannot take (a negative weight, a
    /// weekly-rest period of zero days).
    #[error("rule or weight \"{0}\" has a value it cannot take")]
    BadRule(&'static str),
}
