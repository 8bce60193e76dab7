//! The person-centred thinking tools: one-page profile, important to and for, communication chart, decision making, matching support.
//!
//! A [`Person`] gathers the tools for one person. All of it is plain data;
//! [`Person::validate`] reports every problem at once.

mod communication;
mod decision;
mod importance;
mod matching;

pub use crate::profile::OnePageProfile;
pub use communication::{CommunicationChart, CommunicationEntry, HowWeCommunicate};
pub use decision::{
    Decider, DecisionAgreementRow, DecisionProfile, DecisionRecord, DecisionShares, MainDecider,
    decision_shares,
};
pub use importance::{BalanceIssue, Category, Evidence, EvidenceKind, Importance, ImportanceItem};
pub use matching::{MatchRow, MatchScore, MatchingProfile};

use serde::{Deserialize, Serialize};

use crate::error::{ValidationError, ValidationErrors, check_not_blank, check_unique};
use crate::ids::PersonId;

/// A person who draws on support, with their person-centred thinking tools.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// The person's id.
    pub id: PersonId,
    /// Full name.
    pub name: String,
    /// The name the person likes to be called, if different.
    pub preferred_name: Option<String>,
    /// One-page profile.
    pub profile: OnePageProfile,
    /// What is important to and for the person.
    pub importance: Vec<ImportanceItem>,
    /// Tensions between important to and for, and what was agreed.
    pub balance: Vec<BalanceIssue>,
    /// Communication chart.
    pub communication: CommunicationChart,
    /// How to support the person to make decisions.
    pub decision_profile: DecisionProfile,
    /// Who decides what.
    pub decision_agreement: Vec<DecisionAgreementRow>,
    /// Matching support: who the person wants supporting them.
    pub matching: MatchingProfile,
}

