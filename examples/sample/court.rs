//! The 20-flat service of `examples/core_and_flexi.rs`: Riverside Court as
//! mental-health supported accommodation, four weeks from Monday 12
//! October 2026 (the clocks go back on Sunday 25 October). Core staffing is
//! two day workers and a waking night, every day; the flexi pool of 100
//! hours a week is shared equally, five hours for each resident, used when
//! each chooses. About 25 workers. Reviews every two months from February
//! record who makes the main decisions in four areas of each resident's
//! life.

use chrono::{Duration, Weekday};
use chrono_tz::Europe::London;
use perfect_week::ids::{PersonId, WorkerId};
use perfect_week::person::{DecisionRecord, MainDecider, Person};
use perfect_week::plan::{CorePlan, Fund, PersonPlan, Plan};
use perfect_week::staff::{Contract, Qualification, Worker};
use perfect_week::week::{Activity, PerfectWeek, RotaPeriod, Timing};
use perfect_week::{Allocation, service::FlexiRule};
use rust_decimal::Decimal;

use super::{date, hm, pounds, rate_cards, service, weekdays};

/// Residents of the court.
pub const RESIDENTS: usize = 20;
/// Workers of the court.
pub const STAFF: usize = 25;
const FIRST_NAMES: [&str; 25] = [
    "Aisha", "Ben", "Chloe", "Dev", "Ella", "Femi", "Gwen", "Hari", "Isla", "Jack", "Kemi", "Liam",
    "Maya", "Nico", "Orla", "Pete", "Quinn", "Rhys", "Sara", "Theo", "Uma", "Vik", "Wren", "Yusuf",
    "Zoe",
];
/// The areas of life each review asks about.
pub const AREAS: [&str; 4] = ["my support", "my money", "my home", "my days"];

/// The service: the sample's Riverside Court with two day workers and a
/// 100-hour flexi pool shared equally.
pub fn court_plan() -> Plan {
    let mut court = service();
    for shift in &mut court.core {
        if shift.id.as_str() == "day" {
            shift.workers = 2;
        }
    }
    court.flexi_pool_hours_per_week = Decimal::from(100);
    court.flexi_rule = FlexiRule::Equal;
    let flexi = Decimal::from(100) / Decimal::from(RESIDENTS as u32);
    let people = court
        .residents
        .iter()
        .enumerate()
        .map(|(n, id)| resident(n, id, flexi))
        .collect();
    let workers = (0..STAFF).map(staff).collect();
    let mut plan = Plan::new(
        RotaPeriod::new(date(2026, 10, 12), 4, London),
        people,
        workers,
    );
    plan.service = Some(CorePlan::new(court, rate_cards()));
    plan
}

/// Resident `n`: two flexible sessions a week of two and a half hours,
/// on days and at times of their own.
fn resident(n: usize, id: &PersonId, flexi_hours: Decimal) -> PersonPlan {
    let days = weekdays();
    let session = |k: usize, day: Weekday| {
        let preferred = hm(10 + ((n + 3 * k) % 7) as u32, 0);
        Activity::new(
            format!("flexi-{k}"),
            [
                "A walk and a coffee",
                "Shopping",
                "Gym",
                "College",
                "Seeing family",
            ][(n + k) % 5],
            day,
            Timing::flexible(hm(9, 0), hm(20, 0), preferred),
            150,
        )
    };
    let week = PerfectWeek::new(
        id.clone(),
        vec![session(0, days[n % 7]), session(1, days[(n + 3) % 7])],
    );
    let fund = Fund::hours(flexi_hours)
        .with_allocation(Allocation::hours(flexi_hours).with_flexi_hours(flexi_hours))
        .with_rate_cards(rate_cards());
    let person = Person::new(id.clone(), format!("Resident of flat {}", n + 1));
    PersonPlan::new(person, week, Some(fund))
}

/// Worker `n`: everyone holds first aid; contracts of at least 0, 12 or 20
/// hours and at most 30 to 48, a few on nights who have opted out of the
/// 48-hour average. The minimums add up to less than the service's work:
/// a minimum the rota cannot give is a hard rule broken, and the solver
/// would rather seat an extra worker on a shift than leave one short.
fn staff(n: usize) -> Worker {
    let max_hours = [30, 37, 40][n % 3] + if n.is_multiple_of(8) { 8 } else { 0 };
    let contract = Contract::new(max_hours * 60, pounds(1_325))
        .with_min_minutes_per_week([0, 12, 20][n % 3] * 60)
        .with_opted_out_of_48h(n.is_multiple_of(8));
    let mut worker = Worker::new(
        WorkerId::new(format!("w{:02}", n + 1)),
        format!(
            "{} {}",
            FIRST_NAMES[n % FIRST_NAMES.len()],
            ["Ahmed", "Brown", "Clarke", "Davies", "Evans"][n % 5]
        ),
        date(1980 + (n % 20) as i32, 1 + (n % 12) as u32, 1 + n as u32),
        contract,
    );
    worker
        .qualifications
        .push(Qualification::new("first-aid").with_obtained(date(2025, 1, 6)));
    worker
}

/// Who made the main decisions, at five reviews from 1 February to 1
/// October 2026: the key worker's share falls from a half to none.
pub fn decision_records() -> Vec<DecisionRecord> {
    let first = date(2026, 2, 1);
    let mut records = Vec::new();
    for review in 0..5usize {
        let on = first
            .checked_add_months(chrono::Months::new(2 * review as u32))
            .unwrap_or(first + Duration::days(61 * review as i64));
        for n in 0..RESIDENTS {
            let areas = AREAS
                .iter()
                .enumerate()
                .map(|(a, area)| {
                    let turn = (4 * n + a) % 8;
                    let who = if turn + review < 4 {
                        MainDecider::KeyWorker
                    } else if turn.is_multiple_of(3) {
                        MainDecider::Jointly
                    } else {
                        MainDecider::Person
                    };
                    ((*area).to_owned(), who)
                })
                .collect();
            records.push(DecisionRecord {
                person: service().residents[n].clone(),
                date: on,
                areas,
            });
        }
    }
    records
}
