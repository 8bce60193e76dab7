//! The money: the rate cards, Ava's allocation and fund, her ISF
//! agreement with Riverside Support, and the ledger of the weeks before
//! this rota.

use chrono::NaiveDate;
use perfect_week::ids::{EntryId, OutcomeId, PersonId};
use perfect_week::money::{
    Allocation, DayKind, Enhancement, EntryKind, FeeRule, IsfAgreement, Ledger, LedgerEntry,
    RateCard, RateCardSet, SurplusRule, When,
};
use perfect_week::plan::Fund;
use rust_decimal::Decimal;

use super::{AVA, date, hm, pounds};

/// The rate card from 1 March 2026: £24.00 an hour, time and a half from
/// 22:00 to 07:00, a quarter more at weekends, double on bank holidays.
pub fn rate_cards() -> RateCardSet {
    RateCardSet {
        cards: vec![
            RateCard {
                effective_from: date(2025, 4, 1),
                effective_to: Some(date(2026, 2, 28)),
                base_hourly: pounds(2300),
                waking_night_hourly: pounds(1900),
                sleep_in_flat: pounds(9000),
                enhancements: enhancements(),
                bank_holidays: vec![date(2025, 5, 5), date(2025, 12, 25)],
            },
            RateCard {
                effective_from: date(2026, 3, 1),
                effective_to: None,
                base_hourly: pounds(2400),
                waking_night_hourly: pounds(2000),
                sleep_in_flat: pounds(9500),
                enhancements: enhancements(),
                bank_holidays: vec![date(2026, 4, 3), date(2026, 4, 6), date(2026, 5, 4)],
            },
        ],
    }
}

fn enhancements() -> Vec<Enhancement> {
    vec![
        Enhancement {
            applies: When::Band {
                from: hm(22, 0),
                to: hm(7, 0),
            },
            multiplier: Decimal::new(15, 1),
        },
        Enhancement {
            applies: When::DayKind(DayKind::Weekend),
            multiplier: Decimal::new(125, 2),
        },
        Enhancement {
            applies: When::DayKind(DayKind::BankHoliday),
            multiplier: Decimal::new(2, 0),
        },
    ]
}

/// Ava's weekly core share: Riverside Court's core staffing in an ordinary
/// week (£3,840.00, the week from 16 March 2026) shared equally by its 20
/// residents. `tests/plan.rs`
/// checks it against `Service::core_split`.
pub fn core_share_per_week() -> Decimal {
    pounds(19_200)
}

/// Ava's allocation: £1,000.00 a week, of which her core share pays for
/// Riverside Court's shared staffing and the rest is her flexi money.
pub fn allocation() -> Allocation {
    Allocation {
        money_per_week: Some(pounds(100_000)),
        hours_per_week: None,
        core_money_per_week: Some(core_share_per_week()),
        flexi_hours_per_week: None,
    }
}

/// What pays for Ava's flexi support: her allocation, and £50.00 she chose
/// to use from her bank in this rota.
pub fn fund() -> Fund {
    Fund::money(rate_cards(), pounds(0))
        .with_allocation(allocation())
        .with_usable_bank(pounds(5_000))
}

/// Ava's ISF agreement with Riverside Support: £1,070.00 a week less her
/// £30.00 contribution; a £40.00 weekly management fee; of the £1,000.00
/// left, her core share goes to Riverside Court's shared staffing and the
/// rest (£808.00) is hers to spend on flexi support.
pub fn agreement() -> IsfAgreement {
    IsfAgreement {
        person: PersonId::new(AVA),
        provider: "Riverside Support".into(),
        start: date(2025, 10, 6),
        review_due: date(2026, 10, 5),
        weekly_amount: pounds(107_000),
        client_contribution: pounds(3_000),
        management_fee: FeeRule::FixedWeekly(pounds(4_000)),
        payment_in_advance_weeks: 2,
        surplus: SurplusRule {
            max_multiple_of_weekly: Decimal::new(4, 0),
            max_age_weeks: 12,
            earmarked_exempt: true,
        },
    }
}

/// The first day of the ledger shown by the example.
pub fn ledger_start() -> NaiveDate {
    date(2026, 3, 2)
}

/// Three weeks of the flexi part of Ava's ISF before this rota (the core
/// share goes straight to Riverside Court): money paid in, the management
/// fee, support delivered, and money saved for Whitby.
pub fn ledger() -> Result<Ledger, perfect_week::LedgerError> {
    let mut entries = Vec::new();
    let mut push = |date: NaiveDate, kind: EntryKind, pence: i64, outcome: Option<&str>| {
        entries.push(LedgerEntry {
            id: EntryId::new(format!("e{}", entries.len() + 1)),
            date,
            kind,
            amount: pounds(pence),
            outcomes: outcome.map(OutcomeId::new).into_iter().collect(),
        });
    };
    let delivered = |minutes: u32, what: &str| EntryKind::DeliveredSupport {
        minutes,
        session: Some(what.into()),
    };
    for week in 0..3u32 {
        let day = |n: u32| date(2026, 3, 2 + 7 * week + n);
        push(day(0), EntryKind::Credit, 84_800, None);
        push(day(0), EntryKind::ManagementFee, 4_000, None);
        push(day(1), delivered(90, "Swimming"), 3_600, Some("healthy"));
        push(
            day(2),
            delivered(90, "Food shopping"),
            3_600,
            Some("independence"),
        );
        push(day(3), delivered(120, "Football"), 4_800, Some("football"));
        push(day(4), delivered(210, "Cinema"), 9_000, Some("friends"));
        push(
            day(5),
            delivered(720, "Coast, two staff"),
            36_000,
            Some("seaside"),
        );
        push(
            day(6),
            delivered(420, "Mornings, Monday to Sunday"),
            18_000,
            Some("healthy"),
        );
        push(
            day(6),
            EntryKind::BankDeposit {
                purpose: "Whitby holiday".into(),
            },
            2_500,
            Some("seaside"),
        );
    }
    Ledger::from_entries(entries)
}
