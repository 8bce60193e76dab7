//! A sick call: a worker is off for three days; the rota is planned again
//! with as little change as possible, and everyone affected is told.
//!
//! ```sh
//! cargo run --release --example sick_call
//! ```
//!
//! On the built-in story (`examples/sample/story.rs`): the rota is
//! published; on the evening of Tuesday 31 March the worker with the most
//! sessions from Wednesday to Friday rings in sick for those three days.
//! For each of their sessions it prints the cover options, ranked, with
//! their reasons; then the re-planned week, and a message for each worker
//! whose shifts change, flagged when it comes at short notice (the
//! threshold is a setting, `NoticeRules`; of two re-plans otherwise as good,
//! the one that changes shifts with notice wins).

mod sample;

use std::io::Write;

use chrono::{Datelike, Duration, NaiveTime};
use perfect_week::draw::week_grid;
use perfect_week::explain::who_could_replace;
use perfect_week::notice::{NoticeRules, rank_cover, shift_messages};
use perfect_week::output;
use perfect_week::plan::{Absence, Changes};
use perfect_week::solver::solve;
use perfect_week::time::resolve_local;
use perfect_week::words::{clock, day_name, list_and};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let plan = sample::story();
    let config = sample::story_config();
    let compiled = plan.compile()?;
    let published = compiled.rota(&solve(compiled.problem(), &config)?);

    let first = sample::date(2026, 4, 1);
    let last = first + Duration::days(2);
    let told = resolve_local(
        plan.period.zone,
        (first - Duration::days(1)).and_time(NaiveTime::from_hms_opt(18, 0, 0).ok_or("time")?),
    )
    .to_utc();
    let rules = NoticeRules::default();
    let off = |e: &&perfect_week::rota::RotaEntry| e.date >= first && e.date <= last;
    let sick = plan
        .workers
        .iter()
        .max_by_key(|w| published.for_worker(&w.id).filter(off).count())
        .ok_or("the plan has no workers")?;

    let mut out = output::stdout();
    writeln!(
        out,
        "{} rings in sick at {} on {}: off {} to {}. Short notice is under {} hours; \
         the re-plan weighs a change at short notice {} times one with notice.\n",
        sick.name,
        clock(told.with_timezone(&plan.period.zone).time()),
        (first - Duration::days(1)).format("%A %-d %B"),
        first.format("%A %-d %B"),
        last.format("%A %-d %B"),
        rules.short_notice_minutes / 60,
        rules.short_notice_factor
    )?;
    for entry in published.for_worker(&sick.id).filter(off) {
        writeln!(
            out,
            "{} {} {}: who could go instead?",
            day_name(entry.date.weekday()),
            clock(entry.local_start.time()),
            entry.what
        )?;
        let candidates = who_could_replace(
            compiled.problem(),
            &published.roster,
            &entry.session,
            &sick.id,
        )?;
        for (rank, option) in rank_cover(&candidates, entry.start, told, &rules)
            .iter()
            .take(4)
            .enumerate()
        {
            let c = &option.candidate;
            let name = plan
                .workers
                .iter()
                .find(|w| w.id == c.worker)
                .map_or(c.worker.as_str(), |w| w.name.as_str());
            // The reasons in words, with their figures, not score changes.
            let why = c.reasons();
            let verdict = if c.is_possible() { "could" } else { "cannot" };
            let notice = if option.short_notice {
                " (short notice)"
            } else {
                ""
            };
            writeln!(
                out,
                "  {}. {name} {verdict}{notice}{}{}",
                rank + 1,
                if why.is_empty() { "" } else { ": " },
                list_and(&why)
            )?;
        }
    }

    let changes = Changes::new().with_absence(Absence::new(&sick.id, first, last));
    let replan = plan.replan(&published, &changes, first, told, &rules, &config)?;
    let monday = first - Duration::days(i64::from(first.weekday().num_days_from_monday()));
    writeln!(
        out,
        "\nThe week re-planned, from {}:\n",
        monday.format("%A %-d %B")
    )?;
    write!(out, "{}", week_grid(&replan.rota.entries, monday, 16))?;
    writeln!(
        out,
        "\n{} assignment(s) changed. Who must be told what:",
        replan.diff.assignments_changed()
    )?;
    let messages = shift_messages(&replan.diff, &published, &replan.rota, told, &rules);
    for message in &messages {
        writeln!(out, "  {message}")?;
    }
    let short = messages.iter().filter(|m| m.short_notice).count();
    writeln!(
        out,
        "{short} of {} change(s) at short notice; the others give notice.",
        messages.len()
    )?;
    out.flush()?;
    Ok(())
}
