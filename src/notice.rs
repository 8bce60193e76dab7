//! Notice of shift changes: who must be told what after a re-plan, and
//! which changes come at short notice.
//!
//! The Employment Rights Act 2025 gives workers a right to reasonable
//! notice of shifts and of changes to them, and a payment when a shift is
//! cancelled, moved or cut short at short notice; the regulations that set
//! the figures are pending. So the threshold is a setting,
//! [`NoticeRules::short_notice_minutes`], not a constant: its default (72
//! hours) is a placeholder for a provider to replace with its own policy or
//! the regulations when they come.
//!
//! [`shift_messages`] turns a re-plan's [`RosterDiff`] into one message per
//! worker per changed session, each with the notice given and flagged when
//! short. [`rank_cover`] orders cover options so that those needing no
//! short-notice change come first.

use std::fmt;

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{ValidationError, ValidationErrors};
use crate::explain::{Candidate, RosterDiff};
use crate::ids::{SessionId, WorkerId};
use crate::rota::{Rota, RotaEntry};
use crate::words::{clock, day_name, hours};

/// When a change to a worker's shifts counts as short notice, and how much
/// a re-plan avoids one: [`NoticeRules::default`] (72 hours, ten times), or
/// [`NoticeRules::new`], or either with the `with_*` methods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NoticeRules {
    /// A change told less than this many minutes before the session starts
    /// is short notice.
    pub short_notice_minutes: i64,
    /// How many times as heavily a re-plan ([`Plan::replan`]) weighs a change
    /// to a session it would make at short notice as one made with notice:
    /// the session's stability weight is the plan's
    /// [`Weights::stability`](crate::solver::Weights::stability) times this.
    /// 1 weighs every change the same; at least 1.
    ///
    /// [`Plan::replan`]: crate::plan::Plan::replan
    pub short_notice_factor: i64,
}

impl Default for NoticeRules {
    /// 72 hours: a placeholder until the regulations set a figure; a change
    /// at short notice weighs ten times one with notice.
    fn default() -> Self {
        Self {
            short_notice_minutes: 72 * 60,
            short_notice_factor: 10,
        }
    }
}

impl NoticeRules {
    /// Short notice is under `short_notice_minutes`, and a re-plan weighs
    /// a change at short notice `short_notice_factor` times one with notice.
    ///
    /// ```
    /// use perfect_week::NoticeRules;
    ///
    /// let rules = NoticeRules::new(48 * 60, 5);
    /// assert_eq!(rules, NoticeRules::default().with_short_notice_minutes(48 * 60)
    ///     .with_short_notice_factor(5));
    /// ```
    pub fn new(short_notice_minutes: i64, short_notice_factor: i64) -> Self {
        Self {
            short_notice_minutes,
            short_notice_factor,
        }
    }

    /// The same rules with another threshold, in minutes.
    pub fn with_short_notice_minutes(mut self, minutes: i64) -> Self {
        self.short_notice_minutes = minutes;
        self
    }

    /// The same rules with another weight of a change at short notice.
    pub fn with_short_notice_factor(mut self, factor: i64) -> Self {
        self.short_notice_factor = factor;
        self
    }

    /// Checks that the threshold is not negative and the factor at least 1.
    ///
    /// ```
    /// use perfect_week::notice::NoticeRules;
    ///
    /// assert!(NoticeRules::default().validate().is_ok());
    /// let rules = NoticeRules::default().with_short_notice_factor(0);
    /// assert!(rules.validate().is_err());
    /// ```
    ///
    /// # Errors
    /// Every value out of range, named.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = Vec::new();
        if self.short_notice_minutes < 0 {
            errors.push(ValidationError::OutOfRange {
                item: "notice rules short_notice_minutes".into(),
                value: self.short_notice_minutes.to_string(),
                expected: "0 or more".into(),
            });
        }
        if self.short_notice_factor < 1 {
            errors.push(ValidationError::OutOfRange {
                item: "notice rules short_notice_factor".into(),
                value: self.short_notice_factor.to_string(),
                expected: "1 or more".into(),
            });
        }
        ValidationErrors::check(errors)
    }

    /// Minutes of notice a change told at `told` gives for a session at
    /// `start` (negative when it has started), and whether that is short.
    pub fn notice(&self, told: DateTime<Utc>, start: DateTime<Utc>) -> (i64, bool) {
        let minutes = (start - told).num_minutes();
        (minutes, minutes < self.short_notice_minutes)
    }
}

/// What happens to a worker's shift.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum ShiftChange {
    /// They are now on a session they were not on.
    Added,
    /// They are no longer on it.
    Removed,
    /// They stay on it, at a new time.
    Moved,
}

