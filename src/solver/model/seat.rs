//! What one seat costs on its own: why a worker may not take a session at
//! a placement (the hard level), and what seating them costs (preference,
//! matching, pay, stability: the soft level).
//!
//! Every (session, placement, worker) triple has both, and where nearly
//! every worker can take nearly every session the triples grow with
//! sessions times workers. They were two tables of eight-byte numbers
//! (about 90 MB at 400 people and 300 workers, and a cache miss on every
//! read); now one byte a triple (how many reasons keep the worker out: the
//! hard cost is that many times the placement's minutes), and the soft
//! cost is worked out when read, from the worker's pay, a part every worker
//! pays at that placement, and the few workers the session names (the
//! preferred, the matched, those of the baseline).

use std::collections::BTreeMap;

use super::super::problem::{Placement, Problem, Session};
use super::{Model, Sess};
use crate::ids::{Tag, WorkerId};

/// The part of a seat's soft cost that depends on a worker the session
/// names: `fixed + per_minute × minutes` for `worker`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Named {
    pub worker: u32,
    pub fixed: i64,
    pub per_minute: i64,
}

impl Model {
    /// Static hard cost of worker `w` on session `s` at placement `p`
    /// (eligibility: tags, refusals, days off, leave, availability, young
    /// and night-length rules), in minutes.
    #[inline]
    pub fn hard_at(&self, s: usize, p: usize, w: usize) -> i64 {
        let se = &self.sess[s];
        // A candidate is kept out of none of a one-placement session (and
        // its bit is read where the byte would miss the cache).
        if se.pls.len() == 1 && self.is_cand(s, w) {
            return 0;
        }
        i64::from(self.reasons[se.offset + p * self.nw + w]) * se.pls[p].dur
    }

    /// Static soft cost of worker `w` on session `s` at placement `p`:
    /// preference, matching, pay and stability.
    #[inline]
    pub fn soft_at(&self, s: usize, p: usize, w: usize) -> i64 {
        let se = &self.sess[s];
        let pl = &se.pls[p];
        let mut c = (pl.dur * self.pay[w] + 30) / 60 * self.w_cost + pl.soft;
        if !se.named.is_empty()
            && let Ok(i) = se.named.binary_search_by_key(&(w as u32), |n| n.worker)
        {
            c += se.named[i].fixed + se.named[i].per_minute * pl.dur;
        }
        c
    }
}

/// A worker holding a required tag: (worker, from day, until day), as
/// `HeldTag` has them.
type Holder = (u32, Option<usize>, Option<usize>);

/// What the compiler works the seats out from: the workers' data indexed
/// once (tags interned, ids to indices, the holders of each tag listed),
/// so that a (session, placement) costs a pass over the workers' bytes and
/// no string is compared per triple.
pub(super) struct SeatData<'p> {
    pr: &'p Problem,
    /// The interned tags sessions require.
    tags: BTreeMap<&'p Tag, u32>,
    /// Per required tag, the workers holding it.
    holders: Vec<Vec<Holder>>,
    index: BTreeMap<&'p WorkerId, u32>,
    /// The workers a day, time or age rule may keep out (days off,
    /// unavailability, availability windows, young); the others skip
    /// those tests.
    timed: Vec<u32>,
    /// Scratch, per worker: the required tags they hold on the day, and
    /// the last tag counted.
    have: Vec<u32>,
    counted: Vec<u32>,
}

impl<'p> SeatData<'p> {
    pub(super) fn new(pr: &'p Problem) -> Self {
        let mut tags = BTreeMap::new();
        for s in &pr.sessions {
            for t in &s.requires {
                let n = tags.len() as u32;
                tags.entry(t).or_insert(n);
            }
        }
        let mut holders = vec![Vec::new(); tags.len()];
        for (wi, w) in pr.workers.iter().enumerate() {
            for h in &w.tags {
                if let Some(&t) = tags.get(&h.tag) {
                    holders[t as usize].push((wi as u32, h.from_day, h.until_day));
                }
            }
        }
        let nw = pr.workers.len();
        SeatData {
            pr,
            tags,
            holders,
            index: pr
                .workers
                .iter()
                .enumerate()
                .map(|(i, w)| (&w.id, i as u32))
                .collect(),
            timed: (0..nw as u32)
                .filter(|&w| {
                    let w = &pr.workers[w as usize];
                    !w.days_off.is_empty()
                        || !w.unavailable.is_empty()
                        || w.available.is_some()
                        || w.young
                })
                .collect(),
            have: vec![0; nw],
            counted: vec![u32::MAX; nw],
        }
    }

