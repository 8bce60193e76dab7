//! Core-and-flexi services: shared core staffing and each resident's flexi allocation.
//!
//! A block-funded service (a scheme of flats, a shared house) is split into
//! **core** staffing the whole service needs to run safely, costed from a
//! rate card and shared equally between residents, and a **flexi** pool of
//! hours shared out by a [`FlexiRule`] for each resident to direct.
//!
//! # Exact shares
//!
//! Both splits are exact: money to the penny and hours to the hundredth of an
//! hour (36 seconds). [`apportion`] shares a total by weights using largest
//! remainders: everyone gets the whole hundredths their weight earns, and the
//! hundredths left over go one each to the largest remainders, ties going to
//! the resident listed first in [`Service::residents`]. With equal weights
//! that is simply "the first residents in the list get a penny more". The
//! shares always add back to the total.
//!
//! # Costing the core
//!
//! [`Service::core_weekly_cost`] charges each core shift on each day of the
//! seven days from `week_start` with [`RateCard::charge`], using the card in
//! force on the shift's start date, once per worker. Shift kinds map to
//! charge kinds: `Day` → support, `WakingNight` → waking night, `SleepIn` →
//! sleep-in; `OnCall` costs nothing in the core (a call-out is delivered
//! support and is charged when it happens). A shift whose local window
//! vanishes in a spring-forward gap costs nothing that day.

use chrono::{Datelike, Days, NaiveDate, NaiveTime, Timelike, Weekday};
use chrono_tz::Tz;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{
    ValidationError, ValidationErrors, check_not_blank, check_not_negative, check_unique,
};
use crate::ids::{CoreShiftId, PersonId, ServiceId, SkillId};
use crate::money::{Allocation, ChargeKind, RateCard, RateCardSet, saturating_sum};
use crate::time::local_window;
use crate::week::SessionLimits;

/// A core-and-flexi service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Service {
    /// The service's id.
    pub id: ServiceId,
    /// Its name.
    pub name: String,
    /// Number of units (flats or rooms).
    pub units: u16,
    /// The residents, in the stated order used to place leftover pennies and
    /// hundredths of an hour.
    pub residents: Vec<PersonId>,
    /// The core staffing pattern.
    pub core: Vec<CoreShiftTemplate>,
    /// Flexi hours per week shared between residents (whole hundredths);
    /// none by default.
    #[serde(with = "rust_decimal::serde::str", default)]
    pub flexi_pool_hours_per_week: Decimal,
    /// How the flexi pool is shared; equal shares by default.
    #[serde(default)]
    pub flexi_rule: FlexiRule,
}

/// A weekly core shift.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CoreShiftTemplate {
    /// The shift's id.
    pub id: CoreShiftId,
    /// The role ("night support worker").
    pub role: String,
    /// Days it starts on.
    pub weekdays: Vec<Weekday>,
    /// Local start time.
    pub start: NaiveTime,
    /// Local end time; at or before `start` means the next day.
    pub end: NaiveTime,
    /// How many workers at once.
    pub workers: u8,
    /// What kind of shift.
    pub kind: CoreShiftKind,
    /// Skills each worker needs.
    pub required_skills: Vec<SkillId>,
}

impl CoreShiftTemplate {
    /// A shift of one worker with no required skills, on `weekdays` from
    /// local `start` to local `end` (at or before `start`: the next day).
    pub fn new(
        id: impl Into<CoreShiftId>,
        role: impl Into<String>,
        kind: CoreShiftKind,
        weekdays: Vec<Weekday>,
        start: NaiveTime,
        end: NaiveTime,
    ) -> Self {
        Self {
            id: id.into(),
            role: role.into(),
            weekdays,
            start,
            end,
            workers: 1,
            kind,
            required_skills: Vec::new(),
        }
    }

