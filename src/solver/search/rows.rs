//! Whole rows for long horizons: the construction over more than eight
//! weeks, and a move of the search there.
//!
//! Every hard rule of a Curtois-like roster is one worker's own, so a
//! roster breaks none as soon as every row keeps its worker's rules. Each
//! worker in turn (a random order, then again as a best response to
//! everyone else) gets a row over the whole horizon from a DP that keeps
//! those rules *by construction*: a move that breaks a run, a succession or
//! a weekend limit is never taken, rather than priced. Its state:
//!
//! * the succession group of the last day's kind, the current work or off
//!   run's length (capped where the rules stop caring) and whether that run
//!   touches day 0 (the boundary exemptions), as in `dp.rs`;
//! * the minutes worked so far, kept within a *band* around a line from
//!   zero to the middle of the worker's total window that rises on the days
//!   they can work (flat over fixed days off), so that the row spreads its
//!   minutes over the year and ends inside the window (a state that leaves
//!   the band is dropped). Half the band is ten days of the worker's average
//!   work, at most half of [`BAND`] values, at least the longest session:
//!   minutes are exact unless the longest session is more than half the
//!   band in the sessions' common divisor, and then counted in a coarser
//!   unit, the exact total mended after (`Search::fix_row`);
//! * the weekends the row may still work ahead of a pro-rata line of the
//!   worker's weekend limit (at most [`SLACK`], counted from below, so that
//!   the row never works more weekends than allowed).
//!
//! Options of one day that differ only in kind, with the same length, the
//! same succession group and the same groups they may not follow, are one
//! option (the cheapest), so 32 shift types cost about as much as 10; their
//! kinds are given out after the solve, cheapest pairs first, under each
//! kind's limit. A kind that runs out gets a price and the row is solved
//! again (at most [`ROUNDS`] solves); what is still over its limit is
//! mended by `Search::fix_row`. A row costs its sessions' marginal linking
//! terms against everyone else (cover, per-seat costs) plus the worker's
//! requests, as in `dp.rs`.
//!
//! A worker for whom no row keeps the rules within the band is tried with
//! a band and a slack twice as wide, then four times ([`LEVELS`]); failing
//! that they keep what they had, and the repair (`construct.rs`) tries the
//! windowed DP. The work (states × options) is counted with the DP moves'
//! work, never timed.

use super::super::dp::{req_cost, scal};
use super::super::model::NONE;
use super::super::problem::Boundary;
use super::super::state::State;
use super::Search;

/// Most values the band of minutes takes.
const BAND: i64 = 24;
/// Half the band's width, in days of the worker's average work.
const BAND_DAYS: i64 = 10;
/// Most weekends a row may work ahead of its pro-rata line.
const SLACK: usize = 2;
/// Widths tried per row: each twice the last.
const LEVELS: u32 = 3;
/// Most solves per row (per-kind prices).
const ROUNDS: usize = 3;
/// The rise of a kind's price per round.
const PRICE_STEP: i64 = 50;
/// Passes of `Search::fix_row`.
const FIX_PASSES: usize = 8;
const INF: i64 = i64::MAX / 4;

/// `a / b` rounded up, for `a ≥ 0` and `b > 0`.
fn ceil(a: i64, b: i64) -> i64 {
    (a + b - 1) / b
}

/// One option of a day: off, a forced day (a pinned session), or the
/// cheapest of a group of sessions alike.
#[derive(Debug, Clone, Copy)]
struct Opt {
    /// Session to take, or [`NONE`].
    s: u32,
    work: bool,
    /// Succession group (`Model::succ_of`; `nsucc` for none).
    class: u32,
    /// Groups after which it may not be worked, a bit each.
    after: u64,
    units: i64,
    cost: i64,
}

/// Whether two options of a day differ at most in kind (one option of
/// the DP for both).
fn alike(a: &Opt, b: &Opt) -> bool {
    (a.class, a.after, a.units) == (b.class, b.after, b.units)
}

