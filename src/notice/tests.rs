use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use rust_decimal::Decimal;

use super::*;
use crate::explain::{Change, RosterDiff};
use crate::rota::RotaWorker;
use crate::solver::{Roster, Score};
use crate::week::{Funding, RotaPeriod};

fn at(day: u32, hour: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 4, day)
        .unwrap_or(NaiveDate::MIN)
        .and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or(NaiveTime::MIN))
}

fn entry(session: &str, start: NaiveDateTime, workers: &[&str]) -> RotaEntry {
    RotaEntry {
        session: SessionId::new(session),
        date: start.date(),
        start: start.and_utc(),
        end: (start + Duration::hours(2)).and_utc(),
        local_start: start.and_utc().fixed_offset(),
        local_end: (start + Duration::hours(2)).and_utc().fixed_offset(),
        what: format!("Session {session}"),
        person: None,
        activity: None,
        funding: Funding::Flexi,
        workers: workers
            .iter()
            .map(|w| RotaWorker {
                id: WorkerId::new(*w),
                name: format!("Worker {w}"),
            })
            .collect(),
        needed: 1,
        charge: Decimal::ZERO,
        minutes_from_preferred: 0,
    }
}

fn rota(entries: Vec<RotaEntry>) -> Rota {
    Rota {
        period: RotaPeriod::new(at(1, 0).date(), 1, chrono_tz::UTC),
        entries,
        score: Score::default(),
        breakdown: vec![],
        roster: Roster::default(),
    }
}

#[test]
fn messages_say_who_is_told_what_with_the_notice() {
    let before = rota(vec![
        entry("a", at(2, 9), &["sam"]),
        entry("b", at(10, 9), &["sam"]),
        entry("c", at(3, 9), &["jo"]),
    ]);
    let after = rota(vec![
        entry("a", at(2, 9), &["jo"]),
        entry("b", at(10, 9), &["ali"]),
        entry("c", at(3, 14), &["jo"]),
    ]);
    let change = |s: &str, removed: &[&str], added: &[&str], moved| Change {
        session: SessionId::new(s),
        removed: removed.iter().map(|w| WorkerId::new(*w)).collect(),
        added: added.iter().map(|w| WorkerId::new(*w)).collect(),
        moved,
    };
    let diff = RosterDiff {
        changes: vec![
            change("a", &["sam"], &["jo"], None),
            change("b", &["sam"], &["ali"], None),
            change("c", &[], &[], Some((0, 1))),
        ],
    };
    let told = at(1, 18).and_utc();
    let messages = shift_messages(&diff, &before, &after, told, &NoticeRules::default());
    let lines: Vec<String> = messages.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "Worker jo: you are now on Thursday 2 April 09:00 Session a (SHORT NOTICE: 15 h)",
            "Worker sam: you are no longer on Thursday 2 April 09:00 Session a (SHORT NOTICE: 15 h)",
            // Moved: the notice runs to the earlier of the two starts.
            "Worker jo: the time has changed for Friday 3 April 14:00 Session c (SHORT NOTICE: 39 h)",
            "Worker ali: you are now on Friday 10 April 09:00 Session b (207 h notice)",
            "Worker sam: you are no longer on Friday 10 April 09:00 Session b (207 h notice)",
        ]
    );
    // The threshold is a setting.
    let loose = NoticeRules {
        short_notice_minutes: 12 * 60,
        ..NoticeRules::default()
    };
    let messages = shift_messages(&diff, &before, &after, told, &loose);
    assert!(messages.iter().all(|m| !m.short_notice));
}

#[test]
fn cover_options_put_the_possible_first() {
    let candidate = |w: &str, blocked: bool| Candidate {
        worker: WorkerId::new(w),
        change: Score::default(),
        blocked_by: if blocked {
            vec![(crate::solver::Constraint::Overlap, 1)]
        } else {
            vec![]
        },
        effects: vec![],
        breaches: vec![],
    };
    let told = at(1, 18).and_utc();
    let options = rank_cover(
        &[candidate("a", true), candidate("b", false)],
        at(2, 9).and_utc(),
        told,
        &NoticeRules::default(),
    );
    let order: Vec<&str> = options
        .iter()
        .map(|o| o.candidate.worker.as_str())
        .collect();
    assert_eq!(order, ["b", "a"]);
    assert!(options.iter().all(|o| o.short_notice));
    let later = rank_cover(
        &[candidate("a", false)],
        at(10, 9).and_utc(),
        told,
        &NoticeRules::default(),
    );
    assert!(!later[0].short_notice);
}
