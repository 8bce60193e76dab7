//! The search state and its incremental score.
//!
//! Two primitive operations change the state: [`State::add`] and
//! [`State::remove`] one worker on one session (plus [`State::set_placement`]
//! on an empty session). Each updates the score in O(change): the worker's
//! per-day terms within the rules' reach of the day, the weekly-rest blocks
//! the session touches, the work and off runs around the day, the week's
//! minutes, the worker's totals and counters, and the session's linking terms
//! (cover, budget, continuity, fairness). Every move is a sequence of
//! primitives, undone by applying the inverses in reverse.

use super::model::{Fm, Model, NONE};
use super::problem::{Boundary, DAILY_REST_WINDOW};
use super::score::Score;

mod floor;
mod served;

use served::Served;

/// A primitive change, recorded for undo.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Op {
    Add(u32, u32),
    Remove(u32, u32),
    /// Session, old placement, new placement.
    Place(u32, u32, u32),
}

/// The search state.
#[derive(Debug, Clone)]
pub(crate) struct State<'m> {
    pub m: &'m Model,
    pub place: Vec<u32>,
    pub seats: Vec<Vec<u32>>,
    /// Sessions per (worker, day of placement).
    pub day_sess: Vec<Vec<u32>>,
    /// Sessions per (worker, day), compact, for run scans.
    day_cnt: Vec<u8>,
    day_term: Vec<Score>,
    block_term: Vec<i64>,
    week_min: Vec<i64>,
    total: Vec<i64>,
    nights: Vec<u32>,
    kind_cnt: Vec<u32>,
    we_days: Vec<u8>,
    weekends: Vec<u32>,
    fair_x: Vec<i64>,
    fair_s1: Vec<i64>,
    fair_s2: Vec<i64>,
    budget: Vec<i64>,
    person_cnt: Vec<u32>,
    person_distinct: Vec<u32>,
    series_cnt: Vec<u32>,
    series_distinct: Vec<u32>,
    /// Whether each worker serves each person, then each series (a count
    /// above 0): a bit a pair, a worker's bits side by side, which is all
    /// `link_delta` reads of continuity.
    serves: Served,
    serves_series: Served,
    /// The required sessions with every seat taken, a bit a session (see
    /// [`State::is_full`]).
    full: Vec<u64>,
    pub score: Score,
    pub log: Vec<Op>,
}

#[inline]
fn pos(x: i64) -> i64 {
    x.max(0)
}

/// Longest uncovered stretch of `[a, b)` given intervals sorted by start.
fn longest_gap(iv: &[(i64, i64)], a: i64, b: i64) -> i64 {
    let mut cur = a;
    let mut best = 0;
    for &(s, e) in iv {
        if s > cur {
            best = best.max(s.min(b) - cur);
        }
        cur = cur.max(e);
        if cur >= b {
            break;
        }
    }
    if cur < b {
        best = best.max(b - cur);
    }
    best
}

/// A small buffer on the stack with a heap fallback.
struct Buf {
    arr: [(i64, i64); 48],
    n: usize,
    heap: Vec<(i64, i64)>,
}

impl Buf {
    fn new() -> Self {
        Self {
            arr: [(0, 0); 48],
            n: 0,
            heap: Vec::new(),
        }
    }
    fn push(&mut self, x: (i64, i64)) {
        if self.n < 48 {
            self.arr[self.n] = x;
            self.n += 1;
        } else {
            if self.heap.is_empty() {
                self.heap.extend_from_slice(&self.arr);
            }
            self.heap.push(x);
        }
    }
    fn sorted(&mut self) -> &[(i64, i64)] {
        if self.heap.is_empty() {
            let s = &mut self.arr[..self.n];
            s.sort_unstable();
            s
        } else {
            self.heap.sort_unstable();
            &self.heap
        }
    }
}

