//! Why a seat is empty, in one sentence: a small set of rules that together
//! leave nobody to fill it.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::ids::{PersonId, SessionId, WorkerId};
use crate::money::format_pounds;
use crate::solver::{
    Assignment, Constraint, Cover, Level, PlacementChoice, Problem, ProblemError, Roster, Session,
    check,
};

/// One group of constraints that rules workers out of a seat.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Blocker {
    /// A rule about a single worker: their leave, their hours, their other
    /// sessions, the person's refusal of them.
    Worker(WorkerId, Constraint),
    /// A rule of the session itself (a skill it requires, its budget, a
    /// night limit), ruling out every worker it names at once.
    Session(Constraint),
}

/// One member of a conflict set, with what it needs to be put in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reason {
    /// The blocker.
    pub blocker: Blocker,
    /// For a session rule, the workers it does *not* rule out.
    pub leaves: Vec<WorkerId>,
    /// How much the rule's amount grows when the seat is filled (minutes,
    /// days, counts or pence, as the constraint says; the largest over the
    /// workers it rules out).
    pub amount: i64,
}

/// Why a session's empty seats cannot be filled: the rules that leave no
/// worker free beyond `could_fill`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// The session.
    pub session: SessionId,
    /// The person it supports, if any.
    pub person: Option<PersonId>,
    /// The date of the session (at its chosen placement), if on the horizon.
    pub date: Option<NaiveDate>,
    /// What the session requires of every worker (skills and
    /// characteristics, as tags).
    pub requires: Vec<String>,
    /// Seats still empty.
    pub missing: u32,
    /// Workers nothing rules out (fewer than `missing`, or the solver simply
    /// did not seat them).
    pub could_fill: Vec<WorkerId>,
    /// A minimal set of rules that, together, leave no worker free beyond
    /// `could_fill` (fewer than `missing`): without any one of them one more
    /// worker could take a seat. Empty when enough workers could fill it.
    pub reasons: Vec<Reason>,
    /// The contracted weekly maximum of each worker named in `reasons`, in
    /// minutes, for the wording.
    pub weekly_max: BTreeMap<WorkerId, i64>,
}

/// For every session with required seats left empty, a small conflict set
/// that explains why.
///
/// # The method
///
/// For an unfilled seat of session `S` in a roster, every worker `w` not on
/// `S` is tried once: the independent checker ([`check()`]) scores `w`'s own
/// schedule with and without `S` added, on a sub-problem holding only `w`
/// and those sessions, and every hard rule whose amount grows is one
/// [`Blocker`] of `w`. A rule of the session itself (a skill it requires, a
/// night limit, its budget, checked once per seat on a sub-problem holding
/// the budget's sessions) is the *same* blocker for every worker it rules
/// out, so one group of constraints can explain many workers at once.
///
/// The seats can be filled exactly when at least `missing` workers have no
/// blocker. When fewer do, the question is why no *other* worker is free.
/// Starting from every blocker found, a **deletion filter** drops each
/// blocker in turn and keeps it dropped if, without it, still no other
/// worker is free: first the blockers about single workers, then the
/// session's own rules, so the answer prefers "no worker can drive" to a
/// list of each worker's reasons. What is left is *irreducible*: without any
/// one member, one more worker is free to take a seat. Nothing here is written
/// for a particular case: every hard rule of [`crate::solver::problem`] takes
/// part through the checker.
///
/// Cost: one pass of the checker over each worker's own schedule per seat
/// (plus the budget's sessions once), instead of a check of the whole roster
/// per seat and worker; the filter itself is a few set tests per blocker.
///
/// Readings: the seat is tried at the placement the roster chose for `S`
/// (placement 0 if none); workers are named by id; two workers who could
/// each fill the seat alone are both counted free even if one of them would
/// be enough.
///
/// ```
/// use chrono::{NaiveDate, NaiveTime, Weekday};
/// use perfect_week::explain::conflicts;
/// use perfect_week::plan::{Fund, PersonPlan, Plan};
/// use perfect_week::solver::{SolverConfig, solve};
/// use perfect_week::week::{Activity, PerfectWeek, RotaPeriod, Timing};
/// use perfect_week::{Contract, Person, RateCard, RateCardSet, Worker};
///
/// let monday = NaiveDate::from_ymd_opt(2026, 5, 4).ok_or("date")?;
/// let ten = NaiveTime::from_hms_opt(10, 0, 0).ok_or("time")?;
/// // Ava does not want Rex, the only worker, for her swim.
/// let mut swim = Activity::new("swim", "Swimming", Weekday::Wed, Timing::fixed(ten), 90);
/// swim.support.refused = vec!["rex".into()];
/// let ava = Person::new("ava", "Ava");
/// let week = PerfectWeek::new(ava.id.clone(), vec![swim]);
/// let contract = Contract::new(1200, "12.71".parse()?);
/// let born = NaiveDate::from_ymd_opt(1990, 1, 1).ok_or("date")?;
/// let rex = Worker::new("rex", "Rex", born, contract);
/// let period = RotaPeriod::new(monday, 1, chrono_tz::Europe::London);
/// let cards = RateCardSet::new(vec![RateCard::flat(monday, "24.50".parse()?)]);
/// let fund = Fund::money(cards, "150".parse()?);
/// let people = vec![PersonPlan::new(ava, week, Some(fund))];
/// let compiled = Plan::new(period, people, vec![rex]).compile()?;
/// let solution = solve(compiled.problem(), &SolverConfig::default())?;
/// let found = conflicts(compiled.problem(), &solution.roster)?;
/// assert_eq!(found.len(), 1);
/// assert!(found[0].to_string().ends_with("needs 1 more worker: ava does not want rex"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// When the roster names something the problem does not have.
pub fn conflicts(problem: &Problem, roster: &Roster) -> Result<Vec<Conflict>, ProblemError> {
    check(problem, roster)?;
    let index = Index::new(problem, roster);
    let mut result = Vec::new();
    for (s, session) in problem.sessions.iter().enumerate() {
        if index.first_session.get(&session.id) != Some(&s) {
            continue;
        }
        let Cover::Required { workers } = session.cover else {
            continue;
        };
        let on = index.on_session.get(&session.id);
        let have = on.map_or(0, |set| u32::try_from(set.len()).unwrap_or(u32::MAX));
        if have >= workers {
            continue;
        }
        result.push(index.explain(session, workers - have)?);
    }
    Ok(result)
}

