//! Putting the workers and sessions of a problem in another order and
//! renaming them (every reference renamed alike) leaves the checker's report
//! of a roster, renamed alike, unchanged.

use perfect_week::solver::*;

use crate::solver_common;

use solver_common::Shuffled;

/// One violation, its names turned back into the problem's own.
type Named = (
    Constraint,
    i64,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<usize>,
);

/// `report`'s violations with the names of `shuffled` turned back, sorted.
///
/// A term between several sessions (an overlap, travel, rest, one session
/// a day, a succession, a person in two places, a recurring activity's
/// continuity) names one of them, chosen by the problem's order on a tie,
/// and that session's person: the session and person are left out of those
/// terms (their worker, day and amount are kept).
fn named_back(report: &CheckReport, shuffled: &Shuffled) -> Vec<Named> {
    let mut out: Vec<Named> = report
        .violations
        .iter()
        .map(|v| {
            use Constraint::*;
            let named = !matches!(
                v.constraint,
                Overlap
                    | Travel
                    | DailyRest
                    | OneSessionPerDay
                    | Succession
                    | PersonOverlap
                    | ContinuitySeries
            );
            (
                v.constraint,
                v.amount,
                v.worker.as_ref().map(|w| shuffled.old(&w.to_string())),
                v.session
                    .as_ref()
                    .filter(|_| named)
                    .map(|s| shuffled.old(&s.to_string())),
                v.person.as_ref().filter(|_| named).map(ToString::to_string),
                v.day,
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn permuting_and_renaming_workers_and_sessions_leaves_the_report_unchanged() {
    let mut worker_terms = 0;
    for seed in 0..240u64 {
        let nw = 1 + (seed % 5) as usize;
        let ns = 2 + (seed % 12) as usize;
        let weeks = 1 + (seed % 2) as usize;
        let problem = solver_common::problem(seed, nw, ns, weeks);
        let roster = solver_common::random_roster(&problem, seed);
        let shuffled = Shuffled::new(&problem, seed);
        let before = check(&problem, &roster).expect("the roster names the problem's own");
        let after = check(&shuffled.problem, &shuffled.roster(&roster))
            .expect("the renamed roster names the renamed problem's own");
        assert_eq!(after.score, before.score, "seed {seed}");
        assert_eq!(after.by_constraint(), before.by_constraint(), "seed {seed}");
        assert_eq!(
            named_back(&after, &shuffled),
            named_back(&before, &shuffled),
            "seed {seed}"
        );
        worker_terms += before
            .violations
            .iter()
            .filter(|v| v.worker.is_some())
            .count();
    }
    // Reports with terms naming workers and sessions, or the renaming is
    // never put to the test.
    assert!(worker_terms > 1000, "{worker_terms} terms named a worker");
}
