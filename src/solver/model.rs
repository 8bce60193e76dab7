//! The validated [`Problem`] compiled into flat, indexed arrays: the only form
//! the search touches. Everything static (eligibility, per-seat soft costs,
//! reaches of the local rules) is worked out here once.

use std::collections::BTreeMap;

use super::problem::{Boundary, Cover, Measure, Placement, Problem, Want, WeekCount};

mod seat;

/// No index.
pub(crate) const NONE: u32 = u32::MAX;

/// One placement of a session, compiled.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pl {
    pub day: u32,
    pub start: i64,
    pub end: i64,
    pub dur: i64,
    /// Last day the placement touches (the day holding `end - 1`).
    pub last_day: u32,
    /// Last day whose sessions a successor search must scan (overlap, travel).
    pub fwd_day: u32,
    /// Last day a 24-hour daily-rest window from `start` touches.
    pub rest_day: u32,
    /// A night session for the night-average rule.
    pub night: bool,
    /// A night session for the `Nights` fairness measure.
    pub night_fair: bool,
    /// The rota weeks its minutes count in for the weekly limits, with the
    /// minutes in each (`(NONE, 0)` for none), as `Rules::week_count` says.
    pub weeks: [(u32, i64); 2],
    pub charge: i64,
    pub penalty: i64,
    /// The part of a seat's static soft cost that every worker pays at it
    /// (see [`Model::soft_at`]).
    pub soft: i64,
}

/// A session, compiled.
#[derive(Debug, Clone)]
pub(crate) struct Sess {
    pub pls: Vec<Pl>,
    /// Offset of placement 0 in the per-(session, placement, worker) table
    /// of reasons (see [`Model::hard_at`]).
    pub offset: usize,
    pub required: bool,
    /// Seats (required) or wanted head-count (preferred).
    pub want: u32,
    pub under: i64,
    pub over: i64,
    pub priority: i64,
    pub kind: u32,
    pub place: u32,
    pub person: u32,
    pub series: u32,
    pub budget: u32,
    /// Pinned workers (distinct).
    pub pins: Vec<u32>,
    /// Workers statically able to take it at some placement.
    pub cands: Vec<u32>,
    /// The workers it names (preferred, matched, of the baseline) with
    /// their part of its static soft cost, by worker.
    pub named: Vec<seat::Named>,
}

/// A request, compiled.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Req {
    pub kind: u32,
    pub on: bool,
    pub weight: i64,
}

/// A worker, compiled.
#[derive(Debug, Clone)]
pub(crate) struct Wk {
    pub young: bool,
    pub avg_limit: Option<i64>,
    pub night_limit: Option<i64>,
    pub hist_minutes: i64,
    pub hist_last_end: Option<i64>,
    pub hist_before: u32,
    pub min_week: Option<i64>,
    pub max_week: Option<i64>,
    pub min_total: Option<i64>,
    pub max_total: Option<i64>,
    pub max_per_kind: Vec<(u32, u32)>,
    pub max_consec: Option<u32>,
    pub min_consec: Option<u32>,
    pub min_off: Option<u32>,
    pub max_weekends: Option<u32>,
}

/// A fairness rule, compiled.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Fm {
    Nights,
    WeekendDays,
    Hours,
    Kind(u32),
}

