//! Rich examples of every public domain type: each survives a JSON round
//! trip, money is written as strings, and validation reports every problem.

use std::fmt::Debug;

use chrono::{NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Europe::London;
use perfect_week::error::ValidationError;
use perfect_week::ids::*;
use perfect_week::money::*;
use perfect_week::person::*;
use perfect_week::review::*;
use perfect_week::service::*;
use perfect_week::staff::*;
use perfect_week::time::TimeRange;
use rust_decimal::Decimal;
use serde::{Serialize, de::DeserializeOwned};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn d(text: &str) -> Decimal {
    text.parse()
        .unwrap_or_else(|e| panic!("bad decimal {text}: {e}"))
}

fn date(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap_or_else(|| panic!("bad date"))
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or_else(|| panic!("bad time"))
}

fn round_trip<T: Serialize + DeserializeOwned + PartialEq + Debug>(value: &T) -> TestResult {
    let json = serde_json::to_string_pretty(value)?;
    let back: T = serde_json::from_str(&json)?;
    assert_eq!(&back, value, "{json}");
    Ok(())
}

fn person() -> Person {
    Person {
        id: PersonId::new("p1"),
        name: "Margaret Jones".into(),
        preferred_name: Some("Peggy".into()),
        profile: OnePageProfile {
            appreciations: vec!["Quick wit".into()],
            important_to_me: vec!["My grandson on Sundays".into()],
            how_best_to_support_me: vec!["Tea, two sugars, stirred".into()],
            photo: Some("peggy.jpg".into()),
        },
        importance: vec![
            ImportanceItem {
                statement: "A lie-in on Saturdays".into(),
                importance: Importance::To,
                category: Category::Other("weekends".into()),
                evidence: vec![Evidence {
                    kind: EvidenceKind::Said,
                    detail: "Told us".into(),
                }],
                priority: 1,
            },
            ImportanceItem {
                statement: "Insulin before food".into(),
                importance: Importance::For,
                category: Category::Health,
                evidence: vec![Evidence {
                    kind: EvidenceKind::ToldByOthers,
                    detail: "GP".into(),
                }],
                priority: 1,
            },
        ],
        balance: vec![BalanceIssue {
            to_item: 0,
            for_item: 1,
            tension: "Lie-in delays insulin".into(),
            agreed_approach: "Breakfast at ten".into(),
        }],
        communication: CommunicationChart {
            understanding: vec![CommunicationEntry {
                context: "At meals".into(),
                behaviour: "Pushes the plate away".into(),
                media: vec!["plate.mp4".into()],
                meanings: vec!["Full".into(), "Does not like it".into()],
                response: "Offer something else".into(),
            }],
            telling: vec![HowWeCommunicate {
                what_we_want_to_convey: "Who is coming".into(),
                how_we_do_it: "Photo on the fridge".into(),
                how_we_know_they_understood: "Says the name".into(),
            }],
        },
        decision_profile: DecisionProfile {
            how_i_like_information: vec!["Pictures".into()],
            how_to_present_choices: vec!["Two at a time".into()],
            ways_to_help_me_understand: vec!["Show me".into()],
            good_times_to_decide: vec!["Mornings".into()],
            bad_times_to_decide: vec!["When tired".into()],
        },
        decision_agreement: vec![
            DecisionAgreementRow {
                decision_area: "Who supports me".into(),
                involvement: "I meet them first".into(),
                final_decider: Decider::Person,
            },
            DecisionAgreementRow {
                decision_area: "Money".into(),
                involvement: "Explained with pictures".into(),
                final_decider: Decider::Shared(vec!["Peggy".into(), "Jo".into()]),
            },
            DecisionAgreementRow {
                decision_area: "Medical treatment".into(),
                involvement: "Asked every time".into(),
                final_decider: Decider::Named("Dr Patel".into()),
            },
            DecisionAgreementRow {
                decision_area: "Moving home".into(),
                involvement: "Visits first".into(),
                final_decider: Decider::BestInterests,
            },
        ],
        matching: MatchingProfile {
            rows: vec![MatchRow {
                id: MatchRowId::new("m1"),
                support_area: "Football".into(),
                skills: vec![SkillId::new("driving")],
                essential: vec![TraitId::new("patient")],
                desirable: vec![TraitId::new("funny")],
                shared_interests: vec![TraitId::new("football")],
            }],
            excluded_workers: vec![WorkerId::new("w9")],
        },
    }
}

fn worker() -> Worker {
    let contract = Contract::new(2400, d("12.71"))
        .with_min_minutes_per_week(600)
        .with_opted_out_of_48h(true);
    Worker::new("w1", "Sam", date(1990, 2, 3), contract)
        .with_qualification(Qualification::new("driving").with_obtained(date(2020, 1, 1)))
        .with_characteristic("patient")
        .with_interest("football")
        .with_availability(AvailabilityWindow::new(Weekday::Sat, hm(10, 0), hm(2, 0)))
        .with_unavailability(Unavailability::new(
            date(2026, 5, 2).and_time(hm(12, 0)),
            date(2026, 5, 2).and_time(hm(13, 0)),
            "Dentist",
        ))
        .with_leave(Leave::new(
            date(2026, 8, 1),
            date(2026, 8, 14),
            LeaveKind::Annual,
        ))
        .with_leave(Leave::new(
            date(2026, 9, 1),
            date(2026, 9, 1),
            LeaveKind::Other("jury".into()),
        ))
}

fn outcome(id: &str, status: OutcomeStatus) -> Outcome {
    Outcome {
        id: OutcomeId::new(id),
        statement: "I want to see Town play".into(),
        importance: Importance::To,
        measures: vec!["Ten home games".into()],
        target_date: Some(date(2027, 5, 1)),
        status,
    }
}

fn review() -> Review {
    Review {
        id: ReviewId::new("r1"),
        person: PersonId::new("p1"),
        date: date(2026, 5, 1),
        kind: ReviewKind::OutcomeFocused,
        attendees: vec![
            Attendee {
                name: "Peggy".into(),
                relationship: "self".into(),
                perspective: Perspective::Person,
            },
            Attendee {
                name: "Dr Patel".into(),
                relationship: "GP".into(),
                perspective: Perspective::Professional,
            },
            Attendee {
                name: "Ann".into(),
                relationship: "advocate".into(),
                perspective: Perspective::Other("advocate".into()),
            },
        ],
        appreciations: vec!["Kind".into()],
        important_to_now: vec!["Football".into()],
        important_to_future: vec!["A job".into()],
        support_needed: vec!["Insulin".into()],
        working_not_working: vec![PerspectiveView {
            perspective: Perspective::Staff,
            who: Some("Sam".into()),
            working: vec!["Saturdays".into()],
            not_working: vec!["Rushed mornings".into()],
        }],
        questions: vec![Question {
            text: "Bus pass?".into(),
            owner: None,
        }],
        outcomes: vec![
            outcome("o1", OutcomeStatus::Progressing),
            outcome("o2", OutcomeStatus::Changed),
        ],
        actions: vec![Action {
            id: ActionId::new("a1"),
            what: "Season ticket".into(),
            owner: "Jo".into(),
            due: date(2026, 6, 1),
            status: ActionStatus::Done,
            outcome: Some(OutcomeId::new("o1")),
        }],
    }
}

fn card() -> RateCard {
    RateCard {
        effective_from: date(2026, 4, 6),
        effective_to: Some(date(2027, 4, 4)),
        base_hourly: d("24.50"),
        waking_night_hourly: d("21.72"),
        sleep_in_flat: d("90"),
        enhancements: vec![
            Enhancement {
                applies: When::Band {
                    from: hm(20, 0),
                    to: hm(7, 0),
                },
                multiplier: d("1.5"),
            },
            Enhancement {
                applies: When::DayKind(DayKind::Weekend),
                multiplier: d("1.25"),
            },
            Enhancement {
                applies: When::DayKind(DayKind::BankHoliday),
                multiplier: d("2"),
            },
        ],
        bank_holidays: vec![date(2026, 5, 4), date(2026, 5, 25)],
    }
}

fn agreement() -> IsfAgreement {
    IsfAgreement {
        person: PersonId::new("p1"),
        provider: "Brightside".into(),
        start: date(2026, 4, 6),
        review_due: date(2027, 4, 5),
        weekly_amount: d("320.00"),
        client_contribution: d("20.00"),
        management_fee: FeeRule::Percent(d("7.5")),
        payment_in_advance_weeks: 2,
        surplus: SurplusRule {
            max_multiple_of_weekly: d("4"),
            max_age_weeks: 12,
            earmarked_exempt: true,
        },
    }
}

fn ledger() -> Result<Ledger, Box<dyn std::error::Error>> {
    let kinds = [
        EntryKind::Credit,
        EntryKind::DeliveredSupport {
            minutes: 150,
            session: Some("sat-football".into()),
        },
        EntryKind::Purchase {
            description: "Gym month".into(),
        },
        EntryKind::ManagementFee,
        EntryKind::BankDeposit {
            purpose: "holiday in Whitby".into(),
        },
        EntryKind::BankWithdrawal {
            purpose: "holiday in Whitby".into(),
        },
        EntryKind::Expiry,
        EntryKind::SurplusReturn,
    ];
    let amounts = [
        "300.00", "61.25", "25.00", "22.50", "50.00", "10.00", "1.00", "2.00",
    ];
    let mut ledger = Ledger::new();
    for (i, (kind, amount)) in kinds.into_iter().zip(amounts).enumerate() {
        ledger.push(LedgerEntry {
            id: EntryId::new(format!("e{i}")),
            date: date(2026, 4, 6 + u32::try_from(i)?),
            kind,
            amount: d(amount),
            outcomes: vec![OutcomeId::new("o1")],
        })?;
    }
    Ok(ledger)
}

fn service() -> Service {
    let night = CoreShiftTemplate::new(
        "night",
        "Waking night",
        CoreShiftKind::WakingNight,
        vec![Weekday::Mon, Weekday::Sat],
        hm(22, 0),
        hm(8, 0),
    )
    .requiring("first-aid");
    let residents = vec![PersonId::new("p1"), PersonId::new("p2")];
    let assessed = FlexiRule::Assessed(vec![
        AssessedHours {
            person: PersonId::new("p1"),
            hours: d("20"),
        },
        AssessedHours {
            person: PersonId::new("p2"),
            hours: d("12.25"),
        },
    ]);
    Service::new("s1", "Elm Court")
        .with_residents(20, residents)
        .with_core_shift(night)
        .with_flexi(d("40.5"), assessed)
}

#[test]
fn every_public_type_round_trips() -> TestResult {
    round_trip(&person())?;
    person().validate()?;
    round_trip(&worker())?;
    worker().validate()?;
    round_trip(&review())?;
    review().validate()?;
    let plan = SupportPlan {
        person: PersonId::new("p1"),
        outcomes: review().outcomes,
        budget_uses: vec![
            BudgetUse {
                outcome: OutcomeId::new("o1"),
                description: "Match support".into(),
                weekly_hours: Some(d("2.5")),
                weekly_amount: None,
            },
            BudgetUse {
                outcome: OutcomeId::new("o1"),
                description: "Tickets".into(),
                weekly_hours: None,
                weekly_amount: Some(d("12.00")),
            },
        ],
    };
    plan.validate()?;
    round_trip(&plan)?;
    let rates = RateCardSet {
        cards: vec![card()],
    };
    rates.validate()?;
    round_trip(&rates)?;
    for rule in [FeeRule::Percent(d("7.5")), FeeRule::FixedWeekly(d("10"))] {
        round_trip(&IsfAgreement {
            management_fee: rule,
            ..agreement()
        })?;
    }
    agreement().validate()?;
    let ledger = ledger()?;
    round_trip(&ledger)?;
    let statement = Statement::new(&ledger, &agreement(), date(2026, 4, 1), date(2026, 4, 30))?;
    round_trip(&statement)?;
    let service = service();
    service.validate()?;
    round_trip(&service)?;
    let mut weighted = service.clone();
    weighted.flexi_rule = FlexiRule::NeedsWeighted(vec![Weight {
        person: PersonId::new("p1"),
        weight: d("1"),
    }]);
    round_trip(&weighted)?;
    let week = date(2026, 5, 4);
    let cost = service.core_weekly_cost(&rates, London, week)?;
    round_trip(&cost)?;
    round_trip(&service.flexi_split()?)?;
    for allocation in service.allocations(&rates, London, week)? {
        allocation.allocation.validate("allocation")?;
        round_trip(&allocation)?;
    }
    let score = person().matching.rows[0].score(&worker(), week);
    assert!(score.is_hard_match());
    round_trip(&score)?;
    let range = TimeRange::new(
        Utc.with_ymd_and_hms(2026, 5, 4, 9, 0, 0)
            .single()
            .ok_or("time")?,
        Utc.with_ymd_and_hms(2026, 5, 4, 10, 0, 0)
            .single()
            .ok_or("time")?,
    )?;
    round_trip(&range)?;
    Ok(())
}

#[test]
fn money_is_written_as_strings() -> TestResult {
    let json = serde_json::to_value(agreement())?;
    assert_eq!(json["weekly_amount"], "320.00");
    assert_eq!(json["management_fee"]["Percent"], "7.5");
    let json = serde_json::to_value(ledger()?)?;
    assert_eq!(json["entries"][0]["amount"], "300.00");
    // Floats are refused for money.
    let bad = serde_json::to_string(&agreement())?.replace("\"320.00\"", "320.0");
    assert!(serde_json::from_str::<IsfAgreement>(&bad).is_err());
    Ok(())
}

#[test]
fn statement_reads_as_plain_words() -> TestResult {
    let statement = Statement::new(
        &ledger()?,
        &agreement(),
        date(2026, 4, 1),
        date(2026, 4, 30),
    )?;
    let words = statement.to_string();
    for line in [
        "You started the period with £0.00 to spend.",
        "£300.00 was paid in.",
        "£61.25 of support was delivered (2.5 hours).",
        "£25.00 was spent on things you bought.",
        "£22.50 went on the management fee.",
        "You put £50.00 aside for \"holiday in Whitby\".",
        "£40.00 is saved for \"holiday in Whitby\".",
        "You have £148.25 left to spend.",
    ] {
        assert!(words.contains(line), "missing {line:?} in:\n{words}");
    }
    Ok(())
}

#[test]
fn validation_reports_every_problem_not_just_the_first() {
    let mut w = worker();
    w.name.clear();
    w.leave[0].to = date(2026, 7, 1);
    let errors = w
        .validate()
        .err()
        .map(|e| e.into_errors())
        .unwrap_or_default();
    assert_eq!(errors.len(), 2);
    assert!(errors.contains(&ValidationError::EndBeforeStart {
        item: "worker \"w1\" leave 1".into(),
        start: "2026-08-01".into(),
        end: "2026-07-01".into(),
    }));

    let mut r = review();
    r.actions[0].outcome = Some(OutcomeId::new("o9"));
    r.outcomes.push(outcome("o1", OutcomeStatus::Achieved));
    let errors = r
        .validate()
        .err()
        .map(|e| e.into_errors())
        .unwrap_or_default();
    assert_eq!(errors.len(), 2, "{errors:?}");

    let mut s = service();
    s.units = 1;
    s.core[0].workers = 0;
    let errors = s
        .validate()
        .err()
        .map(|e| e.into_errors())
        .unwrap_or_default();
    assert_eq!(errors.len(), 2, "{errors:?}");
}