    /// A shift for one date only ([`CorePlan::with_dated_shift`] gives the
    /// date): [`CoreShiftTemplate::new`] with no weekdays, of one worker
    /// with no required skills.
    ///
    /// [`CorePlan::with_dated_shift`]: crate::plan::CorePlan::with_dated_shift
    pub fn dated(
        id: impl Into<CoreShiftId>,
        role: impl Into<String>,
        kind: CoreShiftKind,
        start: NaiveTime,
        end: NaiveTime,
    ) -> Self {
        Self::new(id, role, kind, Vec::new(), start, end)
    }

    /// The same shift needing `workers` at once.
    pub fn with_workers(mut self, workers: u8) -> Self {
        self.workers = workers;
        self
    }

    /// The same shift with a skill each worker needs.
    pub fn requiring(mut self, skill: impl Into<SkillId>) -> Self {
        self.required_skills.push(skill.into());
        self
    }

    /// Checks what any shift needs, weekly or dated: workers and an end
    /// other than its start.
    pub(crate) fn check_shape(&self, item: &str, errors: &mut Vec<ValidationError>) {
        if self.workers == 0 {
            errors.push(ValidationError::Empty {
                item: format!("{item} workers"),
            });
        }
        if self.start == self.end {
            errors.push(ValidationError::EndBeforeStart {
                item: item.to_owned(),
                start: crate::words::clock(self.start),
                end: crate::words::clock(self.end),
            });
        }
    }
}

impl Service {
    /// A service with no residents, no core shifts and no flexi pool: enough
    /// to plan core shifts once they are added ([`Service::with_core_shift`]).
    pub fn new(id: impl Into<ServiceId>, name: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            units: 0,
            residents: Vec::new(),
            core: Vec::new(),
            flexi_pool_hours_per_week: Decimal::ZERO,
            flexi_rule: FlexiRule::Equal,
        }
    }

    /// The same service with another weekly core shift.
    pub fn with_core_shift(mut self, shift: CoreShiftTemplate) -> Self {
        self.core.push(shift);
        self
    }

    /// The same service with `residents` in `units` flats or rooms.
    pub fn with_residents(mut self, units: u16, residents: Vec<PersonId>) -> Self {
        self.units = units;
        self.residents = residents;
        self
    }

    /// The same service with a flexi pool shared by `rule`.
    pub fn with_flexi(mut self, pool_hours_per_week: Decimal, rule: FlexiRule) -> Self {
        self.flexi_pool_hours_per_week = pool_hours_per_week;
        self.flexi_rule = rule;
        self
    }
}

/// Kinds of core shift.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CoreShiftKind {
    /// Awake daytime support.
    Day,
    /// Awake night support.
    WakingNight,
    /// Asleep on site, available if needed.
    SleepIn,
    /// On call off site.
    OnCall,
}

/// How the flexi pool is shared between residents: [`FlexiRule::Equal`],
/// or [`FlexiRule::needs_weighted`] and [`FlexiRule::assessed`] from each
/// resident's figure.
///
/// ```
/// use perfect_week::FlexiRule;
/// use perfect_week::rust_decimal::Decimal;
///
/// let by_band = FlexiRule::needs_weighted([("ava", Decimal::from(2)), ("ben", Decimal::ONE)]);
/// let assessed = FlexiRule::assessed([("ava", Decimal::from(6)), ("ben", Decimal::from(4))]);
/// assert_ne!(by_band, assessed);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum FlexiRule {
    /// Equal shares.
    #[default]
    Equal,
    /// Shares in proportion to weights (e.g. from assessment bands); every
    /// resident needs one.
    NeedsWeighted(Vec<Weight>),
    /// Each resident's assessed hours; what is left of the pool is
    /// unallocated.
    Assessed(Vec<AssessedHours>),
}

/// A resident's weight for [`FlexiRule::NeedsWeighted`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Weight {
    /// The resident.
    pub person: PersonId,
    /// Their weight (not negative).
    #[serde(with = "rust_decimal::serde::str")]
    pub weight: Decimal,
}

/// A resident's hours for [`FlexiRule::Assessed`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessedHours {
    /// The resident.
    pub person: PersonId,
    /// Their weekly hours (whole hundredths).
    #[serde(with = "rust_decimal::serde::str")]
    pub hours: Decimal,
}

