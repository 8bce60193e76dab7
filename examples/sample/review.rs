//! Ava's person-centred review, the outcomes of her support plan in her
//! words, and how her budget serves them.

use perfect_week::ids::{ActionId, OutcomeId, PersonId, ReviewId};
use perfect_week::person::Importance;
use perfect_week::review::{
    Action, ActionStatus, Attendee, BudgetUse, Outcome, OutcomeStatus, Perspective,
    PerspectiveView, Question, Review, ReviewKind, SupportPlan,
};
use rust_decimal::Decimal;

use super::{AVA, date, pounds, strings};

fn outcome(id: &str, statement: &str, importance: Importance, measure: &str) -> Outcome {
    Outcome {
        id: OutcomeId::new(id),
        statement: statement.into(),
        importance,
        measures: strings(&[measure]),
        target_date: Some(date(2026, 9, 30)),
        status: OutcomeStatus::Progressing,
    }
}

/// The outcomes of Ava's support plan, in her words.
pub fn outcomes() -> Vec<Outcome> {
    vec![
        outcome(
            "mum",
            "I want to see my Mum every week",
            Importance::To,
            "Ava sees her Mum at least 4 Sundays in 5",
        ),
        outcome(
            "football",
            "I want to play football every week and be part of the team",
            Importance::To,
            "Ava plays at the club every Thursday and is picked for a match",
        ),
        outcome(
            "friends",
            "I want to go out with my friends on Fridays",
            Importance::To,
            "Ava goes to the cinema with Jess and Kyle most Fridays",
        ),
        outcome(
            "healthy",
            "I want to stay well and have no seizures",
            Importance::For,
            "Medication taken on time every morning; blood sugar in range",
        ),
        outcome(
            "independence",
            "I want to do my own shopping and cooking",
            Importance::To,
            "Ava plans, buys and cooks three meals a week",
        ),
        outcome(
            "seaside",
            "I want to go to the seaside, and on holiday to Whitby in the summer",
            Importance::To,
            "A trip to the coast most Saturdays; the Whitby holiday booked",
        ),
    ]
}

/// Ava's person-centred review, in March 2026.
pub fn review() -> Review {
    Review {
        id: ReviewId::new("ava-2026-03"),
        person: PersonId::new(AVA),
        date: date(2026, 3, 10),
        kind: ReviewKind::OutcomeFocused,
        attendees: vec![
            Attendee {
                name: "Ava Thompson".into(),
                relationship: "herself".into(),
                perspective: Perspective::Person,
            },
            Attendee {
                name: "Carol Thompson".into(),
                relationship: "Mum".into(),
                perspective: Perspective::Family,
            },
            Attendee {
                name: "Priya Shah".into(),
                relationship: "support worker".into(),
                perspective: Perspective::Staff,
            },
            Attendee {
                name: "Mark Osei".into(),
                relationship: "social worker".into(),
                perspective: Perspective::Professional,
            },
        ],
        appreciations: strings(&["Ava's laugh", "How she looks out for her neighbours"]),
        important_to_now: strings(&["Mum", "Football", "Friday nights out"]),
        important_to_future: strings(&["A holiday in Whitby", "Playing in a real match"]),
        support_needed: strings(&[
            "A woman to help with washing and dressing, and her tablets at 8",
            "Two staff, one a driver, for trips to the coast",
        ]),
        working_not_working: vec![
            PerspectiveView {
                perspective: Perspective::Person,
                who: Some("Ava".into()),
                working: strings(&["Football on Thursdays", "Priya and Hannah"]),
                not_working: strings(&[
                    "Not knowing who is coming",
                    "Shopping at 8 in the morning",
                ]),
            },
            PerspectiveView {
                perspective: Perspective::Family,
                who: Some("Carol".into()),
                working: strings(&["Ava is happier since she moved to Riverside Court"]),
                not_working: strings(&["Sunday visits cut short for lack of a lift"]),
            },
        ],
        questions: vec![Question {
            text: "Can Ava's hours be saved up for a holiday?".into(),
            owner: Some("Mark Osei".into()),
        }],
        outcomes: outcomes(),
        actions: vec![
            Action {
                id: ActionId::new("a1"),
                what: "Ask the club about a place in the Saturday league team".into(),
                owner: "Tom Reid".into(),
                due: date(2026, 4, 30),
                status: ActionStatus::Open,
                outcome: Some(OutcomeId::new("football")),
            },
            Action {
                id: ActionId::new("a2"),
                what: "Put £25 a week aside for the Whitby holiday".into(),
                owner: "Ava and Carol".into(),
                due: date(2026, 3, 23),
                status: ActionStatus::Done,
                outcome: Some(OutcomeId::new("seaside")),
            },
            Action {
                id: ActionId::new("a3"),
                what: "Move the shopping to mid-morning, with time to choose".into(),
                owner: "Priya Shah".into(),
                due: date(2026, 3, 23),
                status: ActionStatus::Done,
                outcome: Some(OutcomeId::new("independence")),
            },
            Action {
                id: ActionId::new("a4"),
                what: "Photo calendar of who is coming, updated every evening".into(),
                owner: "Hannah Lewis".into(),
                due: date(2026, 4, 6),
                status: ActionStatus::Open,
                outcome: Some(OutcomeId::new("healthy")),
            },
        ],
    }
}

/// How Ava's budget serves her outcomes.
pub fn support_plan() -> SupportPlan {
    let use_of = |outcome: &str, description: &str, hours: i64| BudgetUse {
        outcome: OutcomeId::new(outcome),
        description: description.into(),
        weekly_hours: Some(Decimal::new(hours, 1)),
        weekly_amount: None,
    };
    SupportPlan {
        person: PersonId::new(AVA),
        outcomes: outcomes(),
        budget_uses: vec![
            use_of("healthy", "Help to get up, wash and take my tablets", 70),
            use_of("football", "Support at the club on Thursday evenings", 20),
            use_of("friends", "Support at the cinema on Fridays", 35),
            use_of("independence", "Food shopping and swimming", 30),
            use_of("seaside", "Two staff for a Saturday at the coast", 120),
            BudgetUse {
                outcome: OutcomeId::new("seaside"),
                description: "Saved towards the Whitby holiday".into(),
                weekly_hours: None,
                weekly_amount: Some(pounds(2500)),
            },
        ],
    }
}
