//! A generated core-and-flexi service for measuring the solver on care:
//! Linden House, supported living for `residents` people (20 by default)
//! with about 25 workers, over `weeks` weeks (4) from Monday 1 March 2027.
//!
//! - **Core**, shared by every resident and charged to the service: an
//!   early and a late day shift (one worker per ten residents each, needing
//!   medication training) and a waking night (one worker per twenty).
//! - **Flexi**, each resident's own hours from their Individual Service
//!   Fund: three to five sessions a week on days of their own, two to four
//!   hours each, some at a fixed time (college, the football club), most
//!   flexible within the day; each asks for the three workers the person
//!   chose, a few need a driver, and one resident in four has a weekly
//!   day out with two workers. Each fund is
//!   money: the hours the sessions need plus one, at the weekend rate.
//! - **Workers**: full-time, part-time, relief (bank) and night contracts
//!   with a weekly minimum and maximum; part-timers and relief staff work
//!   on four or three days of the week of their own; night staff only
//!   nights; some have a week of annual leave or an appointment; everyone
//!   holds first aid, the contracted staff medication, about two in five
//!   drive.
//!
//! Everything is drawn from `seed` by a small deterministic generator, so a
//! seed always gives the same service. The default size
//! ([`CareSize::default`]) is the one `examples/care_service.rs`,
//! `benches/solver.rs` and BENCHMARKS.md's care section measure.

use chrono::{Duration, NaiveDate};
use chrono_tz::Europe::London;
use perfect_week::ids::{PersonId, WorkerId};
use perfect_week::person::Person;
use perfect_week::plan::{CorePlan, Fund, PersonPlan, Plan};
use perfect_week::service::{AssessedHours, CoreShiftKind, CoreShiftTemplate, FlexiRule, Service};
use perfect_week::staff::{
    AvailabilityWindow, Contract, Leave, LeaveKind, Qualification, Unavailability, Worker,
};
use perfect_week::week::{Activity, PerfectWeek, RotaPeriod, Support, Timing};
use rust_decimal::Decimal;

use super::{date, hm, pounds, rate_cards, weekdays};

/// How big a generated service is, and the seed it is drawn from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CareSize {
    /// Residents, each with their own flexi sessions.
    pub residents: usize,
    /// Workers (25 by default; `care_service --workers N`). The roles
    /// scale with the count: one in eight on nights (at least two), one in
    /// five relief, a third full-time, the rest part-time; the residents
    /// choose among the full- and part-timers.
    pub workers: usize,
    /// Weeks of the rota.
    pub weeks: u32,
    /// Seed of the generator (not of the solver).
    pub seed: u64,
}

impl Default for CareSize {
    /// 20 residents, 25 workers, 4 weeks, seed 1.
    fn default() -> Self {
        Self {
            residents: 20,
            workers: 25,
            weeks: 4,
            seed: 1,
        }
    }
}

/// The first day of the rota.
pub fn care_start() -> NaiveDate {
    date(2027, 3, 1)
}

/// A xorshift generator: the same seed, the same service.
struct Draw(u64);

impl Draw {
    fn new(seed: u64) -> Self {
        // Zero is xorshift's one fixed point: mix the seed first.
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// A number in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }

    /// `k` distinct numbers of `0..n`, in the order drawn.
    fn distinct(&mut self, k: usize, n: usize) -> Vec<usize> {
        let mut pool: Vec<usize> = (0..n).collect();
        let mut out = Vec::new();
        while out.len() < k && !pool.is_empty() {
            let i = self.below(pool.len());
            out.push(pool.swap_remove(i));
        }
        out
    }
}

/// What a worker's contract is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    FullTime,
    PartTime,
    Relief,
    Night,
}

impl Role {
    /// The role of worker `n` of `count`: one in eight on nights (at least
    /// two), one in five relief, a third full-time, the rest part-time.
    fn of(n: usize, count: usize) -> Role {
        let nights = (count / 8).max(2);
        let relief = count / 5;
        let full = count / 3;
        if n < nights {
            Role::Night
        } else if n < nights + relief {
            Role::Relief
        } else if n < nights + relief + full {
            Role::FullTime
        } else {
            Role::PartTime
        }
    }

    /// Weekly (minimum, maximum) hours.
    fn hours(self) -> (u32, u32) {
        match self {
            Role::FullTime => (24, 40),
            Role::PartTime => (12, 30),
            Role::Relief => (0, 20),
            Role::Night => (10, 40),
        }
    }
}

