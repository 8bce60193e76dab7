//! Ava's records in the shapes other care software reads: PRSB About Me,
//! the PRSB Personalised Care and Support Plan, Adult Social Care Client
//! Level Data, and (with the `fhir` feature) a FHIR R4 UK Core bundle.
//!
//! ```sh
//! cargo run --release --example interop                       # into target/interop
//! cargo run --release --features fhir --example interop -- DIR
//! ```
//!
//! It plans Ava's two weeks (the sample of `examples/sample/`), then writes
//! `about-me.json`, `care-and-support-plan.json`, `client-level-data.csv`
//! and, with `fhir`, `fhir-bundle.json`, and prints what each standard
//! could not hold. Exit code 0 when every file is written, 1 otherwise.

mod sample;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use perfect_week::interop::Report;
use perfect_week::interop::about_me::{AboutMe, AboutMeHistory};
use perfect_week::interop::cld::{self, CldOptions};
use perfect_week::interop::pcsp::{Contact, PcspSources, PersonalisedCareAndSupportPlan};

type Error = Box<dyn std::error::Error>;

fn main() -> ExitCode {
    let dir: PathBuf = std::env::args()
        .nth(1)
        .map_or_else(|| PathBuf::from("target/interop"), PathBuf::from);
    match run(&dir) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("interop: {err}");
            ExitCode::FAILURE
        }
    }
}

fn write(dir: &Path, name: &str, text: &str, report: &Report) -> Result<(), Error> {
    let path = dir.join(name);
    std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    println!("wrote {} ({} bytes)", path.display(), text.len());
    print!("{report}");
    println!();
    Ok(())
}

fn run(dir: &Path) -> Result<(), Error> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let ava = sample::ava();
    let week = sample::week();
    let review = sample::review();
    let agreement = sample::agreement();
    let rota = sample::plan().solve(&sample::solver_config())?.rota;

    // About Me, written with Priya's support after the March review, kept
    // as version 1 of Ava's history.
    let updated = review.date.and_hms_opt(15, 30, 0).ok_or("time")?;
    let about = AboutMe::from_person(&ava, Some(&week), updated)?;
    let about_me = about
        .record
        .with_supported_by("Priya Shah, support worker, Riverside Support");
    let mut history = AboutMeHistory::new(ava.id.clone());
    history.record(about_me.clone())?;
    write(
        dir,
        "about-me.json",
        &about_me.to_dataset_json()?,
        &about.report,
    )?;

    // The care and support plan from the review: the woman to help her
    // wash serves staying healthy, the two staff for the coast the seaside.
    let sources = PcspSources::new()
        .with_week(&week)
        .with_agreement(&agreement)
        .with_about_me(&about_me)
        .with_review_by(Contact::named("Mark Osei").with_role("social worker"))
        .with_goal_under_need("healthy", 0)
        .with_goal_under_need("seaside", 1);
    let plan = PersonalisedCareAndSupportPlan::from_review(&review, &sources)?;
    write(
        dir,
        "care-and-support-plan.json",
        &serde_json::to_string_pretty(&plan.record)?,
        &plan.report,
    )?;

    // The council's return.
    let options = CldOptions::new("LA-004217").with_nhs_number("9449306060");
    let csv = cld::to_csv(&rota, &agreement, std::slice::from_ref(&review), &options)?;
    write(dir, "client-level-data.csv", &csv.record, &csv.report)?;

    fhir(dir, &ava, &about_me, &review, &week, &rota)?;
    Ok(())
}

#[cfg(feature = "fhir")]
fn fhir(
    dir: &Path,
    ava: &perfect_week::Person,
    about_me: &AboutMe,
    review: &perfect_week::Review,
    week: &perfect_week::PerfectWeek,
    rota: &perfect_week::Rota,
) -> Result<(), Error> {
    use chrono::TimeZone;
    use perfect_week::interop::fhir::{FhirSources, bundle};
    let at = chrono::Utc
        .with_ymd_and_hms(2026, 3, 20, 9, 0, 0)
        .single()
        .ok_or("time")?;
    let sources = FhirSources::new(ava, at)
        .with_nhs_number("9449306060")
        .with_about_me(about_me)
        .with_review(review)
        .with_week(week)
        .with_rota(rota);
    let exported = bundle(&sources)?;
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for entry in &exported.record.entry {
        *counts.entry(entry.resource.type_name()).or_default() += 1;
    }
    let counts: Vec<String> = counts.iter().map(|(k, n)| format!("{n} {k}")).collect();
    println!("FHIR bundle: {}", counts.join(", "));
    write(
        dir,
        "fhir-bundle.json",
        &serde_json::to_string_pretty(&exported.record)?,
        &exported.report,
    )
}

#[cfg(not(feature = "fhir"))]
fn fhir(
    _dir: &Path,
    _ava: &perfect_week::Person,
    _about_me: &AboutMe,
    _review: &perfect_week::Review,
    _week: &perfect_week::PerfectWeek,
    _rota: &perfect_week::Rota,
) -> Result<(), Error> {
    println!("FHIR bundle: not written (run with --features fhir)");
    Ok(())
}
