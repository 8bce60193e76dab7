//! Construction and local search.
//!
//! Construction (`construct.rs`) assigns pins, keeps what is still
//! possible of the baseline, then fills sessions most-constrained first,
//! taking for each seat the candidate that improves the score most (over
//! eight weeks: whole rows that keep every worker's rules, `rows.rs`). The
//! local search is late
//! acceptance hill climbing (LAHC, its history length learned phase by
//! phase: `late.rs`) over the lexicographic score with small moves (change
//! one seat, assign, unassign, swap two workers' sessions, swap a block of
//! days between two workers, move a flexible session, regroup a person's
//! sessions onto fewer workers), a large
//! move that re-optimises one worker's whole schedule by dynamic programming
//! over days (over the whole horizon on long ones, keeping every rule of
//! the worker: `rows.rs`), and ruin-and-recreate over a few days. Once a
//! round of the
//! lower bound has priced new schedules, the restricted master
//! (`master.rs`) re-chooses many workers' rows at once from the pool of
//! priced schedules; its result is judged like any other move.

use std::cmp::Reverse;
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::config::{Progress, Termination};
use super::master::{CloseLimits, Closed};
use super::model::Model;
use super::rng::Rng;
use super::score::Score;
use super::state::State;
use late::Late;

mod construct;
mod late;
mod rows;

/// The sessions of each person, then of each series, with two or more
/// sessions, where a continuity term has a weight: the groups whose
/// distinct workers it counts.
fn continuity_groups(m: &Model) -> Vec<Vec<u32>> {
    use super::model::NONE;
    let mut persons = vec![Vec::new(); if m.w_person > 0 { m.npersons } else { 0 }];
    let mut series = vec![Vec::new(); if m.w_series > 0 { m.nseries } else { 0 }];
    for (i, se) in m.sess.iter().enumerate() {
        if se.person != NONE && m.w_person > 0 {
            persons[se.person as usize].push(i as u32);
        }
        if se.series != NONE && m.w_series > 0 {
            series[se.series as usize].push(i as u32);
        }
    }
    persons
        .into_iter()
        .chain(series)
        .filter(|g| g.len() > 1)
        .collect()
}

/// A size measure for stall limits: seats over the horizon.
fn m_size(m: &Model) -> u64 {
    m.sess.iter().map(|s| s.want as u64).sum()
}

/// When the search closes the gap (`master/close.rs`): it gets a
/// sixteenth of the work, and half of what the search has spent since its
/// last better roster (where the search has stopped finding, the proof is
/// what is left to do), all counted, never timed.
#[derive(Debug, Clone)]
struct Closing {
    /// The model allows it (`master::closable`).
    allowed: bool,
    /// Work spent on it so far.
    spent: u64,
    /// The next attempt's budget (doubled after each unfinished one).
    budget: u64,
    /// The (best, bound) pair at which it can do no more; any best when
    /// more rows than the cap lay within even the tightest target at that
    /// bound (only a higher bound, from better prices, helps then); and
    /// whether that attempt could climb from the bound (one that could not
    /// is tried again once it can).
    done: Option<(Option<i64>, i64, bool)>,
    /// Attempts in a row that found too many rows, and the work before
    /// which no attempt is made (twice as long a wait after each).
    fails: u32,
    after: u64,
}

impl Closing {
    fn new(allowed: bool) -> Self {
        Closing {
            allowed,
            spent: 0,
            budget: CLOSE_BUDGET,
            done: None,
            fails: 0,
            after: 0,
        }
    }

    /// Whether an attempt is due at `gap` (the best roster's soft level
    /// and the bound's), after `work` in all and `stalled_for` since the
    /// last better roster.
    fn due(&self, (best, bound): (i64, i64), work: u64, stalled_for: u64, climb: bool) -> bool {
        // Too many rows without climbing is worth another try once the
        // attempt may climb.
        let tried = self.done.is_some_and(|(b, lb, climbed)| {
            b.is_none_or(|x| x == best) && lb == bound && climbed >= climb
        });
        self.allowed && !tried && work >= self.after && self.spent <= work / 16 + stalled_for / 2
    }

    /// Records an attempt made at `gap` after `work`, which spent `spent`.
    fn record(
        &mut self,
        closed: &Closed,
        (best, bound): (i64, i64),
        climb: bool,
        work: u64,
        spent: u64,
    ) {
        self.spent += spent;
        self.fails = if *closed == Closed::TooMany {
            self.fails + 1
        } else {
            0
        };
        self.after = work.saturating_add(spent << (2 + self.fails.min(20)));
        match closed {
            Closed::Unfinished => self.budget = self.budget.saturating_mul(2),
            Closed::TooMany => self.done = Some((None, bound, climb)),
            _ => self.done = Some((Some(best), bound, climb)),
        }
    }
}

/// The work of one small move, in DP transitions (a state reached times an
/// option; about the same time as one of the bound's transitions and
/// four-fifths of a master's cover term, measured on the machine of
/// BENCHMARKS.md). Shares are counted in work rather than time, so that
/// runs repeat.
const STEP_WORK: u64 = 200;

