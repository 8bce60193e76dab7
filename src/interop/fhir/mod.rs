//! FHIR R4, UK Core where a profile exists (feature `fhir`): the person's
//! records as one `Bundle` (type `collection`).
//!
//! | resource | UK Core profile | from |
//! |---|---|---|
//! | Patient | `UKCore-Patient` | the person: the crate's id, the NHS number when given, names, the profile's photo |
//! | RelatedPerson | `UKCore-RelatedPerson` | family and others at the review |
//! | Practitioner | `UKCore-Practitioner` | each worker on the person's rota |
//! | CareTeam | `UKCore-CareTeam` | all of them |
//! | Composition | `UKCore-Composition` | About Me: one section per About Me section, coded in SNOMED CT, its text as the narrative |
//! | Goal | none (base R4) | each outcome of the review: status, priority from the week, target date, measures as notes, expressed by the person when important *to* them |
//! | CarePlan | `UKCore-CarePlan` | the perfect week: one activity per activity, `scheduledTiming.repeat` weekly on its day (`dayOfWeek`) at its time (`timeOfDay`, the preferred start of a flexible one) for its minutes, linked to the goals it serves |
//! | Consent | `UKCore-Consent` | each row of the decision-making agreement: the area as the provision's code, the final decider as its actor |
//! | Schedule | `UKCore-Schedule` | each worker, over the rota period |
//! | Slot | `UKCore-Slot` | each worker's time on each of the person's sessions |
//! | Appointment | `UKCore-Appointment` | each of the person's sessions: `booked`, or `proposed` while a seat is empty |
//!
//! Resources refer to each other by `urn:uuid:` full URLs within the
//! bundle; the ids are name-based (the same input gives the same ids).
//! The profile URLs in `meta.profile` say which UK Core profile each
//! resource is written for; the export is checked against the official
//! FHIR R4 JSON schema (the CI runs a JSON-schema validator over the
//! example's bundle), not against the UK Core profiles' own constraints.
//!
//! ```
//! use perfect_week::chrono::{TimeZone, Utc};
//! use perfect_week::interop::fhir::{FhirSources, bundle};
//! use perfect_week::{OnePageProfile, Person};
//!
//! let mut ava = Person::new("ava", "Ava Thompson");
//! ava.profile.important_to_me = vec!["Seeing my Mum every Sunday".into()];
//! let at = Utc.with_ymd_and_hms(2026, 3, 23, 9, 0, 0).single().ok_or("time")?;
//! let exported = bundle(&FhirSources::new(&ava, at).with_nhs_number("9449306060"))?;
//! let json = serde_json::to_value(&exported.record)?;
//! assert_eq!(json["resourceType"], "Bundle");
//! let patient = &json["entry"][0]["resource"];
//! assert_eq!(patient["meta"]["profile"][0],
//!     "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient");
//! assert_eq!(patient["identifier"][1]["system"], "https://fhir.nhs.uk/Id/nhs-number");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod model;

pub use model::*;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDateTime, SecondsFormat, Timelike, Utc, Weekday};
use chrono_tz::Tz;

use super::about_me::{AboutMe, SNOMED_CT};
use super::{Exported, InteropError, Report};
use crate::draw::escape;
use crate::ids::{OutcomeId, WorkerId};
use crate::person::{Decider, Importance, Person};
use crate::review::{OutcomeStatus, Perspective, Review};
use crate::rota::Rota;
use crate::time::resolve_local;
use crate::week::{PerfectWeek, Timing as WeekTiming};

const STANDARD: &str = "HL7 FHIR R4 (UK Core)";

/// The UK Core profile URL of a resource type.
pub fn uk_core_profile(resource: &str) -> String {
    format!("https://fhir.hl7.org.uk/StructureDefinition/UKCore-{resource}")
}

/// The NHS number's identifier system.
pub const NHS_NUMBER_SYSTEM: &str = "https://fhir.nhs.uk/Id/nhs-number";

