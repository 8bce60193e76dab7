//! Adult Social Care Client Level Data (CLD): service and review events
//! for a council's quarterly return, from the rota, the ISF agreement and
//! the person's reviews.
//!
//! Column names are the field names of the CLD Release 1 specification
//! (NHS England and the Department of Health and Social Care), spaces and
//! brackets as written there: `LA Person Unique Identifier`, `NHS Number`,
//! `Event Type`, `Event Reference`, `Event Description`, `Event Start
//! Date`, `Event End Date`, `Event Outcome`, `Service Type`, `Service
//! Component`, `Delivery Mechanism`, `Provider CQC Location ID`, `Provider
//! CQC Location Name`, `Review Reason`, `Review Outcomes Achieved`, `Method
//! of Review`, `Unit Cost`, `Cost Frequency (Unit Type)`, `Planned units per
//! week`. The person-level fields of the return (gender, ethnicity, date of
//! birth, client type, primary support reason, accommodation and the rest)
//! are the council's records, not this crate's: they are not written, and
//! the report says so.
//!
//! One **Service** event is written per kind of paid support in the rota
//! for the person: their flexi support (paid from the ISF) and any of
//! their own sessions paid from shared core staffing. `Planned units per
//! week` is the hours of support the rota plans for them, per week (each
//! worker's hours count; seats left unfilled included, and reported);
//! `Unit Cost` is what the rota charges per hour actually staffed, to the
//! penny, with `Cost Frequency (Unit Type)` `Hourly`. How an ISF is
//! classed under `Delivery Mechanism` is for the council to say (the
//! specification has no ISF value; it is commonly returned as a
//! council-managed personal budget), so it is a setting:
//! [`CldOptions::with_isf_delivery`]. One **Review** event is written per
//! review; its reason, method and outcome achieved are settings too, since
//! the crate does not record them in the specification's terms.
//!
//! Dates are written `YYYY-MM-DD`; amounts as plain decimals.

use std::fmt::Write as _;

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use super::{Exported, InteropError, Report};
use crate::money::{IsfAgreement, round_pennies};
use crate::review::Review;
use crate::rota::Rota;
use crate::week::Funding;

const STANDARD: &str = "Adult Social Care Client Level Data, Release 1";

/// How a service is delivered, as the CLD specification names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum DeliveryMechanism {
    /// `Direct Payment`.
    DirectPayment,
    /// `CASSR Managed Personal Budget`.
    CassrManagedPersonalBudget,
    /// `CASSR Commissioned Support`.
    CassrCommissionedSupport,
}

impl DeliveryMechanism {
    /// The value as the specification writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryMechanism::DirectPayment => "Direct Payment",
            DeliveryMechanism::CassrManagedPersonalBudget => "CASSR Managed Personal Budget",
            DeliveryMechanism::CassrCommissionedSupport => "CASSR Commissioned Support",
        }
    }
}

/// What the crate does not hold in the specification's terms: the
/// council's identifiers and classifications.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CldOptions {
    /// The council's identifier for the person (required).
    pub la_person_id: String,
    /// The person's NHS number, if known.
    pub nhs_number: Option<String>,
    /// `Service Type` of the person's support (default `Long Term Support:
    /// Community`).
    pub service_type: String,
    /// `Service Component` (default `Community supported living`).
    pub service_component: String,
    /// How flexi support paid from an ISF is classed (default CASSR
    /// managed personal budget).
    pub isf_delivery: DeliveryMechanism,
    /// How support paid from shared core staffing is classed (default
    /// CASSR commissioned support).
    pub core_delivery: DeliveryMechanism,
    /// The provider's CQC location id and name, if registered.
    pub provider_cqc_location: Option<(String, String)>,
    /// `Review Reason` for each review, if the council records one.
    pub review_reason: Option<String>,
    /// `Method of Review`, if recorded.
    pub method_of_review: Option<String>,
    /// `Review Outcomes Achieved`, if recorded.
    pub review_outcomes_achieved: Option<String>,
}

