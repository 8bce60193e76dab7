//! End to end on the example's data: Ava's perfect week, Riverside Court's
//! core shifts and the team, planned into a rota over two weeks that hold
//! the spring clock change and Good Friday; checked against the independent
//! checker, the clock, the budget, the person's wishes, a sick call,
//! validation, the exports and JSON.
//!
//! The sample is solved once and shared by the tests that read it.

use crate::sample;

use std::sync::OnceLock;

use chrono::{Datelike, NaiveTime, TimeZone, Timelike, Utc};
use chrono_tz::Europe::London;
use perfect_week::error::ValidationError;
use perfect_week::explain::{Breakdown, unfilled};
use perfect_week::export::{CalendarFilter, to_csv, to_icalendar};
use perfect_week::ids::{PersonId, SessionId, SkillId, TraitId, WorkerId};
use perfect_week::notice::NoticeRules;
use perfect_week::plan::{CompiledPlan, Plan, PlanError, PlannedRota};
use perfect_week::rota::{Rota, RotaEntry};
use perfect_week::solver::{Constraint, Solution, SolverConfig, check, solve};
use perfect_week::week::{Activity, Funding, RotaPeriod, Timing};
use rust_decimal::Decimal;

type TestResult = Result<(), Box<dyn std::error::Error>>;

struct Solved {
    plan: Plan,
    compiled: CompiledPlan,
    solution: Solution,
    rota: Rota,
}

/// The sample plan, compiled and solved once for every test.
fn solved() -> &'static Solved {
    static SOLVED: OnceLock<Solved> = OnceLock::new();
    SOLVED.get_or_init(|| {
        let plan = sample::plan();
        let compiled = plan
            .compile()
            .unwrap_or_else(|e| panic!("the sample plan does not compile: {e}"));
        let solution = solve(compiled.problem(), &sample::solver_config())
            .unwrap_or_else(|e| panic!("the solver refused the sample: {e}"));
        let rota = compiled.rota(&solution);
        Solved {
            plan,
            compiled,
            solution,
            rota,
        }
    })
}

fn ava() -> PersonId {
    PersonId::new(sample::AVA)
}

fn entry<'a>(rota: &'a Rota, session: &str) -> &'a RotaEntry {
    rota.entries
        .iter()
        .find(|e| e.session.as_str() == session)
        .unwrap_or_else(|| panic!("no session {session} in the rota"))
}

fn pence(amount: Decimal) -> i64 {
    (amount * Decimal::ONE_HUNDRED)
        .round()
        .try_into()
        .unwrap_or(i64::MAX)
}

fn flexi_cap(compiled: &CompiledPlan) -> i64 {
    compiled
        .problem()
        .budgets
        .iter()
        .find(|b| b.id.as_str() == "flexi/ava")
        .map(|b| b.cap)
        .unwrap_or_else(|| panic!("no flexi budget for Ava"))
}

fn ava_flexi_charges(rota: &Rota) -> Decimal {
    let ava = ava();
    rota.for_person(&ava)
        .filter(|e| e.funding == Funding::Flexi)
        .map(|e| e.charge)
        .sum()
}

// ------------------------------------------------------------ feasibility

#[test]
fn sample_plan_solves_with_every_rule_kept_and_the_checker_agrees() -> TestResult {
    let s = solved();
    s.plan.validate()?;
    let breakdown = Breakdown::of(s.compiled.problem(), &s.rota.roster)?;
    assert_eq!(
        s.solution.score.hard, 0,
        "the sample rota breaks a hard rule:\n{breakdown}"
    );
    assert_eq!(
        s.solution.score.unfilled, 0,
        "the sample rota leaves seats empty:\n{breakdown}"
    );
    // The search's own score of the roster, part by part, is the checker's.
    let report = check(s.compiled.problem(), &s.rota.roster)?;
    assert_eq!(s.solution.disagreements(&report), vec![], "{breakdown}");
    assert_eq!(s.rota.score, s.solution.score);
    assert_eq!(breakdown.by_constraint, s.solution.breakdown);
    assert_eq!(s.rota.unfilled().count(), 0);
    // 14 days of one day and one night core shift; Ava's 14 activities a
    // week (two of them with no paid support), twice.
    let core = s.rota.entries.iter().filter(|e| e.person.is_none()).count();
    assert_eq!(core, 28);
    assert_eq!(s.rota.for_person(&ava()).count(), 2 * 14);
    Ok(())
}

