#!/usr/bin/env python3
"""The care benchmark's service as a CP-SAT model, for comparing the crate's
rota with what OR-Tools' CP-SAT finds in the same time.

Usage:

    pip install --user ortools        # or in a virtualenv
    cargo run --release --example care_service -- --workers 20 --write-problem care.json
    python3 scripts/care_cpsat.py care.json --seconds 60 --threads 1 --out roster.json
    cargo run --release --example care_service -- --workers 20 --read-roster roster.json

The first command writes the compiled solver problem (the JSON of
`perfect_week::solver::Problem`); this script solves it and writes the best
roster found as the JSON of a `solver::Roster`; the last command scores that
roster with the crate's independent checker and prints the same figures as
for the crate's own rota (seats unfilled, distinct workers per resident,
score), so both rotas are measured by the same code. Nothing in the crate,
its tests or CI needs this script or OR-Tools.

What it models, from the definitions in `src/solver/problem.rs`:

- Seats: a boolean per (session, worker) for every worker eligible at some
  placement of the session (tags valid on the day, not refused, not a day
  off, no unavailable interval overlapped, inside an available interval,
  the night-length rule), as the crate's search seats only such
  candidates; a placement choice per session, and a worker only at the
  placements they are eligible for. At most the required workers per
  session (no over cover).
- Hard rules, as constraints: no worker in two sessions at once (a
  no-overlap over each worker's optional intervals); daily rest, pair by
  pair (two sessions that leave no free stretch of the rule's minutes in
  the 24 hours from the first one's start are not both a worker's: exact
  for two sessions in a window; three that break it where no two do are
  not excluded, and the crate's checker, which scores every roster
  written, shows them: once in the six one-thread runs of BENCHMARKS.md.
  The exact form, a rest interval per seat in a no-overlap of its own,
  was tried: with those 4 000 no-overlaps one thread stayed within 22
  seats of the empty roster at 60 s); weekly rest (a rest interval of the rule's
  minutes inside each complete block of days, in the worker's
  no-overlap: exact); weekly and total maximum minutes (weeks by start);
  the average week (unless opted out); the night average (for a worker
  with a night session); budgets (charges per seat within the cap); one
  session a day; a person's sessions never overlapping.
- The weekly and total minimum minutes are the hard level instead (the
  minutes short, as the crate counts them), so that the empty roster is a
  start: it is given to CP-SAT as a hint.
- Objective, lexicographic as the crate's score: first the hard level and
  the unfilled level (missing seats x minutes x priority), weighted so
  that a minute short outweighs every seat; that phase stops as soon as it
  proves its optimum (at once when both reach 0). Then, with both held at
  what was found and that roster as the hint, the soft level for the rest
  of the time: the chosen placement's penalty (of a session with a
  worker), minutes of seats not by a preferred worker, worker penalties,
  continuity per person (distinct workers - 1) and per series, each times
  the problem's weights.
- The time limit is CP-SAT's, both phases together, counted from when the
  model is built (building it takes a few seconds of Python), as the
  crate's limit leaves out compiling the plan. One thread runs CP-SAT's
  portfolio interleaved (`interleave_search`), so that its large
  neighbourhood search runs too; probing in presolve is off (on this model
  it took seconds and found little).

What it leaves out, and refuses rather than ignoring: travel between
places, per-kind limits, consecutive days and days off, weekends,
forbidden successions, young workers, history, requests, fairness, cost,
preferred (soft) cover, pins and a baseline, clipped weeks, negative
placement penalties, and placements of one session that differ in day,
length, charge or night minutes. The script stops with a message naming
the first of these that a problem uses; the generated care service uses
none of them.
"""

import argparse
import json
import sys
import time

from ortools.sat.python import cp_model


def refuse(what):
    sys.exit(f"care_cpsat.py: the problem uses {what}, which this model leaves out")