/// What the lower bound's rounds may spend, per thousand units of the
/// search's work (small moves plus DP moves; DESIGN.md, "How is the effort
/// shared between the search and the bound?"): while its rounds price
/// whole rows, bringing the master its columns, and rise, half as much
/// again as the search.
const BOUND_PRICING_ROWS: u64 = 1500;
/// The same where the rounds price seats one at a time (no
/// one-session-a-day rule, as on a care rota: no columns for the master).
const BOUND_SEATS: u64 = 60;
/// The same once the rounds have stalled.
const BOUND_STALLED: u64 = 12;
/// The same while the best roster still breaks a rule, so that the search
/// gets the time to mend it.
const BOUND_WHILE_INFEASIBLE: u64 = 60;
/// Once the bound has stalled or converged: the rounds at the restricted
/// master's prices alone, per thousand.
const COLUMNS_AFTER_STALL: u64 = 125;
/// The master's share of the search's work, per thousand.
const MASTER_SHARE: u64 = 700;

/// Closing the gap: the first attempt's search budget (doubled after each
/// unfinished one, in the units of the bound's DP) and the most rows listed
/// in one attempt.
const CLOSE_BUDGET: u64 = 1 << 20;
/// The closing's own units (the bound's DP listing rows, the branch and
/// bound's terms) per unit of the search's work: about 2.3–4 ns against
/// about 12 ns on Instance 2, where the listing's scans dominate.
const CLOSE_UNITS_PER_WORK: u64 = 4;
const CLOSE_CAP: usize = 1 << 15;

/// The share of draws in the DP moves' range that re-plan a whole row
/// instead, on long horizons.
const ROW_MOVE_RATE: f64 = 0.05;

/// How one search of a portfolio runs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Lane<'a> {
    /// Its lower bound is the one reported, and it raises `stop` when the
    /// bound proves its roster optimal (search 0 of a portfolio). Every
    /// search runs the bound's rounds, which price the schedules its own
    /// master chooses from.
    pub bound: bool,
    /// Raised by the search that proves its roster optimal; the others stop
    /// when they see it.
    pub stop: Option<&'a AtomicBool>,
}

impl Lane<'_> {
    /// A search on its own.
    pub const ALONE: Lane<'static> = Lane {
        bound: true,
        stop: None,
    };
}

/// What the search returns.
pub(crate) struct Outcome {
    pub best: Score,
    pub place: Vec<u32>,
    pub assign: Vec<(u32, u32)>,
    pub steps: u64,
    pub evals: u64,
    pub best_at: u64,
    pub elapsed: Duration,
    /// The proven lower bound (see `Solution::lower_bound`).
    pub bound: Option<Score>,
}

pub(crate) struct Search<'m> {
    pub st: State<'m>,
    m: &'m Model,
    rng: Rng,
    evals: u64,
    /// Sessions by every day they may take place on (for same-day moves).
    by_day: Vec<Vec<u32>>,
    flexible: Vec<u32>,
    pinned: Vec<Vec<u32>>,
    buf_a: Vec<(u32, u32)>,
    buf_b: Vec<(u32, u32)>,
    buf_s: Vec<u32>,
    best_assign: Vec<(u32, u32)>,
    best_place: Vec<u32>,
    best: Score,
    /// The current roster is the best (the copy in `best_assign` is stale).
    cur_is_best: bool,
    ops: Vec<super::state::Op>,
    dp: super::dp::DpBuf,
    /// Most sessions one ruin takes apart (keeps its greedy refill, which
    /// tries every candidate of every seat, to a bounded cost).
    ruin_cap: usize,
    /// Pooled schedules for the master (`master.rs`).
    pool: super::master::Pool,
    /// Work spent in the master, in the units of `STEP_WORK`.
    master_spent: u64,
    /// Runs of the master so far: odd ones start from the best roster,
    /// even ones from the current one.
    master_runs: u64,
    /// When to close the gap (`master::close`).
    closing: Closing,
    /// Whether the last round of pricing was at the restricted master's
    /// prices (they take turns with the subgradient's own).
    cg_turn: bool,
    /// The sessions of each person, then of each series, that has two or
    /// more: the groups whose distinct workers the continuity terms count.
    groups: Vec<Vec<u32>>,
    /// Workers on the group being regrouped, with their seats in it.
    buf_w: Vec<(u32, u32)>,
    /// Candidates of the seat being filled by their floors
    /// (`Search::best_add_among`).
    floors: Vec<Reverse<(Score, u32, u32)>>,
    /// Buffers of the whole-row construction (`rows.rs`).
    row_buf: rows::RowBuf,
}