/// The generated service as a plan: core shifts, residents with their
/// perfect weeks and funds, and the workers. See the module's notes.
pub fn care_plan(size: CareSize) -> Plan {
    let mut draw = Draw::new(size.seed);
    let mut workers: Vec<Worker> = (0..size.workers)
        .map(|n| care_worker(n, size, &mut draw))
        .collect();
    two_drivers_every_day(&mut workers, size);
    // Residents choose among the day staff who are not relief.
    let choosable: Vec<usize> = (0..size.workers)
        .filter(|&n| matches!(Role::of(n, size.workers), Role::FullTime | Role::PartTime))
        .collect();
    let (people, assessed): (Vec<PersonPlan>, Vec<AssessedHours>) = (0..size.residents)
        .map(|n| {
            let (plan, hours) = resident(n, &workers, &choosable, &mut draw);
            let person = plan.person.id.clone();
            (plan, AssessedHours { person, hours })
        })
        .unzip();
    let pool = assessed.iter().map(|a| a.hours).sum();
    let per = |people: usize, per: usize| u8::try_from(people.div_ceil(per).max(1)).unwrap_or(1);
    let shift = |id: &str, role: &str, kind, start, end, workers| {
        CoreShiftTemplate::new(id, role, kind, weekdays().to_vec(), start, end)
            .with_workers(workers)
            .requiring("first-aid")
            .requiring("medication")
    };
    let day = per(size.residents, 10);
    let service = Service::new("linden-house", "Linden House")
        .with_residents(
            u16::try_from(size.residents).unwrap_or(u16::MAX),
            people.iter().map(|p| p.person.id.clone()).collect(),
        )
        .with_core_shift(shift(
            "early",
            "Early support worker",
            CoreShiftKind::Day,
            hm(7, 30),
            hm(15, 0),
            day,
        ))
        .with_core_shift(shift(
            "late",
            "Late support worker",
            CoreShiftKind::Day,
            hm(14, 30),
            hm(22, 0),
            day,
        ))
        .with_core_shift(shift(
            "night",
            "Waking night",
            CoreShiftKind::WakingNight,
            hm(22, 0),
            hm(7, 30),
            per(size.residents, 20),
        ))
        .with_flexi(pool, FlexiRule::Assessed(assessed));
    let mut plan = Plan::new(
        RotaPeriod::new(care_start(), size.weeks, London),
        people,
        workers,
    );
    plan.service = Some(CorePlan::new(service, rate_cards()));
    plan
}

/// What residents do with their flexi hours: (name, minutes, a fixed
/// start hour or none for a flexible one, needs a driver).
const ACTIVITIES: [(&str, u32, Option<u32>, bool); 10] = [
    ("College", 210, Some(9), false),
    ("Football club", 150, Some(18), false),
    ("Food shopping", 120, None, true),
    ("Swimming", 150, None, false),
    ("Cooking a meal", 180, None, false),
    ("A day out", 240, None, true),
    ("Café and a walk", 120, None, false),
    ("Seeing family", 180, None, true),
    ("Gym", 120, None, false),
    ("Cinema", 180, Some(19), false),
];

/// The activity one resident in four has with two workers each week.
const DAY_OUT: usize = 5;

/// Resident `n`: three to five sessions a week on different days (the
/// first a day out with two workers for every fourth resident), each
/// asking for the three workers they chose (drivers first where the
/// session needs one); their fund pays for the hours the sessions need
/// plus one a week, at the weekend rate. With the plan, the hours assessed
/// (the same hours), for sharing the flexi pool.
fn resident(
    n: usize,
    workers: &[Worker],
    choosable: &[usize],
    draw: &mut Draw,
) -> (PersonPlan, Decimal) {
    let id = PersonId::new(format!("r{:02}", n + 1));
    let chosen: Vec<usize> = draw
        .distinct(3, choosable.len())
        .into_iter()
        .filter_map(|i| choosable.get(i).copied())
        .collect();
    let drives = |w: &usize| {
        workers.get(*w).is_some_and(|w| {
            w.qualifications
                .iter()
                .any(|q| q.skill.as_str() == "driving")
        })
    };
    let count = 3 + draw.below(3);
    let days = draw.distinct(count, 7);
    let mut activities = Vec::new();
    let mut minutes = 0;
    for (k, &day) in days.iter().enumerate() {
        // One resident in four has a day out with two workers each week.
        let two_to_one = k == 0 && n.is_multiple_of(4);
        let pick = if two_to_one {
            DAY_OUT
        } else {
            draw.below(ACTIVITIES.len())
        };
        let (name, length, fixed, driving) = ACTIVITIES[pick];
        let two = if two_to_one { 2 } else { 1 };
        let timing = match fixed {
            Some(hour) => Timing::fixed(hm(hour, 0)),
            None => Timing::flexible(hm(9, 0), hm(21, 0), hm(10 + draw.below(8) as u32, 0)),
        };
        let mut preferred = chosen.clone();
        if driving {
            preferred.sort_by_key(|w| !drives(w));
        }
        let mut support = Support::new(two);
        if driving {
            support = support.with_skill("driving");
        }
        for worker in preferred.iter().filter_map(|&w| workers.get(w)) {
            support = support.with_preferred(&worker.id);
        }
        activities.push(
            Activity::new(format!("a{k}"), name, weekdays()[day], timing, length)
                .with_support(support),
        );
        minutes += length * u32::from(two);
    }
    // The rate card's dearest daytime hour is a weekend's £30.00.
    let hours = minutes.div_ceil(60) + 1;
    let fund = Fund::money(rate_cards(), pounds(3_000 * i64::from(hours)));
    let person = Person::new(id.clone(), format!("Resident of flat {}", n + 1));
    let week = PerfectWeek::new(id, activities);
    (
        PersonPlan::new(person, week, Some(fund)),
        Decimal::from(hours),
    )
}

