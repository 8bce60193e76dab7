//! Ava's records as a PRSB care and support plan, Client Level Data and
//! (with the `fhir` feature) a FHIR R4 bundle: the standards' element
//! names, figures recomputed from the rota, and bad input refused by name.

use crate::sample;

use std::sync::OnceLock;

use perfect_week::interop::InteropError;
use perfect_week::interop::cld::{self, COLUMNS, CldOptions, DeliveryMechanism};
use perfect_week::interop::pcsp::{PcspSources, PersonalisedCareAndSupportPlan};
use perfect_week::rota::Rota;
use perfect_week::solver::SolverConfig;
use perfect_week::week::Funding;
use rust_decimal::Decimal;

type Error = Box<dyn std::error::Error>;

/// Ava's two weeks, solved once with a small step budget.
fn rota() -> Result<&'static Rota, String> {
    static ROTA: OnceLock<Result<Rota, String>> = OnceLock::new();
    ROTA.get_or_init(|| {
        let config = SolverConfig::default().with_seed(7).with_max_steps(20_000);
        sample::plan()
            .solve(&config)
            .map(|planned| planned.rota)
            .map_err(|e| e.to_string())
    })
    .as_ref()
    .map_err(Clone::clone)
}

#[test]
fn the_care_and_support_plan_uses_the_dataset_names() -> Result<(), Error> {
    let review = sample::review();
    let week = sample::week();
    let agreement = sample::agreement();
    let sources = PcspSources::new()
        .with_week(&week)
        .with_agreement(&agreement)
        .with_goal_under_need("healthy", 0)
        .with_goal_under_need("seaside", 1);
    let exported = PersonalisedCareAndSupportPlan::from_review(&review, &sources)?;
    let json = serde_json::to_value(&exported.record)?;
    let plan = &json["Care and support plan"];
    let keys: Vec<&str> = plan
        .as_object()
        .ok_or("object")?
        .keys()
        .map(String::as_str)
        .collect();
    for key in [
        "Strengths",
        "Needs, concerns or problems",
        "Agreed with person or legitimate representative",
        "Care funding source",
        "Date this plan was last updated",
        "Planned review date/interval",
    ] {
        assert!(keys.contains(&key), "{key} missing from {keys:?}");
    }
    assert_eq!(
        plan["Strengths"].as_array().map(Vec::len),
        Some(review.appreciations.len())
    );
    // Two needs from the review, each with its linked goal; the four other
    // outcomes each stand as a need of their own.
    let needs = plan["Needs, concerns or problems"]
        .as_array()
        .ok_or("needs")?;
    assert_eq!(needs.len(), review.support_needed.len() + 4);
    let healthy = &needs[0]["Goals and hopes"][0];
    assert_eq!(
        healthy["Free text"],
        "I want to stay well and have no seizures"
    );
    assert_eq!(healthy["Goal status"], "In progress");
    assert_eq!(
        healthy["Outcomes"][0]["Free text"],
        "Medication taken on time every morning; blood sugar in range"
    );
    // The importance score is the highest priority of the activities serving it.
    let top = week
        .activities
        .iter()
        .filter(|a| a.outcomes.iter().any(|o| o.as_str() == "healthy"))
        .map(|a| a.priority)
        .max()
        .ok_or("no activity serves healthy")?;
    assert_eq!(healthy["Goal importance score"], top);
    let action = &healthy["Actions and activities"][0];
    for key in [
        "What",
        "Who",
        "When",
        "Status",
        "Date last updated",
        "Review date",
    ] {
        assert!(action.get(key).is_some(), "action has no {key}: {action}");
    }
    assert_eq!(action["Review date"], agreement.review_due.to_string());
    let funding = plan["Care funding source"]["Free text"]
        .as_str()
        .unwrap_or("");
    assert!(
        funding.contains("Individual Service Fund held by Riverside Support"),
        "{funding}"
    );
    assert_eq!(
        plan["Agreed with person or legitimate representative"]["Person full name"],
        "Ava Thompson"
    );
    // What the plan cannot hold is listed.
    assert!(
        exported
            .report
            .about("what is working and not working")
            .count()
            == 1,
        "{}",
        exported.report
    );
    Ok(())
}

#[test]
fn an_action_with_no_owner_is_refused_by_name() {
    let mut review = sample::review();
    review.actions[1].owner = "  ".into();
    let id = review.actions[1].id.clone();
    let err = PersonalisedCareAndSupportPlan::from_review(&review, &PcspSources::new()).err();
    assert_eq!(
        err,
        Some(InteropError::Missing {
            item: format!("review \"ava-2026-03\" action \"{id}\""),
            what: "who will do it (its owner)".into(),
        })
    );
}