impl FlexiRule {
    /// Shares in proportion to each `(resident, weight)`.
    pub fn needs_weighted<P: Into<PersonId>>(
        weights: impl IntoIterator<Item = (P, Decimal)>,
    ) -> Self {
        Self::NeedsWeighted(
            weights
                .into_iter()
                .map(|(person, weight)| Weight::new(person, weight))
                .collect(),
        )
    }

    /// Each `(resident, weekly hours)` as assessed.
    pub fn assessed<P: Into<PersonId>>(hours: impl IntoIterator<Item = (P, Decimal)>) -> Self {
        Self::Assessed(
            hours
                .into_iter()
                .map(|(person, hours)| AssessedHours::new(person, hours))
                .collect(),
        )
    }
}

impl Weight {
    /// `person`'s weight.
    pub fn new(person: impl Into<PersonId>, weight: Decimal) -> Self {
        Self {
            person: person.into(),
            weight,
        }
    }
}

impl AssessedHours {
    /// `person`'s assessed hours a week.
    pub fn new(person: impl Into<PersonId>, hours: Decimal) -> Self {
        Self {
            person: person.into(),
            hours,
        }
    }
}

/// A resident's share of something.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Share {
    /// The resident.
    pub person: PersonId,
    /// Their share (pounds or hours).
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
}

/// The flexi pool shared out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlexiSplit {
    /// Each resident's weekly hours, in resident order.
    pub shares: Vec<Share>,
    /// Hours of the pool not given to anyone (only under `Assessed`).
    #[serde(with = "rust_decimal::serde::str")]
    pub unallocated: Decimal,
}

/// One costed core shift on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoreCostLine {
    /// The shift.
    pub shift: CoreShiftId,
    /// The local date it starts on.
    pub date: NaiveDate,
    /// The charge for all its workers.
    #[serde(with = "rust_decimal::serde::str")]
    pub charge: Decimal,
}

/// A week's core cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoreCost {
    /// The sum of the lines.
    #[serde(with = "rust_decimal::serde::str")]
    pub total: Decimal,
    /// Each shift on each day.
    pub lines: Vec<CoreCostLine>,
}

/// A resident's weekly allocation from the service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResidentAllocation {
    /// The resident.
    pub person: PersonId,
    /// Their core share (money) and flexi hours.
    pub allocation: Allocation,
}

/// Shares `total` (a non-negative whole number of hundredths) by `weights`
/// exactly, by largest remainders with ties to the earlier weight (see the
/// [module docs](self)).
///
/// Returns `None` if `total` is negative or not whole hundredths, if a weight
/// is negative, if the weights sum to zero, or if the numbers are too large.
///
/// ```
/// use perfect_week::service::apportion;
/// use rust_decimal::Decimal;
///
/// let shares = apportion("100.00".parse()?, &[Decimal::ONE; 3]).ok_or("apportion")?;
/// assert_eq!(shares, ["33.34".parse::<Decimal>()?, "33.33".parse()?, "33.33".parse()?]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn apportion(total: Decimal, weights: &[Decimal]) -> Option<Vec<Decimal>> {
    let units = hundredths(total)?;
    if units < 0 || weights.iter().any(|w| w.is_sign_negative() && !w.is_zero()) {
        return None;
    }
    let scale = weights.iter().map(|w| w.scale()).max().unwrap_or(0);
    let ints = weights
        .iter()
        .map(|w| {
            let factor = 10_i128.checked_pow(scale - w.scale())?;
            w.mantissa().checked_mul(factor)
        })
        .collect::<Option<Vec<i128>>>()?;
    let sum = ints.iter().try_fold(0_i128, |acc, w| acc.checked_add(*w))?;
    if sum == 0 {
        return None;
    }
    let mut shares = Vec::with_capacity(ints.len());
    let mut remainders = Vec::with_capacity(ints.len());
    for (i, w) in ints.iter().enumerate() {
        let product = units.checked_mul(*w)?;
        shares.push(product / sum);
        remainders.push((product % sum, i));
    }
    let given: i128 = shares.iter().sum();
    // Largest remainder first; equal remainders keep list order.
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let leftover = usize::try_from(units - given).ok()?;
    for (_, i) in remainders.into_iter().take(leftover) {
        if let Some(share) = shares.get_mut(i) {
            *share += 1;
        }
    }
    Some(
        shares
            .into_iter()
            .map(|s| Decimal::from_i128_with_scale(s, 2))
            .collect(),
    )
}

