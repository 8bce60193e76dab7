//! Skills asked for that no worker holds.

use std::collections::BTreeSet;

use super::PerfectWeek;
use crate::error::{ValidationError, ValidationErrors};
use crate::staff::Worker;

impl PerfectWeek {
    /// Checks that every skill an activity asks for is held by at least one
    /// of `workers` (on some date: expiry is the solver's business). A skill
    /// nobody holds would otherwise only show as unfilled sessions.
    ///
    /// ```
    /// use chrono::{NaiveDate, NaiveTime, Weekday};
    /// use perfect_week::week::{Activity, PerfectWeek, Support, Timing};
    /// use perfect_week::{Contract, Worker};
    ///
    /// let ten = NaiveTime::from_hms_opt(10, 0, 0).ok_or("time")?;
    /// let drive = Activity::new("drive", "Drive to the coast", Weekday::Sat,
    ///     Timing::fixed(ten), 120)
    ///     .with_support(Support::new(1).with_skill("driving"));
    /// let week = PerfectWeek::new("ava", vec![drive]);
    /// let contract = Contract::new(1200, "12.71".parse()?);
    /// let born = NaiveDate::from_ymd_opt(1990, 1, 1).ok_or("date")?;
    /// let sam = Worker::new("sam", "Sam", born, contract);
    /// let err = week.check_skills_held(&[sam]).err().ok_or("nobody drives")?;
    /// assert_eq!(
    ///     err.to_string(),
    ///     "person \"ava\" activity \"drive\" skill \"driving\": a worker holding it is missing"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn check_skills_held(&self, workers: &[Worker]) -> Result<(), ValidationErrors> {
        let held: BTreeSet<_> = workers
            .iter()
            .flat_map(|w| w.qualifications.iter().map(|q| &q.skill))
            .collect();
        let mut errors = Vec::new();
        for activity in &self.activities {
            for skill in &activity.support.skills {
                if !held.contains(skill) {
                    errors.push(ValidationError::Missing {
                        item: format!(
                            "person \"{}\" activity \"{}\" skill \"{skill}\"",
                            self.person, activity.id
                        ),
                        what: "a worker holding it".into(),
                    });
                }
            }
        }
        ValidationErrors::check(errors)
    }
}

#[cfg(test)]
mod tests {
    use crate::staff::Qualification;
    use crate::staff::tests::sample_worker;
    use crate::week::{Activity, PerfectWeek, Support, Timing};
    use chrono::{NaiveTime, Weekday};

    #[test]
    fn a_skill_that_no_worker_holds_fails_validation() {
        let ten = NaiveTime::from_hms_opt(10, 0, 0).unwrap_or(NaiveTime::MIN);
        let needs = |id: &str, skill: &str| {
            Activity::new(id, id, Weekday::Mon, Timing::fixed(ten), 60).with_support(Support {
                skills: vec![skill.into()],
                ..Support::default()
            })
        };
        let week = PerfectWeek::new(
            "ava",
            vec![needs("meds", "medication"), needs("drive", "driving")],
        );
        // The sample worker holds medication only.
        let errors = week.check_skills_held(&[sample_worker()]).unwrap_err();
        assert_eq!(errors.errors().len(), 1, "{errors}");
        assert!(
            errors
                .to_string()
                .contains("activity \"drive\" skill \"driving\"")
        );
        let mut driver = sample_worker();
        driver.qualifications.push(Qualification::new("driving"));
        assert!(week.check_skills_held(&[sample_worker(), driver]).is_ok());
    }
}
