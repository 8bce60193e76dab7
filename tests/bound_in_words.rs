//! The main example's rota gets a proven bound that a coordinator can use:
//! the story's budget cannot pay for every seat, and the bound says how
//! much stays empty in every rota, not "no bound was proven".

use crate::sample;

use perfect_week::explain::how_much_better;
use perfect_week::solver::solve;

#[test]
fn the_story_proves_how_much_every_rota_leaves_empty() -> Result<(), Box<dyn std::error::Error>> {
    let compiled = sample::story().compile()?;
    let solution = solve(compiled.problem(), &sample::story_config())?;
    let bound = solution
        .lower_bound
        .ok_or("the story's rota has no bound")?;
    assert_eq!(bound.hard, 0);
    // Some seats stay empty in every rota, and this rota leaves no fewer.
    assert!(bound.unfilled > 0, "{bound}");
    assert!(
        bound.unfilled <= solution.score.unfilled,
        "{bound} above {}",
        solution.score
    );
    assert!(bound <= solution.score, "{bound} above {}", solution.score);
    let words = how_much_better(solution.score, Some(bound));
    assert!(
        words.starts_with("Every rota leaves seats empty")
            || words.starts_with("No rota can fill more"),
        "{words}"
    );
    Ok(())
}
