//! Who could cover a session, and why an unfilled session is unfilled.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::ids::{PersonId, SessionId, Tag, WorkerId};
use crate::money::format_pounds;
use crate::plan::{SKILL_TAG, TRAIT_TAG};
use crate::solver::{
    Assignment, CheckReport, Constraint, Cover, Employee, Level, Placement, Problem, ProblemError,
    Roster, Score, Session, Violation, check,
};
use crate::words::{duration, list_and};

/// What adding one worker to a session would do.
///
/// Built by [`who_could_cover`], [`who_could_replace`] and [`unfilled`]; its
/// [`Display`](fmt::Display) is a line in a coordinator's words: "sam:
/// cannot: over budget (£36.75 more against £3.25 left)".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Candidate {
    /// The worker.
    pub worker: WorkerId,
    /// The score with them added, minus the score now (negative is better).
    pub change: Score,
    /// Hard rules adding them would break, with the amount each grows by.
    /// Empty when they could cover it.
    pub blocked_by: Vec<(Constraint, i64)>,
    /// Every other change to the score, per constraint: unfilled and soft
    /// terms, and hard rules they would help meet (negative amounts).
    pub effects: Vec<(Constraint, i64)>,
    /// For the rules of `blocked_by` that have them, in the same order, the
    /// figures that put the rule in words: the money the budget has left,
    /// the limit and how far past it, the rest needed, the session they are
    /// already on, the skills they lack.
    #[serde(default)]
    pub breaches: Vec<(Constraint, Breach)>,
}

/// The figures of a hard rule a [`Candidate`] would break, as a coordinator
/// reads it: money in pence, lengths of time in minutes, counts as counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Breach {
    /// A budget: the seat would cost `cost` and the budget has `left`
    /// (negative when it is over already), both in pence.
    Money {
        /// What the seat costs, in pence.
        cost: i64,
        /// What the budget has left before it, in pence.
        left: i64,
    },
    /// A limit: with the worker on, `over` past `limit`, in the rule's unit
    /// (minutes for hours, else days, weekends or sessions). `limit` is
    /// `None` where the rule has more than one (a young worker's day and
    /// week).
    Over {
        /// How far past the limit.
        over: i64,
        /// The limit.
        limit: Option<i64>,
    },
    /// A gap the rules ask for (daily or weekly rest, travel time): with the
    /// worker on, `short` minutes short of the `need` minutes.
    Short {
        /// Minutes short.
        short: i64,
        /// Minutes needed.
        need: i64,
    },
    /// Another session the worker is on at the same time.
    Clash {
        /// That session.
        session: SessionId,
        /// Minutes the two share.
        minutes: i64,
    },
    /// What the session requires that the worker does not hold on its day.
    Lacks {
        /// The skills and characteristics they lack.
        tags: Vec<Tag>,
    },
}

impl Candidate {
    /// Whether the worker could cover the session without breaking a hard
    /// rule.
    pub fn is_possible(&self) -> bool {
        self.blocked_by.is_empty()
    }

    /// What taking the session on would do, in words, one reason each: for
    /// a worker who could cover it, what it changes ("fills an empty seat",
    /// "a weak match"); for one who cannot, each rule in the way with its
    /// figures ("over budget (£36.75 more against £3.25 left)"). The
    /// [`Display`](fmt::Display) line is the worker, "could cover" or
    /// "cannot", and these.
    pub fn reasons(&self) -> Vec<String> {
        if self.is_possible() {
            self.effects
                .iter()
                .filter(|(_, amount)| *amount != 0)
                .map(|&(constraint, amount)| match constraint {
                    Constraint::Unfilled if amount < 0 => "fills an empty seat".to_owned(),
                    _ if amount < 0 => format!("helps with: {}", constraint.describe()),
                    _ => constraint.describe().to_owned(),
                })
                .collect()
        } else {
            self.blocked_by
                .iter()
                .map(|&(constraint, _)| blocked_words(constraint, self.breach(constraint)))
                .collect()
        }
    }

    /// The figures of the broken rule `constraint`, if it has them.
    pub fn breach(&self, constraint: Constraint) -> Option<&Breach> {
        self.breaches
            .iter()
            .find(|(c, _)| *c == constraint)
            .map(|(_, breach)| breach)
    }
}