#[test]
fn the_same_plan_and_seed_give_the_same_rota() -> TestResult {
    let s = solved();
    assert_eq!(s.solution.stats.steps, sample::SOLVER_STEPS);
    let config = SolverConfig::default().with_seed(3).with_max_steps(20_000);
    let first = solve(s.compiled.problem(), &config)?;
    let again = solve(s.compiled.problem(), &config)?;
    assert_eq!(again.roster, first.roster);
    assert_eq!(again.score, first.score);
    Ok(())
}

#[test]
fn sample_core_share_is_the_services_own_split() -> TestResult {
    let core = sample::core_plan();
    let week =
        core.service
            .core_weekly_cost(&core.rate_cards, London, sample::date(2026, 3, 16))?;
    assert_eq!(week.total, sample::pounds(384_000));
    let shares = core.service.core_split(week.total)?;
    let share = shares.iter().find(|s| s.person == ava()).map(|s| s.amount);
    assert_eq!(share, Some(sample::core_share_per_week()));
    // The sample's other parts are sound too.
    sample::review().validate()?;
    sample::support_plan().validate()?;
    sample::agreement().validate()?;
    let ledger = sample::ledger()?;
    assert!(ledger.available() > Decimal::ZERO);
    Ok(())
}

// ------------------------------------------------------------ the clock

#[test]
fn the_spring_change_night_lasts_eleven_hours_and_is_charged_for_eleven() {
    let rota = &solved().rota;
    let night = entry(rota, "core/riverside-court/night/2026-03-28");
    assert_eq!(night.minutes(), 11 * 60);
    assert_eq!(
        night.local_start.time(),
        NaiveTime::MIN.with_hour(20).unwrap_or_default()
    );
    assert_eq!(night.local_end.date_naive(), sample::date(2026, 3, 29));
    assert_eq!(night.local_end.time().hour(), 8);
    assert_eq!(night.workers.len(), 1);
    // Waking nights are £20.00 an hour of real time.
    assert_eq!(night.charge, sample::pounds(22_000));
    // The night before is the usual twelve hours.
    let before = entry(rota, "core/riverside-court/night/2026-03-27");
    assert_eq!(before.minutes(), 12 * 60);
    assert_eq!(before.charge, sample::pounds(24_000));
    // And the day it starts on is shown as 20:00 to 08:00 the next day.
    let text = rota.to_string();
    assert!(
        text.contains("Saturday 28 March") && text.contains("20:00–08:00 (next day)  Waking night"),
        "{text}"
    );
}

#[test]
fn the_autumn_change_night_lasts_thirteen_hours() -> TestResult {
    let mut plan = sample::plan();
    plan.period = RotaPeriod::new(sample::date(2026, 10, 19), 1, London);
    let compiled = plan.compile()?;
    let id = SessionId::new("core/riverside-court/night/2026-10-24");
    let session = compiled
        .problem()
        .sessions
        .iter()
        .find(|s| s.id == id)
        .ok_or("no night on 24 October")?;
    let placement = session.placements.first().ok_or("no placement")?;
    assert_eq!(placement.minutes(), 13 * 60);
    assert_eq!(placement.charge, 13 * 2_000);
    let day = compiled
        .problem()
        .days
        .get(placement.day)
        .ok_or("no such day")?;
    assert_eq!(day.date, sample::date(2026, 10, 24));
    // Sunday 25 October is 25 hours long.
    let sunday = compiled.problem().days.get(6).ok_or("no Sunday")?;
    assert_eq!(sunday.end - sunday.start, 25 * 60);
    Ok(())
}

// ------------------------------------------------------- flexible times

