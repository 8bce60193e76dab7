//! PRSB Personalised Care and Support Plan 2.0, from a person-centred
//! review: strengths; needs, concerns or problems → goals and hopes (goal
//! importance score, outcomes, goal status) → actions and activities (what,
//! who, when, status, review date); and the care funding source from the
//! Individual Service Fund.
//!
//! The serde names are the element names of the PRSB dataset
//! "Personalised care and support plan" version 2.0 (section `Care and
//! support plan`, with `About me` beside it), so the JSON reads as the
//! dataset does. The standard's reference in the NHS standards directory is
//! DAPB4022.
//!
//! # How the review maps
//!
//! | Care and support plan | from |
//! |---|---|
//! | Strengths | what people appreciate about the person, at the review |
//! | Needs, concerns or problems | each line of the support the person needs; an outcome linked to none of them ([`PcspSources::with_goal_under_need`]) gets a need of its own, in its own words |
//! | Goals and hopes | each outcome: its statement; `Goal importance score` the highest priority (1–5) of the perfect-week activities serving it; `Outcomes` its measures; `Goal status` in words |
//! | Actions and activities | each action under its outcome's goal: `What`, `Who` (its owner), `When` (its due date), `Status` in words, `Date last updated` (the review's date), `Review date` (the plan's); actions serving no outcome go under a need and goal of their own |
//! | Agreed with person or legitimate representative | the person at the review |
//! | Care funding source | the ISF agreement, in words |
//! | Date this plan was last updated | the review's date |
//! | Planned review date/interval | as given, else the ISF's review date |
//! | Responsibility for review | as given |
//!
//! The report lists the rest: what is working and not working, questions,
//! what is important now and in future, the outcomes' target dates and
//! whether each is important *to* or *for* the person, and the codes the
//! crate does not assign (goal status, action status, funding source).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::about_me::{AboutMe, CodedValue};
use super::{Exported, InteropError, Report};
use crate::ids::OutcomeId;
use crate::money::{IsfAgreement, format_pounds};
use crate::person::Importance;
use crate::review::{ActionStatus, OutcomeStatus, Perspective, Review};
use crate::week::PerfectWeek;

const STANDARD: &str = "PRSB Personalised Care and Support Plan 2.0";

/// The plan: `About me` and the `Care and support plan` section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PersonalisedCareAndSupportPlan {
    /// The person's About Me, when given.
    #[serde(rename = "About me", default, skip_serializing_if = "Option::is_none")]
    pub about_me: Option<AboutMe>,
    /// The care and support plan.
    #[serde(rename = "Care and support plan")]
    pub care_and_support_plan: CareAndSupportPlan,
}

/// The `Care and support plan` section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CareAndSupportPlan {
    /// What the person is good at and what others appreciate.
    #[serde(rename = "Strengths", default)]
    pub strengths: Vec<CodedText>,
    /// Needs, each with its goals.
    #[serde(rename = "Needs, concerns or problems", default)]
    pub needs: Vec<Need>,
    /// Whether the plan was agreed with the person (or their legitimate
    /// representative), and who.
    #[serde(
        rename = "Agreed with person or legitimate representative",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub agreed: Option<Agreed>,
    /// What pays for the care and support.
    #[serde(
        rename = "Care funding source",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub care_funding_source: Option<CodedText>,
    /// When the plan was last updated.
    #[serde(
        rename = "Date this plan was last updated",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub date_last_updated: Option<NaiveDate>,
    /// When the plan is next reviewed.
    #[serde(
        rename = "Planned review date/interval",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub planned_review: Option<NaiveDate>,
    /// Who is responsible for the review.
    #[serde(
        rename = "Responsibility for review",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub responsibility_for_review: Option<Contact>,
}

/// A coded value and free text (either may be absent).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CodedText {
    /// The concept, when coded.
    #[serde(
        rename = "Coded value",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub coded_value: Option<CodedValue>,
    /// The words.
    #[serde(rename = "Free text", default, skip_serializing_if = "Option::is_none")]
    pub free_text: Option<String>,
}

