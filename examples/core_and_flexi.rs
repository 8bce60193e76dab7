//! Core and flexi at a 20-flat service: shared core staffing costed and
//! split, each resident's own flexi hours used when they choose, and the
//! shift of power the service measures.
//!
//! ```sh
//! cargo run --release --example core_and_flexi
//! cargo run --release --example core_and_flexi -- --seconds 10 --seed 0
//! ```
//!
//! On built-in data (`examples/sample/court.rs`): Riverside Court, 20
//! residents, 25 workers, four weeks over the October clock change. Prints
//! the core rota's first week, each resident's flexi use against their
//! allocation and how many different workers they saw, each worker's hours
//! against their contract and the 48-hour average, and the share of main
//! decisions made by the key worker, by the person and jointly at each
//! review date. The last line sums up the rota's quality (seats left
//! unfilled, different workers per resident, what it costs): with
//! `--seconds S` the solver runs for S seconds instead of its fixed step
//! budget, which is how the Riverside Court figures of
//! docs/benchmarks-history.md (2026-12-01, evening) were measured.

mod sample;

use std::io::Write;

use perfect_week::draw::week_grid;
use perfect_week::output;
use perfect_week::person::{MainDecider, decision_shares};
use perfect_week::solver::Level;
use perfect_week::words::hours;
use sample::cli::RunArgs;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let config = RunArgs::from_env(3, 300_000, &[]).config()?;
    let plan = sample::court_plan();
    let planned = plan.solve(&config)?;
    let rota = &planned.rota;
    let weeks = i64::from(rota.period.weeks);
    let core = plan.service.as_ref().ok_or("the court has no core plan")?;
    let split = core.service.flexi_split()?;

    let mut out = output::stdout();
    let name = &core.service.name;
    writeln!(
        out,
        "{name}: {} flats, core staff around the clock.\n",
        core.service.units
    )?;
    let core_entries: Vec<_> = rota
        .entries
        .iter()
        .filter(|e| e.person.is_none())
        .cloned()
        .collect();
    writeln!(out, "Core rota, first week:")?;
    write!(out, "{}", week_grid(&core_entries, rota.period.start, 16))?;
    let unfilled_core = core_entries.iter().filter(|e| !e.is_filled()).count();
    writeln!(
        out,
        "{} core shifts in {weeks} weeks, {unfilled_core} with a seat unfilled.",
        core_entries.len()
    )?;
    writeln!(out, "Score of the whole rota: {}.", rota.score)?;
    for (rule, amount) in &rota.breakdown {
        if rule.level() == Level::Hard {
            writeln!(out, "  rule broken: {} ({amount})", rule.describe())?;
        }
    }
    writeln!(out)?;

    writeln!(
        out,
        "Residents: flexi hours a week used (allocated), different workers seen"
    )?;
    let mut seen_total = 0;
    for (person, share) in plan.people.iter().zip(&split.shares) {
        let mine: Vec<_> = rota.for_person(&person.person.id).collect();
        let used: i64 = mine
            .iter()
            .filter(|e| e.is_filled())
            .map(|e| e.minutes())
            .sum();
        let seen = sample::workers_seen(rota, &person.person.id);
        writeln!(
            out,
            "  {:<22} {:>8} ({} h)  {} workers",
            person.person.display_name(),
            hours(used / weeks),
            share.amount.normalize(),
            seen.len()
        )?;
        seen_total += seen.len();
    }

    writeln!(
        out,
        "\nWorkers: average week (contract), busiest week, 48-hour average"
    )?;
    for worker in &plan.workers {
        let per_week: Vec<i64> = (0..weeks)
            .map(|w| {
                let from = rota.period.start + chrono::Duration::days(7 * w);
                rota.for_worker(&worker.id)
                    .filter(|e| e.date >= from && e.date < from + chrono::Duration::days(7))
                    .map(|e| e.minutes())
                    .sum()
            })
            .collect();
        let average = per_week.iter().sum::<i64>() / weeks;
        let c = &worker.contract;
        writeln!(
            out,
            "  {:<13} {:>8} ({}–{})  busiest {:>8}  {}",
            worker.name,
            hours(average),
            hours(i64::from(c.min_minutes_per_week)),
            hours(i64::from(c.max_minutes_per_week)),
            hours(per_week.iter().copied().max().unwrap_or(0)),
            if c.opted_out_of_48h {
                "opted out"
            } else if average <= 48 * 60 {
                "within 48 h"
            } else {
                "OVER 48 h"
            }
        )?;
    }

    writeln!(
        out,
        "\nWho makes the main decisions ({} areas of life):",
        sample::AREAS.len()
    )?;
    writeln!(out, "  review          key worker   the person   jointly")?;
    for shares in decision_shares(&sample::decision_records())? {
        let pct = |d| format!("{}%", shares.percent(d).normalize());
        writeln!(
            out,
            "  {:<14} {:>11} {:>12} {:>9}",
            shares.date.format("%-d %b %Y"),
            pct(MainDecider::KeyWorker),
            pct(MainDecider::Person),
            pct(MainDecider::Jointly)
        )?;
    }
    let cost: perfect_week::rust_decimal::Decimal = rota.entries.iter().map(|e| e.charge).sum();
    writeln!(
        out,
        "\nIn sum: {} seats unfilled, {:.2} different workers per resident, £{} charged to the residents' funds, score {}.",
        rota.unfilled_seats(),
        seen_total as f64 / plan.people.len().max(1) as f64,
        cost.round_dp(2),
        rota.score
    )?;
    out.flush()?;
    Ok(())
}
