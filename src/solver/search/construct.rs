//! Construction: the first roster.
//!
//! Pins, what is still possible of the baseline, then every session most
//! constrained first, each seat given to the candidate whose seat lowers
//! the score most; then best-response passes re-plan each worker by DP,
//! and a repair re-plans each worker still breaking one of their own
//! rules over the whole horizon. Horizons over eight weeks are built from
//! whole rows that keep every worker's rules (`rows.rs`) instead of the
//! greedy fill, or by a rolling DP where a worker may take more than one
//! session a day.
//!
//! Choosing a seat's worker scores its candidates in full only in the order
//! of a floor under their change (`State::add_floor`, exact on the
//! unfilled and soft levels), and none once the floor has passed the best
//! score found: the same choice as scoring every candidate, without the
//! cost growing with sessions times workers times the work of a full
//! score.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::time::Instant;

use super::super::score::Score;
use super::Search;

/// Horizons longer than this many days are built by the rolling DP
/// construction first.
const ROLLING_FROM_DAYS: usize = 56;
impl Search<'_> {
    /// Best single worker to add to `s` (evaluated by apply and undo).
    fn best_add(&mut self, s: u32) -> Option<(u32, Score)> {
        self.best_add_among(s, 0, usize::MAX)
    }

    /// Best of at most `limit` candidates of `s`, taken cyclically from
    /// `from` (ties to the first taken). Candidates are scored in full in
    /// the order of their floors (`State::add_floor`), and none once the
    /// floor has passed the best score found: the choice is the one every
    /// candidate scored in full would give.
    pub(super) fn best_add_among(
        &mut self,
        s: u32,
        from: usize,
        limit: usize,
    ) -> Option<(u32, Score)> {
        let m = self.m;
        let cands = &m.sess[s as usize].cands;
        let n = cands.len();
        let day = m.sess[s as usize].pls[self.st.place[s as usize] as usize].day as usize;
        let mut floors = std::mem::take(&mut self.floors);
        floors.clear();
        let base = self.st.seat_base(s);
        for i in 0..n.min(limit) {
            let w = cands[(from + i) % n];
            // Never a second session on a day when the rules allow one: a
            // shortfall elsewhere (minimum minutes) could otherwise pay for it.
            if m.one_per_day && !self.st.day_sess[w as usize * m.nd + day].is_empty() {
                continue;
            }
            if self.st.on(s, w) {
                continue;
            }
            let floor = self.st.score + self.st.add_floor(&base, s, w);
            floors.push(Reverse((floor, i as u32, w)));
        }
        let mut queue = BinaryHeap::from(floors);
        let mut best: Option<(Score, u32, u32)> = None;
        while let Some(Reverse((floor, i, w))) = queue.pop() {
            if best.is_some_and(|(b, bi, _)| (floor, i) > (b, bi)) {
                break;
            }
            let mark = self.st.mark();
            self.st.add(s, w);
            self.evals += 1;
            let sc = self.st.score;
            self.st.undo_to(mark);
            debug_assert!(
                sc.hard >= floor.hard && sc.unfilled == floor.unfilled && sc.soft == floor.soft,
                "seat floor {floor:?} above the score {sc:?} of {w} on {s}"
            );
            if best.is_none_or(|(b, bi, _)| (sc, i) < (b, bi)) {
                best = Some((sc, i, w));
            }
        }
        self.floors = queue.into_vec();
        best.map(|(sc, _, w)| (w, sc))
    }

    /// Fills `s` greedily while that improves the score.
    fn fill(&mut self, s: u32) {
        let limit = self.m.sess[s as usize].want as usize + 1;
        for _ in 0..limit {
            if self.deficit(s as usize) <= 0 {
                break;
            }
            // A flexible empty session: try each placement.
            if self.st.seats[s as usize].is_empty() && self.m.sess[s as usize].pls.len() > 1 {
                let cur = self.st.place[s as usize];
                let mut best: Option<(u32, u32, Score)> = None;
                for p in 0..self.m.sess[s as usize].pls.len() as u32 {
                    self.st.set_placement(s, p);
                    if let Some((w, sc)) = self.best_add(s)
                        && best.is_none_or(|(_, _, b)| sc < b)
                    {
                        best = Some((p, w, sc));
                    }
                }
                self.st.set_placement(s, cur);
                match best {
                    Some((p, w, sc)) if sc < self.st.score => {
                        self.st.set_placement(s, p);
                        self.st.add(s, w);
                    }
                    _ => break,
                }
            } else {
                match self.best_add(s) {
                    Some((w, sc)) if sc < self.st.score => self.st.add(s, w),
                    _ => break,
                }
            }
            self.st.commit();
        }
        self.st.commit();
    }

    /// Pins, the baseline, then the rest. On a horizon of up to eight weeks:
    /// a most-constrained-first greedy fill, then best-response DP passes.
    /// Last, every worker still breaking one of their own rules is re-planned
    /// over the whole horizon (`Search::repair`).
    /// On a longer one, whole rows instead of the greedy fill (one session
    /// a day: `rows.rs`), each worker's row over the whole horizon keeping
    /// every rule of their own, then one DP pass; without the one-session-
    /// a-day rule, a rolling DP: four weeks at a time, each worker's days
    /// planned by DP against everyone planned so far, held to a pro-rata
    /// share of their totals, then the DP passes. (The greedy fill would
    /// trade a broken rule for minutes towards a total there.) Stops early,
    /// with what it has, at `deadline`.
    pub fn construct(&mut self, deadline: Option<Instant>) {
        let m = self.m;
        let late = || deadline.is_some_and(|d| Instant::now() >= d);
        for s in 0..m.sess.len() as u32 {
            for i in 0..self.pinned[s as usize].len() {
                let w = self.pinned[s as usize][i];
                self.st.add(s, w);
            }
        }
        for &(s, w) in &m.baseline {
            let si = s as usize;
            let p = self.st.place[si] as usize;
            let ok = m.hard_at(si, p, w as usize) == 0
                && !self.st.on(s, w)
                && (!m.sess[si].required || self.deficit(si) > 0);
            if ok {
                self.st.add(s, w);
            }
        }
        self.st.commit();
        let rows = m.nw > 0 && m.nd > ROLLING_FROM_DAYS && m.one_per_day;
        if rows {
            self.rows(&late);
        } else if m.nw > 0 && m.nd > ROLLING_FROM_DAYS {
            self.rolling(&late);
        } else {
            let mut order: Vec<u32> = (0..m.sess.len() as u32).collect();
            order.sort_by_key(|&s| {
                let se = &m.sess[s as usize];
                (!se.required, se.cands.len() / se.want.max(1) as usize, s)
            });
            for (i, s) in order.into_iter().enumerate() {
                if i % 64 == 0 && late() {
                    break;
                }
                self.fill(s);
            }
        }
        self.st.commit();
        if m.nw > 0 && m.nd > 0 {
            // The whole rows are a best response already: one pass of
            // the windowed DP polishes them.
            self.dp_passes(if rows { 1 } else { 2 }, &late);
            self.repair(&late);
        }
        self.snapshot();
    }

    /// The rolling DP construction (see [`Search::construct`]).
    fn rolling(&mut self, late: &dyn Fn() -> bool) {
        let m = self.m;
        let mut order: Vec<u32> = (0..m.nw as u32).collect();
        for i in (1..order.len()).rev() {
            let j = self.rng.below(i + 1);
            order.swap(i, j);
        }
        self.dp.prorata = true;
        let mut a = 0;
        while a < m.nd && !late() {
            let b = (a + 27).min(m.nd - 1);
            for &w in &order {
                super::super::dp::reoptimise(
                    &mut self.st,
                    &self.by_day,
                    w,
                    (a, b),
                    None,
                    &mut self.dp,
                );
                self.evals += 1;
                self.st.commit();
            }
            a = b + 1;
        }
        self.dp.prorata = false;
    }

    /// Repairs every worker who breaks one of their own rules by
    /// re-planning their whole horizon by DP (minutes exact where the
    /// larger budget allows), keeping each re-plan that lowers the score.
    /// Every hard rule is one worker's, so a row that keeps them is found
    /// without touching anyone else; the windows of the DP moves cannot
    /// shift a tight worker's pattern over many weeks. Stops at `late()`.
    pub(in crate::solver) fn repair(&mut self, late: &dyn Fn() -> bool) {
        let m = self.m;
        if self.st.score.is_feasible() {
            return;
        }
        self.dp.whole = true;
        for w in 0..m.nw {
            if self.st.score.is_feasible() || late() {
                break;
            }
            if self.st.worker_hard(w) == 0 {
                continue;
            }
            if super::super::dp::whole_fits(m, w) {
                self.replan_unless_worse(w as u32, (0, m.nd - 1));
                continue;
            }
            // Too long a horizon for one DP: windows of eight weeks, half
            // overlapping (so every run of up to four weeks lies inside
            // one), where the worker breaks a rule, or all of them while a
            // total is broken.
            let mut a = 0;
            while a < m.nd && self.st.worker_hard(w) > 0 && !late() {
                let b = (a + 55).min(m.nd - 1);
                if self.st.worker_hard_totals(w) > 0 || self.st.worker_hard_in(w, a, b) > 0 {
                    self.replan_unless_worse(w as u32, (a, b));
                }
                if b == m.nd - 1 {
                    break;
                }
                a += 28;
            }
        }
        self.dp.whole = false;
        // The whole horizon's back pointers are large: let them go.
        self.dp.release();
    }

    /// Re-plans worker `w` on days `a ..= b` by DP and keeps the new row
    /// unless the score got worse.
    fn replan_unless_worse(&mut self, w: u32, (a, b): (usize, usize)) {
        let before = self.st.score;
        let mark = self.st.mark();
        super::super::dp::reoptimise(&mut self.st, &self.by_day, w, (a, b), None, &mut self.dp);
        self.evals += 1;
        if self.st.score > before {
            self.st.undo_to(mark);
        }
        self.st.commit();
    }

    /// Best-response passes: each worker in turn re-planned by DP, kept if the
    /// score does not get worse.
    fn dp_passes(&mut self, passes: usize, late: &dyn Fn() -> bool) {
        let m = self.m;
        let mut order: Vec<u32> = (0..m.nw as u32).collect();
        for _ in 0..passes {
            for i in (1..order.len()).rev() {
                let j = self.rng.below(i + 1);
                order.swap(i, j);
            }
            for &w in &order {
                let mut a = 0;
                while a < m.nd {
                    if late() {
                        return;
                    }
                    let b = (a + 55).min(m.nd - 1);
                    self.replan_unless_worse(w, (a, b));
                    a = b + 1;
                }
            }
        }
    }
}
