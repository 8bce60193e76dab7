//! The built-in example: Ava, a resident of Riverside Court, her perfect
//! week, her Individual Service Fund, the service's core-and-flexi staffing
//! and the team who support her, over two weeks from Monday 23 March 2026
//! (the clocks go forward on Sunday 29 March; Good Friday is 3 April).
//!
//! Shared by the examples, `tests/plan.rs`, `tests/care_service.rs`,
//! `benches/plan.rs` and `benches/solver.rs` through
//! `#[path = "../examples/sample/mod.rs"] mod sample;`. Beside Ava's story:
//! Riverside Court (`court.rs`), the care benchmark's generated service
//! (`generated.rs`), its figures (`figures.rs`) and the solver options of
//! the care examples (`cli.rs`).
//! Nothing here panics: dates and times that could not be made fall back to
//! a minimum value, and the example's and tests' validation would catch it.
#![allow(dead_code)]

use chrono::{NaiveDate, NaiveTime, Weekday};
use chrono_tz::Europe::London;
use perfect_week::ids::{
    ActionId, EntryId, MatchRowId, OutcomeId, PersonId, ReviewId, SkillId, TraitId, WorkerId,
};
use perfect_week::money::{
    Allocation, DayKind, Enhancement, EntryKind, FeeRule, IsfAgreement, Ledger, LedgerEntry,
    RateCard, RateCardSet, SurplusRule, When,
};
use perfect_week::person::{
    BalanceIssue, Category, CommunicationChart, CommunicationEntry, Decider, DecisionAgreementRow,
    DecisionProfile, Evidence, EvidenceKind, HowWeCommunicate, Importance, ImportanceItem,
    MatchRow, MatchingProfile, OnePageProfile, Person,
};
use perfect_week::plan::{Absence, Changes, CorePlan, Fund, PersonPlan, Plan};
use perfect_week::review::{
    Action, ActionStatus, Attendee, BudgetUse, Outcome, OutcomeStatus, Perspective,
    PerspectiveView, Question, Review, ReviewKind, SupportPlan,
};
use perfect_week::service::{CoreShiftKind, CoreShiftTemplate, FlexiRule, Service};
use perfect_week::solver::SolverConfig;
use perfect_week::staff::{AvailabilityWindow, Contract, Leave, LeaveKind, Qualification, Worker};
use perfect_week::week::{Activity, Funding, PerfectWeek, RotaPeriod, Support, Timing};
use rust_decimal::Decimal;

pub mod cli;
mod court;
pub mod figures;
mod generated;
mod story;
#[allow(unused_imports)]
pub use court::{AREAS, court_plan, decision_records};
#[allow(unused_imports)]
pub use generated::{CareSize, care_plan};
#[allow(unused_imports)]
pub use story::{story, story_config};

/// Ava's id.
pub const AVA: &str = "ava";
/// The worker who rings in sick in week 2.
pub const SICK_WORKER: &str = "priya";
/// Steps the solver takes: enough for a good rota, few enough to stay
/// quick, and a step budget (not a clock) so every run prints the same.
pub const SOLVER_STEPS: u64 = 500_000;

/// A date; `NaiveDate::MIN` if it does not exist (validation would say).
pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// A time of day; midnight if it does not exist.
pub fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN)
}

/// Pounds from pence.
pub fn pounds(pence: i64) -> Decimal {
    Decimal::new(pence, 2)
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

fn traits(items: &[&str]) -> Vec<TraitId> {
    items.iter().map(|s| TraitId::new(*s)).collect()
}

/// The rota period: two weeks from Monday 23 March 2026, London time.
pub fn period() -> RotaPeriod {
    RotaPeriod::new(date(2026, 3, 23), 2, London)
}

/// The distinct workers on `person`'s own entries of `rota`: how many
/// different workers they see.
pub fn workers_seen<'a>(
    rota: &'a perfect_week::rota::Rota,
    person: &'a PersonId,
) -> std::collections::BTreeSet<&'a WorkerId> {
    rota.for_person(person)
        .flat_map(|e| &e.workers)
        .map(|w| &w.id)
        .collect()
}

/// The solver settings the example, tests and bench use.
pub fn solver_config() -> SolverConfig {
    SolverConfig::default()
        .with_seed(7)
        .with_max_steps(SOLVER_STEPS)
}

// ---------------------------------------------------------------- Ava

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

// ------------------------------------------------- review and support plan

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