    /// The workers `ids` names, each once, by index (ids of no worker of
    /// the problem left out).
    fn indices(&self, ids: &[WorkerId]) -> Vec<u32> {
        let mut found: Vec<u32> = ids
            .iter()
            .filter_map(|id| self.index.get(id).copied())
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// Pushes, for every worker in order, how many reasons keep them off
    /// session `s` at placement `p`: a required tag not held that day,
    /// a refusal, a night session too long, a day off, unavailability, no
    /// availability window around it, a young worker at night.
    pub(super) fn reasons(&mut self, s: &Session, p: &Placement, out: &mut Vec<u8>) {
        let pr = self.pr;
        let nw = pr.workers.len();
        let dur = p.minutes();
        let too_long_night = pr.rules.night.is_some_and(|n| {
            n.max_night_session_minutes
                .is_some_and(|max| p.is_night(n.night_session_threshold) && dur > max)
        });
        let start = out.len();
        out.resize(start + nw, u8::from(too_long_night));
        let row = &mut out[start..];
        // Tags: one reason for a worker lacking any of them that day.
        let mut required: Vec<u32> = s.requires.iter().map(|t| self.tags[t]).collect();
        required.sort_unstable();
        required.dedup();
        if !required.is_empty() {
            self.have.fill(0);
            for &t in &required {
                for &(w, from, until) in &self.holders[t as usize] {
                    let valid = from.is_none_or(|from| p.day >= from)
                        && until.is_none_or(|until| p.day < until);
                    if valid && self.counted[w as usize] != t {
                        self.counted[w as usize] = t;
                        self.have[w as usize] += 1;
                    }
                }
            }
            let all = required.len() as u32;
            for (r, &h) in row.iter_mut().zip(&self.have) {
                *r += u8::from(h < all);
            }
            self.counted.fill(u32::MAX);
        }
        for w in self.indices(&s.refused) {
            row[w as usize] += 1;
        }
        for &wi in &self.timed {
            let w = &pr.workers[wi as usize];
            row[wi as usize] +=
                u8::from(w.days_off.contains(&p.day))
                    + u8::from(
                        w.unavailable
                            .iter()
                            .any(|i| i.start < p.end && p.start < i.end),
                    )
                    + u8::from(w.available.as_ref().is_some_and(|av| {
                        !av.iter().any(|i| i.start <= p.start && p.end <= i.end)
                    }))
                    + u8::from(w.young && p.young_restricted_minutes > 0);
        }
    }

    /// The workers session `s` names, with their part of its soft cost
    /// (sorted by worker); `baseline` holds the workers on it in the
    /// baseline, `stability` its weight and `baseline_minutes` the length
    /// of its baseline placement.
    pub(super) fn named(
        &self,
        s: &Session,
        baseline: &[u32],
        stability: i64,
        baseline_minutes: i64,
    ) -> Vec<Named> {
        let weights = &self.pr.weights;
        let mut named: BTreeMap<u32, Named> = BTreeMap::new();
        fn of(named: &mut BTreeMap<u32, Named>, w: u32) -> &mut Named {
            named.entry(w).or_insert(Named {
                worker: w,
                fixed: 0,
                per_minute: 0,
            })
        }
        let preferred = self.indices(&s.preferred);
        // The preferred do not pay the placement's charge for not being
        // preferred.
        for &w in &preferred {
            of(&mut named, w).per_minute -= weights.not_preferred;
        }
        for (id, penalty) in &s.worker_penalties {
            if let Some(&w) = self.index.get(id) {
                of(&mut named, w).fixed += penalty * weights.matching;
            }
        }
        // Those of the baseline are paid back their placement's stability
        // charge and pay none for it.
        if self.pr.baseline.is_some() {
            for &w in baseline {
                let n = of(&mut named, w);
                n.fixed -= baseline_minutes * stability;
                n.per_minute -= stability;
            }
        }
        named.into_values().collect()
    }

    /// The part of a seat's soft cost that every worker pays at a placement
    /// of `dur` minutes: not being preferred (where the session prefers
    /// anyone), and leaving the baseline (under a baseline).
    pub(super) fn shared_soft(&self, s: &Session, dur: i64, stability: i64) -> i64 {
        let weights = &self.pr.weights;
        let mut c = 0;
        if !s.preferred.is_empty() {
            c += dur * weights.not_preferred;
        }
        if self.pr.baseline.is_some() {
            c += dur * stability;
        }
        c
    }
}

/// The candidates of a session: workers with no reason against it at some
/// placement, unless their limit on its kind is none.
pub(super) fn candidates(
    se: &Sess,
    reasons: &[u8],
    nw: usize,
    capped: impl Fn(usize) -> bool,
) -> Vec<u32> {
    (0..nw)
        .filter(|&w| (0..se.pls.len()).any(|p| reasons[se.offset + p * nw + w] == 0) && !capped(w))
        .map(|w| w as u32)
        .collect()
}
