//! Property tests on generated problems.

use chrono::Days;
use perfect_week::ids::{SessionId, WorkerId};
use perfect_week::solver::{
    Assignment, Boundary, Budget, CheckReport, Constraint, Cover, Day, Employee, Fairness, HeldTag,
    Interval, Measure, Placement, PlacementChoice, Problem, Request, Roster, Rules, Session, Want,
    Weights, WorkerHistory, check,
};
use proptest::prelude::*;

use crate::common::*;

fn arb_problem() -> impl Strategy<Value = (Problem, Roster)> {
    let minute = -1000i64..6_000;
    let small = 0usize..9;
    let placement = (
        small.clone(),
        minute.clone(),
        -200i64..900,
        0u32..600,
        0u32..300,
        -50i64..500,
        -5i64..20,
    )
        .prop_map(|(day, start, len, night, young, charge, penalty)| {
            Placement::new(day, start, start + len)
                .with_night_minutes(night)
                .with_young_restricted_minutes(young)
                .with_charge(charge)
                .with_penalty(penalty)
        });
    let session = (
        0usize..8,
        prop::collection::vec(placement, 0..3),
        prop_oneof![
            (0u32..3).prop_map(|workers| Cover::Required { workers }),
            (0u32..3, -3i64..5, -3i64..5).prop_map(|(wanted, under_weight, over_weight)| {
                Cover::Preferred {
                    wanted,
                    under_weight,
                    over_weight,
                }
            }),
        ],
        prop::option::of(0u8..3),
        prop::option::of(0u8..3),
        prop::option::of(0u8..2),
        prop::collection::vec(0u8..5, 0..2),
        -2i64..4,
    )
        .prop_map(
            |(id, placements, cover, kind, place, person, preferred, priority)| {
                let mut s = Session::new(format!("s{id}"), placements, 0)
                    .with_cover(cover)
                    .with_priority(priority);
                if let Some(k) = kind {
                    s = s.with_kind(format!("k{k}")).with_budget(format!("b{k}"));
                }
                if let Some(k) = place {
                    s = s.with_place(format!("p{k}"));
                }
                if let Some(k) = person {
                    s = s
                        .with_person(format!("ann{k}"))
                        .with_series(format!("series{k}"));
                }
                if id % 3 == 0 {
                    s = s.requiring("med");
                }
                if let Some(w) = preferred.first() {
                    s = s.refusing(format!("w{w}"));
                }
                for w in &preferred {
                    s = s
                        .preferring(format!("w{w}"))
                        .with_worker_penalty(format!("w{w}"), 3);
                }
                s
            },
        );
    let interval = (minute.clone(), -100i64..3000).prop_map(|(start, len)| Interval {
        start,
        end: start + len,
    });
    let worker = (
        0usize..5,
        prop::collection::vec(small.clone(), 0..3),
        prop::collection::vec(interval.clone(), 0..2),
        prop::option::of(prop::collection::vec(interval, 0..2)),
        any::<bool>(),
        any::<bool>(),
        (
            prop::option::of(0i64..3000),
            prop::option::of(0u32..8),
            prop::option::of(0u32..4),
            prop::option::of(0u32..3),
        ),
        (
            -500i64..5000,
            -3i64..30,
            prop::option::of(minute.clone()),
            0u32..9,
        ),
        prop::collection::vec((small.clone(), any::<bool>(), -5i64..20), 0..3),
    )
        .prop_map(
            |(
                id,
                days_off,
                unavailable,
                available,
                young,
                opted_out,
                limits,
                history,
                requests,
            )| {
                let mut w = worker(&format!("w{id}"));
                w.tags = vec![HeldTag {
                    tag: "med".into(),
                    from_day: Some(id),
                    until_day: Some(id * 3),
                }];
                w.days_off = days_off;
                w.unavailable = unavailable;
                w.available = available;
                w.young = young;
                w.opted_out = opted_out;
                w.pay_per_hour = 1000 + id as i64;
                w.limits.max_minutes_per_week = limits.0;
                w.limits.min_minutes_total = limits.0.map(|m| m / 3);
                w.limits.max_consecutive_days = limits.1;
                w.limits.min_consecutive_days = limits.2;
                w.limits.min_consecutive_days_off = limits.2;
                w.limits.max_weekends = limits.3;
                w.limits.max_per_kind = vec![("k1".into(), limits.3.unwrap_or(1))];
                w.history = WorkerHistory {
                    minutes: history.0,
                    days: history.1,
                    last_end: history.2,
                    consecutive_days_before: history.3,
                };
                w.requests = requests
                    .into_iter()
                    .map(|(day, on, weight)| Request {
                        day,
                        kind: None,
                        want: if on { Want::On } else { Want::Off },
                        weight,
                    })
                    .collect();
                w
            },
        );
    let day = (0usize..4, -100i64..1600).prop_map(|(weekday, len)| (weekday, len));
    (
        prop::collection::vec(day, 0..16),
        prop::collection::vec(session, 0..10),
        prop::collection::vec(worker, 0..5),
        (any::<bool>(), 0i64..900, 0usize..16, any::<bool>()),
        prop::collection::vec((0usize..10, 0usize..6), 0..14),
        prop::collection::vec((0usize..10, 0usize..3), 0..3),
    )
        .prop_map(|(days, sessions, workers, flags, pairs, choices)| {
            let mut start = 0;
            let first = date(2025, 3, 1);
            let days = days
                .into_iter()
                .enumerate()
                .map(|(i, (skip, len))| {
                    let d = Day::new(first + Days::new((i + skip) as u64), start, start + len);
                    start += 1440;
                    d
                })
                .collect();
            let mut rules = if flags.0 {
                Rules::default()
            } else {
                Rules::none()
            };
            rules.one_session_per_day = flags.3;
            rules.travel_minutes = flags.1;
            rules.forbidden_successions = vec![("k0".into(), "k1".into())];
            rules.boundary = if flags.3 {
                Boundary::Off
            } else {
                Boundary::Continues
            };
            if let Some(w) = &mut rules.weekly_rest {
                w.period_days = flags.2;
            }
            if let Some(n) = &mut rules.night {
                n.max_night_session_minutes = Some(300);
            }
            let weights = Weights {
                cost: 1,
                fairness: vec![
                    Fairness {
                        measure: Measure::Hours,
                        weight: 1,
                    },
                    Fairness {
                        measure: Measure::WeekendDays,
                        weight: 2,
                    },
                    Fairness {
                        measure: Measure::Nights,
                        weight: 3,
                    },
                    Fairness {
                        measure: Measure::Kind("k0".into()),
                        weight: 4,
                    },
                ],
                ..Weights::default()
            };
            // Keep only names the problem has, so that `check` gives a report.
            let session_ids: Vec<SessionId> =
                sessions.iter().map(|s: &Session| s.id.clone()).collect();
            let worker_ids: Vec<WorkerId> =
                workers.iter().map(|w: &Employee| w.id.clone()).collect();
            let assignments: Vec<Assignment> = if session_ids.is_empty() || worker_ids.is_empty() {
                vec![]
            } else {
                pairs
                    .iter()
                    .map(|&(s, w)| Assignment {
                        session: session_ids[s % session_ids.len()].clone(),
                        worker: worker_ids[w % worker_ids.len()].clone(),
                    })
                    .collect()
            };
            let placements = choices
                .iter()
                .filter_map(|&(s, i)| {
                    let id = &sessions.get(s % sessions.len().max(1))?.id;
                    // With repeated ids, the first session with the id is named.
                    let session = sessions.iter().find(|s| &s.id == id)?;
                    let index = i % session.placements.len().max(1);
                    (index < session.placements.len()).then(|| PlacementChoice {
                        session: session.id.clone(),
                        index,
                    })
                })
                .collect();
            let pins = assignments.iter().take(2).cloned().chain([Assignment {
                session: "nowhere".into(),
                worker: "nobody".into(),
            }]);
            let baseline = Roster {
                assignments: assignments.iter().skip(1).cloned().collect(),
                placements: vec![],
            };
            let budgets = [
                Budget {
                    id: "b0".into(),
                    cap: 100,
                },
                Budget {
                    id: "b1".into(),
                    cap: -10,
                },
            ];
            let problem = Problem::new(days, sessions, workers)
                .with_rules(rules)
                .with_weights(weights)
                .with_budgets(budgets)
                .with_pins(pins)
                .with_baseline(baseline);
            (
                problem,
                Roster {
                    assignments,
                    placements,
                },
            )
        })
}

