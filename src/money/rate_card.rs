//! Dated rate cards: what an hour of support costs, with enhancements.

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Offset, TimeDelta, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{is_whole_pennies, round_pennies};
use crate::error::{ValidationError, ValidationErrors, check_not_negative, check_unique};
use crate::time::TimeRange;

/// What is being charged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChargeKind {
    /// Ordinary support, by the minute with enhancements.
    Support,
    /// A waking night, by the minute at the waking-night rate.
    WakingNight,
    /// A sleep-in, at the flat rate per session.
    SleepIn,
}

/// A kind of day that can carry an enhancement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DayKind {
    /// Saturday or Sunday (local date).
    Weekend,
    /// A date in the card's `bank_holidays` list (local date).
    BankHoliday,
}

/// When an enhancement applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum When {
    /// Every day between two local times; `to` at or before `from` passes
    /// midnight (22:00–07:00 covers 22:00 to 06:59:59 the next morning).
    Band {
        /// Local start time (inclusive).
        from: NaiveTime,
        /// Local end time (exclusive).
        to: NaiveTime,
    },
    /// All day on a kind of day.
    DayKind(DayKind),
}

/// A multiplier on the base hourly rate when a condition holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enhancement {
    /// When it applies.
    pub applies: When,
    /// The multiplier (1.5 for time and a half).
    #[serde(with = "rust_decimal::serde::str")]
    pub multiplier: Decimal,
}

impl Enhancement {
    /// `multiplier` times the base rate when `applies` holds.
    pub fn new(applies: When, multiplier: Decimal) -> Self {
        Self {
            applies,
            multiplier,
        }
    }
}

/// A rate card in force from a date: [`RateCard::flat`], then the `with_*`
/// methods for the rest.
///
/// ```
/// use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
/// use chrono_tz::Europe::London;
/// use perfect_week::money::{ChargeKind, Enhancement, RateCard, When};
/// use perfect_week::time::TimeRange;
///
/// let from = NaiveDate::from_ymd_opt(2026, 4, 6).ok_or("date")?;
/// let evenings = When::Band {
///     from: NaiveTime::from_hms_opt(20, 0, 0).ok_or("time")?,
///     to: NaiveTime::from_hms_opt(7, 0, 0).ok_or("time")?,
/// };
/// let card = RateCard::flat(from, "24.00".parse()?)
///     .with_waking_night_hourly("21.72".parse()?)
///     .with_sleep_in_flat("90.00".parse()?)
///     .with_enhancement(Enhancement::new(evenings, "1.5".parse()?));
/// card.validate()?;
/// // Tuesday 19:00 to 21:00 BST: one hour at £24 and one at £36.
/// let range = TimeRange::new(
///     Utc.with_ymd_and_hms(2026, 5, 5, 18, 0, 0).single().ok_or("time")?,
///     Utc.with_ymd_and_hms(2026, 5, 5, 20, 0, 0).single().ok_or("time")?,
/// )?;
/// assert_eq!(card.charge(London, &range, ChargeKind::Support), Some("60.00".parse()?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateCard {
    /// First date the card is in force.
    pub effective_from: NaiveDate,
    /// Last date the card is in force (inclusive); `None` until replaced.
    pub effective_to: Option<NaiveDate>,
    /// Base hourly rate for support.
    #[serde(with = "rust_decimal::serde::str")]
    pub base_hourly: Decimal,
    /// Hourly rate for a waking night.
    #[serde(with = "rust_decimal::serde::str")]
    pub waking_night_hourly: Decimal,
    /// Flat rate for a sleep-in session.
    #[serde(with = "rust_decimal::serde::str")]
    pub sleep_in_flat: Decimal,
    /// Enhancements of the base rate (the highest applying multiplier wins).
    pub enhancements: Vec<Enhancement>,
    /// Bank-holiday dates this card recognises.
    pub bank_holidays: Vec<NaiveDate>,
}

impl When {
    fn applies_at(&self, date: NaiveDate, time: NaiveTime, bank_holidays: &[NaiveDate]) -> bool {
        match self {
            When::Band { from, to } if from < to => *from <= time && time < *to,
            When::Band { from, to } => *from <= time || time < *to,
            When::DayKind(DayKind::Weekend) => {
                matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
            }
            When::DayKind(DayKind::BankHoliday) => bank_holidays.contains(&date),
        }
    }
}

