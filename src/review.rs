//! Person-centred reviews, outcomes, actions and the support plan.
//!
//! A [`Review`] follows the person-centred review headings: appreciations,
//! what is important now and in future, support needed, working / not
//! working from each perspective, questions to answer, and actions (what,
//! who, by when) serving [`Outcome`]s. A [`SupportPlan`] says how the budget
//! is used for each outcome.

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{
    ValidationError, ValidationErrors, check_not_blank, check_not_negative, check_unique,
};
use crate::ids::{ActionId, OutcomeId, PersonId, ReviewId};
use crate::person::Importance;

/// The flavour of review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReviewKind {
    /// Centred on what is working and not working.
    WorkingNotWorking,
    /// Centred on what is important to and for the person.
    ImportantToFor,
    /// Centred on the person's place in their community.
    Citizenship,
    /// The annual review of a personal budget: did the outcomes happen, how
    /// was the money spent.
    OutcomeFocused,
}

/// Whose point of view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Perspective {
    /// The person.
    Person,
    /// Family.
    Family,
    /// Staff or the provider.
    Staff,
    /// Other professionals.
    Professional,
    /// Anyone else, described.
    Other(String),
}

/// Someone at the review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendee {
    /// Their name.
    pub name: String,
    /// Their relationship to the person ("sister", "key worker").
    pub relationship: String,
    /// The perspective they bring.
    pub perspective: Perspective,
}

/// What is working and not working, from one perspective.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PerspectiveView {
    /// The perspective.
    pub perspective: Perspective,
    /// Who gave it, if one person.
    pub who: Option<String>,
    /// What is working.
    pub working: Vec<String>,
    /// What is not working.
    pub not_working: Vec<String>,
}

/// An unresolved question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// The question.
    pub text: String,
    /// Who will find the answer, if agreed.
    pub owner: Option<String>,
}

/// How an outcome is going.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OutcomeStatus {
    /// Not started.
    NotStarted,
    /// Under way.
    Progressing,
    /// Achieved.
    Achieved,
    /// Changed (replaced by another outcome).
    Changed,
}

/// An outcome the person wants, in their own words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// The outcome's id.
    pub id: OutcomeId,
    /// The outcome, in the person's words.
    pub statement: String,
    /// Whether it is important to or for the person.
    pub importance: Importance,
    /// How we will know it is happening.
    pub measures: Vec<String>,
    /// When it should be achieved by.
    pub target_date: Option<NaiveDate>,
    /// How it is going.
    pub status: OutcomeStatus,
}

/// How an action is going.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActionStatus {
    /// Still to do.
    Open,
    /// Done.
    Done,
    /// No longer needed.
    Dropped,
}

/// An action agreed at a review: what, who, by when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    /// The action's id.
    pub id: ActionId,
    /// What will be done.
    pub what: String,
    /// Who will do it.
    pub owner: String,
    /// By when.
    pub due: NaiveDate,
    /// How it is going.
    pub status: ActionStatus,
    /// The outcome it serves, if any (must be one of the review's outcomes).
    pub outcome: Option<OutcomeId>,
}

/// A person-centred review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// The review's id.
    pub id: ReviewId,
    /// The person reviewed.
    pub person: PersonId,
    /// When it was held.
    pub date: NaiveDate,
    /// What kind of review.
    pub kind: ReviewKind,
    /// Who was there.
    pub attendees: Vec<Attendee>,
    /// What we like and admire about the person.
    pub appreciations: Vec<String>,
    /// What is important to the person now.
    pub important_to_now: Vec<String>,
    /// What is important to the person for the future.
    pub important_to_future: Vec<String>,
    /// Support the person needs, including to stay healthy and safe.
    pub support_needed: Vec<String>,
    /// Working and not working, per perspective.
    pub working_not_working: Vec<PerspectiveView>,
    /// Questions still to answer.
    pub questions: Vec<Question>,
    /// Outcomes reviewed or agreed.
    pub outcomes: Vec<Outcome>,
    /// Actions agreed.
    pub actions: Vec<Action>,
}

