//! Matching support: the staff a person wants for each part of their support.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::ids::{MatchRowId, SkillId, TraitId, WorkerId};
use crate::staff::Worker;

/// A person's matching-support profile.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MatchingProfile {
    /// One row per area of support (a person may want different matches for
    /// different parts of the week).
    pub rows: Vec<MatchRow>,
    /// Workers the person never wants (a hard exclusion).
    pub excluded_workers: Vec<WorkerId>,
}

/// A row of the matching-support tool.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchRow {
    /// The row's id (referred to by perfect-week activities).
    pub id: MatchRowId,
    /// The support wanted and needed (e.g. "going to football").
    pub support_area: String,
    /// Skills needed for this support (a hard requirement).
    pub skills: Vec<SkillId>,
    /// Characteristics the worker must have (a hard requirement).
    pub essential: Vec<TraitId>,
    /// Characteristics that would be nice (a soft preference).
    pub desirable: Vec<TraitId>,
    /// Interests it helps to share (a soft preference).
    pub shared_interests: Vec<TraitId>,
}

/// How well a worker fits a [`MatchRow`] on a date.
///
/// The rota treats [`MatchScore::is_hard_match`] as a hard requirement and
/// [`MatchScore::soft_points`] as a soft score to maximise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchScore {
    /// Required skills the worker lacks (or holds only outside their dates).
    pub missing_skills: Vec<SkillId>,
    /// Essential characteristics the worker lacks.
    pub missing_essential: Vec<TraitId>,
    /// How many desirable characteristics the worker has.
    pub desirable_met: usize,
    /// How many of the row's desirable characteristics there are.
    pub desirable_total: usize,
    /// How many of the row's shared interests the worker has.
    pub interests_shared: usize,
    /// How many shared interests the row lists.
    pub interests_total: usize,
}

impl MatchScore {
    /// Whether the worker has every required skill and essential
    /// characteristic.
    pub fn is_hard_match(&self) -> bool {
        self.missing_skills.is_empty() && self.missing_essential.is_empty()
    }

    /// Desirable characteristics met plus interests shared.
    pub fn soft_points(&self) -> usize {
        self.desirable_met + self.interests_shared
    }
}

impl MatchRow {
    /// Scores `worker` against this row, with skills checked on `on`.
    ///
    /// Lists in the row are treated as sets: a trait listed twice counts once.
    ///
    pub fn score(&self, worker: &Worker, on: NaiveDate) -> MatchScore {
        let has_trait = |t: &TraitId| worker.characteristics.contains(t);
        MatchScore {
            missing_skills: distinct(&self.skills)
                .filter(|s| !worker.has_valid(s, on))
                .cloned()
                .collect(),
            missing_essential: distinct(&self.essential)
                .filter(|t| !has_trait(t))
                .cloned()
                .collect(),
            desirable_met: distinct(&self.desirable).filter(|t| has_trait(t)).count(),
            desirable_total: distinct(&self.desirable).count(),
            interests_shared: distinct(&self.shared_interests)
                .filter(|t| worker.interests.contains(t))
                .count(),
            interests_total: distinct(&self.shared_interests).count(),
        }
    }
}

impl MatchingProfile {
    /// The row with `id`, if any.
    pub fn row(&self, id: &MatchRowId) -> Option<&MatchRow> {
        self.rows.iter().find(|r| &r.id == id)
    }

    /// Whether the person has excluded `worker`.
    pub fn excludes(&self, worker: &WorkerId) -> bool {
        self.excluded_workers.contains(worker)
    }

    /// Whether `worker` may support the person in row `id` on `on`: not
    /// excluded, and a hard match for the row. `None` if there is no such row.
    pub fn accepts(&self, id: &MatchRowId, worker: &Worker, on: NaiveDate) -> Option<bool> {
        let row = self.row(id)?;
        Some(!self.excludes(&worker.id) && row.score(worker, on).is_hard_match())
    }
}

/// The items of `list` in order, each once.
fn distinct<T: PartialEq>(list: &[T]) -> impl Iterator<Item = &T> {
    list.iter()
        .enumerate()
        .filter(move |(i, item)| !list.iter().take(*i).any(|earlier| earlier == *item))
        .map(|(_, item)| item)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::staff::tests::{date, sample_worker};

    fn row() -> MatchRow {
        MatchRow {
            id: MatchRowId::new("r1"),
            support_area: "Medication and football".into(),
            skills: vec![SkillId::new("medication")],
            essential: vec![TraitId::new("patient")],
            desirable: vec![
                TraitId::new("calm"),
                TraitId::new("funny"),
                TraitId::new("calm"),
            ],
            shared_interests: vec![TraitId::new("football"), TraitId::new("chess")],
        }
    }

    #[test]
    fn scores_worker() {
        let s = row().score(&sample_worker(), date(2026, 5, 1));
        assert!(s.is_hard_match());
        assert_eq!((s.desirable_met, s.desirable_total), (1, 2));
        assert_eq!((s.interests_shared, s.interests_total), (1, 2));
        assert_eq!(s.soft_points(), 2);
        let expired = row().score(&sample_worker(), date(2027, 5, 1));
        assert_eq!(expired.missing_skills, vec![SkillId::new("medication")]);
        assert!(!expired.is_hard_match());
    }

    #[test]
    fn exclusions() {
        let w = sample_worker();
        let mut p = MatchingProfile {
            rows: vec![row()],
            excluded_workers: vec![],
        };
        assert_eq!(
            p.accepts(&MatchRowId::new("r1"), &w, date(2026, 5, 1)),
            Some(true)
        );
        p.excluded_workers.push(w.id.clone());
        assert_eq!(
            p.accepts(&MatchRowId::new("r1"), &w, date(2026, 5, 1)),
            Some(false)
        );
        assert_eq!(
            p.accepts(&MatchRowId::new("zz"), &w, date(2026, 5, 1)),
            None
        );
    }
}