impl fmt::Display for Candidate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // In words, not score units: what taking it on would do.
        let verdict = if self.is_possible() {
            "could cover"
        } else {
            "cannot"
        };
        write!(f, "{}: {verdict}", self.worker)?;
        let reasons = self.reasons();
        if !reasons.is_empty() {
            write!(f, ": {}", reasons.join("; "))?;
        }
        Ok(())
    }
}

/// Tags as a coordinator reads them: a plan's skills and characteristics
/// by name ("the skill medication and the characteristic female"), any
/// other tag as it is.
fn tags_in_words(tags: &[Tag]) -> String {
    let named = |prefix: &str| -> Vec<&str> {
        tags.iter()
            .filter_map(|t| t.as_str().strip_prefix(prefix))
            .collect()
    };
    let (skills, traits) = (named(SKILL_TAG), named(TRAIT_TAG));
    let mut parts = Vec::new();
    for (names, what) in [(&skills, "skill"), (&traits, "characteristic")] {
        if !names.is_empty() {
            let s = if names.len() == 1 { "" } else { "s" };
            parts.push(format!("the {what}{s} {}", list_and(names)));
        }
    }
    parts.extend(
        tags.iter()
            .map(Tag::as_str)
            .filter(|t| !t.starts_with(SKILL_TAG) && !t.starts_with(TRAIT_TAG))
            .map(str::to_owned),
    );
    list_and(&parts)
}

/// A broken rule in words, with its figures where it has them.
fn blocked_words(constraint: Constraint, breach: Option<&Breach>) -> String {
    use Constraint::*;
    let pounds = |pence: i64| format_pounds(Decimal::new(pence, 2));
    // Counts read "6, at most 5"; lengths of time "2 h 30 min over 20 h".
    let count = |over: i64, limit: Option<i64>| match limit {
        Some(limit) => format!("{}, at most {limit}", limit.saturating_add(over)),
        None => format!("{over} over"),
    };
    let time = |over: i64, limit: Option<i64>, each: &str| match limit {
        Some(limit) => format!("{} over {}{each}", duration(over), duration(limit)),
        None => format!("{} over", duration(over)),
    };
    let (name, figures) = match (constraint, breach) {
        (Budget, Some(&Breach::Money { cost, left })) if left >= 0 => (
            "over budget",
            format!("{} more against {} left", pounds(cost), pounds(left)),
        ),
        (Budget, Some(&Breach::Money { cost, left })) => (
            "over budget",
            format!("{} more, already {} over", pounds(cost), pounds(-left)),
        ),
        (WeeklyMinutes, Some(&Breach::Over { over, limit })) => {
            ("over their weekly hours", time(over, limit, ""))
        }
        (TotalMinutes, Some(&Breach::Over { over, limit })) => {
            ("over their hours for the rota", time(over, limit, ""))
        }
        (AverageWeek, Some(&Breach::Over { over, limit })) => {
            ("over the average week", time(over, limit, " a week"))
        }
        (NightAverage, Some(&Breach::Over { over, limit })) => {
            ("over the night-work average", time(over, limit, " a day"))
        }
        (YoungHours, Some(&Breach::Over { over, limit })) => {
            ("over young-worker hours", time(over, limit, ""))
        }
        (_, Some(&Breach::Over { over, limit })) => (constraint.describe(), count(over, limit)),
        (_, Some(&Breach::Short { short, need })) => (
            constraint.describe(),
            format!("{} short of {}", duration(short), duration(need)),
        ),
        (_, Some(Breach::Clash { session, minutes })) => (
            "already working then",
            format!("on {session}, {} at the same time", duration(*minutes)),
        ),
        (_, Some(Breach::Lacks { tags })) if !tags.is_empty() => {
            return format!("lacks {}", tags_in_words(tags));
        }
        _ => return constraint.describe().to_owned(),
    };
    format!("{name} ({figures})")
}

/// A session with seats left empty, and every worker weighed for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnfilledSession {
    /// The session.
    pub session: SessionId,
    /// The person it supports, if any.
    pub person: Option<PersonId>,
    /// Seats still empty.
    pub missing: u32,
    /// Every worker not already on it, those who could cover it first, then
    /// best score change first.
    pub candidates: Vec<Candidate>,
}