impl RateCard {
    /// A card in force from `effective_from` charging `base_hourly` for
    /// every hour, waking nights included, with no enhancements, no
    /// sleep-in rate and no bank holidays; the `with_*` methods add those.
    pub fn flat(effective_from: NaiveDate, base_hourly: Decimal) -> Self {
        Self {
            effective_from,
            effective_to: None,
            base_hourly,
            waking_night_hourly: base_hourly,
            sleep_in_flat: Decimal::ZERO,
            enhancements: Vec::new(),
            bank_holidays: Vec::new(),
        }
    }

    /// The same card in force until `effective_to` (inclusive).
    pub fn with_effective_to(mut self, effective_to: NaiveDate) -> Self {
        self.effective_to = Some(effective_to);
        self
    }

    /// The same card with `hourly` for a waking night.
    pub fn with_waking_night_hourly(mut self, hourly: Decimal) -> Self {
        self.waking_night_hourly = hourly;
        self
    }

    /// The same card with `flat` for each sleep-in.
    pub fn with_sleep_in_flat(mut self, flat: Decimal) -> Self {
        self.sleep_in_flat = flat;
        self
    }

    /// The same card with one more enhancement.
    pub fn with_enhancement(mut self, enhancement: Enhancement) -> Self {
        self.enhancements.push(enhancement);
        self
    }

    /// The same card recognising `date` as a bank holiday.
    pub fn with_bank_holiday(mut self, date: NaiveDate) -> Self {
        self.bank_holidays.push(date);
        self
    }

    /// Whether the card is in force on `date`.
    pub fn in_force_on(&self, date: NaiveDate) -> bool {
        self.effective_from <= date && self.effective_to.is_none_or(|to| date <= to)
    }

    /// The multiplier of the base rate at a local date and time: the highest
    /// applying enhancement, or 1.
    pub fn multiplier_at(&self, date: NaiveDate, time: NaiveTime) -> Decimal {
        self.enhancements
            .iter()
            .filter(|e| e.applies.applies_at(date, time, &self.bank_holidays))
            .map(|e| e.multiplier)
            .fold(Decimal::ONE, Decimal::max)
    }