#[test]
fn a_flexible_activity_starts_inside_its_window_and_pays_minutes_from_preferred() {
    let s = solved();
    let week = sample::week();
    let shopping = week
        .activities
        .iter()
        .find(|a| a.id.as_str() == "shopping")
        .unwrap_or_else(|| panic!("no shopping in the perfect week"));
    let Timing::Flexible {
        earliest,
        latest_end,
        preferred,
        ..
    } = shopping.timing
    else {
        panic!("shopping is not flexible");
    };
    let minutes = |t: NaiveTime| i64::from(t.hour() * 60 + t.minute());
    let ava = ava();
    let entries: Vec<&RotaEntry> = s
        .rota
        .for_person(&ava)
        .filter(|e| {
            e.activity
                .as_ref()
                .is_some_and(|a| a.as_str() == "shopping")
        })
        .collect();
    assert_eq!(entries.len(), 2);
    let mut penalty = 0;
    for entry in entries {
        let start = entry.local_start.time();
        assert!(earliest <= start, "{start} before {earliest}");
        assert!(
            minutes(start) + i64::from(shopping.minutes) <= minutes(latest_end),
            "{start} + {} min ends after {latest_end}",
            shopping.minutes
        );
        assert_eq!(entry.minutes(), i64::from(shopping.minutes));
        assert_eq!(
            entry.minutes_from_preferred,
            (minutes(start) - minutes(preferred)).abs()
        );
        penalty += entry.minutes_from_preferred;
    }
    // Shopping is the only flexible activity: the score's placement term is
    // its minutes away from Ava's choice, times the weight.
    let term = s
        .solution
        .breakdown
        .iter()
        .find(|(c, _)| *c == Constraint::Placement)
        .map_or(0, |(_, amount)| *amount);
    assert_eq!(term, penalty * s.plan.options.weights.placement);
}

// ------------------------------------------------------------ the budget

#[test]
fn flexi_charges_stay_inside_the_compiled_budget() {
    let s = solved();
    let cap = flexi_cap(&s.compiled);
    // (£1,000.00 − £192.00 core) × 2 weeks + £50.00 from the bank.
    assert_eq!(cap, 166_600);
    let charged = ava_flexi_charges(&s.rota);
    assert!(pence(charged) <= cap, "{charged} over {cap}p");
    // Good Friday's cinema and morning are paid double; 2:1 is paid twice.
    let coast = entry(&s.rota, "ava/coast/2026-03-28");
    assert_eq!(coast.workers.len(), 2);
    assert_eq!(coast.charge, sample::pounds(36_000));
    let cinema = entry(&s.rota, "ava/cinema/2026-04-03");
    assert_eq!(cinema.charge, sample::pounds(16_800));
    assert_eq!(charged, sample::pounds(160_200));
    // Unpaid and community activities cost nothing and need nobody.
    for e in s.rota.for_person(&ava()) {
        if matches!(e.funding, Funding::Unpaid | Funding::Community) {
            assert_eq!((e.needed, e.charge), (0, Decimal::ZERO), "{}", e.session);
        }
    }
}

#[test]
fn too_small_an_allocation_leaves_sessions_unfilled_rather_than_overspending() -> TestResult {
    let mut plan = sample::plan();
    let person = plan.people.first_mut().ok_or("no person")?;
    let fund = person.fund.as_mut().ok_or("no fund")?;
    // £300.00 a week of flexi money, nothing from the bank.
    fund.allocation.money_per_week = Some(sample::core_share_per_week() + sample::pounds(30_000));
    fund.usable_bank = Decimal::ZERO;
    let compiled = plan.compile()?;
    let config = SolverConfig::default().with_seed(1).with_max_steps(50_000);
    let planned = plan.solve(&config)?;
    let rota = &planned.rota;
    let breakdown = Breakdown::of(compiled.problem(), &rota.roster)?;
    assert_eq!(rota.score.hard, 0, "{breakdown}");
    assert!(rota.score.unfilled > 0, "{breakdown}");
    assert!(planned.stats.steps > 0);
    assert!(planned.stats.best_found_at_step <= planned.stats.steps);
    let cap = flexi_cap(&compiled);
    assert_eq!(cap, 60_000);
    assert!(pence(ava_flexi_charges(rota)) <= cap);
    // The explanations come with the solve, in the rota's own entries, and
    // agree with asking the compiled problem directly.
    let gaps = &planned.unfilled;
    assert!(!gaps.is_empty());
    let direct = unfilled(compiled.problem(), &rota.roster)?;
    assert_eq!(gaps.len(), direct.len());
    assert_eq!(
        gaps.iter().map(|g| u64::from(g.missing)).sum::<u64>(),
        rota.unfilled_seats()
    );
    for gap in gaps {
        assert_eq!(Some(&gap.entry), rota.entry(&gap.entry.session));
        assert_eq!(
            gap.entry.person,
            Some(ava()),
            "only Ava's flexi sessions go short"
        );
        assert!(gap.entry.workers.len() < gap.entry.needed as usize);
        assert!(
            gap.to_string()
                .contains(&gap.entry.date.format("%A %-d %B").to_string())
        );
    }
    let budget_named = gaps.iter().any(|g| {
        g.candidates
            .iter()
            .any(|c| c.blocked_by.iter().any(|(c, _)| *c == Constraint::Budget))
    });
    assert!(budget_named, "no unfilled session names the budget");
    // The same ranking as asking the plan about one session afterwards.
    let first = &gaps[0];
    let asked = plan.who_could_cover(rota, &first.entry.session)?;
    assert_eq!(asked, first.candidates);
    // JSON: written out and read back, it writes out the same.
    let json = serde_json::to_string(&planned)?;
    let back: PlannedRota = serde_json::from_str(&json)?;
    assert_eq!(serde_json::to_string(&back)?, json);
    assert_eq!(back.unfilled, planned.unfilled);
    Ok(())
}