impl CldOptions {
    /// Options for the person the council knows as `la_person_id`, with the
    /// defaults above.
    pub fn new(la_person_id: impl Into<String>) -> Self {
        Self {
            la_person_id: la_person_id.into(),
            nhs_number: None,
            service_type: "Long Term Support: Community".into(),
            service_component: "Community supported living".into(),
            isf_delivery: DeliveryMechanism::CassrManagedPersonalBudget,
            core_delivery: DeliveryMechanism::CassrCommissionedSupport,
            provider_cqc_location: None,
            review_reason: None,
            method_of_review: None,
            review_outcomes_achieved: None,
        }
    }

    /// With the person's NHS number.
    pub fn with_nhs_number(mut self, nhs_number: impl Into<String>) -> Self {
        self.nhs_number = Some(nhs_number.into());
        self
    }

    /// With another `Service Type` and `Service Component`.
    pub fn with_service(
        mut self,
        service_type: impl Into<String>,
        component: impl Into<String>,
    ) -> Self {
        self.service_type = service_type.into();
        self.service_component = component.into();
        self
    }

    /// With the `Delivery Mechanism` of ISF-funded support.
    pub fn with_isf_delivery(mut self, mechanism: DeliveryMechanism) -> Self {
        self.isf_delivery = mechanism;
        self
    }

    /// With the `Delivery Mechanism` of core-funded support.
    pub fn with_core_delivery(mut self, mechanism: DeliveryMechanism) -> Self {
        self.core_delivery = mechanism;
        self
    }

    /// With the provider's CQC location.
    pub fn with_provider_cqc_location(
        mut self,
        id: impl Into<String>,
        name: impl Into<String>,
    ) -> Self {
        self.provider_cqc_location = Some((id.into(), name.into()));
        self
    }

    /// With the review fields: reason, method, outcomes achieved.
    pub fn with_review_fields(
        mut self,
        reason: impl Into<String>,
        method: impl Into<String>,
        outcomes_achieved: impl Into<String>,
    ) -> Self {
        self.review_reason = Some(reason.into());
        self.method_of_review = Some(method.into());
        self.review_outcomes_achieved = Some(outcomes_achieved.into());
        self
    }
}

/// One event row, with the specification's field names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CldEvent {
    /// `LA Person Unique Identifier`.
    #[serde(rename = "LA Person Unique Identifier")]
    pub la_person_id: String,
    /// `NHS Number`.
    #[serde(rename = "NHS Number")]
    pub nhs_number: Option<String>,
    /// `Event Type`: `Service` or `Review`.
    #[serde(rename = "Event Type")]
    pub event_type: String,
    /// `Event Reference`.
    #[serde(rename = "Event Reference")]
    pub event_reference: String,
    /// `Event Description`.
    #[serde(rename = "Event Description")]
    pub event_description: String,
    /// `Event Start Date`.
    #[serde(rename = "Event Start Date")]
    pub event_start_date: NaiveDate,
    /// `Event End Date` (none while a service goes on).
    #[serde(rename = "Event End Date")]
    pub event_end_date: Option<NaiveDate>,
    /// `Event Outcome`.
    #[serde(rename = "Event Outcome")]
    pub event_outcome: Option<String>,
    /// `Service Type`.
    #[serde(rename = "Service Type")]
    pub service_type: Option<String>,
    /// `Service Component`.
    #[serde(rename = "Service Component")]
    pub service_component: Option<String>,
    /// `Delivery Mechanism`.
    #[serde(rename = "Delivery Mechanism")]
    pub delivery_mechanism: Option<DeliveryMechanism>,
    /// `Provider CQC Location ID`.
    #[serde(rename = "Provider CQC Location ID")]
    pub provider_cqc_location_id: Option<String>,
    /// `Provider CQC Location Name`.
    #[serde(rename = "Provider CQC Location Name")]
    pub provider_cqc_location_name: Option<String>,
    /// `Review Reason`.
    #[serde(rename = "Review Reason")]
    pub review_reason: Option<String>,
    /// `Review Outcomes Achieved`.
    #[serde(rename = "Review Outcomes Achieved")]
    pub review_outcomes_achieved: Option<String>,
    /// `Method of Review`.
    #[serde(rename = "Method of Review")]
    pub method_of_review: Option<String>,
    /// `Unit Cost`, in pounds.
    #[serde(rename = "Unit Cost", with = "rust_decimal::serde::str_option")]
    pub unit_cost: Option<Decimal>,
    /// `Cost Frequency (Unit Type)`.
    #[serde(rename = "Cost Frequency (Unit Type)")]
    pub cost_frequency: Option<String>,
    /// `Planned units per week`.
    #[serde(
        rename = "Planned units per week",
        with = "rust_decimal::serde::str_option"
    )]
    pub planned_units_per_week: Option<Decimal>,
}