    /// The charge for one session over `range`, with local bands read in
    /// `tz`, rounded once to the penny.
    ///
    /// # How a session is charged
    ///
    /// [`RateCard::charge`] walks the session minute by minute in **real elapsed
    /// time** (UTC), looks at the local time and date of each minute in the
    /// service's zone, and applies:
    ///
    /// * [`ChargeKind::Support`]: `base_hourly` × the multiplier for that minute.
    ///   The multiplier is the **highest** of the enhancements that apply to the
    ///   minute (they do not stack), or 1 when none applies.
    /// * [`ChargeKind::WakingNight`]: `waking_night_hourly` per hour, with no
    ///   enhancements (the waking-night rate already prices the night).
    /// * [`ChargeKind::SleepIn`]: the flat `sleep_in_flat` per session, whatever
    ///   its length.
    ///
    /// A final part-minute is charged by the second. The session's total is
    /// rounded once with [`round_pennies`](super::round_pennies). On a clock
    /// change night a 22:00–08:00 session is charged for the 9 or 11 hours that
    /// really pass.
    ///
    /// Nothing is hard-coded: each card lists its own rates, enhancements and
    /// bank holidays.
    ///
    /// Never panics: `None` when the charge is too large to count in
    /// [`Decimal`] (absurd rates, which [`RateCard::validate`] rejects, over
    /// a long session); the caller names the session in its error.
    ///
    /// ```
    /// use perfect_week::money::{ChargeKind, RateCard};
    /// use perfect_week::time::TimeRange;
    /// use perfect_week::chrono::{NaiveDate, TimeZone, Utc};
    /// use perfect_week::chrono_tz::Europe::London;
    ///
    /// let from = NaiveDate::from_ymd_opt(2026, 1, 1).ok_or("date")?;
    /// let start = Utc.with_ymd_and_hms(2026, 5, 5, 10, 0, 0).single().ok_or("time")?;
    /// let end = Utc.with_ymd_and_hms(2026, 5, 5, 11, 30, 0).single().ok_or("time")?;
    /// let range = TimeRange::new(start, end)?;
    /// let card = RateCard::flat(from, "20.00".parse()?);
    /// assert_eq!(card.charge(London, &range, ChargeKind::Support), Some("30.00".parse()?));
    /// let absurd = RateCard::flat(from, perfect_week::rust_decimal::Decimal::MAX);
    /// assert_eq!(absurd.charge(London, &range, ChargeKind::Support), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn charge(&self, tz: Tz, range: &TimeRange, kind: ChargeKind) -> Option<Decimal> {
        let hourly = match kind {
            ChargeKind::SleepIn => return Some(round_pennies(self.sleep_in_flat)),
            ChargeKind::WakingNight => {
                return per_second(self.waking_night_hourly, seconds(range)).map(round_pennies);
            }
            ChargeKind::Support => self.base_hourly,
        };
        per_second(hourly, self.weighted_seconds(tz, range)?).map(round_pennies)
    }

    /// Σ multiplier × seconds over `range`, minute by minute from its start
    /// (each minute at the multiplier of its first instant, the last
    /// part-minute by the second), as [`RateCard::charge`] describes.
    ///
    /// The same sum as pricing each minute on its own, computed faster:
    /// minutes of equal multiplier are added up as whole seconds and
    /// multiplied once, and the local time of a minute is read with the
    /// zone's offset fixed for an hour wherever the offset is the same at
    /// the hour's first and last minute (clock changes in the tz database
    /// are months apart, so none lies between), else minute by minute.
    fn weighted_seconds(&self, tz: Tz, range: &TimeRange) -> Option<Decimal> {
        let (start, end) = (range.start(), range.end());
        let mut weighted = Decimal::ZERO;
        // The run of minutes at one multiplier: (multiplier, seconds).
        let mut run: Option<(Decimal, i64)> = None;
        let flush = |run: (Decimal, i64), weighted: &mut Decimal| -> Option<()> {
            *weighted = weighted.checked_add(run.0.checked_mul(Decimal::from(run.1))?)?;
            Some(())
        };
        let mut cursor: DateTime<Utc> = start;
        while cursor < end {
            // Up to an hour of minutes starting at `cursor`.
            let last = cursor
                .checked_add_signed(TimeDelta::minutes(59))
                .map_or(end, |t| t.min(end));
            let offset = tz.offset_from_utc_datetime(&cursor.naive_utc()).fix();
            let fixed = offset == tz.offset_from_utc_datetime(&last.naive_utc()).fix();
            for _ in 0..60 {
                if cursor >= end {
                    break;
                }
                let next = cursor
                    .checked_add_signed(TimeDelta::minutes(1))
                    .map_or(end, |n| n.min(end));
                let (date, time) = if fixed {
                    let local = cursor.with_timezone(&offset);
                    (local.date_naive(), local.time())
                } else {
                    let local = cursor.with_timezone(&tz);
                    (local.date_naive(), local.time())
                };
                let multiplier = self.multiplier_at(date, time);
                let secs = (next - cursor).num_seconds();
                run = match run {
                    Some((m, n)) if m == multiplier => Some((m, n.checked_add(secs)?)),
                    Some(done) => {
                        flush(done, &mut weighted)?;
                        Some((multiplier, secs))
                    }
                    None => Some((multiplier, secs)),
                };
                cursor = next;
            }
        }
        if let Some(done) = run {
            flush(done, &mut weighted)?;
        }
        Some(weighted)
    }

    /// Checks the card, reporting every problem: negative rates or
    /// multipliers, a base or waking-night rate of £0, a rate that is not a
    /// whole number of pennies (£0.001), rates above £1,000,000 an hour, a band whose start equals
    /// its end, repeated bank holidays, and an end date before the start.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = Vec::new();
        let me = format!("rate card from {}", self.effective_from);
        if let Some(to) = self.effective_to
            && to < self.effective_from
        {
            errors.push(ValidationError::EndBeforeStart {
                item: me.clone(),
                start: self.effective_from.to_string(),
                end: to.to_string(),
            });
        }
        let limit = super::MAX_HOURLY;
        // A sleep-in rate of £0 is allowed: the card prices no sleep-ins.
        for (name, rate) in [
            ("base hourly rate", self.base_hourly),
            ("waking night hourly rate", self.waking_night_hourly),
        ] {
            if rate.is_zero() {
                errors.push(ValidationError::OutOfRange {
                    item: format!("{me} {name}"),
                    value: "£0.00".into(),
                    expected: "more than £0".into(),
                });
            }
        }
        for (name, rate) in [
            ("base hourly rate", self.base_hourly),
            ("waking night hourly rate", self.waking_night_hourly),
            ("sleep-in flat rate", self.sleep_in_flat),
        ] {
            check_not_negative(|| format!("{me} {name}"), rate, &mut errors);
            if !is_whole_pennies(rate) {
                errors.push(ValidationError::NotWholeUnits {
                    item: format!("{me} {name}"),
                    amount: rate,
                    unit: "pennies".into(),
                });
            }
            if rate > limit {
                errors.push(ValidationError::ExceedsLimit {
                    item: format!("{me} {name}"),
                    value: rate.to_string(),
                    limit: limit.to_string(),
                });
            }
        }
        for (i, e) in self.enhancements.iter().enumerate() {
            let item = || format!("{me} enhancement {}", i + 1);
            check_not_negative(
                || format!("{} multiplier", item()),
                e.multiplier,
                &mut errors,
            );
            if e.multiplier > Decimal::from(100) {
                errors.push(ValidationError::ExceedsLimit {
                    item: format!("{} multiplier", item()),
                    value: e.multiplier.to_string(),
                    limit: "100".into(),
                });
            }
            if let When::Band { from, to } = e.applies
                && from == to
            {
                errors.push(ValidationError::EndBeforeStart {
                    item: item(),
                    start: from.to_string(),
                    end: to.to_string(),
                });
            }
        }
        check_unique(
            &format!("{me} bank holidays"),
            self.bank_holidays.iter(),
            &mut errors,
        );
        ValidationErrors::check(errors)
    }
}

