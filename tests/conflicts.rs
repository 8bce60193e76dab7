//! Impossible plans explained: each unfilled seat gets a small conflict set,
//! and the set is minimal: relaxing any one member lets one more worker take
//! a seat, as the independent checker confirms through `who_could_cover`.

use chrono::{NaiveDate, NaiveTime, Weekday};
use perfect_week::explain::{Blocker, Conflict, conflicts, who_could_cover};
use perfect_week::plan::{Fund, PersonPlan, Plan};
use perfect_week::solver::{Constraint, Problem, Roster, SolverConfig, solve};
use perfect_week::staff::{Leave, LeaveKind, Qualification};
use perfect_week::week::{Activity, PerfectWeek, RotaPeriod, Support, Timing};
use perfect_week::{Contract, Person, RateCard, RateCardSet, Worker};
use rust_decimal::Decimal;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn monday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, 4).unwrap_or(NaiveDate::MIN)
}

fn at(hour: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or(NaiveTime::MIN)
}

fn worker(id: &str, max_hours: u32) -> Worker {
    let contract = Contract::new(max_hours * 60, Decimal::new(1300, 2));
    let born = NaiveDate::from_ymd_opt(1990, 6, 1).unwrap_or(NaiveDate::MIN);
    Worker::new(id, id, born, contract)
}

fn drives(mut w: Worker) -> Worker {
    w.qualifications.push(Qualification::new("driving"));
    w
}

/// Held a driving qualification that ran out before the rota.
fn expired_driver(mut w: Worker) -> Worker {
    let last_day = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap_or(NaiveDate::MIN);
    w.qualifications
        .push(Qualification::new("driving").with_expires(last_day));
    w
}

fn on_leave(mut w: Worker, from: NaiveDate, to: NaiveDate) -> Worker {
    w.leave.push(Leave::new(from, to, LeaveKind::Annual));
    w
}

fn fund(per_week: &str) -> Option<Fund> {
    let cards = RateCardSet {
        cards: vec![RateCard::flat(monday(), Decimal::new(2000, 2))],
    };
    per_week.parse().ok().map(|money| Fund::money(cards, money))
}

/// Plans Ava's week, solves it with a step budget, and returns the problem,
/// the roster and the conflict sets.
fn explain(
    activities: Vec<Activity>,
    per_week: &str,
    workers: Vec<Worker>,
) -> Result<(Problem, Roster, Vec<Conflict>), Box<dyn std::error::Error>> {
    let ava = Person::new("ava", "Ava");
    let week = PerfectWeek::new(ava.id.clone(), activities);
    let period = RotaPeriod::new(monday(), 1, chrono_tz::Europe::London);
    let plan = Plan::new(
        period,
        vec![PersonPlan::new(ava, week, fund(per_week))],
        workers,
    );
    let compiled = plan.compile()?;
    let config = SolverConfig::default().with_seed(7).with_max_steps(5_000);
    let solution = solve(compiled.problem(), &config)?;
    let found = conflicts(compiled.problem(), &solution.roster)?;
    Ok((compiled.problem().clone(), solution.roster, found))
}

/// The problem with one blocker lifted.
fn relax(problem: &Problem, session: &str, blocker: &Blocker) -> Problem {
    let mut p = problem.clone();
    match blocker {
        Blocker::Session(Constraint::MissingTag) => p
            .sessions
            .iter_mut()
            .filter(|s| s.id.as_str() == session)
            .for_each(|s| s.requires.clear()),
        Blocker::Session(Constraint::Budget) => {
            p.budgets.iter_mut().for_each(|b| b.cap = i64::MAX / 4)
        }
        Blocker::Worker(id, c) => {
            for s in p.sessions.iter_mut().filter(|s| s.id.as_str() == session) {
                s.refused.retain(|r| r != id || *c != Constraint::Refused);
            }
            for w in p.workers.iter_mut().filter(|w| &w.id == id) {
                match c {
                    Constraint::DayOff => w.days_off.clear(),
                    Constraint::Unavailable => w.unavailable.clear(),
                    Constraint::WeeklyMinutes => w.limits.max_minutes_per_week = None,
                    Constraint::Refused => {}
                    other => panic!("no relaxation written for {other:?}"),
                }
            }
        }
        Blocker::Session(other) => panic!("no relaxation written for {other:?}"),
    }
    p
}

fn possible(problem: &Problem, roster: &Roster, session: &str) -> usize {
    who_could_cover(problem, roster, &session.into())
        .map(|c| c.iter().filter(|c| c.is_possible()).count())
        .unwrap_or(0)
}

/// The set explains the seat (the checker finds exactly `could_fill` free)
/// and is minimal (lifting any one member frees one more worker).
fn assert_minimal(problem: &Problem, roster: &Roster, conflict: &Conflict) {
    let session = conflict.session.as_str();
    assert!(!conflict.reasons.is_empty(), "{conflict}");
    assert_eq!(
        possible(problem, roster, session),
        conflict.could_fill.len(),
        "{conflict}"
    );
    for reason in &conflict.reasons {
        let relaxed = relax(problem, session, &reason.blocker);
        assert!(
            possible(&relaxed, roster, session) > conflict.could_fill.len(),
            "lifting {:?} frees no one: {conflict}",
            reason.blocker
        );
    }
}