impl<'m> Search<'m> {
    pub fn new(m: &'m Model, seed: u64) -> Self {
        // A session is listed under every day it may take place on, so moves
        // that work day by day (the DP among them) see a flexible session
        // wherever it is placed now.
        let mut by_day: Vec<Vec<u32>> = vec![Vec::new(); m.nd];
        for (i, s) in m.sess.iter().enumerate() {
            for p in &s.pls {
                let list = &mut by_day[p.day as usize];
                if list.last() != Some(&(i as u32)) {
                    list.push(i as u32);
                }
            }
        }
        let st = State::new(m);
        let best = st.score;
        Search {
            best_place: st.place.clone(),
            st,
            m,
            rng: Rng::new(seed),
            evals: 0,
            by_day,
            flexible: (0..m.sess.len() as u32)
                .filter(|&s| m.sess[s as usize].pls.len() > 1)
                .collect(),
            pinned: m.sess.iter().map(|s| s.pins.clone()).collect(),
            buf_a: Vec::new(),
            buf_b: Vec::new(),
            buf_s: Vec::new(),
            best_assign: Vec::new(),
            best,
            cur_is_best: false,
            ops: Vec::new(),
            dp: super::dp::DpBuf::default(),
            ruin_cap: {
                let cands: usize = m.sess.iter().map(|s| s.cands.len()).sum();
                let per_session = cands / m.sess.len().max(1);
                (600 / per_session.max(1)).clamp(4, 64)
            },
            pool: super::master::Pool::new(m),
            master_spent: 0,
            master_runs: 0,
            closing: Closing::new(super::master::closable(m)),
            cg_turn: false,
            groups: continuity_groups(m),
            buf_w: Vec::new(),
            floors: Vec::new(),
            row_buf: rows::RowBuf::default(),
        }
    }

    #[inline]
    fn is_pinned(&self, s: u32, w: u32) -> bool {
        self.pinned[s as usize].contains(&w)
    }

    /// How many more workers a session wants.
    #[inline]
    fn deficit(&self, s: usize) -> i64 {
        self.m.sess[s].want as i64 - self.st.seats[s].len() as i64
    }

    /// Copies the current roster as the best one.
    fn snapshot(&mut self) {
        self.best = self.st.score;
        self.cur_is_best = false;
        self.best_assign.clear();
        for (s, ws) in self.st.seats.iter().enumerate() {
            for &w in ws {
                self.best_assign.push((s as u32, w));
            }
        }
        self.best_place.clone_from(&self.st.place);
    }

    /// A session chosen with a bias toward unfilled ones (tournament of 3).
    fn pick_session(&mut self) -> u32 {
        let n = self.m.sess.len();
        let mut best = self.rng.below(n);
        for _ in 0..2 {
            let c = self.rng.below(n);
            if self.deficit(c) > self.deficit(best) {
                best = c;
            }
        }
        best as u32
    }

    fn movable_seat(&mut self, s: u32) -> Option<u32> {
        let seats = &self.st.seats[s as usize];
        if seats.is_empty() {
            return None;
        }
        let w = seats[self.rng.below(seats.len())];
        if self.is_pinned(s, w) { None } else { Some(w) }
    }

    fn random_cand(&mut self, s: u32) -> Option<u32> {
        let c = &self.m.sess[s as usize].cands;
        if c.is_empty() {
            return None;
        }
        let w = c[self.rng.below(c.len())];
        if self.st.on(s, w) { None } else { Some(w) }
    }

    fn mv_change(&mut self) -> bool {
        let s = self.pick_session();
        let Some(new) = self.random_cand(s) else {
            return false;
        };
        match self.movable_seat(s) {
            Some(old) if self.deficit(s as usize) <= 0 || self.rng.chance(0.5) => {
                self.st.remove(s, old);
                self.st.add(s, new);
            }
            _ => self.st.add(s, new),
        }
        true
    }

    /// Moves a worker onto a session from one of their sessions on the same
    /// or a nearby day (or from nothing).
    fn mv_transfer(&mut self) -> bool {
        let s2 = self.pick_session();
        let Some(w) = self.random_cand(s2) else {
            return false;
        };
        let m = self.m;
        let d = self.st.place[s2 as usize] as usize;
        let d = m.sess[s2 as usize].pls[d].day as usize;
        let shift = self.rng.below(3) as isize - 1;
        let dd = (d as isize + shift).clamp(0, m.nd as isize - 1) as usize;
        let list = &self.st.day_sess[w as usize * m.nd + dd];
        if !list.is_empty() {
            let s1 = list[self.rng.below(list.len())];
            if !self.is_pinned(s1, w) {
                self.st.remove(s1, w);
            }
        }
        self.st.add(s2, w);
        true
    }

    /// A random worker and a block of one to four days: `(worker, first
    /// day, days)`.
    fn random_block(&mut self) -> (u32, usize, usize) {
        let m = self.m;
        let w = self.rng.below(m.nw) as u32;
        let k = 1 + self.rng.below(4.min(m.nd));
        let d0 = self.rng.below(m.nd + 1 - k);
        (w, d0, k)
    }

