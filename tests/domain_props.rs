//! Property tests for the domain: the ledger's invariants, statements that
//! join up, exact splits, and the local-time rule.

use chrono::{
    Days, LocalResult, NaiveDate, NaiveDateTime, Offset, TimeDelta, TimeZone, Timelike, Utc,
};
use chrono_tz::Europe::London;
use perfect_week::ids::{EntryId, PersonId};
use perfect_week::money::{
    EntryKind, FeeRule, IsfAgreement, Ledger, LedgerEntry, Statement, SurplusRule,
};
use perfect_week::service::{FlexiRule, Service, Weight, apportion};
use perfect_week::time::resolve_local;
use proptest::prelude::*;
use rust_decimal::Decimal;

const PURPOSES: [&str; 3] = ["holiday", "gym", "laptop"];

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 4, 6).expect("valid date")
}

/// (kind, purpose, pennies, day, id) → an entry that may or may not be valid.
fn make_entry((kind, purpose, pennies, day, id): (u8, usize, i64, u64, u8)) -> LedgerEntry {
    let purpose = PURPOSES[purpose % PURPOSES.len()].to_owned();
    let kind = match kind % 8 {
        0 | 1 => EntryKind::Credit,
        2 => EntryKind::DeliveredSupport {
            minutes: u32::try_from(pennies.unsigned_abs() % 600).unwrap_or(0),
            session: None,
        },
        3 => EntryKind::Purchase {
            description: "thing".into(),
        },
        4 => EntryKind::ManagementFee,
        5 => EntryKind::BankDeposit { purpose },
        6 => EntryKind::BankWithdrawal { purpose },
        _ => EntryKind::Expiry,
    };
    LedgerEntry {
        id: EntryId::new(format!("e{id}")),
        date: start() + Days::new(day),
        kind,
        amount: Decimal::new(pennies, 2),
        outcomes: vec![],
    }
}

fn entries() -> impl Strategy<Value = Vec<LedgerEntry>> {
    let one = (
        any::<u8>(),
        0usize..3,
        -2_000i64..60_000,
        0u64..120,
        any::<u8>(),
    )
        .prop_map(make_entry);
    prop::collection::vec(one, 0..60).prop_map(|mut list| {
        // Mostly in date order, with a few stragglers left out of order.
        let len = list.len();
        list[..len * 3 / 4].sort_by_key(|e| e.date);
        list
    })
}

fn agreement() -> IsfAgreement {
    IsfAgreement {
        person: PersonId::new("p1"),
        provider: "Brightside".into(),
        start: start(),
        review_due: start() + Days::new(365),
        weekly_amount: Decimal::new(25_000, 2),
        client_contribution: Decimal::ZERO,
        management_fee: FeeRule::FixedWeekly(Decimal::new(1_000, 2)),
        payment_in_advance_weeks: 2,
        surplus: SurplusRule {
            max_multiple_of_weekly: Decimal::from(4),
            max_age_weeks: 4,
            earmarked_exempt: false,
        },
    }
}

fn signed(entry: &LedgerEntry) -> Decimal {
    match entry.kind {
        EntryKind::Credit | EntryKind::BankWithdrawal { .. } => entry.amount,
        _ => -entry.amount,
    }
}