fn seconds(range: &TimeRange) -> Decimal {
    Decimal::from(range.duration().num_seconds())
}

/// `hourly` × `seconds` / 3600; `None` when the product overflows.
fn per_second(hourly: Decimal, seconds: Decimal) -> Option<Decimal> {
    Some(hourly.checked_mul(seconds)? / Decimal::from(3600))
}

/// Rate cards over time; picks the one in force on a date.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RateCardSet {
    /// The cards, in any order.
    pub cards: Vec<RateCard>,
}

impl RateCardSet {
    /// A set of `cards` (in any order). An empty set prices nothing: it is
    /// allowed wherever no session needs a card (a fund in hours, a core
    /// plan whose shifts are all on call), and validation names every
    /// dated session that would need one and finds none.
    ///
    /// ```
    /// use perfect_week::chrono::NaiveDate;
    /// use perfect_week::{RateCard, RateCardSet};
    ///
    /// let april = NaiveDate::from_ymd_opt(2026, 4, 1).ok_or("date")?;
    /// let cards = RateCardSet::new(vec![RateCard::flat(april, "24.50".parse()?)]);
    /// assert!(cards.in_force(april).is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(cards: Vec<RateCard>) -> Self {
        Self { cards }
    }

    /// The same set with one more card.
    pub fn with_card(mut self, card: RateCard) -> Self {
        self.cards.push(card);
        self
    }

    /// The card in force on `date` (the latest-starting one if, against
    /// [`RateCardSet::validate`], several are).
    pub fn in_force(&self, date: NaiveDate) -> Option<&RateCard> {
        self.cards
            .iter()
            .filter(|c| c.in_force_on(date))
            .max_by_key(|c| c.effective_from)
    }

    /// Checks every card, and that no two cards are in force on the same day.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = Vec::new();
        for card in &self.cards {
            if let Err(e) = card.validate() {
                errors.extend(e.into_errors());
            }
        }
        super::check_dated_overlaps(
            "rate card",
            self.cards
                .iter()
                .map(|c| (c.effective_from, c.effective_to)),
            &mut errors,
        );
        ValidationErrors::check(errors)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::money::tests::d;
    use chrono::TimeZone;
    use chrono_tz::Europe::London;

    pub(crate) fn hm(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    pub(crate) fn sample_card() -> RateCard {
        RateCard {
            effective_from: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            effective_to: None,
            base_hourly: d("20.00"),
            waking_night_hourly: d("18.00"),
            sleep_in_flat: d("95.50"),
            enhancements: vec![
                Enhancement {
                    applies: When::Band {
                        from: hm(22, 0),
                        to: hm(7, 0),
                    },
                    multiplier: d("1.5"),
                },
                Enhancement {
                    applies: When::DayKind(DayKind::Weekend),
                    multiplier: d("1.25"),
                },
                Enhancement {
                    applies: When::DayKind(DayKind::BankHoliday),
                    multiplier: d("2"),
                },
            ],
            bank_holidays: vec![NaiveDate::from_ymd_opt(2026, 5, 4).unwrap()],
        }
    }

    fn local(y: i32, m: u32, dd: u32, h: u32, min: u32) -> DateTime<Utc> {
        London
            .with_ymd_and_hms(y, m, dd, h, min, 0)
            .earliest()
            .unwrap()
            .with_timezone(&Utc)
    }

    fn range(a: DateTime<Utc>, b: DateTime<Utc>) -> TimeRange {
        TimeRange::new(a, b).unwrap()
    }

    /// Σ multiplier × seconds priced minute by minute, each minute's local
    /// time read in the zone on its own: what `weighted_seconds` must equal.
    fn minute_by_minute(card: &RateCard, tz: Tz, r: &TimeRange) -> Option<Decimal> {
        let mut weighted = Decimal::ZERO;
        let mut cursor = r.start();
        while cursor < r.end() {
            let next = (cursor + TimeDelta::minutes(1)).min(r.end());
            let local = cursor.with_timezone(&tz);
            let multiplier = card.multiplier_at(local.date_naive(), local.time());
            let secs = Decimal::from((next - cursor).num_seconds());
            weighted = weighted.checked_add(multiplier.checked_mul(secs)?)?;
            cursor = next;
        }
        Some(weighted)
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(300))]
        /// Runs of minutes and an hour's fixed offset give the same sum as
        /// pricing every minute on its own, across clock changes (London's,
        /// New York's, and Lord Howe Island's half-hour one), bands with
        /// seconds, weekends and a bank holiday, from starts off the minute.
        #[test]
        fn runs_of_minutes_price_as_each_minute_alone(
            zone in 0usize..3,
            near_change in proptest::bool::ANY,
            offset_secs in 0i64..(3 * 86_400),
            length_secs in 0i64..(2 * 86_400),
            band in (0u32..86_400, 0u32..86_400),
        ) {
            let tz = [London, chrono_tz::America::New_York, chrono_tz::Australia::Lord_Howe][zone];
            // Two hours before a clock change in each zone, or a plain week.
            let base = match (near_change, zone) {
                (true, 0) => Utc.with_ymd_and_hms(2026, 10, 24, 23, 0, 0),
                (true, 1) => Utc.with_ymd_and_hms(2026, 3, 8, 5, 0, 0),
                (true, _) => Utc.with_ymd_and_hms(2026, 4, 4, 13, 0, 0),
                (false, _) => Utc.with_ymd_and_hms(2026, 5, 1, 0, 0, 0),
            }
            .single()
            .unwrap_or_default();
            let start = base + TimeDelta::seconds(offset_secs % 14_400 + if near_change { 0 } else { offset_secs });
            let r = range(start, start + TimeDelta::seconds(length_secs));
            let mut card = sample_card();
            card.enhancements[0].applies = When::Band {
                from: NaiveTime::from_num_seconds_from_midnight_opt(band.0, 0).unwrap_or(NaiveTime::MIN),
                to: NaiveTime::from_num_seconds_from_midnight_opt(band.1, 0).unwrap_or(NaiveTime::MIN),
            };
            proptest::prop_assert_eq!(card.weighted_seconds(tz, &r), minute_by_minute(&card, tz, &r));
        }
    }

    #[test]
    fn crosses_a_band_boundary() {
        // Tuesday 21:00–23:30: 1 h at 20 + 1.5 h at 30 = 65.
        let r = range(local(2026, 5, 5, 21, 0), local(2026, 5, 5, 23, 30));
        assert_eq!(
            sample_card().charge(London, &r, ChargeKind::Support),
            Some(d("65.00"))
        );
    }

    #[test]
    fn highest_multiplier_wins() {
        // Saturday 23:00–00:00: band 1.5 beats weekend 1.25 → 30.
        let r = range(local(2026, 5, 9, 23, 0), local(2026, 5, 10, 0, 0));
        assert_eq!(
            sample_card().charge(London, &r, ChargeKind::Support),
            Some(d("30.00"))
        );
        // Bank holiday Monday 10:00–11:00: 2 → 40.
        let r = range(local(2026, 5, 4, 10, 0), local(2026, 5, 4, 11, 0));
        assert_eq!(
            sample_card().charge(London, &r, ChargeKind::Support),
            Some(d("40.00"))
        );
    }

    #[test]
    fn clock_change_nights_charge_real_time() {
        // Spring: Sat 28 Mar 22:00 → Sun 08:00 local is 9 real hours.
        let r = range(local(2026, 3, 28, 22, 0), local(2026, 3, 29, 8, 0));
        assert_eq!(r.minutes(), 540);
        let card = sample_card();
        assert_eq!(
            card.charge(London, &r, ChargeKind::WakingNight),
            Some(d("162.00"))
        );
        // Support: 22:00–07:00 local is 8 real hours at 1.5 (×20 = 240),
        // 07:00–08:00 Sunday at weekend 1.25 (25) → 265.
        assert_eq!(
            card.charge(London, &r, ChargeKind::Support),
            Some(d("265.00"))
        );
        // Autumn: Sat 24 Oct 22:00 → Sun 08:00 is 11 real hours.
        let r = range(local(2026, 10, 24, 22, 0), local(2026, 10, 25, 8, 0));
        assert_eq!(
            card.charge(London, &r, ChargeKind::WakingNight),
            Some(d("198.00"))
        );
        assert_eq!(
            card.charge(London, &r, ChargeKind::SleepIn),
            Some(d("95.50"))
        );
    }

    #[test]
    fn rounds_once_per_session() {
        let mut card = sample_card();
        card.base_hourly = d("10.01");
        card.enhancements.clear();
        // 20 minutes at 10.01/h = 3.33666… → 3.34
        let r = range(local(2026, 5, 5, 10, 0), local(2026, 5, 5, 10, 20));
        assert_eq!(
            card.charge(London, &r, ChargeKind::Support),
            Some(d("3.34"))
        );
    }

    #[test]
    fn picks_card_in_force_and_validates() {
        let mut old = sample_card();
        old.effective_from = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        old.effective_to = Some(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap());
        old.base_hourly = d("19");
        let set = RateCardSet {
            cards: vec![sample_card(), old],
        };
        assert!(set.validate().is_ok());
        assert_eq!(
            set.in_force(NaiveDate::from_ymd_opt(2025, 6, 1).unwrap())
                .unwrap()
                .base_hourly,
            d("19")
        );
        assert_eq!(
            set.in_force(NaiveDate::from_ymd_opt(2027, 6, 1).unwrap())
                .unwrap()
                .base_hourly,
            d("20.00")
        );
        assert!(
            set.in_force(NaiveDate::from_ymd_opt(2024, 6, 1).unwrap())
                .is_none()
        );

        let mut bad = sample_card();
        bad.base_hourly = d("-1");
        bad.enhancements[0].applies = When::Band {
            from: hm(1, 0),
            to: hm(1, 0),
        };
        let set = RateCardSet {
            cards: vec![bad, sample_card()],
        };
        assert_eq!(set.validate().unwrap_err().errors().len(), 3);
    }

    #[test]
    fn rate_card_of_zero_or_sub_penny_rate_fails_validation() {
        let mut card = sample_card();
        card.base_hourly = d("0");
        let errors = card.validate().unwrap_err();
        assert_eq!(errors.errors().len(), 1, "{errors}");
        assert!(errors.to_string().contains("base hourly rate"), "{errors}");
        let mut card = sample_card();
        card.waking_night_hourly = d("0.001");
        let errors = card.validate().unwrap_err();
        assert_eq!(
            errors.errors(),
            [ValidationError::NotWholeUnits {
                item: "rate card from 2026-01-01 waking night hourly rate".into(),
                amount: d("0.001"),
                unit: "pennies".into(),
            }]
        );
        // A card without sleep-ins prices them at £0: allowed.
        let mut card = sample_card();
        card.sleep_in_flat = d("0");
        assert!(card.validate().is_ok());
        assert!(
            RateCard::flat(card.effective_from, d("0.50"))
                .validate()
                .is_ok()
        );
    }
}
