//! A floor under continuity: the fewest distinct workers each person, and
//! each recurring activity, can have in any roster that keeps every rule and
//! fills every seat.
//!
//! Continuity couples workers (it counts the distinct workers on a person's
//! sessions), so the Lagrangian bound leaves it out. It has a floor of its
//! own, found one person (or series) at a time: a set of workers can cover
//! all of that person's required seats only if
//!
//! - every session has at least as many candidates among them as seats
//!   (a 2:1 session needs two);
//! - the minutes can flow from the sessions to the workers: each worker
//!   takes at most one seat of a session, at most their weekly minutes in
//!   each rota week and at most their total (a maximum flow, from the
//!   sessions' seats through each worker's weeks to the worker).
//!
//! Every rule not written there (rest, overlap with other people's
//! sessions, everyone else's needs) is dropped, so a set that fails fails
//! in every roster. The floor is the size of the smallest set that passes,
//! found by trying every set of one worker, then of two, and so on: sets of
//! a size are tried in full or not at all, and when the count of tries runs
//! out the floor is the smallest size not yet ruled out, so it never claims
//! more than was shown. Minutes are each placement's shortest, which again
//! only lowers what the seats need.
//!
//! The soft level then counts at least `weight · (floor − 1)` for each
//! person and series, added to what the Lagrangian bound proves for the
//! other terms: both hold for every such roster at once.

use crate::solver::model::{Model, NONE};

/// Most sets of workers tried per person or series.
const TRIES: u32 = 20_000;

/// What the floor shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Floor {
    /// The least continuity score of any roster keeping every rule and
    /// filling every seat.
    pub soft: i64,
    /// Per person (the model's index), the fewest distinct workers.
    pub per_person: Vec<u32>,
    /// Per series, the fewest distinct workers.
    pub per_series: Vec<u32>,
    /// Work done (sessions × workers per flow tried), for the effort count.
    pub work: u64,
}

/// The floor for `m` (see the module notes).
pub(crate) fn floor(m: &Model) -> Floor {
    let mut by_person = vec![Vec::new(); m.npersons];
    let mut by_series = vec![Vec::new(); m.nseries];
    for (s, se) in m.sess.iter().enumerate() {
        if !se.required || se.want == 0 {
            continue;
        }
        if se.person != NONE {
            by_person[se.person as usize].push(s as u32);
        }
        if se.series != NONE {
            by_series[se.series as usize].push(s as u32);
        }
    }
    let mut out = Floor::default();
    for group in &by_person {
        let (least, work) = fewest(m, group);
        out.work += work;
        out.soft += m.w_person * i64::from(least.saturating_sub(1));
        out.per_person.push(least);
    }
    for group in &by_series {
        let (least, work) = fewest(m, group);
        out.work += work;
        out.soft += m.w_series * i64::from(least.saturating_sub(1));
        out.per_series.push(least);
    }
    out
}

/// The most minutes worker `w` may work in one rota week, if capped.
pub(crate) fn week_cap(m: &Model, w: usize) -> Option<i64> {
    let wk = &m.workers[w];
    let young = if wk.young { m.young.map(|y| y.1) } else { None };
    match (wk.max_week, young) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
    .map(|c| c.max(0))
}

/// One group's sessions as the flow sees them.
struct Need {
    /// Per session: seats, shortest minutes, the rota week all its
    /// placements start in (`NONE`: not one week), candidates.
    sessions: Vec<(u32, i64, u32, Vec<u32>)>,
    /// The minutes the seats need in all.
    total: i64,
}

/// The fewest workers who can cover `group`'s seats, and the work done.
fn fewest(m: &Model, group: &[u32]) -> (u32, u64) {
    if group.is_empty() {
        return (0, 0);
    }
    let sessions: Vec<_> = group
        .iter()
        .map(|&s| {
            let se = &m.sess[s as usize];
            let minutes = se.pls.iter().map(|p| p.dur).min().unwrap_or(0).max(0);
            let week = se.pls[0].weeks[0].0;
            let week = if se
                .pls
                .iter()
                .all(|p| p.weeks[0].0 == week && p.weeks[1].0 == NONE)
            {
                week
            } else {
                NONE
            };
            (se.want, minutes, week, se.cands.clone())
        })
        .collect();
    let total = sessions.iter().map(|&(n, d, _, _)| i64::from(n) * d).sum();
    let need = Need { sessions, total };
    let most_seats = need.sessions.iter().map(|s| s.0).max().unwrap_or(1);
    // The candidates, the most able first.
    let mut pool: Vec<u32> = need
        .sessions
        .iter()
        .flat_map(|s| s.3.iter().copied())
        .collect();
    pool.sort_unstable();
    pool.dedup();
    let reach = |w: u32| {
        let own: i64 = need
            .sessions
            .iter()
            .filter(|s| s.3.contains(&w))
            .map(|s| s.1)
            .sum();
        let total = m.workers[w as usize]
            .max_total
            .map_or(i64::MAX, |t| t.max(0));
        own.min(total)
    };
    let mut ranked: Vec<(i64, u32)> = pool.iter().map(|&w| (reach(w), w)).collect();
    ranked.sort_by_key(|&(r, w)| (std::cmp::Reverse(r), w));
    let mut search = Search {
        m,
        need: &need,
        ranked: &ranked,
        chosen: Vec::new(),
        tries: 0,
        work: 0,
    };
    for k in most_seats as usize..=ranked.len() {
        match search.any_of_size(k, 0, 0) {
            Some(true) => return (k as u32, search.work),
            Some(false) => {}
            // Out of tries: sizes below `k` are ruled out, `k` is not.
            None => return (k as u32, search.work),
        }
    }
    // No set of candidates covers the seats: no roster fills them all, and
    // the floor says nothing more than that every candidate is needed.
    (ranked.len() as u32, search.work)
}