/// `amount` in hundredths, if it is a whole number of them and fits.
fn hundredths(amount: Decimal) -> Option<i128> {
    let mut scaled = amount;
    scaled.rescale(2);
    (scaled == amount).then(|| scaled.mantissa())
}

impl CoreShiftTemplate {
    /// How long the shift lasts in minutes of local clock time (an end at or
    /// before the start is the next day, so 20:00–19:00 is 1,380 minutes).
    pub fn minutes(&self) -> u32 {
        let of = |t: NaiveTime| t.num_seconds_from_midnight() / 60;
        let (start, end) = (of(self.start), of(self.end));
        if end > start {
            end - start
        } else {
            end + 1440 - start
        }
    }

    /// Why the shift is too long for its kind under `limits` (or, for a
    /// sleep-in, does not cover the night), in words; `None` if it is fine.
    pub fn length_problem(&self, limits: &SessionLimits) -> Option<String> {
        let minutes = self.minutes();
        match self.kind.charge_kind() {
            Some(kind) => {
                let start = i64::from(self.start.num_seconds_from_midnight() / 60);
                limits.length_problem(kind, minutes, [start])
            }
            None => (minutes > limits.on_call_minutes)
                .then(|| format!("at most {} minutes on call", limits.on_call_minutes)),
        }
    }
}

impl CoreShiftKind {
    /// How a shift of this kind is charged by a rate card (`None` for on-call,
    /// which a rate card does not price).
    pub fn charge_kind(self) -> Option<ChargeKind> {
        match self {
            CoreShiftKind::Day => Some(ChargeKind::Support),
            CoreShiftKind::WakingNight => Some(ChargeKind::WakingNight),
            CoreShiftKind::SleepIn => Some(ChargeKind::SleepIn),
            CoreShiftKind::OnCall => None,
        }
    }
}

impl Service {
    /// The cost of the core pattern over the seven days from `week_start`,
    /// in zone `tz` (see the [module docs](self)).
    pub fn core_weekly_cost(
        &self,
        rates: &RateCardSet,
        tz: Tz,
        week_start: NaiveDate,
    ) -> Result<CoreCost, ValidationErrors> {
        let mut errors = Vec::new();
        let mut lines = Vec::new();
        let days = (0..7).filter_map(|n| week_start.checked_add_days(Days::new(n)));
        for date in days {
            for shift in self
                .core
                .iter()
                .filter(|s| s.weekdays.contains(&date.weekday()))
            {
                let Some(kind) = shift.kind.charge_kind() else {
                    continue;
                };
                let Some(card) = rates.in_force(date) else {
                    errors.push(ValidationError::NoRateCard {
                        item: format!("service \"{}\" core shift \"{}\"", self.id, shift.id),
                        date,
                    });
                    continue;
                };
                let item = || {
                    format!(
                        "service \"{}\" core shift \"{}\" on {date}",
                        self.id, shift.id
                    )
                };
                match shift_charge(card, tz, date, shift, kind) {
                    Some(charge) => lines.push(CoreCostLine {
                        shift: shift.id.clone(),
                        date,
                        charge,
                    }),
                    None => errors.push(too_much(item())),
                }
            }
        }
        let total = lines
            .iter()
            .try_fold(Decimal::ZERO, |total, l| total.checked_add(l.charge));
        if total.is_none() {
            errors.push(too_much(format!(
                "service \"{}\" core cost for the week",
                self.id
            )));
        }
        ValidationErrors::check(errors)?;
        Ok(CoreCost {
            total: total.unwrap_or_default(),
            lines,
        })
    }

