//! How much better any rota could be, in words, from the solver's proven
//! lower bound.

use crate::solver::Score;

/// What a proven lower bound says about a rota scoring `score`, in one
/// sentence for a coordinator.
///
/// The bound ([`Solution::lower_bound`](crate::solver::Solution::lower_bound))
/// speaks of rotas that break no hard rule and fill every seat, so it says
/// how much better this rota could be only when this rota is one of them.
/// The percentage is the gap between the rota's soft score and the bound,
/// as a share of the rota's soft score, rounded up to a whole percent, so
/// the sentence never claims more than is proven.
///
/// ```
/// use perfect_week::explain::how_much_better;
/// use perfect_week::solver::Score;
///
/// let rota = Score { hard: 0, unfilled: 0, soft: 200 };
/// let bound = Score { hard: 0, unfilled: 0, soft: 150 };
/// assert_eq!(
///     how_much_better(rota, Some(bound)),
///     "No rota can be more than 25 % better than this one \
///      (its preference score is 200; no rota can score below 150)."
/// );
/// assert_eq!(
///     how_much_better(rota, Some(rota)),
///     "No rota can be better than this one: it is proven optimal."
/// );
/// ```
pub fn how_much_better(score: Score, bound: Option<Score>) -> String {
    let Some(bound) = bound else {
        return "No bound was proven on how much better a rota could be.".into();
    };
    if score.hard != 0 || score.unfilled != 0 {
        return format!(
            "The proven bound speaks only of rotas that break no rule and fill \
             every seat, so it says nothing about this rota, which {}.",
            if score.hard != 0 {
                "breaks a rule"
            } else {
                "leaves seats empty"
            }
        );
    }
    if score.soft <= bound.soft {
        return "No rota can be better than this one: it is proven optimal.".into();
    }
    let gap = i128::from(score.soft) - i128::from(bound.soft.max(0));
    let whole = i128::from(score.soft);
    // Rounded up: never claim a smaller gap than is proven.
    let percent = (gap * 100 + whole - 1) / whole;
    format!(
        "No rota can be more than {percent} % better than this one \
         (its preference score is {}; no rota can score below {}).",
        score.soft, bound.soft
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn soft(soft: i64) -> Score {
        Score {
            hard: 0,
            unfilled: 0,
            soft,
        }
    }

    #[test]
    fn no_bound_is_said_plainly() {
        assert!(how_much_better(soft(10), None).starts_with("No bound"));
    }

    #[test]
    fn the_percentage_is_rounded_up() {
        // 1 of 3 is 33.3 %: say 34 %, never 33 %.
        assert!(how_much_better(soft(3), Some(soft(2))).contains("more than 34 %"));
    }

    #[test]
    fn a_rota_with_empty_seats_gets_no_percentage() {
        let score = Score {
            hard: 0,
            unfilled: 90,
            soft: 10,
        };
        let text = how_much_better(score, Some(soft(5)));
        assert!(text.contains("leaves seats empty"), "{text}");
        assert!(!text.contains('%'), "{text}");
    }

    #[test]
    fn a_bound_at_the_score_proves_it_optimal() {
        assert!(how_much_better(soft(607), Some(soft(607))).contains("proven optimal"));
    }
}