/// What a bundle is made from: the person, and whichever of their records
/// are given.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct FhirSources<'a> {
    person: &'a Person,
    timestamp: DateTime<Utc>,
    zone: Tz,
    nhs_number: Option<String>,
    identifier_system: String,
    about_me: Option<&'a AboutMe>,
    review: Option<&'a Review>,
    week: Option<&'a PerfectWeek>,
    rota: Option<&'a Rota>,
}

impl<'a> FhirSources<'a> {
    /// The person's bundle, assembled at `timestamp`. Local times (the
    /// About Me's "Date last updated") are read in the rota's zone, or
    /// Europe/London with no rota.
    pub fn new(person: &'a Person, timestamp: DateTime<Utc>) -> Self {
        Self {
            person,
            timestamp,
            zone: chrono_tz::Europe::London,
            nhs_number: None,
            identifier_system: "urn:perfect-week".into(),
            about_me: None,
            review: None,
            week: None,
            rota: None,
        }
    }

    /// With the person's NHS number.
    pub fn with_nhs_number(mut self, nhs_number: impl Into<String>) -> Self {
        self.nhs_number = Some(nhs_number.into());
        self
    }

    /// With the URI prefix of the crate's own identifiers (default
    /// `urn:perfect-week`; `:person`, `:worker` or `:session` is added).
    pub fn with_identifier_system(mut self, system: impl Into<String>) -> Self {
        self.identifier_system = system.into();
        self
    }

    /// With the person's About Me.
    pub fn with_about_me(mut self, about_me: &'a AboutMe) -> Self {
        self.about_me = Some(about_me);
        self
    }

    /// With the review whose outcomes become Goals and whose attendees
    /// become RelatedPersons.
    pub fn with_review(mut self, review: &'a Review) -> Self {
        self.review = Some(review);
        self
    }

    /// With the perfect week, carried by the CarePlan.
    pub fn with_week(mut self, week: &'a PerfectWeek) -> Self {
        self.week = Some(week);
        self
    }

    /// With the rota: Practitioners, Schedules, Slots and Appointments.
    pub fn with_rota(mut self, rota: &'a Rota) -> Self {
        self.zone = rota.period.zone;
        self.rota = Some(rota);
        self
    }
}

/// A name-based id in the form of a UUID (version 8, RFC 9562): the same
/// name gives the same id.
fn uuid(name: &str) -> String {
    let hash = |seed: u64| {
        name.bytes().fold(seed, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        })
    };
    let high = hash(0xcbf2_9ce4_8422_2325);
    let low = hash(0x8422_2325_cbf2_9ce4 ^ high);
    let high = (high & !0xf000) | 0x8000; // version 8
    let low = (low & 0x3fff_ffff_ffff_ffff) | 0x8000_0000_0000_0000; // variant
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        high >> 32,
        (high >> 16) & 0xffff,
        high & 0xffff,
        low >> 48,
        low & 0xffff_ffff_ffff
    )
}

fn instant(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn day_code(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "mon",
        Weekday::Tue => "tue",
        Weekday::Wed => "wed",
        Weekday::Thu => "thu",
        Weekday::Fri => "fri",
        Weekday::Sat => "sat",
        Weekday::Sun => "sun",
    }
}

/// Collects entries and their references.
struct Builder {
    prefix: String,
    entries: Vec<BundleEntry>,
}

impl Builder {
    /// The id of the resource `kind`/`key`.
    fn id(&self, kind: &str, key: &str) -> String {
        uuid(&format!("{}/{kind}/{key}", self.prefix))
    }

    fn reference(&self, kind: &str, key: &str, display: &str) -> Reference {
        Reference {
            reference: Some(format!("urn:uuid:{}", self.id(kind, key))),
            display: Some(display.to_owned()),
        }
    }

