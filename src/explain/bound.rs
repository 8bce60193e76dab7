//! How much better any rota could be, in words, from the solver's proven
//! lower bound.

use crate::solver::Score;

/// What a proven lower bound says about a rota scoring `score`, in one
/// sentence for a coordinator.
///
/// The bound ([`Solution::lower_bound`](crate::solver::Solution::lower_bound))
/// speaks of rotas that break no hard rule. Where every seat can be filled
/// it speaks of rotas that fill them all; where it proves that some seats
/// stay empty in every rota (a budget too small, a session nobody can
/// take), it says how much at least, in the unfilled level's units
/// (minutes times the session's priority). Among the rotas that leave no
/// more empty than this one, the percentage is the gap between the rota's
/// soft score and the bound's, as a share of the rota's soft score,
/// rounded up to a whole percent, so the sentence never claims more than
/// is proven.
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
///
/// // A budget that cannot pay for every seat.
/// let rota = Score { hard: 0, unfilled: 2250, soft: 990 };
/// let bound = Score { hard: 0, unfilled: 1800, soft: 0 };
/// assert_eq!(
///     how_much_better(rota, Some(bound)),
///     "Every rota leaves seats empty: at least 1800 of this rota's 2250 \
///      (minutes times priority) stay unfilled in any rota."
/// );
/// ```
pub fn how_much_better(score: Score, bound: Option<Score>) -> String {
    let Some(bound) = bound else {
        return "No bound was proven on how much better a rota could be.".into();
    };
    if score.hard != 0 {
        return "The proven bound speaks only of rotas that break no rule, so it says \
                nothing about this rota, which breaks a rule."
            .into();
    }
    if score.unfilled > bound.unfilled {
        if bound.unfilled == 0 {
            return "The proven bound speaks only of rotas that break no rule and fill \
                    every seat, so it says nothing about this rota, which leaves seats \
                    empty."
                .into();
        }
        return format!(
            "Every rota leaves seats empty: at least {} of this rota's {} \
             (minutes times priority) stay unfilled in any rota.",
            bound.unfilled, score.unfilled
        );
    }
    let lead = if score.unfilled > 0 {
        "No rota can fill more seats than this one. "
    } else {
        ""
    };
    if score.soft <= bound.soft {
        return format!("{lead}No rota can be better than this one: it is proven optimal.");
    }
    let gap = i128::from(score.soft) - i128::from(bound.soft.max(0));
    let whole = i128::from(score.soft);
    // Rounded up: never claim a smaller gap than is proven.
    let percent = (gap * 100 + whole - 1) / whole;
    format!(
        "{lead}No rota can be more than {percent} % better than this one \
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

    #[test]
    fn empty_seats_every_rota_leaves_are_said() {
        let score = Score {
            hard: 0,
            unfilled: 90,
            soft: 10,
        };
        let short = |unfilled| Score {
            hard: 0,
            unfilled,
            soft: 0,
        };
        let text = how_much_better(score, Some(short(60)));
        assert!(text.contains("at least 60 of this rota's 90"), "{text}");
        let text = how_much_better(score, Some(short(90)));
        assert!(text.starts_with("No rota can fill more seats"), "{text}");
        assert!(text.contains("more than 100 % better"), "{text}");
    }
}
