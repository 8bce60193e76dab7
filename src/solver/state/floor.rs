//! A floor under the change that seating one worker would make.
//!
//! Construction and ruin-and-recreate give each seat to the candidate whose
//! seat lowers the score most. Scoring a seat in full (add, read, undo)
//! re-scores the worker's days around it, their rest blocks and their runs;
//! doing that for every candidate of every seat grew with sessions times
//! workers. [`State::add_floor`] is exact on the unfilled and soft levels
//! and a lower bound on the hard level, and reads only counters: the hard
//! terms that a seat can lower (a weekly or total minimum still short, a
//! run too short or an off stretch it ends, a travel gap when the worker's
//! next session changes) are counted at what they can lower at most, and
//! every other hard term only rises when a session is added. Candidates are
//! then scored in full in the order of their floors, and none after the
//! floor has passed the best full score: the same candidate is chosen.

use super::super::model::{Fm, NONE};
use super::super::score::Score;
use super::{State, pos};

/// The part of a seat's floor that every candidate shares: the session's
/// cover, placement and budget terms, and what a worker new to its person
/// or series adds (see [`State::seat_base`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct SeatBase {
    shared: Score,
    new_person: i64,
    new_series: i64,
}

impl State<'_> {
    /// What every candidate's floor on session `s` shares: worked out once
    /// a seat, not once a candidate.
    pub fn seat_base(&self, s: u32) -> SeatBase {
        let m = self.m;
        let si = s as usize;
        let se = &m.sess[si];
        let n = self.seats[si].len() as i64;
        let mut shared = self.session_cost_n(si, n + 1) - self.session_cost_n(si, n);
        if se.budget != NONE {
            let b = se.budget as usize;
            let cur = self.budget[b];
            let charge = se.pls[self.place[si] as usize].charge;
            shared.hard += pos(cur + charge - m.budget_cap[b]) - pos(cur - m.budget_cap[b]);
        }
        // A worker new to the group adds one to its distinct workers.
        let new = |distinct: u32, weight: i64| {
            let d = i64::from(distinct);
            weight * (d.max(0) - (d - 1).max(0))
        };
        SeatBase {
            shared,
            new_person: if se.person == NONE {
                0
            } else {
                new(self.person_distinct[se.person as usize], m.w_person)
            },
            new_series: if se.series == NONE {
                0
            } else {
                new(self.series_distinct[se.series as usize], m.w_series)
            },
        }
    }

    /// A lower bound on the change `add(s, w)` would make to the score,
    /// level by level (so in the score's order as well): exact on the
    /// unfilled and soft levels, at most the change on the hard level.
    /// `w` is not on `s`; `base` is `seat_base(s)`.
    pub fn add_floor(&self, base: &SeatBase, s: u32, w: u32) -> Score {
        let m = self.m;
        let (si, wi) = (s as usize, w as usize);
        let se = &m.sess[si];
        let pi = self.place[si] as usize;
        // The seat's own terms (as `link_delta` has them).
        let mut sc = base.shared;
        sc.hard += m.hard_at(si, pi, wi);
        sc.soft += m.soft_at(si, pi, wi);
        if se.person != NONE && !self.serves.get(wi, se.person as usize) {
            sc.soft += base.new_person;
        }
        if se.series != NONE && !self.serves_series.get(wi, se.series as usize) {
            sc.soft += base.new_series;
        }
        if se.pins.contains(&w) {
            sc.hard -= 1;
        }
        let p = &se.pls[pi];
        let d = p.day as usize;
        let nd = m.nd;
        let cell = wi * nd + d;
        let flips = self.day_cnt[cell] == 0;
        // Requests on the day (soft, exact).
        let (r0, r1) = (m.req_idx[cell] as usize, m.req_idx[cell + 1] as usize);
        if r1 > r0 {
            let list = &self.day_sess[cell];
            for r in &m.reqs[r0..r1] {
                let was = list
                    .iter()
                    .any(|&t| r.kind == NONE || m.sess[t as usize].kind == r.kind);
                let now = was || r.kind == NONE || se.kind == r.kind;
                sc.soft += r.weight * (i64::from(now != r.on) - i64::from(was != r.on));
            }
        }
        // A session between two others may take the place of the later one
        // as the next session, and a travel shortfall with it.
        if m.travel > 0 {
            let lo = d.saturating_sub(m.fw);
            let hi = (d + m.bw).min(nd - 1);
            let days = &self.day_term[wi * nd + lo..=wi * nd + hi];
            sc.hard -= days.iter().map(|t| t.hard).sum::<i64>();
        }
        // Runs: a day worked may lengthen a short run or end a short off
        // stretch.
        let wk = &m.workers[wi];
        if flips && (wk.min_consec.is_some() || wk.min_off.is_some()) {
            let (a, b) = self.run_region(wi, d);
            sc.hard -= self.runs_cost(wi, a, b);
        }
        // Weekly minutes (exact).
        for (k, minutes) in p.weeks {
            if (k as usize) < m.nweeks {
                let mins = self.week_min[wi * m.nweeks + k as usize];
                sc.hard += self.week_cost_at(wi, mins + minutes) - self.week_cost_at(wi, mins);
            }
        }
        // Totals: only a minimum still short can fall.
        let total = self.total[wi];
        if let Some(min) = wk.min_total {
            sc.hard += pos(min - total - p.dur) - pos(min - total);
        }
        // Fairness (soft, exact).
        for (r, &(measure, _)) in m.fair.iter().enumerate() {
            let dx = match measure {
                Fm::Nights => i64::from(p.night_fair),
                Fm::WeekendDays => i64::from(flips && m.weekend_of[d] != NONE),
                Fm::Hours => (total + p.dur) / 60 - total / 60,
                Fm::Kind(k) => i64::from(se.kind == k),
            };
            if dx != 0 {
                let x = self.fair_x[r * m.nw + wi];
                let (s1, s2) = (self.fair_s1[r], self.fair_s2[r]);
                let after = self.fair_cost_of(r, s1 + dx, s2 + (x + dx) * (x + dx) - x * x);
                sc.soft += after - self.fair_cost_of(r, s1, s2);
            }
        }
        sc
    }
}