    fn push(&mut self, id: String, resource: Resource) {
        self.entries.push(BundleEntry {
            full_url: format!("urn:uuid:{id}"),
            resource,
        });
    }
}

fn meta(resource: &str) -> Meta {
    Meta {
        profile: vec![uk_core_profile(resource)],
    }
}

fn name(text: &str, use_: &str) -> HumanName {
    HumanName {
        use_: Some(use_.to_owned()),
        text: Some(text.to_owned()),
    }
}

/// The person's records as a FHIR R4 `Bundle` (see the [module
/// docs](self)), with what FHIR could not hold in the report.
///
/// # Errors
/// [`InteropError::Conflict`] when a review, week or About Me is another
/// person's, or the rota has no session of the person;
/// [`InteropError::NoSections`] for an About Me with no sections;
/// [`InteropError::UnknownId`] for an activity serving an outcome the
/// review does not have.
pub fn bundle(sources: &FhirSources<'_>) -> Result<Exported<Bundle>, InteropError> {
    let person = sources.person;
    let me = format!("person \"{}\"", person.id);
    let mut report = Report::new(STANDARD);
    let mut b = Builder {
        prefix: format!("{}/{}", sources.identifier_system, person.id),
        entries: Vec::new(),
    };
    let system = |kind: &str| format!("{}:{kind}", sources.identifier_system);

    // Patient.
    let patient_ref = b.reference("Patient", "", &person.name);
    let mut identifier = vec![Identifier {
        system: Some(system("person")),
        value: Some(person.id.to_string()),
    }];
    if let Some(nhs) = &sources.nhs_number {
        identifier.push(Identifier {
            system: Some(NHS_NUMBER_SYSTEM.into()),
            value: Some(nhs.clone()),
        });
    }
    let mut names = vec![name(&person.name, "official")];
    if person.display_name() != person.name {
        names.push(name(person.display_name(), "usual"));
    }
    b.push(
        b.id("Patient", ""),
        Resource::Patient(Patient {
            id: b.id("Patient", ""),
            meta: meta("Patient"),
            identifier,
            name: names,
            photo: person
                .profile
                .photo
                .iter()
                .map(|url| Attachment {
                    content_type: None,
                    url: Some(url.clone()),
                })
                .collect(),
        }),
    );

    // RelatedPersons, from the review's attendees.
    let mut team = Vec::new();
    let mut related: Vec<(String, Reference)> = Vec::new();
    if let Some(review) = sources.review {
        if review.person != person.id {
            return Err(InteropError::Conflict {
                item: format!("review \"{}\"", review.id),
                reason: format!("is of \"{}\", not {me}", review.person),
            });
        }
        for (i, attendee) in review.attendees.iter().enumerate() {
            if matches!(
                attendee.perspective,
                Perspective::Person | Perspective::Staff | Perspective::Professional
            ) {
                continue;
            }
            let key = format!("{i}");
            let id = b.id("RelatedPerson", &key);
            let reference = b.reference("RelatedPerson", &key, &attendee.name);
            b.push(
                id.clone(),
                Resource::RelatedPerson(RelatedPerson {
                    id,
                    meta: meta("RelatedPerson"),
                    patient: patient_ref.clone(),
                    relationship: vec![CodeableConcept::text(attendee.relationship.clone())],
                    name: vec![name(&attendee.name, "usual")],
                }),
            );
            team.push(CareTeamParticipant {
                role: vec![CodeableConcept::text(attendee.relationship.clone())],
                member: reference.clone(),
            });
            related.push((attendee.name.clone(), reference));
        }
        let staff = review
            .attendees
            .iter()
            .filter(|a| {
                matches!(
                    a.perspective,
                    Perspective::Staff | Perspective::Professional
                )
            })
            .count();
        if staff > 0 {
            report.push(
                format!("review \"{}\" attendees", review.id),
                format!("{staff} staff or professional(s) at the review are not written: workers come from the rota as Practitioners"),
            );
        }
    }

    // Practitioners and Schedules, from the rota.
    let mut workers: BTreeMap<WorkerId, String> = BTreeMap::new();
    if let Some(rota) = sources.rota {
        if rota.for_person(&person.id).next().is_none() {
            return Err(InteropError::Conflict {
                item: "rota".into(),
                reason: format!("has no session of {me}"),
            });
        }
        for entry in rota.for_person(&person.id) {
            for worker in &entry.workers {
                workers.insert(worker.id.clone(), worker.name.clone());
            }
        }
        let zone = rota.period.zone;
        let horizon = Period {
            start: Some(instant(
                resolve_local(zone, rota.period.start.and_time(chrono::NaiveTime::MIN)).to_utc(),
            )),
            end: rota
                .period
                .end()
                .succ_opt()
                .map(|d| instant(resolve_local(zone, d.and_time(chrono::NaiveTime::MIN)).to_utc())),
        };
        for (id, worker_name) in &workers {
            let pid = b.id("Practitioner", id.as_str());
            b.push(
                pid.clone(),
                Resource::Practitioner(Practitioner {
                    id: pid,
                    meta: meta("Practitioner"),
                    identifier: vec![Identifier {
                        system: Some(system("worker")),
                        value: Some(id.to_string()),
                    }],
                    name: vec![name(worker_name, "usual")],
                }),
            );
            let practitioner = b.reference("Practitioner", id.as_str(), worker_name);
            team.push(CareTeamParticipant {
                role: vec![CodeableConcept::text("support worker")],
                member: practitioner.clone(),
            });
            let sid = b.id("Schedule", id.as_str());
            b.push(
                sid.clone(),
                Resource::Schedule(Schedule {
                    id: sid,
                    meta: meta("Schedule"),
                    active: true,
                    actor: vec![practitioner],
                    planning_horizon: horizon.clone(),
                }),
            );
        }
    }

    // CareTeam.
    let care_team = (!team.is_empty()).then(|| {
        let id = b.id("CareTeam", "");
        let reference = b.reference("CareTeam", "", "circle of support");
        b.push(
            id.clone(),
            Resource::CareTeam(CareTeam {
                id,
                meta: meta("CareTeam"),
                status: "active".into(),
                name: format!("{}'s circle of support", person.display_name()),
                subject: patient_ref.clone(),
                participant: team,
            }),
        );
        reference
    });

    // About Me, as a Composition.
    if let Some(about) = sources.about_me {
        about.validate(&me)?;
        let date = about
            .date_last_updated
            .map(|d: NaiveDateTime| {
                resolve_local(sources.zone, d).to_rfc3339_opts(SecondsFormat::Secs, false)
            })
            .unwrap_or_else(|| instant(sources.timestamp));
        let mut author = vec![patient_ref.clone()];
        if let Some(who) = &about.supported_to_write_this_by {
            author.push(Reference {
                reference: None,
                display: Some(format!("Supported to write this by {who}")),
            });
        }
        let section = about
            .sections()
            .map(|(section, entry)| {
                let text = entry.response.free_text.as_deref().unwrap_or("");
                let mut div = String::from("<div xmlns=\"http://www.w3.org/1999/xhtml\">");
                for line in text.split('\n') {
                    div.push_str(&format!("<p>{}</p>", escape(line)));
                }
                if let Some(url) = entry.response.multimedia.as_ref().and_then(|m| m.url.as_ref()) {
                    let url = escape(url);
                    div.push_str(&format!("<p><a href=\"{url}\">{url}</a></p>"));
                }
                div.push_str("</div>");
                if entry
                    .response
                    .multimedia
                    .as_ref()
                    .is_some_and(|m| m.file.is_some() || m.mime_type.is_some() || m.filename.is_some())
                {
                    report.push(
                        format!("About Me of {me} section \"{}\" multimedia", section.name()),
                        "its URL is linked in the section's narrative; an inline file, its name and type are not written (no DocumentReference)",
                    );
                }
                CompositionSection {
                    title: section.name().into(),
                    code: CodeableConcept::code(SNOMED_CT, section.snomed_code(), section.name()),
                    text: Narrative {
                        status: "additional".into(),
                        div,
                    },
                }
            })
            .collect();
        let id = b.id("Composition", "about-me");
        b.push(
            id.clone(),
            Resource::Composition(Composition {
                id,
                meta: meta("Composition"),
                status: "final".into(),
                type_: CodeableConcept::text("About Me (PRSB)"),
                subject: patient_ref.clone(),
                date,
                author,
                title: "About Me".into(),
                section,
            }),
        );
        report.push(
            format!("About Me of {me}"),
            "the Composition's type is given in words: no SNOMED CT code for an About Me record was found to use",
        );
    }

    // Goals, from the review's outcomes.
    let mut goals: Vec<(OutcomeId, Reference)> = Vec::new();
    if let Some(review) = sources.review {
        for outcome in &review.outcomes {
            let (lifecycle, achievement) = match outcome.status {
                OutcomeStatus::NotStarted => ("planned", None),
                OutcomeStatus::Progressing => ("active", Some(("in-progress", "In Progress"))),
                OutcomeStatus::Achieved => ("completed", Some(("achieved", "Achieved"))),
                OutcomeStatus::Changed => ("cancelled", None),
            };
            let top = sources.week.and_then(|w| {
                w.activities
                    .iter()
                    .filter(|a| a.outcomes.contains(&outcome.id))
                    .map(|a| a.priority)
                    .max()
            });
            let priority = top.map(|p| {
                let (code, display) = match p {
                    4.. => ("high-priority", "High Priority"),
                    3 => ("medium-priority", "Medium Priority"),
                    _ => ("low-priority", "Low Priority"),
                };
                CodeableConcept::code(
                    "http://terminology.hl7.org/CodeSystem/goal-priority",
                    code,
                    display,
                )
            });
            let id = b.id("Goal", outcome.id.as_str());
            goals.push((
                outcome.id.clone(),
                b.reference("Goal", outcome.id.as_str(), &outcome.statement),
            ));
            b.push(
                id.clone(),
                Resource::Goal(Goal {
                    id,
                    lifecycle_status: lifecycle.into(),
                    achievement_status: achievement.map(|(code, display)| {
                        CodeableConcept::code(
                            "http://terminology.hl7.org/CodeSystem/goal-achievement",
                            code,
                            display,
                        )
                    }),
                    priority,
                    description: CodeableConcept::text(outcome.statement.clone()),
                    subject: patient_ref.clone(),
                    target: outcome
                        .target_date
                        .map(|d| GoalTarget {
                            due_date: d.to_string(),
                        })
                        .into_iter()
                        .collect(),
                    expressed_by: (outcome.importance == Importance::To)
                        .then(|| patient_ref.clone()),
                    note: outcome
                        .measures
                        .iter()
                        .map(|m| Annotation {
                            text: format!("We will know when: {m}"),
                        })
                        .collect(),
                }),
            );
            if outcome.status == OutcomeStatus::Changed {
                report.push(
                    format!("review \"{}\" outcome \"{}\"", review.id, outcome.id),
                    "changed (replaced by another outcome): written as a cancelled Goal",
                );
            }
        }
        if !review.actions.is_empty() {
            report.push(
                format!("review \"{}\" actions", review.id),
                "not written as FHIR resources; the PRSB care and support plan carries them",
            );
        }
    }

    // CarePlan, carrying the perfect week.
    if let Some(week) = sources.week {
        if week.person != person.id {
            return Err(InteropError::Conflict {
                item: format!("perfect week of \"{}\"", week.person),
                reason: format!("is not {me}'s"),
            });
        }
        let mut activities = Vec::new();
        for activity in &week.activities {
            let item = format!("{me} activity \"{}\"", activity.id);
            let mut goal = Vec::new();
            for outcome in &activity.outcomes {
                match goals.iter().find(|(id, _)| id == outcome) {
                    Some((_, reference)) => goal.push(reference.clone()),
                    None if sources.review.is_some() => {
                        return Err(InteropError::UnknownId {
                            item,
                            what: "outcome".into(),
                            id: outcome.to_string(),
                        });
                    }
                    None => {}
                }
            }
            let (start, description) = match &activity.timing {
                WeekTiming::Fixed { start } => (*start, activity.name.clone()),
                WeekTiming::Flexible {
                    earliest,
                    latest_end,
                    preferred,
                    ..
                } => {
                    report.push(
                        format!("{item} window"),
                        "a flexible start is written at the preferred time; the window is in the description only",
                    );
                    (
                        *preferred,
                        format!(
                            "{} (any time from {} to end by {})",
                            activity.name,
                            earliest.format("%H:%M"),
                            latest_end.format("%H:%M")
                        ),
                    )
                }
            };
            activities.push(CarePlanActivity {
                detail: CarePlanActivityDetail {
                    kind: "Appointment".into(),
                    goal,
                    status: "scheduled".into(),
                    scheduled_timing: Timing {
                        repeat: TimingRepeat {
                            bounds_period: None,
                            duration: Some(activity.minutes),
                            duration_unit: Some("min".into()),
                            frequency: Some(1),
                            period: Some(1),
                            period_unit: Some("wk".into()),
                            day_of_week: vec![day_code(activity.day).into()],
                            time_of_day: vec![format!(
                                "{:02}:{:02}:00",
                                start.hour(),
                                start.minute()
                            )],
                        },
                    },
                    location: activity.place.as_ref().map(|p| Reference {
                        reference: None,
                        display: Some(p.to_string()),
                    }),
                    description,
                },
            });
        }
        if sources.review.is_none_or(|r| r.outcomes.is_empty())
            && week.activities.iter().any(|a| !a.outcomes.is_empty())
        {
            report.push(
                format!("{me} perfect week outcomes"),
                "no review given, so the activities are not linked to Goals",
            );
        }
        report.push(
            format!("{me} perfect week support"),
            "each activity's support (workers, skills, characteristics, preferred and refused workers), what pays for it and its priority are not written",
        );
        let id = b.id("CarePlan", "perfect-week");
        b.push(
            id.clone(),
            Resource::CarePlan(CarePlan {
                id,
                meta: meta("CarePlan"),
                status: "active".into(),
                intent: "plan".into(),
                title: format!("{}'s perfect week", person.display_name()),
                subject: patient_ref.clone(),
                care_team: care_team.iter().cloned().collect(),
                goal: goals.iter().map(|(_, r)| r.clone()).collect(),
                activity: activities,
            }),
        );
    }

    // Consent, per decision-making agreement row.
    let agreed_on = sources.review.map(|r| r.date.to_string());
    for (i, row) in person.decision_agreement.iter().enumerate() {
        let by_name = |who: &str| -> Reference {
            related
                .iter()
                .find(|(attendee, _)| who.contains(attendee.as_str()))
                .map(|(_, reference)| reference.clone())
                .unwrap_or(Reference {
                    reference: None,
                    display: Some(who.to_owned()),
                })
        };
        let deciders: Vec<Reference> = match &row.final_decider {
            Decider::Person => vec![patient_ref.clone()],
            Decider::Named(who) => vec![by_name(who)],
            Decider::Shared(names) => names
                .iter()
                .map(|who| {
                    if person.name.contains(who.as_str()) || person.display_name() == who {
                        patient_ref.clone()
                    } else {
                        by_name(who)
                    }
                })
                .collect(),
            Decider::BestInterests => vec![Reference {
                reference: None,
                display: Some("a best-interests decision (Mental Capacity Act 2005)".into()),
            }],
        };
        let id = b.id("Consent", &format!("decision-{}", i + 1));
        b.push(
            id.clone(),
            Resource::Consent(Consent {
                id,
                meta: meta("Consent"),
                status: "active".into(),
                scope: CodeableConcept::code(
                    "http://terminology.hl7.org/CodeSystem/consentscope",
                    "treatment",
                    "Treatment",
                ),
                category: vec![CodeableConcept::text("Decision-making agreement")],
                patient: patient_ref.clone(),
                date_time: agreed_on.clone(),
                policy_rule: CodeableConcept::text(format!(
                    "Decision-making agreement: {}. How I must be involved: {}",
                    row.decision_area, row.involvement
                )),
                provision: ConsentProvision {
                    type_: "permit".into(),
                    actor: deciders
                        .into_iter()
                        .map(|reference| ConsentActor {
                            role: CodeableConcept::text("makes the final decision"),
                            reference,
                        })
                        .collect(),
                    code: vec![CodeableConcept::text(row.decision_area.clone())],
                },
            }),
        );
    }
    if !person.decision_agreement.is_empty() {
        report.push(
            format!("{me} decision-making agreement"),
            "each row is a Consent whose scope is coded \"treatment\" (care and support); how the person must be involved is in its policy rule, in words",
        );
    }

    // Slots and Appointments, from the rota.
    if let Some(rota) = sources.rota {
        let mut unfilled = 0;
        for entry in rota.for_person(&person.id) {
            let key = entry.session.as_str();
            let mut slots = Vec::new();
            let mut participant = vec![AppointmentParticipant {
                actor: patient_ref.clone(),
                status: "accepted".into(),
            }];
            for worker in &entry.workers {
                let slot_key = format!("{key}/{}", worker.id);
                let id = b.id("Slot", &slot_key);
                slots.push(b.reference("Slot", &slot_key, &worker.name));
                b.push(
                    id.clone(),
                    Resource::Slot(Slot {
                        id,
                        meta: meta("Slot"),
                        schedule: b.reference("Schedule", worker.id.as_str(), &worker.name),
                        status: "busy".into(),
                        start: instant(entry.start),
                        end: instant(entry.end),
                    }),
                );
                participant.push(AppointmentParticipant {
                    actor: b.reference("Practitioner", worker.id.as_str(), &worker.name),
                    status: "accepted".into(),
                });
            }
            unfilled += entry.missing();
            let id = b.id("Appointment", key);
            b.push(
                id.clone(),
                Resource::Appointment(Appointment {
                    id,
                    meta: meta("Appointment"),
                    identifier: vec![Identifier {
                        system: Some(system("session")),
                        value: Some(key.to_owned()),
                    }],
                    status: if entry.is_filled() {
                        "booked"
                    } else {
                        "proposed"
                    }
                    .into(),
                    description: entry.what.clone(),
                    start: instant(entry.start),
                    end: instant(entry.end),
                    minutes_duration: u32::try_from(entry.minutes()).unwrap_or(0),
                    slot: slots,
                    participant,
                }),
            );
        }
        if unfilled > 0 {
            report.push(
                format!("{me} rota"),
                format!("{unfilled} seat(s) are unfilled: their Appointments are \"proposed\", with no worker"),
            );
        }
        report.push(
            format!("{me} rota charges"),
            "what each session costs the fund is not written (no Account or ChargeItem)",
        );
    }

    if !person.matching.rows.is_empty() || !person.matching.excluded_workers.is_empty() {
        report.push(
            format!("{me} matching profile"),
            "not written: FHIR has no resource for the workers a person wants or refuses",
        );
    }
    let bundle = Bundle {
        id: uuid(&format!(
            "{}/Bundle/{}",
            b.prefix,
            instant(sources.timestamp)
        )),
        type_: "collection".into(),
        timestamp: instant(sources.timestamp),
        entry: b.entries,
    };
    Ok(Exported::new(bundle, report))
}