fn drive(day: Weekday, hour: u32, minutes: u32) -> Activity {
    Activity::new(
        "drive",
        "Drive to the coast",
        day,
        Timing::fixed(at(hour)),
        minutes,
    )
    .with_support(Support::new(1).with_skill("driving"))
}

#[test]
fn no_worker_with_the_required_skill() -> TestResult {
    let (problem, roster, found) = explain(
        vec![drive(Weekday::Tue, 10, 120)],
        "500",
        vec![worker("sam", 30), expired_driver(worker("priya", 30))],
    )?;
    assert_eq!(found.len(), 1);
    let c = &found[0];
    assert_eq!(c.reasons.len(), 1);
    assert_eq!(
        c.reasons[0].blocker,
        Blocker::Session(Constraint::MissingTag)
    );
    assert_eq!(
        c.to_string(),
        "drive@2026-05-05 for ava needs 1 more worker: no worker holds skill:driving"
            .replace("drive@2026-05-05", c.session.as_str())
    );
    assert_minimal(&problem, &roster, c);
    Ok(())
}

#[test]
fn only_two_can_drive_one_on_leave_one_at_contract_hours() -> TestResult {
    // Priya drives Monday 08:00-16:00 (8 h of her 8 h); Sam is on leave on
    // Monday and Tuesday; Nat cannot drive.
    let tuesday = monday().succ_opt().unwrap_or(monday());
    let mut monday_drive = drive(Weekday::Mon, 8, 480);
    monday_drive.id = "long-drive".into();
    let (problem, roster, found) = explain(
        vec![monday_drive, drive(Weekday::Tue, 10, 120)],
        "500",
        vec![
            on_leave(drives(worker("sam", 30)), monday(), tuesday),
            drives(worker("priya", 8)),
            worker("nat", 30),
        ],
    )?;
    let c = found
        .iter()
        .find(|c| !c.session.as_str().contains("long-drive"))
        .ok_or("the Tuesday drive should be unfilled")?;
    let text = c.to_string();
    assert_eq!(c.reasons.len(), 3, "{text}");
    assert_eq!(
        text,
        format!(
            "{} for ava needs 1 more worker: only sam and priya hold skill:driving; \
             priya is at their 8 contract hours; sam is on leave or unavailable on Tuesday 5 May",
            c.session
        )
    );
    assert_minimal(&problem, &roster, c);
    Ok(())
}

#[test]
fn more_two_to_one_hours_than_the_staff_can_give() -> TestResult {
    // Three 4-hour 2:1 sessions; two workers with 8 hours each can give four
    // of the six seats.
    let two = |id: &str, day| {
        let mut a = Activity::new(id, id, day, Timing::fixed(at(9)), 240);
        a.support.workers = 2;
        a
    };
    let (problem, roster, found) = explain(
        vec![
            two("mon", Weekday::Mon),
            two("tue", Weekday::Tue),
            two("wed", Weekday::Wed),
        ],
        "1000",
        vec![worker("sam", 8), worker("priya", 8)],
    )?;
    assert!(!found.is_empty());
    for c in &found {
        assert!(
            c.reasons
                .iter()
                .all(|r| matches!(r.blocker, Blocker::Worker(_, Constraint::WeeklyMinutes))),
            "{c}"
        );
        assert!(
            c.to_string().contains("is at their 8 contract hours"),
            "{c}"
        );
        assert_minimal(&problem, &roster, c);
    }
    Ok(())
}

#[test]
fn a_budget_too_small_for_the_fixed_sessions() -> TestResult {
    // £20 an hour; £50 a week pays for 2½ of the 6 hours asked.
    let (problem, roster, found) = explain(
        vec![
            Activity::new("a", "Gym", Weekday::Mon, Timing::fixed(at(10)), 120),
            Activity::new("b", "Cinema", Weekday::Wed, Timing::fixed(at(18)), 120),
            Activity::new("c", "Market", Weekday::Sat, Timing::fixed(at(9)), 120),
        ],
        "50",
        vec![worker("sam", 30), worker("priya", 30)],
    )?;
    assert!(!found.is_empty());
    for c in &found {
        assert_eq!(c.reasons.len(), 1, "{c}");
        assert_eq!(c.reasons[0].blocker, Blocker::Session(Constraint::Budget));
        assert!(
            c.to_string()
                .contains("the budget cannot pay for it (it would go £"),
            "{c}"
        );
        assert_minimal(&problem, &roster, c);
    }
    Ok(())
}

#[test]
fn a_refused_worker_who_is_the_only_one_available() -> TestResult {
    let wednesday = monday() + chrono::Days::new(2);
    let mut swim = Activity::new("swim", "Swimming", Weekday::Wed, Timing::fixed(at(10)), 90);
    swim.support.refused = vec!["rex".into()];
    let (problem, roster, found) = explain(
        vec![swim],
        "500",
        vec![
            worker("rex", 30),
            on_leave(worker("kit", 30), wednesday, wednesday),
        ],
    )?;
    assert_eq!(found.len(), 1);
    let c = &found[0];
    let text = c.to_string();
    assert!(text.contains("ava does not want rex"), "{text}");
    assert!(text.contains("kit"), "{text}");
    assert_eq!(c.reasons.len(), 2, "{text}");
    assert_minimal(&problem, &roster, c);
    Ok(())
}
