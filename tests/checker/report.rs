//! The report's breakdowns.

use crate::common::*;

#[test]
fn breakdowns_by_worker_and_person() {
    let mut p = daily_rest_only(7);
    p.weights.not_preferred = 1;
    let mut a = session("a", 0, 8, 20);
    a.person = Some("ann".into());
    a.preferred = vec!["kim".into()];
    p.sessions = vec![a, session("b", 1, 6, 14), session("c", 2, 9, 10)];
    p.workers = vec![worker("sam"), worker("kim")];
    let r = roster(&[("a", "sam"), ("b", "sam")]);
    let report = run(&p, &r);
    use perfect_week::solver::Score;
    assert_eq!(
        report.by_worker(),
        vec![(
            "sam".into(),
            Score {
                hard: 60,
                unfilled: 0,
                soft: 720
            }
        )]
    );
    assert_eq!(
        report.by_person(),
        vec![(
            "ann".into(),
            Score {
                hard: 60,
                unfilled: 0,
                soft: 720
            }
        )]
    );
    assert!(!report.is_feasible());
    assert_eq!(report.hard_violations().count(), 1);
    let text = report.to_string();
    assert!(text.starts_with("score: 60 hard / 60 unfilled / 720 soft (hard rules broken)\n"));
    assert!(text.contains("- unfilled (60 priority-weighted min) in session c on day 2\n"));
    assert!(text.contains(
        "- sam: not a worker the person chose (penalty 720) in session a for ann on day 0\n"
    ));
}