/// The compiled problem.
#[derive(Debug, Clone)]
pub(crate) struct Model {
    pub nd: usize,
    pub nw: usize,
    pub nk: usize,
    pub nweeks: usize,
    pub day_start: Vec<i64>,
    pub day_end: Vec<i64>,
    /// Weekend index per day, or [`NONE`].
    pub weekend_of: Vec<u32>,
    pub nweekends: usize,
    pub sess: Vec<Sess>,
    pub workers: Vec<Wk>,
    /// Per (session, placement, worker), how many reasons keep the worker
    /// off it (see [`Model::hard_at`]).
    reasons: Vec<u8>,
    /// Pay per hour per worker, and the weight of pay (see
    /// [`Model::soft_at`]).
    pay: Vec<i64>,
    w_cost: i64,
    /// Requests per (worker, day): `req_idx[w * nd + d] .. req_idx[w * nd + d + 1]` into `reqs`.
    pub req_idx: Vec<u32>,
    pub reqs: Vec<Req>,
    /// `forbid[a * nk + b]`: kind `b` may not follow kind `a` the next day.
    pub forbid: Vec<bool>,
    /// Kinds grouped by what may not follow them (the rows of `forbid`):
    /// each kind's group, `nsucc` for a kind nothing is forbidden after.
    /// The per-worker DP keeps the group of the day before, not its kind.
    pub succ_of: Vec<u32>,
    /// Number of groups.
    pub nsucc: usize,
    /// `succ_forbid[g * nk + b]`: kind `b` may not follow a kind of group `g`.
    pub succ_forbid: Vec<bool>,
    pub any_forbid: bool,
    pub one_per_day: bool,
    pub travel: i64,
    /// Daily rest (minutes, young minutes).
    pub daily_rest: Option<(i64, i64)>,
    /// Weekly rest (period days, minutes, young minutes).
    pub weekly_rest: Option<(usize, i64, i64)>,
    pub nblocks: usize,
    /// Young limits (per day, per week).
    pub young: Option<(i64, i64)>,
    pub boundary: Boundary,
    /// Forward and backward reach, in days, of the per-day terms.
    pub fw: usize,
    pub bw: usize,
    /// Most days a placement spans beyond its own.
    pub bspan: usize,
    pub w_placement: i64,
    pub w_person: i64,
    pub w_series: i64,
    pub fair: Vec<(Fm, i64)>,
    pub budget_cap: Vec<i64>,
    pub npersons: usize,
    pub nseries: usize,
    /// Per session, the other sessions of its person that can overlap it at
    /// some placements (the person-overlap rule looks only at these).
    pub person_mates: Vec<Vec<u32>>,
    /// Stability: the constant part (every baseline assignment counted as removed).
    pub stability_const: i64,
    /// Baseline placement per session (for the initial state).
    pub baseline_place: Vec<u32>,
    /// Baseline assignments (session, worker), deduplicated.
    pub baseline: Vec<(u32, u32)>,
    /// Greatest common divisor of all placement lengths (the DP's minute unit).
    pub dur_gcd: i64,
    /// The candidates of each session as a bitset, worker by worker
    /// (`cand_words` words a worker, a bit a session; see
    /// [`Model::is_cand`]).
    cand_bits: Vec<u64>,
    cand_words: usize,
    /// The sessions whose placements lie on more than one day, a bit a
    /// session (see [`Model::on_many_days`]).
    many_days: Vec<u64>,
}

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 { a.abs() } else { gcd(b, a % b) }
}

fn intern<K: Ord + Clone>(map: &mut BTreeMap<K, u32>, key: &K) -> u32 {
    let n = map.len() as u32;
    *map.entry(key.clone()).or_insert(n)
}

impl Model {
    /// The rota weeks a placement's minutes count in (see
    /// [`Pl::weeks`]); validation keeps a clipped placement within two weeks.
    fn week_parts(pr: &Problem, p: &Placement) -> [(u32, i64); 2] {
        let none = (NONE, 0);
        let week = p.day / 7;
        let Some((_, end)) = pr.week_span(week) else {
            return [none, none];
        };
        match pr.rules.week_count {
            WeekCount::ByStart => [(week as u32, p.minutes()), none],
            WeekCount::Clipped if p.end <= end => [(week as u32, p.minutes()), none],
            WeekCount::Clipped => {
                let next = pr.week_span(week + 1).map_or(none, |(start, end)| {
                    ((week + 1) as u32, p.end.min(end) - start)
                });
                [(week as u32, end - p.start), next]
            }
        }
    }

    /// Index of the day holding `minute` (clamped to the horizon).
    fn day_of(day_start: &[i64], minute: i64) -> u32 {
        let i = day_start.partition_point(|&s| s <= minute);
        i.saturating_sub(1) as u32
    }

    /// Whether worker `w` is a candidate of session `s` (in `Sess::cands`):
    /// one bit a pair, a worker's bits side by side, so that the DP's scan
    /// of the days' sessions for one worker reads a few hundred bytes
    /// instead of searching every session's list.
    #[inline]
    pub fn is_cand(&self, s: usize, w: usize) -> bool {
        self.cand_bits[w * self.cand_words + s / 64] >> (s % 64) & 1 == 1
    }

    /// Whether session `s` has placements on more than one day (so it is
    /// listed under each of them, and lies on only one at a time).
    #[inline]
    pub fn on_many_days(&self, s: usize) -> bool {
        self.many_days[s / 64] >> (s % 64) & 1 == 1
    }

