//! Riverside Court: the service's core shifts and flexi hours, and its
//! core plan.

use perfect_week::ids::PersonId;
use perfect_week::plan::CorePlan;
use perfect_week::service::{CoreShiftKind, CoreShiftTemplate, FlexiRule, Service};
use rust_decimal::Decimal;

use super::{AVA, hm, pounds, rate_cards, weekdays};

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