impl fmt::Display for UnfilledSession {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ", self.session)?;
        if let Some(person) = &self.person {
            write!(f, "for {person} ")?;
        }
        write_needs(f, self.missing, &self.candidates)
    }
}

/// "needs N more worker(s)", then each candidate on a line of its own: the
/// wording of every unfilled-seat explanation.
pub(crate) fn write_needs(
    f: &mut fmt::Formatter<'_>,
    missing: u32,
    candidates: &[Candidate],
) -> fmt::Result {
    writeln!(
        f,
        "needs {missing} more worker{}",
        if missing == 1 { "" } else { "s" }
    )?;
    if candidates.is_empty() {
        writeln!(f, "  there is no other worker")?;
    }
    for candidate in candidates {
        writeln!(f, "  {candidate}")?;
    }
    Ok(())
}

/// Every worker not already on `session`, with what adding them would do,
/// ranked: those who could cover it without breaking a hard rule first, then
/// by score change, then by id.
///
/// # Errors
/// When the roster or `session` names something the problem does not have.
pub fn who_could_cover(
    problem: &Problem,
    roster: &Roster,
    session: &SessionId,
) -> Result<Vec<Candidate>, ProblemError> {
    let base = check(problem, roster)?;
    candidates(problem, roster, &base, session)
}

/// Who could take `worker`'s place on `session`: every other worker, ranked
/// as by [`who_could_cover`], with `worker` first taken off the session (so a
/// full session does not rule everyone out as over cover).
///
/// # Errors
/// When the roster, `session` or `worker` names something the problem does
/// not have.
pub fn who_could_replace(
    problem: &Problem,
    roster: &Roster,
    session: &SessionId,
    worker: &WorkerId,
) -> Result<Vec<Candidate>, ProblemError> {
    if !problem.workers.iter().any(|w| &w.id == worker) {
        return Err(ProblemError::UnknownWorker(worker.clone()));
    }
    let mut without = roster.clone();
    without
        .assignments
        .retain(|a| !(&a.session == session && &a.worker == worker));
    let base = check(problem, &without)?;
    let mut ranked = candidates(problem, &without, &base, session)?;
    ranked.retain(|c| &c.worker != worker);
    Ok(ranked)
}

/// Every session whose required seats are not all filled, each with every
/// worker weighed for it (see [`who_could_cover`]).
///
/// # Errors
/// When the roster names something the problem does not have.
pub fn unfilled(problem: &Problem, roster: &Roster) -> Result<Vec<UnfilledSession>, ProblemError> {
    let base = check(problem, roster)?;
    // Distinct workers per session: a worker listed twice fills one seat.
    let mut on: BTreeMap<&SessionId, std::collections::BTreeSet<&WorkerId>> = BTreeMap::new();
    for assignment in &roster.assignments {
        on.entry(&assignment.session)
            .or_default()
            .insert(&assignment.worker);
    }
    let assigned: BTreeMap<&SessionId, u32> = on
        .into_iter()
        .map(|(session, workers)| (session, u32::try_from(workers.len()).unwrap_or(u32::MAX)))
        .collect();
    let mut result = Vec::new();
    for session in &problem.sessions {
        let Cover::Required { workers } = session.cover else {
            continue;
        };
        let have = assigned.get(&session.id).copied().unwrap_or(0);
        if have >= workers {
            continue;
        }
        result.push(UnfilledSession {
            session: session.id.clone(),
            person: session.person.clone(),
            missing: workers - have,
            candidates: candidates(problem, roster, &base, &session.id)?,
        });
    }
    Ok(result)
}

