//! The team who support Ava and staff Riverside Court: twelve workers,
//! day and night, with their skills, contracts and availability.

use chrono::{NaiveDate, NaiveTime, Weekday};
use perfect_week::person::OnePageProfile;
use perfect_week::staff::{AvailabilityWindow, Contract, Leave, LeaveKind, Qualification, Worker};

use super::{date, hm, pounds, traits};

struct W<'a> {
    id: &'a str,
    name: &'a str,
    about: &'a str,
    skills: &'a [(&'a str, Option<NaiveDate>)],
    traits: &'a [&'a str],
    interests: &'a [&'a str],
    hours: (u32, u32),
    opted_out: bool,
    born: NaiveDate,
}

fn worker(w: W<'_>) -> Worker {
    let contract = Contract::new(w.hours.1 * 60, pounds(1_325))
        .with_min_minutes_per_week(w.hours.0 * 60)
        .with_opted_out_of_48h(w.opted_out);
    let mut worker = Worker::new(w.id, w.name, w.born, contract).with_profile(OnePageProfile {
        appreciations: vec![],
        important_to_me: vec![],
        how_best_to_support_me: vec![w.about.into()],
        photo: None,
    });
    for (skill, expires) in w.skills {
        let held = Qualification::new(*skill).with_obtained(date(2024, 1, 8));
        worker = worker.with_qualification(match expires {
            Some(last) => held.with_expires(*last),
            None => held,
        });
    }
    for characteristic in traits(w.traits) {
        worker = worker.with_characteristic(characteristic);
    }
    for interest in traits(w.interests) {
        worker = worker.with_interest(interest);
    }
    worker
}

fn window(weekday: Weekday, start: NaiveTime, end: NaiveTime) -> AvailabilityWindow {
    AvailabilityWindow::new(weekday, start, end)
}

/// The team: twelve workers, day and night.
pub fn workers() -> Vec<Worker> {
    let none = None;
    let mut team = vec![
        worker(W {
            id: "priya",
            name: "Priya Shah",
            about: "Calm and patient; loves a good film and a Sunday roast",
            skills: &[("medication", none), ("first-aid", none)],
            traits: &["female", "calm"],
            interests: &["films", "cooking"],
            hours: (0, 40),
            opted_out: false,
            born: date(1991, 6, 14),
        }),
        worker(W {
            id: "hannah",
            name: "Hannah Lewis",
            about: "Early riser, drives the minibus, sings in a choir",
            skills: &[("medication", none), ("driving", none), ("first-aid", none)],
            traits: &["female", "calm"],
            interests: &["music", "films"],
            hours: (16, 40),
            opted_out: false,
            born: date(1986, 2, 3),
        }),
        worker(W {
            id: "grace",
            name: "Grace Okafor",
            about: "Swims every morning; her medication training runs out on 31 March",
            skills: &[("medication", Some(date(2026, 3, 31))), ("first-aid", none)],
            traits: &["female", "cheerful"],
            interests: &["swimming", "films"],
            hours: (0, 37),
            opted_out: false,
            born: date(1995, 9, 21),
        }),
        worker(W {
            id: "tom",
            name: "Tom Reid",
            about: "Coaches the under-12s; talks football all day",
            skills: &[("driving", none), ("first-aid", none)],
            traits: &["male", "calm"],
            interests: &["football"],
            hours: (16, 40),
            opted_out: false,
            born: date(1989, 11, 2),
        }),
        worker(W {
            id: "marcus",
            name: "Marcus Bell",
            about: "Lively; plays five-a-side on Tuesdays",
            skills: &[("driving", none), ("first-aid", none)],
            traits: &["male", "lively"],
            interests: &["football", "gaming"],
            hours: (0, 40),
            opted_out: false,
            born: date(1998, 4, 30),
        }),
        worker(W {
            id: "amira",
            name: "Amira Haddad",
            about: "Senior worker; the first-aid trainer",
            skills: &[("medication", none), ("first-aid", none), ("driving", none)],
            traits: &["female", "calm"],
            interests: &["gardening"],
            hours: (0, 40),
            opted_out: false,
            born: date(1979, 8, 12),
        }),
        worker(W {
            id: "ben",
            name: "Ben Carter",
            about: "Handy with a toolbox; keeps the garden",
            skills: &[("first-aid", none), ("driving", none)],
            traits: &["male"],
            interests: &["gardening", "football"],
            hours: (0, 48),
            opted_out: false,
            born: date(1984, 1, 19),
        }),
        worker(W {
            id: "siobhan",
            name: "Siobhan Kelly",
            about: "Nights by choice; knits through the small hours",
            skills: &[("first-aid", none), ("medication", none)],
            traits: &["female", "calm"],
            interests: &["knitting"],
            hours: (24, 60),
            opted_out: true,
            born: date(1975, 5, 5),
        }),
        worker(W {
            id: "joe",
            name: "Joe Price",
            about: "Nights; studying for a nursing degree by day",
            skills: &[("first-aid", none)],
            traits: &["male", "calm"],
            interests: &["films"],
            hours: (24, 48),
            opted_out: false,
            born: date(2000, 12, 1),
        }),
        worker(W {
            id: "dean",
            name: "Dean Walsh",
            about: "Nights and weekends",
            skills: &[("first-aid", none), ("driving", none)],
            traits: &["male"],
            interests: &["football"],
            hours: (0, 48),
            opted_out: false,
            born: date(1982, 7, 7),
        }),
        worker(W {
            id: "rosa",
            name: "Rosa Martins",
            about: "Relief worker at weekends; drives",
            skills: &[("medication", none), ("driving", none), ("first-aid", none)],
            traits: &["female", "cheerful"],
            interests: &["films", "dancing"],
            hours: (0, 30),
            opted_out: false,
            born: date(1993, 3, 9),
        }),
        worker(W {
            id: "lily",
            name: "Lily Evans",
            about: "Apprentice, 17; at college on Mondays and Fridays",
            skills: &[],
            traits: &["female", "cheerful"],
            interests: &["films", "swimming"],
            hours: (0, 20),
            opted_out: false,
            born: date(2008, 10, 17),
        }),
    ];
    for w in &mut team {
        match w.id.as_str() {
            // Amira is on holiday for most of week 2.
            "amira" => w.leave.push(Leave::new(
                date(2026, 3, 30),
                date(2026, 4, 3),
                LeaveKind::Annual,
            )),
            // Rosa works Friday evening to Sunday.
            "rosa" => {
                w.availability.weekly = vec![
                    window(Weekday::Fri, hm(17, 0), hm(23, 59)),
                    window(Weekday::Sat, hm(7, 0), hm(23, 0)),
                    window(Weekday::Sun, hm(7, 0), hm(21, 0)),
                ]
            }
            // Lily is at college on Mondays and Fridays.
            "lily" => {
                w.availability.weekly = [Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Sat]
                    .into_iter()
                    .map(|day| window(day, hm(9, 0), hm(21, 0)))
                    .collect()
            }
            _ => {}
        }
    }
    team
}