// ------------------------------------------------- the person's wishes

#[test]
fn refused_and_excluded_workers_never_support_ava() {
    let s = solved();
    let dean = WorkerId::new("dean");
    let marcus = WorkerId::new("marcus");
    // Dean is on the rota (core nights), never with Ava.
    for e in s.rota.for_person(&ava()) {
        assert!(
            e.workers.iter().all(|w| w.id != dean),
            "Dean on {}",
            e.session
        );
        if e.activity.as_ref().is_some_and(|a| a.as_str() == "cinema") {
            assert!(
                e.workers.iter().all(|w| w.id != marcus),
                "Marcus on {}",
                e.session
            );
        }
    }
}

#[test]
fn personal_care_is_by_women_with_medication_training_valid_on_the_day() {
    let s = solved();
    let medication = SkillId::new("medication");
    let female = TraitId::new("female");
    let mut care = 0;
    for e in s.rota.for_person(&ava()) {
        if !e
            .activity
            .as_ref()
            .is_some_and(|a| a.as_str().starts_with("care-"))
        {
            continue;
        }
        care += 1;
        for w in &e.workers {
            let worker = s
                .plan
                .workers
                .iter()
                .find(|x| x.id == w.id)
                .unwrap_or_else(|| panic!("unknown worker {}", w.id));
            assert!(worker.characteristics.contains(&female), "{}", e.session);
            assert!(worker.has_valid(&medication, e.date), "{}", e.session);
        }
        // Grace's training ran out on 31 March.
        if e.date > sample::date(2026, 3, 31) {
            assert!(e.workers.iter().all(|w| w.id.as_str() != "grace"));
        }
    }
    assert_eq!(care, 14);
    // A plan that made Grace the only choice after 31 March cannot use her.
    let compiled = &s.compiled;
    let session = SessionId::new("ava/care-thu/2026-04-02");
    let candidates =
        perfect_week::explain::who_could_cover(compiled.problem(), &Default::default(), &session)
            .unwrap_or_else(|e| panic!("{e}"));
    let grace = candidates
        .iter()
        .find(|c| c.worker.as_str() == "grace")
        .unwrap_or_else(|| panic!("Grace not weighed"));
    assert!(
        grace
            .blocked_by
            .iter()
            .any(|(c, _)| *c == Constraint::MissingTag),
        "{grace}"
    );
}

#[test]
fn the_young_worker_is_never_on_at_night_or_for_long_days() {
    let s = solved();
    let lily = WorkerId::new("lily");
    for e in s.rota.for_worker(&lily) {
        assert!(e.minutes() <= 8 * 60, "{}", e.session);
        assert!(e.local_start.time().hour() >= 6, "{}", e.session);
        assert!(e.local_end.time().hour() < 22 || e.local_end.time() == NaiveTime::MIN);
    }
}

// ------------------------------------------------------------- sick call