#[test]
fn a_goal_under_an_unknown_need_or_another_persons_isf_is_refused() {
    let review = sample::review();
    let sources = PcspSources::new().with_goal_under_need("healthy", 9);
    let err = PersonalisedCareAndSupportPlan::from_review(&review, &sources).err();
    assert!(
        matches!(err, Some(InteropError::UnknownId { ref what, .. }) if what == "need"),
        "{err:?}"
    );
    let mut agreement = sample::agreement();
    agreement.person = "bea".into();
    let sources = PcspSources::new().with_agreement(&agreement);
    let err = PersonalisedCareAndSupportPlan::from_review(&review, &sources).err();
    assert!(
        matches!(err, Some(InteropError::Conflict { .. })),
        "{err:?}"
    );
}

#[test]
fn client_level_data_recomputes_from_the_rota() -> Result<(), Error> {
    let rota = rota()?;
    let agreement = sample::agreement();
    let review = sample::review();
    let options = CldOptions::new("LA-1").with_isf_delivery(DeliveryMechanism::DirectPayment);
    let exported = cld::events(rota, &agreement, std::slice::from_ref(&review), &options)?;
    let events = &exported.record;
    let service = events
        .iter()
        .find(|e| e.event_type == "Service")
        .ok_or("no service")?;
    let flexi: Vec<_> = rota
        .for_person(&agreement.person)
        .filter(|e| e.funding == Funding::Flexi)
        .collect();
    let planned: i64 = flexi
        .iter()
        .map(|e| e.minutes() * i64::from(e.needed))
        .sum();
    let staffed: i64 = flexi
        .iter()
        .map(|e| e.minutes() * e.workers.len() as i64)
        .sum();
    let charge: Decimal = flexi.iter().map(|e| e.charge).sum();
    let weeks = Decimal::from(rota.period.weeks);
    assert_eq!(
        service.planned_units_per_week,
        Some(
            (Decimal::from(planned) / Decimal::from(60) / weeks)
                .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        )
    );
    assert_eq!(
        service.unit_cost,
        Some(
            (charge * Decimal::from(60) / Decimal::from(staffed))
                .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        )
    );
    assert_eq!(
        service.delivery_mechanism,
        Some(DeliveryMechanism::DirectPayment)
    );
    assert_eq!(
        events.iter().filter(|e| e.event_type == "Review").count(),
        1
    );

    let csv = cld::to_csv(rota, &agreement, &[review], &options)?.record;
    let header = csv.lines().next().ok_or("empty")?;
    assert_eq!(header, COLUMNS.join(","));
    assert!(header.contains("Cost Frequency (Unit Type),Planned units per week"));
    assert!(csv.contains(",Direct Payment,"), "{csv}");
    assert!(csv.lines().all(|l| l.split(',').count() >= COLUMNS.len()));
    Ok(())
}

#[test]
fn client_level_data_refuses_a_blank_council_id_and_another_persons_review() -> Result<(), Error> {
    let rota = rota()?;
    let agreement = sample::agreement();
    let err = cld::to_csv(rota, &agreement, &[], &CldOptions::new(" ")).err();
    assert!(matches!(err, Some(InteropError::Missing { .. })), "{err:?}");
    let mut review = sample::review();
    review.person = "bea".into();
    let err = cld::to_csv(rota, &agreement, &[review], &CldOptions::new("LA-1")).err();
    assert!(err.is_some_and(|e| e.to_string().contains("review \"ava-2026-03\"")));
    // A formula in a cell is neutralised.
    let csv = cld::to_csv(rota, &agreement, &[], &CldOptions::new("=HYPERLINK(1)"))?.record;
    assert!(csv.contains("\n'=HYPERLINK(1),"), "{csv}");
    Ok(())
}

#[cfg(feature = "fhir")]
mod fhir {
    use super::*;
    use chrono::{TimeZone, Utc};
    use perfect_week::interop::about_me::AboutMe;
    use perfect_week::interop::fhir::{Bundle, FhirSources, Resource, bundle};

