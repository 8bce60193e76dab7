//! Decision making: how to support the person to decide (the profile), and
//! who decides what (the agreement); and, recorded at each review, who
//! made the main decisions in each area of the person's life, from which
//! [`decision_shares`] gives the share of each decider over time.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::error::{ValidationErrors, check_not_blank, check_unique};
use crate::ids::PersonId;

/// The five sections of a decision-making profile.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DecisionProfile {
    /// How I like to get information.
    pub how_i_like_information: Vec<String>,
    /// How to present choices to me.
    pub how_to_present_choices: Vec<String>,
    /// Ways you can help me understand.
    pub ways_to_help_me_understand: Vec<String>,
    /// When is a good time for me to decide.
    pub good_times_to_decide: Vec<String>,
    /// When is a bad time for me to decide.
    pub bad_times_to_decide: Vec<String>,
}

/// A row of the decision-making agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionAgreementRow {
    /// An important decision in my life (e.g. "who supports me").
    pub decision_area: String,
    /// How I must be involved.
    pub involvement: String,
    /// Who makes the final decision.
    pub final_decider: Decider,
}

/// Who makes the final decision in an area.
///
/// `BestInterests` records that the decision goes through the separate
/// Mental Capacity Act best-interests process; this crate does not model it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decider {
    /// The person decides.
    Person,
    /// A named other person decides.
    Named(String),
    /// Several named people decide together.
    Shared(Vec<String>),
    /// A best-interests decision.
    BestInterests,
}

/// Who made the main decisions in an area of a person's life, as the person
/// said at a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum MainDecider {
    /// The person themself.
    Person,
    /// The person and others together.
    Jointly,
    /// Their key worker.
    KeyWorker,
    /// Family or friends.
    Family,
    /// Another professional (a care coordinator, a doctor).
    OtherProfessional,
}

impl MainDecider {
    /// Every decider, in the order shares are reported.
    pub const ALL: [MainDecider; 5] = [
        MainDecider::Person,
        MainDecider::Jointly,
        MainDecider::KeyWorker,
        MainDecider::Family,
        MainDecider::OtherProfessional,
    ];

    /// The decider in words.
    pub fn describe(self) -> &'static str {
        match self {
            MainDecider::Person => "the person",
            MainDecider::Jointly => "jointly",
            MainDecider::KeyWorker => "key worker",
            MainDecider::Family => "family or friends",
            MainDecider::OtherProfessional => "another professional",
        }
    }
}

/// Who the person said made the main decisions in each area, at one review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionRecord {
    /// The person.
    pub person: PersonId,
    /// The date of the review.
    pub date: NaiveDate,
    /// Per area of their life ("where I live", "my money", "my support"),
    /// who made the main decisions.
    pub areas: Vec<(String, MainDecider)>,
}

impl DecisionRecord {
    /// Checks that every area is named, once.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let item = format!("decision record of \"{}\" on {}", self.person, self.date);
        let mut errors = Vec::new();
        for (i, (area, _)) in self.areas.iter().enumerate() {
            check_not_blank(|| format!("{item} area {}", i + 1), area, &mut errors);
        }
        let areas: Vec<String> = self
            .areas
            .iter()
            .map(|(a, _)| a.trim().to_lowercase())
            .collect();
        check_unique(&format!("{item} areas"), &areas, &mut errors);
        ValidationErrors::check(errors)
    }
}

/// The share of decisions each decider made, over every record of one date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionShares {
    /// The review date.
    pub date: NaiveDate,
    /// How many people were reviewed that day.
    pub people: usize,
    /// How many decisions (areas) were recorded in all.
    pub decisions: usize,
    /// Decisions per decider, in the order of [`MainDecider::ALL`]
    /// (deciders with none included, at zero).
    pub counts: Vec<(MainDecider, usize)>,
}

impl DecisionShares {
    /// The percentage of decisions `decider` made, to one decimal place
    /// (half away from zero); zero when nothing was recorded.
    pub fn percent(&self, decider: MainDecider) -> Decimal {
        let count = self
            .counts
            .iter()
            .find(|(d, _)| *d == decider)
            .map_or(0, |(_, n)| *n);
        if self.decisions == 0 {
            return Decimal::ZERO;
        }
        (Decimal::from(count) * Decimal::ONE_HUNDRED / Decimal::from(self.decisions))
            .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
    }
}