/// Who works what, looked up once for all seats.
struct Index<'a> {
    problem: &'a Problem,
    first_session: HashMap<&'a SessionId, usize>,
    on_session: HashMap<&'a SessionId, BTreeSet<&'a WorkerId>>,
    of_worker: HashMap<&'a WorkerId, BTreeSet<&'a SessionId>>,
    choice: HashMap<&'a SessionId, usize>,
}

impl<'a> Index<'a> {
    fn new(problem: &'a Problem, roster: &'a Roster) -> Self {
        let mut first_session = HashMap::new();
        for (s, session) in problem.sessions.iter().enumerate() {
            first_session.entry(&session.id).or_insert(s);
        }
        let mut on_session: HashMap<_, BTreeSet<_>> = HashMap::new();
        let mut of_worker: HashMap<_, BTreeSet<_>> = HashMap::new();
        for a in &roster.assignments {
            on_session.entry(&a.session).or_default().insert(&a.worker);
            of_worker.entry(&a.worker).or_default().insert(&a.session);
        }
        let choice = super::chosen_placements(roster);
        Self {
            problem,
            first_session,
            on_session,
            of_worker,
            choice,
        }
    }

    /// The sub-problem of `sessions` and `workers` only, with no budgets,
    /// pins or baseline, and the roster of `assignments` at the chosen
    /// placements.
    fn sub(
        &self,
        sessions: &BTreeSet<&SessionId>,
        workers: &[usize],
        budgets: bool,
    ) -> (Problem, Roster) {
        let problem = Problem {
            days: self.problem.days.clone(),
            sessions: sessions
                .iter()
                .filter_map(|id| self.first_session.get(id))
                .map(|&s| self.problem.sessions[s].clone())
                .collect(),
            workers: workers
                .iter()
                .map(|&w| self.problem.workers[w].clone())
                .collect(),
            rules: self.problem.rules.clone(),
            weights: self.problem.weights.clone(),
            budgets: if budgets {
                self.problem.budgets.clone()
            } else {
                Vec::new()
            },
            pins: Vec::new(),
            baseline: None,
        };
        let placements = sessions
            .iter()
            .filter_map(|id| {
                self.choice.get(id).map(|&index| PlacementChoice {
                    session: (*id).clone(),
                    index,
                })
            })
            .collect();
        (
            problem,
            Roster {
                assignments: Vec::new(),
                placements,
            },
        )
    }