#[test]
fn a_sick_call_moves_the_sick_worker_off_and_little_else() -> TestResult {
    let s = solved();
    let sick = WorkerId::new(sample::SICK_WORKER);
    let from = sample::sick_from();
    let had = s.rota.for_worker(&sick).filter(|e| e.date >= from).count();
    assert!(had > 0, "the sick worker had nothing to give up");
    let replan = s.plan.replan(
        &s.rota,
        &sample::sick_call(),
        from,
        sample::sick_told(),
        &NoticeRules::default(),
        &sample::solver_config(),
    )?;
    let new = &replan.rota;
    assert_eq!(new.score.hard, 0, "{}", replan);
    assert!(
        new.for_worker(&sick).all(|e| e.date < from),
        "the sick worker is still on after {from}"
    );
    for old in s.rota.entries.iter().filter(|e| e.date < from) {
        let now = entry(new, old.session.as_str());
        assert_eq!(now.workers, old.workers, "{} changed hands", old.session);
    }
    // Each of the sick worker's sessions changes hands; the knock-on
    // changes are fewer than those.
    let knock_on = replan
        .diff
        .changes
        .iter()
        .filter(|c| !c.removed.contains(&sick) && !c.added.is_empty())
        .count();
    assert!(
        knock_on < had,
        "{knock_on} knock-on changes for {had}:\n{replan}"
    );
    assert!(replan.diff.assignments_changed() <= 4 * had, "{replan}");
    assert_eq!(new.unfilled().count(), 0, "{replan}");
    Ok(())
}

/// A published rota that names a worker the plan does not have is refused
/// with an error naming the worker, instead of the assignment being dropped
/// and counted as a change.
#[test]
fn a_replan_of_a_rota_naming_an_unknown_worker_is_an_error() {
    let s = solved();
    let mut published = s.rota.clone();
    let Some(first) = published.roster.assignments.first_mut() else {
        panic!("the sample rota has no assignments");
    };
    first.worker = WorkerId::new("nobody-by-this-name");
    let result = s.plan.replan(
        &published,
        &sample::sick_call(),
        sample::sick_from(),
        sample::sick_told(),
        &NoticeRules::default(),
        &sample::solver_config(),
    );
    match result {
        Err(PlanError::NotInPlan(error)) => {
            assert!(error.to_string().contains("nobody-by-this-name"), "{error}");
        }
        other => panic!("expected NotInPlan, got {other:?}"),
    }
}

/// `Plan::replan` keeps sessions before `from` as they happened, times
/// included: the published rota had the first week's shopping at 09:00 (the
/// coordinator moved it), and the re-plan must not move it back to Ava's
/// preferred 10:30 a week after it happened.
#[test]
fn a_sick_call_does_not_move_the_time_of_past_sessions() -> TestResult {
    let s = solved();
    let from = sample::sick_from();
    let shopping = SessionId::new("ava/shopping/2026-03-25");
    let mut published = s.rota.clone();
    published
        .roster
        .placements
        .retain(|p| p.session != shopping);
    published
        .roster
        .placements
        .push(perfect_week::solver::PlacementChoice {
            session: shopping.clone(),
            index: 0,
        });
    let replan = s.plan.replan(
        &published,
        &sample::sick_call(),
        from,
        sample::sick_told(),
        &NoticeRules::default(),
        &sample::solver_config(),
    )?;
    let moved: Vec<_> = replan
        .diff
        .changes
        .iter()
        .filter(|c| c.session == shopping)
        .collect();
    assert!(moved.is_empty(), "{moved:?}");
    Ok(())
}

// ------------------------------------------------------------ validation

#[test]
fn validation_reports_every_problem_at_once() {
    let mut plan = sample::plan();
    if let Some(person) = plan.people.first_mut() {
        person.fund = None;
        if let Some(care) = person.week.activities.first_mut() {
            care.support.preferred.push(WorkerId::new("nobody"));
        }
    }
    let errors = match plan.compile() {
        Err(PlanError::Invalid(errors)) => errors,
        other => panic!("expected validation errors, got {other:?}"),
    };
    let errors = errors.errors();
    assert!(
        errors.iter().any(|e| matches!(
            e,
            ValidationError::UnknownId { id, .. } if id == "nobody"
        )),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| matches!(e, ValidationError::Missing { what, .. } if what.contains("fund"))),
        "{errors:?}"
    );
    // Every flexi activity without a fund is named, with the unknown worker.
    let flexi = sample::week()
        .activities
        .iter()
        .filter(|a: &&Activity| a.funding == Funding::Flexi)
        .count();
    assert_eq!(errors.len(), flexi + 1, "{errors:?}");
}