impl<'m> State<'m> {
    /// The empty roster (every session at placement 0 or its baseline
    /// placement), with its score.
    pub fn new(m: &'m Model) -> Self {
        let (nw, nd) = (m.nw, m.nd);
        let mut st = State {
            m,
            place: m
                .sess
                .iter()
                .zip(&m.baseline_place)
                .map(|(s, &b)| if (b as usize) < s.pls.len() { b } else { 0 })
                .collect(),
            seats: vec![Vec::new(); m.sess.len()],
            day_sess: vec![Vec::new(); nw * nd],
            day_cnt: vec![0; nw * nd],
            day_term: vec![Score::ZERO; nw * nd],
            block_term: vec![0; nw * m.nblocks],
            week_min: vec![0; nw * m.nweeks],
            total: vec![0; nw],
            nights: vec![0; nw],
            kind_cnt: vec![0; nw * m.nk],
            we_days: vec![0; nw * m.nweekends],
            weekends: vec![0; nw],
            fair_x: vec![0; nw * m.fair.len()],
            fair_s1: vec![0; m.fair.len()],
            fair_s2: vec![0; m.fair.len()],
            budget: vec![0; m.budget_cap.len()],
            person_cnt: vec![0; m.npersons * nw],
            person_distinct: vec![0; m.npersons],
            series_cnt: vec![0; m.nseries * nw],
            series_distinct: vec![0; m.nseries],
            serves: Served::new(nw, m.npersons),
            serves_series: Served::new(nw, m.nseries),
            full: vec![0; m.sess.len().div_ceil(64)],
            score: Score::ZERO,
            log: Vec::new(),
        };
        for s in 0..m.sess.len() {
            st.mark_full(s);
        }
        st.score = st.recompute();
        st
    }

    /// Whether session `s` is required and has every seat taken: one more
    /// worker on it breaks a hard rule.
    #[inline]
    pub fn is_full(&self, s: u32) -> bool {
        self.full[s as usize / 64] >> (s % 64) & 1 == 1
    }

    /// Sets session `s`'s bit of `full` from its seats.
    fn mark_full(&mut self, s: usize) {
        let se = &self.m.sess[s];
        let bit = 1 << (s % 64);
        if se.required && self.seats[s].len() >= se.want as usize {
            self.full[s / 64] |= bit;
        } else {
            self.full[s / 64] &= !bit;
        }
    }

    /// The score recomputed from the bookkeeping (refreshing stored terms).
    pub fn recompute(&mut self) -> Score {
        let m = self.m;
        let mut sc = Score::ZERO;
        sc.soft += m.stability_const;
        for w in 0..m.nw {
            for d in 0..m.nd {
                let t = self.day_term(w, d);
                self.day_term[w * m.nd + d] = t;
                sc = sc + t;
            }
            for b in 0..m.nblocks {
                let t = self.block_cost(w, b);
                self.block_term[w * m.nblocks + b] = t;
                sc.hard += t;
            }
            if m.nd > 0 {
                sc.hard += self.runs_cost(w, 0, m.nd - 1);
            }
            for k in 0..m.nweeks {
                sc.hard += self.week_cost(w, k);
            }
            sc.hard += self.global_cost(w);
        }
        for s in 0..m.sess.len() {
            sc = sc + self.session_cost(s);
            sc.hard += self.person_overlap(s, true);
            let pins = &m.sess[s].pins;
            sc.hard += pins.iter().filter(|w| !self.seats[s].contains(w)).count() as i64;
            let p = self.place[s] as usize;
            for &w in &self.seats[s] {
                sc.hard += m.hard_at(s, p, w as usize);
                sc.soft += m.soft_at(s, p, w as usize);
            }
        }
        for b in 0..m.budget_cap.len() {
            sc.hard += pos(self.budget[b] - m.budget_cap[b]);
        }
        for p in 0..m.npersons {
            sc.soft += m.w_person * (self.person_distinct[p] as i64 - 1).max(0);
        }
        for p in 0..m.nseries {
            sc.soft += m.w_series * (self.series_distinct[p] as i64 - 1).max(0);
        }
        for r in 0..m.fair.len() {
            sc.soft += self.fair_cost(r);
        }
        sc
    }

