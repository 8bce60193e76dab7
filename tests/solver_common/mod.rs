//! Small random problems that exercise every rule family. Shared by the
//! integration tests and (through `#[path]`) by the solver's unit tests; the
//! includer brings the solver's types into scope with a glob import.
#![allow(dead_code, clippy::field_reassign_with_default)]

use super::*;

/// A tiny deterministic generator for building problems.
pub struct Gen(u64);

impl Gen {
    pub fn new(seed: u64) -> Self {
        Gen(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// `weeks` whole weeks from Monday 5 January 2026, with one 23-hour day.
pub fn days(weeks: usize, dst: bool) -> Vec<Day> {
    let monday = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap_or_default();
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..weeks * 7 {
        let len = if dst && i == 3 { 1380 } else { 1440 };
        out.push(Day::new(
            monday + chrono::Days::new(i as u64),
            start,
            start + len,
        ));
        start += len;
    }
    out
}

pub fn placement(day: &Day, day_index: usize, from: i64, minutes: i64) -> Placement {
    let start = day.start + from;
    let end = start + minutes;
    // Night 23:00-06:00 and young-restricted 22:00-06:00, approximated in day-relative minutes.
    let overlap = |a: i64, b: i64| (end.min(day.start + b) - start.max(day.start + a)).max(0);
    let night = overlap(23 * 60, 30 * 60) + overlap(-24 * 60, 6 * 60);
    let young = overlap(22 * 60, 30 * 60) + overlap(-24 * 60, 6 * 60);
    Placement::new(day_index, start, end)
        .with_night_minutes(night as u32)
        .with_young_restricted_minutes(young as u32)
}

pub fn plain_session(id: String, placements: Vec<Placement>, cover: Cover) -> Session {
    Session::new(id, placements, 0).with_cover(cover)
}

pub fn plain_worker(id: String) -> Employee {
    Employee::new(id)
}

/// A random problem with `nw` workers and `ns` sessions over `weeks` weeks,
/// with every rule family switched on at random.
pub fn problem(seed: u64, nw: usize, ns: usize, weeks: usize) -> Problem {
    let mut g = Gen::new(seed);
    let days = days(weeks, g.chance(30));
    let nd = days.len();
    let kinds = ["early", "late", "night"];
    let mut sessions = Vec::new();
    for i in 0..ns {
        let d = g.below(nd as u64) as usize;
        let npl = if g.chance(25) { 2 } else { 1 };
        let mut placements = Vec::new();
        for _ in 0..npl {
            let dd = if g.chance(50) {
                d
            } else {
                g.below(nd as u64) as usize
            };
            let from = [0, 7 * 60, 9 * 60, 14 * 60, 21 * 60, 22 * 60][g.below(6) as usize];
            let len = [120, 240, 480, 600, 720][g.below(5) as usize];
            let mut p = placement(&days[dd], dd, from, len);
            p.penalty = g.below(3) as i64;
            p.charge = g.below(3) as i64 * 100;
            placements.push(p);
        }
        let cover = if g.chance(70) {
            Cover::Required {
                workers: 1 + g.below(2) as u32,
            }
        } else {
            Cover::Preferred {
                wanted: g.below(3) as u32,
                under_weight: 100,
                over_weight: 1 + g.below(5) as i64,
            }
        };
        let mut s = plain_session(format!("s{i}"), placements, cover);
        if g.chance(70) {
            s.kind = Some(kinds[g.below(3) as usize].into());
        }
        if g.chance(40) {
            s.place = Some(["home", "pool", "park"][g.below(3) as usize].into());
        }
        if g.chance(50) {
            s.person = Some(["pat", "sam"][g.below(2) as usize].into());
        }
        if g.chance(30) {
            s.series = Some(["swim", "shop"][g.below(2) as usize].into());
        }
        if g.chance(30) {
            s.requires = vec!["driver".into()];
        }
        if g.chance(20) {
            s.refused = vec![format!("w{}", g.below(nw as u64)).into()];
        }
        if g.chance(30) {
            s.preferred = vec![format!("w{}", g.below(nw as u64)).into()];
        }
        if g.chance(30) {
            s.worker_penalties = vec![(
                format!("w{}", g.below(nw as u64)).into(),
                1 + g.below(50) as i64,
            )];
        }
        if g.chance(30) {
            s.budget = Some("isf".into());
        }
        s.priority = 1 + g.below(3) as i64;
        sessions.push(s);
    }
    let mut workers = Vec::new();
    for i in 0..nw {
        let mut w = plain_worker(format!("w{i}"));
        if g.chance(60) {
            w.tags.push(HeldTag {
                tag: "driver".into(),
                from_day: if g.chance(30) {
                    Some(g.below(nd as u64) as usize)
                } else {
                    None
                },
                until_day: None,
            });
        }
        if g.chance(30) {
            w.days_off.push(g.below(nd as u64) as usize);
        }
        if g.chance(20) {
            let a = g.below(nd as u64 * 1440) as i64;
            w.unavailable.push(Interval {
                start: a,
                end: a + 600,
            });
        }
        if g.chance(15) {
            w.available = Some(vec![Interval {
                start: 0,
                end: (nd as i64 * 1440) / 2,
            }]);
        }
        w.young = g.chance(15);
        w.opted_out = g.chance(30);
        w.pay_per_hour = g.below(2000) as i64;
        let l = &mut w.limits;
        if g.chance(30) {
            l.min_minutes_per_week = Some(g.below(600) as i64);
        }
        if g.chance(40) {
            l.max_minutes_per_week = Some(600 + g.below(1200) as i64);
        }
        if g.chance(30) {
            l.min_minutes_total = Some(g.below(900) as i64);
        }
        if g.chance(40) {
            l.max_minutes_total = Some(900 + g.below(3000) as i64);
        }
        if g.chance(50) {
            l.max_per_kind = vec![(kinds[g.below(3) as usize].into(), g.below(3) as u32)];
        }
        if g.chance(50) {
            l.max_consecutive_days = Some(2 + g.below(3) as u32);
        }
        if g.chance(50) {
            l.min_consecutive_days = Some(1 + g.below(2) as u32);
        }
        if g.chance(50) {
            l.min_consecutive_days_off = Some(1 + g.below(3) as u32);
        }
        if g.chance(40) {
            l.max_weekends = Some(g.below(2) as u32);
        }
        if g.chance(40) {
            w.history = WorkerHistory {
                minutes: g.below(3000) as i64,
                days: g.below(14) as i64,
                last_end: Some(-(g.below(900) as i64)),
                consecutive_days_before: g.below(4) as u32,
            };
        }
        for _ in 0..g.below(3) {
            w.requests.push(Request {
                day: g.below(nd as u64) as usize,
                kind: if g.chance(50) {
                    Some(kinds[g.below(3) as usize].into())
                } else {
                    None
                },
                want: if g.chance(50) { Want::On } else { Want::Off },
                weight: 1 + g.below(10) as i64,
            });
        }
        workers.push(w);
    }
    let mut rules = Rules::default();
    rules.one_session_per_day = g.chance(50);
    rules.travel_minutes = if g.chance(50) { 30 } else { 0 };
    rules.forbidden_successions = vec![
        ("night".into(), "early".into()),
        ("late".into(), "early".into()),
    ];
    rules.boundary = if g.chance(50) {
        Boundary::Continues
    } else {
        Boundary::Off
    };
    if g.chance(40) {
        rules.night = Some(NightRules {
            max_night_session_minutes: Some(480),
            ..NightRules::default()
        });
    }
    if g.chance(20) {
        rules.weekly_rest = Some(WeeklyRest {
            period_days: 14,
            ..WeeklyRest::default()
        });
    }
    if g.chance(15) {
        rules = Rules::none();
    }
    // A third of the seeds count weekly minutes clipped at each week's start
    // (chosen by the seed, not the generator, so other draws stay the same).
    if seed % 3 == 1 {
        rules.week_count = WeekCount::Clipped;
    }
    let mut weights = Weights {
        cost: g.below(2) as i64,
        ..Weights::default()
    };
    if g.chance(60) {
        weights.fairness = vec![
            Fairness {
                measure: Measure::Nights,
                weight: 3,
            },
            Fairness {
                measure: Measure::WeekendDays,
                weight: 2,
            },
            Fairness {
                measure: Measure::Hours,
                weight: 1,
            },
            Fairness {
                measure: Measure::Kind("late".into()),
                weight: 5,
            },
        ];
    }
    let budgets = vec![Budget {
        id: "isf".into(),
        cap: 200,
    }];
    let mut pins = Vec::new();
    if ns > 0 && nw > 0 && g.chance(30) {
        pins.push(Assignment {
            session: format!("s{}", g.below(ns as u64)).into(),
            worker: format!("w{}", g.below(nw as u64)).into(),
        });
    }
    let baseline = if ns > 0 && nw > 0 && g.chance(40) {
        let mut r = Roster::default();
        for _ in 0..ns {
            r.assignments.push(Assignment {
                session: format!("s{}", g.below(ns as u64)).into(),
                worker: format!("w{}", g.below(nw as u64)).into(),
            });
        }
        Some(r)
    } else {
        None
    };
    if baseline.is_some() && g.chance(50) {
        for s in 0..ns {
            if g.chance(30) {
                let weight = g.below(40) as i64;
                weights
                    .stability_by_session
                    .push((format!("s{s}").into(), weight));
            }
        }
    }
    let mut problem = Problem::new(days, sessions, workers)
        .with_rules(rules)
        .with_weights(weights)
        .with_budgets(budgets)
        .with_pins(pins);
    problem.baseline = baseline;
    problem
}
