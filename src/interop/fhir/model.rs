//! The FHIR R4 resources and data types the export uses, as small serde
//! types: only the elements written, with FHIR's JSON names.

use serde::{Deserialize, Serialize};

/// Resource metadata: the profiles claimed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Meta {
    /// Profile URLs (`StructureDefinition` canonical URLs).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub profile: Vec<String>,
}

/// A code from a code system.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Coding {
    /// The code system's URI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    /// The code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Its display term.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
}

/// Codes and/or text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CodeableConcept {
    /// Codes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coding: Vec<Coding>,
    /// Words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl CodeableConcept {
    /// Text only.
    pub fn text(text: impl Into<String>) -> Self {
        Self {
            coding: Vec::new(),
            text: Some(text.into()),
        }
    }

    /// One code, with `display` as the text too.
    pub fn code(system: &str, code: &str, display: &str) -> Self {
        Self {
            coding: vec![Coding {
                system: Some(system.to_owned()),
                code: Some(code.to_owned()),
                display: Some(display.to_owned()),
            }],
            text: Some(display.to_owned()),
        }
    }
}

/// A reference to another resource (by `urn:uuid:` within the bundle), or
/// a name only.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Reference {
    /// The resource's full URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Words for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
}

/// An identifier in a namespace.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Identifier {
    /// The namespace's URI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    /// The identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// A person's name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HumanName {
    /// `official`, `usual`…
    #[serde(rename = "use", default, skip_serializing_if = "Option::is_none")]
    pub use_: Option<String>,
    /// The name as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// A span of time (FHIR `dateTime`s).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Period {
    /// Start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// End.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
}

/// Human-readable XHTML.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Narrative {
    /// `generated`, `additional`…
    pub status: String,
    /// The XHTML `div`.
    pub div: String,
}

/// A note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Annotation {
    /// Its text.
    pub text: String,
}

/// A file, by URL.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Attachment {
    /// Its MIME type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// Where it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// When something repeats.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Timing {
    /// The repeat rule.
    pub repeat: TimingRepeat,
}

/// `Timing.repeat`: each week on a day at a time of day, for a duration.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct TimingRepeat {
    /// When the rule applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bounds_period: Option<Period>,
    /// How long each time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<u32>,
    /// Its unit (`min`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_unit: Option<String>,
    /// How many times per period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<u32>,
    /// The period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<u32>,
    /// Its unit (`wk`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_unit: Option<String>,
    /// Days (`mon`…`sun`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub day_of_week: Vec<String>,
    /// Times of day (`10:00:00`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub time_of_day: Vec<String>,
}

/// The resources of the export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "resourceType")]
#[non_exhaustive]
pub enum Resource {
    /// The person.
    Patient(Patient),
    /// Family and friends.
    RelatedPerson(RelatedPerson),
    /// A worker.
    Practitioner(Practitioner),
    /// Everyone supporting the person.
    CareTeam(CareTeam),
    /// About Me.
    Composition(Composition),
    /// An outcome.
    Goal(Goal),
    /// The plan, with the perfect week.
    CarePlan(CarePlan),
    /// A decision-making agreement item.
    Consent(Consent),
    /// A worker's schedule.
    Schedule(Schedule),
    /// A worker's time on a session.
    Slot(Slot),
    /// A session of the rota.
    Appointment(Appointment),
}

impl Resource {
    /// The resource type's name.
    pub fn type_name(&self) -> &'static str {
        match self {
            Resource::Patient(_) => "Patient",
            Resource::RelatedPerson(_) => "RelatedPerson",
            Resource::Practitioner(_) => "Practitioner",
            Resource::CareTeam(_) => "CareTeam",
            Resource::Composition(_) => "Composition",
            Resource::Goal(_) => "Goal",
            Resource::CarePlan(_) => "CarePlan",
            Resource::Consent(_) => "Consent",
            Resource::Schedule(_) => "Schedule",
            Resource::Slot(_) => "Slot",
            Resource::Appointment(_) => "Appointment",
        }
    }
}

/// `Patient`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Patient {
    /// Logical id.
    pub id: String,
    /// Profiles.
    pub meta: Meta,
    /// Identifiers (the crate's id; the NHS number when given).
    pub identifier: Vec<Identifier>,
    /// Names: official and, when different, usual.
    pub name: Vec<HumanName>,
    /// The profile's photo.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub photo: Vec<Attachment>,
}

/// `RelatedPerson`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RelatedPerson {
    /// Logical id.
    pub id: String,
    /// Profiles.
    pub meta: Meta,
    /// Whose relation.
    pub patient: Reference,
    /// The relationship, in words.
    pub relationship: Vec<CodeableConcept>,
    /// Their name.
    pub name: Vec<HumanName>,
}

/// `Practitioner`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Practitioner {
    /// Logical id.
    pub id: String,
    /// Profiles.
    pub meta: Meta,
    /// The crate's worker id.
    pub identifier: Vec<Identifier>,
    /// Their name.
    pub name: Vec<HumanName>,
}

/// A member of a care team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CareTeamParticipant {
    /// Their role.
    pub role: Vec<CodeableConcept>,
    /// Who.
    pub member: Reference,
}

/// `CareTeam`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CareTeam {
    /// Logical id.
    pub id: String,
    /// Profiles.
    pub meta: Meta,
    /// `active`.
    pub status: String,
    /// Its name.
    pub name: String,
    /// The person supported.
    pub subject: Reference,
    /// Who is in it.
    pub participant: Vec<CareTeamParticipant>,
}

/// A section of a composition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CompositionSection {
    /// Its title.
    pub title: String,
    /// Its code.
    pub code: CodeableConcept,
    /// Its text.
    pub text: Narrative,
}