/// The generated problem without what an empty roster breaks (its pins,
/// one of which names nothing; a budget below zero; minimum total minutes),
/// and the generated roster's assignments that keep every hard rule, taken
/// one by one in order; `None` where the empty roster still breaks one (a
/// weekly rest or average week over the history, two sessions of a person
/// that overlap). The generated rosters all break a rule, so this is where
/// the checker's reports of feasible rosters come from.
fn feasible_part(p: &Problem, r: &Roster) -> Option<(Problem, Roster)> {
    let mut p = p.clone();
    p.pins.clear();
    for b in &mut p.budgets {
        b.cap = b.cap.max(0);
    }
    for w in &mut p.workers {
        w.limits.min_minutes_total = None;
    }
    let mut kept = Roster {
        assignments: vec![],
        placements: r.placements.clone(),
    };
    if check(&p, &kept).ok()?.score.hard != 0 {
        return None;
    }
    for a in &r.assignments {
        kept.assignments.push(a.clone());
        if check(&p, &kept).ok()?.score.hard != 0 {
            kept.assignments.pop();
        }
    }
    Some((p, kept))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// On the generated roster and on its feasible part (see
    /// `generated_problems_reach_every_constraint` for how often each side
    /// comes up).
    #[test]
    fn score_is_the_sum_of_the_violations((p, r) in arb_problem()) {
        for (p, r) in [(p.clone(), r.clone())].into_iter().chain(feasible_part(&p, &r)) {
            let report = check(&p, &r).expect("names are known");
            let mut sum = [0i64; 3];
            for v in &report.violations {
                prop_assert_ne!(v.amount, 0);
                sum[v.constraint.level() as usize] += v.amount;
            }
            prop_assert_eq!([report.score.hard, report.score.unfilled, report.score.soft], sum);
            let by: i64 = report.by_constraint().iter().map(|&(_, a)| a).sum();
            prop_assert_eq!(by, sum.iter().sum::<i64>());
            // Every hard term is a positive amount, so none can cancel
            // another: the hard level is 0 exactly when the report breaks
            // no hard rule.
            for v in report.hard_violations() {
                prop_assert!(v.amount > 0, "{}", v);
            }
            prop_assert_eq!(report.is_feasible(), report.score.hard == 0);
        }
    }

    #[test]
    fn roster_order_does_not_change_the_report((p, r) in arb_problem(), seed in any::<u64>()) {
        let report = check(&p, &r).expect("names are known");
        let mut shuffled = r.clone();
        // A deterministic shuffle from the seed.
        let n = shuffled.assignments.len();
        let mut x = seed | 1;
        for i in (1..n).rev() {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            shuffled.assignments.swap(i, (x % (i as u64 + 1)) as usize);
        }
        shuffled.assignments.reverse();
        prop_assert_eq!(check(&p, &shuffled).expect("names are known"), report);
    }

    #[test]
    fn report_round_trips_through_json((p, r) in arb_problem()) {
        let report = check(&p, &r).expect("names are known");
        let json = serde_json::to_string(&report).expect("serialises");
        let back: CheckReport = serde_json::from_str(&json).expect("deserialises");
        prop_assert_eq!(back, report);
    }

    #[test]
    fn no_panic_on_extreme_numbers(
        (mut p, r) in arb_problem(),
        big in prop_oneof![Just(i64::MAX), Just(i64::MIN), Just(i64::MAX / 2), Just(-1i64)],
        which in 0usize..6,
    ) {
        for s in &mut p.sessions {
            for pl in &mut s.placements {
                match which {
                    0 => pl.start = big,
                    1 => pl.end = big,
                    2 => pl.charge = big,
                    3 => pl.penalty = big,
                    _ => {}
                }
            }
            s.priority = big;
        }
        for w in &mut p.workers {
            w.pay_per_hour = big;
            w.history.minutes = big;
            w.history.days = big;
            w.history.last_end = Some(big);
            w.limits.min_minutes_total = Some(big);
        }
        for d in &mut p.days {
            if which == 4 { d.start = big; }
            if which == 5 { d.end = big; }
        }
        p.weights.stability = big;
        p.weights.cost = big;
        p.rules.travel_minutes = big;
        if let Some(w) = &mut p.rules.weekly_rest { w.period_days = usize::MAX; }
        if let Some(d) = &mut p.rules.daily_rest { d.minutes = big; }
        if let Some(a) = &mut p.rules.average_week { a.max_minutes = big; }
        let _ = check(&p, &r);
        let _ = check(&p, &Roster::default());
    }
}