    /// Gives a worker one session on each free day of a short block (their
    /// kind chosen at random among the days' sessions they can take).
    fn mv_block_add(&mut self) -> bool {
        let m = self.m;
        let (w, d0, k) = self.random_block();
        let mut any = false;
        for d in d0..d0 + k {
            if !self.st.day_sess[w as usize * m.nd + d].is_empty() || self.by_day[d].is_empty() {
                continue;
            }
            let l = &self.by_day[d];
            let s = l[self.rng.below(l.len())];
            if self.st.on(s, w) || !m.is_cand(s as usize, w as usize) {
                continue;
            }
            self.st.add(s, w);
            any = true;
        }
        any
    }

    /// Takes a worker off everything (not pinned) on a short block of days.
    fn mv_block_remove(&mut self) -> bool {
        let m = self.m;
        let (w, d0, k) = self.random_block();
        let mut any = false;
        for d in d0..d0 + k {
            let seats =
                super::state::smallvec_lite::Seats::from(&self.st.day_sess[w as usize * m.nd + d]);
            for &s in seats.as_slice() {
                if !self.is_pinned(s, w) {
                    self.st.remove(s, w);
                    any = true;
                }
            }
        }
        any
    }

    /// Re-plans one worker over a window of days by DP.
    fn mv_dp(&mut self) -> bool {
        let m = self.m;
        let w = self.rng.below(m.nw) as u32;
        let (a, b) = self.window();
        super::dp::reoptimise(&mut self.st, &self.by_day, w, (a, b), None, &mut self.dp)
    }

    /// Ruin and recreate by DP: clears two or three workers' schedules on a
    /// window, then re-plans each in turn against everyone else.
    fn mv_dp_many(&mut self) -> bool {
        let m = self.m;
        if m.nw < 2 {
            return false;
        }
        let (a, b) = self.window();
        let k = 2 + self.rng.below(2).min(m.nw - 2);
        let mut ws = [0u32; 3];
        for i in 0..k {
            ws[i] = self.rng.below(m.nw) as u32;
            if ws[..i].contains(&ws[i]) {
                return false;
            }
        }
        for &w in &ws[..k] {
            for d in a..=b {
                let seats = super::state::smallvec_lite::Seats::from(
                    &self.st.day_sess[w as usize * m.nd + d],
                );
                for &s in seats.as_slice() {
                    if !self.is_pinned(s, w) {
                        self.st.remove(s, w);
                    }
                }
            }
        }
        for &w in &ws[..k] {
            super::dp::reoptimise(&mut self.st, &self.by_day, w, (a, b), None, &mut self.dp);
        }
        true
    }

    /// An ejection chain by DP: a worker is re-planned so as to take a
    /// session short of workers; a session that worker gave up and left
    /// short is then given to another worker the same way, up to three
    /// workers.
    fn mv_dp_chain(&mut self) -> bool {
        let m = self.m;
        let mut target = self.pick_session();
        if self.deficit(target as usize) <= 0 {
            return false;
        }
        let links = 1 + self.rng.below(3);
        let mut used = [u32::MAX; 3];
        let mut any = false;
        for link in 0..links {
            let Some(w) = self.random_cand(target) else {
                break;
            };
            if used.contains(&w) {
                break;
            }
            used[link] = w;
            let day =
                m.sess[target as usize].pls[self.st.place[target as usize] as usize].day as usize;
            let (a, b) = self.window_around(day);
            self.buf_s.clear();
            for d in a..=b {
                self.buf_s
                    .extend_from_slice(&self.st.day_sess[w as usize * m.nd + d]);
            }
            any |= super::dp::reoptimise(
                &mut self.st,
                &self.by_day,
                w,
                (a, b),
                Some(target),
                &mut self.dp,
            );
            // The next link: a session this worker left short.
            let mut dropped = std::mem::take(&mut self.buf_s);
            dropped.retain(|&s| !self.st.on(s, w) && self.deficit(s as usize) > 0);
            let next = (!dropped.is_empty()).then(|| dropped[self.rng.below(dropped.len())]);
            self.buf_s = dropped;
            match next {
                Some(s) => target = s,
                None => break,
            }
        }
        any
    }

    /// A window of days around `day`: the whole horizon up to eight weeks,
    /// otherwise two to four weeks containing it.
    fn window_around(&mut self, day: usize) -> (usize, usize) {
        let nd = self.m.nd;
        if nd <= 56 {
            return (0, nd - 1);
        }
        let len = 14 + self.rng.below(15);
        let a = day.saturating_sub(self.rng.below(len)).min(nd - len);
        (a, a + len - 1)
    }

    /// A random window of one to four weeks (the whole horizon now and then
    /// when it is at most 8 weeks).
    fn window(&mut self) -> (usize, usize) {
        let nd = self.m.nd;
        if nd <= 56 && (nd <= 14 || self.rng.chance(0.2)) {
            return (0, nd - 1);
        }
        let len = (7 + self.rng.below(22)).min(nd);
        let a = self.rng.below(nd - len + 1);
        (a, a + len - 1)
    }

    fn mv_unassign(&mut self) -> bool {
        let s = self.rng.below(self.m.sess.len()) as u32;
        let Some(w) = self.movable_seat(s) else {
            return false;
        };
        self.st.remove(s, w);
        true
    }