    /// Hard amounts that grow when `worker` is added to `session` in the
    /// sub-problem (`sub`, `roster`).
    fn growth(
        sub: &Problem,
        roster: &mut Roster,
        session: &SessionId,
        worker: &WorkerId,
    ) -> Result<BTreeMap<Constraint, i64>, ProblemError> {
        let totals = |report: crate::solver::CheckReport| -> BTreeMap<Constraint, i64> {
            report
                .by_constraint()
                .into_iter()
                .filter(|(c, _)| c.level() == Level::Hard)
                .collect()
        };
        let before = totals(check(sub, roster)?);
        roster.assignments.push(Assignment {
            session: session.clone(),
            worker: worker.clone(),
        });
        let after = totals(check(sub, roster)?);
        roster.assignments.pop();
        Ok(after
            .into_iter()
            .map(|(c, amount)| (c, amount - before.get(&c).copied().unwrap_or(0)))
            .filter(|&(c, delta)| delta > 0 && c != Constraint::OverCover)
            .collect())
    }

    /// Every worker's blockers for `session`, then the deletion filter.
    fn explain(&self, session: &'a Session, missing: u32) -> Result<Conflict, ProblemError> {
        let problem = self.problem;
        let on = self.on_session.get(&session.id);
        let others: Vec<usize> = (0..problem.workers.len())
            .filter(|&w| on.is_none_or(|set| !set.contains(&problem.workers[w].id)))
            .collect();
        let mut blockers: Vec<(usize, BTreeMap<Blocker, i64>)> = Vec::new();
        let budget_block = self.budget_growth(session, others.first().copied())?;
        for &w in &others {
            let worker = &problem.workers[w];
            let mut sessions = self.of_worker.get(&worker.id).cloned().unwrap_or_default();
            sessions.insert(&session.id);
            let (sub, mut roster) = self.sub(&sessions, &[w], false);
            roster.assignments = sessions
                .iter()
                .filter(|s| **s != &session.id)
                .map(|s| Assignment {
                    session: (*s).clone(),
                    worker: worker.id.clone(),
                })
                .collect();
            let mut set: BTreeMap<Blocker, i64> =
                Self::growth(&sub, &mut roster, &session.id, &worker.id)?
                    .into_iter()
                    .map(|(c, amount)| (blocker_of(c, &worker.id), amount))
                    .collect();
            if let Some(amount) = budget_block {
                set.insert(Blocker::Session(Constraint::Budget), amount);
            }
            blockers.push((w, set));
        }
        let free = |active: &BTreeSet<&Blocker>| {
            blockers
                .iter()
                .filter(|(_, set)| set.keys().all(|b| !active.contains(b)))
                .count()
        };
        // The seats `could_fill` cannot take: explain why no one more is free.
        let now_free = blockers.iter().filter(|(_, set)| set.is_empty()).count();
        let unfillable = |active: &BTreeSet<&Blocker>| free(active) <= now_free;
        // Worker blockers sort before session ones: they are tried first.
        let mut active: BTreeSet<&Blocker> = blockers.iter().flat_map(|(_, s)| s.keys()).collect();
        if now_free < missing as usize {
            for candidate in active.clone() {
                active.remove(candidate);
                if !unfillable(&active) {
                    active.insert(candidate);
                }
            }
        } else {
            active.clear();
        }
        let reasons = active
            .iter()
            .map(|&blocker| Reason {
                blocker: blocker.clone(),
                leaves: blockers
                    .iter()
                    .filter(|(_, set)| !set.contains_key(blocker))
                    .map(|(w, _)| problem.workers[*w].id.clone())
                    .collect(),
                amount: blockers
                    .iter()
                    .filter_map(|(_, set)| set.get(blocker).copied())
                    .max()
                    .unwrap_or(0),
            })
            .collect::<Vec<_>>();
        // Say the session's own rules first: "only Sam and Priya drive; …".
        let mut reasons = reasons;
        reasons.sort_by_key(|r| matches!(r.blocker, Blocker::Worker(..)));
        let weekly_max = reasons
            .iter()
            .filter_map(|r| match &r.blocker {
                Blocker::Worker(id, _) => {
                    let w = problem.workers.iter().find(|w| &w.id == id)?;
                    Some((id.clone(), w.limits.max_minutes_per_week?))
                }
                Blocker::Session(_) => None,
            })
            .collect();
        let placement = self.choice.get(&session.id).copied().unwrap_or(0);
        Ok(Conflict {
            session: session.id.clone(),
            person: session.person.clone(),
            date: session
                .placements
                .get(placement)
                .and_then(|p| problem.days.get(p.day))
                .map(|d| d.date),
            requires: session.requires.iter().map(|t| t.to_string()).collect(),
            missing,
            could_fill: blockers
                .iter()
                .filter(|(_, set)| set.is_empty())
                .map(|(w, _)| problem.workers[*w].id.clone())
                .collect(),
            reasons,
            weekly_max,
        })
    }

