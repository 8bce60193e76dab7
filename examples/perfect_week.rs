//! Ava's perfect week, planned into a rota.
//!
//! ```sh
//! cargo run --release --example perfect_week
//! ```
//!
//! On built-in data (`examples/sample/mod.rs`) it prints, for Ava and the
//! people who support her: her one-page profile, what is important to and
//! for her, what she wants from her support, her perfect week, her
//! Individual Service Fund in plain words, how Riverside Court's core and
//! flexi staffing is shared, the rota the solver plans for two weeks (over
//! the spring clock change and Good Friday), and what changes when one of
//! her regular workers rings in sick.

mod sample;

use std::collections::{BTreeMap, HashMap};
use std::error::Error;
use std::time::Instant;

use chrono::{Duration, NaiveDate, NaiveTime};
use perfect_week::explain::{Breakdown, unfilled, who_could_cover, who_could_replace};
use perfect_week::ids::{PersonId, WorkerId};
use perfect_week::money::{EntryKind, Statement, format_pounds};
use perfect_week::person::{Decider, EvidenceKind, Importance, Person};
use perfect_week::plan::{CompiledPlan, Plan};
use perfect_week::review::{ActionStatus, Review, SupportPlan};
use perfect_week::rota::{Rota, RotaEntry};
use perfect_week::solver::{Constraint, solve};
use perfect_week::staff::Worker;
use perfect_week::week::{Activity, Funding, PerfectWeek, Timing};
use rust_decimal::Decimal;

type Result<T> = std::result::Result<T, Box<dyn Error>>;

fn main() -> Result<()> {
    let plan = sample::plan();
    plan.validate()?;
    let ava_plan = plan.people.first().ok_or("the sample has no person")?;
    let ava = &ava_plan.person;
    let names: HashMap<WorkerId, String> = plan
        .workers
        .iter()
        .map(|w| (w.id.clone(), w.name.clone()))
        .collect();
    let review = sample::review();
    review.validate()?;
    let support_plan = sample::support_plan();
    support_plan.validate()?;

    one_page_profile(ava);
    important_to_and_for(ava, &names);
    outcomes(ava, &review, &support_plan);
    perfect_week(ava, &ava_plan.week, &review);
    isf(ava)?;
    core_and_flexi()?;

    let compiled = plan.compile()?;
    let started = Instant::now();
    let solution = solve(compiled.problem(), &sample::solver_config())?;
    eprintln!(
        "(planned in {:.1} s, {} solver steps)",
        started.elapsed().as_secs_f64(),
        solution.stats.steps
    );
    let rota = compiled.rota(&solution);
    the_rota(ava, &plan, &compiled, &rota, &names)?;
    sick_call(ava, &plan, &rota, &names)?;
    Ok(())
}

// ------------------------------------------------------------ printing

/// One resident's share of a core or flexi split (zero if they have none).
fn share_of(shares: &[perfect_week::service::Share], person: &str) -> rust_decimal::Decimal {
    shares
        .iter()
        .find(|s| s.person.as_str() == person)
        .map(|s| s.amount)
        .unwrap_or_default()
}

fn heading(title: &str) {
    println!();
    println!("{title}");
    println!("{}", "=".repeat(title.chars().count()));
}

fn subheading(title: &str) {
    println!();
    println!("{title}");
}

fn bullets(items: &[String]) {
    for item in items {
        println!("  • {item}");
    }
}

fn name_of(names: &HashMap<WorkerId, String>, id: &WorkerId) -> String {
    names.get(id).cloned().unwrap_or_else(|| id.to_string())
}

fn long_date(date: NaiveDate) -> String {
    date.format("%A %-d %B").to_string()
}

fn short_date(date: NaiveDate) -> String {
    date.format("%a %-d %b").to_string()
}

fn hours(minutes: i64) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    match (h, m) {
        (0, 0) => "0 h".to_owned(),
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m:02}"),
    }
}

fn pence(amount: i64) -> String {
    format_pounds(Decimal::new(amount, 2))
}