def check_supported(p):
    rules, weights = p["rules"], p["weights"]
    if rules.get("travel_minutes", 0) > 0:
        refuse("travel minutes")
    if rules.get("forbidden_successions"):
        refuse("forbidden successions")
    if rules.get("week_count", "by_start") != "by_start":
        refuse("clipped weeks")
    if weights.get("fairness") or weights.get("cost", 0) != 0:
        refuse("fairness or cost weights")
    if p.get("pins") or p.get("baseline"):
        refuse("pins or a baseline")
    for w in p["workers"]:
        lim = w["limits"]
        for key in ("max_consecutive_days", "min_consecutive_days",
                    "min_consecutive_days_off", "max_weekends"):
            if lim.get(key) is not None:
                refuse(key)
        if lim.get("max_per_kind"):
            refuse("per-kind limits")
        if w.get("young"):
            refuse("young workers")
        if w.get("requests"):
            refuse("requests")
        h = w.get("history", {})
        if h.get("minutes", 0) or h.get("days", 0) or h.get("last_end") is not None \
                or h.get("consecutive_days_before", 0):
            refuse("worker history")
    for s in p["sessions"]:
        if "preferred" in s["cover"]:
            refuse("preferred cover")
        pls = s["placements"]
        if not pls:
            refuse("a session without placements")
        shapes = {(q["day"], q["end"] - q["start"], q["charge"], q["night_minutes"])
                  for q in pls}
        if len(shapes) > 1:
            refuse("placements of one session differing in day, length, charge or nights")


def add(m, ct, what):
    """Adds a constraint; one that is already decided (no variable in it)
    is checked instead, and a false one stops the script."""
    if isinstance(ct, bool):
        if not ct:
            sys.exit(f"care_cpsat.py: no roster can keep {what}")
    else:
        m.Add(ct)


def overlaps(a0, a1, b0, b1):
    return a0 < b1 and b0 < a1


def breaks_daily_rest(a, b, rest):
    """Whether two sessions of one worker, [start, end) each, leave no free
    stretch of `rest` minutes in the 24 hours from the earlier start (only
    the earlier one's window can hold both). Overlapping sessions are left
    to the no-overlap constraint."""
    (a0, a1), (b0, b1) = sorted([a, b])
    if overlaps(a0, a1, b0, b1) or b0 >= a0 + 1440:
        return False
    end = a0 + 1440
    free = max(b0 - a1, end - min(max(a1, b1), end))
    return free < rest


def eligible(p, s, q, w):
    """Whether worker w may take session s at placement q (eligibility)."""
    day = q["day"]
    held = {t["tag"] for t in w["tags"]
            if (t["from_day"] is None or t["from_day"] <= day)
            and (t["until_day"] is None or day <= t["until_day"])}
    if any(tag not in held for tag in s["requires"]):
        return False
    if w["id"] in s.get("refused", []):
        return False
    if day in w.get("days_off", []):
        return False
    if any(overlaps(q["start"], q["end"], u["start"], u["end"]) for u in w["unavailable"]):
        return False
    if w["available"] is not None and not any(
            a["start"] <= q["start"] and q["end"] <= a["end"] for a in w["available"]):
        return False
    night = p["rules"].get("night")
    if night and night.get("max_night_session_minutes") is not None:
        if q["night_minutes"] >= night["night_session_threshold"] \
                and q["end"] - q["start"] > night["max_night_session_minutes"]:
            return False
    return True