/// Buffers of the row DP, reused from row to row.
#[derive(Debug, Default)]
pub(super) struct RowBuf {
    opts: Vec<Opt>,
    idx: Vec<usize>,
    cost: Vec<i64>,
    next: Vec<i64>,
    live: Vec<u32>,
    next_live: Vec<u32>,
    back: Vec<u32>,
    back_opt: Vec<u8>,
    /// Band's lowest value per day (in units).
    low: Vec<i64>,
    /// Weekend slack gained on each day.
    gain: Vec<u8>,
    /// Price per kind.
    price: Vec<i64>,
    /// Sessions of the row found.
    row: Vec<u32>,
    tmp: Vec<u32>,
}

/// The rules of one worker's row DP, worked out once per row.
struct Shape {
    rcap: usize,
    runs: usize,
    kk: usize,
    width: usize,
    slacks: usize,
    unit: i64,
    /// The window of the total, in units (`None`: no limit).
    lo: Option<i64>,
    hi: Option<i64>,
}

impl Shape {
    fn states(&self) -> usize {
        self.kk * self.runs * 2 * self.width * self.slacks
    }
    fn index(&self, pc: usize, rs: usize, t: usize, mi: usize, ws: usize) -> usize {
        ((((pc * self.runs + rs) * 2 + t) * self.width) + mi) * self.slacks + ws
    }
    fn parts(&self, i: usize) -> (usize, usize, usize, usize, usize) {
        let ws = i % self.slacks;
        let r = i / self.slacks;
        let mi = r % self.width;
        let r = r / self.width;
        let t = r % 2;
        let r = r / 2;
        (r / self.runs, r % self.runs, t, mi, ws)
    }
}