impl fmt::Display for Outcome {
    /// The statement, then whether it is important to or for the person, how
    /// it is going and its target date.
    ///
    /// ```
    /// use perfect_week::Outcome;
    /// use perfect_week::person::Importance;
    /// use perfect_week::review::OutcomeStatus;
    ///
    /// let outcome = Outcome {
    ///     id: "swim".into(),
    ///     statement: "I swim a length on my own".into(),
    ///     importance: Importance::To,
    ///     measures: vec![],
    ///     target_date: perfect_week::chrono::NaiveDate::from_ymd_opt(2026, 9, 30),
    ///     status: OutcomeStatus::Progressing,
    /// };
    /// assert_eq!(
    ///     outcome.to_string(),
    ///     "I swim a length on my own (important to me; under way; by 30 September 2026)"
    /// );
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let importance = match self.importance {
            Importance::To => "important to me",
            Importance::For => "important for me",
        };
        let status = match self.status {
            OutcomeStatus::NotStarted => "not started",
            OutcomeStatus::Progressing => "under way",
            OutcomeStatus::Achieved => "achieved",
            OutcomeStatus::Changed => "changed",
        };
        write!(f, "{} ({importance}; {status}", self.statement)?;
        if let Some(date) = self.target_date {
            write!(f, "; by {}", date.format("%-d %B %Y"))?;
        }
        write!(f, ")")
    }
}

impl Review {
    /// The review's outcomes in words, one a line under a line naming the
    /// review's date (nothing when it has none).
    ///
    /// ```
    /// use perfect_week::Review;
    ///
    /// let review: Review = serde_json::from_str(r#"{
    ///     "id": "r1", "person": "ava", "date": "2026-03-10",
    ///     "kind": "OutcomeFocused", "attendees": [], "appreciations": [],
    ///     "important_to_now": [], "important_to_future": [], "support_needed": [],
    ///     "working_not_working": [], "questions": [], "actions": [],
    ///     "outcomes": [{"id": "o1", "statement": "I cook a meal each week",
    ///         "importance": "To", "measures": [], "target_date": null,
    ///         "status": "NotStarted"}]
    /// }"#)?;
    /// assert_eq!(
    ///     review.outcomes_in_words(),
    ///     "Outcomes from the review of 10 March 2026:\n  - I cook a meal each week (important to me; not started)\n"
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn outcomes_in_words(&self) -> String {
        if self.outcomes.is_empty() {
            return String::new();
        }
        let mut words = format!(
            "Outcomes from the review of {}:\n",
            self.date.format("%-d %B %Y")
        );
        for outcome in &self.outcomes {
            words.push_str(&format!("  - {outcome}\n"));
        }
        words
    }

    /// Open actions due before `on`.
    pub fn overdue_actions(&self, on: NaiveDate) -> impl Iterator<Item = &Action> {
        self.actions
            .iter()
            .filter(move |a| a.status == ActionStatus::Open && a.due < on)
    }

    /// Outcomes not yet achieved or changed that no open or done action
    /// serves.
    pub fn outcomes_without_actions(&self) -> impl Iterator<Item = &Outcome> {
        self.outcomes.iter().filter(|o| {
            matches!(
                o.status,
                OutcomeStatus::NotStarted | OutcomeStatus::Progressing
            ) && !self
                .actions
                .iter()
                .any(|a| a.status != ActionStatus::Dropped && a.outcome.as_ref() == Some(&o.id))
        })
    }

    /// Actions serving `outcome`.
    pub fn actions_for<'a>(&'a self, outcome: &'a OutcomeId) -> impl Iterator<Item = &'a Action> {
        self.actions
            .iter()
            .filter(move |a| a.outcome.as_ref() == Some(outcome))
    }