    #[inline]
    fn pl(&self, s: u32) -> &'m super::model::Pl {
        let m: &'m Model = self.m;
        &m.sess[s as usize].pls[self.place[s as usize] as usize]
    }

    #[inline]
    fn worked(&self, w: usize, d: usize) -> bool {
        self.day_cnt[w * self.m.nd + d] != 0
    }

    fn fair_cost(&self, r: usize) -> i64 {
        self.fair_cost_of(r, self.fair_s1[r], self.fair_s2[r])
    }

    /// Fairness rule `r`'s cost at the sum `s1` and sum of squares `s2` of
    /// its measure over the workers.
    fn fair_cost_of(&self, r: usize, s1: i64, s2: i64) -> i64 {
        let n = self.m.nw as i64;
        if n == 0 {
            return 0;
        }
        self.m.fair[r].1 * (s2 - s1 * s1 / n)
    }

    /// Cover and placement terms of a session.
    fn session_cost(&self, s: usize) -> Score {
        self.session_cost_n(s, self.seats[s].len() as i64)
    }

    /// Cover and placement terms of a session holding `n` workers.
    pub(crate) fn session_cost_n(&self, s: usize, n: i64) -> Score {
        let se = &self.m.sess[s];
        let want = se.want as i64;
        let pl = &se.pls[self.place[s] as usize];
        let mut sc = Score::ZERO;
        if se.required {
            sc.unfilled += pos(want - n) * pl.dur * se.priority;
            sc.hard += pos(n - want);
        } else {
            sc.soft += se.under * pos(want - n) + se.over * pos(n - want);
        }
        if n > 0 {
            sc.soft += pl.penalty * self.m.w_placement;
        }
        sc
    }

    /// The hard level of worker `w`'s own rules: their day, block, run and
    /// week terms and their totals.
    pub(crate) fn worker_hard(&self, w: usize) -> i64 {
        let days = match self.m.nd {
            0 => 0,
            nd => self.worker_hard_in(w, 0, nd - 1),
        };
        days + self.worker_hard_totals(w)
    }

    /// The part of `worker_hard` that lies on days `a ..= b`: their day
    /// terms there and the runs lying wholly inside.
    pub(crate) fn worker_hard_in(&self, w: usize, a: usize, b: usize) -> i64 {
        let nd = self.m.nd;
        let days: i64 = self.day_term[w * nd + a..=w * nd + b]
            .iter()
            .map(|t| t.hard)
            .sum();
        days + self.runs_cost(w, a, b)
    }

    /// The part of `worker_hard` that no day holds: their blocks, weeks and
    /// totals.
    pub(crate) fn worker_hard_totals(&self, w: usize) -> i64 {
        let m = self.m;
        let blocks: i64 = self.block_term[w * m.nblocks..(w + 1) * m.nblocks]
            .iter()
            .sum();
        let weeks: i64 = (0..m.nweeks).map(|k| self.week_cost(w, k)).sum();
        blocks + weeks + self.global_cost(w)
    }

    /// The worker's terms read off totals and counters.
    fn global_cost(&self, w: usize) -> i64 {
        let m = self.m;
        let wk = &m.workers[w];
        let t = self.total[w];
        let mut c = 0;
        if let Some(l) = wk.avg_limit {
            c += pos(wk.hist_minutes + t - l);
        }
        if let Some(l) = wk.night_limit
            && self.nights[w] > 0
        {
            c += pos(wk.hist_minutes + t - l);
        }
        if let Some(min) = wk.min_total {
            c += pos(min - t);
        }
        if let Some(max) = wk.max_total {
            c += pos(t - max);
        }
        if let Some(max) = wk.max_weekends {
            c += pos(self.weekends[w] as i64 - max as i64);
        }
        for &(k, max) in &wk.max_per_kind {
            c += pos(self.kind_cnt[w * m.nk + k as usize] as i64 - max as i64);
        }
        c + self.history_rest_cost(w)
    }

    /// Daily rest between the last shift before the horizon and the worker's
    /// first session: the 24 hours ending at that session's start. Only the
    /// days that start before `last_end + rest` can hold a session short of
    /// rest, so only they are looked at.
    fn history_rest_cost(&self, w: usize) -> i64 {
        let m = self.m;
        let wk = &m.workers[w];
        let (Some((rest, young_rest)), Some(le)) = (m.daily_rest, wk.hist_last_end) else {
            return 0;
        };
        let req = if wk.young { young_rest } else { rest };
        let mut first: Option<i64> = None;
        for d in 0..m.nd {
            if m.day_start[d] >= le + req {
                break;
            }
            for &s in &self.day_sess[w * m.nd + d] {
                let start = self.pl(s).start;
                first = Some(first.map_or(start, |f| f.min(start)));
            }
        }
        match first {
            Some(f) if f < le + req => {
                let gap = if le >= f {
                    0
                } else {
                    f - le.max(f - DAILY_REST_WINDOW)
                };
                pos(req - gap)
            }
            _ => 0,
        }
    }

    fn week_cost(&self, w: usize, k: usize) -> i64 {
        self.week_cost_at(w, self.week_min[w * self.m.nweeks + k])
    }

    /// Worker `w`'s weekly terms for a week of `mins` minutes.
    fn week_cost_at(&self, w: usize, mins: i64) -> i64 {
        let m = self.m;
        let wk = &m.workers[w];
        let mut c = 0;
        if let Some(min) = wk.min_week {
            c += pos(min - mins);
        }
        if let Some(max) = wk.max_week {
            c += pos(mins - max);
        }
        if wk.young
            && let Some((_, per_week)) = m.young
        {
            c += pos(mins - per_week);
        }
        c
    }

    /// Cost of the complete runs lying in `[a, b]`.
    fn runs_cost(&self, w: usize, a: usize, b: usize) -> i64 {
        let m = self.m;
        let wk = &m.workers[w];
        if wk.max_consec.is_none() && wk.min_consec.is_none() && wk.min_off.is_none() {
            return 0;
        }
        let last = m.nd - 1;
        let row = &self.day_cnt[w * m.nd..(w + 1) * m.nd];
        let mut c = 0;
        let mut i = a;
        while i <= b {
            let on = row[i] != 0;
            let mut j = i;
            while j < b && (row[j + 1] != 0) == on {
                j += 1;
            }
            let len = (j - i + 1) as i64;
            if on {
                let len = if i == 0 {
                    len + wk.hist_before as i64
                } else {
                    len
                };
                if let Some(max) = wk.max_consec {
                    c += pos(len - max as i64);
                }
                if let Some(min) = wk.min_consec {
                    let exempt = match m.boundary {
                        Boundary::Continues => i == 0 || j == last,
                        Boundary::Off => false,
                    };
                    if !exempt {
                        c += pos(min as i64 - len);
                    }
                }
            } else if let Some(min) = wk.min_off {
                let exempt = match m.boundary {
                    Boundary::Continues => i == 0 || j == last,
                    Boundary::Off => j == last || (i == 0 && wk.hist_before == 0),
                };
                if !exempt {
                    c += pos(min as i64 - len);
                }
            }
            i = j + 1;
        }
        c
    }

    /// The region of complete runs that a flip of day `d` can change.
    fn run_region(&self, w: usize, d: usize) -> (usize, usize) {
        let m = self.m;
        let mut a = d;
        if d > 0 {
            a = d - 1;
            let on = self.worked(w, a);
            while a > 0 && self.worked(w, a - 1) == on {
                a -= 1;
            }
        }
        let mut b = d;
        if d + 1 < m.nd {
            b = d + 1;
            let on = self.worked(w, b);
            while b + 1 < m.nd && self.worked(w, b + 1) == on {
                b += 1;
            }
        }
        (a, b)
    }

    /// Weekly-rest shortfall of block `b`.
    fn block_cost(&self, w: usize, b: usize) -> i64 {
        let m = self.m;
        let Some((period, minutes, young_minutes)) = m.weekly_rest else {
            return 0;
        };
        let d0 = b * period;
        let d1 = d0 + period - 1;
        let (a, e) = (m.day_start[d0], m.day_end[d1]);
        let mut buf = Buf::new();
        if let Some(le) = m.workers[w].hist_last_end
            && le > a
        {
            buf.push((a, le.min(e)));
        }
        for d in d0.saturating_sub(m.bspan)..=d1 {
            for &s in &self.day_sess[w * m.nd + d] {
                let p = self.pl(s);
                if p.end > a && p.start < e {
                    buf.push((p.start.max(a), p.end.min(e)));
                }
            }
        }
        let req = if m.workers[w].young {
            young_minutes
        } else {
            minutes
        };
        pos(req - longest_gap(buf.sorted(), a, e))
    }

    /// The per-day terms of worker `w` on day `d`: overlap, travel and daily
    /// rest of the sessions starting that day, one-per-day, young daily
    /// minutes, successions into the next day, and requests.
    fn day_term(&self, w: usize, d: usize) -> Score {
        let m = self.m;
        let nd = m.nd;
        let list = &self.day_sess[w * nd + d];
        let mut sc = Score::ZERO;
        // Requests.
        let (r0, r1) = (
            m.req_idx[w * nd + d] as usize,
            m.req_idx[w * nd + d + 1] as usize,
        );
        for r in &m.reqs[r0..r1] {
            let matched = list
                .iter()
                .any(|&s| r.kind == NONE || m.sess[s as usize].kind == r.kind);
            if matched != r.on {
                sc.soft += r.weight;
            }
        }
        if list.is_empty() {
            return sc;
        }
        let wk = &m.workers[w];
        if m.one_per_day {
            sc.hard += list.len() as i64 - 1;
        }
        if wk.young
            && let Some((per_day, _)) = m.young
        {
            let mins: i64 = list.iter().map(|&s| self.pl(s).dur).sum();
            sc.hard += pos(mins - per_day);
        }
        for &s in list {
            let ps = self.pl(s);
            let key_s = (ps.start, ps.end, s);
            let mut succ: Option<(i64, i64, u32)> = None;
            for e in d..=(ps.fwd_day as usize) {
                for &t in &self.day_sess[w * nd + e] {
                    if t == s {
                        continue;
                    }
                    let pt = self.pl(t);
                    let key_t = (pt.start, pt.end, t);
                    if key_t <= key_s {
                        continue;
                    }
                    if pt.start < ps.end {
                        sc.hard += pt.end.min(ps.end) - pt.start;
                    }
                    if m.travel > 0
                        && pt.start < ps.end + m.travel
                        && succ.is_none_or(|k| key_t < k)
                    {
                        succ = Some(key_t);
                    }
                }
            }
            if let Some((ts, te, t)) = succ {
                let (a, b) = (m.sess[s as usize].place, m.sess[t as usize].place);
                let overlaps = ts < ps.end && ps.start < te;
                if !overlaps && a != NONE && b != NONE && a != b {
                    sc.hard += pos(m.travel - (ts - ps.end));
                }
            }
            if let Some((rest, young_rest)) = m.daily_rest {
                let (a, e) = (ps.start, ps.start + DAILY_REST_WINDOW);
                let mut buf = Buf::new();
                if let Some(le) = wk.hist_last_end
                    && le > a
                {
                    buf.push((a, le.min(e)));
                }
                for dd in d.saturating_sub(m.bspan)..=(ps.rest_day as usize) {
                    for &t in &self.day_sess[w * nd + dd] {
                        let pt = self.pl(t);
                        if pt.end > a && pt.start < e {
                            buf.push((pt.start.max(a), pt.end.min(e)));
                        }
                    }
                }
                let req = if wk.young { young_rest } else { rest };
                sc.hard += pos(req - longest_gap(buf.sorted(), a, e));
            }
        }
        if m.any_forbid && d + 1 < nd {
            let next = &self.day_sess[w * nd + d + 1];
            let nk = m.nk;
            for (i, &s) in list.iter().enumerate() {
                let ka = m.sess[s as usize].kind;
                if ka == NONE || list[..i].iter().any(|&x| m.sess[x as usize].kind == ka) {
                    continue;
                }
                for (j, &t) in next.iter().enumerate() {
                    let kb = m.sess[t as usize].kind;
                    if kb == NONE || next[..j].iter().any(|&x| m.sess[x as usize].kind == kb) {
                        continue;
                    }
                    if m.forbid[ka as usize * nk + kb as usize] {
                        sc.hard += 1;
                    }
                }
            }
        }
        sc
    }

    /// Fairness measure change of worker `w` for rule `r`, given the session
    /// placement and whether a weekend day flipped and the hours before.
    fn fair_update(
        &mut self,
        w: usize,
        s: u32,
        sign: i64,
        we_flip: bool,
        hours_before: i64,
    ) -> Score {
        let m = self.m;
        let mut sc = Score::ZERO;
        for r in 0..m.fair.len() {
            let dx = match m.fair[r].0 {
                Fm::Nights => {
                    if self.pl(s).night_fair {
                        sign
                    } else {
                        0
                    }
                }
                Fm::WeekendDays => {
                    if we_flip {
                        sign
                    } else {
                        0
                    }
                }
                Fm::Hours => self.total[w] / 60 - hours_before,
                Fm::Kind(k) => {
                    if m.sess[s as usize].kind == k {
                        sign
                    } else {
                        0
                    }
                }
            };
            if dx != 0 {
                let before = self.fair_cost(r);
                let x = &mut self.fair_x[r * m.nw + w];
                let old = *x;
                *x += dx;
                let new = *x;
                self.fair_s1[r] += dx;
                self.fair_s2[r] += new * new - old * old;
                sc.soft += self.fair_cost(r) - before;
            }
        }
        sc
    }

    /// Adds (`sign = 1`) or removes (`sign = -1`) worker `w` on session `s`
    /// in the worker's own bookkeeping; returns the score change.
    fn worker_change(&mut self, s: u32, w: usize, sign: i64) -> Score {
        let m = self.m;
        let nd = m.nd;
        let p = *self.pl(s);
        let d = p.day as usize;
        let mut delta = Score::ZERO;
        let cell = w * nd + d;
        let flips = if sign > 0 {
            self.day_sess[cell].is_empty()
        } else {
            self.day_sess[cell].len() == 1
        };
        let lo = d.saturating_sub(m.fw);
        let hi = (d + m.bw).min(nd - 1);
        for t in &self.day_term[w * nd + lo..=w * nd + hi] {
            delta = delta - *t;
        }
        let (b0, b1) = match m.weekly_rest {
            Some((period, _, _)) if m.nblocks > 0 => {
                let b0 = d / period;
                let b1 = (p.last_day as usize / period).min(m.nblocks - 1);
                (b0, b1)
            }
            _ => (1, 0),
        };
        for b in b0..=b1.min(m.nblocks.saturating_sub(1)) {
            if b < m.nblocks {
                delta.hard -= self.block_term[w * m.nblocks + b];
            }
        }
        let region = if flips {
            Some(self.run_region(w, d))
        } else {
            None
        };
        if let Some((a, b)) = region {
            delta.hard -= self.runs_cost(w, a, b);
        }
        // The rota weeks its minutes count in (one, or two when clipped).
        let weeks = p
            .weeks
            .into_iter()
            .filter(|&(k, _)| (k as usize) < m.nweeks);
        for (k, _) in weeks.clone() {
            delta.hard -= self.week_cost(w, k as usize);
        }
        delta.hard -= self.global_cost(w);
        let hours_before = self.total[w] / 60;

        // Mutate.
        if sign > 0 {
            self.day_sess[cell].push(s);
        } else if let Some(i) = self.day_sess[cell].iter().position(|&x| x == s) {
            self.day_sess[cell].swap_remove(i);
        }
        self.day_cnt[cell] = self.day_sess[cell].len().min(255) as u8;
        for (k, minutes) in weeks.clone() {
            self.week_min[w * m.nweeks + k as usize] += sign * minutes;
        }
        self.total[w] += sign * p.dur;
        if p.night {
            self.nights[w] = (self.nights[w] as i64 + sign) as u32;
        }
        let kind = m.sess[s as usize].kind;
        if kind != NONE {
            let c = &mut self.kind_cnt[w * m.nk + kind as usize];
            *c = (*c as i64 + sign) as u32;
        }
        let mut we_flip = false;
        if flips && m.weekend_of[d] != NONE {
            we_flip = true;
            let e = m.weekend_of[d] as usize;
            let c = &mut self.we_days[w * m.nweekends + e];
            let before = *c;
            *c = (*c as i64 + sign) as u8;
            if before == 0 && *c > 0 {
                self.weekends[w] += 1;
            } else if before > 0 && *c == 0 {
                self.weekends[w] -= 1;
            }
        }

        // After.
        for dd in lo..=hi {
            let t = self.day_term(w, dd);
            self.day_term[w * nd + dd] = t;
            delta = delta + t;
        }
        for b in b0..=b1.min(m.nblocks.saturating_sub(1)) {
            if b < m.nblocks {
                let t = self.block_cost(w, b);
                self.block_term[w * m.nblocks + b] = t;
                delta.hard += t;
            }
        }
        if let Some((a, b)) = region {
            delta.hard += self.runs_cost(w, a, b);
        }
        for (k, _) in weeks {
            delta.hard += self.week_cost(w, k as usize);
        }
        delta.hard += self.global_cost(w);
        if !m.fair.is_empty() {
            delta = delta + self.fair_update(w, s, sign, we_flip, hours_before);
        }
        delta
    }

    /// The session's linking terms around a seat change.
    fn link_change(&mut self, s: u32, w: usize, sign: i64) -> Score {
        let m = self.m;
        let si = s as usize;
        let se = &m.sess[si];
        let p = self.place[si] as usize;
        let mut delta = Score::ZERO - self.session_cost(si);
        if sign > 0 {
            self.seats[si].push(w as u32);
        } else if let Some(i) = self.seats[si].iter().position(|&x| x as usize == w) {
            self.seats[si].remove(i);
        }
        self.mark_full(si);
        delta = delta + self.session_cost(si);
        delta.hard += sign * m.hard_at(si, p, w);
        if se.pins.contains(&(w as u32)) {
            delta.hard -= sign;
        }
        delta.soft += sign * m.soft_at(si, p, w);
        if se.budget != NONE {
            let b = se.budget as usize;
            let before = pos(self.budget[b] - m.budget_cap[b]);
            self.budget[b] += sign * se.pls[p].charge;
            delta.hard += pos(self.budget[b] - m.budget_cap[b]) - before;
        }
        if se.person != NONE {
            let g = se.person as usize;
            let c = &mut self.person_cnt[g * m.nw + w];
            let d = &mut self.person_distinct[g];
            let before = (*d as i64 - 1).max(0);
            if sign > 0 {
                *c += 1;
                if *c == 1 {
                    *d += 1;
                    self.serves.flip(w, g);
                }
            } else {
                *c -= 1;
                if *c == 0 {
                    *d -= 1;
                    self.serves.flip(w, g);
                }
            }
            delta.soft += m.w_person * ((*d as i64 - 1).max(0) - before);
        }
        if se.series != NONE {
            let g = se.series as usize;
            let c = &mut self.series_cnt[g * m.nw + w];
            let d = &mut self.series_distinct[g];
            let before = (*d as i64 - 1).max(0);
            if sign > 0 {
                *c += 1;
                if *c == 1 {
                    *d += 1;
                    self.serves_series.flip(w, g);
                }
            } else {
                *c -= 1;
                if *c == 0 {
                    *d -= 1;
                    self.serves_series.flip(w, g);
                }
            }
            delta.soft += m.w_series * ((*d as i64 - 1).max(0) - before);
        }
        delta
    }

    /// The change in the session's linking terms (cover, placement, static
    /// per-seat costs, budget, continuity) if `w` joined `s`, without the
    /// worker's own rules. Does not change the state.
    pub fn link_delta(&self, s: u32, w: u32) -> Score {
        let m = self.m;
        let si = s as usize;
        let w = w as usize;
        let se = &m.sess[si];
        let n = self.seats[si].len() as i64;
        let mut d = self.session_cost_n(si, n + 1) - self.session_cost_n(si, n);
        let p = self.place[si] as usize;
        d.hard += m.hard_at(si, p, w);
        d.soft += m.soft_at(si, p, w);
        if se.budget != NONE {
            let b = se.budget as usize;
            let cur = self.budget[b];
            d.hard += pos(cur + se.pls[p].charge - m.budget_cap[b]) - pos(cur - m.budget_cap[b]);
        }
        if se.person != NONE && !self.serves.get(w, se.person as usize) {
            let dist = self.person_distinct[se.person as usize] as i64;
            d.soft += m.w_person * ((dist).max(0) - (dist - 1).max(0));
        }
        if se.series != NONE && !self.serves_series.get(w, se.series as usize) {
            let dist = self.series_distinct[se.series as usize] as i64;
            d.soft += m.w_series * ((dist).max(0) - (dist - 1).max(0));
        }
        d
    }

    /// Sessions of kind `k` worker `w` works.
    pub fn kind_count(&self, w: usize, k: usize) -> usize {
        self.kind_cnt[w * self.m.nk + k] as usize
    }

    /// Weekends on which worker `w` works.
    pub fn weekends_worked(&self, w: usize) -> usize {
        self.weekends[w] as usize
    }

    /// Minutes worker `w` works over the horizon.
    pub fn total_minutes(&self, w: usize) -> i64 {
        self.total[w]
    }

    /// Assigns worker `w` to session `s` (not already on it).
    pub fn add(&mut self, s: u32, w: u32) {
        let d = self.link_change(s, w as usize, 1) + self.worker_change(s, w as usize, 1);
        self.score = self.score + d;
        self.log.push(Op::Add(s, w));
    }

    /// Removes worker `w` from session `s` (who is on it).
    pub fn remove(&mut self, s: u32, w: u32) {
        let d = self.worker_change(s, w as usize, -1) + self.link_change(s, w as usize, -1);
        self.score = self.score + d;
        self.log.push(Op::Remove(s, w));
    }

    /// Minutes session `s` overlaps the other sessions of its person (only
    /// those after it with `later_only`, to count each pair once).
    fn person_overlap(&self, s: usize, later_only: bool) -> i64 {
        let a = self.pl(s as u32);
        self.m.person_mates[s]
            .iter()
            .filter(|&&t| !later_only || t as usize > s)
            .map(|&t| {
                let b = self.pl(t);
                pos(a.end.min(b.end) - a.start.max(b.start))
            })
            .sum()
    }

    /// Sets the placement of an empty session.
    pub fn set_placement(&mut self, s: u32, p: u32) {
        let si = s as usize;
        let old = self.place[si];
        let mut before = self.session_cost(si);
        before.hard += self.person_overlap(si, false);
        self.place[si] = p;
        let mut d = self.session_cost(si) - before;
        d.hard += self.person_overlap(si, false);
        self.score = self.score + d;
        self.log.push(Op::Place(s, old, p));
    }

    /// Moves a session (with its workers) to placement `p`.
    pub fn move_placement(&mut self, s: u32, p: u32) {
        let ws: smallvec_lite::Seats = smallvec_lite::Seats::from(&self.seats[s as usize]);
        for &w in ws.as_slice() {
            self.remove(s, w);
        }
        self.set_placement(s, p);
        for &w in ws.as_slice() {
            self.add(s, w);
        }
    }

    /// A mark to undo back to.
    pub fn mark(&self) -> usize {
        self.log.len()
    }

    /// Undoes every primitive since `mark`.
    pub fn undo_to(&mut self, mark: usize) {
        while self.log.len() > mark {
            let Some(op) = self.log.pop() else { break };
            match op {
                Op::Add(s, w) => self.remove(s, w),
                Op::Remove(s, w) => self.add(s, w),
                Op::Place(s, p, _) => self.set_placement(s, p),
            }
            self.log.pop();
        }
    }

    /// Applies primitives again (after an undo).
    pub fn replay(&mut self, ops: &[Op]) {
        for &op in ops {
            match op {
                Op::Add(s, w) => self.add(s, w),
                Op::Remove(s, w) => self.remove(s, w),
                Op::Place(s, _, p) => self.set_placement(s, p),
            }
        }
    }

    /// Forgets the undo log (the changes are kept).
    pub fn commit(&mut self) {
        self.log.clear();
    }

    /// Whether worker `w` is on session `s`.
    #[inline]
    pub fn on(&self, s: u32, w: u32) -> bool {
        self.seats[s as usize].contains(&w)
    }
}

/// A tiny inline copy of a session's seats.
pub(crate) mod smallvec_lite {
    /// Up to 8 workers inline, more on the heap.
    pub(crate) struct Seats {
        arr: [u32; 8],
        n: usize,
        heap: Vec<u32>,
    }
    impl Seats {
        pub(crate) fn from(v: &[u32]) -> Self {
            if v.len() <= 8 {
                let mut arr = [0; 8];
                arr[..v.len()].copy_from_slice(v);
                Seats {
                    arr,
                    n: v.len(),
                    heap: Vec::new(),
                }
            } else {
                Seats {
                    arr: [0; 8],
                    n: 0,
                    heap: v.to_vec(),
                }
            }
        }
        pub(crate) fn as_slice(&self) -> &[u32] {
            if self.heap.is_empty() {
                &self.arr[..self.n]
            } else {
                &self.heap
            }
        }
    }
}