fn candidates(
    problem: &Problem,
    roster: &Roster,
    base: &CheckReport,
    session: &SessionId,
) -> Result<Vec<Candidate>, ProblemError> {
    if !problem.sessions.iter().any(|s| &s.id == session) {
        return Err(ProblemError::UnknownSession(session.clone()));
    }
    let before: BTreeMap<Constraint, i64> = base.by_constraint().into_iter().collect();
    let figures = Figuring::new(problem, roster, base, session);
    let mut trial = roster.clone();
    let mut result = Vec::new();
    for worker in &problem.workers {
        let on_it = roster
            .assignments
            .iter()
            .any(|a| &a.session == session && a.worker == worker.id);
        if on_it {
            continue;
        }
        trial.assignments.push(Assignment {
            session: session.clone(),
            worker: worker.id.clone(),
        });
        let after = check(problem, &trial)?;
        trial.assignments.pop();
        let mut blocked_by = Vec::new();
        let mut effects = Vec::new();
        let mut constraints: Vec<Constraint> = before.keys().copied().collect();
        for (constraint, _) in after.by_constraint() {
            if !before.contains_key(&constraint) {
                constraints.push(constraint);
            }
        }
        constraints.sort();
        let totals: BTreeMap<Constraint, i64> = after.by_constraint().into_iter().collect();
        for constraint in constraints {
            let delta = totals.get(&constraint).copied().unwrap_or(0)
                - before.get(&constraint).copied().unwrap_or(0);
            if delta == 0 {
                continue;
            }
            if constraint.level() == Level::Hard && delta > 0 {
                blocked_by.push((constraint, delta));
            } else {
                effects.push((constraint, delta));
            }
        }
        let breaches = blocked_by
            .iter()
            .filter_map(|&(constraint, _)| {
                Some((constraint, figures.breach(constraint, worker, &after)?))
            })
            .collect();
        result.push(Candidate {
            worker: worker.id.clone(),
            change: after.score - base.score,
            blocked_by,
            effects,
            breaches,
        });
    }
    result.sort_by(|a, b| {
        b.is_possible()
            .cmp(&a.is_possible())
            .then(a.change.cmp(&b.change))
            .then(a.worker.cmp(&b.worker))
    });
    Ok(result)
}

/// What the figures of a broken rule are worked out from: the problem, the
/// roster without the candidate, its report, and the session weighed.
struct Figuring<'a> {
    problem: &'a Problem,
    roster: &'a Roster,
    base: &'a CheckReport,
    session: Option<&'a Session>,
    /// The chosen placement of each session, by id (the first choice
    /// naming it, else placement 0, as the checker reads a roster).
    choice: HashMap<&'a SessionId, usize>,
}

impl<'a> Figuring<'a> {
    fn new(
        problem: &'a Problem,
        roster: &'a Roster,
        base: &'a CheckReport,
        session: &SessionId,
    ) -> Self {
        let choice = super::chosen_placements(roster);
        Self {
            problem,
            roster,
            base,
            session: problem.sessions.iter().find(|s| &s.id == session),
            choice,
        }
    }