    /// Checks the review, reporting every problem: repeated outcome or
    /// action ids, blank statements, actions with no owner or naming an
    /// unknown outcome, and no attendees.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = Vec::new();
        let me = format!("review \"{}\"", self.id);
        if self.attendees.is_empty() {
            errors.push(ValidationError::Empty {
                item: format!("{me} attendees"),
            });
        }
        check_outcomes(&me, &self.outcomes, &mut errors);
        check_unique(
            &format!("{me} actions"),
            self.actions.iter().map(|a| &a.id),
            &mut errors,
        );
        for a in &self.actions {
            let item = || format!("{me} action \"{}\"", a.id);
            check_not_blank(|| format!("{} what", item()), &a.what, &mut errors);
            check_not_blank(|| format!("{} owner", item()), &a.owner, &mut errors);
            if let Some(outcome) = &a.outcome
                && !self.outcomes.iter().any(|o| &o.id == outcome)
            {
                errors.push(ValidationError::UnknownId {
                    item: item(),
                    id: outcome.to_string(),
                });
            }
        }
        ValidationErrors::check(errors)
    }
}

fn check_outcomes(me: &str, outcomes: &[Outcome], errors: &mut Vec<ValidationError>) {
    check_unique(
        &format!("{me} outcomes"),
        outcomes.iter().map(|o| &o.id),
        errors,
    );
    for o in outcomes {
        check_not_blank(
            || format!("{me} outcome \"{}\" statement", o.id),
            &o.statement,
            errors,
        );
    }
}

/// How part of the budget is used for an outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetUse {
    /// The outcome it serves.
    pub outcome: OutcomeId,
    /// What the money or time is used for.
    pub description: String,
    /// Hours of support per week, if it is time.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub weekly_hours: Option<Decimal>,
    /// Money per week, if it is money.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub weekly_amount: Option<Decimal>,
}

/// A person's support plan: their outcomes and how the budget serves them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportPlan {
    /// The person.
    pub person: PersonId,
    /// The outcomes.
    pub outcomes: Vec<Outcome>,
    /// How the budget is used.
    pub budget_uses: Vec<BudgetUse>,
}

impl SupportPlan {
    /// Total weekly hours across all uses.
    pub fn weekly_hours(&self) -> Decimal {
        crate::money::saturating_sum(self.budget_uses.iter().filter_map(|u| u.weekly_hours))
    }

    /// Total weekly money across all uses.
    pub fn weekly_amount(&self) -> Decimal {
        self.budget_uses
            .iter()
            .filter_map(|u| u.weekly_amount)
            .sum()
    }

    /// The uses serving `outcome`.
    pub fn uses_for<'a>(&'a self, outcome: &'a OutcomeId) -> impl Iterator<Item = &'a BudgetUse> {
        self.budget_uses
            .iter()
            .filter(move |u| &u.outcome == outcome)
    }

    /// Outcomes still being worked on that no part of the budget serves.
    pub fn unfunded_outcomes(&self) -> impl Iterator<Item = &Outcome> {
        self.outcomes.iter().filter(|o| {
            matches!(
                o.status,
                OutcomeStatus::NotStarted | OutcomeStatus::Progressing
            ) && self.uses_for(&o.id).next().is_none()
        })
    }