impl CodedText {
    /// Free text, not coded.
    pub fn text(text: impl Into<String>) -> Self {
        Self {
            coded_value: None,
            free_text: Some(text.into()),
        }
    }
}

/// A need, concern or problem, with its goals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Need {
    /// The concept, when coded.
    #[serde(
        rename = "Coded value",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub coded_value: Option<CodedValue>,
    /// The need in words.
    #[serde(rename = "Free text", default, skip_serializing_if = "Option::is_none")]
    pub free_text: Option<String>,
    /// The goals and hopes it serves.
    #[serde(rename = "Goals and hopes", default)]
    pub goals: Vec<Goal>,
}

/// A goal or hope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Goal {
    /// The concept, when coded.
    #[serde(
        rename = "Coded value",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub coded_value: Option<CodedValue>,
    /// The goal in the person's words.
    #[serde(rename = "Free text", default, skip_serializing_if = "Option::is_none")]
    pub free_text: Option<String>,
    /// How much it matters (here 1 to 5, 5 the most).
    #[serde(
        rename = "Goal importance score",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub importance_score: Option<u8>,
    /// The actions towards it.
    #[serde(rename = "Actions and activities", default)]
    pub actions: Vec<ActionEntry>,
    /// How we will know it is happening.
    #[serde(rename = "Outcomes", default)]
    pub outcomes: Vec<CodedText>,
    /// How it is going, in words.
    #[serde(
        rename = "Goal status",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status: Option<String>,
}

/// An action or activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ActionEntry {
    /// What will be done.
    #[serde(rename = "What", default)]
    pub what: Vec<CodedText>,
    /// Who will do it.
    #[serde(rename = "Who", default, skip_serializing_if = "Option::is_none")]
    pub who: Option<Contact>,
    /// By when.
    #[serde(rename = "When", default, skip_serializing_if = "Option::is_none")]
    pub when: Option<NaiveDate>,
    /// How it is going.
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<CodedText>,
    /// When the action was last updated.
    #[serde(
        rename = "Date last updated",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub date_last_updated: Option<NaiveDate>,
    /// When it is next reviewed.
    #[serde(
        rename = "Review date",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub review_date: Option<NaiveDate>,
}

/// A person named in the plan: name, role, team, contact details.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Contact {
    /// Their name.
    #[serde(rename = "Name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Their role.
    #[serde(rename = "Role", default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Their team.
    #[serde(rename = "Team", default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    /// How to reach them.
    #[serde(
        rename = "Contact details",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub contact_details: Option<String>,
}

impl Contact {
    /// Someone by name.
    pub fn named(name: impl Into<String>) -> Self {
        Self {
            name: Some(name.into()),
            ..Self::default()
        }
    }

    /// The same, with a role.
    pub fn with_role(mut self, role: impl Into<String>) -> Self {
        self.role = Some(role.into());
        self
    }

    /// The same, with contact details.
    pub fn with_contact_details(mut self, details: impl Into<String>) -> Self {
        self.contact_details = Some(details.into());
        self
    }
}

/// Agreement with the person or their legitimate representative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Agreed {
    /// Whether it was agreed.
    #[serde(rename = "Person or legitimate representative")]
    pub agreed: bool,
    /// Who agreed it.
    #[serde(
        rename = "Person full name",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub full_name: Option<String>,
    /// Their role (the person, or their representative's).
    #[serde(rename = "Role", default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// What else a plan is made from, beside the review.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct PcspSources<'a> {
    week: Option<&'a PerfectWeek>,
    agreement: Option<&'a IsfAgreement>,
    about_me: Option<&'a AboutMe>,
    review_by: Option<Contact>,
    planned_review: Option<NaiveDate>,
    goal_needs: Vec<(OutcomeId, usize)>,
}

impl<'a> PcspSources<'a> {
    /// Nothing beyond the review.
    pub fn new() -> Self {
        Self::default()
    }

    /// The perfect week, for each goal's importance score.
    pub fn with_week(mut self, week: &'a PerfectWeek) -> Self {
        self.week = Some(week);
        self
    }

