//! Re-optimising one worker's schedule over a window of days by dynamic
//! programming, everyone else held fixed.
//!
//! Each day of the window the worker is off or takes one session starting
//! that day (at its current placement). The DP state is the group of the
//! previous day's kind (for forbidden successions; kinds after which the
//! same kinds are forbidden share a group, `Model::succ_of`), the current
//! work or off run's length (capped where the rules stop caring), whether
//! the run touches day 0 (for the boundary exemptions), and the minutes
//! worked in the window scaled by the GCD of the session lengths (when the
//! worker has total-minute limits).
//! A choice costs its marginal linking terms given everyone else (cover,
//! unfilled, per-seat costs, budget, continuity) plus the worker's requests
//! that day; runs, successions and totals are costed by the DP itself. Rules
//! the DP does not track (per-kind limits, weekends, weekly minutes, rest,
//! overlaps across midnight, fairness) are left to the true scorer, which
//! judges the proposed row through the acceptance rule like any other move.

use super::model::{Model, NONE, Wk};
use super::problem::Boundary;
use super::score::Score;
use super::state::State;

const HW: i64 = 1 << 36;
const UW: i64 = 1 << 12;
const INF: i64 = i64::MAX / 4;
/// Most states × days the DP may visit; beyond it, minutes are not tracked.
const BUDGET: usize = 3_000_000;
/// The same for a whole-horizon repair (`DpBuf::whole`): about 24 MB of
/// back pointers, freed after the repair.
const WHOLE_BUDGET: usize = 4_000_000;
/// Most DP solves per re-optimisation (pricing limits the DP does not track).
const ROUNDS: usize = 8;

/// A score as one number (hard ≫ unfilled ≫ soft), as the DP compares them.
pub(crate) fn scal(s: Score) -> i64 {
    s.hard
        .saturating_mul(HW)
        .saturating_add(s.unfilled.saturating_mul(UW))
        .saturating_add(s.soft)
}

#[derive(Debug, Clone, Copy)]
struct Opt {
    /// Session, or [`NONE`] for off or a forced (pinned) day.
    s: u32,
    work: bool,
    kind: u32,
    /// The kind's group for successions (`Model::succ_of`).
    class: u32,
    mins: usize,
    cost: i64,
}

/// The totals a row is held to: the worker's own, or in a rolling
/// construction (`DpBuf::prorata`) their share up to the window's last day.
#[derive(Debug, Clone, Copy)]
struct Limits {
    min_total: Option<i64>,
    max_total: Option<i64>,
    max_weekends: Option<u32>,
}

impl Limits {
    fn of(m: &Model, w: usize, b: usize, prorata: bool) -> Self {
        let wk = &m.workers[w];
        if !prorata || b + 1 >= m.nd {
            return Limits {
                min_total: wk.min_total,
                max_total: wk.max_total,
                max_weekends: wk.max_weekends,
            };
        }
        let (part, all) = ((b + 1) as i64, m.nd as i64);
        let weekends_upto = |d: usize| {
            let mut n = 0u32;
            let mut last = NONE;
            for &we in &m.weekend_of[..d] {
                if we != NONE && we != last {
                    n += 1;
                    last = we;
                }
            }
            n
        };
        let (we_part, we_all) = (weekends_upto(b + 1), weekends_upto(m.nd).max(1));
        Limits {
            min_total: wk.min_total.map(|x| x * part / all),
            max_total: wk.max_total.map(|x| (x * part + all - 1) / all),
            max_weekends: wk
                .max_weekends
                .map(|x| (x * we_part).div_ceil(we_all).min(x)),
        }
    }
}