/// One message to one worker about one session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShiftMessage {
    /// Who to tell.
    pub worker: WorkerId,
    /// Their name.
    pub name: String,
    /// The session.
    pub session: SessionId,
    /// What the session is.
    pub what: String,
    /// Its local start (after the change).
    pub local_start: NaiveDateTime,
    /// What happens to their shift.
    pub change: ShiftChange,
    /// Minutes of notice given.
    pub notice_minutes: i64,
    /// Whether that is short notice under the rules used.
    pub short_notice: bool,
}

impl fmt::Display for ShiftMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let when = format!(
            "{} {} {}",
            day_name(chrono::Datelike::weekday(&self.local_start.date())),
            self.local_start.format("%-d %B"),
            clock(self.local_start.time())
        );
        let what = match self.change {
            ShiftChange::Added => "you are now on",
            ShiftChange::Removed => "you are no longer on",
            ShiftChange::Moved => "the time has changed for",
        };
        write!(f, "{}: {what} {when} {}", self.name, self.what)?;
        if self.short_notice {
            write!(f, " (SHORT NOTICE: {})", hours(self.notice_minutes))
        } else {
            write!(f, " ({} notice)", hours(self.notice_minutes))
        }
    }
}

/// The messages a re-plan calls for, told at `told`: for each change in
/// `diff`, one to each worker added, removed or (staying on a moved
/// session) moved, in order of the session's start, then name. `before` and
/// `after` are the rotas the diff was taken between; a removed worker is
/// told of the session as it was.
pub fn shift_messages(
    diff: &RosterDiff,
    before: &Rota,
    after: &Rota,
    told: DateTime<Utc>,
    rules: &NoticeRules,
) -> Vec<ShiftMessage> {
    let find = |rota: &'_ Rota, session: &SessionId| -> Option<RotaEntry> {
        rota.entries.iter().find(|e| &e.session == session).cloned()
    };
    let mut messages = Vec::new();
    for change in &diff.changes {
        let (old, new) = (find(before, &change.session), find(after, &change.session));
        let mut tell = |entry: &RotaEntry, worker: &WorkerId, kind: ShiftChange| {
            let name = after
                .entries
                .iter()
                .chain(&before.entries)
                .flat_map(|e| &e.workers)
                .find(|w| &w.id == worker)
                .map_or_else(|| worker.to_string(), |w| w.name.clone());
            // A change to a shift is as late as the earlier of its old and
            // new start.
            let start = match (&old, &new) {
                (Some(o), Some(n)) => o.start.min(n.start),
                _ => entry.start,
            };
            let (notice_minutes, short_notice) = rules.notice(told, start);
            messages.push(ShiftMessage {
                worker: worker.clone(),
                name,
                session: entry.session.clone(),
                what: entry.what.clone(),
                local_start: entry.local_start.naive_local(),
                change: kind,
                notice_minutes,
                short_notice,
            });
        };
        if let Some(entry) = &new {
            for worker in &change.added {
                tell(entry, worker, ShiftChange::Added);
            }
            if change.moved.is_some() {
                for worker in entry
                    .workers
                    .iter()
                    .filter(|w| !change.added.contains(&w.id))
                {
                    tell(entry, &worker.id, ShiftChange::Moved);
                }
            }
        }
        if let Some(entry) = old.as_ref().or(new.as_ref()) {
            for worker in &change.removed {
                tell(entry, worker, ShiftChange::Removed);
            }
        }
    }
    messages.sort_by(|a, b| (a.local_start, &a.name).cmp(&(b.local_start, &b.name)));
    messages
}

/// A cover option with the notice it would give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoverOption {
    /// The candidate, with what taking the session would do.
    pub candidate: Candidate,
    /// Whether asking them is a short-notice change.
    pub short_notice: bool,
}

/// Orders cover options for a session at `start`, told at `told`: those
/// who could cover without breaking a rule first, then those needing no
/// short-notice change, then as `candidates` came (by score change).
pub fn rank_cover(
    candidates: &[Candidate],
    start: DateTime<Utc>,
    told: DateTime<Utc>,
    rules: &NoticeRules,
) -> Vec<CoverOption> {
    let (_, short_notice) = rules.notice(told, start);
    let mut options: Vec<CoverOption> = candidates
        .iter()
        .map(|candidate| CoverOption {
            candidate: candidate.clone(),
            short_notice,
        })
        .collect();
    options.sort_by_key(|o| (!o.candidate.is_possible(), o.short_notice));
    options
}

#[cfg(test)]
mod tests;