/// Gives the driving skill to full-time workers, in order, until two day
/// workers who drive are available on every day of the week, so that a
/// day out with two workers who must both drive can always be staffed.
/// With few workers the drivers drawn may all be part-time or relief,
/// free on a few days only (with 20 workers, one driver on Fridays); with
/// the default 25 there are two on every day already and nothing changes.
/// Draws nothing, so the rest of the service is drawn as before.
fn two_drivers_every_day(workers: &mut [Worker], size: CareSize) {
    let drives = |w: &Worker| {
        w.qualifications
            .iter()
            .any(|q| q.skill.as_str() == "driving")
    };
    let day_staff = |n: usize| Role::of(n, size.workers) != Role::Night;
    let free_on = |w: &Worker, day| {
        w.availability.weekly.is_empty() || w.availability.weekly.iter().any(|a| a.weekday == day)
    };
    let short = |workers: &[Worker]| {
        weekdays().into_iter().any(|day| {
            let drivers = workers
                .iter()
                .enumerate()
                .filter(|&(n, w)| day_staff(n) && drives(w) && free_on(w, day))
                .count();
            drivers < 2
        })
    };
    for n in 0..workers.len() {
        if !short(workers) {
            break;
        }
        if Role::of(n, size.workers) == Role::FullTime && !drives(&workers[n]) {
            workers[n]
                .qualifications
                .push(Qualification::new("driving").with_obtained(date(2024, 6, 3)));
        }
    }
}

/// Worker `n`: contract by role, weekly availability for part-time,
/// relief and night staff, skills, and now and then a week's leave or an
/// appointment.
fn care_worker(n: usize, size: CareSize, draw: &mut Draw) -> Worker {
    let role = Role::of(n, size.workers);
    let (min, max) = role.hours();
    let contract = Contract::new(max * 60, pounds(1_300 + 25 * (n % 6) as i64))
        .with_min_minutes_per_week(min * 60)
        .with_opted_out_of_48h(role == Role::Night && n.is_multiple_of(2));
    let mut worker = Worker::new(
        WorkerId::new(format!("w{:02}", n + 1)),
        format!("Worker {}", n + 1),
        date(
            1965 + (n % 35) as i32,
            1 + (n % 12) as u32,
            1 + (n % 28) as u32,
        ),
        contract,
    );
    let mut skills = vec!["first-aid"];
    if role != Role::Relief {
        skills.push("medication");
    }
    if draw.below(5) < 2 {
        skills.push("driving");
    }
    worker.qualifications = skills
        .into_iter()
        .map(|s| Qualification::new(s).with_obtained(date(2024, 6, 3)))
        .collect();
    let on_days = |days: Vec<usize>, start, end| {
        days.into_iter()
            .map(|d| AvailabilityWindow::new(weekdays()[d], start, end))
            .collect::<Vec<_>>()
    };
    worker.availability.weekly = match role {
        Role::FullTime => Vec::new(),
        Role::PartTime => on_days(draw.distinct(4, 7), hm(7, 0), hm(22, 30)),
        Role::Relief => on_days(draw.distinct(3, 7), hm(7, 0), hm(22, 30)),
        Role::Night => on_days((0..7).collect(), hm(21, 30), hm(8, 0)),
    };
    // One worker in six has a week of annual leave; one in five an
    // afternoon appointment.
    let weeks = i64::from(size.weeks.max(1));
    if n % 6 == 5 {
        let from = care_start() + Duration::days(7 * (n as i64 % weeks));
        worker.leave.push(Leave::new(
            from,
            from + Duration::days(6),
            LeaveKind::Annual,
        ));
    }
    if n % 5 == 4 {
        let on = care_start() + Duration::days(draw.below(7 * weeks as usize) as i64);
        worker.availability.unavailable.push(Unavailability::new(
            on.and_time(hm(13, 0)),
            on.and_time(hm(17, 0)),
            "appointment",
        ));
    }
    worker
}