/// Reusable buffers.
#[derive(Debug, Default)]
pub(crate) struct DpBuf {
    opts: Vec<Opt>,
    idx: Vec<usize>,
    /// Per day of the window, the candidate sessions left out of its
    /// options as full (see `reoptimise`): still counted in `work`.
    skipped: Vec<usize>,
    cost: Vec<i64>,
    next: Vec<i64>,
    /// The states of finite cost on the current day and the next (the
    /// rest of `cost` and `next` is `INF`).
    live: Vec<u32>,
    next_live: Vec<u32>,
    back_state: Vec<u32>,
    back_opt: Vec<u16>,
    tmp: Vec<u32>,
    /// Option costs before any surcharge.
    base: Vec<i64>,
    /// Surcharges for untracked totals, per option.
    extra: Vec<i64>,
    /// Per limited kind: price, highest price known to break the limit,
    /// lowest known to keep it (or -1).
    price: Vec<(i64, i64, i64)>,
    /// The cheapest row found that keeps every limit.
    kept: Vec<u32>,
    /// Hold rows to a pro-rata share of the totals up to the window's end
    /// (a rolling construction, when the days after the window are empty).
    pub prorata: bool,
    /// Re-plan with the larger budget of a whole-horizon repair, keeping
    /// minutes before weekends (see `Search::repair`).
    pub whole: bool,
    /// State × option pairs examined so far (a measure of work that does
    /// not depend on the machine).
    pub work: u64,
}

impl DpBuf {
    /// Frees the back pointers (the next solve allocates what it needs).
    pub(crate) fn release(&mut self) {
        self.back_state = Vec::new();
        self.back_opt = Vec::new();
    }
}

pub(crate) fn req_cost(m: &Model, w: usize, d: usize, work: Option<u32>) -> i64 {
    let (r0, r1) = (
        m.req_idx[w * m.nd + d] as usize,
        m.req_idx[w * m.nd + d + 1] as usize,
    );
    let mut c = 0;
    for r in &m.reqs[r0..r1] {
        let matched = work.is_some_and(|k| r.kind == NONE || r.kind == k);
        if matched != r.on {
            c += r.weight;
        }
    }
    c
}

