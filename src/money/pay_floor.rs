//! Legal pay floors by age band, dated like rate cards.
//!
//! The National Minimum Wage and National Living Wage are set each April by
//! age band. A [`PayFloorTable`] holds those figures as **data**: a list of
//! dated [`PayFloors`], each with its [`AgeBand`]s. Nothing in a code path
//! names a rate; [`PayFloorTable::england`] is only a provided default that
//! carries the figures for April 2025 and April 2026.
//!
//! [`PayFloorTable::check`] says whether a worker's hourly pay meets the
//! floor for their age on a date, with a typed [`PayFloorError`] naming the
//! worker, the date, the band, the floor and the pay when it does not.
//!
//! What it does not do: it compares the contracted *hourly rate* with the
//! floor. Pay averaged over a pay-reference period (travel time, sleep-in
//! allowances, deductions) is payroll's job. The crate records no
//! apprenticeship, so a first-year apprentice is checked against their age
//! band, which is never below the apprentice rate.
//!
//! ```
//! use chrono::NaiveDate;
//! use perfect_week::money::PayFloorTable;
//! use perfect_week::{Contract, Worker};
//!
//! let contract = Contract::new(2400, "12.50".parse()?);
//! let born = NaiveDate::from_ymd_opt(1990, 1, 1).ok_or("date")?;
//! let sam = Worker::new("sam", "Sam", born, contract);
//! let table = PayFloorTable::england();
//! // £12.50 met the £12.21 floor in March 2026, not the £12.71 one from April.
//! assert!(table.check(&sam, NaiveDate::from_ymd_opt(2026, 3, 31).ok_or("date")?).is_ok());
//! let err = table
//!     .check(&sam, NaiveDate::from_ymd_opt(2026, 4, 1).ok_or("date")?)
//!     .err()
//!     .ok_or("should be below the floor")?;
//! assert_eq!(
//!     err.to_string(),
//!     "worker \"sam\" on 2026-04-01: hourly pay £12.50 is below the £12.71 floor \
//!      for the age band 21 and over"
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{format_pounds, is_whole_pennies};
use crate::error::{ValidationError, ValidationErrors, check_not_negative};
use crate::ids::WorkerId;
use crate::staff::Worker;

/// One age band and its hourly floor: from `min_age` up to the next band's
/// `min_age` (or for life, for the oldest band).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgeBand {
    /// The youngest age in whole years the band covers.
    pub min_age: u32,
    /// The legal minimum hourly pay for the band.
    #[serde(with = "rust_decimal::serde::str")]
    pub hourly: Decimal,
}

/// The floors in force from a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayFloors {
    /// First date in force.
    pub effective_from: NaiveDate,
    /// Last date in force (inclusive); `None` until replaced.
    pub effective_to: Option<NaiveDate>,
    /// The age bands, in any order; ages below the youngest band have no
    /// legal floor (and cannot lawfully be employed as care workers).
    pub bands: Vec<AgeBand>,
}

/// The floors over time; picks the ones in force on a date.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PayFloorTable {
    /// Dated floors, in any order.
    pub floors: Vec<PayFloors>,
}

/// A worker's pay against the floor for their age, or why it could not be
/// compared.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PayFloorError {
    /// The worker's hourly pay is below the floor for their age band.
    #[error(
        "worker \"{worker}\" on {date}: hourly pay {} is below the {} floor for the age band {band}",
        format_pounds(*pay),
        format_pounds(*floor)
    )]
    BelowFloor {
        /// The worker.
        worker: WorkerId,
        /// The date checked.
        date: NaiveDate,
        /// The age band that applies.
        band: BandName,
        /// The floor for that band.
        floor: Decimal,
        /// The worker's hourly pay.
        pay: Decimal,
    },
    /// The worker is younger than every band on the date.
    #[error("worker \"{worker}\" on {date}: aged {age}, below every pay-floor age band")]
    TooYoung {
        /// The worker.
        worker: WorkerId,
        /// The date checked.
        date: NaiveDate,
        /// Their age in whole years.
        age: u32,
    },
    /// No floors are in force on the date.
    #[error("worker \"{worker}\" on {date}: no pay floors are in force")]
    NoFloors {
        /// The worker.
        worker: WorkerId,
        /// The date checked.
        date: NaiveDate,
    },
}

impl From<PayFloorError> for ValidationError {
    /// The pay item of the worker's contract, out of range.
    fn from(error: PayFloorError) -> Self {
        let (worker, expected) = match &error {
            PayFloorError::BelowFloor {
                worker,
                date,
                band,
                floor,
                ..
            } => (
                worker,
                format!(
                    "at least the {} legal floor for the age band {band} on {date}",
                    format_pounds(*floor)
                ),
            ),
            PayFloorError::TooYoung { worker, age, date } => (
                worker,
                format!("a worker in a pay-floor age band (aged {age} on {date})"),
            ),
            PayFloorError::NoFloors { worker, date } => {
                (worker, format!("a pay floor in force on {date}"))
            }
        };
        let value = match &error {
            PayFloorError::BelowFloor { pay, .. } => format_pounds(*pay),
            _ => "unchecked".into(),
        };
        ValidationError::OutOfRange {
            item: format!("worker \"{worker}\" contract hourly pay"),
            value,
            expected,
        }
    }
}