    fn mv_swap(&mut self) -> bool {
        let n = self.m.sess.len();
        let s1 = self.rng.below(n) as u32;
        let Some(w1) = self.movable_seat(s1) else {
            return false;
        };
        let s2 = if self.rng.chance(0.7) {
            let d = self.m.sess[s1 as usize].pls[0].day as usize;
            let l = &self.by_day[d];
            l[self.rng.below(l.len())]
        } else {
            self.rng.below(n) as u32
        };
        if s1 == s2 {
            return false;
        }
        let Some(w2) = self.movable_seat(s2) else {
            return false;
        };
        let cand = |s: u32, w: u32| self.m.is_cand(s as usize, w as usize);
        if w1 == w2 || self.st.on(s2, w1) || self.st.on(s1, w2) || !cand(s1, w2) || !cand(s2, w1) {
            return false;
        }
        self.st.remove(s1, w1);
        self.st.remove(s2, w2);
        self.st.add(s1, w2);
        self.st.add(s2, w1);
        true
    }

    /// Swaps everything two workers do on days `d .. d + k`.
    fn block_swap(&mut self, w1: u32, w2: u32, d: usize, k: usize) -> bool {
        let m = self.m;
        let nd = m.nd;
        self.buf_a.clear();
        self.buf_b.clear();
        for day in d..(d + k).min(nd) {
            for &s in &self.st.day_sess[w1 as usize * nd + day] {
                self.buf_a.push((s, w1));
            }
            for &s in &self.st.day_sess[w2 as usize * nd + day] {
                self.buf_b.push((s, w2));
            }
        }
        if self.buf_a.is_empty() && self.buf_b.is_empty() {
            return false;
        }
        let pinned = self
            .buf_a
            .iter()
            .chain(&self.buf_b)
            .any(|&(s, w)| self.pinned[s as usize].contains(&w));
        let cand = |s: u32, w: u32| m.is_cand(s as usize, w as usize);
        let eligible = self.buf_a.iter().all(|&(s, _)| cand(s, w2))
            && self.buf_b.iter().all(|&(s, _)| cand(s, w1));
        if pinned || !eligible {
            return false;
        }
        let (a, b) = (
            std::mem::take(&mut self.buf_a),
            std::mem::take(&mut self.buf_b),
        );
        for &(s, w) in a.iter().chain(&b) {
            self.st.remove(s, w);
        }
        for &(s, _) in &a {
            if !self.st.on(s, w2) {
                self.st.add(s, w2);
            }
        }
        for &(s, _) in &b {
            if !self.st.on(s, w1) {
                self.st.add(s, w1);
            }
        }
        self.buf_a = a;
        self.buf_b = b;
        true
    }

    fn mv_block_swap(&mut self) -> bool {
        let m = self.m;
        if m.nw < 2 {
            return false;
        }
        let w1 = self.rng.below(m.nw) as u32;
        let mut w2 = self.rng.below(m.nw - 1) as u32;
        if w2 >= w1 {
            w2 += 1;
        }
        let k = 1 + self.rng.below(7.min(m.nd));
        let d = self.rng.below(m.nd + 1 - k);
        self.block_swap(w1, w2, d, k)
    }

    fn mv_placement(&mut self) -> bool {
        if self.flexible.is_empty() {
            return false;
        }
        let s = self.flexible[self.rng.below(self.flexible.len())];
        let n = self.m.sess[s as usize].pls.len();
        let p = self.rng.below(n) as u32;
        if p == self.st.place[s as usize] {
            return false;
        }
        self.st.move_placement(s, p);
        if self.deficit(s as usize) > 0
            && self.rng.chance(0.5)
            && let Some(w) = self.random_cand(s)
        {
            self.st.add(s, w);
        }
        true
    }

    /// Regroups a person's (or a series') sessions: one of the workers on
    /// them hands all their seats there to another worker already on the
    /// group, so the person sees one worker fewer if every hand-over goes
    /// through. Either the other worker just takes each seat, or (half the
    /// time) the two swap everything they do on that seat's day, so the
    /// one handing over takes the other's work instead. The step the
    /// continuity terms need: moving one seat at a time changes the count
    /// only at the last seat.
    pub(super) fn mv_regroup(&mut self) -> bool {
        let m = self.m;
        let g = self.rng.below(self.groups.len());
        self.buf_w.clear();
        for &s in &self.groups[g] {
            for &w in &self.st.seats[s as usize] {
                match self.buf_w.iter_mut().find(|(x, _)| *x == w) {
                    Some((_, n)) => *n += 1,
                    None => self.buf_w.push((w, 1)),
                }
            }
        }
        if self.buf_w.len() < 2 {
            return false;
        }
        // The one handing over: often the one with the fewest seats.
        let from = if self.rng.chance(0.5) {
            let least = self.buf_w.iter().map(|&(_, n)| n).min().unwrap_or(0);
            let mut fewest = self.buf_w.iter().filter(|&&(_, n)| n == least);
            let k = self.rng.below(fewest.clone().count());
            fewest.nth(k).map_or(self.buf_w[0].0, |&(w, _)| w)
        } else {
            self.buf_w[self.rng.below(self.buf_w.len())].0
        };
        let others = self.buf_w.len() - 1;
        let mut to = self.buf_w[self.rng.below(others)].0;
        if to == from {
            to = self.buf_w[others].0;
        }
        let by_day = self.rng.chance(0.5);
        let mut any = false;
        for i in 0..self.groups[g].len() {
            let s = self.groups[g][i];
            if !self.st.on(s, from) || self.is_pinned(s, from) {
                continue;
            }
            if by_day {
                let day = m.sess[s as usize].pls[self.st.place[s as usize] as usize].day as usize;
                any |= self.block_swap(from, to, day, 1);
            } else if !self.st.on(s, to) && m.is_cand(s as usize, to as usize) {
                self.st.remove(s, from);
                self.st.add(s, to);
                any = true;
            }
        }
        any
    }