/// Re-plans worker `w` on days `a ..= b` (pinned sessions stay). With
/// `force`, the row must take that session if any row that keeps the rules
/// the DP tracks can (a large bonus, below any hard cost). Returns whether
/// anything was proposed. The changes are logged in the state for undo.
pub(crate) fn reoptimise(
    st: &mut State<'_>,
    by_day: &[Vec<u32>],
    w: u32,
    (a, b): (usize, usize),
    force: Option<u32>,
    buf: &mut DpBuf,
) -> bool {
    let m = st.m;
    let nd = m.nd;
    let wi = w as usize;
    let wk = &m.workers[wi];
    if b >= nd || a > b {
        return false;
    }
    // 1. Clear the window of movable sessions.
    for d in a..=b {
        buf.tmp.clear();
        buf.tmp.extend_from_slice(&st.day_sess[wi * nd + d]);
        for i in 0..buf.tmp.len() {
            let s = buf.tmp[i];
            if !m.sess[s as usize].pins.contains(&w) {
                st.remove(s, w);
            }
        }
    }
    let nk = m.nk as u32;
    let class_of = |k: u32| {
        if k == NONE {
            m.nsucc as u32
        } else {
            m.succ_of[k as usize]
        }
    };
    let g = m.dur_gcd.max(1);
    let lim = Limits::of(m, wi, b, buf.prorata);
    // 2. Options per day.
    buf.opts.clear();
    buf.idx.clear();
    buf.skipped.clear();
    // A seat on a required session already full breaks a hard rule (one
    // head too many), so a row that takes it is worse than the same row
    // with that day off, unless a day worked can lower one of the
    // worker's own hard terms (a minimum of run, off stretch or minutes):
    // without one, full sessions are left out of the options, which the
    // best row never takes. Their count still goes into `work`, so that
    // the effort shared by work is what it was.
    let skip_full = wk.min_consec.is_none() && wk.min_off.is_none() && lim.min_total.is_none();
    for (d, sessions) in by_day.iter().enumerate().take(b + 1).skip(a) {
        buf.idx.push(buf.opts.len());
        buf.skipped.push(0);
        let fixed = &st.day_sess[wi * nd + d];
        if let Some(&s) = fixed.first() {
            let k = m.sess[s as usize].kind;
            buf.opts.push(Opt {
                s: NONE,
                work: true,
                kind: if k == NONE { nk } else { k },
                class: class_of(k),
                mins: 0,
                cost: 0,
            });
            continue;
        }
        buf.opts.push(Opt {
            s: NONE,
            work: false,
            kind: nk,
            class: m.nsucc as u32,
            mins: 0,
            cost: req_cost(m, wi, d, None),
        });
        for &s in sessions.iter().take(u16::MAX as usize - 1) {
            // The cheap tests first: two bits, then the session itself.
            if !m.is_cand(s as usize, wi) {
                continue;
            }
            let full = skip_full && force != Some(s) && st.is_full(s);
            if full && !m.on_many_days(s as usize) {
                buf.skipped[d - a] += 1;
                continue;
            }
            let se = &m.sess[s as usize];
            let pl = &se.pls[st.place[s as usize] as usize];
            if pl.day as usize != d {
                continue;
            }
            if full {
                buf.skipped[d - a] += 1;
                continue;
            }
            let mut cost =
                scal(st.link_delta(s, w)).saturating_add(req_cost(m, wi, d, Some(se.kind)));
            if force == Some(s) {
                cost = cost.saturating_sub(HW / 4);
            }
            buf.opts.push(Opt {
                s,
                work: true,
                kind: if se.kind == NONE { nk } else { se.kind },
                class: class_of(se.kind),
                mins: (pl.dur / g) as usize,
                cost,
            });
        }
    }
    buf.idx.push(buf.opts.len());
    // 3. Solve. Rules the DP may not track (per-kind limits always, total
    // minutes and weekends when the state space is too large) are priced:
    // each limited kind gets a surcharge per session, found by doubling then
    // bisecting between a price that breaks the limit and one that keeps it
    // (a Lagrangian relaxation); untracked totals get a blunt surcharge on
    // the options that break them. The row kept is the cheapest one that
    // keeps every limit, or the last one tried if none does.
    buf.base.clear();
    buf.base.extend(buf.opts.iter().map(|o| o.cost));
    buf.extra.clear();
    buf.extra.resize(buf.opts.len(), 0);
    let nlim = wk.max_per_kind.len();
    buf.price.clear();
    buf.price.resize(nlim, (0, 0, -1));
    buf.kept.clear();
    let mut kept_cost = INF;
    let cap = HW / (4 * (b - a + 1) as i64);
    for round in 0..ROUNDS {
        for (i, o) in buf.opts.iter_mut().enumerate() {
            let mut c = buf.base[i].saturating_add(buf.extra[i]);
            if o.work && o.s != NONE {
                for (j, &(k, _)) in wk.max_per_kind.iter().enumerate() {
                    if o.kind == k {
                        c = c.saturating_add(buf.price[j].0);
                    }
                }
            }
            o.cost = c;
        }
        let (minutes_tracked, weekends_tracked, found) = solve_row(st, w, (a, b), lim, buf);
        let mut broken = false;
        if !minutes_tracked {
            let chosen: i64 = buf
                .tmp
                .iter()
                .map(|&s| m.sess[s as usize].pls[st.place[s as usize] as usize].dur)
                .sum();
            let total = st.total_minutes(wi) + chosen;
            let short = lim.min_total.map_or(0, |min| pos(min - total));
            let excess = lim.max_total.map_or(0, |max| pos(total - max));
            if short > 0 || excess > 0 {
                broken = true;
                for (i, o) in buf.opts.iter().enumerate() {
                    if o.work && o.s != NONE {
                        let d = o.mins as i64 * g;
                        let change = if short > 0 {
                            -d.min(short)
                        } else {
                            d.min(excess)
                        };
                        // Small enough per option that all the window's
                        // options together never outweigh one broken rule
                        // the DP keeps exactly.
                        buf.extra[i] =
                            (buf.extra[i] + change.saturating_mul(cap) / d.max(1)).clamp(-cap, cap);
                    }
                }
            }
        }
        if !weekends_tracked && let Some(max) = lim.max_weekends {
            let mut count = st.weekends_worked(wi);
            let mut last = NONE;
            for &s in &buf.tmp {
                let we = m.weekend_of
                    [m.sess[s as usize].pls[st.place[s as usize] as usize].day as usize];
                if we != NONE && we != last {
                    count += 1;
                    last = we;
                }
            }
            if count > max as usize {
                broken = true;
                for (i, o) in buf.opts.iter().enumerate() {
                    if o.work && o.s != NONE {
                        let day =
                            m.sess[o.s as usize].pls[st.place[o.s as usize] as usize].day as usize;
                        if m.weekend_of[day] != NONE {
                            buf.extra[i] = (buf.extra[i] + cap).clamp(-cap, cap);
                        }
                    }
                }
            }
        }
        // Per-kind prices: `(price, lowest price known to break, highest
        // known to keep or -1)`.
        let mut settled = true;
        let mut surcharge = 0i64;
        for (j, &(k, max)) in wk.max_per_kind.iter().enumerate() {
            let chosen = buf
                .tmp
                .iter()
                .filter(|&&s| m.sess[s as usize].kind == k)
                .count();
            let (price, lo, hi) = buf.price[j];
            surcharge = surcharge.saturating_add(price.saturating_mul(chosen as i64));
            let next = if st.kind_count(wi, k as usize) + chosen > max as usize {
                broken = true;
                settled = false;
                let lo = price;
                if hi < 0 {
                    // The largest gain an option of this kind offers.
                    let gain = buf
                        .opts
                        .iter()
                        .zip(&buf.base)
                        .filter(|(o, _)| o.work && o.s != NONE && o.kind == k)
                        .map(|(_, &c)| -c)
                        .max()
                        .unwrap_or(0)
                        .clamp(1, HW / 2);
                    let p = if round + 2 >= ROUNDS && buf.kept.is_empty() {
                        // Last try: price the kind out, as a sure repair.
                        HW / 2
                    } else if price == 0 {
                        (gain / 2).max(1)
                    } else {
                        price.saturating_mul(8).min(HW / 2)
                    };
                    (p, lo, hi)
                } else {
                    ((lo + hi) / 2 + 1, lo, hi)
                }
            } else if price > 0 {
                let hi = price;
                if hi - lo > (hi / 8).max(1) {
                    settled = false;
                }
                ((lo + hi) / 2, lo, hi)
            } else {
                (0, lo, hi)
            };
            buf.price[j] = next;
        }
        if !broken && found < INF {
            let true_cost = found.saturating_sub(surcharge);
            if true_cost < kept_cost {
                kept_cost = true_cost;
                buf.kept.clear();
                buf.kept.extend_from_slice(&buf.tmp);
            }
        }
        if settled && !broken {
            break;
        }
    }
    if kept_cost < INF {
        std::mem::swap(&mut buf.tmp, &mut buf.kept);
    }
    for i in 0..buf.tmp.len() {
        let s = buf.tmp[i];
        if !st.on(s, w) {
            st.add(s, w);
        }
    }
    true
}