/// `Composition`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Composition {
    /// Logical id.
    pub id: String,
    /// Profiles.
    pub meta: Meta,
    /// `final`.
    pub status: String,
    /// What kind of document.
    #[serde(rename = "type")]
    pub type_: CodeableConcept,
    /// Whom it is about.
    pub subject: Reference,
    /// When last updated.
    pub date: String,
    /// Who wrote it (and who supported them).
    pub author: Vec<Reference>,
    /// Its title.
    pub title: String,
    /// Its sections.
    pub section: Vec<CompositionSection>,
}

/// A goal's target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GoalTarget {
    /// When it should be met.
    pub due_date: String,
}

/// `Goal` (base R4: UK Core has no Goal profile).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Goal {
    /// Logical id.
    pub id: String,
    /// Lifecycle: `planned`, `active`, `completed`, `cancelled`.
    pub lifecycle_status: String,
    /// Achievement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub achievement_status: Option<CodeableConcept>,
    /// Priority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<CodeableConcept>,
    /// The goal, in words.
    pub description: CodeableConcept,
    /// Whose goal.
    pub subject: Reference,
    /// When it should be met.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub target: Vec<GoalTarget>,
    /// Who said it (the person, for what is important to them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expressed_by: Option<Reference>,
    /// How we will know (the measures).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub note: Vec<Annotation>,
}

/// A care plan activity's detail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CarePlanActivityDetail {
    /// `Appointment`.
    pub kind: String,
    /// The goals it serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goal: Vec<Reference>,
    /// `scheduled`.
    pub status: String,
    /// When, each week.
    pub scheduled_timing: Timing,
    /// Where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Reference>,
    /// What, in words.
    pub description: String,
}

/// A care plan activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CarePlanActivity {
    /// Its detail.
    pub detail: CarePlanActivityDetail,
}

/// `CarePlan`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CarePlan {
    /// Logical id.
    pub id: String,
    /// Profiles.
    pub meta: Meta,
    /// `active`.
    pub status: String,
    /// `plan`.
    pub intent: String,
    /// Its title.
    pub title: String,
    /// Whose plan.
    pub subject: Reference,
    /// Who supports.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub care_team: Vec<Reference>,
    /// The goals.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goal: Vec<Reference>,
    /// The week, activity by activity.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activity: Vec<CarePlanActivity>,
}

/// Who a consent provision names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ConsentActor {
    /// Their part.
    pub role: CodeableConcept,
    /// Who.
    pub reference: Reference,
}

/// A consent provision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ConsentProvision {
    /// `permit`.
    #[serde(rename = "type")]
    pub type_: String,
    /// Who decides.
    pub actor: Vec<ConsentActor>,
    /// The decision area.
    pub code: Vec<CodeableConcept>,
}

/// `Consent`: one item of the decision-making agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Consent {
    /// Logical id.
    pub id: String,
    /// Profiles.
    pub meta: Meta,
    /// `active`.
    pub status: String,
    /// What it is about.
    pub scope: CodeableConcept,
    /// What kind of agreement.
    pub category: Vec<CodeableConcept>,
    /// Whose.
    pub patient: Reference,
    /// When agreed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_time: Option<String>,
    /// The agreement, in words.
    pub policy_rule: CodeableConcept,
    /// Who decides what.
    pub provision: ConsentProvision,
}

/// `Schedule`: a worker's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Schedule {
    /// Logical id.
    pub id: String,
    /// Profiles.
    pub meta: Meta,
    /// Whether in use.
    pub active: bool,
    /// Whose.
    pub actor: Vec<Reference>,
    /// The rota period.
    pub planning_horizon: Period,
}

/// `Slot`: a worker's time on a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Slot {
    /// Logical id.
    pub id: String,
    /// Profiles.
    pub meta: Meta,
    /// The worker's schedule.
    pub schedule: Reference,
    /// `busy`.
    pub status: String,
    /// Start (an instant).
    pub start: String,
    /// End (an instant).
    pub end: String,
}

/// Someone at an appointment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AppointmentParticipant {
    /// Who.
    pub actor: Reference,
    /// `accepted`, `needs-action`.
    pub status: String,
}

/// `Appointment`: a session of the rota.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Appointment {
    /// Logical id.
    pub id: String,
    /// Profiles.
    pub meta: Meta,
    /// The crate's session id.
    pub identifier: Vec<Identifier>,
    /// `booked`, or `proposed` while a seat is empty.
    pub status: String,
    /// What, in words.
    pub description: String,
    /// Start (an instant).
    pub start: String,
    /// End (an instant).
    pub end: String,
    /// Minutes.
    pub minutes_duration: u32,
    /// The workers' slots.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub slot: Vec<Reference>,
    /// The person and the workers.
    pub participant: Vec<AppointmentParticipant>,
}

/// A bundle entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BundleEntry {
    /// `urn:uuid:` + the resource's id.
    pub full_url: String,
    /// The resource.
    pub resource: Resource,
}

/// `Bundle` (a `collection`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "resourceType", rename = "Bundle")]
#[non_exhaustive]
pub struct Bundle {
    /// Logical id.
    pub id: String,
    /// `collection`.
    #[serde(rename = "type")]
    pub type_: String,
    /// When it was assembled (an instant).
    pub timestamp: String,
    /// The resources.
    pub entry: Vec<BundleEntry>,
}

impl Bundle {
    /// The resources of type `type_name`.
    pub fn resources<'a>(&'a self, type_name: &'a str) -> impl Iterator<Item = &'a Resource> {
        self.entry
            .iter()
            .map(|e| &e.resource)
            .filter(move |r| r.type_name() == type_name)
    }
}