/// Sets of workers tried for one group.
struct Search<'a> {
    m: &'a Model,
    need: &'a Need,
    /// Candidates with how many of the group's minutes each can reach.
    ranked: &'a [(i64, u32)],
    chosen: Vec<u32>,
    tries: u32,
    work: u64,
}

impl Search<'_> {
    /// Whether some set of `k` workers, `chosen` and more from `ranked[from..]`,
    /// covers the group; `None` when the tries ran out first. `reach` is
    /// the chosen's reach so far.
    fn any_of_size(&mut self, k: usize, from: usize, reach: i64) -> Option<bool> {
        if self.chosen.len() == k {
            self.tries += 1;
            if self.tries > TRIES {
                return None;
            }
            return Some(self.covers());
        }
        let left = k - self.chosen.len();
        for i in from..self.ranked.len() {
            if self.ranked.len() - i < left {
                break;
            }
            // The ranked list falls: the best this branch can reach.
            let best: i64 = self.ranked[i..i + left]
                .iter()
                .map(|r| r.0)
                .fold(reach, i64::saturating_add);
            if best < self.need.total {
                break;
            }
            self.chosen.push(self.ranked[i].1);
            let found = self.any_of_size(k, i + 1, reach.saturating_add(self.ranked[i].0));
            self.chosen.pop();
            match found {
                Some(false) => {}
                other => return other,
            }
        }
        Some(false)
    }

    /// Whether the chosen workers can cover every seat (see the module
    /// notes).
    fn covers(&mut self) -> bool {
        let need = self.need;
        let chosen = &self.chosen;
        let seats_ok = need.sessions.iter().all(|(seats, _, _, cands)| {
            chosen.iter().filter(|w| cands.contains(w)).count() >= *seats as usize
        });
        if !seats_ok {
            return false;
        }
        // Nodes: source, sessions, (worker, week) pairs, workers, sink.
        let ns = need.sessions.len();
        let nweeks = self.m.nweeks.max(1);
        let week_node = |c: usize, k: usize| 1 + ns + c * nweeks + k;
        let worker_node = |c: usize| 1 + ns + chosen.len() * nweeks + c;
        let sink = 1 + ns + chosen.len() * (nweeks + 1);
        let mut net = Flow::new(sink + 1);
        for (i, (seats, minutes, week, cands)) in need.sessions.iter().enumerate() {
            net.edge(0, 1 + i, i64::from(*seats) * minutes);
            for (c, w) in chosen.iter().enumerate() {
                if !cands.contains(w) {
                    continue;
                }
                let to = if *week == NONE {
                    worker_node(c)
                } else {
                    week_node(c, (*week as usize).min(nweeks - 1))
                };
                net.edge(1 + i, to, *minutes);
            }
        }
        for (c, &w) in chosen.iter().enumerate() {
            let cap = week_cap(self.m, w as usize).unwrap_or(i64::MAX / 4);
            for k in 0..nweeks {
                net.edge(week_node(c, k), worker_node(c), cap);
            }
            let total = self.m.workers[w as usize]
                .max_total
                .map_or(i64::MAX / 4, |t| t.max(0));
            net.edge(worker_node(c), sink, total);
        }
        self.work += net.edges.len() as u64;
        net.max_flow(0, sink) >= need.total
    }
}

/// A small flow network (augmenting paths found breadth first).
struct Flow {
    /// Per node, its edges (indices into `edges`).
    out: Vec<Vec<usize>>,
    /// (to, residual capacity); edge `e ^ 1` is the reverse of `e`.
    edges: Vec<(usize, i64)>,
}

impl Flow {
    fn new(nodes: usize) -> Self {
        Flow {
            out: vec![Vec::new(); nodes],
            edges: Vec::new(),
        }
    }

    fn edge(&mut self, from: usize, to: usize, cap: i64) {
        self.out[from].push(self.edges.len());
        self.edges.push((to, cap.max(0)));
        self.out[to].push(self.edges.len());
        self.edges.push((from, 0));
    }

    fn max_flow(&mut self, source: usize, sink: usize) -> i64 {
        let mut flow = 0i64;
        let n = self.out.len();
        loop {
            // Breadth first from the source over edges with room left.
            let mut via = vec![usize::MAX; n];
            let mut queue = std::collections::VecDeque::from([source]);
            let mut seen = vec![false; n];
            seen[source] = true;
            while let Some(u) = queue.pop_front() {
                for &e in &self.out[u] {
                    let (v, cap) = self.edges[e];
                    if cap > 0 && !seen[v] {
                        seen[v] = true;
                        via[v] = e;
                        queue.push_back(v);
                    }
                }
            }
            if !seen[sink] {
                return flow;
            }
            let mut push = i64::MAX;
            let mut v = sink;
            while v != source {
                let e = via[v];
                push = push.min(self.edges[e].1);
                v = self.edges[e ^ 1].0;
            }
            let mut v = sink;
            while v != source {
                let e = via[v];
                self.edges[e].1 -= push;
                self.edges[e ^ 1].1 += push;
                v = self.edges[e ^ 1].0;
            }
            flow = flow.saturating_add(push);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Flow;

    #[test]
    fn the_flow_is_the_least_cut() {
        // Two paths of 3 and 4 through a middle edge of 5.
        let mut net = Flow::new(4);
        net.edge(0, 1, 3);
        net.edge(0, 2, 4);
        net.edge(1, 3, 5);
        net.edge(2, 1, 5);
        assert_eq!(net.max_flow(0, 3), 5);
    }
}