    /// Splits a core cost equally between the residents, exact to the
    /// penny, leftover pennies to the first residents listed.
    pub fn core_split(&self, total: Decimal) -> Result<Vec<Share>, ValidationErrors> {
        let weights = vec![Decimal::ONE; self.residents.len()];
        let amounts = apportion(total, &weights).ok_or_else(|| ValidationError::NotWholeUnits {
            item: format!("service \"{}\" core cost to share", self.id),
            amount: total,
            unit: "pennies (not negative) shared between at least one resident".into(),
        })?;
        Ok(self.shares(amounts))
    }

    /// Shares the flexi pool by the service's rule.
    pub fn flexi_split(&self) -> Result<FlexiSplit, ValidationErrors> {
        let mut errors = Vec::new();
        self.check_flexi(&mut errors);
        ValidationErrors::check(errors)?;
        let pool = self.flexi_pool_hours_per_week;
        let item = || format!("service \"{}\" flexi pool", self.id);
        let too_big = || ValidationError::ExceedsLimit {
            item: item(),
            value: pool.to_string(),
            limit: "what can be shared exactly".into(),
        };
        let (hours, unallocated) = match &self.flexi_rule {
            FlexiRule::Equal => {
                let weights = vec![Decimal::ONE; self.residents.len()];
                (
                    apportion(pool, &weights).ok_or_else(too_big)?,
                    Decimal::ZERO,
                )
            }
            FlexiRule::NeedsWeighted(list) => {
                let weights: Vec<Decimal> = self
                    .residents
                    .iter()
                    .map(|p| {
                        list.iter()
                            .find(|w| &w.person == p)
                            .map_or(Decimal::ZERO, |w| w.weight)
                    })
                    .collect();
                (
                    apportion(pool, &weights).ok_or_else(too_big)?,
                    Decimal::ZERO,
                )
            }
            FlexiRule::Assessed(list) => {
                let hours: Vec<Decimal> = self
                    .residents
                    .iter()
                    .map(|p| {
                        list.iter()
                            .find(|a| &a.person == p)
                            .map_or(Decimal::ZERO, |a| a.hours)
                    })
                    .collect();
                let given = saturating_sum(hours.iter().copied());
                (hours, pool.saturating_sub(given))
            }
        };
        Ok(FlexiSplit {
            shares: self.shares(hours),
            unallocated,
        })
    }

    /// Each resident's weekly allocation: their core share as money and
    /// their flexi hours. Validates the service first.
    pub fn allocations(
        &self,
        rates: &RateCardSet,
        tz: Tz,
        week_start: NaiveDate,
    ) -> Result<Vec<ResidentAllocation>, ValidationErrors> {
        self.validate()?;
        let core = self.core_split(self.core_weekly_cost(rates, tz, week_start)?.total)?;
        let flexi = self.flexi_split()?;
        Ok(core
            .into_iter()
            .zip(flexi.shares)
            .map(|(money, hours)| ResidentAllocation {
                person: money.person,
                allocation: Allocation {
                    money_per_week: Some(money.amount),
                    hours_per_week: Some(hours.amount),
                    core_money_per_week: Some(money.amount),
                    flexi_hours_per_week: Some(hours.amount),
                },
            })
            .collect())
    }

    fn shares(&self, amounts: Vec<Decimal>) -> Vec<Share> {
        self.residents
            .iter()
            .zip(amounts)
            .map(|(person, amount)| Share {
                person: person.clone(),
                amount,
            })
            .collect()
    }