/// The generated lists are worth the ledger's properties below (which hold
/// trivially of a ledger that refuses everything): over a fixed run of
/// them the ledger keeps many entries and refuses many, and keeps entries
/// of every kind.
#[test]
fn generated_entries_are_kept_and_refused_alike() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let (mut kept, mut refused) = (0, 0);
    let mut kinds = std::collections::HashSet::new();
    for _ in 0..64 {
        let list = entries().new_tree(&mut runner).expect("a list").current();
        let mut ledger = Ledger::new();
        for entry in list {
            let kind = std::mem::discriminant(&entry.kind);
            if ledger.push(entry).is_ok() {
                kept += 1;
                kinds.insert(kind);
            } else {
                refused += 1;
            }
        }
    }
    assert!(
        kept >= 500 && refused >= 500 && kinds.len() == 7,
        "{kept} kept, {refused} refused, {} kinds kept of 7",
        kinds.len()
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn ledger_invariants_hold_for_any_pushes(list in entries()) {
        let mut ledger = Ledger::new();
        for entry in list {
            let before = ledger.clone();
            if ledger.push(entry).is_err() {
                prop_assert_eq!(&ledger, &before);
            }
            prop_assert!(ledger.available() >= Decimal::ZERO);
            for saved in ledger.banked_by_purpose() {
                prop_assert!(saved.amount > Decimal::ZERO);
            }
        }
        let net: Decimal = ledger.entries().iter().map(signed).sum();
        prop_assert_eq!(net, ledger.available());
        let deposits: Decimal = ledger.entries().iter().filter_map(|e| match e.kind {
            EntryKind::BankDeposit { .. } => Some(e.amount),
            EntryKind::BankWithdrawal { .. } => Some(-e.amount),
            _ => None,
        }).sum();
        let banked: Decimal = ledger.banked_by_purpose().iter().map(|p| p.amount).sum();
        prop_assert_eq!(deposits, banked);
        prop_assert_eq!(ledger.held(), ledger.available() + banked);

        let json = serde_json::to_string(&ledger).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back: Ledger = serde_json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back, ledger);
    }

    #[test]
    fn statements_join_up_and_add_up(list in entries(), split in 0u64..130, end in 0u64..10) {
        let mut ledger = Ledger::new();
        for entry in list {
            let _ = ledger.push(entry);
        }
        let a_from = start();
        let a_to = start() + Days::new(split);
        let b_from = a_to + Days::new(1);
        let b_to = b_from + Days::new(split + end);
        let agreement = agreement();
        let a = Statement::new(&ledger, &agreement, a_from, a_to).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let b = Statement::new(&ledger, &agreement, b_from, b_to).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(a.closing_available, b.opening_available);
        prop_assert_eq!(&a.closing_banked, &b.opening_banked);
        for s in [&a, &b] {
            prop_assert_eq!(
                s.opening_available + s.credits + s.total_taken_from_savings() - s.spent() - s.total_saved(),
                s.closing_available
            );
            if let Some(flag) = &s.surplus {
                prop_assert!(flag.suggested_return <= s.closing_available);
                prop_assert!(flag.suggested_return >= Decimal::ZERO);
            }
        }
    }

    #[test]
    fn equal_split_sums_to_the_penny(n in 1usize..=50, pennies in 0i64..10_000_000_000) {
        let total = Decimal::new(pennies, 2);
        let shares = apportion(total, &vec![Decimal::ONE; n]).ok_or_else(|| TestCaseError::fail("apportion"))?;
        prop_assert_eq!(shares.len(), n);
        prop_assert_eq!(shares.iter().copied().sum::<Decimal>(), total);
        let most = shares.iter().copied().max().unwrap_or_default();
        let least = shares.iter().copied().min().unwrap_or_default();
        prop_assert!(most - least <= Decimal::new(1, 2));
        // Leftover pennies go to the first residents listed.
        prop_assert!(shares.windows(2).all(|w| w[0] >= w[1]));
    }

    #[test]
    fn service_shares_sum_to_the_whole(
        weights in prop::collection::vec(0u32..1000, 1..=50),
        pool_hundredths in 0i64..2_000_000,
        cost_pennies in 0i64..100_000_000,
    ) {
        let residents: Vec<PersonId> = (0..weights.len()).map(|i| PersonId::new(format!("p{i}"))).collect();
        let mut weights = weights;
        if weights.iter().all(|w| *w == 0) {
            weights[0] = 1;
        }
        let service = Service::new("s", "Elm Court")
            .with_residents(50, residents.clone())
            .with_flexi(
                Decimal::new(pool_hundredths, 2),
                FlexiRule::NeedsWeighted(
                    residents.iter().zip(&weights).map(|(p, w)| Weight { person: p.clone(), weight: Decimal::new(i64::from(*w), 1) }).collect(),
                ),
            );
        let flexi = service.flexi_split().map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(flexi.shares.iter().map(|s| s.amount).sum::<Decimal>(), service.flexi_pool_hours_per_week);
        prop_assert_eq!(flexi.unallocated, Decimal::ZERO);
        let cost = Decimal::new(cost_pennies, 2);
        let core = service.core_split(cost).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(core.iter().map(|s| s.amount).sum::<Decimal>(), cost);
        let mut equal = service;
        equal.flexi_rule = FlexiRule::Equal;
        let flexi = equal.flexi_split().map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(flexi.shares.iter().map(|s| s.amount).sum::<Decimal>(), equal.flexi_pool_hours_per_week);
    }

    #[test]
    fn resolve_local_keeps_existing_times_and_moves_gap_times_forward(minutes in 0i64..SPAN_MINUTES) {
        let local = NaiveDateTime::from(start()) + TimeDelta::minutes(minutes);
        resolved_by_the_rule(local)?;
    }
}

/// Two years of minutes from `start()`.
const SPAN_MINUTES: i64 = 2 * 366 * 24 * 60;

/// `resolve_local` keeps a time that exists, moves one in a gap forward by
/// the gap, and takes the earlier of two instants in an overlap; returns
/// whether the time moved.
fn resolved_by_the_rule(local: NaiveDateTime) -> Result<bool, TestCaseError> {
    let resolved = resolve_local(London, local);
    let shown = resolved.naive_local();
    prop_assert!(shown >= local);
    prop_assert!(shown - local <= TimeDelta::hours(1));
    if shown != local {
        // Only times in a gap move, and they move by the gap (one hour).
        prop_assert_eq!(shown - local, TimeDelta::hours(1));
        prop_assert_eq!(local.hour(), 1);
    }
    // In an overlap the earlier instant is taken.
    let earlier = resolved.with_timezone(&Utc) - TimeDelta::hours(1);
    if earlier.with_timezone(&London).naive_local() == shown {
        prop_assert!(false, "later of two instants chosen for {}", local);
    }
    Ok(shown != local)
}

/// Random minutes of two years almost never fall in the two hours a year
/// when the clocks change, so the property above rarely sees a gap or an
/// overlap: every minute of the small hours of each change night is
/// checked here, and the gaps and overlaps counted.
#[test]
fn every_minute_of_the_clock_change_nights_follows_the_rule() {
    let mut nights = 0;
    let (mut moved, mut overlapping) = (0, 0);
    for day in 0..SPAN_MINUTES / (24 * 60) {
        let midnight = NaiveDateTime::from(start() + Days::new(day as u64));
        let offset = |t: NaiveDateTime| resolve_local(London, t).offset().fix();
        if offset(midnight) == offset(midnight + TimeDelta::hours(4)) {
            continue;
        }
        nights += 1;
        for minute in 0..4 * 60 {
            let local = midnight + TimeDelta::minutes(minute);
            let held = resolved_by_the_rule(local);
            moved += usize::from(held.unwrap_or_else(|e| panic!("{e}")));
            overlapping += usize::from(matches!(
                London.from_local_datetime(&local),
                LocalResult::Ambiguous(..)
            ));
        }
    }
    // Two springs and two autumns, an hour each.
    assert_eq!((nights, moved, overlapping), (4, 120, 120));
}