/// The DP proper over the options in `buf`; leaves the chosen sessions in
/// `buf.tmp`.
fn solve_row(
    st: &State<'_>,
    w: u32,
    (a, b): (usize, usize),
    lim: Limits,
    buf: &mut DpBuf,
) -> (bool, bool, i64) {
    let m = st.m;
    let nd = m.nd;
    let wi = w as usize;
    let wk = &m.workers[wi];
    let g = m.dur_gcd.max(1);
    // 3. State space.
    let (rcap, ocap) = run_caps(wk);
    let runs = rcap + ocap;
    let kk = m.nsucc + 1;
    let base = st.total_minutes(wi);
    let track = lim.min_total.is_some() || lim.max_total.is_some();
    let days = b - a + 1;
    let mut mb_max = if track {
        let top = lim.max_total.or(lim.min_total).unwrap_or(0);
        (pos(top - base) / g + 1) as usize
    } else {
        0
    };
    // Weekends: count worked weekends (capped past the limit). When the
    // state space would be too large, drop minutes, then weekends; the
    // caller repairs those by surcharges.
    // A whole-horizon repair (`DpBuf::whole`) has a larger budget and drops
    // weekends first: a worker whose totals need almost every day the run
    // rules allow is repaired only with their minutes exact.
    let mut wcap = lim.max_weekends.map_or(0, |x| x as usize + 1);
    let budget = if buf.whole { WHOLE_BUDGET } else { BUDGET };
    let size = |mb: usize, wc: usize| kk * runs * 2 * (mb + 1) * (wc + 1) * days;
    if buf.whole && size(mb_max, wcap) > budget {
        wcap = 0;
    }
    if size(mb_max, wcap) > budget {
        mb_max = 0;
    }
    if size(0, wcap) > budget {
        wcap = 0;
    }
    let w0 = if wcap > 0 {
        st.weekends_worked(wi).min(wcap)
    } else {
        0
    };
    let nwk = wcap + 1;
    let mb1 = mb_max + 1;
    let ns = kk * runs * 2 * mb1 * nwk;
    let index = |pk: usize, rs: usize, t: usize, mb: usize, wc: usize| {
        (((pk * runs + rs) * 2 + t) * mb1 + mb) * nwk + wc
    };
    buf.work = buf.work.saturating_add(ns as u64);
    buf.cost.clear();
    buf.cost.resize(ns, INF);
    buf.next.clear();
    buf.next.resize(ns, INF);
    buf.live.clear();
    buf.next_live.clear();
    // Only entries of states reached are written, and the backtrack reads
    // only those: no need to clear what earlier calls left.
    if buf.back_state.len() < ns * days {
        buf.back_state.resize(ns * days, u32::MAX);
        buf.back_opt.resize(ns * days, 0);
    }
    let continues = m.boundary == Boundary::Continues;
    let hist = wk.hist_before as usize;
    let off_exempt_t = continues || hist == 0;
    // Initial state (the day before the window).
    let first_virtual = a == 0;
    if a == 0 {
        // Encoded as an off run of length `ocap` so nothing is charged when
        // it ends; day 0 is handled specially below.
        buf.cost[index(m.nsucc, runs - 1, 1, 0, w0)] = 0;
        buf.live.push(index(m.nsucc, runs - 1, 1, 0, w0) as u32);
    } else {
        let prev = &st.day_sess[wi * nd + a - 1];
        let on = !prev.is_empty();
        let pk = prev.first().map_or(m.nsucc, |&s| {
            let k = m.sess[s as usize].kind;
            if k == NONE {
                m.nsucc
            } else {
                m.succ_of[k as usize] as usize
            }
        });
        let cap = if on { rcap } else { ocap };
        let mut len = 1;
        let mut d = a - 1;
        while len < cap && d > 0 && st.day_sess[wi * nd + d - 1].is_empty() != on {
            len += 1;
            d -= 1;
        }
        let touches = d == 0 && len < cap;
        if on && touches {
            len = (len + hist).min(rcap);
        }
        let rs = if on { len - 1 } else { rcap + len - 1 };
        buf.cost[index(pk, rs, touches as usize, 0, w0)] = 0;
        buf.live.push(index(pk, rs, touches as usize, 0, w0) as u32);
    }
    // 4. Forward pass.
    // A state's parts from its index (see `index`).
    let parts = |from: usize| {
        let wc = from % nwk;
        let r = from / nwk;
        let mb = r % mb1;
        let r = r / mb1;
        let t = r % 2;
        let r = r / 2;
        (r / runs, r % runs, t, mb, wc)
    };
    for (i, d) in (a..=b).enumerate() {
        let opts = &buf.opts[buf.idx[i]..buf.idx[i + 1]];
        buf.work = buf
            .work
            .saturating_add((buf.live.len() * (opts.len() + buf.skipped[i]).max(1)) as u64);
        let virt = first_virtual && i == 0;
        // A worked day opens a new weekend unless it is the Sunday after a
        // worked Saturday of the same weekend.
        let we = m.weekend_of[d];
        let same_we_prev = we != NONE && d > 0 && m.weekend_of[d - 1] == we;
        for li in 0..buf.live.len() {
            let from = buf.live[li] as usize;
            let c0 = buf.cost[from];
            let (pk, rs, t, mb, wc) = parts(from);
            let prev_work = rs < rcap;
            // Every working option moves the runs alike, and
            // so does every day off: worked out once here.
            let (mut work_add, work_rs, work_t) = if virt {
                let len = hist + 1;
                let add = wk
                    .max_consec
                    .map_or(0, |mx| HW * pos(len as i64 - mx as i64));
                (add, len.min(rcap) - 1, 1)
            } else if prev_work {
                let len = rs + 2;
                let add = match wk.max_consec {
                    Some(mx) if len > mx as usize => HW,
                    _ => 0,
                };
                (add, len.min(rcap) - 1, t)
            } else {
                let len = rs - rcap + 1;
                let add = match wk.min_off {
                    Some(mo) if !(t == 1 && off_exempt_t) => HW * pos(mo as i64 - len as i64),
                    _ => 0,
                };
                (add, 0, 0)
            };
            let mut work_wc = wc;
            if wcap > 0 && we != NONE && !(same_we_prev && prev_work && !virt) {
                work_wc = (wc + 1).min(wcap);
                if work_wc == wcap && wc + 1 >= wcap {
                    work_add += HW;
                }
            }
            let (off_add, off_rs, off_t) = if virt {
                (0, rcap, 1)
            } else if prev_work {
                let len = rs + 1;
                let add = match wk.min_consec {
                    Some(mn) if !(t == 1 && continues) => HW * pos(mn as i64 - len as i64),
                    _ => 0,
                };
                (add, rcap, 0)
            } else {
                (0, (rs + 1).min(runs - 1), t)
            };
            let forbid = (pk < m.nsucc).then(|| &m.succ_forbid[pk * m.nk..(pk + 1) * m.nk]);
            for (oi, o) in opts.iter().enumerate() {
                let mut c = c0.saturating_add(o.cost);
                let (nrs, nt, npk, nwc);
                if o.work {
                    c += work_add;
                    if let Some(f) = forbid
                        && f.get(o.kind as usize).copied().unwrap_or(false)
                    {
                        c += HW;
                    }
                    (nrs, nt, npk, nwc) = (work_rs, work_t, o.class as usize, work_wc);
                } else {
                    c += off_add;
                    (nrs, nt, npk, nwc) = (off_rs, off_t, m.nsucc, wc);
                }
                let nmb = (mb + o.mins).min(mb_max);
                let to = index(npk, nrs, nt, nmb, nwc);
                // Ties go to the lowest state, then the first option, as
                // they would in a scan of every state in index order.
                let prior = buf.next[to];
                if c < prior
                    || (c == prior && c < INF && (from as u32) < buf.back_state[i * ns + to])
                {
                    if prior >= INF {
                        buf.next_live.push(to as u32);
                    }
                    buf.next[to] = c;
                    buf.back_state[i * ns + to] = from as u32;
                    buf.back_opt[i * ns + to] = oi as u16;
                }
            }
        }
        for &from in &buf.live {
            buf.cost[from as usize] = INF;
        }
        std::mem::swap(&mut buf.cost, &mut buf.next);
        std::mem::swap(&mut buf.live, &mut buf.next_live);
        buf.next_live.clear();
        let _ = d;
    }
    // 5. Terminal costs.
    let next_kind = if b + 1 < nd {
        st.day_sess[wi * nd + b + 1]
            .first()
            .map(|&s| m.sess[s as usize].kind)
    } else {
        None
    };
    // The fixed days after the window: is day b + 1 worked, and how long is
    // the work run starting there (capped)?
    let (next_on, next_len) = if b + 1 < nd {
        let on = !st.day_sess[wi * nd + b + 1].is_empty();
        let mut len = 0;
        while on
            && b + 1 + len < nd
            && len <= rcap
            && !st.day_sess[wi * nd + b + 1 + len].is_empty()
        {
            len += 1;
        }
        (on, len)
    } else {
        (false, 0)
    };
    let mut best = (INF, usize::MAX);
    for &sidx in &buf.live {
        let sidx = sidx as usize;
        let (pk, rs, t, mb, _) = parts(sidx);
        let mut c = buf.cost[sidx];
        if b == nd - 1
            && rs < rcap
            && !continues
            && let Some(mn) = wk.min_consec
        {
            c += HW * pos(mn as i64 - (rs + 1) as i64);
        }
        if b + 1 < nd {
            if rs < rcap && next_on {
                // The run goes on into the fixed days.
                if let Some(mx) = wk.max_consec {
                    let len = (rs + 1) as i64;
                    let merged = len + next_len as i64;
                    c += HW * (pos(merged - mx as i64) - pos(len - mx as i64));
                }
            } else if rs < rcap {
                // The run ends at the window's last day.
                if let Some(mn) = wk.min_consec
                    && !(t == 1 && continues)
                {
                    c += HW * pos(mn as i64 - (rs + 1) as i64);
                }
            } else if next_on
                && let Some(mo) = wk.min_off
                && !(t == 1 && off_exempt_t)
            {
                c += HW * pos(mo as i64 - (rs - rcap + 1) as i64);
            }
        }
        if let Some(k) = next_kind
            && k != NONE
            && pk < m.nsucc
            && m.succ_forbid[pk * m.nk + k as usize]
        {
            c += HW;
        }
        if track && mb_max > 0 {
            let total = base + mb as i64 * g;
            let off = lim.min_total.map_or(0, |min| pos(min - total))
                + lim.max_total.map_or(0, |max| pos(total - max));
            // A pro-rata share is a target, not a rule: missing
            // it by a session costs less than breaking a rule.
            c += if buf.prorata {
                (off + g - 1) / g * (HW / 64)
            } else {
                HW * off
            };
        }
        // The lowest state among the cheapest, whatever the list's order.
        if c < best.0 || (c == best.0 && c < INF && sidx < best.1) {
            best = (c, sidx);
        }
    }
    let tracked = (mb_max > 0 || !track, wcap > 0 || lim.max_weekends.is_none());
    if best.1 == usize::MAX {
        buf.tmp.clear();
        return (tracked.0, tracked.1, INF);
    }
    // 6. Backtrack and apply.
    let mut sidx = best.1;
    buf.tmp.clear();
    for i in (0..days).rev() {
        let o = buf.back_opt[i * ns + sidx] as usize;
        let opt = buf.opts[buf.idx[i] + o];
        if opt.s != NONE {
            buf.tmp.push(opt.s);
        }
        sidx = buf.back_state[i * ns + sidx] as usize;
        if sidx == u32::MAX as usize {
            break;
        }
    }
    (tracked.0, tracked.1, best.0)
}