    /// Moves the rows the bound's last round priced into the pool.
    fn pool_rows(&mut self, bound: &mut super::bound::Bound<'_>) {
        for w in 0..self.m.nw {
            let mut row = std::mem::take(&mut bound.last_rows[w]);
            if !row.is_empty() {
                self.pool.offer(&self.st, w, &mut row);
            }
            bound.last_rows[w] = row;
        }
    }

    /// The restricted master over pooled schedules: re-chooses many
    /// workers' whole rows at once (see `master.rs`); with `exact`, first
    /// by the branch and bound over the pool.
    fn mv_master(&mut self, exact: bool) -> bool {
        let moves = 20_000 + 2_000 * self.m.nw as u64;
        let before = self.pool.work;
        let changed = self.pool.solve(&mut self.st, &mut self.rng, moves, exact);
        self.master_spent += super::master::term_work(self.pool.work - before);
        changed
    }

    /// Ruin the movable assignments of a few days (at most `ruin_cap`
    /// sessions, chosen at random) and refill greedily.
    fn mv_ruin(&mut self) -> bool {
        let m = self.m;
        let k = 1 + self.rng.below(3.min(m.nd));
        let d0 = self.rng.below(m.nd + 1 - k);
        self.buf_s.clear();
        for d in d0..d0 + k {
            self.buf_s.extend_from_slice(&self.by_day[d]);
        }
        let mut list = std::mem::take(&mut self.buf_s);
        for i in (1..list.len()).rev() {
            let j = self.rng.below(i + 1);
            list.swap(i, j);
        }
        list.truncate(self.ruin_cap);
        for &s in &list {
            let seats = super::state::smallvec_lite::Seats::from(&self.st.seats[s as usize]);
            for &w in seats.as_slice() {
                if !self.is_pinned(s, w) {
                    self.st.remove(s, w);
                }
            }
        }
        // Refill in the (random) order of the sample.
        for &s in &list {
            let limit = m.sess[s as usize].want as usize;
            for _ in 0..limit {
                if self.deficit(s as usize) <= 0 {
                    break;
                }
                let n = m.sess[s as usize].cands.len().max(1);
                let from = self.rng.below(n);
                match self.best_add_among(s, from, usize::MAX) {
                    Some((w, sc)) if sc < self.st.score => self.st.add(s, w),
                    _ => break,
                }
            }
        }
        self.buf_s = list;
        true
    }

    /// Keeps what was done to the state since `mark` (from the best
    /// roster) if it beats the best roster, which it then becomes; else
    /// undoes it. Either way the state then holds the best roster. Returns
    /// whether it was kept.
    fn keep_if_better(&mut self, mark: usize) -> bool {
        let better = self.st.score < self.best;
        if better {
            self.st.commit();
            self.best = self.st.score;
        } else {
            self.st.undo_to(mark);
            self.st.commit();
        }
        self.cur_is_best = true;
        better
    }

    /// Puts the best roster found back into the state.
    fn restore_best(&mut self) {
        let m = self.m;
        if self.cur_is_best {
            self.snapshot();
            return;
        }
        for s in 0..m.sess.len() as u32 {
            let seats = super::state::smallvec_lite::Seats::from(&self.st.seats[s as usize]);
            for &w in seats.as_slice() {
                self.st.remove(s, w);
            }
        }
        for s in 0..m.sess.len() {
            if self.st.place[s] != self.best_place[s] {
                self.st.set_placement(s as u32, self.best_place[s]);
            }
        }
        let best = std::mem::take(&mut self.best_assign);
        for &(s, w) in &best {
            self.st.add(s, w);
        }
        self.best_assign = best;
        self.st.commit();
    }

