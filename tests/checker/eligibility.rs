//! Eligibility: tags, refusals, days off, availability, young and night rules.

use perfect_week::solver::{Assignment, Constraint, Cover, HeldTag, Interval, NightRules};

use crate::common::*;

#[test]
fn eligibility_costs_the_duration_per_failed_reason() {
    let mut p = problem(7);
    let mut s = session("s", 2, 9, 13); // 240 minutes on day 2
    s.requires = vec!["med".into()];
    s.refused = vec!["refused".into()];
    s.cover = Cover::Required { workers: 9 };
    s.placements[0].young_restricted_minutes = 0;
    let mut night = session("n", 3, 20, 30); // 600 minutes, 7 h of night
    night.placements[0].night_minutes = 7 * 60;
    night.placements[0].young_restricted_minutes = 8 * 60;
    night.requires = vec![];
    p.sessions = vec![s, night];
    p.rules.night = Some(NightRules {
        max_night_session_minutes: Some(8 * 60),
        ..NightRules::default()
    });

    let mut ok = worker("ok");
    ok.tags = vec![HeldTag::always("med")];
    let mut late_tag = worker("late_tag"); // the tag is only valid from day 3
    late_tag.tags = vec![HeldTag {
        tag: "med".into(),
        from_day: Some(3),
        until_day: None,
    }];
    let mut expired = worker("expired");
    expired.tags = vec![HeldTag {
        tag: "med".into(),
        from_day: None,
        until_day: Some(2),
    }];
    let mut refused = worker("refused");
    refused.tags = vec![HeldTag::always("med")];
    let mut day_off = worker("day_off");
    day_off.tags = vec![HeldTag::always("med")];
    day_off.days_off = vec![2];
    let mut leave = worker("leave");
    leave.tags = vec![HeldTag::always("med")];
    leave.unavailable = vec![Interval {
        start: at(2, 12),
        end: at(2, 14),
    }];
    let mut touching = worker("touching"); // leave from 13:00: no overlap
    touching.tags = vec![HeldTag::always("med")];
    touching.unavailable = vec![Interval {
        start: at(2, 13),
        end: at(2, 18),
    }];
    let mut hours = worker("hours"); // available 10:00-18:00 only
    hours.tags = vec![HeldTag::always("med")];
    hours.available = Some(vec![Interval {
        start: at(2, 10),
        end: at(2, 18),
    }]);
    let mut two = worker("two"); // no tag and a day off: two reasons
    two.days_off = vec![2];
    let mut young = worker("young");
    young.young = true;
    p.workers = vec![
        ok,
        late_tag,
        expired,
        refused,
        day_off,
        leave,
        touching,
        hours,
        two,
        young,
        worker("adult"),
    ];
    let mut r = roster(&[
        ("s", "ok"),
        ("s", "late_tag"),
        ("s", "expired"),
        ("s", "refused"),
        ("s", "day_off"),
        ("s", "leave"),
        ("s", "touching"),
        ("s", "hours"),
        ("s", "two"),
        ("n", "young"),
    ]);
    assert_eq!(
        totals(&p, &r),
        vec![
            (Constraint::MissingTag, 240 * 3),
            (Constraint::Refused, 240),
            (Constraint::DayOff, 240 * 2),
            (Constraint::Unavailable, 240),
            (Constraint::OutsideAvailability, 240),
            (Constraint::YoungNight, 600),
            (Constraint::NightSessionLength, 600),
        ]
    );
    // An adult on the long night: only the night length.
    r.assignments.pop();
    r.assignments.push(Assignment {
        session: "n".into(),
        worker: "adult".into(),
    });
    let report = run(&p, &r);
    let night: Vec<_> = report
        .violations
        .iter()
        .filter(|v| v.session == Some("n".into()))
        .collect();
    assert_eq!(night.len(), 1);
    assert_eq!(night[0].constraint, Constraint::NightSessionLength);
    assert_eq!(night[0].worker, Some("adult".into()));
    // Without the absolute limit, a long night is fine.
    p.rules.night = Some(NightRules::default());
    assert!(
        !totals(&p, &r)
            .iter()
            .any(|(c, _)| *c == Constraint::NightSessionLength)
    );
}
