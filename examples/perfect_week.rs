//! A perfect week planned into a rota: the crate's main example.
//!
//! ```sh
//! cargo run --release --example perfect_week                      # the built-in story
//! cargo run --release --example perfect_week -- examples/data/perfect_week.json
//! cargo run --release --example perfect_week -- PLAN.json --json  # the rota as JSON
//! cargo run --release --example perfect_week -- --out target/rota # CSV, iCalendar, SVG
//! ```
//!
//! With no file it plans the built-in story (`examples/sample/story.rs`):
//! Ava, who lives in supported living, her perfect week and her Individual
//! Service Fund, nine workers, four weeks. With a file it plans that plan
//! (the crate's JSON, as in `examples/data/perfect_week.json`). It prints
//! the person's one-page profile (and, for the story, the outcomes of her
//! person-centred review), the first week as a grid, the budget, what is unfilled and the smallest
//! reason why, and the score. Exit code: 0 whenever a rota is planned,
//! unfilled seats or not; 2 for bad arguments; 1 for bad input.

mod sample;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use perfect_week::digest::{BudgetError, BudgetUse, nearest};
use perfect_week::draw::{perfect_week_beside_rota, week_grid, worker_weeks};
use perfect_week::explain::{Breakdown, how_much_better};
use perfect_week::export::{CalendarFilter, to_csv, to_icalendar};
use perfect_week::money::format_pounds;
use perfect_week::plan::{Plan, PlannedRota};
use perfect_week::review::Review;
use perfect_week::rota::Rota;
use perfect_week::solver::solve;
use perfect_week::words::{clock, day_name, list_and};
use perfect_week::{load, output};

type Error = Box<dyn std::error::Error>;

const USAGE: &str = "usage: perfect_week [PLAN.json] [--json] [--out DIR]";

struct Args {
    plan: Option<PathBuf>,
    json: bool,
    out: Option<PathBuf>,
}

fn main() -> ExitCode {
    let args = match parse(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("perfect_week: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("perfect_week: {err}");
            ExitCode::FAILURE
        }
    }
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut parsed = Args {
        plan: None,
        json: false,
        out: None,
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => parsed.json = true,
            "--out" => parsed.out = Some(args.next().ok_or("--out needs a folder")?.into()),
            "-h" | "--help" => return Err("plans a perfect week into a rota".into()),
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
            _ if parsed.plan.is_some() => return Err("give one plan file".into()),
            file => parsed.plan = Some(file.into()),
        }
    }
    Ok(parsed)
}

fn run(args: &Args) -> Result<(), Error> {
    let plan: Plan = match &args.plan {
        Some(file) => load::from_file(file)?,
        None => sample::story(),
    };
    let compiled = plan.compile()?;
    let solution = solve(compiled.problem(), &sample::story_config())?;
    let planned = compiled.planned(&solution)?;

    let mut out = output::stdout();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &planned)?;
        writeln!(out)?;
    } else {
        // The built-in story's person-centred review (a plan file carries
        // no reviews).
        let reviews: Vec<Review> = args
            .plan
            .is_none()
            .then(sample::review)
            .into_iter()
            .collect();
        report(&mut out, &plan, &reviews, &planned, compiled.problem())?;
    }
    out.flush()?;
    if let Some(dir) = &args.out {
        write_files(dir, &plan, &planned.rota)?;
        eprintln!("perfect_week: wrote the rota into {}", dir.display());
    }
    Ok(())
}

fn report(
    out: &mut impl Write,
    plan: &Plan,
    reviews: &[Review],
    planned: &PlannedRota,
    problem: &perfect_week::solver::Problem,
) -> Result<(), Error> {
    let rota = &planned.rota;
    let monday = rota.period.start;
    for person in &plan.people {
        let name = person.person.display_name();
        let entries: Vec<_> = rota.for_person(&person.person.id).cloned().collect();
        write!(
            out,
            "\n{name}'s one-page profile\n{}",
            person.person.profile
        )?;
        for review in reviews.iter().filter(|r| r.person == person.person.id) {
            write!(out, "\n{}", review.outcomes_in_words())?;
        }
        writeln!(
            out,
            "\n{name}'s first week, from {}\n",
            monday.format("%A %-d %B %Y")
        )?;
        write!(out, "{}", week_grid(&entries, monday, 16))?;
        let Some(fund) = &person.fund else { continue };
        match BudgetUse::of(&person.person.id, fund, &entries, monday, rota.period.weeks) {
            Err(BudgetError::NoMoney(_)) => {
                writeln!(
                    out,
                    "\nBudget: allocated in hours, not money; not summed here."
                )?;
            }
            Err(other) => return Err(other.into()),
            Ok(budget) => {
                writeln!(out, "\nBudget over {} weeks", rota.period.weeks)?;
                writeln!(
                    out,
                    "  flexi allocation  {:>10}",
                    format_pounds(budget.allocated)
                )?;
                writeln!(
                    out,
                    "  from the bank     {:>10}",
                    format_pounds(budget.from_bank)
                )?;
                writeln!(
                    out,
                    "  planned spend     {:>10}",
                    format_pounds(budget.planned)
                )?;
                writeln!(
                    out,
                    "  left              {:>10}",
                    format_pounds(budget.left)
                )?;
            }
        }
    }

    writeln!(
        out,
        "\nUnfilled: {} session(s) with a seat nobody could take",
        planned.unfilled.len()
    )?;
    for gap in &planned.unfilled {
        let entry = &gap.entry;
        writeln!(
            out,
            "  {} {} {} {}: {} more needed",
            day_name(chrono::Datelike::weekday(&entry.date)),
            entry.date.format("%-d %b"),
            clock(entry.local_start.time()),
            entry.what,
            gap.missing
        )?;
        if let Some(candidate) = nearest(&gap.candidates) {
            let why: Vec<&str> = candidate
                .blocked_by
                .iter()
                .map(|(c, _)| c.describe())
                .collect();
            let who = plan
                .workers
                .iter()
                .find(|w| w.id == candidate.worker)
                .map_or(candidate.worker.as_str(), |w| w.name.as_str());
            writeln!(out, "    nearest: {who}, but {}", list_and(&why))?;
        }
    }

    let breakdown = Breakdown::of(problem, &rota.roster)?;
    writeln!(out, "\n{breakdown}")?;
    writeln!(out, "{}", how_much_better(rota.score, planned.lower_bound))?;
    Ok(())
}

/// Writes the rota as CSV, one calendar per worker and the pictures.
fn write_files(dir: &std::path::Path, plan: &Plan, rota: &Rota) -> Result<(), Error> {
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join("rota.csv"), to_csv(rota))?;
    let stamp = rota
        .period
        .start
        .and_hms_opt(0, 0, 0)
        .ok_or("stamp")?
        .and_utc();
    for worker in &plan.workers {
        let calendar = to_icalendar(rota, &CalendarFilter::Worker(worker.id.clone()), stamp);
        std::fs::write(dir.join(format!("{}.ics", worker.id)), calendar)?;
        let hours = worker_weeks(worker, &rota.entries, rota.period.start, rota.period.weeks);
        std::fs::write(dir.join(format!("{}-hours.svg", worker.id)), hours)?;
    }
    for person in &plan.people {
        let name = person.person.display_name();
        let picture =
            perfect_week_beside_rota(name, &person.week, &rota.entries, rota.period.start);
        std::fs::write(dir.join(format!("{}-week.svg", person.person.id)), picture)?;
    }
    Ok(())
}
