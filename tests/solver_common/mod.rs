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

/// A problem with its workers and sessions put in another order and
/// renamed, every reference to them (refusals, preferences, penalties,
/// pins, the baseline, stability weights) renamed alike; `back` turns a new
/// name into the old one.
pub struct Shuffled {
    pub problem: Problem,
    pub back: std::collections::BTreeMap<String, String>,
    workers: std::collections::BTreeMap<String, String>,
    sessions: std::collections::BTreeMap<String, String>,
}

/// A permutation of `0..n` drawn from `g`.
fn permutation(g: &mut Gen, n: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        order.swap(i, g.below(i as u64 + 1) as usize);
    }
    order
}

impl Shuffled {
    /// `problem` shuffled by `seed`. New names sort in another order than
    /// the old ones (`w3` may become `worker-0`), so reports sorted by name
    /// come out in another order too. The problem's ids must be unique.
    pub fn new(problem: &Problem, seed: u64) -> Shuffled {
        let mut g = Gen::new(seed);
        let mut workers = std::collections::BTreeMap::new();
        let mut sessions = std::collections::BTreeMap::new();
        let mut back = std::collections::BTreeMap::new();
        let worker_order = permutation(&mut g, problem.workers.len());
        let session_order = permutation(&mut g, problem.sessions.len());
        for (new, &old) in worker_order.iter().enumerate() {
            let (old, new) = (problem.workers[old].id.to_string(), format!("worker-{new}"));
            back.insert(new.clone(), old.clone());
            workers.insert(old, new);
        }
        for (new, &old) in session_order.iter().enumerate() {
            let (old, new) = (
                problem.sessions[old].id.to_string(),
                format!("session-{new}"),
            );
            back.insert(new.clone(), old.clone());
            sessions.insert(old, new);
        }
        let mut shuffled = Shuffled {
            problem: problem.clone(),
            back,
            workers,
            sessions,
        };
        let mut p = problem.clone();
        p.workers = worker_order
            .iter()
            .map(|&i| problem.workers[i].clone())
            .collect();
        p.sessions = session_order
            .iter()
            .map(|&i| problem.sessions[i].clone())
            .collect();
        for w in &mut p.workers {
            w.id = shuffled.worker(&w.id.to_string()).into();
        }
        for s in &mut p.sessions {
            s.id = shuffled.session(&s.id.to_string()).into();
            for w in s.refused.iter_mut().chain(s.preferred.iter_mut()) {
                *w = shuffled.worker(&w.to_string()).into();
            }
            for (w, _) in &mut s.worker_penalties {
                *w = shuffled.worker(&w.to_string()).into();
            }
        }
        for (s, _) in &mut p.weights.stability_by_session {
            *s = shuffled.session(&s.to_string()).into();
        }
        p.pins = p.pins.iter().map(|a| shuffled.assignment(a)).collect();
        p.baseline = p.baseline.as_ref().map(|r| shuffled.roster(r));
        shuffled.problem = p;
        shuffled
    }

    /// The new name of worker `old` (a name the problem does not hold
    /// stays as it is).
    pub fn worker(&self, old: &str) -> String {
        self.workers
            .get(old)
            .cloned()
            .unwrap_or_else(|| old.to_string())
    }

    /// The new name of session `old` (a name the problem does not hold
    /// stays as it is).
    pub fn session(&self, old: &str) -> String {
        self.sessions
            .get(old)
            .cloned()
            .unwrap_or_else(|| old.to_string())
    }

    pub fn assignment(&self, a: &Assignment) -> Assignment {
        Assignment {
            session: self.session(&a.session.to_string()).into(),
            worker: self.worker(&a.worker.to_string()).into(),
        }
    }

    /// `roster` of the old problem in the new names.
    pub fn roster(&self, roster: &Roster) -> Roster {
        Roster {
            assignments: roster
                .assignments
                .iter()
                .map(|a| self.assignment(a))
                .collect(),
            placements: roster
                .placements
                .iter()
                .map(|c| PlacementChoice {
                    session: self.session(&c.session.to_string()).into(),
                    index: c.index,
                })
                .collect(),
        }
    }

    /// The old name of `new`.
    pub fn old(&self, new: &str) -> String {
        self.back
            .get(new)
            .cloned()
            .unwrap_or_else(|| new.to_string())
    }
}

/// A random roster of `problem`: each session staffed by up to two workers
/// drawn at random (eligible or not), at a random placement.
pub fn random_roster(problem: &Problem, seed: u64) -> Roster {
    let mut g = Gen::new(seed ^ 0x5EED);
    let mut roster = Roster::default();
    let nw = problem.workers.len() as u64;
    for s in &problem.sessions {
        if nw > 0 {
            for _ in 0..g.below(3) {
                let w = &problem.workers[g.below(nw) as usize];
                let a = Assignment {
                    session: s.id.clone(),
                    worker: w.id.clone(),
                };
                if !roster.assignments.contains(&a) {
                    roster.assignments.push(a);
                }
            }
        }
        let n = s.placements.len() as u64;
        if n > 1 {
            let index = g.below(n) as usize;
            if index != 0 {
                roster.placements.push(PlacementChoice {
                    session: s.id.clone(),
                    index,
                });
            }
        }
    }
    roster
}

/// A random problem like [`problem`], leaning feasible (one seat per required
/// session, no refusals, fewer required tags and days off, no minimums,
/// pins, availability windows, young workers, night rules or kinds capped at
/// none) and with the rules that tie a worker's weeks
/// together switched on: most weekends per worker, weekly rest, and on even
/// seeds weekly minutes clipped at each week's start, with a weekly maximum
/// to clip. Brute-force sized when `nw` and `ns` are small.
pub fn roomy(seed: u64, nw: usize, ns: usize, weeks: usize) -> Problem {
    let mut p = problem(seed, nw, ns, weeks);
    let mut g = Gen::new(seed ^ 0x0F0F_F0F0);
    for s in &mut p.sessions {
        if let Cover::Required { .. } = s.cover {
            s.cover = Cover::Required { workers: 1 };
        }
        s.refused.clear();
        if g.chance(70) {
            s.requires.clear();
        }
    }
    for w in &mut p.workers {
        w.available = None;
        w.unavailable.clear();
        w.young = false;
        if g.chance(50) {
            w.days_off.clear();
        }
        let l = &mut w.limits;
        l.min_minutes_per_week = None;
        l.min_minutes_total = None;
        l.min_consecutive_days = None;
        for (_, max) in &mut l.max_per_kind {
            *max = (*max).max(1);
        }
        l.max_weekends = Some(g.below(2) as u32);
        l.max_minutes_per_week = Some(900 + g.below(1200) as i64);
    }
    p.pins.clear();
    p.rules.night = None;
    p.rules.weekly_rest = Some(WeeklyRest {
        period_days: if g.chance(50) { 7 } else { 14.min(7 * weeks) },
        ..WeeklyRest::default()
    });
    p.rules.week_count = if seed.is_multiple_of(2) {
        WeekCount::Clipped
    } else {
        WeekCount::ByStart
    };
    p
}