/// The columns, in the order written.
pub const COLUMNS: [&str; 19] = [
    "LA Person Unique Identifier",
    "NHS Number",
    "Event Type",
    "Event Reference",
    "Event Description",
    "Event Start Date",
    "Event End Date",
    "Event Outcome",
    "Service Type",
    "Service Component",
    "Delivery Mechanism",
    "Provider CQC Location ID",
    "Provider CQC Location Name",
    "Review Reason",
    "Review Outcomes Achieved",
    "Method of Review",
    "Unit Cost",
    "Cost Frequency (Unit Type)",
    "Planned units per week",
];

/// The service and review events of the person whose ISF `agreement` is
/// (see the [module docs](self)).
///
/// # Errors
/// [`InteropError::Missing`] for a blank council identifier;
/// [`InteropError::Conflict`] for a review of another person or a rota
/// with no weeks.
pub fn events(
    rota: &Rota,
    agreement: &IsfAgreement,
    reviews: &[Review],
    options: &CldOptions,
) -> Result<Exported<Vec<CldEvent>>, InteropError> {
    let person = &agreement.person;
    let me = format!("person \"{person}\"");
    if options.la_person_id.trim().is_empty() {
        return Err(InteropError::Missing {
            item: format!("{me} Client Level Data"),
            what: "the council's person identifier (LA Person Unique Identifier)".into(),
        });
    }
    if rota.period.weeks == 0 {
        return Err(InteropError::Conflict {
            item: "rota period".into(),
            reason: "has no weeks, so no units per week".into(),
        });
    }
    let mut report = Report::new(STANDARD);
    let weeks = Decimal::from(rota.period.weeks);
    let blank = |event_type: &str, reference: String, description: String, start| CldEvent {
        la_person_id: options.la_person_id.clone(),
        nhs_number: options.nhs_number.clone(),
        event_type: event_type.into(),
        event_reference: reference,
        event_description: description,
        event_start_date: start,
        event_end_date: None,
        event_outcome: None,
        service_type: None,
        service_component: None,
        delivery_mechanism: None,
        provider_cqc_location_id: None,
        provider_cqc_location_name: None,
        review_reason: None,
        review_outcomes_achieved: None,
        method_of_review: None,
        unit_cost: None,
        cost_frequency: None,
        planned_units_per_week: None,
    };
    let mut rows = Vec::new();
    for (funding, mechanism, label) in [
        (
            Funding::Flexi,
            options.isf_delivery,
            "flexi support from the Individual Service Fund",
        ),
        (
            Funding::Core,
            options.core_delivery,
            "support from shared core staffing",
        ),
    ] {
        let entries: Vec<_> = rota
            .for_person(person)
            .filter(|e| e.funding == funding)
            .collect();
        if entries.is_empty() {
            continue;
        }
        let planned_minutes: i64 = entries
            .iter()
            .map(|e| e.minutes() * i64::from(e.needed))
            .sum();
        let staffed_minutes: i64 = entries
            .iter()
            .map(|e| e.minutes() * i64::try_from(e.workers.len()).unwrap_or(i64::MAX))
            .sum();
        let charge: Decimal = entries.iter().map(|e| e.charge).sum();
        let unfilled: u32 = entries.iter().map(|e| e.missing()).sum();
        let key = match funding {
            Funding::Core => "core",
            _ => "isf",
        };
        let item = format!("{me} {label}");
        if unfilled > 0 {
            report.push(
                item.clone(),
                format!(
                    "{unfilled} seat(s) the rota left unfilled are counted in the planned units"
                ),
            );
        }
        let unit_cost = (staffed_minutes > 0 && !charge.is_zero())
            .then(|| round_pennies(charge * Decimal::from(60) / Decimal::from(staffed_minutes)));
        if unit_cost.is_none() {
            report.push(
                format!("{item} unit cost"),
                "the rota charges nothing per hour staffed, so no unit cost is written",
            );
        }
        let hours = Decimal::from(planned_minutes) / Decimal::from(60);
        let mut row = blank(
            "Service",
            format!("{person}-{key}-{}", agreement.start),
            format!("{}, {}", capitalised(label), agreement.provider),
            agreement.start,
        );
        row.service_type = Some(options.service_type.clone());
        row.service_component = Some(options.service_component.clone());
        row.delivery_mechanism = Some(mechanism);
        if let Some((id, name)) = &options.provider_cqc_location {
            row.provider_cqc_location_id = Some(id.clone());
            row.provider_cqc_location_name = Some(name.clone());
        }
        row.unit_cost = unit_cost;
        row.cost_frequency = Some("Hourly".into());
        row.planned_units_per_week =
            Some((hours / weeks).round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero));
        rows.push(row);
    }
    for funding in [Funding::Unpaid, Funding::Community] {
        let count = rota
            .for_person(person)
            .filter(|e| e.funding == funding)
            .count();
        if count > 0 {
            report.push(
                format!("{me} {count} {funding:?} session(s)"),
                "not a service the council funds: no Service event",
            );
        }
    }
    if rows.is_empty() {
        report.push(
            format!("{me} rota"),
            "has no paid support for the person: no Service event",
        );
    }
    for review in reviews {
        if &review.person != person {
            return Err(InteropError::Conflict {
                item: format!("review \"{}\"", review.id),
                reason: format!("is of \"{}\", not {me}", review.person),
            });
        }
        let mut row = blank(
            "Review",
            review.id.to_string(),
            format!("Person-centred review ({:?})", review.kind),
            review.date,
        );
        row.event_end_date = Some(review.date);
        row.review_reason = options.review_reason.clone();
        row.method_of_review = options.method_of_review.clone();
        row.review_outcomes_achieved = options.review_outcomes_achieved.clone();
        if options.review_reason.is_none() || options.review_outcomes_achieved.is_none() {
            report.push(
                format!("review \"{}\"", review.id),
                "its reason, method and outcomes achieved are not recorded in the specification's terms; left blank unless set in the options",
            );
        }
        rows.push(row);
    }
    report.push(
        format!("{me} person-level fields"),
        "gender, ethnicity, date of birth, client type, primary support reason and the other person fields are the council's: not written",
    );
    Ok(Exported::new(rows, report))
}

