//! Late acceptance, with its history length chosen phase by phase.
//!
//! Late acceptance takes a move whose score is no worse than the current
//! one or than the score `L` steps ago. Its score can fall by about one
//! step of improvement every `L` steps where improvements are rare, so a
//! long history (wide wandering, crossing worse rosters) suits a problem
//! where a few large moves decide, and a short one (close to a hill climb)
//! a problem with many small soft terms to wear down (a care rota's
//! continuity, placements and preferences). Which one a problem is cannot
//! be read from its size: Instance 8 of the benchmark and a 20-resident
//! care service have about the same number of seats.
//!
//! So the search learns it. Between two kicks (the search's restarts from
//! the best roster) runs one *phase* at one history length. Each phase's
//! gain (how much the late-acceptance moves improved the best roster) is
//! credited to its length per step spent; the next phase takes the short
//! length only if its rate is the higher (so long where neither gains), and
//! every fourth phase tries the other one. The first phase is long.
//!
//! It learns only where the local search is the only thing descending.
//! Where the bound prices whole rows, the restricted master re-chooses
//! many workers' rows at once from the pool and late acceptance
//! diversifies around its rosters; there the history stays long (with
//! the short one tried, Instance 2 at 400 000 steps ended above its
//! optimum on two to four seeds of six, against none with the long one
//! alone). Everything is counted in steps, so the path does not depend on
//! the time limit.

use super::super::score::Score;

/// History lengths to choose from: long first.
const LENGTHS: [usize; 2] = [2000, 100];

/// Gain of an improvement on the hard or unfilled level, against any soft
/// one: it always counts for more.
const LEVEL_GAIN: u128 = 1 << 40;

/// Late acceptance's history and the record of its phases.
pub(crate) struct Late {
    hist: Vec<Score>,
    /// Index into [`LENGTHS`] of the current phase.
    arm: usize,
    /// Step at which the current phase began.
    began: u64,
    /// Gain of the current phase so far.
    gain: u128,
    /// Per length: gain and steps of its past phases, halved at each new
    /// phase of that length so recent phases count more.
    record: [(u128, u128); 2],
    /// Phases run so far.
    phases: u64,
}

impl Late {
    /// A first phase, with the long history, every entry `cur`.
    pub fn new(cur: Score) -> Self {
        Late {
            hist: vec![cur; LENGTHS[0]],
            arm: 0,
            began: 0,
            gain: 0,
            record: [(0, 0); 2],
            phases: 0,
        }
    }

