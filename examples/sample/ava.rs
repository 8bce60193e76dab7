//! Ava, with her person-centred thinking tools: her one-page profile,
//! what matters to her and how she communicates, who decides what, and
//! the match she wants in the people who support her.

use perfect_week::ids::{MatchRowId, PersonId, SkillId, WorkerId};
use perfect_week::person::{
    BalanceIssue, Category, CommunicationChart, CommunicationEntry, Decider, DecisionAgreementRow,
    DecisionProfile, Evidence, EvidenceKind, HowWeCommunicate, Importance, ImportanceItem,
    MatchRow, MatchingProfile, OnePageProfile, Person,
};

use super::{AVA, strings, traits};

fn item(
    statement: &str,
    importance: Importance,
    category: Category,
    evidence: (EvidenceKind, &str),
    priority: u8,
) -> ImportanceItem {
    ImportanceItem {
        statement: statement.into(),
        importance,
        category,
        evidence: vec![Evidence {
            kind: evidence.0,
            detail: evidence.1.into(),
        }],
        priority,
    }
}

/// Ava, with her person-centred thinking tools.
pub fn ava() -> Person {
    use Category::*;
    use EvidenceKind::*;
    use Importance::{For, To};
    Person {
        id: PersonId::new(AVA),
        name: "Ava Thompson".into(),
        preferred_name: Some("Ava".into()),
        profile: OnePageProfile {
            appreciations: strings(&[
                "Ava has a laugh you can hear down the corridor",
                "She remembers everyone's birthday at Riverside Court",
                "She knows every Riverside FC player's name and number",
                "She is a loyal friend and a brilliant film critic",
            ]),
            important_to_me: strings(&[
                "Seeing my Mum every Sunday afternoon",
                "Football: playing at the club on Thursdays and watching Riverside FC",
                "Going to the pictures with Jess and Kyle on Friday nights",
                "Choosing my own food and doing my own shopping",
                "A trip to the seaside on Saturdays when the weather is good",
                "Church on Sunday morning, and the singing",
            ]),
            how_best_to_support_me: strings(&[
                "Give me time in the morning: I like to wake up slowly with a cup of tea first",
                "Only women help me with washing and dressing",
                "Tell me who is coming to support me the day before",
                "Talk to me, not about me, and use my words",
                "If I go quiet and rub my hands, something is wrong: ask me calmly and wait",
            ]),
            photo: Some("ava.jpg".into()),
        },
        importance: vec![
            item(
                "Seeing Mum every Sunday",
                To,
                People,
                (Said, "at her review"),
                1,
            ),
            item(
                "Playing football at the community club",
                To,
                ThingsToDo,
                (
                    Observed,
                    "she is at the door in her kit by 5 every Thursday",
                ),
                2,
            ),
            item(
                "A takeaway and a fizzy drink at the cinema",
                To,
                Routines,
                (Said, "her friend Jess says the same"),
                3,
            ),
            item(
                "Taking her epilepsy medication at 8 every morning",
                For,
                Health,
                (ToldByOthers, "her GP and the epilepsy nurse"),
                1,
            ),
            item(
                "Keeping her blood sugar steady (she has type 2 diabetes)",
                For,
                Health,
                (ToldByOthers, "the practice nurse"),
                2,
            ),
            item(
                "Being known at church and at the football club",
                For,
                ValuedMember,
                (
                    Observed,
                    "people greet her by name at St Mary's and at the club",
                ),
                3,
            ),
        ],
        balance: vec![BalanceIssue {
            to_item: 2,
            for_item: 4,
            tension: "Ava loves a takeaway and fizzy drinks at the cinema, \
                      and her blood sugar runs high the next day"
                .into(),
            agreed_approach: "Ava chooses her Friday treat; she has the diet drink, \
                              and her Saturday breakfast is a low-sugar one she picked"
                .into(),
        }],
        communication: CommunicationChart {
            understanding: vec![
                CommunicationEntry {
                    context: "Any time".into(),
                    behaviour: "Ava goes quiet and rubs the backs of her hands".into(),
                    media: vec![],
                    meanings: strings(&["She is worried", "She is in pain"]),
                    response: "Sit with her, ask calmly what is wrong, and wait for her answer"
                        .into(),
                },
                CommunicationEntry {
                    context: "In the morning".into(),
                    behaviour: "Ava pulls the duvet over her head".into(),
                    media: vec![],
                    meanings: strings(&["She wants ten more minutes"]),
                    response: "Make her a cup of tea and come back in ten minutes".into(),
                },
                CommunicationEntry {
                    context: "When plans change".into(),
                    behaviour: "Ava says \"not fair\" over and over".into(),
                    media: vec![],
                    meanings: strings(&["She did not know about the change"]),
                    response: "Explain what changed and why, and show her the new time \
                               on her calendar"
                        .into(),
                },
            ],
            telling: vec![HowWeCommunicate {
                what_we_want_to_convey: "Who is supporting her tomorrow".into(),
                how_we_do_it: "Put the worker's photo on her calendar the evening before".into(),
                how_we_know_they_understood: "She says their name and what they will do".into(),
            }],
        },
        decision_profile: DecisionProfile {
            how_i_like_information: strings(&["Pictures and short sentences"]),
            how_to_present_choices: strings(&["Two or three choices at a time"]),
            ways_to_help_me_understand: strings(&["Show me, or take me to see it"]),
            good_times_to_decide: strings(&["Late morning, after my tea"]),
            bad_times_to_decide: strings(&["First thing in the morning, or when I am tired"]),
        },
        decision_agreement: vec![
            DecisionAgreementRow {
                decision_area: "Who chooses my staff".into(),
                involvement: "Ava meets new workers and says yes or no".into(),
                final_decider: Decider::Person,
            },
            DecisionAgreementRow {
                decision_area: "How my money is spent".into(),
                involvement: "Ava chooses; her Mum helps her check the statement".into(),
                final_decider: Decider::Shared(strings(&["Ava", "Mum (Carol Thompson)"])),
            },
        ],
        matching: MatchingProfile {
            rows: vec![
                MatchRow {
                    id: MatchRowId::new("personal-care"),
                    support_area: "Getting up, washing and my tablets".into(),
                    skills: vec![SkillId::new("medication")],
                    essential: traits(&["female"]),
                    desirable: traits(&["calm"]),
                    shared_interests: vec![],
                },
                MatchRow {
                    id: MatchRowId::new("out-and-about"),
                    support_area: "Out and about: football, the cinema, the shops".into(),
                    skills: vec![],
                    essential: vec![],
                    desirable: traits(&["calm"]),
                    shared_interests: traits(&["football", "films"]),
                },
            ],
            excluded_workers: vec![WorkerId::new("dean")],
        },
    }
}