    /// Checks the service, reporting every problem: blank name, no
    /// residents, more residents than units, repeated residents or shift ids,
    /// shifts with no days, no workers or no length, and flexi problems (a
    /// negative pool or one not in whole hundredths of an hour; rule entries
    /// for unknown or repeated residents, or missing for a resident; negative
    /// weights or hours; weights summing to zero; assessed hours above the
    /// pool).
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = Vec::new();
        let me = format!("service \"{}\"", self.id);
        check_not_blank(|| format!("{me} name"), &self.name, &mut errors);
        self.check_core(&mut errors);
        if self.residents.is_empty() {
            errors.push(ValidationError::Empty {
                item: format!("{me} residents"),
            });
        }
        if self.residents.len() > usize::from(self.units) {
            errors.push(ValidationError::ExceedsLimit {
                item: format!("{me} residents"),
                value: self.residents.len().to_string(),
                limit: format!("{} units", self.units),
            });
        }
        check_unique(
            &format!("{me} residents"),
            self.residents.iter(),
            &mut errors,
        );
        self.check_flexi(&mut errors);
        ValidationErrors::check(errors)
    }

    /// Checks only what planning its core shifts needs: the core pattern
    /// (ids unique, each shift with weekdays, workers and an end). Residents,
    /// units and the flexi pool are not needed to plan core shifts; they are
    /// for sharing costs ([`Service::validate`] checks everything).
    pub fn validate_core(&self) -> Result<(), ValidationErrors> {
        let mut errors = Vec::new();
        self.check_core(&mut errors);
        ValidationErrors::check(errors)
    }

    fn check_core(&self, errors: &mut Vec<ValidationError>) {
        let me = format!("service \"{}\"", self.id);
        check_unique(
            &format!("{me} core shifts"),
            self.core.iter().map(|s| &s.id),
            errors,
        );
        for s in &self.core {
            let item = format!("{me} core shift \"{}\"", s.id);
            if s.weekdays.is_empty() {
                errors.push(ValidationError::Empty {
                    item: format!("{item} weekdays"),
                });
            } else if let Some(expected) = s.length_problem(&SessionLimits::default()) {
                errors.push(ValidationError::OutOfRange {
                    item: item.clone(),
                    value: format!(
                        "{}–{} ({} minutes)",
                        crate::words::clock(s.start),
                        crate::words::clock(s.end),
                        s.minutes()
                    ),
                    expected,
                });
            }
            s.check_shape(&item, errors);
        }
    }

    fn check_flexi(&self, errors: &mut Vec<ValidationError>) {
        let me = format!("service \"{}\" flexi", self.id);
        let pool = self.flexi_pool_hours_per_week;
        check_not_negative(|| format!("{me} pool"), pool, errors);
        check_hundredths(&format!("{me} pool"), pool, errors);
        let entries: Vec<(&PersonId, Decimal)> = match &self.flexi_rule {
            FlexiRule::Equal => {
                if self.residents.is_empty() {
                    errors.push(ValidationError::Empty {
                        item: format!("{me} residents to share between"),
                    });
                }
                return;
            }
            FlexiRule::NeedsWeighted(list) => list.iter().map(|w| (&w.person, w.weight)).collect(),
            FlexiRule::Assessed(list) => list.iter().map(|a| (&a.person, a.hours)).collect(),
        };
        let item = format!("{me} rule");
        check_unique(&item, entries.iter().map(|(p, _)| *p), errors);
        for (person, value) in &entries {
            let entry = || format!("{item} entry for \"{person}\"");
            if !self.residents.contains(person) {
                errors.push(ValidationError::UnknownId {
                    item: item.clone(),
                    id: person.to_string(),
                });
            }
            check_not_negative(entry, *value, errors);
            if matches!(self.flexi_rule, FlexiRule::Assessed(_)) {
                check_hundredths(&entry(), *value, errors);
            }
        }
        for resident in &self.residents {
            if !entries.iter().any(|(p, _)| *p == resident) {
                errors.push(ValidationError::Missing {
                    item: item.clone(),
                    what: format!("an entry for resident \"{resident}\""),
                });
            }
        }
        let total = saturating_sum(entries.iter().map(|(_, v)| *v));
        match &self.flexi_rule {
            FlexiRule::NeedsWeighted(_) if total <= Decimal::ZERO && !self.residents.is_empty() => {
                errors.push(ValidationError::Missing {
                    item,
                    what: "a weight above zero".into(),
                });
            }
            FlexiRule::Assessed(_) if total > pool => errors.push(ValidationError::ExceedsLimit {
                item: format!("{item} assessed hours"),
                value: total.to_string(),
                limit: pool.to_string(),
            }),
            _ => {}
        }
    }
}