    /// The ISF agreement: the care funding source and the review date.
    pub fn with_agreement(mut self, agreement: &'a IsfAgreement) -> Self {
        self.agreement = Some(agreement);
        self
    }

    /// The person's About Me, written beside the plan.
    pub fn with_about_me(mut self, about_me: &'a AboutMe) -> Self {
        self.about_me = Some(about_me);
        self
    }

    /// Who is responsible for the review.
    pub fn with_review_by(mut self, who: Contact) -> Self {
        self.review_by = Some(who);
        self
    }

    /// The planned review date (instead of the ISF's).
    pub fn with_planned_review(mut self, date: NaiveDate) -> Self {
        self.planned_review = Some(date);
        self
    }

    /// Puts the goal of `outcome` under the need at `need` (0-based, in the
    /// order of the review's support needed) rather than a need of its own.
    pub fn with_goal_under_need(mut self, outcome: impl Into<OutcomeId>, need: usize) -> Self {
        self.goal_needs.push((outcome.into(), need));
        self
    }
}

impl PersonalisedCareAndSupportPlan {
    /// The plan from `review` and `sources` (see the [module docs](self)).
    ///
    /// ```
    /// use perfect_week::Review;
    /// use perfect_week::interop::pcsp::{PcspSources, PersonalisedCareAndSupportPlan};
    ///
    /// let review: Review = serde_json::from_value(serde_json::json!({
    ///     "id": "r1", "person": "ava", "date": "2026-03-10", "kind": "OutcomeFocused",
    ///     "attendees": [{"name": "Ava", "relationship": "herself", "perspective": "Person"}],
    ///     "appreciations": ["Her laugh"], "important_to_now": [], "important_to_future": [],
    ///     "support_needed": ["A woman to help me wash"], "working_not_working": [],
    ///     "questions": [],
    ///     "outcomes": [{"id": "swim", "statement": "I swim a length on my own",
    ///         "importance": "To", "measures": ["One length by June"],
    ///         "target_date": null, "status": "Progressing"}],
    ///     "actions": [{"id": "a1", "what": "Book lessons", "owner": "Sam",
    ///         "due": "2026-04-01", "status": "Open", "outcome": "swim"}]
    /// }))?;
    /// let sources = PcspSources::new().with_goal_under_need("swim", 0);
    /// let plan = PersonalisedCareAndSupportPlan::from_review(&review, &sources)?.record;
    /// let json = serde_json::to_value(&plan)?;
    /// let need = &json["Care and support plan"]["Needs, concerns or problems"][0];
    /// assert_eq!(need["Free text"], "A woman to help me wash");
    /// let goal = &need["Goals and hopes"][0];
    /// assert_eq!(goal["Free text"], "I swim a length on my own");
    /// assert_eq!(goal["Goal status"], "In progress");
    /// assert_eq!(goal["Actions and activities"][0]["Who"]["Name"], "Sam");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// An [`InteropError`] naming the item: an action with no owner
    /// ([`InteropError::Missing`]) or nothing to do, an outcome with no
    /// statement, an action serving an unknown outcome, or a goal placed
    /// under an unknown need or for an unknown outcome
    /// ([`InteropError::UnknownId`]); an ISF agreement for another person
    /// ([`InteropError::Conflict`]).
    pub fn from_review(
        review: &Review,
        sources: &PcspSources<'_>,
    ) -> Result<Exported<Self>, InteropError> {
        let me = format!("review \"{}\"", review.id);
        check(review, sources, &me)?;
        let mut report = Report::new(STANDARD);
        let planned_review = sources
            .planned_review
            .or(sources.agreement.map(|a| a.review_due));

        let mut needs: Vec<Need> = review
            .support_needed
            .iter()
            .map(|text| Need {
                coded_value: None,
                free_text: Some(text.clone()),
                goals: Vec::new(),
            })
            .collect();
        for outcome in &review.outcomes {
            let actions = review
                .actions_for(&outcome.id)
                .map(|a| action_entry(a, review.date, planned_review))
                .collect();
            let goal = Goal {
                coded_value: None,
                free_text: Some(outcome.statement.clone()),
                importance_score: sources.week.and_then(|week| {
                    week.activities
                        .iter()
                        .filter(|a| a.outcomes.contains(&outcome.id))
                        .map(|a| a.priority)
                        .max()
                }),
                actions,
                outcomes: outcome.measures.iter().map(CodedText::text).collect(),
                status: Some(goal_status(outcome.status).to_owned()),
            };
            let item = format!("{me} outcome \"{}\"", outcome.id);
            if goal.importance_score.is_none() {
                report.push(
                    format!("{item} importance"),
                    "no perfect-week activity serves it, so it has no goal importance score",
                );
            }
            if let Some(date) = outcome.target_date {
                report.push(
                    format!("{item} target date"),
                    format!("the plan has no element for a goal's target date ({date}); FHIR's Goal carries it"),
                );
            }
            let linked = sources
                .goal_needs
                .iter()
                .find(|(id, _)| id == &outcome.id)
                .map(|(_, need)| *need);
            match linked.and_then(|n| needs.get_mut(n)) {
                Some(need) => need.goals.push(goal),
                None => {
                    report.push(
                        item,
                        "no need is linked to it; its statement stands as a need of its own",
                    );
                    needs.push(Need {
                        coded_value: None,
                        free_text: Some(outcome.statement.clone()),
                        goals: vec![goal],
                    });
                }
            }
        }
        let unlinked: Vec<ActionEntry> = review
            .actions
            .iter()
            .filter(|a| a.outcome.is_none())
            .map(|a| action_entry(a, review.date, planned_review))
            .collect();
        if !unlinked.is_empty() {
            report.push(
                format!("{me} actions serving no outcome"),
                "placed under a need and goal of their own, \"Other actions agreed at the review\"",
            );
            needs.push(Need {
                coded_value: None,
                free_text: Some("Other actions agreed at the review".into()),
                goals: vec![Goal {
                    coded_value: None,
                    free_text: Some(format!(
                        "Actions agreed at the review of {}",
                        review.date.format("%-d %B %Y")
                    )),
                    importance_score: None,
                    actions: unlinked,
                    outcomes: Vec::new(),
                    status: None,
                }],
            });
        }

        let person = review
            .attendees
            .iter()
            .find(|a| a.perspective == Perspective::Person);
        let agreed = person.map(|a| Agreed {
            agreed: true,
            full_name: Some(a.name.clone()),
            role: Some("the person".into()),
        });
        if agreed.is_none() {
            report.push(
                format!("{me} agreement"),
                "the person was not at the review, so the plan does not say it was agreed with them",
            );
        }
        let care_funding_source = sources.agreement.map(|a| {
            CodedText::text(format!(
                "Individual Service Fund held by {}: {} a week less a {} client contribution, from {}; review due {}",
                a.provider,
                format_pounds(a.weekly_amount),
                format_pounds(a.client_contribution),
                a.start,
                a.review_due
            ))
        });
        if care_funding_source.is_some() {
            report.push(
                format!("ISF agreement for \"{}\"", review.person),
                "the care funding source is written in words, not coded; the fee, payment terms and surplus rule are not carried",
            );
        }
        report_review_parts(review, &me, &mut report);

        let plan = CareAndSupportPlan {
            strengths: review.appreciations.iter().map(CodedText::text).collect(),
            needs,
            agreed,
            care_funding_source,
            date_last_updated: Some(review.date),
            planned_review,
            responsibility_for_review: sources.review_by.clone(),
        };
        Ok(Exported::new(
            Self {
                about_me: sources.about_me.cloned(),
                care_and_support_plan: plan,
            },
            report,
        ))
    }
}