    /// Late acceptance hill climbing until a termination condition.
    pub fn run<F: FnMut(&Progress) -> ControlFlow<()>>(
        &mut self,
        term: &Termination,
        started: Instant,
        lane: Lane<'_>,
        on_progress: &mut F,
    ) -> Outcome {
        let mut steps: u64 = 0;
        let mut best_at: u64 = 0;
        let mut cur = self.st.score;
        let mut late = Late::new(cur);
        let m = self.m;
        let mut stop = false;
        let stall = 5_000 + 20 * m_size(self.m);
        let mut last_kick = 0u64;
        // DP moves cost about (days × states); keep them to a few percent of the time.
        // DP moves are worth their cost on tight rows: with 1% of the draws,
        // a DP of about 1.5 million transitions runs every time (smaller
        // ones too), larger ones proportionally less often.
        // Whole-row moves (`rows.rs`) where the construction builds rows.
        let long_rows = m.nw > 0 && m.nd > 56 && m.one_per_day;
        let dp_rate = if m.nw > 0 && m.nd > 0 {
            let est = super::dp::cost_estimate(m, 0, m.nd.min(56));
            (1_500_000.0 / est.max(1.0)).min(1.0)
        } else {
            0.0
        };
        let report = |s: &Self, cur: Score, steps: u64, lb: Option<Score>, f: &mut F| {
            f(&Progress {
                best: s.best,
                current: cur,
                steps,
                moves_evaluated: s.evals,
                elapsed: started.elapsed(),
                lower_bound: lb,
            })
        };
        // Construction only: no step is searched, so no bound is reported
        // (`Solution::lower_bound`), and none is built (pricing every
        // worker's row is the largest part of setting it up on a
        // provider's scale).
        if term.step_limit() == Some(0) {
            let _ = report(self, cur, 0, None, on_progress);
            return self.outcome(0, 0, started, None);
        }
        // The constructed roster is reported before the bound is set up
        // (pricing every worker's row takes seconds on a provider's year).
        if report(self, cur, 0, None, on_progress).is_break() {
            return self.outcome(0, 0, started, None);
        }
        let mut bound = super::bound::Bound::new(m);
        if report(self, cur, 0, bound.score(), on_progress).is_break() {
            stop = true;
        }
        let max_steps = term.step_limit();
        let done = |best: Score, steps: u64, lb: Option<Score>| {
            max_steps.is_some_and(|m| steps >= m)
                || term.target.is_some_and(|t| best <= t)
                || lb.is_some_and(|b| best <= b)
        };
        let has_sessions = !m.sess.is_empty() && m.nw > 0;
        while !stop && has_sessions && !done(self.best, steps, bound.score()) {
            let work = steps.saturating_mul(STEP_WORK).saturating_add(self.dp.work);
            // The bound's share (see `BOUND_PRICING_ROWS`).
            let permille = if !self.best.is_feasible() {
                BOUND_WHILE_INFEASIBLE
            } else if bound.stalled() {
                BOUND_STALLED
            } else if bound.prices_rows() {
                BOUND_PRICING_ROWS
            } else {
                BOUND_SEATS
            };
            let within = |p: u64| bound.spent.saturating_mul(1000) <= work.saturating_mul(p);
            // Rounds of pricing: the subgradient's own (raising the bound)
            // take turns with rounds at the restricted master's prices
            // (column generation: bringing the columns the pool lacks);
            // once the bound has stalled or converged only the latter run,
            // at a smaller share.
            let priced = bound.prices_rows() && self.pool.columns_total() > 0;
            let own_due = bound.active() && within(permille);
            let cg_due = priced
                && if bound.active() && !bound.stalled() {
                    own_due
                } else {
                    within(COLUMNS_AFTER_STALL)
                };
            if own_due || cg_due {
                let upper = Some(self.best.soft)
                    .filter(|_| self.best.is_feasible() && self.best.unfilled == 0);
                let deadline = term.max_time.map(|t| started + t);
                self.cg_turn = !self.cg_turn || !own_due;
                let rose = if cg_due && self.cg_turn {
                    let before = self.pool.work;
                    let lam = self
                        .pool
                        .restricted_prices(m, bound.prices(), upper, 50)
                        .to_vec();
                    // A column's term costs about a DP transition: the
                    // restricted prices count as part of their round.
                    bound.spent += self.pool.work - before;
                    bound.round_at(&lam, deadline)
                } else {
                    bound.iterate(upper, deadline)
                };
                self.pool_rows(&mut bound);
                if rose && report(self, cur, steps, bound.score(), on_progress).is_break() {
                    break;
                }
            }
            // Closing the gap (`master/close.rs`): every schedule that could
            // be in a better roster, searched exactly (see `Closing`).
            let gap = bound
                .score()
                .filter(|_| self.best.is_feasible() && self.best.unfilled == 0)
                .map(|b| (self.best.soft, b.soft));
            let stalled_for = (steps - best_at).saturating_mul(STEP_WORK);
            let climb = bound.stalled() || !bound.active();
            if let Some(gap) = gap
                && self.closing.due(gap, work, stalled_for, climb)
            {
                let deadline = term.max_time.map(|t| started + t);
                let limits = CloseLimits {
                    cap: CLOSE_CAP,
                    budget: self.closing.budget,
                    deadline,
                    climb,
                };
                let (closed, spent) =
                    self.pool
                        .close(&self.st, &mut bound, self.best.soft, &limits);
                // A choice the light costs find better: the full state
                // judges it, from the best roster.
                if let Closed::Found(rows) = &closed {
                    self.restore_best();
                    let mark = self.st.mark();
                    super::master::Pool::install_rows(&mut self.st, rows);
                    if self.keep_if_better(mark) {
                        best_at = steps;
                    }
                    cur = self.st.score;
                    late.fill(cur);
                }
                // Into the search's units (see `CLOSE_UNITS_PER_WORK`).
                let spent = spent / CLOSE_UNITS_PER_WORK;
                self.closing.record(&closed, gap, climb, work, spent);
                if report(self, cur, steps, bound.score(), on_progress).is_break()
                    || deadline.is_some_and(|d| Instant::now() >= d)
                {
                    break;
                }
                continue;
            }
            if steps.is_multiple_of(256)
                && let Some(max) = term.max_time
                && started.elapsed() >= max
            {
                break;
            }
            if steps.is_multiple_of(256) && lane.stop.is_some_and(|s| s.load(Ordering::Relaxed)) {
                break;
            }
            // The master runs once the pricing has brought new columns,
            // within its share of the work: every other time from the best
            // roster known (the late acceptance then starts again from what
            // it returns), otherwise from the current roster as a move.
            let master_due = self.pool.fresh >= m.nw.max(8)
                && self.master_spent.saturating_mul(1000) <= work.saturating_mul(MASTER_SHARE);
            if master_due {
                self.master_runs += 1;
            }
            if master_due && self.master_runs % 2 == 1 {
                self.restore_best();
                let mark = self.st.mark();
                self.mv_master(true);
                if self.keep_if_better(mark) {
                    best_at = steps;
                    if report(self, self.st.score, steps, bound.score(), on_progress).is_break() {
                        break;
                    }
                }
                cur = self.st.score;
                late.fill(cur);
                continue;
            }
            let mark = self.st.mark();
            let applied = if master_due {
                self.mv_master(false)
            } else {
                match self.rng.below(1000) {
                    0..=2 => self.mv_ruin(),
                    3..=52 if !self.groups.is_empty() => self.mv_regroup(),
                    955..=969 if self.rng.chance(dp_rate) => self.mv_dp_chain(),
                    970..=984 if self.rng.chance(dp_rate) => self.mv_dp(),
                    985..=999 if long_rows && self.rng.chance(ROW_MOVE_RATE) => self.mv_row(),
                    985..=999 if self.rng.chance(dp_rate / 2.0) => self.mv_dp_many(),
                    3..=199 => self.mv_change(),
                    200..=349 => self.mv_transfer(),
                    350..=399 => self.mv_unassign(),
                    400..=579 => self.mv_swap(),
                    580..=839 => self.mv_block_swap(),
                    840..=899 => self.mv_block_add(),
                    900..=949 => self.mv_block_remove(),
                    _ => self.mv_placement(),
                }
            };
            steps += 1;
            if !applied {
                continue;
            }
            self.evals += 1;
            let new = self.st.score;
            if late.accepts(steps, new, cur) {
                if new > self.best && self.cur_is_best {
                    // Leaving the best roster: keep a copy of it first.
                    self.ops.clear();
                    self.ops.extend_from_slice(&self.st.log[mark..]);
                    self.st.undo_to(mark);
                    self.snapshot();
                    let ops = std::mem::take(&mut self.ops);
                    self.st.replay(&ops);
                    self.ops = ops;
                }
                self.st.commit();
                cur = new;
                if new < self.best {
                    late.improved(self.best, new);
                    self.best = new;
                    self.cur_is_best = true;
                    best_at = steps;
                    if report(self, cur, steps, bound.score(), on_progress).is_break() {
                        break;
                    }
                }
            } else {
                self.st.undo_to(mark);
                self.st.commit();
            }
            late.record(steps, cur);
            // Stagnation: return to the best roster and kick it.
            if steps - best_at > stall && steps - last_kick > stall {
                last_kick = steps;
                self.restore_best();
                self.mv_ruin();
                self.st.commit();
                cur = self.st.score;
                // Where the master re-chooses whole rows, late acceptance
                // diversifies around its rosters: the long history (see
                // `late.rs`).
                late.next_phase(steps, cur, !bound.prices_rows());
            }
            if steps.is_multiple_of(100_000)
                && report(self, cur, steps, bound.score(), on_progress).is_break()
            {
                break;
            }
        }
        if lane.bound
            && let Some(stop) = lane.stop
            && bound.score().is_some_and(|b| self.best <= b)
        {
            stop.store(true, Ordering::Relaxed);
        }
        self.outcome(steps, best_at, started, bound.score())
    }

    /// What the search returns: the best roster (copied from the current
    /// one where that is it) and the figures of the run.
    fn outcome(
        &mut self,
        steps: u64,
        best_at: u64,
        started: Instant,
        bound: Option<Score>,
    ) -> Outcome {
        if self.cur_is_best {
            self.snapshot();
        }
        Outcome {
            best: self.best,
            place: self.best_place.clone(),
            assign: self.best_assign.clone(),
            steps,
            evals: self.evals,
            best_at,
            elapsed: started.elapsed(),
            bound,
        }
    }
}
