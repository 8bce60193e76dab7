//! A crate that depends on this one can glob-import both the crate root and
//! the solver and still name every main type: no name means two things.
#![deny(warnings)]

use perfect_week::solver::*;
use perfect_week::*;

#[test]
fn both_globs_name_the_main_types_without_ambiguity() -> Result<(), Box<dyn std::error::Error>> {
    let monday = chrono::NaiveDate::from_ymd_opt(2026, 3, 23).ok_or("date")?;
    let period = RotaPeriod::new(monday, 1, chrono_tz::Europe::London);
    let week = PerfectWeek::new("ava", vec![]);
    let born = chrono::NaiveDate::from_ymd_opt(1990, 6, 1).ok_or("date")?;
    let contract = Contract::new(600, rust_decimal::Decimal::new(1271, 2));
    let workers: Vec<Worker> = vec![Worker::new("sam", "Sam", born, contract)];
    let plan = Plan::new(
        period,
        vec![PersonPlan::new(Person::new("ava", "Ava"), week, None)],
        workers,
    );
    let config: SolverConfig = SolverConfig::default();
    let planned: PlannedRota = plan.solve(&config)?;
    let rota: &Rota = &planned.rota;
    assert!(rota.entries.is_empty());
    // The solver's own names are there too, and are not the domain's.
    let employee: Employee = serde_json::from_str(r#"{"id": "sam"}"#)?;
    let compiled = plan.compile()?;
    let problem: &Problem = compiled.problem();
    assert_eq!(problem.workers.len(), 1);
    assert_eq!(problem.workers[0].id, employee.id);
    Ok(())
}
