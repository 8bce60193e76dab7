//! Ava's perfect week: what she does each day, when, with what support,
//! and paid from which money.

use chrono::Weekday;
use perfect_week::ids::OutcomeId;
use perfect_week::week::{Activity, Funding, PerfectWeek, Support, Timing};

use super::{AVA, hm};

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