/// The caps on a work run's and an off run's length in the DP state: past
/// them the rules no longer tell lengths apart.
fn run_caps(wk: &Wk) -> (usize, usize) {
    let rcap =
        (wk.max_consec.map_or(1, |x| x as usize + 1)).max(wk.min_consec.unwrap_or(1) as usize);
    (rcap, wk.min_off.unwrap_or(1).max(1) as usize)
}

/// Whether a whole-horizon repair of worker `w` can keep their minutes
/// exact within its budget (weekends dropped), the case it is for.
pub(crate) fn whole_fits(m: &Model, w: usize) -> bool {
    let wk = &m.workers[w];
    let (rcap, ocap) = run_caps(wk);
    let runs = rcap + ocap;
    let mb = wk
        .max_total
        .or(wk.min_total)
        .map_or(0, |t| (pos(t) / m.dur_gcd.max(1) + 1) as usize);
    (m.nsucc + 1) * runs * 2 * (mb + 1) * m.nd <= WHOLE_BUDGET
}

/// A rough count of the DP's state transitions for worker `w` over `days`.
pub(crate) fn cost_estimate(m: &Model, w: usize, days: usize) -> f64 {
    let wk = &m.workers[w];
    let (rcap, ocap) = run_caps(wk);
    let runs = rcap + ocap;
    let mb = match wk.max_total.or(wk.min_total) {
        Some(l) => (l.max(0) / m.dur_gcd.max(1)) as usize + 1,
        None => 1,
    };
    let nwk = wk.max_weekends.map_or(1, |x| x as usize + 2);
    let opts = 1 + m.sess.len() / m.nd.max(1);
    let states = ((m.nsucc + 1) * runs * 2 * mb * nwk).min(BUDGET / days.max(1) + 1);
    (states * days * opts) as f64
}

fn pos(x: i64) -> i64 {
    x.max(0)
}