fn list_and(items: &[String]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

fn list_or(items: &[String]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

// ------------------------------------------------------------- sections

fn one_page_profile(ava: &Person) {
    let name = ava.display_name();
    heading(&format!("{name}'s one-page profile"));
    subheading(&format!("What people like and admire about {name}"));
    bullets(&ava.profile.appreciations);
    subheading(&format!("What is important to {name}"));
    bullets(&ava.profile.important_to_me);
    subheading(&format!("How best to support {name}"));
    bullets(&ava.profile.how_best_to_support_me);
}

fn important_to_and_for(ava: &Person, names: &HashMap<WorkerId, String>) {
    let name = ava.display_name();
    heading(&format!("What is important to {name}, and for her"));
    for (importance, title) in [
        (Importance::To, format!("Important to {name}")),
        (Importance::For, format!("Important for {name}")),
    ] {
        subheading(&title);
        for item in ava.items(importance) {
            let how = item
                .evidence
                .iter()
                .map(|e| {
                    let kind = match e.kind {
                        EvidenceKind::Said => format!("{name} told us"),
                        EvidenceKind::Observed => "we see it".to_owned(),
                        EvidenceKind::ToldByOthers => "we were told".to_owned(),
                    };
                    format!("{kind}: {}", e.detail)
                })
                .collect::<Vec<_>>()
                .join("; ");
            println!("  {}. {} ({how})", item.priority, item.statement);
        }
    }
    for issue in &ava.balance {
        subheading("The balance we agreed");
        if let (Some(to), Some(for_)) = (
            ava.importance.get(issue.to_item),
            ava.importance.get(issue.for_item),
        ) {
            println!(
                "  \"{}\" and \"{}\" pull different ways:",
                to.statement, for_.statement
            );
        }
        println!("  {}.", issue.tension);
        println!("  What we agreed: {}.", issue.agreed_approach);
    }
    subheading(&format!("How {name} tells us things"));
    for row in &ava.communication.understanding {
        println!(
            "  {}: when {} it may mean {}. We should: {}.",
            row.context,
            lower_first(&row.behaviour),
            list_or(
                &row.meanings
                    .iter()
                    .map(|m| lower_first(m))
                    .collect::<Vec<_>>()
            ),
            lower_first(&row.response)
        );
    }
    for row in &ava.communication.telling {
        println!(
            "  To tell her {}: {}; we know she understood when {}.",
            lower_first(&row.what_we_want_to_convey),
            lower_first(&row.how_we_do_it),
            lower_first(&row.how_we_know_they_understood)
        );
    }
    subheading("Who decides");
    for row in &ava.decision_agreement {
        let decider = match &row.final_decider {
            Decider::Person => format!("{name} decides"),
            Decider::Named(who) => format!("{who} decides"),
            Decider::Shared(who) => format!("{} decide together", list_and(who)),
            Decider::BestInterests => "a best-interests decision".to_owned(),
        };
        println!("  {}: {decider}. {}.", row.decision_area, row.involvement);
    }
    subheading(&format!("Who supports {name}"));
    for row in &ava.matching.rows {
        let mut needs = Vec::new();
        needs.extend(row.essential.iter().map(|t| format!("must be {t}")));
        needs.extend(row.skills.iter().map(|s| format!("must hold {s}")));
        if !row.desirable.is_empty() {
            let wanted: Vec<String> = row.desirable.iter().map(ToString::to_string).collect();
            needs.push(format!("ideally {}", list_and(&wanted)));
        }
        if !row.shared_interests.is_empty() {
            let shared: Vec<String> = row
                .shared_interests
                .iter()
                .map(ToString::to_string)
                .collect();
            needs.push(format!("likes {}", list_or(&shared)));
        }
        println!("  {}: {}.", row.support_area, needs.join(", "));
    }
    let excluded: Vec<String> = ava
        .matching
        .excluded_workers
        .iter()
        .map(|id| name_of(names, id))
        .collect();
    if !excluded.is_empty() {
        println!(
            "  {name} does not want {} to support her.",
            list_or(&excluded)
        );
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        // Keep names and "I" as they are.
        Some(first)
            if first.is_uppercase()
                && chars.clone().next().is_some_and(char::is_lowercase)
                && !is_name(text) =>
        {
            first.to_lowercase().chain(chars).collect()
        }
        _ => text.to_owned(),
    }
}

/// Whether `text` starts with a name (kept capitalised).
fn is_name(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or_default();
    [
        "Ava", "Mum", "Carol", "Jess", "Kyle", "Priya", "Hannah", "I",
    ]
    .contains(&first)
}

fn outcomes(ava: &Person, review: &Review, support_plan: &SupportPlan) {
    let name = ava.display_name();
    heading(&format!("What {name} wants from her support"));
    let who: Vec<String> = review
        .attendees
        .iter()
        .map(|a| format!("{} ({})", a.name, a.relationship))
        .collect();
    println!(
        "From her person-centred review on {}, with {}.",
        review.date.format("%A %-d %B %Y"),
        list_and(&who)
    );
    for outcome in &review.outcomes {
        println!();
        println!("  \"{}\"", outcome.statement);
        for measure in &outcome.measures {
            println!(
                "      We will know it is working when: {}",
                lower_first(measure)
            );
        }
        for use_ in support_plan.uses_for(&outcome.id) {
            let how_much = match (use_.weekly_hours, use_.weekly_amount) {
                (Some(h), _) => format!("{} hours a week", h.normalize()),
                (None, Some(money)) => format!("{} a week", format_pounds(money)),
                (None, None) => String::new(),
            };
            println!("      Budget: {} ({how_much})", use_.description);
        }
        for action in review.actions_for(&outcome.id) {
            let status = match action.status {
                ActionStatus::Open => format!("by {}", action.due.format("%-d %B")),
                ActionStatus::Done => "done".to_owned(),
                ActionStatus::Dropped => "dropped".to_owned(),
            };
            println!("      Action: {}: {} ({status})", action.owner, action.what);
        }
    }
}

fn day_name(day: chrono::Weekday) -> String {
    // Any date on that weekday, printed in full.
    let monday = sample::period().start;
    let date = monday + Duration::days(i64::from(day.num_days_from_monday()));
    date.format("%A").to_string()
}

fn end_of(start: NaiveTime, minutes: u32) -> NaiveTime {
    start
        .overflowing_add_signed(Duration::minutes(i64::from(minutes)))
        .0
}

fn support_words(activity: &Activity, names: &HashMap<WorkerId, String>) -> String {
    let support = &activity.support;
    match activity.funding {
        Funding::Unpaid => return "no paid support".into(),
        Funding::Community => return "no paid support (a community activity)".into(),
        Funding::Flexi | Funding::Core => {}
    }
    let mut words = match support.workers {
        1 => "1 worker".to_owned(),
        n => format!("{n} workers"),
    };
    let mut needs: Vec<String> = support
        .characteristics
        .iter()
        .map(ToString::to_string)
        .collect();
    needs.extend(support.skills.iter().map(|s| format!("{s} skill")));
    if !needs.is_empty() {
        words.push_str(&format!(" ({})", needs.join(", ")));
    }
    if !support.preferred.is_empty() {
        let preferred: Vec<String> = support
            .preferred
            .iter()
            .map(|w| name_of(names, w))
            .collect();
        words.push_str(&format!(", {} if possible", list_or(&preferred)));
    }
    if !support.refused.is_empty() {
        let refused: Vec<String> = support.refused.iter().map(|w| name_of(names, w)).collect();
        words.push_str(&format!(", not {}", list_or(&refused)));
    }
    let money = match activity.funding {
        Funding::Core => "shared core staff",
        _ => "her flexi money",
    };
    format!("{words}; paid from {money}")
}

fn perfect_week(ava: &Person, week: &PerfectWeek, review: &Review) {
    let name = ava.display_name();
    heading(&format!("{name}'s perfect week"));
    let names: HashMap<WorkerId, String> = sample::workers()
        .into_iter()
        .map(|w| (w.id, w.name))
        .collect();
    let mut by_day: BTreeMap<u32, Vec<&Activity>> = BTreeMap::new();
    for activity in &week.activities {
        by_day
            .entry(activity.day.num_days_from_monday())
            .or_default()
            .push(activity);
    }
    for activities in by_day.values_mut() {
        activities.sort_by_key(|a| match a.timing {
            Timing::Fixed { start } => start,
            Timing::Flexible { preferred, .. } => preferred,
        });
    }
    for activities in by_day.values() {
        let Some(first) = activities.first() else {
            continue;
        };
        subheading(&day_name(first.day));
        for activity in activities {
            let when = match activity.timing {
                Timing::Fixed { start } => format!(
                    "{}–{}",
                    start.format("%H:%M"),
                    end_of(start, activity.minutes).format("%H:%M")
                ),
                Timing::Flexible {
                    earliest,
                    latest_end,
                    preferred,
                    ..
                } => format!(
                    "{} between {} and {}, best at {}",
                    hours(i64::from(activity.minutes)),
                    earliest.format("%H:%M"),
                    latest_end.format("%H:%M"),
                    preferred.format("%H:%M")
                ),
            };
            println!("  {when}  {}", activity.name);
            println!("      {}", support_words(activity, &names));
            let serves: Vec<String> = activity
                .outcomes
                .iter()
                .filter_map(|id| review.outcomes.iter().find(|o| &o.id == id))
                .map(|o| format!("\"{}\"", o.statement))
                .collect();
            if !serves.is_empty() {
                println!("      for {}", list_and(&serves));
            }
        }
    }
}

fn isf(ava: &Person) -> Result<()> {
    let name = ava.display_name();
    heading(&format!("{name}'s Individual Service Fund"));
    let agreement = sample::agreement();
    agreement.validate()?;
    let fund = sample::fund();
    let core = fund.allocation.core_money_per_week.unwrap_or_default();
    let money = fund.allocation.money_per_week.unwrap_or_default();
    println!(
        "{} holds {name}'s money for her and spends it the way she says.",
        agreement.provider
    );
    println!(
        "The council pays {} a week; {name} pays {} towards it, and {} a week goes on the \
         management fee.",
        format_pounds(agreement.weekly_amount),
        format_pounds(agreement.client_contribution),
        format_pounds(agreement.weekly_fee())
    );
    println!(
        "Of the {} a week left, {} is her share of Riverside Court's shared staff, and {} is \
         hers to spend on the support she chooses (her flexi money).",
        format_pounds(money),
        format_pounds(core),
        format_pounds(money - core)
    );
    println!(
        "She may keep up to {} unspent, and money saved for something she has named does not \
         count.",
        format_pounds(agreement.surplus_cap())
    );

    let ledger = sample::ledger()?;
    let from = sample::ledger_start();
    let to = sample::period().start.pred_opt().unwrap_or(from);
    subheading(&format!(
        "Her flexi money from {} to {}",
        long_date(from),
        long_date(to)
    ));
    for entry in ledger.entries() {
        let what = match &entry.kind {
            EntryKind::Credit => "paid in".to_owned(),
            EntryKind::ManagementFee => "management fee".to_owned(),
            EntryKind::DeliveredSupport { minutes, session } => format!(
                "{} ({})",
                session.as_deref().unwrap_or("support"),
                hours(i64::from(*minutes))
            ),
            EntryKind::BankDeposit { purpose } => format!("saved for {purpose}"),
            EntryKind::BankWithdrawal { purpose } => format!("taken from savings for {purpose}"),
            EntryKind::Purchase { description } => description.clone(),
            _ => "other".to_owned(),
        };
        let sign = match entry.kind {
            EntryKind::Credit | EntryKind::BankWithdrawal { .. } => "+",
            _ => "-",
        };
        println!(
            "  {:<10}  {sign}{:>9}  {what}",
            short_date(entry.date),
            format_pounds(entry.amount)
        );
    }
    subheading("Her statement");
    let statement = Statement::new(&ledger, &agreement, from, to)?;
    for line in statement.to_string().lines() {
        println!("  {line}");
    }
    Ok(())
}

fn core_and_flexi() -> Result<()> {
    let core = sample::core_plan();
    let service = &core.service;
    let zone = sample::period().zone;
    heading(&format!("Core and flexi at {}", service.name));
    println!(
        "{} has {} flats and {} residents. Core staff are there for everyone, all the time; \
         the rest of the staff time is flexi, shared out for each resident to use as they \
         choose.",
        service.name,
        service.units,
        service.residents.len()
    );
    subheading("Core staff");
    for shift in &service.core {
        let days = if shift.weekdays.len() == 7 {
            "every day".to_owned()
        } else {
            let days: Vec<String> = shift.weekdays.iter().map(ToString::to_string).collect();
            list_and(&days)
        };
        println!(
            "  {} {}–{}, {days}, {} worker{}",
            shift.role,
            shift.start.format("%H:%M"),
            shift.end.format("%H:%M"),
            shift.workers,
            if shift.workers == 1 { "" } else { "s" }
        );
    }
    let ordinary = service.core_weekly_cost(&core.rate_cards, zone, sample::date(2026, 3, 16))?;
    let shares = service.core_split(ordinary.total)?;
    let ava_share = share_of(&shares, sample::AVA);
    println!(
        "  An ordinary week of core staff costs {}: {} for each of the {} residents.",
        format_pounds(ordinary.total),
        format_pounds(ava_share),
        shares.len()
    );
    for (start, why) in [
        (
            sample::period().start,
            "the clocks go forward on Sunday: Saturday's waking night is an hour shorter",
        ),
        (
            sample::date(2026, 3, 30),
            "Good Friday is a bank holiday, paid double",
        ),
    ] {
        let week = service.core_weekly_cost(&core.rate_cards, zone, start)?;
        println!(
            "  The week from {} costs {} ({why}).",
            long_date(start),
            format_pounds(week.total)
        );
    }
    if let Some(budget) = core.budget_per_week {
        println!("  The core budget is {} a week.", format_pounds(budget));
    }
    subheading("Flexi hours");
    let split = service.flexi_split()?;
    let ava_hours = share_of(&split.shares, sample::AVA);
    println!(
        "  {} flexi hours a week, shared equally: {} hours for each resident.",
        service.flexi_pool_hours_per_week.normalize(),
        ava_hours.normalize()
    );
    Ok(())
}

fn the_rota(
    ava: &Person,
    plan: &Plan,
    compiled: &CompiledPlan,
    rota: &Rota,
    names: &HashMap<WorkerId, String>,
) -> Result<()> {
    let name = ava.display_name();
    heading(&format!(
        "The rota: {} to {}",
        long_date(rota.period.start),
        long_date(rota.period.end())
    ));
    println!();
    print!("{}", rota.timetable_for(&ava.id, name));

    subheading(&format!("Who {name} sees for what"));
    let mut seen: Vec<(String, Vec<String>)> = Vec::new();
    for entry in rota.for_person(&ava.id).filter(|e| e.needed > 0) {
        let at = match seen.iter().position(|(what, _)| *what == entry.what) {
            Some(at) => at,
            None => {
                seen.push((entry.what.clone(), Vec::new()));
                seen.len() - 1
            }
        };
        if let Some((_, people)) = seen.get_mut(at) {
            for worker in &entry.workers {
                if !people.contains(&worker.name) {
                    people.push(worker.name.clone());
                }
            }
        }
    }
    for (what, people) in &seen {
        println!("  {what}: {}", list_and(people));
    }

    who_else(ava, plan, compiled, rota, names)?;

    subheading("Who is on the core shifts");
    let mut by_date: BTreeMap<NaiveDate, Vec<&RotaEntry>> = BTreeMap::new();
    for entry in rota.entries.iter().filter(|e| e.person.is_none()) {
        by_date.entry(entry.date).or_default().push(entry);
    }
    for (date, entries) in &by_date {
        let shifts: Vec<String> = entries
            .iter()
            .map(|e| {
                let who = if e.workers.is_empty() {
                    "NOBODY YET".to_owned()
                } else {
                    e.worker_names()
                };
                let unusual = if e.minutes() % (12 * 60) != 0 {
                    format!(" ({}: the clocks change)", hours(e.minutes()))
                } else {
                    String::new()
                };
                format!("{}: {who}{unusual}", short_role(&e.what))
            })
            .collect();
        println!("  {}  {}", short_date(*date), shifts.join("   "));
    }

    subheading("Who works how much");
    let mut minutes: BTreeMap<String, i64> = BTreeMap::new();
    for entry in &rota.entries {
        for worker in &entry.workers {
            *minutes.entry(worker.name.clone()).or_default() += entry.minutes();
        }
    }
    let line: Vec<String> = plan
        .workers
        .iter()
        .map(|w| {
            let worked = minutes.get(&w.name).copied().unwrap_or(0);
            format!("{} {}", first_name(w), hours(worked))
        })
        .collect();
    for chunk in line.chunks(6) {
        println!("  {}", chunk.join(" · "));
    }

    subheading("What it costs");
    let flexi: Decimal = rota
        .for_person(&ava.id)
        .filter(|e| e.funding == Funding::Flexi)
        .map(|e| e.charge)
        .sum();
    let cap = compiled
        .problem()
        .budgets
        .iter()
        .find(|b| b.id.as_str() == format!("flexi/{}", ava.id))
        .map(|b| b.cap);
    println!(
        "  {name}'s support in these two weeks costs {} from her flexi money.",
        format_pounds(flexi)
    );
    for (week, start) in rota.period.dates().step_by(7).enumerate() {
        let end = start + Duration::days(6);
        let cost: Decimal = rota
            .for_person(&ava.id)
            .filter(|e| e.funding == Funding::Flexi && e.date >= start && e.date <= end)
            .map(|e| e.charge)
            .sum();
        println!("    week {}: {}", week + 1, format_pounds(cost));
    }
    if let (Some(cap), Some(fund)) = (
        cap,
        sample::plan().people.first().and_then(|p| p.fund.clone()),
    ) {
        let weekly = fund.allocation.money_per_week.unwrap_or_default()
            - fund.allocation.core_money_per_week.unwrap_or_default();
        let left = Decimal::new(cap, 2) - flexi;
        println!(
            "  Her budget for them is {} ({} a week for {} weeks, and {} from her savings), so {} \
             is left.",
            pence(cap),
            format_pounds(weekly),
            rota.period.weeks,
            format_pounds(fund.usable_bank),
            format_pounds(left)
        );
    }
    let core_cost: Decimal = rota
        .entries
        .iter()
        .filter(|e| e.person.is_none())
        .map(|e| e.charge)
        .sum();
    if let Some(core) = &plan.service
        && let Some(weekly) = core.budget_per_week
    {
        println!(
            "  The core shifts cost {} of the core budget of {} for the two weeks.",
            format_pounds(core_cost),
            format_pounds(weekly * Decimal::from(rota.period.weeks))
        );
    }

    subheading("How good is this rota?");
    let breakdown = Breakdown::of(compiled.problem(), &rota.roster)?;
    for line in plain_breakdown(&breakdown, plan, &ava.id, name) {
        println!("  {line}");
    }

    let gaps = unfilled(compiled.problem(), &rota.roster)?;
    if gaps.is_empty() {
        println!("  Every session has the workers it needs.");
    }
    for gap in &gaps {
        let what = rota
            .entries
            .iter()
            .find(|e| e.session == gap.session)
            .map(describe_entry)
            .unwrap_or_else(|| gap.session.to_string());
        println!(
            "  {what} still needs {} worker{}. Why:",
            gap.missing,
            if gap.missing == 1 { "" } else { "s" }
        );
        for candidate in gap.candidates.iter().take(6) {
            let who = name_of(names, &candidate.worker);
            if candidate.is_possible() {
                println!("    {who} could do it.");
            } else {
                let why: Vec<String> = candidate
                    .blocked_by
                    .iter()
                    .map(|(c, _)| c.describe().to_owned())
                    .collect();
                println!("    {who}: {}.", list_and(&why));
            }
        }
    }
    Ok(())
}

/// Who else could cover one of Ava's mornings after Grace's medication
/// training has run out.
fn who_else(
    ava: &Person,
    plan: &Plan,
    compiled: &CompiledPlan,
    rota: &Rota,
    names: &HashMap<WorkerId, String>,
) -> Result<()> {
    let day = sample::date(2026, 4, 2);
    let Some(entry) = rota
        .for_person(&ava.id)
        .find(|e| e.date == day && e.needed > 0)
    else {
        return Ok(());
    };
    let current = if entry.workers.is_empty() {
        "nobody".to_owned()
    } else {
        entry.worker_names()
    };
    subheading(&format!(
        "If {current} could not come on {}, who else could help with \"{}\"?",
        long_date(day),
        entry.what
    ));
    let candidates = match entry.workers.first() {
        Some(worker) => {
            who_could_replace(compiled.problem(), &rota.roster, &entry.session, &worker.id)?
        }
        None => who_could_cover(compiled.problem(), &rota.roster, &entry.session)?,
    };
    let mut could = Vec::new();
    for candidate in &candidates {
        let who = name_of(names, &candidate.worker);
        if candidate.is_possible() {
            if !entry.workers.iter().any(|w| w.id == candidate.worker) {
                could.push(who);
            }
        } else {
            let why: Vec<String> = candidate
                .blocked_by
                .iter()
                .flat_map(|(c, _)| match c {
                    Constraint::MissingTag => missing(plan, ava, entry, &candidate.worker),
                    Constraint::DayOff => vec!["is on leave or off that day".to_owned()],
                    Constraint::Overlap => vec!["is already working then".to_owned()],
                    Constraint::OutsideAvailability => {
                        vec!["does not work at that time".to_owned()]
                    }
                    Constraint::Refused => {
                        vec![format!("is someone {} does not want", ava.display_name())]
                    }
                    other => vec![other.describe().to_owned()],
                })
                .collect();
            println!("  Not {who}: {}.", list_and(&why));
        }
    }
    if could.is_empty() {
        println!("  Nobody else could, without breaking a rule.");
    } else {
        println!(
            "  {} could (someone else would then cover their other work).",
            list_and(&could)
        );
    }
    Ok(())
}

/// What a worker lacks for an entry's matching row, on its date.
fn missing(plan: &Plan, ava: &Person, entry: &RotaEntry, worker: &WorkerId) -> Vec<String> {
    let generic = vec![Constraint::MissingTag.describe().to_owned()];
    let row = plan
        .people
        .iter()
        .find(|p| p.person.id == ava.id)
        .and_then(|p| {
            p.week
                .activities
                .iter()
                .find(|a| Some(&a.id) == entry.activity.as_ref())
        })
        .and_then(|a| a.support.match_row.as_ref())
        .and_then(|id| ava.matching.row(id));
    let (Some(row), Some(worker)) = (row, plan.workers.iter().find(|w| &w.id == worker)) else {
        return generic;
    };
    let score = row.score(worker, entry.date);
    let mut lacks: Vec<String> = score
        .missing_essential
        .iter()
        .map(|t| format!("is not {t}"))
        .collect();
    for skill in &score.missing_skills {
        let expired = worker
            .qualifications
            .iter()
            .find(|q| &q.skill == skill)
            .and_then(|q| q.expires)
            .filter(|end| *end < entry.date);
        lacks.push(match expired {
            Some(end) => format!("{skill} training ran out on {}", end.format("%-d %B")),
            None => format!("has no {skill} training"),
        });
    }
    if lacks.is_empty() { generic } else { lacks }
}

fn short_role(role: &str) -> &str {
    if role.to_lowercase().contains("night") {
        "night"
    } else {
        "day"
    }
}

fn first_name(worker: &Worker) -> &str {
    worker
        .name
        .split_whitespace()
        .next()
        .unwrap_or(&worker.name)
}

fn describe_entry(entry: &RotaEntry) -> String {
    format!(
        "{} {}–{} {}",
        long_date(entry.date),
        entry.local_start.format("%H:%M"),
        entry.local_end.format("%H:%M"),
        entry.what
    )
}

/// The score in plain words: what each nonzero term means for the person.
fn plain_breakdown(
    breakdown: &Breakdown,
    plan: &Plan,
    person: &PersonId,
    name: &str,
) -> Vec<String> {
    let weights = &plan.options.weights;
    let per = |amount: i64, weight: i64| if weight == 0 { amount } else { amount / weight };
    let mut lines = Vec::new();
    if breakdown.score.hard == 0 {
        lines.push(
            "Every rule is kept: skills, leave, rest breaks, working-time limits, contracts \
             and budgets."
                .to_owned(),
        );
    }
    for (constraint, amount) in &breakdown.by_constraint {
        let line = match constraint {
            Constraint::Unfilled => continue,
            Constraint::Placement => format!(
                "Flexible sessions are {} away from {name}'s preferred times in all.",
                hours(per(*amount, weights.placement))
            ),
            Constraint::NotPreferred => format!(
                "{} of support is with someone other than the workers {name} asked for.",
                hours(per(*amount, weights.not_preferred))
            ),
            Constraint::Matching => format!(
                "{} times a worker is not the closest match she asked for (calm, or sharing \
                 her love of football or films).",
                per(*amount, weights.matching * plan.options.match_point)
            ),
            Constraint::ContinuityPerson => format!(
                "{name} is supported by {} different people over the two weeks.",
                per(*amount, weights.continuity_person) + 1
            ),
            Constraint::ContinuitySeries => format!(
                "Regular sessions (hers and the core shifts) have {} more workers than the \
                 fewest possible.",
                per(*amount, weights.continuity_series)
            ),
            other if other.level() == perfect_week::solver::Level::Hard => {
                format!("A rule is broken: {} ({amount}).", other.describe())
            }
            other => format!("{} ({amount}).", capitalise(other.describe())),
        };
        lines.push(line);
    }
    let ava_score = breakdown
        .by_person
        .iter()
        .find(|(id, _)| id == person)
        .map(|(_, score)| score.soft)
        .unwrap_or(0);
    lines.push(format!(
        "Score: {} (lower is better; {} of it is about {name}'s own sessions).",
        breakdown.score, ava_score
    ));
    lines
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn sick_call(
    ava: &Person,
    plan: &Plan,
    published: &Rota,
    names: &HashMap<WorkerId, String>,
) -> Result<()> {
    let sick = WorkerId::new(sample::SICK_WORKER);
    let who = name_of(names, &sick);
    let from = sample::sick_from();
    heading(&format!(
        "A sick call: {who} is off from {}",
        long_date(from)
    ));
    let had: Vec<&RotaEntry> = published
        .for_worker(&sick)
        .filter(|e| e.date >= from)
        .collect();
    println!(
        "{who} rings in sick; she is off until the end of the rota. She had {} session{} from {}.",
        had.len(),
        if had.len() == 1 { "" } else { "s" },
        long_date(from)
    );
    let replan = plan.replan(
        published,
        &sample::sick_call(),
        from,
        &sample::solver_config(),
    )?;
    let changes = &replan.diff;
    println!(
        "The rota is planned again from {}, keeping everything before that day and changing as \
         little as it can: {} assignment{} changed ({} taken off, {} added).",
        long_date(from),
        changes.assignments_changed(),
        if changes.assignments_changed() == 1 {
            ""
        } else {
            "s"
        },
        changes
            .changes
            .iter()
            .map(|c| c.removed.len())
            .sum::<usize>(),
        changes.changes.iter().map(|c| c.added.len()).sum::<usize>(),
    );
    println!();
    let mut lines: Vec<(chrono::DateTime<chrono::Utc>, bool, String)> = Vec::new();
    for change in &changes.changes {
        let Some(entry) = replan
            .rota
            .entries
            .iter()
            .find(|e| e.session == change.session)
        else {
            continue;
        };
        let off: Vec<String> = change.removed.iter().map(|w| name_of(names, w)).collect();
        let on: Vec<String> = change.added.iter().map(|w| name_of(names, w)).collect();
        let how = match (off.is_empty(), on.is_empty()) {
            (false, false) => format!("{} instead of {}", list_and(&on), list_and(&off)),
            (false, true) => format!("{} taken off, nobody yet", list_and(&off)),
            (true, false) => format!("{} added", list_and(&on)),
            (true, true) => "moved to another time".to_owned(),
        };
        let moved = if change.moved.is_some() && !(off.is_empty() && on.is_empty()) {
            ", at a new time"
        } else {
            ""
        };
        lines.push((
            entry.start,
            entry.date < from,
            format!("{}: {how}{moved}", describe_entry(entry)),
        ));
    }
    lines.sort();
    for (_, _, line) in lines.iter().filter(|(_, past, _)| !past) {
        println!("  {line}");
    }
    let past: Vec<&String> = lines
        .iter()
        .filter(|(_, past, _)| *past)
        .map(|(_, _, line)| line)
        .collect();
    println!();
    if past.is_empty() {
        println!("Nothing before {} changed.", long_date(from));
    } else {
        println!("Changes before {}:", long_date(from));
        for line in past {
            println!("  {line}");
        }
    }
    let still_sick = replan.rota.for_worker(&sick).any(|e| e.date >= from);
    let gaps = replan.rota.unfilled().count();
    println!(
        "{}{}",
        if still_sick {
            format!(
                "{who} is still on the rota while she is ill: this needs a person to sort out. "
            )
        } else {
            format!("{who} has nothing on the rota while she is ill. ")
        },
        if gaps == 0 {
            "Every session still has its workers.".to_owned()
        } else {
            format!("{gaps} session(s) still need a worker.")
        }
    );
    let name = ava.display_name();
    let ava_changes = changes
        .changes
        .iter()
        .filter(|c| !c.added.is_empty())
        .filter(|c| {
            replan
                .rota
                .entries
                .iter()
                .any(|e| e.session == c.session && e.person.as_ref() == Some(&ava.id))
        })
        .count();
    println!(
        "{name} has {ava_changes} of her own session{} with someone new; her photo calendar is \
         updated tonight.",
        if ava_changes == 1 { "" } else { "s" }
    );
    Ok(())
}