class Care:
    """The CP-SAT model of one problem."""

    def __init__(self, p):
        self.p = p
        m = self.m = cp_model.CpModel()
        days, sessions, workers = p["days"], p["sessions"], p["workers"]
        rules, weights = p["rules"], p["weights"]
        nd = len(days)
        # Minutes short of a worker's minimums: the hard level's only terms
        # here (every other rule is a constraint), so that the empty roster
        # is a start and the first phase drives them to 0.
        self.short = []
        self.minimums = []
        self.y = []       # placement choice per session: list of booleans
        self.start = []   # start per session (an IntVar or a constant)
        self.x = {}       # (s, w) -> seat boolean
        self.work = [[] for _ in workers]  # per worker: (s, interval)
        for si, s in enumerate(sessions):
            pls = s["placements"]
            ys = [m.NewBoolVar(f"y{si}_{k}") for k in range(len(pls))]
            m.AddExactlyOne(ys)
            self.y.append(ys)
            starts = [q["start"] for q in pls]
            st = m.NewIntVarFromDomain(cp_model.Domain.FromValues(starts), f"st{si}")
            for k, q in enumerate(pls):
                m.Add(st == q["start"]).OnlyEnforceIf(ys[k])
            self.start.append(st)
            dur = pls[0]["end"] - pls[0]["start"]
            for wi, w in enumerate(workers):
                ok = [eligible(p, s, q, w) for q in pls]
                if not any(ok):
                    continue
                xv = m.NewBoolVar(f"x{si}_{wi}")
                self.x[si, wi] = xv
                for k, fine in enumerate(ok):
                    if not fine:
                        m.AddBoolOr([xv.Not(), ys[k].Not()])
                iv = m.NewOptionalFixedSizeIntervalVar(st, dur, xv, f"i{si}_{wi}")
                self.work[wi].append((si, iv))
        self.dur = [s["placements"][0]["end"] - s["placements"][0]["start"] for s in sessions]
        self.day = [s["placements"][0]["day"] for s in sessions]
        seats = {}
        for (si, wi), xv in self.x.items():
            seats.setdefault(si, []).append(xv)
        self.filled = []
        for si, s in enumerate(sessions):
            want = s["cover"]["required"]["workers"]
            on = seats.get(si, [])
            add(m, sum(on) <= want, "the cover")
            self.filled.append(sum(on))
        # Each worker: never two at once, with a rest interval per complete
        # block of days for the weekly rest.
        wr = rules.get("weekly_rest")
        dr = rules.get("daily_rest")
        for wi, w in enumerate(workers):
            ivs = [iv for _, iv in self.work[wi]]
            if wr and self.work[wi]:
                period = wr["period_days"]
                for b in range(nd // period if period > 0 else 0):
                    lo = days[b * period]["start"]
                    hi = days[b * period + period - 1]["end"]
                    g = m.NewIntVar(lo, max(lo, hi - wr["minutes"]), f"wr{wi}_{b}")
                    ivs.append(m.NewFixedSizeIntervalVar(g, wr["minutes"], f"wri{wi}_{b}"))
            m.AddNoOverlap(ivs)
            if dr:
                self.daily_rest(wi, dr["minutes"])
            if rules.get("one_session_per_day"):
                for d in range(nd):
                    today = [self.x[si, wi] for si, _ in self.work[wi] if self.day[si] == d]
                    if len(today) > 1:
                        m.AddAtMostOne(today)
            lim = w["limits"]
            minutes = lambda pick: sum(self.dur[si] * self.x[si, wi]
                                       for si, _ in self.work[wi] if pick(si))
            for k in range(nd // 7):
                week = minutes(lambda si: 7 * k <= self.day[si] < 7 * k + 7)
                what = f"{w['id']}'s weekly minutes"
                if lim.get("min_minutes_per_week") is not None:
                    self.short_of(week, lim["min_minutes_per_week"], f"wk{wi}_{k}")
                if lim.get("max_minutes_per_week") is not None:
                    add(m, week <= lim["max_minutes_per_week"], what)
            total = minutes(lambda si: True)
            what = f"{w['id']}'s total minutes"
            if lim.get("min_minutes_total") is not None:
                self.short_of(total, lim["min_minutes_total"], f"tot{wi}")
            if lim.get("max_minutes_total") is not None:
                add(m, total <= lim["max_minutes_total"], what)
            avg = rules.get("average_week")
            if avg and not w.get("opted_out"):
                add(m, total <= avg["max_minutes"] * nd // 7, what)
            night = rules.get("night")
            if night:
                nights = [self.x[si, wi] for si, _ in self.work[wi]
                          if sessions[si]["placements"][0]["night_minutes"]
                          >= night["night_session_threshold"]]
                if nights:
                    any_night = m.NewBoolVar(f"night{wi}")
                    m.AddMaxEquality(any_night, nights)
                    m.Add(total <= night["max_average_minutes_per_day"] * nd) \
                        .OnlyEnforceIf(any_night)
        # A person is never in two places.
        by_person = {}
        for si, s in enumerate(sessions):
            if s.get("person") is not None:
                by_person.setdefault(s["person"], []).append(si)
        for group in by_person.values():
            if len(group) > 1:
                m.AddNoOverlap([m.NewFixedSizeIntervalVar(self.start[si], self.dur[si], f"p{si}")
                                for si in group])
        # Budgets.
        caps = {b["id"]: b["cap"] for b in p.get("budgets", [])}
        charged = {}
        for si, s in enumerate(sessions):
            if s.get("budget") in caps:
                charge = s["placements"][0]["charge"]
                charged.setdefault(s["budget"], []).append(charge * self.filled[si])
        for b, terms in charged.items():
            add(m, sum(terms) <= caps[b], f"budget {b}")
        # The unfilled level.
        self.unfilled = sum(
            (s["cover"]["required"]["workers"] - self.filled[si]) * self.dur[si] * s["priority"]
            for si, s in enumerate(sessions))
        # The soft level.
        soft = []
        for si, s in enumerate(sessions):
            pens = [q["penalty"] for q in s["placements"]]
            if min(pens) < 0:
                refuse("negative placement penalties")
            on = seats.get(si, [])
            if max(pens) > 0 and on:
                has = m.NewBoolVar(f"has{si}")
                m.AddMaxEquality(has, on)
                pen = m.NewIntVar(0, max(pens), f"pen{si}")
                m.Add(pen >= sum(k * y for k, y in zip(pens, self.y[si])) - max(pens) * (1 - has))
                soft.append(weights["placement"] * pen)
            preferred = set(s.get("preferred", []))
            penalties = {w: v for w, v in s.get("worker_penalties", [])}
            for wi, w in enumerate(workers):
                xv = self.x.get((si, wi))
                if xv is None:
                    continue
                if preferred and w["id"] not in preferred:
                    soft.append(weights["not_preferred"] * self.dur[si] * xv)
                if w["id"] in penalties:
                    soft.append(weights["matching"] * penalties[w["id"]] * xv)
        for key, weight in (("person", weights["continuity_person"]),
                            ("series", weights["continuity_series"])):
            groups = {}
            for si, s in enumerate(sessions):
                if s.get(key) is not None:
                    groups.setdefault(s[key], []).append(si)
            for name, group in groups.items():
                seen = []
                for wi in range(len(workers)):
                    xs = [self.x[si, wi] for si in group if (si, wi) in self.x]
                    if xs:
                        u = m.NewBoolVar(f"u{key}{name}{wi}")
                        m.AddMaxEquality(u, xs)
                        seen.append(u)
                if len(seen) > 1:
                    extra = m.NewIntVar(0, len(seen) - 1, f"c{key}{name}")
                    m.Add(extra >= sum(seen) - 1)
                    soft.append(weight * extra)
        self.soft = sum(soft)

    def daily_rest(self, wi, rest):
        """Daily rest for worker `wi`, pair by pair: two sessions that, at
        some placements, leave no stretch of `rest` minutes free in the 24
        hours from the first one's start are not both the worker's at those
        placements. Three or more sessions can break the rule where no two
        do; the crate's checker, which scores every roster this script
        writes, would show it (it has not on the care service)."""
        m, sessions = self.m, self.p["sessions"]
        mine = [si for si, _ in self.work[wi]]
        spans = {si: [(k, q["start"], q["end"]) for k, q in enumerate(sessions[si]["placements"])]
                 for si in mine}
        for i, a in enumerate(mine):
            for b in mine[i + 1:]:
                first_a = min(q[1] for q in spans[a]) <= min(q[1] for q in spans[b])
                lo, hi = (a, b) if first_a else (b, a)
                # Quick passes: the later always starts a day or more after
                # the earlier, or the gap between them, or the stretch
                # after the later one, is always long enough.
                if min(q[1] for q in spans[hi]) >= max(q[1] for q in spans[lo]) + 1440:
                    continue
                if min(q[1] for q in spans[hi]) - max(q[2] for q in spans[lo]) >= rest:
                    continue
                failing = [(k, l) for k, a0, a1 in spans[a] for l, b0, b1 in spans[b]
                           if breaks_daily_rest((a0, a1), (b0, b1), rest)]
                if not failing:
                    continue
                xa, xb = self.x[a, wi], self.x[b, wi]
                if len(failing) == len(spans[a]) * len(spans[b]):
                    m.AddBoolOr([xa.Not(), xb.Not()])
                    continue
                for k, l in failing:
                    m.AddBoolOr([xa.Not(), xb.Not(), self.y[a][k].Not(), self.y[b][l].Not()])

    def short_of(self, minutes, least, name):
        """The shortfall of `minutes` below `least`, added to the hard level
        (at least the shortfall: a roster found before the search pushes
        it down may hold more; `shortfall` says the true one)."""
        self.minimums.append((minutes, least))
        if isinstance(minutes, int):
            self.short.append(max(0, least - minutes))
            return
        gap = self.m.NewIntVar(0, least, f"short{name}")
        self.m.Add(gap >= least - minutes)
        self.short.append(gap)

    def shortfall(self, solver):
        """The minutes short of the minimums in the solver's roster."""
        value = lambda e: e if isinstance(e, int) else solver.Value(e)
        return sum(max(0, least - value(minutes)) for minutes, least in self.minimums)

    def roster(self, solver):
        p = self.p
        assignments = [{"session": p["sessions"][si]["id"], "worker": p["workers"][wi]["id"]}
                       for (si, wi), xv in sorted(self.x.items()) if solver.Value(xv)]
        placements = []
        for si, ys in enumerate(self.y):
            k = next(k for k, y in enumerate(ys) if solver.Value(y))
            if k != 0:
                placements.append({"session": p["sessions"][si]["id"], "index": k})
        return {"assignments": assignments, "placements": placements}

    def hint(self, solver):
        self.m.ClearHints()
        for v in [*self.x.values(), *(y for ys in self.y for y in ys)]:
            self.m.AddHint(v, solver.Value(v))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("problem", help="the problem JSON written by care_service --write-problem")
    ap.add_argument("--seconds", type=float, default=60.0, help="time limit, both phases (60)")
    ap.add_argument("--threads", type=int, default=1, help="CP-SAT workers (1)")
    ap.add_argument("--seed", type=int, default=0, help="CP-SAT's random seed (0)")
    ap.add_argument("--out", required=True, help="where to write the roster JSON")
    ap.add_argument("--log", action="store_true", help="print CP-SAT's search log")
    args = ap.parse_args()
    began = time.monotonic()
    with open(args.problem) as f:
        p = json.load(f)
    check_supported(p)
    care = Care(p)
    built = time.monotonic() - began
    # The time limit is the solver's, as the crate's is: it starts once the
    # model is built.
    began = time.monotonic()

    def solve(objective, seconds):
        care.m.Minimize(objective)
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(0.1, seconds)
        solver.parameters.num_workers = args.threads
        solver.parameters.random_seed = args.seed
        solver.parameters.log_search_progress = args.log
        # One thread runs a single tree search unless told to interleave
        # its portfolio (large neighbourhood search among it) in turns.
        solver.parameters.interleave_search = args.threads == 1
        # Probing in presolve took 7 s of a 30 s run on this model and
        # found little (3 000 binary clauses).
        solver.parameters.cp_model_probing_level = 0
        status = solver.Solve(care.m)
        return solver, status

    # The empty roster (every session at its first placement) keeps every
    # constraint: a start, given as a hint, for a search that otherwise
    # spends its first seconds finding any roster at all.
    for v in care.x.values():
        care.m.AddHint(v, 0)
    for ys in care.y:
        for k, y in enumerate(ys):
            care.m.AddHint(y, int(k == 0))
    # Phase 1: the hard level (minutes short of the minimums), then the
    # unfilled level, weighted so that a minute short outweighs every
    # unfilled seat; it stops when proven (at once where both reach 0).
    hard = sum(care.short)
    weight = 1 + sum(s["cover"]["required"]["workers"] * care.dur[si] * s["priority"]
                     for si, s in enumerate(p["sessions"]))
    solver, status = solve(weight * hard + care.unfilled, args.seconds)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        sys.exit(f"care_cpsat.py: no roster found ({solver.StatusName(status)})")
    short, unfilled = solver.Value(hard), solver.Value(care.unfilled)
    first = time.monotonic() - began
    # Phase 2: the soft level with both levels held.
    care.hint(solver)
    care.m.Add(hard <= short)
    care.m.Add(care.unfilled <= unfilled)
    left = args.seconds - (time.monotonic() - began)
    best = solver
    if left > 0.5:
        solver2, status2 = solve(care.soft, left)
        if status2 in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            best, status = solver2, status2
    roster = care.roster(best)
    with open(args.out, "w") as f:
        json.dump(roster, f)
    print(f"CP-SAT {args.seconds:g} s, {args.threads} thread(s), seed {args.seed}: "
          f"{best.StatusName(status)}; hard {care.shortfall(best)}, unfilled {unfilled} (phase 1 done at {first:.1f} s), "
          f"soft {best.Value(care.soft)} (bound {best.BestObjectiveBound():.0f}); "
          f"{len(roster['assignments'])} seats; model built in {built:.1f} s, "
          f"then {time.monotonic() - began:.1f} s solving")


if __name__ == "__main__":
    main()