#[test]
fn no_panic_on_a_roster_naming_unknown_things_or_empty_problem() {
    let p = problem(0);
    assert!(check(&p, &Roster::default()).is_ok());
    assert!(check(&p, &roster(&[("s", "w")])).is_err());
    let mut p = problem(7);
    p.sessions = vec![Session::new("empty", vec![], 1)];
    p.workers = vec![worker("w")];
    let report = check(&p, &roster(&[("empty", "w")])).expect("known names");
    assert!(report.is_feasible());
}

/// The random problems are worth checking: across a fixed run of them every
/// constraint is broken or paid at least once, and both sides of
/// `is_feasible` come up often: rosters breaking a rule, and feasible parts
/// with assignments and terms at the other levels (where a report that took
/// any term for a broken rule would differ).
#[test]
fn generated_problems_reach_every_constraint() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let mut seen = std::collections::BTreeSet::new();
    let (mut feasible, mut infeasible) = (0, 0);
    for _ in 0..256 {
        let (p, r) = arb_problem()
            .new_tree(&mut runner)
            .expect("a value")
            .current();
        let report = check(&p, &r).expect("names are known");
        seen.extend(report.by_constraint().into_iter().map(|(c, _)| c));
        infeasible += usize::from(report.score.hard > 0);
        if let Some((p, r)) = feasible_part(&p, &r) {
            let report = check(&p, &r).expect("names are known");
            let terms = !report.violations.is_empty() && !r.assignments.is_empty();
            feasible += usize::from(report.score.hard == 0 && terms);
        }
    }
    let missing: Vec<_> = Constraint::ALL
        .iter()
        .filter(|c| !seen.contains(c))
        .collect();
    assert!(missing.is_empty(), "never reached: {missing:?}");
    assert!(
        feasible >= 48 && infeasible >= 128,
        "of 256 rosters {feasible} feasible with terms and {infeasible} infeasible"
    );
}
