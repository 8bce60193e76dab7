//! An independent scorer for the Curtois & Qu benchmark, written from the
//! benchmark's definition and sharing no code with the engine: it works on the
//! parsed [`Instance`] and the roster as a list of (employee, day, shift)
//! assignments or a grid.
//!
//! Hard rules (each counted once per violation, as named on each [`Rule`]):
//! 1. at most one shift per employee per day;
//! 2. no shift in `s`'s CannotFollow on the day after `s` (inside the horizon);
//! 3. at most `MaxShifts[t]` shifts of type `t`;
//! 4. `MinTotalMinutes ≤ minutes worked ≤ MaxTotalMinutes`;
//! 5. no run of working days longer than `MaxConsecutiveShifts` (days outside
//!    the horizon are off);
//! 6. no run of working days shorter than `MinConsecutiveShifts`, except runs
//!    touching day 0 or the last day;
//! 7. no run of days off shorter than `MinConsecutiveDaysOff`, except runs
//!    touching day 0 or the last day;
//! 8. at most `MaxWeekends` weekends (days `7w+5`, `7w+6`) with any work;
//! 9. no shift on a fixed day off.
//!
//! Objective: the weight of every on-request not granted and every off-request
//! violated, plus per cover row `WeightUnder × max(0, req − n) + WeightOver ×
//! max(0, n − req)` with `n` the employees on that shift that day.

use crate::format::{Grid, Instance};

/// The nine hard rules of the benchmark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Rule 1: one count per shift beyond the first on a day.
    OneShiftPerDay,
    /// Rule 2: one count per forbidden pair of shifts on consecutive days.
    Succession,
    /// Rule 3: one count per employee and shift type over its maximum.
    MaxShifts,
    /// Rule 4: one count per employee outside their total-minutes range.
    TotalMinutes,
    /// Rule 5: one count per run of working days that is too long.
    MaxConsecutiveShifts,
    /// Rule 6: one count per run of working days that is too short.
    MinConsecutiveShifts,
    /// Rule 7: one count per run of days off that is too short.
    MinConsecutiveDaysOff,
    /// Rule 8: one count per employee over their weekends.
    MaxWeekends,
    /// Rule 9: one count per shift on a fixed day off.
    DaysOff,
}

impl Rule {
    /// Every rule, in the benchmark's order.
    pub const ALL: [Rule; 9] = [
        Rule::OneShiftPerDay,
        Rule::Succession,
        Rule::MaxShifts,
        Rule::TotalMinutes,
        Rule::MaxConsecutiveShifts,
        Rule::MinConsecutiveShifts,
        Rule::MinConsecutiveDaysOff,
        Rule::MaxWeekends,
        Rule::DaysOff,
    ];

    /// A short name.
    pub fn name(self) -> &'static str {
        match self {
            Rule::OneShiftPerDay => "one shift per day",
            Rule::Succession => "shift rotation",
            Rule::MaxShifts => "max shifts per type",
            Rule::TotalMinutes => "total minutes",
            Rule::MaxConsecutiveShifts => "max consecutive shifts",
            Rule::MinConsecutiveShifts => "min consecutive shifts",
            Rule::MinConsecutiveDaysOff => "min consecutive days off",
            Rule::MaxWeekends => "max weekends",
            Rule::DaysOff => "days off",
        }
    }
}

/// One broken hard rule: the rule, the employee, and the day it concerns
/// (the day of the shift, or the first day of the run; `None` for a rule over
/// the whole horizon).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Violation {
    /// The rule broken.
    pub rule: Rule,
    /// Employee index.
    pub employee: usize,
    /// The day concerned, if one.
    pub day: Option<usize>,
}

/// The score of a roster.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Evaluation {
    /// Every hard violation, by employee in staff order.
    pub violations: Vec<Violation>,
    /// Weight of on-requests not granted.
    pub on_requests: i64,
    /// Weight of off-requests violated.
    pub off_requests: i64,
    /// Under-cover penalty.
    pub under_cover: i64,
    /// Over-cover penalty.
    pub over_cover: i64,
}

impl Evaluation {
    /// The benchmark objective.
    pub fn objective(&self) -> i64 {
        self.on_requests + self.off_requests + self.under_cover + self.over_cover
    }

    /// Violations of one rule.
    pub fn violations_of(&self, rule: Rule) -> usize {
        self.violations.iter().filter(|v| v.rule == rule).count()
    }

    /// Violations per rule, indexed like [`Rule::ALL`].
    pub fn counts(&self) -> [usize; 9] {
        Rule::ALL.map(|rule| self.violations_of(rule))
    }

