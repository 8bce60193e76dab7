//! # perfect-week
//!
//! Person-centred support planning for UK social care: from what matters to a
//! person to a rota of real workers that gives them the week they want.
//!
//! In personalised support the person decides how they are supported. This
//! crate models each link of the chain a care provider works through:
//!
//! 1. **Who the person is** ([`person`]): the one-page profile, what is
//!    important to and for them and the balance between the two, the
//!    communication chart, how they make decisions and who decides what, and
//!    the matching profile that says who they want supporting them.
//! 2. **What is working and what must change** ([`review`]): person-centred
//!    reviews with each perspective, outcomes in the person's words, actions,
//!    and a support plan tying outcomes to the budget.
//! 3. **The money** ([`money`], [`service`]): the Individual Service Fund
//!    agreement, dated rate cards, a ledger that refuses what would overdraw
//!    it, statements in plain words, and the core-and-flexi model that splits
//!    a shared service's staffing into everyone's core and each person's own
//!    flexi hours.
//! 4. **The perfect week** ([`week`]): the activities the person wants, fixed
//!    or flexible, with the support each needs and what pays for it.
//! 5. **The personalised rota** ([`plan`], [`solver`], [`rota`]): a
//!    constraint solver assigns real workers ([`staff`]) to the week, within
//!    their skills, availability, contracts, working-time law and the
//!    person's budget, and as close as it can to the person's choices.
//! 6. **Why** ([`explain`]) and **out** ([`export`]): the score broken down,
//!    why a session is unfilled and who could cover it, what changed after a
//!    re-plan; CSV and iCalendar.
//! 7. **The records of UK care** ([`interop`]): PRSB About Me and the
//!    Personalised Care and Support Plan, the council's Client Level Data,
//!    and FHIR R4 UK Core (feature `fhir`).
//!
//! ## A week planned into a rota
//!
//! ```
//! use perfect_week::chrono::{NaiveDate, NaiveTime, Weekday};
//! use perfect_week::{
//!     Activity, Contract, Fund, PerfectWeek, Person, PersonPlan, Plan, RateCard,
//!     RateCardSet, RotaPeriod, SolverConfig, Timing, Worker,
//! };
//!
//! let monday = NaiveDate::from_ymd_opt(2026, 3, 23).ok_or("date")?;
//! let at = |hour| NaiveTime::from_hms_opt(hour, 0, 0).ok_or("time");
//!
//! // Ava's week: swimming at a set time, shopping when it suits within a window.
//! let ava = Person::new("ava", "Ava Okafor");
//! let week = PerfectWeek::new(
//!     ava.id.clone(),
//!     vec![
//!         Activity::new("swim", "Swimming", Weekday::Tue, Timing::fixed(at(10)?), 90),
//!         Activity::new("shop", "Food shopping", Weekday::Thu,
//!             Timing::flexible(at(9)?, at(13)?, at(10)?), 90),
//!     ],
//! );
//! // Her Individual Service Fund: £150 a week, charged at £24.50 an hour.
//! let rate_cards = RateCardSet::new(vec![RateCard::flat(monday, "24.50".parse()?)]);
//! let fund = Fund::money(rate_cards, "150".parse()?);
//! let contract = Contract::new(20 * 60, "12.71".parse()?);
//! let born = NaiveDate::from_ymd_opt(1990, 6, 1).ok_or("date")?;
//! let workers = vec![Worker::new("sam", "Sam", born, contract.clone())];
//!
//! let period = RotaPeriod::new(monday, 1, perfect_week::chrono_tz::Europe::London);
//! let plan = Plan::new(period, vec![PersonPlan::new(ava, week, Some(fund))], workers);
//! let planned = plan.solve(&SolverConfig::default())?;
//! let rota = &planned.rota;
//!
//! assert!(rota.score.is_feasible());
//! assert_eq!(rota.unfilled().count(), 0);
//! let text = rota.timetable_for(&"ava".into(), "Ava").to_string();
//! assert!(text.contains("10:00–11:30  Swimming, with Sam"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Reading the rota
//!
//! [`Plan::solve`] returns a [`PlannedRota`]: the [`Rota`], the solve's
//! figures ([`SolveStats`]) and the explanation of every seat left empty.
//! Each [`RotaEntry`] speaks dates, local times, people and workers; its
//! `session` is the id that re-planning and explanations use.
//!
//! ```
//! # use perfect_week::chrono::{NaiveDate, NaiveTime, Weekday};
//! # use perfect_week::{
//! #     Activity, Contract, Fund, PerfectWeek, Person, PersonPlan, Plan, RateCard,
//! #     RateCardSet, RotaPeriod, SolverConfig, Timing, Worker,
//! # };
//! # fn plan(money_per_week: &str) -> Result<Plan, Box<dyn std::error::Error>> {
//! #     let monday = NaiveDate::from_ymd_opt(2026, 3, 23).ok_or("date")?;
//! #     let at = |hour| NaiveTime::from_hms_opt(hour, 0, 0).ok_or("time");
//! #     let ava = Person::new("ava", "Ava Okafor");
//! #     let week = PerfectWeek::new(
//! #         ava.id.clone(),
//! #         vec![
//! #             Activity::new("swim", "Swimming", Weekday::Tue, Timing::fixed(at(10)?), 90),
//! #             Activity::new("shop", "Food shopping", Weekday::Thu,
//! #                 Timing::flexible(at(9)?, at(13)?, at(10)?), 90),
//! #         ],
//! #     );
//! #     let rate_cards = RateCardSet::new(vec![RateCard::flat(monday, "24.50".parse()?)]);
//! #     let fund = Fund::money(rate_cards, money_per_week.parse()?);
//! #     let contract = Contract::new(20 * 60, "12.71".parse()?);
//! #     let born = NaiveDate::from_ymd_opt(1990, 6, 1).ok_or("date")?;
//! #     let workers = vec![
//! #         Worker::new("sam", "Sam", born, contract.clone()),
//! #         Worker::new("kim", "Kim", born, contract),
//! #     ];
//! #     let period = RotaPeriod::new(monday, 1, perfect_week::chrono_tz::Europe::London);
//! #     Ok(Plan::new(period, vec![PersonPlan::new(ava, week, Some(fund))], workers))
//! # }
//! let planned = plan("150")?.solve(&SolverConfig::default())?;
//! for entry in &planned.rota.entries {
//!     // "Tuesday 24 March 10:00–11:30 Swimming (ava)", with Sam or Kim.
//!     assert!(entry.describe().contains("March"));
//!     assert_eq!(entry.workers.len(), 1);
//! }
//! assert_eq!(planned.rota.unfilled_seats(), 0);
//! assert!(planned.stats.best_found_at_step <= planned.stats.steps);
//! // As JSON, to store or send, and back.
//! let json = serde_json::to_string(&planned)?;
//! let back: perfect_week::PlannedRota = serde_json::from_str(&json)?;
//! assert_eq!(back.rota, planned.rota);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Why a seat is unfilled, and who could cover it
//!
//! With £40 a week, Ava's fund pays for one 90-minute session at £24.50 an
//! hour (£36.75) but not two. The rota leaves the other seat empty rather
//! than overspend, and says why each worker cannot take it:
//!
//! ```
//! # use perfect_week::chrono::{NaiveDate, NaiveTime, Weekday};
//! # use perfect_week::{
//! #     Activity, Contract, Fund, PerfectWeek, Person, PersonPlan, Plan, RateCard,
//! #     RateCardSet, RotaPeriod, SolverConfig, Timing, Worker,
//! # };
//! # fn plan(money_per_week: &str) -> Result<Plan, Box<dyn std::error::Error>> {
//! #     let monday = NaiveDate::from_ymd_opt(2026, 3, 23).ok_or("date")?;
//! #     let at = |hour| NaiveTime::from_hms_opt(hour, 0, 0).ok_or("time");
//! #     let ava = Person::new("ava", "Ava Okafor");
//! #     let week = PerfectWeek::new(
//! #         ava.id.clone(),
//! #         vec![
//! #             Activity::new("swim", "Swimming", Weekday::Tue, Timing::fixed(at(10)?), 90),
//! #             Activity::new("shop", "Food shopping", Weekday::Thu,
//! #                 Timing::flexible(at(9)?, at(13)?, at(10)?), 90),
//! #         ],
//! #     );
//! #     let rate_cards = RateCardSet::new(vec![RateCard::flat(monday, "24.50".parse()?)]);
//! #     let fund = Fund::money(rate_cards, money_per_week.parse()?);
//! #     let contract = Contract::new(20 * 60, "12.71".parse()?);
//! #     let born = NaiveDate::from_ymd_opt(1990, 6, 1).ok_or("date")?;
//! #     let workers = vec![
//! #         Worker::new("sam", "Sam", born, contract.clone()),
//! #         Worker::new("kim", "Kim", born, contract),
//! #     ];
//! #     let period = RotaPeriod::new(monday, 1, perfect_week::chrono_tz::Europe::London);
//! #     Ok(Plan::new(period, vec![PersonPlan::new(ava, week, Some(fund))], workers))
//! # }
//! use perfect_week::Constraint;
//!
//! let plan = plan("40")?;
//! let planned = plan.solve(&SolverConfig::default())?;
//! assert_eq!(planned.rota.unfilled_seats(), 1);
//! let gap = &planned.unfilled[0];
//! assert_eq!(gap.missing, 1);
//! for candidate in &gap.candidates {
//!     // The typed reason (the budget, £33.50 over) and the words.
//!     assert_eq!(candidate.blocked_by, vec![(Constraint::Budget, 3350)]);
//!     let line = candidate.to_string(); // "sam: cannot: over budget (…)"
//!     assert!(line.ends_with("cannot: over budget (£36.75 more against £3.25 left)"));
//! }
//! // Any session can be asked about: who else could do the one that is filled?
//! let filled = planned.rota.entries.iter().find(|e| e.is_filled()).ok_or("none")?;
//! let others = plan.who_could_cover(&planned.rota, &filled.session)?;
//! assert_eq!(others.len(), 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Re-planning after a sick call
//!
//! A published rota and a change (here the worker on Thursday off sick from
//! Wednesday) give a new rota that moves as little as it can; what happened
//! before `from` is pinned.
//!
//! ```
//! # use perfect_week::chrono::{NaiveDate, NaiveTime, Weekday};
//! # use perfect_week::{
//! #     Activity, Contract, Fund, PerfectWeek, Person, PersonPlan, Plan, RateCard,
//! #     RateCardSet, RotaPeriod, SolverConfig, Timing, Worker,
//! # };
//! # fn plan(money_per_week: &str) -> Result<Plan, Box<dyn std::error::Error>> {
//! #     let monday = NaiveDate::from_ymd_opt(2026, 3, 23).ok_or("date")?;
//! #     let at = |hour| NaiveTime::from_hms_opt(hour, 0, 0).ok_or("time");
//! #     let ava = Person::new("ava", "Ava Okafor");
//! #     let week = PerfectWeek::new(
//! #         ava.id.clone(),
//! #         vec![
//! #             Activity::new("swim", "Swimming", Weekday::Tue, Timing::fixed(at(10)?), 90),
//! #             Activity::new("shop", "Food shopping", Weekday::Thu,
//! #                 Timing::flexible(at(9)?, at(13)?, at(10)?), 90),
//! #         ],
//! #     );
//! #     let rate_cards = RateCardSet::new(vec![RateCard::flat(monday, "24.50".parse()?)]);
//! #     let fund = Fund::money(rate_cards, money_per_week.parse()?);
//! #     let contract = Contract::new(20 * 60, "12.71".parse()?);
//! #     let born = NaiveDate::from_ymd_opt(1990, 6, 1).ok_or("date")?;
//! #     let workers = vec![
//! #         Worker::new("sam", "Sam", born, contract.clone()),
//! #         Worker::new("kim", "Kim", born, contract),
//! #     ];
//! #     let period = RotaPeriod::new(monday, 1, perfect_week::chrono_tz::Europe::London);
//! #     Ok(Plan::new(period, vec![PersonPlan::new(ava, week, Some(fund))], workers))
//! # }
//! use perfect_week::{Absence, Changes, NoticeRules};
//!
//! let plan = plan("150")?;
//! let config = SolverConfig::default();
//! let published = plan.solve(&config)?.rota;
//! let thursday = NaiveDate::from_ymd_opt(2026, 3, 26).ok_or("date")?;
//! let shop = published.entries.iter().find(|e| e.date == thursday).ok_or("shop")?;
//! let sick = shop.workers[0].id.clone();
//!
//! let changes = Changes::new().with_absence(Absence::new(&sick, thursday, thursday));
//! let wednesday = thursday.pred_opt().ok_or("date")?;
//! let told = wednesday.and_hms_opt(9, 0, 0).ok_or("time")?.and_utc();
//! let notice = NoticeRules::default();
//! let replan = plan.replan(&published, &changes, wednesday, told, &notice, &config)?;
//! let shop = replan.rota.entry(&shop.session).ok_or("shop")?;
//! assert!(shop.is_filled() && shop.workers.iter().all(|w| w.id != sick));
//! assert_eq!(replan.diff.assignments_changed(), 2); // one off, one on
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Hard rules, unfilled sessions and preferences
//!
//! The solver's [`Score`] has three levels, compared in order:
//! **hard** (a rule broken: a worker in two places, too little rest, a skill
//! missing, over budget…), **unfilled** (seats of sessions left empty,
//! weighted by minutes and the activity's priority) and **soft** (the
//! person's preferred workers and times, continuity, matching, workers'
//! requests, fairness, cost, stability). An over-constrained week is not an
//! error: the solver returns its best partial rota, and
//! [`explain::unfilled`] says, for each empty seat, which rule rules out each
//! worker. Every rule and its exact meaning is listed in [`solver::problem`];
//! each can be switched off or re-parameterised through
//! [`Rules`] and [`Weights`]. The defaults
//! follow the Working Time Regulations 1998.
//!
//! ## Solving and determinism
//!
//! [`Plan::solve`] is the way meant for solving a plan: it validates,
//! compiles, solves and returns a [`PlannedRota`] with the rota, the solve's
//! figures, the explanations, the checker's report and the problem's size.
//! The solver ([`solver::solve`]) runs a construction, then late-acceptance
//! local search with incremental scoring. With a step budget
//! ([`SolverConfig::with_max_steps`], or the default budget when no limit
//! is set) the same input and seed give the same rota; a time limit
//! ([`SolverConfig::with_max_time`]) alone runs for that time, at the cost
//! of that guarantee (see [`SolverConfig`] for how the limits combine). [`solver::check()`] is an independent checker,
//! written from the rules rather than from the solver, that recomputes any
//! roster's score; the test suite holds the two to agree.
//!
//! ## Re-planning
//!
//! [`plan::Plan::replan`] takes a published rota and a change (a worker off
//! sick, a session added, moved or cancelled), pins what already happened,
//! and solves again with a stability penalty so that as little as possible
//! moves; the [`explain::RosterDiff`] says exactly what did.
//!
//! ## Time and money
//!
//! Local times live in a real time zone (`chrono-tz`); a time in the spring
//! gap moves forward by the gap and a time in the autumn overlap takes the
//! earlier instant ([`time::resolve_local`]). Every duration, rest and pay
//! period is real elapsed time, so weeks that hold a clock change come out
//! right. Money is `rust_decimal::Decimal`, never a float; each session's
//! charge is rounded to the penny (half away from zero), then summed
//! ([`money::round_pennies`]).
//!
//! ## What it does not do
//!
//! No database, no user interface, no network: it is a library of plain data
//! types (all `serde`) and functions. Payroll, National Minimum Wage checks
//! per pay period and the Mental Capacity Act's best-interests process are
//! outside it.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod digest;
pub mod draw;
pub mod error;
pub mod explain;
pub mod export;
pub mod ids;
pub mod interop;
pub mod load;
pub mod money;
pub mod notice;
pub mod output;
pub mod person;
pub mod plan;
mod profile;
pub mod review;
pub mod rota;
pub mod service;
pub mod solver;
pub mod staff;
pub mod time;
pub mod week;
pub mod words;