    /// How far the session's budget goes over if one more seat of it is
    /// filled (by `probe`, any worker not on it: the charge is per seat),
    /// or `None` if it does not.
    fn budget_growth(
        &self,
        session: &Session,
        probe: Option<usize>,
    ) -> Result<Option<i64>, ProblemError> {
        let (Some(budget), Some(probe)) = (&session.budget, probe) else {
            return Ok(None);
        };
        let problem = self.problem;
        let sessions: BTreeSet<&SessionId> = problem
            .sessions
            .iter()
            .filter(|s| s.budget.as_ref() == Some(budget))
            .map(|s| &s.id)
            .collect();
        let mut assignments = Vec::new();
        let mut workers = BTreeSet::from([probe]);
        for (w, worker) in problem.workers.iter().enumerate() {
            for s in self.of_worker.get(&worker.id).into_iter().flatten() {
                if sessions.contains(s) {
                    workers.insert(w);
                    assignments.push(Assignment {
                        session: (*s).clone(),
                        worker: worker.id.clone(),
                    });
                }
            }
        }
        let workers: Vec<usize> = workers.into_iter().collect();
        let (sub, mut roster) = self.sub(&sessions, &workers, true);
        roster.assignments = assignments;
        let growth = Self::growth(&sub, &mut roster, &session.id, &problem.workers[probe].id)?;
        Ok(growth.get(&Constraint::Budget).copied())
    }
}

/// Rules of the session itself are one blocker for every worker.
fn blocker_of(constraint: Constraint, worker: &WorkerId) -> Blocker {
    match constraint {
        Constraint::MissingTag | Constraint::NightSessionLength | Constraint::Budget => {
            Blocker::Session(constraint)
        }
        _ => Blocker::Worker(worker.clone(), constraint),
    }
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn hours(minutes: i64) -> String {
    let text = Decimal::new(minutes, 0) / Decimal::from(60);
    format!("{}", text.round_dp(2).normalize())
}

impl Conflict {
    /// One reason in words.
    fn words(&self, reason: &Reason) -> String {
        let day = self
            .date
            .map(|d| format!(" on {}", d.format("%A %-d %B")))
            .unwrap_or_default();
        match &reason.blocker {
            Blocker::Session(Constraint::MissingTag) => {
                let needs = and_list(&self.requires);
                let leaves: Vec<String> = reason.leaves.iter().map(|w| w.to_string()).collect();
                if leaves.is_empty() {
                    format!("no worker holds {needs}")
                } else {
                    format!("only {} hold {needs}", and_list(&leaves))
                }
            }
            Blocker::Session(Constraint::Budget) => format!(
                "the budget cannot pay for it (it would go {} over)",
                format_pounds(Decimal::new(reason.amount, 2))
            ),
            Blocker::Session(c) => format!("the session: {}", c.describe()),
            Blocker::Worker(w, c) => match c {
                Constraint::Refused => match &self.person {
                    Some(p) => format!("{p} does not want {w}"),
                    None => format!("{w} is refused for it"),
                },
                Constraint::DayOff => format!("{w} has a day off{day}"),
                Constraint::Unavailable => format!("{w} is on leave or unavailable{day}"),
                Constraint::Overlap => format!("{w} is already working then"),
                Constraint::WeeklyMinutes => match self.weekly_max.get(w) {
                    Some(max) => format!("{w} is at their {} contract hours", hours(*max)),
                    None => format!("{w} is outside their contracted hours"),
                },
                other => format!("{w} {}", other.describe()),
            },
        }
    }
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ", self.session)?;
        if let Some(person) = &self.person {
            write!(f, "for {person} ")?;
        }
        let s = if self.missing == 1 { "" } else { "s" };
        write!(f, "needs {} more worker{s}", self.missing)?;
        if self.reasons.is_empty() {
            let free: Vec<String> = self.could_fill.iter().map(|w| w.to_string()).collect();
            return write!(f, ": {} could fill it", and_list(&free));
        }
        let words: Vec<String> = self.reasons.iter().map(|r| self.words(r)).collect();
        write!(f, ": {}", words.join("; "))?;
        if !self.could_fill.is_empty() {
            let free: Vec<String> = self.could_fill.iter().map(|w| w.to_string()).collect();
            write!(f, " ({} could take a seat)", and_list(&free))?;
        }
        Ok(())
    }
}