    /// Hard violations in total.
    pub fn hard_violations(&self) -> usize {
        self.violations.len()
    }

    /// Whether no hard rule is broken.
    pub fn is_feasible(&self) -> bool {
        self.violations.is_empty()
    }
}

/// The assignments of a grid, as (employee, day, shift).
pub fn grid_assignments(grid: &Grid) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for (employee, row) in grid.iter().enumerate() {
        for (day, cell) in row.iter().enumerate() {
            if let Some(shift) = *cell {
                out.push((employee, day, shift));
            }
        }
    }
    out
}

/// Scores a grid (`grid[employee][day]`).
pub fn evaluate_grid(instance: &Instance, grid: &Grid) -> Evaluation {
    evaluate(instance, &grid_assignments(grid))
}

/// Scores a roster given as (employee, day, shift) assignments; indices must
/// be in range for `instance`.
pub fn evaluate(instance: &Instance, assignments: &[(usize, usize, usize)]) -> Evaluation {
    let h = instance.horizon;
    let mut eval = Evaluation::default();

    // worked[e][d]: the shifts employee e works on day d.
    let mut worked: Vec<Vec<Vec<usize>>> = vec![vec![Vec::new(); h]; instance.staff.len()];
    for &(e, d, s) in assignments {
        worked[e][d].push(s);
    }

    for (e, employee) in instance.staff.iter().enumerate() {
        let mut broken = |rule: Rule, day: Option<usize>| {
            eval.violations.push(Violation {
                rule,
                employee: e,
                day,
            });
        };
        let days = &worked[e];
        let on = |d: usize| !days[d].is_empty();

        // 1. One shift per day.
        for (d, shifts) in days.iter().enumerate() {
            for _ in 1..shifts.len() {
                broken(Rule::OneShiftPerDay, Some(d));
            }
        }
        // 2. Shift rotation, inside the horizon.
        for d in 1..h {
            for &before in &days[d - 1] {
                let banned = &instance.shifts[before].cannot_follow;
                for _ in days[d].iter().filter(|s| banned.contains(s)) {
                    broken(Rule::Succession, Some(d));
                }
            }
        }
        // 3. Max shifts per type.
        for (t, max) in employee.max_shifts.iter().enumerate() {
            let n = days.iter().flatten().filter(|&&s| s == t).count();
            if max.is_some_and(|max| n > max as usize) {
                broken(Rule::MaxShifts, None);
            }
        }
        // 4. Total minutes.
        let minutes: i64 = days
            .iter()
            .flatten()
            .map(|&s| instance.shifts[s].minutes)
            .sum();
        if minutes < employee.min_total_minutes || minutes > employee.max_total_minutes {
            broken(Rule::TotalMinutes, None);
        }
        // 5–7. Runs of working days and of days off.
        let mut start = 0;
        while start < h {
            let working = on(start);
            let mut end = start;
            while end < h && on(end) == working {
                end += 1;
            }
            let length = (end - start) as u32;
            let exempt = start == 0 || end == h;
            if working {
                if length > employee.max_consecutive_shifts {
                    broken(Rule::MaxConsecutiveShifts, Some(start));
                }
                if !exempt && length < employee.min_consecutive_shifts {
                    broken(Rule::MinConsecutiveShifts, Some(start));
                }
            } else if !exempt && length < employee.min_consecutive_days_off {
                broken(Rule::MinConsecutiveDaysOff, Some(start));
            }
            start = end;
        }
        // 8. Weekends.
        let weekends = (0..h / 7)
            .filter(|w| on(7 * w + 5) || on(7 * w + 6))
            .count();
        if weekends > employee.max_weekends as usize {
            broken(Rule::MaxWeekends, None);
        }
        // 9. Days off.
        for &d in &employee.days_off {
            for _ in &days[d] {
                broken(Rule::DaysOff, Some(d));
            }
        }
    }

    let works = |e: usize, d: usize, s: usize| worked[e][d].contains(&s);
    eval.on_requests = instance
        .on_requests
        .iter()
        .filter(|r| !works(r.employee, r.day, r.shift))
        .map(|r| r.weight)
        .sum();
    eval.off_requests = instance
        .off_requests
        .iter()
        .filter(|r| works(r.employee, r.day, r.shift))
        .map(|r| r.weight)
        .sum();
    for row in &instance.cover {
        let n = worked
            .iter()
            .map(|days| days[row.day].iter().filter(|&&s| s == row.shift).count())
            .sum::<usize>() as i64;
        let wanted = i64::from(row.requirement);
        eval.under_cover += row.under_weight * (wanted - n).max(0);
        eval.over_cover += row.over_weight * (n - wanted).max(0);
    }
    eval
}