/// Refuses what the plan cannot be made from, naming the item.
fn check(review: &Review, sources: &PcspSources<'_>, me: &str) -> Result<(), InteropError> {
    for outcome in &review.outcomes {
        if outcome.statement.trim().is_empty() {
            return Err(InteropError::Missing {
                item: format!("{me} outcome \"{}\"", outcome.id),
                what: "its statement".into(),
            });
        }
    }
    for action in &review.actions {
        let item = format!("{me} action \"{}\"", action.id);
        if action.owner.trim().is_empty() {
            return Err(InteropError::Missing {
                item,
                what: "who will do it (its owner)".into(),
            });
        }
        if action.what.trim().is_empty() {
            return Err(InteropError::Missing {
                item,
                what: "what will be done".into(),
            });
        }
        if let Some(outcome) = &action.outcome
            && !review.outcomes.iter().any(|o| &o.id == outcome)
        {
            return Err(InteropError::UnknownId {
                item,
                what: "outcome".into(),
                id: outcome.to_string(),
            });
        }
    }
    for (outcome, need) in &sources.goal_needs {
        let item = format!("{me} goal for outcome \"{outcome}\"");
        if !review.outcomes.iter().any(|o| &o.id == outcome) {
            return Err(InteropError::UnknownId {
                item,
                what: "outcome".into(),
                id: outcome.to_string(),
            });
        }
        if *need >= review.support_needed.len() {
            return Err(InteropError::UnknownId {
                item,
                what: "need".into(),
                id: format!(
                    "{} (the review lists {})",
                    need,
                    review.support_needed.len()
                ),
            });
        }
    }
    if let Some(agreement) = sources.agreement
        && agreement.person != review.person
    {
        return Err(InteropError::Conflict {
            item: format!("ISF agreement for \"{}\"", agreement.person),
            reason: format!("{me} is of \"{}\"", review.person),
        });
    }
    Ok(())
}

