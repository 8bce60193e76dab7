//! A made-up provider of any size, for the scale bench and example: people
//! with five supported activities a week each (some flexible, some needing a
//! driver or medication training, one in eight 2:1), each with an Individual
//! Service Fund at £22 an hour, and workers on contracts of 16 to 40 hours
//! with a mix of skills and a week of leave here and there. Deterministic:
//! the same sizes give the same plan.

#![allow(dead_code)]

use chrono::{Days, NaiveDate, NaiveTime};
use perfect_week::plan::{Fund, PersonPlan, Plan};
use perfect_week::staff::{Leave, LeaveKind, Qualification};
use perfect_week::week::{Activity, PerfectWeek, RotaPeriod, Support, Timing};
use perfect_week::words::DAYS;
use perfect_week::{Contract, Person, RateCard, RateCardSet, Worker};
use rust_decimal::Decimal;

/// A small linear congruential generator: enough to vary the data.
struct Draw(u64);

impl Draw {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below.max(1)
    }
}

fn at(minutes: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(minutes / 60, minutes % 60, 0).unwrap_or(NaiveTime::MIN)
}

/// The first Monday of the plans.
pub fn monday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 4, 6).unwrap_or(NaiveDate::MIN)
}

fn person(i: usize, activities_per_week: usize, draw: &mut Draw) -> PersonPlan {
    let id = format!("p{i}");
    let who = Person::new(id.as_str(), format!("Person {i}"));
    let mut activities = Vec::new();
    // Activities on distinct days, so a person never has two at once.
    let first_day = draw.next(7) as usize;
    for a in 0..activities_per_week {
        let day = DAYS[(first_day + a * 3) % 7];
        let start = 8 * 60 + 30 * draw.next(20) as u32;
        let minutes = 60 + 30 * draw.next(6) as u32;
        let timing = if draw.next(3) == 0 {
            let earliest = start.saturating_sub(60);
            Timing::flexible(
                at(earliest),
                at((start + minutes + 60).min(23 * 60)),
                at(start),
            )
        } else {
            Timing::fixed(at(start))
        };
        let mut support = Support::default();
        match draw.next(8) {
            0 => support.workers = 2,
            1 | 2 => support.skills = vec!["driving".into()],
            3 => support.skills = vec!["medication".into()],
            _ => {}
        }
        let activity = Activity::new(
            format!("a{a}"),
            format!("Activity {a}"),
            day,
            timing,
            minutes,
        )
        .with_support(support);
        if activities.iter().all(|b: &Activity| b.day != activity.day) {
            activities.push(activity);
        }
    }
    let cards = RateCardSet {
        cards: vec![RateCard::flat(monday(), Decimal::new(2200, 2))],
    };
    let fund = Fund::money(cards, Decimal::new(60_000, 2));
    PersonPlan::new(who, PerfectWeek::new(id.as_str(), activities), Some(fund))
}

fn worker(i: usize, weeks: u32, draw: &mut Draw) -> Worker {
    let hours = 16 + 4 * draw.next(7) as u32;
    let contract = Contract::new(hours * 60, Decimal::new(1300 + 5 * draw.next(60) as i64, 2));
    let born = NaiveDate::from_ymd_opt(1970 + draw.next(35) as i32, 1 + draw.next(12) as u32, 1)
        .unwrap_or(NaiveDate::MIN);
    let mut w = Worker::new(format!("w{i}"), format!("Worker {i}"), born, contract);
    for (skill, one_in) in [("driving", 2), ("medication", 3)] {
        if draw.next(one_in) == 0 {
            w.qualifications.push(Qualification::new(skill));
        }
    }
    if draw.next(4) == 0 {
        let week = draw.next(u64::from(weeks));
        let from = monday() + Days::new(week * 7);
        w.leave
            .push(Leave::new(from, from + Days::new(6), LeaveKind::Annual));
    }
    w
}

/// A provider with `people` people (each with `activities` a week),
/// `workers` workers, over `weeks` weeks.
pub fn provider(people: usize, activities: usize, workers: usize, weeks: u32) -> Plan {
    let mut draw = Draw(0x5eed_0000 + people as u64 * 7919 + workers as u64);
    let period = RotaPeriod::new(monday(), weeks, chrono_tz::Europe::London);
    let people = (0..people)
        .map(|i| person(i, activities, &mut draw))
        .collect();
    let workers = (0..workers).map(|i| worker(i, weeks, &mut draw)).collect();
    Plan::new(period, people, workers)
}

/// 200 people, 150 workers, 4 weeks.
pub fn large_provider() -> Plan {
    provider(200, 5, 150, 4)
}

/// One person with a supported activity every day, 8 workers, 52 weeks.
pub fn one_person_a_year() -> Plan {
    provider(1, 7, 8, 52)
}