// ---------------------------------------------------------- perfect week

/// The first day of each week's activity.
pub fn weekdays() -> [Weekday; 7] {
    use Weekday::*;
    [Mon, Tue, Wed, Thu, Fri, Sat, Sun]
}

fn out_and_about(workers: u8) -> Support {
    Support::new(workers).with_match_row("out-and-about")
}

/// Ava's perfect week.
pub fn week() -> PerfectWeek {
    let outcome = |id: &str| vec![OutcomeId::new(id)];
    let mut activities = Vec::new();
    for day in weekdays() {
        let name = format!("care-{}", day.to_string().to_lowercase());
        activities.push(
            Activity::new(
                name,
                "Getting up, shower and morning tablets",
                day,
                Timing::fixed(hm(7, 30)),
                60,
            )
            .with_support(
                Support::new(1)
                    .with_preferred("priya")
                    .with_preferred("hannah")
                    .with_match_row("personal-care"),
            )
            .with_priority(5)
            .serving(outcome("healthy")),
        );
    }
    activities.extend([
        Activity::new(
            "swim",
            "Swimming at the leisure centre",
            Weekday::Tue,
            Timing::fixed(hm(10, 30)),
            90,
        )
        .at("leisure-centre")
        .with_support(out_and_about(1))
        .serving(outcome("healthy")),
        Activity::new(
            "shopping",
            "Food shopping for the week",
            Weekday::Wed,
            Timing::flexible(hm(9, 0), hm(14, 0), hm(10, 30)),
            90,
        )
        .at("town-centre")
        .with_support(out_and_about(1))
        .serving(outcome("independence")),
        Activity::new(
            "football",
            "Football at Riverside Community Club",
            Weekday::Thu,
            Timing::fixed(hm(18, 0)),
            120,
        )
        .at("football-club")
        .with_support(out_and_about(1))
        .with_priority(4)
        .serving(outcome("football")),
        Activity::new(
            "cinema",
            "Cinema with Jess and Kyle",
            Weekday::Fri,
            Timing::fixed(hm(19, 0)),
            210,
        )
        .at("cinema")
        .with_support(out_and_about(1).with_refused("marcus"))
        .serving(outcome("friends")),
        Activity::new(
            "coast",
            "A day at the coast",
            Weekday::Sat,
            Timing::fixed(hm(10, 0)),
            360,
        )
        .with_support(out_and_about(2).with_skill("driving"))
        .serving(outcome("seaside")),
        Activity::new(
            "church",
            "Church at St Mary's",
            Weekday::Sun,
            Timing::fixed(hm(10, 0)),
            90,
        )
        .at("st-marys")
        .funded_by(Funding::Community)
        .with_support(Support::new(0)),
        Activity::new(
            "mum",
            "Visiting Mum (Mum picks me up)",
            Weekday::Sun,
            Timing::fixed(hm(13, 0)),
            240,
        )
        .funded_by(Funding::Unpaid)
        .with_support(Support::new(0))
        .serving(outcome("mum")),
    ]);
    PerfectWeek::new(AVA, activities)
}

// ------------------------------------------------------------------ money

/// The rate card from 1 March 2026: £24.00 an hour, time and a half from
/// 22:00 to 07:00, a quarter more at weekends, double on bank holidays.
pub fn rate_cards() -> RateCardSet {
    RateCardSet {
        cards: vec![
            RateCard {
                effective_from: date(2025, 4, 1),
                effective_to: Some(date(2026, 2, 28)),
                base_hourly: pounds(2300),
                waking_night_hourly: pounds(1900),
                sleep_in_flat: pounds(9000),
                enhancements: enhancements(),
                bank_holidays: vec![date(2025, 5, 5), date(2025, 12, 25)],
            },
            RateCard {
                effective_from: date(2026, 3, 1),
                effective_to: None,
                base_hourly: pounds(2400),
                waking_night_hourly: pounds(2000),
                sleep_in_flat: pounds(9500),
                enhancements: enhancements(),
                bank_holidays: vec![date(2026, 4, 3), date(2026, 4, 6), date(2026, 5, 4)],
            },
        ],
    }
}

fn enhancements() -> Vec<Enhancement> {
    vec![
        Enhancement {
            applies: When::Band {
                from: hm(22, 0),
                to: hm(7, 0),
            },
            multiplier: Decimal::new(15, 1),
        },
        Enhancement {
            applies: When::DayKind(DayKind::Weekend),
            multiplier: Decimal::new(125, 2),
        },
        Enhancement {
            applies: When::DayKind(DayKind::BankHoliday),
            multiplier: Decimal::new(2, 0),
        },
    ]
}