fn action_entry(
    action: &crate::review::Action,
    updated: NaiveDate,
    review: Option<NaiveDate>,
) -> ActionEntry {
    ActionEntry {
        what: vec![CodedText::text(action.what.clone())],
        who: Some(Contact::named(action.owner.clone())),
        when: Some(action.due),
        status: Some(CodedText::text(action_status(action.status))),
        date_last_updated: Some(updated),
        review_date: review,
    }
}

/// A goal's status in words.
pub fn goal_status(status: OutcomeStatus) -> &'static str {
    match status {
        OutcomeStatus::NotStarted => "Not started",
        OutcomeStatus::Progressing => "In progress",
        OutcomeStatus::Achieved => "Achieved",
        OutcomeStatus::Changed => "Changed",
    }
}

/// An action's status in words.
pub fn action_status(status: ActionStatus) -> &'static str {
    match status {
        ActionStatus::Open => "To do",
        ActionStatus::Done => "Done",
        ActionStatus::Dropped => "No longer needed",
    }
}

/// Lists the parts of a review the plan has no element for.
fn report_review_parts(review: &Review, me: &str, report: &mut Report) {
    if !review.outcomes.is_empty() {
        report.push(
            format!("{me} outcomes"),
            "goal and action statuses are written in words: the crate assigns no SNOMED CT code from the care-planning goal and action value sets",
        );
        let to_or_for: Vec<String> = review
            .outcomes
            .iter()
            .map(|o| {
                let which = match o.importance {
                    Importance::To => "to",
                    Importance::For => "for",
                };
                format!("\"{}\" important {which}", o.id)
            })
            .collect();
        report.push(
            format!("{me} outcomes important to or for"),
            format!("the plan has no element for it ({})", to_or_for.join(", ")),
        );
    }
    for (what, present) in [
        (
            "what is working and not working",
            !review.working_not_working.is_empty(),
        ),
        ("questions to answer", !review.questions.is_empty()),
        ("what is important now", !review.important_to_now.is_empty()),
        (
            "what is important in future",
            !review.important_to_future.is_empty(),
        ),
    ] {
        if present {
            report.push(
                format!("{me} {what}"),
                "the care and support plan has no element for it; it stays in the review",
            );
        }
    }
    let others = review
        .attendees
        .iter()
        .filter(|a| a.perspective != Perspective::Person)
        .count();
    if others > 0 {
        report.push(
            format!("{me} attendees"),
            format!("{others} people besides the person were at the review; the plan names only who agreed it and who owns each action"),
        );
    }
}