// --------------------------------------------------------------- exports

#[test]
fn csv_has_a_header_and_one_row_per_seat() {
    let rota = &solved().rota;
    let csv = to_csv(rota);
    let mut lines = csv.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("date,start,end,minutes,person,activity,what,worker_id,worker,funding,charge")
    );
    let rows: Vec<&str> = lines.filter(|l| !l.is_empty()).collect();
    let seats: usize = rota
        .entries
        .iter()
        .map(|e| (e.needed as usize).max(e.workers.len()).max(1))
        .sum();
    assert_eq!(rows.len(), seats);
    assert!(csv.ends_with("\r\n"));
    // The coast is 2:1: two rows, one per worker; names with commas are quoted.
    assert_eq!(
        rows.iter()
            .filter(|r| r.starts_with("2026-03-28,10:00,16:00,360,ava,coast,"))
            .count(),
        2
    );
    assert!(csv.contains("\"Getting up, shower and morning tablets\""));
    assert!(csv.contains("2026-03-28,20:00,08:00,660,,,Waking night,"));
}

#[test]
fn icalendar_lines_are_short_and_times_are_utc() {
    let rota = &solved().rota;
    let stamp = Utc
        .with_ymd_and_hms(2026, 3, 20, 12, 0, 0)
        .single()
        .unwrap_or_default();
    let ics = to_icalendar(rota, &CalendarFilter::Person(ava()), stamp);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
        assert!(!line.contains('\n'));
    }
    let events = ics.matches("BEGIN:VEVENT").count();
    assert_eq!(events, rota.for_person(&ava()).count());
    for line in ics
        .lines()
        .filter(|l| l.starts_with("DTSTART") || l.starts_with("DTEND"))
    {
        let value = line.split_once(':').map(|(_, v)| v).unwrap_or_default();
        assert_eq!(value.len(), 16, "{line}");
        assert!(value.ends_with('Z'), "{line}");
    }
    // Sunday 29 March's morning is 07:30 BST: 06:30 UTC. The Monday before
    // is 07:30 GMT.
    assert!(ics.contains("DTSTART:20260329T063000Z"));
    assert!(ics.contains("DTSTART:20260323T073000Z"));
    // The core shifts are not Ava's.
    assert!(!ics.contains("Waking night"));
    let everyone = to_icalendar(rota, &CalendarFilter::All, stamp);
    assert!(everyone.contains("DTSTART:20260328T200000Z\r\nDTEND:20260329T070000Z"));
    assert_eq!(
        to_icalendar(rota, &CalendarFilter::All, stamp),
        everyone,
        "the same rota gives the same file"
    );
    // Published again a day later (after a re-plan, say): every event's
    // SEQUENCE is higher, so calendars take it as an update.
    let sequences = |ics: &str| -> Vec<i64> {
        ics.lines()
            .filter_map(|l| l.strip_prefix("SEQUENCE:"))
            .filter_map(|v| v.parse().ok())
            .collect()
    };
    let before = sequences(&everyone);
    let after = sequences(&to_icalendar(
        rota,
        &CalendarFilter::All,
        stamp + chrono::Duration::days(1),
    ));
    assert_eq!(before.len(), everyone.matches("BEGIN:VEVENT").count());
    assert_eq!(before.len(), after.len());
    assert!(before.iter().zip(&after).all(|(b, a)| a > b));
    assert_eq!(stamp.year(), 2026);
}

// ------------------------------------------------------------------ JSON

#[test]
fn the_plan_and_the_rota_survive_json() -> TestResult {
    let s = solved();
    let json = serde_json::to_string(&s.plan)?;
    let plan: Plan = serde_json::from_str(&json)?;
    assert_eq!(plan, s.plan);
    let json = serde_json::to_string_pretty(&s.rota)?;
    let rota: Rota = serde_json::from_str(&json)?;
    assert_eq!(rota, s.rota);
    // Money is written as strings, never as floats.
    assert!(
        json.contains("\"charge\": \"220.00\""),
        "charge not a string"
    );
    Ok(())
}