/// Ava's weekly core share: Riverside Court's core staffing in an ordinary
/// week (£3,840.00, the week from 16 March 2026) shared equally by its 20
/// residents. `tests/plan.rs`
/// checks it against `Service::core_split`.
pub fn core_share_per_week() -> Decimal {
    pounds(19_200)
}

/// Ava's allocation: £1,000.00 a week, of which her core share pays for
/// Riverside Court's shared staffing and the rest is her flexi money.
pub fn allocation() -> Allocation {
    Allocation {
        money_per_week: Some(pounds(100_000)),
        hours_per_week: None,
        core_money_per_week: Some(core_share_per_week()),
        flexi_hours_per_week: None,
    }
}

/// What pays for Ava's flexi support: her allocation, and £50.00 she chose
/// to use from her bank in this rota.
pub fn fund() -> Fund {
    Fund::money(rate_cards(), pounds(0))
        .with_allocation(allocation())
        .with_usable_bank(pounds(5_000))
}

/// Ava's ISF agreement with Riverside Support: £1,070.00 a week less her
/// £30.00 contribution; a £40.00 weekly management fee; of the £1,000.00
/// left, her core share goes to Riverside Court's shared staffing and the
/// rest (£808.00) is hers to spend on flexi support.
pub fn agreement() -> IsfAgreement {
    IsfAgreement {
        person: PersonId::new(AVA),
        provider: "Riverside Support".into(),
        start: date(2025, 10, 6),
        review_due: date(2026, 10, 5),
        weekly_amount: pounds(107_000),
        client_contribution: pounds(3_000),
        management_fee: FeeRule::FixedWeekly(pounds(4_000)),
        payment_in_advance_weeks: 2,
        surplus: SurplusRule {
            max_multiple_of_weekly: Decimal::new(4, 0),
            max_age_weeks: 12,
            earmarked_exempt: true,
        },
    }
}

/// The first day of the ledger shown by the example.
pub fn ledger_start() -> NaiveDate {
    date(2026, 3, 2)
}

/// Three weeks of the flexi part of Ava's ISF before this rota (the core
/// share goes straight to Riverside Court): money paid in, the management
/// fee, support delivered, and money saved for Whitby.
pub fn ledger() -> Result<Ledger, perfect_week::LedgerError> {
    let mut entries = Vec::new();
    let mut push = |date: NaiveDate, kind: EntryKind, pence: i64, outcome: Option<&str>| {
        entries.push(LedgerEntry {
            id: EntryId::new(format!("e{}", entries.len() + 1)),
            date,
            kind,
            amount: pounds(pence),
            outcomes: outcome.map(OutcomeId::new).into_iter().collect(),
        });
    };
    let delivered = |minutes: u32, what: &str| EntryKind::DeliveredSupport {
        minutes,
        session: Some(what.into()),
    };
    for week in 0..3u32 {
        let day = |n: u32| date(2026, 3, 2 + 7 * week + n);
        push(day(0), EntryKind::Credit, 84_800, None);
        push(day(0), EntryKind::ManagementFee, 4_000, None);
        push(day(1), delivered(90, "Swimming"), 3_600, Some("healthy"));
        push(
            day(2),
            delivered(90, "Food shopping"),
            3_600,
            Some("independence"),
        );
        push(day(3), delivered(120, "Football"), 4_800, Some("football"));
        push(day(4), delivered(210, "Cinema"), 9_000, Some("friends"));
        push(
            day(5),
            delivered(720, "Coast, two staff"),
            36_000,
            Some("seaside"),
        );
        push(
            day(6),
            delivered(420, "Mornings, Monday to Sunday"),
            18_000,
            Some("healthy"),
        );
        push(
            day(6),
            EntryKind::BankDeposit {
                purpose: "Whitby holiday".into(),
            },
            2_500,
            Some("seaside"),
        );
    }
    Ledger::from_entries(entries)
}

// --------------------------------------------------------------- service

