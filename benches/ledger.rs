//! Benchmarks for the ISF ledger: pushing entries, and a year's statement.

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use perfect_week::ids::{EntryId, PersonId};
use perfect_week::money::{
    EntryKind, FeeRule, IsfAgreement, Ledger, LedgerEntry, Statement, SurplusRule,
};
use rust_decimal::Decimal;

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 4, 6).unwrap_or_default()
}

/// A year of weekly entries: a credit, three delivered sessions, a fee and,
/// every fourth week, money saved for a holiday.
fn year_of_entries() -> Vec<LedgerEntry> {
    let mut entries = Vec::new();
    for week in 0..52u64 {
        let date = start() + Days::new(week * 7);
        let mut push = |kind: EntryKind, pennies: i64| {
            entries.push(LedgerEntry {
                id: EntryId::new(format!("e{}", entries.len())),
                date,
                kind,
                amount: Decimal::new(pennies, 2),
                outcomes: vec![],
            });
        };
        push(EntryKind::Credit, 30_000);
        for _ in 0..3 {
            push(
                EntryKind::DeliveredSupport {
                    minutes: 150,
                    session: None,
                },
                6_125,
            );
        }
        push(EntryKind::ManagementFee, 2_250);
        if week % 4 == 3 {
            push(
                EntryKind::BankDeposit {
                    purpose: "holiday".into(),
                },
                5_000,
            );
        }
    }
    entries
}

fn agreement() -> IsfAgreement {
    IsfAgreement {
        person: PersonId::new("p1"),
        provider: "Brightside".into(),
        start: start(),
        review_due: start() + Days::new(365),
        weekly_amount: Decimal::new(30_000, 2),
        client_contribution: Decimal::ZERO,
        management_fee: FeeRule::FixedWeekly(Decimal::new(2_250, 2)),
        payment_in_advance_weeks: 2,
        surplus: SurplusRule {
            max_multiple_of_weekly: Decimal::from(4),
            max_age_weeks: 12,
            earmarked_exempt: true,
        },
    }
}

fn benches(c: &mut Criterion) {
    let entries = year_of_entries();
    c.bench_function("push a year of weekly entries", |b| {
        b.iter(|| {
            let ledger = Ledger::from_entries(black_box(entries.clone()));
            black_box(ledger.map(|l| l.available()))
        })
    });
    let Ok(ledger) = Ledger::from_entries(entries) else {
        return;
    };
    let agreement = agreement();
    let end = start() + Days::new(364);
    c.bench_function("statement for a year", |b| {
        b.iter(|| {
            black_box(
                Statement::new(black_box(&ledger), &agreement, start(), end)
                    .map(|s| s.closing_available),
            )
        })
    });
}

criterion_group!(ledger_benches, benches);
criterion_main!(ledger_benches);