    /// Checks the plan, reporting every problem: repeated or blank outcomes,
    /// budget uses naming unknown outcomes, with neither hours nor money, or
    /// with negative amounts.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = Vec::new();
        let me = format!("support plan for \"{}\"", self.person);
        check_outcomes(&me, &self.outcomes, &mut errors);
        for (i, u) in self.budget_uses.iter().enumerate() {
            let item = || format!("{me} budget use {}", i + 1);
            if !self.outcomes.iter().any(|o| o.id == u.outcome) {
                errors.push(ValidationError::UnknownId {
                    item: item(),
                    id: u.outcome.to_string(),
                });
            }
            check_not_blank(
                || format!("{} description", item()),
                &u.description,
                &mut errors,
            );
            if u.weekly_hours.is_none() && u.weekly_amount.is_none() {
                errors.push(ValidationError::Missing {
                    item: item(),
                    what: "weekly hours or weekly amount".into(),
                });
            }
            for value in [u.weekly_hours, u.weekly_amount].into_iter().flatten() {
                check_not_negative(item, value, &mut errors);
            }
        }
        ValidationErrors::check(errors)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn date(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    pub(crate) fn sample_outcome(id: &str) -> Outcome {
        Outcome {
            id: OutcomeId::new(id),
            statement: "I want to go to the match every other Saturday".into(),
            importance: Importance::To,
            measures: vec!["Went to 10 home games".into()],
            target_date: Some(date(12, 31)),
            status: OutcomeStatus::Progressing,
        }
    }

    pub(crate) fn sample_review() -> Review {
        Review {
            id: ReviewId::new("r1"),
            person: PersonId::new("p1"),
            date: date(5, 1),
            kind: ReviewKind::OutcomeFocused,
            attendees: vec![Attendee {
                name: "Jo".into(),
                relationship: "sister".into(),
                perspective: Perspective::Family,
            }],
            appreciations: vec!["Kind".into()],
            important_to_now: vec!["Football".into()],
            important_to_future: vec!["A job".into()],
            support_needed: vec!["Medication at 8".into()],
            working_not_working: vec![PerspectiveView {
                perspective: Perspective::Other("advocate".into()),
                who: None,
                working: vec!["New worker".into()],
                not_working: vec!["Late visits".into()],
            }],
            questions: vec![Question {
                text: "Can the bus pass be renewed?".into(),
                owner: Some("Jo".into()),
            }],
            outcomes: vec![sample_outcome("o1"), sample_outcome("o2")],
            actions: vec![Action {
                id: ActionId::new("a1"),
                what: "Buy a season ticket".into(),
                owner: "Jo".into(),
                due: date(6, 1),
                status: ActionStatus::Open,
                outcome: Some(OutcomeId::new("o1")),
            }],
        }
    }

    #[test]
    fn helpers() {
        let r = sample_review();
        assert!(r.validate().is_ok());
        assert_eq!(r.overdue_actions(date(6, 1)).count(), 0);
        assert_eq!(r.overdue_actions(date(6, 2)).count(), 1);
        let ids: Vec<_> = r
            .outcomes_without_actions()
            .map(|o| o.id.as_str())
            .collect();
        assert_eq!(ids, ["o2"]);
        assert_eq!(r.actions_for(&OutcomeId::new("o1")).count(), 1);
    }

    #[test]
    fn unknown_outcome_names_the_action() {
        let mut r = sample_review();
        r.actions[0].outcome = Some(OutcomeId::new("nope"));
        r.actions[0].owner = " ".into();
        let errors = r.validate().unwrap_err();
        assert_eq!(errors.errors().len(), 2, "{errors}");
        assert!(errors.errors().contains(&ValidationError::UnknownId {
            item: "review \"r1\" action \"a1\"".into(),
            id: "nope".into()
        }));
    }

    #[test]
    fn support_plan() {
        let mut plan = SupportPlan {
            person: PersonId::new("p1"),
            outcomes: vec![sample_outcome("o1"), sample_outcome("o2")],
            budget_uses: vec![BudgetUse {
                outcome: OutcomeId::new("o1"),
                description: "Support at the match".into(),
                weekly_hours: Some("2.5".parse().unwrap()),
                weekly_amount: None,
            }],
        };
        assert!(plan.validate().is_ok());
        assert_eq!(plan.weekly_hours(), "2.5".parse::<Decimal>().unwrap());
        assert_eq!(plan.unfunded_outcomes().count(), 1);
        plan.budget_uses.push(BudgetUse {
            outcome: OutcomeId::new("o9"),
            description: "Gym".into(),
            weekly_hours: None,
            weekly_amount: None,
        });
        assert_eq!(plan.validate().unwrap_err().errors().len(), 2);
    }
}
