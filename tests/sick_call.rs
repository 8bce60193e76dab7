//! A sick call re-planned with notice in mind: of two fixes otherwise as
//! good, the re-plan takes the one that changes a shift with notice.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc, Weekday};
use chrono_tz::Europe::London;
use perfect_week::notice::{NoticeRules, shift_messages};
use perfect_week::plan::{Absence, Changes, OneOff, Plan, PlanError, Replan};
use perfect_week::rota::Rota;
use perfect_week::solver::{Assignment, SolverConfig};
use perfect_week::time::resolve_local;
use perfect_week::week::{Activity, Support, Timing};

use crate::tiny;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn date(day: u32) -> Result<NaiveDate, &'static str> {
    NaiveDate::from_ymd_opt(2026, 11, day).ok_or("date")
}

/// Two weeks from Monday 2 November 2026 (no clock change). Ava swims on
/// Tuesdays (not with Cal) and goes for a walk on Wednesday 4 November
/// (`soon` minutes) and Wednesday 11 November (an hour), not with Amy; each
/// worker supports at most two sessions in the fortnight.
fn plan(soon: u32) -> Result<Plan, Box<dyn std::error::Error>> {
    let ten = NaiveTime::from_hms_opt(10, 0, 0).ok_or("time")?;
    let not = |worker: &str| Support::new(1).with_refused(worker);
    let swim = Activity::new("swim", "Swimming", Weekday::Tue, Timing::fixed(ten), 60)
        .with_support(not("cal"));
    let mut plan = tiny::plan(
        date(2)?,
        2,
        vec![swim],
        &["amy", "ben", "cal"],
        tiny::Money::default(),
    );
    for (day, minutes) in [(4, soon), (11, 60)] {
        plan.changes.added.push(OneOff::new(
            "ava",
            date(day)?,
            Activity::new("walk", "Walk", Weekday::Wed, Timing::fixed(ten), minutes)
                .with_support(not("amy")),
        ));
    }
    plan.options.max_per_kind = vec![("support".into(), 2)];
    Ok(plan)
}

fn told() -> Result<DateTime<Utc>, &'static str> {
    let evening = NaiveTime::from_hms_opt(18, 0, 0).ok_or("time")?;
    Ok(resolve_local(London, date(2)?.and_time(evening)).to_utc())
}

/// Amy swims with Ava both Tuesdays, Ben goes on both walks; Cal has
/// nothing. Amy rings in sick at 18:00 on Monday 2 November for Tuesday.
fn sick_call(
    soon: u32,
    notice: &NoticeRules,
) -> Result<(Rota, Replan), Box<dyn std::error::Error>> {
    let plan = plan(soon)?;
    let config = SolverConfig::default();
    let mut published = plan.solve(&config)?.rota;
    published.roster.assignments = [
        ("ava/swim/2026-11-03", "amy"),
        ("ava/swim/2026-11-10", "amy"),
        ("ava/walk/2026-11-04", "ben"),
        ("ava/walk/2026-11-11", "ben"),
    ]
    .into_iter()
    .map(|(session, worker)| Assignment {
        session: session.into(),
        worker: worker.into(),
    })
    .collect();
    let changes = Changes::new().with_absence(Absence::new("amy", date(3)?, date(3)?));
    let replan = plan.replan(&published, &changes, date(3)?, told()?, notice, &config)?;
    Ok((published, replan))
}

/// Ben is the only one left who may swim on Tuesday, which takes him over
/// two sessions: one of his walks must go to Cal. Giving up Wednesday's
/// (short notice) or next Wednesday's (a week's notice) are fixes of equal
/// cost with walks of equal length; the re-plan gives up next Wednesday's.
/// With this Wednesday's walk ten minutes shorter (less change, counted in
/// minutes), it still does.
#[test]
fn a_replan_prefers_the_fix_that_gives_notice() -> TestResult {
    let notice = NoticeRules::default();
    for soon in [60, 50] {
        let (published, replan) = sick_call(soon, &notice)?;
        let on = |session: &str| -> Vec<String> {
            replan
                .rota
                .entries
                .iter()
                .filter(|e| e.session.as_str() == session)
                .flat_map(|e| e.workers.iter().map(|w| w.id.to_string()))
                .collect()
        };
        assert_eq!(on("ava/swim/2026-11-03"), ["ben"], "{replan}");
        assert_eq!(on("ava/walk/2026-11-04"), ["ben"], "{replan}");
        assert_eq!(on("ava/walk/2026-11-11"), ["cal"], "{replan}");
        assert_eq!(replan.diff.assignments_changed(), 4, "{replan}");
        // Only Tuesday's swim, which nobody could cover with notice, is
        // told at short notice (to Amy and to Ben).
        let messages = shift_messages(&replan.diff, &published, &replan.rota, told()?, &notice);
        let short: Vec<String> = messages
            .iter()
            .filter(|m| m.short_notice)
            .map(|m| m.session.to_string())
            .collect();
        assert_eq!(short, ["ava/swim/2026-11-03", "ava/swim/2026-11-03"]);
    }
    Ok(())
}

#[test]
fn a_notice_factor_below_one_is_refused() -> TestResult {
    let notice = NoticeRules {
        short_notice_factor: 0,
        ..NoticeRules::default()
    };
    match sick_call(60, &notice) {
        Err(e) => match e.downcast_ref::<PlanError>() {
            Some(PlanError::Invalid(errors)) => {
                assert!(
                    errors.to_string().contains("short_notice_factor"),
                    "{errors}"
                );
            }
            other => panic!("expected an invalid notice factor, got {other:?}"),
        },
        Ok((_, replan)) => panic!("a factor of 0 was accepted:\n{replan}"),
    }
    Ok(())
}
