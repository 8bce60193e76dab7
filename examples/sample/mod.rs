//! The built-in example: Ava, a resident of Riverside Court, her perfect
//! week, her Individual Service Fund, the service's core-and-flexi staffing
//! and the team who support her, over two weeks from Monday 23 March 2026
//! (the clocks go forward on Sunday 29 March; Good Friday is 3 April).
//!
//! Shared by the examples, `tests/plan.rs`, `tests/care_service.rs`,
//! `benches/plan.rs` and `benches/solver.rs` through
//! `#[path = "../examples/sample/mod.rs"] mod sample;`. Each part of the
//! sample has its own file: Ava herself (`ava.rs`), her review and support
//! plan (`review.rs`), her perfect week (`week.rs`), the money (`money.rs`:
//! rate cards, fund, ISF agreement, ledger), Riverside Court's service
//! (`service.rs`) and the team (`team.rs`); this file joins them into the
//! plan and the sick call. Beside Ava's story: Riverside Court as a
//! 20-flat service (`court.rs`), the care benchmark's generated service
//! (`generated.rs`), its figures (`figures.rs`) and the solver options of
//! the care examples (`cli.rs`).
//! Nothing here panics: dates and times that could not be made fall back to
//! a minimum value, and the example's and tests' validation would catch it.
#![allow(dead_code)]

use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Europe::London;
use perfect_week::ids::{PersonId, TraitId, WorkerId};
use perfect_week::plan::{Absence, Changes, PersonPlan, Plan};
use perfect_week::solver::SolverConfig;
use perfect_week::week::RotaPeriod;
use rust_decimal::Decimal;

mod ava;
pub mod cli;
mod court;
pub mod figures;
mod generated;
mod money;
mod review;
mod service;
mod story;
mod team;
mod week;
#[allow(unused_imports)]
pub use ava::ava;
#[allow(unused_imports)]
pub use court::{AREAS, court_plan, decision_records};
#[allow(unused_imports)]
pub use generated::{CareSize, care_plan};
#[allow(unused_imports)]
pub use money::{
    agreement, allocation, core_share_per_week, fund, ledger, ledger_start, rate_cards,
};
#[allow(unused_imports)]
pub use review::{outcomes, review, support_plan};
#[allow(unused_imports)]
pub use service::{core_plan, service};
#[allow(unused_imports)]
pub use story::{story, story_config};
#[allow(unused_imports)]
pub use team::workers;
#[allow(unused_imports)]
pub use week::{week, weekdays};

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