impl Search<'_> {
    /// The long-horizon construction: two passes of whole rows (see the
    /// module's text), the first from empty rows in a random order, the
    /// second a best response keeping each new row unless the score got
    /// worse. Stops at `late()`.
    pub(super) fn rows(&mut self, late: &dyn Fn() -> bool) {
        let m = self.m;
        let mut order: Vec<u32> = (0..m.nw as u32).collect();
        for pass in 0..2 {
            for i in (1..order.len()).rev() {
                let j = self.rng.below(i + 1);
                order.swap(i, j);
            }
            for &w in &order {
                if late() {
                    return;
                }
                let before = self.st.score;
                let mark = self.st.mark();
                if self.plan_row(w as usize) && pass > 0 && self.st.score > before {
                    self.st.undo_to(mark);
                }
                self.evals += 1;
                self.st.commit();
            }
        }
    }

    /// A move: one worker's whole row re-planned against everyone else.
    pub(super) fn mv_row(&mut self) -> bool {
        let w = self.rng.below(self.m.nw);
        self.plan_row(w)
    }

    /// Re-plans worker `w`'s whole row (pinned sessions stay) by the row
    /// DP; returns whether a row was installed (none keeps the rules within
    /// the band: the row is left as it was).
    fn plan_row(&mut self, w: usize) -> bool {
        let m = self.m;
        let nd = m.nd;
        // Clear the row of what is not pinned, remembering it.
        let mut old = std::mem::take(&mut self.row_buf.tmp);
        old.clear();
        for d in 0..nd {
            for &s in &self.st.day_sess[w * nd + d] {
                if !m.sess[s as usize].pins.contains(&(w as u32)) {
                    old.push(s);
                }
            }
        }
        for &s in &old {
            self.st.remove(s, w as u32);
        }
        let mut found = false;
        let mut shape = self.shape(w, 0);
        for level in 0..LEVELS {
            if level > 0 {
                shape = self.shape(w, level);
            }
            found = self.solve_priced(w, &shape);
            if found {
                break;
            }
        }
        let mut buf = std::mem::take(&mut self.row_buf);
        if found {
            for &s in &buf.row {
                self.st.add(s, w as u32);
            }
            self.fix_row(w);
        } else {
            for &s in &old {
                self.st.add(s, w as u32);
            }
        }
        buf.tmp = old;
        self.row_buf = buf;
        found
    }

    /// Solves worker `w`'s row in `shape` with per-kind prices raised
    /// until each day gets a kind under its limit, or [`ROUNDS`] solves;
    /// leaves the row in `row_buf.row`. False if no row keeps the rules.
    fn solve_priced(&mut self, w: usize, shape: &Shape) -> bool {
        let mut buf = std::mem::take(&mut self.row_buf);
        buf.price.clear();
        buf.price.resize(self.m.nk, 0);
        let mut found = false;
        for round in 0..ROUNDS {
            self.row_options(w, shape, &mut buf);
            if !self.solve_row(w, shape, &mut buf) {
                break;
            }
            found = true;
            // Kinds that ran out: raise their prices and solve again.
            let short = self.assign_kinds(w, shape, &mut buf);
            if short.is_empty() || round + 1 == ROUNDS {
                break;
            }
            // Half a cover seat's weight more each round for the kinds
            // that ran out; what is still over is mended by `fix_row`.
            for &k in &short {
                buf.price[k as usize] += PRICE_STEP;
            }
        }
        self.row_buf = buf;
        found
    }

    /// The row DP's dimensions for worker `w`, and its band per day.
    /// `level` widens the band and the weekend slack (twice as wide each
    /// level), for a worker no narrower one has a row for.
    fn shape(&mut self, w: usize, level: u32) -> Shape {
        let m = self.m;
        let wk = &m.workers[w];
        let nd = m.nd;
        let rcap = wk
            .max_consec
            .map_or(1, |x| x as usize + 1)
            .max(wk.min_consec.unwrap_or(1) as usize);
        let ocap = wk.min_off.unwrap_or(1).max(1) as usize;
        let g = m.dur_gcd.max(1);
        let buf = &mut self.row_buf;
        buf.low.clear();
        buf.gain.clear();
        // Weekends: the pro-rata line of the limit, one ahead of it, and
        // exactly the limit at the last weekend.
        let slack = SLACK << level;
        let slacks = if wk.max_weekends.is_some() {
            slack + 1
        } else {
            1
        };
        let nwe = m.nweekends.max(1) as i64;
        let cap = |k: i64| match wk.max_weekends {
            Some(x) if k >= 0 => (x as i64).min(x as i64 * (k + 1) / nwe + 1),
            _ => 0,
        };
        for d in 0..nd {
            let we = m.weekend_of[d];
            let opens = we != NONE && (d == 0 || m.weekend_of[d - 1] != we);
            let gain = if opens {
                cap(we as i64) - cap(we as i64 - 1)
            } else {
                0
            };
            buf.gain.push(gain.clamp(0, slack as i64) as u8);
        }
        let tracked = wk.min_total.is_some() || wk.max_total.is_some();
        if !tracked {
            buf.low.resize(nd, 0);
            return Shape {
                rcap,
                runs: rcap + ocap,
                kk: m.nsucc + 1,
                width: 1,
                slacks,
                unit: g,
                lo: None,
                hi: None,
            };
        }
        let (lo, hi) = (wk.min_total.unwrap_or(0).max(0), wk.max_total);
        let target = match hi {
            Some(hi) => (lo + hi.max(lo)) / 2,
            None => lo,
        };
        // Half the band, in steps of the common divisor, then the unit.
        // Ten days of the worker's average work, at most half the band
        // (exact minutes), at least the longest session (coarser units
        // where that is wider than half the band).
        let longest = m
            .sess
            .iter()
            .flat_map(|s| &s.pls)
            .map(|p| p.dur)
            .max()
            .unwrap_or(g);
        let half_g = ceil((BAND_DAYS << level) * target / nd.max(1) as i64, g)
            .min((BAND / 2) << level)
            .max(ceil(longest, g))
            .max(2);
        let f = ceil(2 * half_g + 1, BAND << level).max(1);
        let unit = g * f;
        let half = ceil(half_g, f);
        let width = (2 * half + 1) as usize;
        // The line rises on the days the worker can work (not on fixed
        // days off), so that the band follows their holidays.
        let open = |d: usize| {
            self.by_day[d].iter().any(|&s| {
                let si = s as usize;
                m.is_cand(si, w) && m.sess[si].pls.iter().any(|p| p.day as usize == d)
            })
        };
        let mut upto = Vec::with_capacity(nd);
        let mut n = 0i64;
        for d in 0..nd {
            n += i64::from(open(d));
            upto.push(n);
        }
        let buf = &mut self.row_buf;
        for &k in &upto {
            let c = target * k / (n.max(1) * unit);
            buf.low.push(c - half);
        }
        Shape {
            rcap,
            runs: rcap + ocap,
            kk: m.nsucc + 1,
            width,
            slacks,
            unit,
            lo: Some(ceil(lo, unit)),
            hi: hi.map(|h| h / unit),
        }
    }

    /// The options of each day for worker `w`, at the current prices.
    fn row_options(&mut self, w: usize, shape: &Shape, buf: &mut RowBuf) {
        let m = self.m;
        let nd = m.nd;
        buf.opts.clear();
        buf.idx.clear();
        for d in 0..nd {
            buf.idx.push(buf.opts.len());
            if let Some(&s) = self.st.day_sess[w * nd + d].first() {
                let se = &m.sess[s as usize];
                let dur = se.pls[self.st.place[s as usize] as usize].dur;
                buf.opts.push(self.opt_of(se.kind, dur, NONE, 0, shape));
                continue;
            }
            buf.opts.push(Opt {
                s: NONE,
                work: false,
                class: m.nsucc as u32,
                after: 0,
                units: 0,
                cost: req_cost(m, w, d, None),
            });
            let first = buf.opts.len();
            for &s in &self.by_day[d] {
                let Some(o) = self.session_option(w, d, s, shape, &buf.price) else {
                    continue;
                };
                // One option per group of sessions alike: the cheapest.
                let same = buf.opts[first..].iter().position(|x| alike(x, &o));
                match same {
                    Some(i) if buf.opts[first + i].cost > o.cost => buf.opts[first + i] = o,
                    Some(_) => {}
                    None if buf.opts.len() - first < u8::MAX as usize - 1 => buf.opts.push(o),
                    None => {}
                }
            }
        }
        buf.idx.push(buf.opts.len());
    }

    /// Worker `w` on session `s` as an option of day `d`, at `price`s per
    /// kind; `None` if they cannot take it there.
    fn session_option(&self, w: usize, d: usize, s: u32, sh: &Shape, price: &[i64]) -> Option<Opt> {
        let m = self.m;
        let si = s as usize;
        if !m.is_cand(si, w) {
            return None;
        }
        let se = &m.sess[si];
        let p = self.st.place[si] as usize;
        let k = se.kind;
        let barred = k != NONE
            && m.workers[w]
                .max_per_kind
                .iter()
                .any(|&(kk, max)| kk == k && max == 0);
        if se.pls[p].day as usize != d || m.hard_at(si, p, w) > 0 || barred {
            return None;
        }
        let price = if k == NONE { 0 } else { price[k as usize] };
        let cost = scal(self.st.link_delta(s, w as u32))
            .saturating_add(req_cost(m, w, d, Some(k)))
            .saturating_add(price);
        Some(self.opt_of(k, se.pls[p].dur, s, cost, sh))
    }

    /// An option working kind `k` for `dur` minutes.
    fn opt_of(&self, k: u32, dur: i64, s: u32, cost: i64, sh: &Shape) -> Opt {
        let m = self.m;
        let after = if k == NONE || m.nsucc > 64 {
            0
        } else {
            (0..m.nsucc)
                .filter(|&g| m.succ_forbid[g * m.nk + k as usize])
                .fold(0, |b, g| b | 1 << g)
        };
        Opt {
            s,
            work: true,
            class: if k == NONE {
                m.nsucc as u32
            } else {
                m.succ_of[k as usize]
            },
            after,
            units: ((dur + sh.unit / 2) / sh.unit).max(i64::from(dur > 0)),
            cost,
        }
    }

    /// Gives each day of the row found the cheapest session of its option's
    /// group whose kind is still under the worker's limit (cheapest pairs
    /// first); a day with none keeps its cheapest session. Returns the
    /// kinds that ran out, for their prices to rise.
    fn assign_kinds(&self, w: usize, sh: &Shape, buf: &mut RowBuf) -> Vec<u32> {
        let m = self.m;
        let wk = &m.workers[w];
        let mut left: Vec<usize> = vec![usize::MAX; m.nk];
        for &(k, max) in &wk.max_per_kind {
            left[k as usize] = (max as usize).saturating_sub(self.st.kind_count(w, k as usize));
        }
        let mut pairs: Vec<(i64, usize, u32)> = Vec::new();
        for (i, &s) in buf.row.iter().enumerate() {
            let d = m.sess[s as usize].pls[self.st.place[s as usize] as usize].day as usize;
            let Some(chosen) = self.session_option(w, d, s, sh, &buf.price) else {
                continue;
            };
            for &s2 in &self.by_day[d] {
                if let Some(o) = self.session_option(w, d, s2, sh, &buf.price)
                    && alike(&o, &chosen)
                {
                    pairs.push((o.cost, i, s2));
                }
            }
        }
        pairs.sort_unstable();
        let mut done = vec![false; buf.row.len()];
        let mut short = Vec::new();
        for &(_, i, s2) in &pairs {
            let k = m.sess[s2 as usize].kind;
            if done[i] {
                continue;
            }
            let slot = (k != NONE).then(|| &mut left[k as usize]);
            match slot {
                Some(0) => {
                    if !short.contains(&k) {
                        short.push(k);
                    }
                    continue;
                }
                Some(n) if *n != usize::MAX => *n -= 1,
                _ => {}
            }
            buf.row[i] = s2;
            done[i] = true;
        }
        if done.iter().all(|&d| d) {
            Vec::new()
        } else {
            short
        }
    }

    /// The DP proper: leaves the cheapest row that keeps the rules in
    /// `buf.row`; false if there is none.
    fn solve_row(&mut self, w: usize, sh: &Shape, buf: &mut RowBuf) -> bool {
        let m = self.m;
        let wk = &m.workers[w];
        let nd = m.nd;
        let ns = sh.states();
        let continues = m.boundary == Boundary::Continues;
        let hist = wk.hist_before as usize;
        // The first off run is exempt from its minimum when the horizon
        // continues, or when nothing was worked before it.
        let off_exempt = continues || hist == 0;
        let forbid = |pc: usize, o: &Opt| pc < m.nsucc && o.after >> pc & 1 == 1;
        // Every state unreached; back pointers are read only where a
        // state was reached, so what earlier rows left there stays.
        buf.cost.clear();
        buf.cost.resize(ns, INF);
        buf.next.clone_from(&buf.cost);
        buf.live.clear();
        buf.next_live.clear();
        let need = ns * nd;
        if buf.back.len() < need {
            buf.back.resize(need, u32::MAX);
            buf.back_opt.resize(need, 0);
        }
        let mut work = 0u64;
        let slack_top = sh.slacks - 1;
        for d in 0..nd {
            let (o0, o1) = (buf.idx[d], buf.idx[d + 1]);
            let gain = buf.gain[d] as usize;
            let we_day = m.weekend_of[d] != NONE;
            // The day opens a weekend for a row that works it, unless the
            // day before is of the same weekend and was worked.
            let same_we = we_day && d > 0 && m.weekend_of[d - 1] == m.weekend_of[d];
            let (low, prev_low) = (buf.low[d], if d > 0 { buf.low[d - 1] } else { 0 });
            let froms = if d == 0 { 1 } else { buf.live.len() };
            work += (froms * (o1 - o0)) as u64;
            for li in 0..froms {
                // The state before the day: day 0 starts from an off run
                // that touches the start, with no minutes and no slack.
                let (from, c0, pc, rs, t, units, ws) = if d == 0 {
                    (u32::MAX, 0, m.nsucc, usize::MAX, 1, 0, 0)
                } else {
                    let from = buf.live[li];
                    let (pc, rs, t, mi, ws) = sh.parts(from as usize);
                    (
                        from,
                        buf.cost[from as usize],
                        pc,
                        rs,
                        t,
                        prev_low + mi as i64,
                        ws,
                    )
                };
                let slack = (ws + gain).min(slack_top);
                let prev_work = rs < sh.rcap;
                // What working the day does to the runs and weekends
                // (`None`: it breaks a rule), and what a day off does.
                let work_to = (|| {
                    let len = if d == 0 {
                        hist + 1
                    } else if prev_work {
                        rs + 2
                    } else {
                        let off = rs - sh.rcap + 1;
                        if wk.min_off.is_some_and(|mo| off < mo as usize) && !(t == 1 && off_exempt)
                        {
                            return None;
                        }
                        1
                    };
                    if wk.max_consec.is_some_and(|mx| len > mx as usize) {
                        return None;
                    }
                    let nt = if prev_work || d == 0 { t } else { 0 };
                    let opens = we_day && !(same_we && prev_work) && sh.slacks > 1;
                    let nws = if opens { slack.checked_sub(1)? } else { slack };
                    Some((len.min(sh.rcap) - 1, nt, nws))
                })();
                let off_to = if d == 0 {
                    Some((sh.rcap, 1))
                } else if prev_work {
                    // A work run ends: its minimum, unless exempt.
                    let short = wk.min_consec.is_some_and(|mn| rs + 1 < mn as usize);
                    (!short || (t == 1 && continues)).then_some((sh.rcap, 0))
                } else {
                    Some(((rs + 1).min(sh.runs - 1), t))
                };
                for oi in o0..o1 {
                    let o = &buf.opts[oi];
                    let (npc, (nrs, nt, nws)) = if o.work {
                        match work_to {
                            Some(to) if !forbid(pc, o) => (o.class as usize, to),
                            _ => continue,
                        }
                    } else {
                        match off_to {
                            Some((nrs, nt)) => (m.nsucc, (nrs, nt, slack)),
                            None => continue,
                        }
                    };
                    let nmi = if sh.width > 1 {
                        let u = units + o.units;
                        let i = u - low;
                        if i < 0 || i as usize >= sh.width || sh.hi.is_some_and(|h| u > h) {
                            continue;
                        }
                        i as usize
                    } else {
                        0
                    };
                    let c = c0.saturating_add(o.cost);
                    let to = sh.index(npc, nrs, nt, nmi, nws);
                    let prior = buf.next[to];
                    if c < prior {
                        if prior >= INF {
                            buf.next_live.push(to as u32);
                        }
                        buf.next[to] = c;
                        buf.back[d * ns + to] = from;
                        buf.back_opt[d * ns + to] = (oi - o0) as u8;
                    }
                }
            }
            for &i in &buf.live {
                buf.cost[i as usize] = INF;
            }
            std::mem::swap(&mut buf.cost, &mut buf.next);
            std::mem::swap(&mut buf.live, &mut buf.next_live);
            buf.next_live.clear();
        }
        self.dp.work = self.dp.work.saturating_add(work);
        // The end: the total within its window, and a last work run short
        // of its minimum only where the horizon continues.
        let last = nd - 1;
        let mut best = (INF, usize::MAX);
        for &i in &buf.live {
            let i = i as usize;
            let (_, rs, _, mi, _) = sh.parts(i);
            let units = buf.low[last] + mi as i64;
            if sh.width > 1 && sh.lo.is_some_and(|lo| units < lo) {
                continue;
            }
            if rs < sh.rcap && !continues && wk.min_consec.is_some_and(|mn| rs + 1 < mn as usize) {
                continue;
            }
            let c = buf.cost[i];
            if (c, i) < best {
                best = (c, i);
            }
        }
        if best.0 >= INF {
            return false;
        }
        buf.row.clear();
        let mut state = best.1;
        for d in (0..nd).rev() {
            let o = buf.opts[buf.idx[d] + buf.back_opt[d * ns + state] as usize];
            if o.s != NONE {
                buf.row.push(o.s);
            }
            state = buf.back[d * ns + state] as usize;
            if state == u32::MAX as usize {
                break;
            }
        }
        true
    }

    /// Mends what the row DP left broken on worker `w`'s row without
    /// touching their runs or weekends: a kind over its limit, or a total
    /// outside its window (where minutes were counted in a coarser unit),
    /// by changing the kind of worked days (same day, another session the
    /// neighbouring days' successions, the worker's limits and their
    /// candidacy allow), cheapest change first, a few passes.
    fn fix_row(&mut self, w: usize) {
        let m = self.m;
        let wk = &m.workers[w];
        let nd = m.nd;
        let (lo, hi) = (
            wk.min_total.unwrap_or(i64::MIN),
            wk.max_total.unwrap_or(i64::MAX),
        );
        let cap = |k: u32| {
            wk.max_per_kind
                .iter()
                .find(|&&(kk, _)| kk == k)
                .map_or(usize::MAX, |&(_, max)| max as usize)
        };
        let kind_at = |st: &State<'_>, d: usize| {
            st.day_sess[w * nd + d]
                .first()
                .map(|&s| m.sess[s as usize].kind)
        };
        // Whether kind `b` may be worked the day after kind `a`.
        let may_follow = |a: Option<u32>, b: Option<u32>| match (a, b) {
            (Some(a), Some(b)) if a != NONE && b != NONE => {
                let g = m.succ_of[a as usize] as usize;
                g >= m.nsucc || !m.succ_forbid[g * m.nk + b as usize]
            }
            _ => true,
        };
        let over = |st: &State<'_>, k: u32| k != NONE && st.kind_count(w, k as usize) > cap(k);
        let mut swaps: Vec<(i64, usize, u32, u32)> = Vec::new();
        for _ in 0..FIX_PASSES {
            let total = self.st.total_minutes(w);
            let (short, long) = (total < lo, total > hi);
            swaps.clear();
            for d in 0..nd {
                let Some(&s) = self.st.day_sess[w * nd + d].first() else {
                    continue;
                };
                let k = m.sess[s as usize].kind;
                let pinned = m.sess[s as usize].pins.contains(&(w as u32));
                if pinned || !(short || long || over(&self.st, k)) {
                    continue;
                }
                let dur = m.sess[s as usize].pls[self.st.place[s as usize] as usize].dur;
                let n = self.st.seats[s as usize].len() as i64;
                let gain = scal(self.st.session_cost_n(s as usize, n - 1))
                    - scal(self.st.session_cost_n(s as usize, n))
                    - req_cost(m, w, d, Some(k));
                for &s2 in &self.by_day[d] {
                    let si = s2 as usize;
                    let p = self.st.place[si] as usize;
                    let se = &m.sess[si];
                    let change = se.pls[p].dur - dur;
                    let towards = (short && change > 0) || (long && change < 0);
                    if s2 == s
                        || !(towards || over(&self.st, k))
                        || se.pls[p].day as usize != d
                        || !m.is_cand(si, w)
                        || m.hard_at(si, p, w) > 0
                    {
                        continue;
                    }
                    let cost = scal(self.st.link_delta(s2, w as u32))
                        + req_cost(m, w, d, Some(se.kind))
                        + gain;
                    swaps.push((cost / change.abs().max(1), d, s, s2));
                }
            }
            if swaps.is_empty() {
                return;
            }
            swaps.sort_unstable();
            let mut any = false;
            for &(_, d, s, s2) in &swaps {
                if !self.st.on(s, w as u32) {
                    continue;
                }
                let (k, k2) = (m.sess[s as usize].kind, m.sess[s2 as usize].kind);
                let total = self.st.total_minutes(w);
                let change = m.sess[s2 as usize].pls[self.st.place[s2 as usize] as usize].dur
                    - m.sess[s as usize].pls[self.st.place[s as usize] as usize].dur;
                let was_in = (lo..=hi).contains(&total);
                let now_in = (lo..=hi).contains(&(total + change));
                let nearer = (total < lo && change > 0 && total + change <= hi)
                    || (total > hi && change < 0 && total + change >= lo);
                let room = k2 == NONE || self.st.kind_count(w, k2 as usize) < cap(k2);
                // A kind over its limit may move to another as long as the
                // total stays in its window (or was out of it anyway).
                let wanted = (over(&self.st, k) && (now_in || !was_in)) || nearer;
                let before = (d > 0).then(|| kind_at(&self.st, d - 1)).flatten();
                let after = (d + 1 < nd).then(|| kind_at(&self.st, d + 1)).flatten();
                let fits = may_follow(before, Some(k2)) && may_follow(Some(k2), after);
                if !wanted || !room || !fits || (was_in && !now_in) {
                    continue;
                }
                self.st.remove(s, w as u32);
                self.st.add(s2, w as u32);
                any = true;
            }
            if !any {
                return;
            }
        }
    }
}