    fn ava_bundle() -> Result<(Bundle, perfect_week::interop::Report), Error> {
        let ava = sample::ava();
        let week = sample::week();
        let review = sample::review();
        let updated = review.date.and_hms_opt(15, 30, 0).ok_or("time")?;
        let about = AboutMe::from_person(&ava, Some(&week), updated)?.record;
        let at = Utc
            .with_ymd_and_hms(2026, 3, 20, 9, 0, 0)
            .single()
            .ok_or("time")?;
        let sources = FhirSources::new(&ava, at)
            .with_about_me(&about)
            .with_review(&review)
            .with_week(&week)
            .with_rota(rota()?);
        let exported = bundle(&sources)?;
        Ok((exported.record, exported.report))
    }

    #[test]
    fn the_bundle_holds_every_record_and_its_references_resolve() -> Result<(), Error> {
        let (bundle, report) = ava_bundle()?;
        let rota = rota()?;
        let ava = sample::ava();
        let ours: Vec<_> = rota.for_person(&ava.id).collect();
        let count = |t: &str| bundle.resources(t).count();
        assert_eq!(count("Patient"), 1);
        assert_eq!(count("Composition"), 1);
        assert_eq!(count("Goal"), sample::review().outcomes.len());
        assert_eq!(count("Consent"), ava.decision_agreement.len());
        assert_eq!(count("Appointment"), ours.len());
        assert_eq!(
            count("Slot"),
            ours.iter().map(|e| e.workers.len()).sum::<usize>()
        );
        assert_eq!(count("Schedule"), count("Practitioner"));

        let json = serde_json::to_value(&bundle)?;
        let urls: Vec<&str> = json["entry"]
            .as_array()
            .ok_or("entries")?
            .iter()
            .filter_map(|e| e["fullUrl"].as_str())
            .collect();
        let mut references = Vec::new();
        collect_references(&json, &mut references);
        assert!(references.len() > 100);
        for reference in &references {
            assert!(
                urls.contains(&reference.as_str()),
                "{reference} does not resolve"
            );
        }
        // UK Core profiles where one exists; Goal has none.
        for entry in json["entry"].as_array().ok_or("entries")? {
            let kind = entry["resource"]["resourceType"].as_str().unwrap_or("");
            let profile = &entry["resource"]["meta"]["profile"][0];
            if kind == "Goal" {
                assert!(profile.is_null());
            } else {
                assert_eq!(
                    profile.as_str(),
                    Some(
                        format!("https://fhir.hl7.org.uk/StructureDefinition/UKCore-{kind}")
                            .as_str()
                    )
                );
            }
        }
        assert!(report.about("matching profile").count() == 1, "{report}");
        Ok(())
    }

    fn collect_references(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, v) in map {
                    if key == "reference" {
                        if let Some(s) = v.as_str() {
                            out.push(s.to_owned());
                        }
                    } else {
                        collect_references(v, out);
                    }
                }
            }
            serde_json::Value::Array(items) => {
                items.iter().for_each(|v| collect_references(v, out))
            }
            _ => {}
        }
    }

    #[test]
    fn the_care_plan_carries_the_perfect_week() -> Result<(), Error> {
        let (bundle, _) = ava_bundle()?;
        let week = sample::week();
        let plan = bundle
            .resources("CarePlan")
            .find_map(|r| match r {
                Resource::CarePlan(plan) => Some(plan),
                _ => None,
            })
            .ok_or("no care plan")?;
        assert_eq!(plan.activity.len(), week.activities.len());
        for (activity, written) in week.activities.iter().zip(&plan.activity) {
            let repeat = &written.detail.scheduled_timing.repeat;
            let day = activity.day.to_string().to_lowercase();
            assert_eq!(repeat.day_of_week, vec![day[..3].to_owned()]);
            assert_eq!(repeat.duration, Some(activity.minutes));
            assert_eq!(repeat.period_unit.as_deref(), Some("wk"));
            assert_eq!(repeat.time_of_day.len(), 1);
            assert_eq!(written.detail.goal.len(), activity.outcomes.len());
        }
        // The same input gives the same bundle.
        assert_eq!(ava_bundle()?.0, bundle);
        Ok(())
    }

    #[test]
    fn another_persons_week_is_refused() -> Result<(), Error> {
        let ava = sample::ava();
        let mut week = sample::week();
        week.person = "bea".into();
        let at = Utc
            .with_ymd_and_hms(2026, 3, 20, 9, 0, 0)
            .single()
            .ok_or("time")?;
        let err = bundle(&FhirSources::new(&ava, at).with_week(&week)).err();
        assert!(err.is_some_and(|e| e.to_string().contains("perfect week of \"bea\"")));
        Ok(())
    }
}