pub use chrono;
pub use chrono_tz;
pub use rust_decimal;

pub use error::{LedgerError, TimeRangeError, ValidationError, ValidationErrors};
pub use explain::{Breach, Candidate, RosterDiff, UnfilledSession};
pub use ids::{
    ActivityId, CoreShiftId, KindId, MatchRowId, PersonId, PlaceId, ServiceId, SessionId, SkillId,
    TraitId, WorkerId,
};
pub use money::{
    Allocation, ChargeKind, EntryKind, FeeRule, Fund, FundBudget, IsfAgreement, Ledger,
    LedgerEntry, PayFloorTable, RateCard, RateCardSet, Statement, SurplusRule, round_pennies,
};
pub use notice::NoticeRules;
pub use person::{MatchRow, MatchScore, MatchingProfile, OnePageProfile, Person};
pub use plan::{
    Absence, Changes, CompiledPlan, CorePlan, DatedCoreShift, KINDS, MIN_WORKER_AGE, MovedSession,
    OneOff, PersonPlan, Plan, PlanError, PlanOptions, PlannedRota, ProblemSize, Replan, SessionRef,
    UnfilledEntry, WorkerRecord, WorkerRequest,
};
pub use review::{Action, Outcome, Review, SupportPlan};
pub use rota::{Rota, RotaEntry, RotaWorker, Timetable};
pub use service::{CoreShiftKind, CoreShiftTemplate, FlexiRule, Service};
pub use solver::{
    AverageWeek, Boundary, CheckReport, Constraint, DailyRest, Fairness, Measure, NightRules,
    ProblemError, Rules, Score, SolveStats, SolverConfig, Termination, Want, WeekCount, WeeklyRest,
    Weights, YoungRules, check,
};
pub use staff::{
    Availability, AvailabilityWindow, Contract, Leave, LeaveKind, Qualification, Unavailability,
    Worker,
};
pub use time::{TimeRange, resolve_local};
pub use week::{Activity, Funding, PerfectWeek, RotaPeriod, Support, Timing};