/// The share of decisions made by each decider at each review date, in date
/// order: the measure of power shifting to the people a service supports.
///
/// Each area of each record counts as one decision; records of the same
/// date are pooled. Records are validated first, and the first problem
/// found is returned.
///
/// ```
/// use chrono::NaiveDate;
/// use perfect_week::person::{DecisionRecord, MainDecider, decision_shares};
/// use rust_decimal::Decimal;
///
/// let day = |m| NaiveDate::from_ymd_opt(2026, m, 1).ok_or("date");
/// let record = |date, who: MainDecider| DecisionRecord {
///     person: "ava".into(), date, areas: vec![("my support".into(), who)] };
/// let series = decision_shares(&[
///     record(day(1)?, MainDecider::KeyWorker),
///     record(day(9)?, MainDecider::Person),
/// ])?;
/// assert_eq!(series[0].percent(MainDecider::KeyWorker), Decimal::ONE_HUNDRED);
/// assert_eq!(series[1].percent(MainDecider::KeyWorker), Decimal::ZERO);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn decision_shares(
    records: &[DecisionRecord],
) -> Result<Vec<DecisionShares>, ValidationErrors> {
    for record in records {
        record.validate()?;
    }
    let mut by_date: BTreeMap<NaiveDate, Vec<&DecisionRecord>> = BTreeMap::new();
    for record in records {
        by_date.entry(record.date).or_default().push(record);
    }
    Ok(by_date
        .into_iter()
        .map(|(date, records)| {
            let people: BTreeSet<&PersonId> = records.iter().map(|r| &r.person).collect();
            let decided: Vec<MainDecider> = records
                .iter()
                .flat_map(|r| r.areas.iter().map(|(_, who)| *who))
                .collect();
            DecisionShares {
                date,
                people: people.len(),
                decisions: decided.len(),
                counts: MainDecider::ALL
                    .iter()
                    .map(|d| (*d, decided.iter().filter(|x| *x == d).count()))
                    .collect(),
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(month: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, month, 1).unwrap_or(NaiveDate::MIN)
    }

    fn record(person: &str, month: u32, areas: &[(&str, MainDecider)]) -> DecisionRecord {
        DecisionRecord {
            person: PersonId::new(person),
            date: date(month),
            areas: areas.iter().map(|(a, d)| ((*a).to_owned(), *d)).collect(),
        }
    }

    #[test]
    fn shares_pool_records_of_a_date_and_come_in_date_order() -> Result<(), ValidationErrors> {
        use MainDecider::*;
        let series = decision_shares(&[
            record("b", 9, &[("money", Person), ("support", Jointly)]),
            record("a", 1, &[("money", KeyWorker), ("support", KeyWorker)]),
            record("b", 1, &[("money", KeyWorker), ("support", Person)]),
            record(
                "a",
                9,
                &[("money", Person), ("support", Person), ("home", Jointly)],
            ),
        ])?;
        assert_eq!(series.len(), 2);
        let (first, last) = (&series[0], &series[1]);
        assert_eq!((first.date, first.people, first.decisions), (date(1), 2, 4));
        assert_eq!(first.percent(KeyWorker), Decimal::new(750, 1));
        assert_eq!(first.percent(Person), Decimal::new(250, 1));
        assert_eq!(last.decisions, 5);
        assert_eq!(last.percent(KeyWorker), Decimal::ZERO);
        assert_eq!(last.percent(Person), Decimal::new(600, 1));
        assert_eq!(last.percent(Jointly), Decimal::new(400, 1));
        // Every decider is listed, and the counts add up.
        assert_eq!(last.counts.len(), MainDecider::ALL.len());
        assert_eq!(last.counts.iter().map(|(_, n)| n).sum::<usize>(), 5);
        Ok(())
    }

    #[test]
    fn thirds_round_to_one_place() -> Result<(), ValidationErrors> {
        use MainDecider::*;
        let series = decision_shares(&[record(
            "a",
            1,
            &[("x", Person), ("y", Family), ("z", Family)],
        )])?;
        assert_eq!(series[0].percent(Person), Decimal::new(333, 1));
        assert_eq!(series[0].percent(Family), Decimal::new(667, 1));
        Ok(())
    }

    #[test]
    fn a_blank_or_repeated_area_is_refused() {
        use MainDecider::*;
        let blank = decision_shares(&[record("a", 1, &[(" ", Person)])]);
        assert!(blank.is_err_and(|e| e.to_string().contains("decision record of \"a\"")));
        let twice = decision_shares(&[record("a", 1, &[("Money", Person), ("money ", KeyWorker)])]);
        assert!(twice.is_err_and(|e| e.to_string().contains("money")));
    }
}
