//! What changed between two rosters.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::ids::{SessionId, WorkerId};
use crate::solver::Roster;

/// One session whose workers or time changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// The session.
    pub session: SessionId,
    /// Workers on it before and not after.
    pub removed: Vec<WorkerId>,
    /// Workers on it after and not before.
    pub added: Vec<WorkerId>,
    /// The placement index before and after, when it moved.
    pub moved: Option<(usize, usize)>,
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:", self.session)?;
        let names = |list: &[WorkerId]| {
            list.iter()
                .map(WorkerId::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        };
        match (self.removed.is_empty(), self.added.is_empty()) {
            (false, false) => write!(f, " {} → {}", names(&self.removed), names(&self.added))?,
            (false, true) => write!(f, " {} taken off", names(&self.removed))?,
            (true, false) => write!(f, " {} added", names(&self.added))?,
            (true, true) => {}
        }
        if let Some((from, to)) = self.moved {
            write!(f, " moved from time option {from} to {to}")?;
        }
        Ok(())
    }
}

/// The changes from one roster to another, session by session in id order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterDiff {
    /// The sessions that changed.
    pub changes: Vec<Change>,
}

impl RosterDiff {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// Assignments that were made or undone, counted once each.
    pub fn assignments_changed(&self) -> usize {
        self.changes
            .iter()
            .map(|c| c.added.len() + c.removed.len())
            .sum()
    }
}

impl fmt::Display for RosterDiff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.changes.is_empty() {
            return writeln!(f, "no changes");
        }
        for change in &self.changes {
            writeln!(f, "{change}")?;
        }
        Ok(())
    }
}

/// The changes that turn `before` into `after`.
///
/// ```
/// use perfect_week::explain::diff;
/// use perfect_week::solver::{Assignment, Roster};
///
/// let before = Roster { assignments: vec![Assignment { session: "s1".into(), worker: "sam".into() }], placements: vec![] };
/// let after = Roster { assignments: vec![Assignment { session: "s1".into(), worker: "alex".into() }], placements: vec![] };
/// let changes = diff(&before, &after);
/// assert_eq!(changes.to_string(), "s1: sam → alex\n");
/// ```
pub fn diff(before: &Roster, after: &Roster) -> RosterDiff {
    type Workers<'a> = BTreeMap<&'a SessionId, BTreeSet<&'a WorkerId>>;
    fn workers(roster: &Roster) -> Workers<'_> {
        let mut map: Workers<'_> = BTreeMap::new();
        for a in &roster.assignments {
            map.entry(&a.session).or_default().insert(&a.worker);
        }
        map
    }
    fn placements(roster: &Roster) -> BTreeMap<&SessionId, usize> {
        roster
            .placements
            .iter()
            .map(|choice| (&choice.session, choice.index))
            .collect()
    }
    let (old, new) = (workers(before), workers(after));
    let (old_at, new_at) = (placements(before), placements(after));
    let sessions: BTreeSet<&SessionId> = old
        .keys()
        .chain(new.keys())
        .chain(old_at.keys())
        .chain(new_at.keys())
        .copied()
        .collect();
    let empty = BTreeSet::new();
    let mut changes = Vec::new();
    for session in sessions {
        let was = old.get(session).unwrap_or(&empty);
        let now = new.get(session).unwrap_or(&empty);
        let removed: Vec<WorkerId> = was.difference(now).map(|w| (*w).clone()).collect();
        let added: Vec<WorkerId> = now.difference(was).map(|w| (*w).clone()).collect();
        let from = old_at.get(session).copied().unwrap_or(0);
        let to = new_at.get(session).copied().unwrap_or(0);
        let moved = (from != to).then_some((from, to));
        if removed.is_empty() && added.is_empty() && moved.is_none() {
            continue;
        }
        changes.push(Change {
            session: session.clone(),
            removed,
            added,
            moved,
        });
    }
    RosterDiff { changes }
}