    fn placement(&self, session: &Session) -> Option<&'a Placement> {
        let index = self.choice.get(&session.id).copied().unwrap_or(0);
        // The first session of an id is the one the checker reads.
        let first = self.problem.sessions.iter().find(|s| s.id == session.id)?;
        first.placements.get(index)
    }

    /// How far past the rule `worker` is with them on: the largest amount,
    /// in `after`, of the rule's violations of theirs that grew.
    fn past(&self, constraint: Constraint, worker: &WorkerId, after: &CheckReport) -> Option<i64> {
        let same = |a: &Violation, b: &Violation| {
            (a.constraint, &a.worker, &a.session, a.day)
                == (b.constraint, &b.worker, &b.session, b.day)
        };
        after
            .violations
            .iter()
            .filter(|v| v.constraint == constraint && v.worker.as_ref() == Some(worker))
            .filter(|v| {
                let was = self
                    .base
                    .violations
                    .iter()
                    .find(|b| same(b, v))
                    .map_or(0, |b| b.amount);
                v.amount > was
            })
            .map(|v| v.amount)
            .max()
    }

    fn breach(
        &self,
        constraint: Constraint,
        worker: &Employee,
        after: &CheckReport,
    ) -> Option<Breach> {
        use Constraint::*;
        let session = self.session?;
        let rules = &self.problem.rules;
        let limits = &worker.limits;
        let need = |minutes: i64, young: i64| if worker.young { young } else { minutes };
        let over = |limit: Option<i64>| {
            let over = self.past(constraint, &worker.id, after)?;
            Some(Breach::Over { over, limit })
        };
        let short = |need: i64| {
            let short = self.past(constraint, &worker.id, after)?;
            Some(Breach::Short { short, need })
        };
        match constraint {
            Budget => self.money(session),
            WeeklyMinutes => over(limits.max_minutes_per_week),
            TotalMinutes => over(limits.max_minutes_total),
            AverageWeek => over(rules.average_week.as_ref().map(|a| a.max_minutes)),
            NightAverage => over(rules.night.as_ref().map(|n| n.max_average_minutes_per_day)),
            YoungHours => over(None),
            MaxConsecutiveDays => over(limits.max_consecutive_days.map(i64::from)),
            MaxWeekends => over(limits.max_weekends.map(i64::from)),
            MaxPerKind => over(
                limits
                    .max_per_kind
                    .iter()
                    .find(|(kind, _)| session.kind.as_ref() == Some(kind))
                    .map(|&(_, max)| i64::from(max)),
            ),
            DailyRest => short(need(
                rules.daily_rest.as_ref()?.minutes,
                rules.daily_rest.as_ref()?.young_minutes,
            )),
            WeeklyRest => short(need(
                rules.weekly_rest.as_ref()?.minutes,
                rules.weekly_rest.as_ref()?.young_minutes,
            )),
            Travel => short(rules.travel_minutes),
            Overlap => self.clash(session, &worker.id),
            MissingTag => {
                let day = self.placement(session)?.day;
                let tags = session
                    .requires
                    .iter()
                    .filter(|tag| {
                        !worker
                            .tags
                            .iter()
                            .any(|h| &h.tag == *tag && h.valid_on(day))
                    })
                    .cloned()
                    .collect();
                Some(Breach::Lacks { tags })
            }
            _ => None,
        }
    }

    /// The session's cost and what its budget has left, as the checker
    /// charges: each distinct worker on a session pays its placement's
    /// charge.
    fn money(&self, session: &Session) -> Option<Breach> {
        let id = session.budget.as_ref()?;
        let cap = self.problem.budgets.iter().find(|b| &b.id == id)?.cap;
        let mut on: BTreeMap<&SessionId, BTreeSet<&WorkerId>> = BTreeMap::new();
        for a in &self.roster.assignments {
            on.entry(&a.session).or_default().insert(&a.worker);
        }
        let mut seen = BTreeSet::new();
        let spent = self
            .problem
            .sessions
            .iter()
            .filter(|s| s.budget.as_ref() == Some(id) && seen.insert(&s.id))
            .filter_map(|s| {
                let workers = i64::try_from(on.get(&s.id)?.len()).unwrap_or(i64::MAX);
                Some(self.placement(s)?.charge.saturating_mul(workers))
            })
            .fold(0i64, i64::saturating_add);
        Some(Breach::Money {
            cost: self.placement(session)?.charge,
            left: cap.saturating_sub(spent),
        })
    }

    /// The session of `worker`'s that shares the most time with `session`.
    fn clash(&self, session: &Session, worker: &WorkerId) -> Option<Breach> {
        let span = |p: &Placement| (p.start, p.end.max(p.start));
        let (start, end) = span(self.placement(session)?);
        let theirs: BTreeSet<&SessionId> = self
            .roster
            .assignments
            .iter()
            .filter(|a| &a.worker == worker && a.session != session.id)
            .map(|a| &a.session)
            .collect();
        theirs
            .into_iter()
            .filter_map(|id| {
                let other = self.problem.sessions.iter().find(|s| &s.id == id)?;
                let (a, b) = span(self.placement(other)?);
                let minutes = end.min(b).saturating_sub(start.max(a));
                (minutes > 0).then_some((minutes, id))
            })
            .max_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(x.1)))
            .map(|(minutes, id)| Breach::Clash {
                session: id.clone(),
                minutes,
            })
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::solver::{Budget, DailyRest, Day, Rules, WorkerLimits};

    /// Sessions on the first two days of a week: `(id, day, from, to)` in
    /// hours, each needing one worker; `sam` and `kim`, with `sam` on
    /// `sam_on`. The words of `kim`'s line for `session`.
    fn kim_for(
        sessions: &[(&str, usize, i64, i64)],
        sam_on: &[&str],
        session: &str,
        change: impl Fn(Problem) -> Problem,
    ) -> String {
        let monday = NaiveDate::from_ymd_opt(2026, 3, 23).unwrap_or(NaiveDate::MIN);
        let days = Day::run_from(monday, 7);
        let sessions = sessions
            .iter()
            .map(|&(id, day, from, to)| {
                let start = day as i64 * 1440;
                let placement = Placement::new(day, start + from * 60, start + to * 60);
                Session::new(id, vec![placement.with_charge(3675)], 1)
            })
            .collect();
        let workers = vec![Employee::new("sam"), Employee::new("kim")];
        let problem = change(Problem::new(days, sessions, workers));
        let roster = Roster {
            assignments: sam_on
                .iter()
                .map(|&s| Assignment {
                    session: s.into(),
                    worker: "sam".into(),
                })
                .collect(),
            placements: Vec::new(),
        };
        let found = who_could_cover(&problem, &roster, &session.into()).unwrap_or_default();
        found
            .iter()
            .find(|c| c.worker.as_str() == "kim")
            .map(ToString::to_string)
            .unwrap_or_default()
    }

    /// Both workers' limits and tags set alike.
    fn everyone(problem: Problem, f: impl Fn(Employee) -> Employee) -> Problem {
        let mut problem = problem;
        problem.workers = problem.workers.into_iter().map(f).collect();
        problem
    }

    #[test]
    fn a_budget_says_what_the_seat_costs_and_what_is_left() {
        let line = kim_for(
            &[("swim", 1, 10, 11), ("shop", 3, 9, 10)],
            &["swim"],
            "shop",
            |p| {
                let mut p = p.with_budgets([Budget {
                    id: "ava".into(),
                    cap: 4000,
                }]);
                for s in &mut p.sessions {
                    s.budget = Some("ava".into());
                }
                p
            },
        );
        assert_eq!(
            line,
            "kim: cannot: over budget (£36.75 more against £3.25 left)"
        );
    }

    #[test]
    fn weekly_hours_say_how_far_over_the_contract() {
        let line = kim_for(
            &[("early", 0, 9, 11), ("late", 1, 13, 16)],
            &[],
            "late",
            |p| {
                everyone(p, |w| {
                    w.with_limits(WorkerLimits {
                        max_minutes_per_week: Some(30),
                        ..WorkerLimits::default()
                    })
                })
            },
        );
        assert_eq!(
            line,
            "kim: cannot: over their weekly hours (2 h 30 min over 30 min)"
        );
    }

    #[test]
    fn a_clash_names_the_other_session_and_rest_the_hours_short() {
        // Sam is on `day` already.
        let monday = NaiveDate::from_ymd_opt(2026, 3, 23).unwrap_or(NaiveDate::MIN);
        let days = Day::run_from(monday, 1);
        let session = |id: &str, from: i64, to: i64| {
            Session::new(id, vec![Placement::new(0, from * 60, to * 60)], 1)
        };
        let problem = Problem::new(
            days,
            vec![
                session("day", 9, 17),
                session("same", 16, 18),
                session("evening", 20, 23),
            ],
            vec![Employee::new("sam")],
        )
        .with_rules(Rules {
            daily_rest: Some(DailyRest::default()),
            average_week: None,
            ..Rules::default()
        });
        let mut roster = Roster::default();
        roster.assignments.push(Assignment {
            session: "day".into(),
            worker: "sam".into(),
        });
        let line = |session: &str| {
            who_could_cover(&problem, &roster, &session.into())
                .unwrap_or_default()
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(
            line("same"),
            "sam: cannot: already working then (on day, 1 h at the same time)"
        );
        // 17:00 to 20:00 and 23:00 to 09:00: 10 hours at the most.
        assert_eq!(
            line("evening"),
            "sam: cannot: too little daily rest (1 h short of 11 h)"
        );
    }

    #[test]
    fn a_missing_skill_is_named() {
        let line = kim_for(&[("drive", 0, 9, 11)], &[], "drive", |p| {
            let mut p = p;
            p.sessions[0].requires = vec!["driving".into(), "first aid".into()];
            everyone(p, |w| w.with_tag("first aid"))
        });
        assert_eq!(line, "kim: cannot: lacks driving");
        // A plan's skills and characteristics by name.
        let line = kim_for(&[("drive", 0, 9, 11)], &[], "drive", |p| {
            let mut p = p;
            p.sessions[0].requires = ["skill:medication", "skill:hoist", "trait:female", "pool"]
                .map(Tag::from)
                .to_vec();
            p
        });
        assert_eq!(
            line,
            "kim: cannot: lacks the skills medication and hoist, the characteristic female and pool"
        );
    }
}