fn check_hundredths(item: &str, amount: Decimal, errors: &mut Vec<ValidationError>) {
    if hundredths(amount).is_none() {
        errors.push(ValidationError::NotWholeUnits {
            item: item.to_owned(),
            amount,
            unit: "hundredths of an hour".into(),
        });
    }
}

/// The charge of one core shift on `date`, all its workers; `None` when it
/// is too large to count.
fn shift_charge(
    card: &RateCard,
    tz: Tz,
    date: NaiveDate,
    shift: &CoreShiftTemplate,
    kind: ChargeKind,
) -> Option<Decimal> {
    match local_window(tz, date, shift.start, shift.end) {
        Some(range) => card
            .charge(tz, &range, kind)?
            .checked_mul(Decimal::from(shift.workers)),
        None => Some(Decimal::ZERO),
    }
}

/// The error for an amount of money too large to count, naming `item`.
fn too_much(item: String) -> ValidationError {
    ValidationError::OutOfRange {
        item,
        value: "a charge".into(),
        expected: format!("at most £{}", Decimal::MAX),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::money::rate_card::tests::{hm, sample_card};
    use crate::money::tests::d;
    use chrono_tz::Europe::London;

    pub(crate) fn sample_service() -> Service {
        Service {
            id: ServiceId::new("s1"),
            name: "Elm Court".into(),
            units: 20,
            residents: vec![
                PersonId::new("p1"),
                PersonId::new("p2"),
                PersonId::new("p3"),
            ],
            core: vec![
                CoreShiftTemplate {
                    id: CoreShiftId::new("day"),
                    role: "Support worker".into(),
                    weekdays: vec![Weekday::Mon, Weekday::Tue],
                    start: hm(9, 0),
                    end: hm(17, 0),
                    workers: 2,
                    kind: CoreShiftKind::Day,
                    required_skills: vec![],
                },
                CoreShiftTemplate {
                    id: CoreShiftId::new("night"),
                    role: "Sleep-in".into(),
                    weekdays: vec![Weekday::Sun],
                    start: hm(22, 0),
                    end: hm(7, 0),
                    workers: 1,
                    kind: CoreShiftKind::SleepIn,
                    required_skills: vec![],
                },
                CoreShiftTemplate {
                    id: CoreShiftId::new("on-call"),
                    role: "Manager".into(),
                    weekdays: vec![Weekday::Sun],
                    start: hm(0, 0),
                    end: hm(0, 0),
                    workers: 1,
                    kind: CoreShiftKind::OnCall,
                    required_skills: vec![],
                },
            ],
            flexi_pool_hours_per_week: d("100"),
            flexi_rule: FlexiRule::Equal,
        }
    }

    #[test]
    fn core_cost_and_split() {
        let mut s = sample_service();
        s.core[2].end = hm(23, 59);
        let rates = RateCardSet {
            cards: vec![sample_card()],
        };
        // Mon 11 May 2026: Mon & Tue 8 h × 2 workers × £20 = 640; Sun sleep-in 95.50.
        let cost = s
            .core_weekly_cost(
                &rates,
                London,
                NaiveDate::from_ymd_opt(2026, 5, 11).unwrap(),
            )
            .unwrap();
        assert_eq!(cost.total, d("735.50"));
        assert_eq!(cost.lines.len(), 3);
        let split = s.core_split(cost.total).unwrap();
        let amounts: Vec<_> = split.iter().map(|s| s.amount).collect();
        assert_eq!(amounts, [d("245.17"), d("245.17"), d("245.16")]);
        let none = RateCardSet::default();
        assert!(
            s.core_weekly_cost(&none, London, NaiveDate::from_ymd_opt(2026, 5, 11).unwrap())
                .is_err()
        );
        let allocations = s
            .allocations(
                &rates,
                London,
                NaiveDate::from_ymd_opt(2026, 5, 11).unwrap(),
            )
            .unwrap();
        assert_eq!(allocations[0].allocation.hours_per_week, Some(d("33.34")));
        assert!(allocations[0].allocation.validate("a").is_ok());
    }

    #[test]
    fn flexi_rules() {
        let mut s = sample_service();
        s.core[2].end = hm(23, 0);
        s.flexi_rule = FlexiRule::NeedsWeighted(vec![
            Weight {
                person: PersonId::new("p1"),
                weight: d("1"),
            },
            Weight {
                person: PersonId::new("p2"),
                weight: d("2"),
            },
            Weight {
                person: PersonId::new("p3"),
                weight: d("0.5"),
            },
        ]);
        let split = s.flexi_split().unwrap();
        let hours: Vec<_> = split.shares.iter().map(|s| s.amount).collect();
        // 100 × (1, 2, 0.5) / 3.5 = 28.571…, 57.142…, 14.285…
        assert_eq!(hours, [d("28.57"), d("57.14"), d("14.29")]);
        s.flexi_rule = FlexiRule::Assessed(vec![
            AssessedHours {
                person: PersonId::new("p1"),
                hours: d("10"),
            },
            AssessedHours {
                person: PersonId::new("p2"),
                hours: d("20.5"),
            },
            AssessedHours {
                person: PersonId::new("p3"),
                hours: d("0"),
            },
        ]);
        let split = s.flexi_split().unwrap();
        assert_eq!(split.unallocated, d("69.5"));
    }

    #[test]
    fn validation_reports_every_problem() {
        let messages = |s: &Service| -> Vec<String> {
            s.validate()
                .err()
                .map(|e| e.errors().iter().map(ToString::to_string).collect())
                .unwrap_or_default()
        };
        // The sample's own problem: its on-call shift starts and ends at
        // 00:00. Clearing the residents adds what that breaks, no more.
        let on_call =
            "service \"s1\" core shift \"on-call\": ends (00:00) at or before its start (00:00)";
        assert_eq!(messages(&sample_service()), vec![on_call]);
        let mut s = sample_service();
        s.residents.clear();
        assert_eq!(
            messages(&s),
            vec![
                on_call,
                "service \"s1\" residents: must not be empty",
                "service \"s1\" flexi residents to share between: must not be empty",
            ]
        );
        let mut s = sample_service();
        s.flexi_rule = FlexiRule::Assessed(vec![
            AssessedHours {
                person: PersonId::new("p1"),
                hours: d("90"),
            },
            AssessedHours {
                person: PersonId::new("p2"),
                hours: d("20"),
            },
            AssessedHours {
                person: PersonId::new("zz"),
                hours: d("1"),
            },
        ]);
        // on-call shift start == end; unknown "zz"; p3 missing; 111 > 100.
        assert_eq!(
            messages(&s),
            vec![
                on_call,
                "service \"s1\" flexi rule: refers to unknown id \"zz\"",
                "service \"s1\" flexi rule: an entry for resident \"p3\" is missing",
                "service \"s1\" flexi rule assessed hours: 111 exceeds the limit of 100",
            ]
        );
    }

    #[test]
    fn core_shift_longer_than_its_kind_allows_fails_validation() {
        // 20:00–19:00 reads as the next day: 23 hours, far over a 12-hour day.
        let mut s = sample_service();
        s.core[2].end = hm(23, 0);
        assert!(s.validate().is_ok());
        s.core[0].start = hm(20, 0);
        s.core[0].end = hm(19, 0);
        assert_eq!(s.core[0].minutes(), 1380);
        let errors = s.validate().unwrap_err();
        assert_eq!(
            errors.errors(),
            [ValidationError::OutOfRange {
                item: "service \"s1\" core shift \"day\"".into(),
                value: "20:00–19:00 (1380 minutes)".into(),
                expected: "at most 720 minutes for a supported session".into(),
            }]
        );
        // A sleep-in 09:00–17:00 is no sleep-in.
        let mut s = sample_service();
        s.core[2].end = hm(23, 0);
        s.core[1].start = hm(9, 0);
        s.core[1].end = hm(17, 0);
        let errors = s.validate().unwrap_err();
        assert!(
            errors
                .to_string()
                .contains("a sleep-in covering 00:00–05:00"),
            "{errors}"
        );
    }
}