/// An age band in words: `21 and over`, `18 to 20`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BandName {
    /// The youngest age of the band.
    pub from: u32,
    /// The oldest age of the band, if it has one.
    pub to: Option<u32>,
}

impl fmt::Display for BandName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.to {
            Some(to) => write!(f, "{} to {to}", self.from),
            None => write!(f, "{} and over", self.from),
        }
    }
}

impl PayFloors {
    /// Whether these floors are in force on `date`.
    pub fn in_force_on(&self, date: NaiveDate) -> bool {
        self.effective_from <= date && self.effective_to.is_none_or(|to| date <= to)
    }

    /// The band covering `age` and its name, if any.
    pub fn band_for(&self, age: u32) -> Option<(BandName, Decimal)> {
        let band = self
            .bands
            .iter()
            .filter(|b| b.min_age <= age)
            .max_by_key(|b| b.min_age)?;
        let to = self
            .bands
            .iter()
            .map(|b| b.min_age)
            .filter(|&m| m > band.min_age)
            .min()
            .map(|next| next - 1);
        Some((
            BandName {
                from: band.min_age,
                to,
            },
            band.hourly,
        ))
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn bands(adult: i64, young_adult: i64, under_18: i64) -> Vec<AgeBand> {
    [(21, adult), (18, young_adult), (16, under_18)]
        .into_iter()
        .map(|(min_age, pennies)| AgeBand {
            min_age,
            hourly: Decimal::new(pennies, 2),
        })
        .collect()
}

impl PayFloorTable {
    /// England's National Living Wage and National Minimum Wage bands for
    /// April 2025 (21 and over £12.21, 18 to 20 £10.00, 16 and 17 £7.55) and
    /// from April 2026 (£12.71, £10.85, £8.00), each in force from 1 April.
    /// A provided default: replace or extend it as new rates are set.
    pub fn england() -> Self {
        Self {
            floors: vec![
                PayFloors {
                    effective_from: date(2025, 4, 1),
                    effective_to: Some(date(2026, 3, 31)),
                    bands: bands(1221, 1000, 755),
                },
                PayFloors {
                    effective_from: date(2026, 4, 1),
                    effective_to: None,
                    bands: bands(1271, 1085, 800),
                },
            ],
        }
    }

    /// The floors in force on `date` (the latest-starting, if several are).
    pub fn in_force(&self, date: NaiveDate) -> Option<&PayFloors> {
        self.floors
            .iter()
            .filter(|f| f.in_force_on(date))
            .max_by_key(|f| f.effective_from)
    }

    /// Whether `worker`'s contracted hourly pay meets the floor for their age
    /// on `date`.
    ///
    /// # Errors
    /// [`PayFloorError`] when the pay is below the floor, the worker is
    /// younger than every band, or no floors are in force on `date`.
    pub fn check(&self, worker: &Worker, date: NaiveDate) -> Result<(), PayFloorError> {
        let floors = self.in_force(date).ok_or_else(|| PayFloorError::NoFloors {
            worker: worker.id.clone(),
            date,
        })?;
        let age = worker.age_on(date);
        let (band, floor) = floors
            .band_for(age)
            .ok_or_else(|| PayFloorError::TooYoung {
                worker: worker.id.clone(),
                date,
                age,
            })?;
        let pay = worker.contract.hourly_pay;
        if pay < floor {
            return Err(PayFloorError::BelowFloor {
                worker: worker.id.clone(),
                date,
                band,
                floor,
                pay,
            });
        }
        Ok(())
    }

    /// [`PayFloorTable::check`] on every date from `from` to `to` (inclusive)
    /// where the answer can change: the first date, each date new floors come
    /// into force and each birthday of the worker. Returns every failure, one
    /// per such date.
    pub fn check_period(
        &self,
        worker: &Worker,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Vec<PayFloorError> {
        let mut dates = vec![from];
        dates.extend(
            self.floors
                .iter()
                .map(|f| f.effective_from)
                .filter(|d| from < *d && *d <= to),
        );
        dates.extend(
            (from.years_since(worker.date_of_birth).unwrap_or(0)
                ..=to.years_since(worker.date_of_birth).unwrap_or(0) + 1)
                .filter_map(|years| {
                    worker
                        .date_of_birth
                        .checked_add_months(chrono::Months::new(years.saturating_mul(12)))
                })
                .filter(|d| from < *d && *d <= to),
        );
        dates.sort_unstable();
        dates.dedup();
        dates
            .into_iter()
            .filter_map(|d| self.check(worker, d).err())
            .collect()
    }

    /// Checks the table: each band's floor is positive and in whole pennies,
    /// no age appears twice in one set of floors, no set is empty or ends
    /// before it starts, and no two sets are in force on the same day.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = Vec::new();
        for f in &self.floors {
            let me = format!("pay floors from {}", f.effective_from);
            if let Some(to) = f.effective_to
                && to < f.effective_from
            {
                errors.push(ValidationError::EndBeforeStart {
                    item: me.clone(),
                    start: f.effective_from.to_string(),
                    end: to.to_string(),
                });
            }
            if f.bands.is_empty() {
                errors.push(ValidationError::Empty {
                    item: format!("{me} bands"),
                });
            }
            crate::error::check_unique(
                &format!("{me} band ages"),
                f.bands.iter().map(|b| &b.min_age),
                &mut errors,
            );
            for b in &f.bands {
                let item = || format!("{me} band from age {}", b.min_age);
                check_not_negative(item, b.hourly, &mut errors);
                if b.hourly.is_zero() {
                    errors.push(ValidationError::OutOfRange {
                        item: item(),
                        value: format_pounds(b.hourly),
                        expected: "more than £0".into(),
                    });
                }
                if !is_whole_pennies(b.hourly) {
                    errors.push(ValidationError::NotWholeUnits {
                        item: item(),
                        amount: b.hourly,
                        unit: "pennies".into(),
                    });
                }
            }
        }
        super::check_dated_overlaps(
            "pay floors",
            self.floors
                .iter()
                .map(|f| (f.effective_from, f.effective_to)),
            &mut errors,
        );
        ValidationErrors::check(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::tests::d;
    use crate::staff::tests::sample_worker;

    fn worker(born: NaiveDate, pay: &str) -> Worker {
        let mut w = sample_worker();
        w.date_of_birth = born;
        w.contract.hourly_pay = d(pay);
        w
    }

    #[test]
    fn the_provided_table_is_valid_and_dated() {
        let table = PayFloorTable::england();
        assert!(table.validate().is_ok());
        let floors = table.in_force(date(2026, 4, 1)).map(|f| f.band_for(30));
        assert_eq!(
            floors,
            Some(Some((BandName { from: 21, to: None }, d("12.71"))))
        );
        let floors = table.in_force(date(2026, 3, 31)).map(|f| f.band_for(19));
        assert_eq!(
            floors,
            Some(Some((
                BandName {
                    from: 18,
                    to: Some(20)
                },
                d("10.00")
            )))
        );
        assert!(table.in_force(date(2025, 3, 31)).is_none());
    }

    #[test]
    fn worker_below_the_pay_floor_for_their_age_is_named_with_band_floor_and_pay() {
        let table = PayFloorTable::england();
        let on = date(2026, 5, 4);
        // 19 on the date: 18 to 20 band, £10.85.
        let young = worker(date(2007, 1, 1), "10.50");
        assert_eq!(
            table.check(&young, on),
            Err(PayFloorError::BelowFloor {
                worker: "w1".into(),
                date: on,
                band: BandName {
                    from: 18,
                    to: Some(20)
                },
                floor: d("10.85"),
                pay: d("10.50"),
            })
        );
        assert!(table.check(&worker(date(2007, 1, 1), "10.85"), on).is_ok());
        // 17: £8.00 is enough; 15: no band.
        assert!(table.check(&worker(date(2009, 1, 1), "8.00"), on).is_ok());
        assert!(matches!(
            table.check(&worker(date(2011, 1, 1), "20.00"), on),
            Err(PayFloorError::TooYoung { age: 15, .. })
        ));
        let as_validation = ValidationError::from(table.check(&young, on).err().unwrap_or(
            PayFloorError::NoFloors {
                worker: "x".into(),
                date: on,
            },
        ));
        assert!(
            as_validation
                .to_string()
                .contains("worker \"w1\" contract hourly pay")
        );
        assert!(as_validation.to_string().contains("£10.85"));
    }

    #[test]
    fn a_period_is_checked_on_each_date_the_floor_can_change() {
        let table = PayFloorTable::england();
        // Turns 21 on 2026-06-01, paid £11: fine at 20 under 18–20 (£10.85),
        // below the adult floor from the birthday.
        let w = worker(date(2005, 6, 1), "11.00");
        let errors = table.check_period(&w, date(2026, 5, 25), date(2026, 6, 7));
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            matches!(errors[0], PayFloorError::BelowFloor { date: d, .. } if d == date(2026, 6, 1))
        );
        // £12.50 for an adult across 1 April 2026.
        let w = worker(date(1980, 1, 1), "12.50");
        let errors = table.check_period(&w, date(2026, 3, 30), date(2026, 4, 5));
        assert_eq!(errors.len(), 1);
        assert!(
            table
                .check_period(&w, date(2026, 3, 1), date(2026, 3, 31))
                .is_empty()
        );
        assert!(matches!(
            PayFloorTable::default().check(&w, date(2026, 3, 1)),
            Err(PayFloorError::NoFloors { .. })
        ));
    }

    #[test]
    fn a_table_with_a_zero_or_sub_penny_floor_fails_validation() {
        let mut table = PayFloorTable::england();
        table.floors[1].bands[0].hourly = d("0");
        table.floors[1].bands[1].hourly = d("10.855");
        table.floors[0].effective_to = Some(date(2026, 4, 1));
        let errors = table.validate().err().map(|e| e.errors().len());
        assert_eq!(errors, Some(3));
    }
}