/// Riverside Court: 20 flats, a day worker 08:00–20:00 and a waking night
/// 20:00–08:00 every day, and 600 flexi hours a week shared equally.
pub fn service() -> Service {
    let mut residents = vec![PersonId::new(AVA)];
    residents.extend((2..=20).map(|n| PersonId::new(format!("flat-{n:02}"))));
    let shift = |id: &str, role: &str, kind, start, end| {
        CoreShiftTemplate::new(id, role, kind, weekdays().to_vec(), start, end)
            .requiring("first-aid")
    };
    Service::new("riverside-court", "Riverside Court")
        .with_residents(20, residents)
        .with_core_shift(shift(
            "day",
            "Day worker on site",
            CoreShiftKind::Day,
            hm(8, 0),
            hm(20, 0),
        ))
        .with_core_shift(shift(
            "night",
            "Waking night",
            CoreShiftKind::WakingNight,
            hm(20, 0),
            hm(8, 0),
        ))
        .with_flexi(Decimal::new(600, 0), FlexiRule::Equal)
}

/// The service's core shifts, costed by the same rate card, within a core
/// budget of £4,000.00 a week.
pub fn core_plan() -> CorePlan {
    CorePlan::new(service(), rate_cards()).with_budget_per_week(pounds(400_000))
}

// ---------------------------------------------------------------- workers

struct W<'a> {
    id: &'a str,
    name: &'a str,
    about: &'a str,
    skills: &'a [(&'a str, Option<NaiveDate>)],
    traits: &'a [&'a str],
    interests: &'a [&'a str],
    hours: (u32, u32),
    opted_out: bool,
    born: NaiveDate,
}

fn worker(w: W<'_>) -> Worker {
    let contract = Contract::new(w.hours.1 * 60, pounds(1_325))
        .with_min_minutes_per_week(w.hours.0 * 60)
        .with_opted_out_of_48h(w.opted_out);
    let mut worker = Worker::new(w.id, w.name, w.born, contract).with_profile(OnePageProfile {
        appreciations: vec![],
        important_to_me: vec![],
        how_best_to_support_me: vec![w.about.into()],
        photo: None,
    });
    for (skill, expires) in w.skills {
        let held = Qualification::new(*skill).with_obtained(date(2024, 1, 8));
        worker = worker.with_qualification(match expires {
            Some(last) => held.with_expires(*last),
            None => held,
        });
    }
    for characteristic in traits(w.traits) {
        worker = worker.with_characteristic(characteristic);
    }
    for interest in traits(w.interests) {
        worker = worker.with_interest(interest);
    }
    worker
}

fn window(weekday: Weekday, start: NaiveTime, end: NaiveTime) -> AvailabilityWindow {
    AvailabilityWindow::new(weekday, start, end)
}