    /// The history length in use.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.hist.len()
    }

    /// Whether a move to `new` from `cur` is accepted at `step`.
    pub fn accepts(&self, step: u64, new: Score, cur: Score) -> bool {
        new <= cur || new <= self.hist[(step as usize) % self.hist.len()]
    }

    /// Records the current score `cur` at `step`.
    pub fn record(&mut self, step: u64, cur: Score) {
        let n = self.hist.len();
        self.hist[(step as usize) % n] = cur;
    }

    /// Every entry of the history becomes `cur` (the search jumped).
    pub fn fill(&mut self, cur: Score) {
        self.hist.fill(cur);
    }

    /// A late-acceptance move improved the best roster from `was` to `now`.
    pub fn improved(&mut self, was: Score, now: Score) {
        let gain = if (now.hard, now.unfilled) < (was.hard, was.unfilled) {
            LEVEL_GAIN
        } else {
            u128::try_from(was.soft.saturating_sub(now.soft)).unwrap_or(0)
        };
        self.gain = self.gain.saturating_add(gain);
    }

    /// Ends the current phase at `step` (the search restarts from the best
    /// roster, now at `cur`) and begins the next with the length its
    /// record chooses, or with the long one unless `learn`.
    pub fn next_phase(&mut self, step: u64, cur: Score, learn: bool) {
        let (g, n) = &mut self.record[self.arm];
        *g = *g / 2 + self.gain;
        *n = *n / 2 + u128::from(step - self.began);
        self.phases += 1;
        let rate_better = |a: (u128, u128), b: (u128, u128)| {
            // a.0 / a.1 > b.0 / b.1, with no division.
            a.0.saturating_mul(b.1.max(1)) > b.0.saturating_mul(a.1.max(1))
        };
        // The short history only on evidence: where neither gains, long.
        let best = usize::from(rate_better(self.record[1], self.record[0]));
        let explore = self.record[1].1 == 0 || self.phases % 4 == 3;
        self.arm = match (learn, explore) {
            (false, _) => 0,
            (true, true) => 1 - best,
            (true, false) => best,
        };
        self.began = step;
        self.gain = 0;
        self.hist.clear();
        self.hist.resize(LENGTHS[self.arm], cur);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn soft(n: i64) -> Score {
        Score {
            soft: n,
            ..Score::ZERO
        }
    }

    #[test]
    fn accepts_what_beats_the_current_score_or_the_one_a_history_ago() {
        let mut late = Late::new(soft(100));
        assert_eq!(late.len(), LENGTHS[0]);
        late.record(5, soft(50));
        // At step 5 the entry is 50: 60 beats neither it nor the current 55.
        assert!(!late.accepts(5, soft(60), soft(55)));
        assert!(late.accepts(5, soft(55), soft(55)));
        // At step 6 the entry is still the first 100.
        assert!(late.accepts(6, soft(60), soft(55)));
        late.fill(soft(10));
        assert!(!late.accepts(6, soft(60), soft(55)));
    }

    #[test]
    fn the_length_with_the_better_gain_per_step_is_chosen() {
        let mut late = Late::new(soft(1000));
        // Phase 0, long: gains 10 over 1 000 steps; then the short one is
        // tried, as it has no record yet.
        late.improved(soft(1000), soft(990));
        late.next_phase(1_000, soft(990), true);
        assert_eq!(late.len(), LENGTHS[1]);
        // Phase 1, short: gains 100 over 1 000 steps; it stays short.
        late.improved(soft(990), soft(890));
        late.next_phase(2_000, soft(890), true);
        assert_eq!(late.len(), LENGTHS[1]);
        // Phase 2, short, gains nothing: its record halves to 50 over 500
        // and adds nothing over 1 000, a rate of 1 in 30, still above the
        // long one's 1 in 100; but every fourth phase tries the other.
        late.next_phase(3_000, soft(890), true);
        assert_eq!(late.len(), LENGTHS[0]);
        // Phase 3, long, gains nothing: 5 over 1 500 against the short
        // one's 50 over 1 500, so back to short.
        late.next_phase(4_000, soft(890), true);
        assert_eq!(late.len(), LENGTHS[1]);
        // A gain on a higher level outweighs any soft one.
        late.next_phase(5_000, soft(890), true);
        assert_eq!(late.len(), LENGTHS[1]);
        let worse = Score {
            hard: 1,
            ..Score::ZERO
        };
        late.improved(worse, soft(5_000));
        assert!(late.gain >= LEVEL_GAIN);
    }

    #[test]
    fn where_no_phase_gains_the_history_stays_long() {
        let mut late = Late::new(soft(0));
        let mut lengths = Vec::new();
        for phase in 1..=8 {
            late.next_phase(phase * 1_000, soft(0), true);
            lengths.push(late.len());
        }
        // The short one is tried once, then only every fourth phase.
        let short = LENGTHS[1];
        let long = LENGTHS[0];
        assert_eq!(lengths, [short, long, short, long, long, long, short, long]);
    }

    #[test]
    fn without_learning_the_history_stays_long_whatever_the_gains() {
        let mut late = Late::new(soft(1_000));
        for phase in 1..=8 {
            late.improved(soft(1_000), soft(1_000 - phase as i64));
            late.next_phase(phase * 1_000, soft(0), false);
            assert_eq!(late.len(), LENGTHS[0]);
        }
    }
}