impl Person {
    /// A person with the given id and name and every tool still empty, to be
    /// filled in field by field.
    pub fn new(id: impl Into<PersonId>, name: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            preferred_name: None,
            profile: OnePageProfile::default(),
            importance: Vec::new(),
            balance: Vec::new(),
            communication: CommunicationChart::default(),
            decision_profile: DecisionProfile::default(),
            decision_agreement: Vec::new(),
            matching: MatchingProfile::default(),
        }
    }

    /// The name to use with the person: the preferred name if given.
    pub fn display_name(&self) -> &str {
        self.preferred_name
            .as_deref()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or(&self.name)
    }

    /// Items important *to* or *for* the person, in order.
    pub fn items(&self, importance: Importance) -> impl Iterator<Item = &ImportanceItem> {
        self.importance
            .iter()
            .filter(move |i| i.importance == importance)
    }

    /// Who makes the final decision in `area` (matched ignoring case and
    /// surrounding spaces), if the agreement covers it.
    pub fn decider_for(&self, area: &str) -> Option<&Decider> {
        let area = area.trim();
        self.decision_agreement
            .iter()
            .find(|row| row.decision_area.trim().eq_ignore_ascii_case(area))
            .map(|row| &row.final_decider)
    }

    /// Checks the person's tools, reporting every problem found: blank id or
    /// name, blank statements, balance issues pointing at missing items or
    /// items of the wrong kind, empty communication rows, empty or repeated
    /// decision areas, empty named deciders, and repeated match rows or
    /// exclusions.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = Vec::new();
        let me = format!("person \"{}\"", self.id);
        check_not_blank(|| format!("{me} id"), self.id.as_str(), &mut errors);
        check_not_blank(|| format!("{me} name"), &self.name, &mut errors);
        for (i, item) in self.importance.iter().enumerate() {
            check_not_blank(
                || format!("{me} importance item {}", i + 1),
                &item.statement,
                &mut errors,
            );
        }
        for (i, issue) in self.balance.iter().enumerate() {
            let item = format!("{me} balance issue {}", i + 1);
            self.check_importance_ref(&item, issue.to_item, Importance::To, &mut errors);
            self.check_importance_ref(&item, issue.for_item, Importance::For, &mut errors);
        }
        for (i, entry) in self.communication.understanding.iter().enumerate() {
            let item = || format!("{me} communication chart row {}", i + 1);
            check_not_blank(
                || format!("{} behaviour", item()),
                &entry.behaviour,
                &mut errors,
            );
            check_not_blank(
                || format!("{} response", item()),
                &entry.response,
                &mut errors,
            );
            if entry.meanings.iter().all(|m| m.trim().is_empty()) {
                errors.push(ValidationError::Empty {
                    item: format!("{} meanings", item()),
                });
            }
        }
        let areas: Vec<String> = self
            .decision_agreement
            .iter()
            .map(|row| row.decision_area.trim().to_lowercase())
            .collect();
        check_unique(
            &format!("{me} decision agreement"),
            areas.iter(),
            &mut errors,
        );
        for (i, row) in self.decision_agreement.iter().enumerate() {
            let item = || format!("{me} decision agreement row {}", i + 1);
            check_not_blank(
                || format!("{} area", item()),
                &row.decision_area,
                &mut errors,
            );
            let blank_decider = match &row.final_decider {
                Decider::Named(name) => name.trim().is_empty(),
                Decider::Shared(names) => {
                    names.is_empty() || names.iter().any(|n| n.trim().is_empty())
                }
                Decider::Person | Decider::BestInterests => false,
            };
            if blank_decider {
                errors.push(ValidationError::Empty {
                    item: format!("{} final decider", item()),
                });
            }
        }
        check_unique(
            &format!("{me} matching rows"),
            self.matching.rows.iter().map(|r| &r.id),
            &mut errors,
        );
        check_unique(
            &format!("{me} excluded workers"),
            self.matching.excluded_workers.iter(),
            &mut errors,
        );
        for row in &self.matching.rows {
            check_not_blank(
                || format!("{me} matching row \"{}\" support area", row.id),
                &row.support_area,
                &mut errors,
            );
        }
        ValidationErrors::check(errors)
    }

    fn check_importance_ref(
        &self,
        item: &str,
        index: usize,
        expected: Importance,
        errors: &mut Vec<ValidationError>,
    ) {
        match self.importance.get(index) {
            None => errors.push(ValidationError::UnknownId {
                item: item.to_owned(),
                id: format!("importance item index {index}"),
            }),
            Some(found) if found.importance != expected => {
                errors.push(ValidationError::WrongKind {
                    item: item.to_owned(),
                    expected: format!("important {expected:?} item",).to_lowercase(),
                    found: format!("important {:?} item {index}", found.importance).to_lowercase(),
                })
            }
            Some(_) => {}
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::ids::{MatchRowId, SkillId, TraitId, WorkerId};

    pub(crate) fn sample_person() -> Person {
        Person {
            id: PersonId::new("p1"),
            name: "Margaret Jones".into(),
            preferred_name: Some("Peggy".into()),
            profile: OnePageProfile {
                appreciations: vec!["Quick wit".into()],
                important_to_me: vec!["Seeing my grandson on Sundays".into()],
                how_best_to_support_me: vec!["Tea with two sugars, stirred".into()],
                photo: None,
            },
            importance: vec![
                ImportanceItem {
                    statement: "A lie-in on Saturdays".into(),
                    importance: Importance::To,
                    category: Category::RhythmAndPace,
                    evidence: vec![Evidence {
                        kind: EvidenceKind::Observed,
                        detail: "Always sleeps until ten at weekends".into(),
                    }],
                    priority: 1,
                },
                ImportanceItem {
                    statement: "Insulin before breakfast".into(),
                    importance: Importance::For,
                    category: Category::Health,
                    evidence: vec![],
                    priority: 1,
                },
            ],
            balance: vec![BalanceIssue {
                to_item: 0,
                for_item: 1,
                tension: "Lie-in delays insulin".into(),
                agreed_approach: "Breakfast in bed at ten, insulin then".into(),
            }],
            communication: CommunicationChart {
                understanding: vec![CommunicationEntry {
                    context: "Any time".into(),
                    behaviour: "Taps the table twice".into(),
                    media: vec![],
                    meanings: vec!["Wants a drink".into()],
                    response: "Offer tea".into(),
                }],
                telling: vec![HowWeCommunicate {
                    what_we_want_to_convey: "Plans for the day".into(),
                    how_we_do_it: "Show photos on the board".into(),
                    how_we_know_they_understood: "Points to the photo".into(),
                }],
            },
            decision_profile: DecisionProfile {
                how_i_like_information: vec!["Pictures".into()],
                ..DecisionProfile::default()
            },
            decision_agreement: vec![DecisionAgreementRow {
                decision_area: "Who supports me".into(),
                involvement: "I choose from people I have met".into(),
                final_decider: Decider::Person,
            }],
            matching: MatchingProfile {
                rows: vec![MatchRow {
                    id: MatchRowId::new("personal-care"),
                    support_area: "Morning personal care".into(),
                    skills: vec![SkillId::new("medication")],
                    essential: vec![TraitId::new("patient")],
                    desirable: vec![TraitId::new("calm")],
                    shared_interests: vec![TraitId::new("football")],
                }],
                excluded_workers: vec![WorkerId::new("w9")],
            },
        }
    }

    #[test]
    fn sample_is_valid_and_names() {
        let p = sample_person();
        assert!(p.validate().is_ok());
        assert_eq!(p.display_name(), "Peggy");
        assert_eq!(p.decider_for(" who supports ME "), Some(&Decider::Person));
        assert_eq!(p.items(Importance::For).count(), 1);
    }

    #[test]
    fn reports_every_problem() {
        let mut p = sample_person();
        p.balance[0].to_item = 1; // wrong kind
        p.balance[0].for_item = 7; // missing
        p.decision_agreement[0].final_decider = Decider::Shared(vec![]);
        let errors = p.validate().unwrap_err();
        assert_eq!(errors.errors().len(), 3, "{errors}");
    }
}