/// The events as CSV (RFC 4180, CRLF line ends) with the specification's
/// column names as the header ([`COLUMNS`]).
///
/// A text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage
/// return gets a leading `'`, so that a spreadsheet does not run it.
///
/// # Errors
/// As [`events`].
pub fn to_csv(
    rota: &Rota,
    agreement: &IsfAgreement,
    reviews: &[Review],
    options: &CldOptions,
) -> Result<Exported<String>, InteropError> {
    let Exported { record, report } = events(rota, agreement, reviews, options)?;
    Ok(Exported::new(csv(&record), report))
}

/// `events` as CSV with the header [`COLUMNS`].
pub fn csv(events: &[CldEvent]) -> String {
    let mut out = COLUMNS
        .iter()
        .map(|c| cell(c))
        .collect::<Vec<_>>()
        .join(",");
    out.push_str("\r\n");
    let text = |v: &Option<String>| v.as_deref().map(cell).unwrap_or_default();
    let date = |v: &Option<NaiveDate>| v.map(|d| d.to_string()).unwrap_or_default();
    let number = |v: &Option<Decimal>| v.map(|d| d.to_string()).unwrap_or_default();
    for e in events {
        let fields = [
            cell(&e.la_person_id),
            text(&e.nhs_number),
            cell(&e.event_type),
            cell(&e.event_reference),
            cell(&e.event_description),
            e.event_start_date.to_string(),
            date(&e.event_end_date),
            text(&e.event_outcome),
            text(&e.service_type),
            text(&e.service_component),
            e.delivery_mechanism
                .map(|d| cell(d.as_str()))
                .unwrap_or_default(),
            text(&e.provider_cqc_location_id),
            text(&e.provider_cqc_location_name),
            text(&e.review_reason),
            text(&e.review_outcomes_achieved),
            text(&e.method_of_review),
            number(&e.unit_cost),
            text(&e.cost_frequency),
            number(&e.planned_units_per_week),
        ];
        let _ = write!(out, "{}\r\n", fields.join(","));
    }
    out
}

/// A text cell: guarded against formulas, quoted when it must be.
fn cell(value: &str) -> String {
    let guarded = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if guarded.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