/// The team: twelve workers, day and night.
pub fn workers() -> Vec<Worker> {
    let none = None;
    let mut team = vec![
        worker(W {
            id: "priya",
            name: "Priya Shah",
            about: "Calm and patient; loves a good film and a Sunday roast",
            skills: &[("medication", none), ("first-aid", none)],
            traits: &["female", "calm"],
            interests: &["films", "cooking"],
            hours: (0, 40),
            opted_out: false,
            born: date(1991, 6, 14),
        }),
        worker(W {
            id: "hannah",
            name: "Hannah Lewis",
            about: "Early riser, drives the minibus, sings in a choir",
            skills: &[("medication", none), ("driving", none), ("first-aid", none)],
            traits: &["female", "calm"],
            interests: &["music", "films"],
            hours: (16, 40),
            opted_out: false,
            born: date(1986, 2, 3),
        }),
        worker(W {
            id: "grace",
            name: "Grace Okafor",
            about: "Swims every morning; her medication training runs out on 31 March",
            skills: &[("medication", Some(date(2026, 3, 31))), ("first-aid", none)],
            traits: &["female", "cheerful"],
            interests: &["swimming", "films"],
            hours: (0, 37),
            opted_out: false,
            born: date(1995, 9, 21),
        }),
        worker(W {
            id: "tom",
            name: "Tom Reid",
            about: "Coaches the under-12s; talks football all day",
            skills: &[("driving", none), ("first-aid", none)],
            traits: &["male", "calm"],
            interests: &["football"],
            hours: (16, 40),
            opted_out: false,
            born: date(1989, 11, 2),
        }),
        worker(W {
            id: "marcus",
            name: "Marcus Bell",
            about: "Lively; plays five-a-side on Tuesdays",
            skills: &[("driving", none), ("first-aid", none)],
            traits: &["male", "lively"],
            interests: &["football", "gaming"],
            hours: (0, 40),
            opted_out: false,
            born: date(1998, 4, 30),
        }),
        worker(W {
            id: "amira",
            name: "Amira Haddad",
            about: "Senior worker; the first-aid trainer",
            skills: &[("medication", none), ("first-aid", none), ("driving", none)],
            traits: &["female", "calm"],
            interests: &["gardening"],
            hours: (0, 40),
            opted_out: false,
            born: date(1979, 8, 12),
        }),
        worker(W {
            id: "ben",
            name: "Ben Carter",
            about: "Handy with a toolbox; keeps the garden",
            skills: &[("first-aid", none), ("driving", none)],
            traits: &["male"],
            interests: &["gardening", "football"],
            hours: (0, 48),
            opted_out: false,
            born: date(1984, 1, 19),
        }),
        worker(W {
            id: "siobhan",
            name: "Siobhan Kelly",
            about: "Nights by choice; knits through the small hours",
            skills: &[("first-aid", none), ("medication", none)],
            traits: &["female", "calm"],
            interests: &["knitting"],
            hours: (24, 60),
            opted_out: true,
            born: date(1975, 5, 5),
        }),
        worker(W {
            id: "joe",
            name: "Joe Price",
            about: "Nights; studying for a nursing degree by day",
            skills: &[("first-aid", none)],
            traits: &["male", "calm"],
            interests: &["films"],
            hours: (24, 48),
            opted_out: false,
            born: date(2000, 12, 1),
        }),
        worker(W {
            id: "dean",
            name: "Dean Walsh",
            about: "Nights and weekends",
            skills: &[("first-aid", none), ("driving", none)],
            traits: &["male"],
            interests: &["football"],
            hours: (0, 48),
            opted_out: false,
            born: date(1982, 7, 7),
        }),
        worker(W {
            id: "rosa",
            name: "Rosa Martins",
            about: "Relief worker at weekends; drives",
            skills: &[("medication", none), ("driving", none), ("first-aid", none)],
            traits: &["female", "cheerful"],
            interests: &["films", "dancing"],
            hours: (0, 30),
            opted_out: false,
            born: date(1993, 3, 9),
        }),
        worker(W {
            id: "lily",
            name: "Lily Evans",
            about: "Apprentice, 17; at college on Mondays and Fridays",
            skills: &[],
            traits: &["female", "cheerful"],
            interests: &["films", "swimming"],
            hours: (0, 20),
            opted_out: false,
            born: date(2008, 10, 17),
        }),
    ];
    for w in &mut team {
        match w.id.as_str() {
            // Amira is on holiday for most of week 2.
            "amira" => w.leave.push(Leave::new(
                date(2026, 3, 30),
                date(2026, 4, 3),
                LeaveKind::Annual,
            )),
            // Rosa works Friday evening to Sunday.
            "rosa" => {
                w.availability.weekly = vec![
                    window(Weekday::Fri, hm(17, 0), hm(23, 59)),
                    window(Weekday::Sat, hm(7, 0), hm(23, 0)),
                    window(Weekday::Sun, hm(7, 0), hm(21, 0)),
                ]
            }
            // Lily is at college on Mondays and Fridays.
            "lily" => {
                w.availability.weekly = [Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Sat]
                    .into_iter()
                    .map(|day| window(day, hm(9, 0), hm(21, 0)))
                    .collect()
            }
            _ => {}
        }
    }
    team
}

// ------------------------------------------------------------------ plan

/// The whole plan: Ava's week and fund, Riverside Court's core shifts and
/// the team, over the two weeks.
pub fn plan() -> Plan {
    Plan::new(
        period(),
        vec![PersonPlan::new(ava(), week(), Some(fund()))],
        workers(),
    )
    .with_service(core_plan())
}

/// The day Priya rings in sick: Wednesday 1 April 2026.
pub fn sick_from() -> NaiveDate {
    date(2026, 4, 1)
}

/// When Priya rings in: 18:00 on Tuesday 31 March, the evening before.
pub fn sick_told() -> chrono::DateTime<chrono::Utc> {
    let evening = NaiveTime::from_hms_opt(18, 0, 0).unwrap_or(NaiveTime::MIN);
    perfect_week::time::resolve_local(London, date(2026, 3, 31).and_time(evening)).to_utc()
}

/// Priya is off sick from Wednesday 1 April to the end of the rota.
pub fn sick_call() -> Changes {
    Changes::new().with_absence(Absence::new(SICK_WORKER, sick_from(), period().end()))
}