    /// Compiles a problem that has passed [`Problem::validate`].
    pub fn compile(pr: &Problem) -> Model {
        let nd = pr.days.len();
        let nw = pr.workers.len();
        let day_start: Vec<i64> = pr.days.iter().map(|d| d.start).collect();
        let day_end: Vec<i64> = pr.days.iter().map(|d| d.end).collect();
        let min_day = pr
            .days
            .iter()
            .map(|d| d.end - d.start)
            .min()
            .unwrap_or(1440)
            .max(1);
        let _ = min_day;
        let weekends = pr.weekends();
        let mut weekend_of = vec![NONE; nd];
        for (k, days) in weekends.iter().enumerate() {
            for &d in days {
                weekend_of[d] = k as u32;
            }
        }
        let nweekends = weekends.len() as u32;
        let worker_index: BTreeMap<_, u32> = pr
            .workers
            .iter()
            .enumerate()
            .map(|(i, w)| (w.id.clone(), i as u32))
            .collect();
        let session_index: BTreeMap<_, u32> = pr
            .sessions
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i as u32))
            .collect();
        let budget_index: BTreeMap<_, u32> = pr
            .budgets
            .iter()
            .enumerate()
            .map(|(i, b)| (b.id.clone(), i as u32))
            .collect();
        let mut kinds = BTreeMap::new();
        let mut places = BTreeMap::new();
        let mut persons = BTreeMap::new();
        let mut series = BTreeMap::new();
        for s in &pr.sessions {
            if let Some(k) = &s.kind {
                intern(&mut kinds, k);
            }
        }
        for w in &pr.workers {
            for (k, _) in &w.limits.max_per_kind {
                intern(&mut kinds, k);
            }
            for r in &w.requests {
                if let Some(k) = &r.kind {
                    intern(&mut kinds, k);
                }
            }
        }
        for (a, b) in &pr.rules.forbidden_successions {
            intern(&mut kinds, a);
            intern(&mut kinds, b);
        }
        for f in &pr.weights.fairness {
            if let Measure::Kind(k) = &f.measure {
                intern(&mut kinds, k);
            }
        }
        let nk = kinds.len();
        let night_threshold = pr.rules.night.map(|n| n.night_session_threshold);
        let fair_threshold = pr.rules.night_session_threshold();
        let travel = pr.rules.travel_minutes;
        let daily_rest = pr.rules.daily_rest.map(|r| (r.minutes, r.young_minutes));

        // Baseline.
        let mut baseline_place = vec![0u32; pr.sessions.len()];
        let mut baseline = Vec::new();
        if let Some(b) = &pr.baseline {
            let mut chosen = vec![false; pr.sessions.len()];
            for c in &b.placements {
                if let Some(&s) = session_index.get(&c.session)
                    && !chosen[s as usize]
                {
                    chosen[s as usize] = true;
                    baseline_place[s as usize] = c.index as u32;
                }
            }
            for a in &b.assignments {
                if let (Some(&s), Some(&w)) =
                    (session_index.get(&a.session), worker_index.get(&a.worker))
                {
                    baseline.push((s, w));
                }
            }
            baseline.sort_unstable();
            baseline.dedup();
        }
        let ws = pr.weights.stability_of(&pr.sessions);
        let mut in_baseline = vec![Vec::new(); pr.sessions.len()];
        let mut stability_const = 0;
        for &(s, w) in &baseline {
            in_baseline[s as usize].push(w);
            let pl = &pr.sessions[s as usize].placements[baseline_place[s as usize] as usize];
            stability_const += pl.minutes() * ws[s as usize];
        }

        let mut pins: Vec<Vec<u32>> = vec![Vec::new(); pr.sessions.len()];
        for a in &pr.pins {
            if let (Some(&s), Some(&w)) =
                (session_index.get(&a.session), worker_index.get(&a.worker))
                && !pins[s as usize].contains(&w)
            {
                pins[s as usize].push(w);
            }
        }

        let mut sess = Vec::with_capacity(pr.sessions.len());
        let mut seats = seat::SeatData::new(pr);
        let mut reasons = Vec::new();
        let mut fw = 1usize;
        let mut bspan = 0usize;
        for (si, s) in pr.sessions.iter().enumerate() {
            let offset = reasons.len();
            let kind = s.kind.as_ref().map_or(NONE, |k| intern(&mut kinds, k));
            let mut pls = Vec::with_capacity(s.placements.len());
            for p in &s.placements {
                let last_day = Self::day_of(&day_start, p.end - 1);
                let fwd_day = Self::day_of(&day_start, p.end + travel.max(0) - 1);
                let rest_day = Self::day_of(&day_start, p.start + 1439);
                bspan = bspan.max((last_day as usize).saturating_sub(p.day));
                fw = fw.max((fwd_day as usize).saturating_sub(p.day));
                if daily_rest.is_some() {
                    fw = fw.max((rest_day as usize).saturating_sub(p.day));
                }
                pls.push(Pl {
                    day: p.day as u32,
                    start: p.start,
                    end: p.end,
                    dur: p.minutes(),
                    last_day,
                    fwd_day,
                    rest_day,
                    night: night_threshold.is_some_and(|t| p.night_minutes >= t),
                    night_fair: p.night_minutes >= fair_threshold,
                    weeks: Self::week_parts(pr, p),
                    charge: p.charge,
                    penalty: p.penalty,
                    soft: seats.shared_soft(s, p.minutes(), ws[si]),
                });
                seats.reasons(s, p, &mut reasons);
            }
            let baseline_minutes = s
                .placements
                .get(baseline_place[si] as usize)
                .map_or(0, Placement::minutes);
            let named = seats.named(s, &in_baseline[si], ws[si], baseline_minutes);
            let (required, want, under, over) = match s.cover {
                Cover::Required { workers } => (true, workers, 0, 0),
                Cover::Preferred {
                    wanted,
                    under_weight,
                    over_weight,
                } => (false, wanted, under_weight, over_weight),
            };
            sess.push(Sess {
                pls,
                offset,
                required,
                want,
                under,
                over,
                priority: s.priority,
                kind,
                place: s.place.as_ref().map_or(NONE, |p| intern(&mut places, p)),
                person: s.person.as_ref().map_or(NONE, |p| intern(&mut persons, p)),
                series: s.series.as_ref().map_or(NONE, |p| intern(&mut series, p)),
                budget: s
                    .budget
                    .as_ref()
                    .and_then(|b| budget_index.get(b).copied())
                    .unwrap_or(NONE),
                pins: std::mem::take(&mut pins[si]),
                cands: Vec::new(),
                named,
            });
        }
        let nk = nk.max(kinds.len());

        let horizon_days = nd as i64;
        let mut workers = Vec::with_capacity(nw);
        let mut req_idx = Vec::with_capacity(nw * nd + 1);
        let mut reqs = Vec::new();
        for w in &pr.workers {
            let h = w.history;
            let l = &w.limits;
            workers.push(Wk {
                young: w.young,
                avg_limit: pr
                    .rules
                    .average_week
                    .filter(|_| !w.opted_out)
                    .map(|a| a.max_minutes * (h.days + horizon_days) / 7),
                night_limit: pr
                    .rules
                    .night
                    .map(|n| n.max_average_minutes_per_day * (h.days + horizon_days)),
                hist_minutes: h.minutes,
                hist_last_end: h.last_end,
                hist_before: h.consecutive_days_before,
                min_week: l.min_minutes_per_week,
                max_week: l.max_minutes_per_week,
                min_total: l.min_minutes_total,
                max_total: l.max_minutes_total,
                max_per_kind: l
                    .max_per_kind
                    .iter()
                    .map(|(k, m)| (intern(&mut kinds, k), *m))
                    .collect(),
                max_consec: l.max_consecutive_days,
                min_consec: l.min_consecutive_days,
                min_off: l.min_consecutive_days_off,
                max_weekends: l.max_weekends,
            });
            let mut by_day: Vec<Vec<Req>> = vec![Vec::new(); nd];
            for r in &w.requests {
                if r.day < nd {
                    by_day[r.day].push(Req {
                        kind: r.kind.as_ref().map_or(NONE, |k| intern(&mut kinds, k)),
                        on: r.want == Want::On,
                        weight: r.weight * pr.weights.requests,
                    });
                }
            }
            for day in by_day {
                req_idx.push(reqs.len() as u32);
                reqs.extend(day);
            }
        }
        req_idx.push(reqs.len() as u32);

        let mut forbid = vec![false; nk * nk];
        for (a, b) in &pr.rules.forbidden_successions {
            let (a, b) = (
                intern(&mut kinds, a) as usize,
                intern(&mut kinds, b) as usize,
            );
            forbid[a * nk + b] = true;
        }

        let mut succ_of = vec![0u32; nk];
        let mut succ_forbid: Vec<bool> = Vec::new();
        for k in 0..nk {
            let row = &forbid[k * nk..(k + 1) * nk];
            succ_of[k] = if !row.contains(&true) {
                u32::MAX
            } else if let Some(g) = succ_forbid.chunks(nk).position(|r| r == row) {
                g as u32
            } else {
                succ_forbid.extend_from_slice(row);
                (succ_forbid.len() / nk - 1) as u32
            };
        }
        let nsucc = succ_forbid.len().checked_div(nk).unwrap_or(0);
        for g in &mut succ_of {
            if *g == u32::MAX {
                *g = nsucc as u32;
            }
        }

        // Candidates: statically eligible at some placement, kind not capped at 0.
        for s in &mut sess {
            let capped = |w: usize| {
                s.kind != NONE
                    && workers[w]
                        .max_per_kind
                        .iter()
                        .any(|&(k, m)| k == s.kind && m == 0)
            };
            let cands = seat::candidates(s, &reasons, nw, capped);
            s.cands = cands;
        }

        let weekly_rest = pr
            .rules
            .weekly_rest
            .map(|r| (r.period_days.max(1), r.minutes, r.young_minutes));
        let nblocks = weekly_rest.map_or(0, |(p, _, _)| nd / p);
        let bw = if daily_rest.is_some() { bspan } else { 0 };
        let fair = pr
            .weights
            .fairness
            .iter()
            .map(|f| {
                let m = match &f.measure {
                    Measure::Nights => Fm::Nights,
                    Measure::WeekendDays => Fm::WeekendDays,
                    Measure::Hours => Fm::Hours,
                    Measure::Kind(k) => Fm::Kind(intern(&mut kinds, k)),
                };
                (m, f.weight)
            })
            .collect();
        let person_mates = person_mates(&sess);
        let mut many_days = vec![0u64; sess.len().div_ceil(64)];
        for (si, s) in sess.iter().enumerate() {
            if s.pls.iter().any(|p| p.day != s.pls[0].day) {
                many_days[si / 64] |= 1 << (si % 64);
            }
        }
        let cand_words = sess.len().div_ceil(64);
        let mut cand_bits = vec![0u64; nw * cand_words];
        for (si, s) in sess.iter().enumerate() {
            for &w in &s.cands {
                cand_bits[w as usize * cand_words + si / 64] |= 1 << (si % 64);
            }
        }
        Model {
            person_mates,
            nd,
            nw,
            nk,
            nweeks: nd / 7,
            day_start,
            day_end,
            weekend_of,
            nweekends: nweekends as usize,
            sess,
            workers,
            reasons,
            pay: pr.workers.iter().map(|w| w.pay_per_hour).collect(),
            w_cost: pr.weights.cost,
            req_idx,
            reqs,
            forbid,
            succ_of,
            nsucc,
            succ_forbid,
            any_forbid: !pr.rules.forbidden_successions.is_empty(),
            one_per_day: pr.rules.one_session_per_day,
            travel,
            daily_rest,
            weekly_rest,
            nblocks,
            young: pr
                .rules
                .young
                .map(|y| (y.max_minutes_per_day, y.max_minutes_per_week)),
            boundary: pr.rules.boundary,
            fw,
            bw,
            bspan,
            w_placement: pr.weights.placement,
            w_person: pr.weights.continuity_person,
            w_series: pr.weights.continuity_series,
            fair,
            budget_cap: pr.budgets.iter().map(|b| b.cap).collect(),
            npersons: persons.len(),
            nseries: series.len(),
            stability_const,
            baseline_place,
            baseline,
            dur_gcd: pr
                .sessions
                .iter()
                .flat_map(|s| &s.placements)
                .fold(0, |g, p| gcd(g, p.minutes()))
                .max(1),
            cand_bits,
            cand_words,
            many_days,
        }
    }
}

/// For each session, the other sessions of the same person whose spans (from
/// the earliest start to the latest end over its placements) overlap.
fn person_mates(sess: &[Sess]) -> Vec<Vec<u32>> {
    let span = |s: u32| {
        let pls = &sess[s as usize].pls;
        let start = pls.iter().map(|p| p.start).min().unwrap_or(0);
        (start, pls.iter().map(|p| p.end).max().unwrap_or(start))
    };
    let mut order: Vec<u32> = (0..sess.len() as u32)
        .filter(|&s| sess[s as usize].person != NONE)
        .collect();
    order.sort_by_key(|&s| (sess[s as usize].person, span(s)));
    let mut mates = vec![Vec::new(); sess.len()];
    for (i, &a) in order.iter().enumerate() {
        let end = span(a).1;
        for &b in &order[i + 1..] {
            if sess[b as usize].person != sess[a as usize].person || span(b).0 >= end {
                break;
            }
            mates[a as usize].push(b);
            mates[b as usize].push(a);
        }
    }
    mates
}
