//! Instances in the benchmark's text format, generated from a planted
//! roster: feasible by construction, at any size (the 364 days ×
//! 150 employees × 32 shift types among them).
//!
//! Shared by the `curtois` example (`generated:DAYSxSTAFFxSHIFTS[:SEED]` in
//! place of a file) and the benches, like `format.rs`.
//!
//! The planted roster comes first, employee by employee: work runs of two
//! to five days, each on one shift type the employee may work, and runs of
//! two or three days off. Its rules are then written around it, so that it
//! breaks none: fixed days off are some of its days off, each shift type's
//! cap is at least what it works of that type, its total minutes lie within
//! a window of two eight-hour shifts, its weekends are at most the limit.
//! Cover asks for what the planted roster provides, so it has no cover
//! penalty; requests are drawn at random, some granted by it, most not.
//! Everything is deterministic in the seed.

use std::fmt::Write;

use crate::format::Grid;

/// A generated instance: its text, and the planted roster that keeps every
/// hard rule of it.
pub struct Generated {
    /// The instance, in the benchmark's format.
    pub text: String,
    /// The planted roster (employee × day: the shift index or off).
    pub planted: Grid,
}

/// A small xorshift generator: the same numbers on every platform.
struct Draw(u64);

impl Draw {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

/// Shift `k`'s length: four to ten whole hours.
fn minutes(k: usize) -> i64 {
    240 + 60 * (k % 7) as i64
}

/// Generates an instance of `days` days (rounded up to whole weeks),
/// `employees` employees and `shifts` shift types (at least one of each).
/// Shift types in the second half are late: none of the first four may
/// follow one on the next day.
pub fn generate(days: usize, employees: usize, shifts: usize, seed: u64) -> Generated {
    let days = days.max(1).div_ceil(7) * 7;
    let (employees, shifts) = (employees.max(1), shifts.max(1));
    let mut rnd = Draw(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let half = shifts / 2;
    let early = half.min(4);
    let late = |k: usize| half > 0 && k >= half;

    let mut t = String::new();
    let _ = writeln!(t, "SECTION_HORIZON\n{days}\n\nSECTION_SHIFTS");
    for k in 0..shifts {
        let follow: Vec<String> = if late(k) {
            (0..early).map(|e| format!("S{e}")).collect()
        } else {
            Vec::new()
        };
        let _ = writeln!(t, "S{k},{},{}", minutes(k), follow.join("|"));
    }

    // The planted roster, and the rules written around it.
    let mut planted: Grid = Vec::with_capacity(employees);
    let mut staff = String::new();
    let mut offs = String::new();
    for e in 0..employees {
        // The types this employee may work: about five in six, at least one.
        let mut may: Vec<usize> = (0..shifts).filter(|_| rnd.below(6) != 0).collect();
        if may.is_empty() {
            may.push(rnd.below(shifts as u64) as usize);
        }
        let mut row = vec![None; days];
        let mut d = rnd.below(3) as usize;
        while d < days {
            let kind = may[rnd.below(may.len() as u64) as usize];
            let run = 2 + rnd.below(4) as usize;
            for slot in row.iter_mut().skip(d).take(run) {
                *slot = Some(kind);
            }
            d += run + 2 + rnd.below(2) as usize;
        }
        let mut count = vec![0u32; shifts];
        for k in row.iter().flatten() {
            count[*k] += 1;
        }
        let total: i64 = row.iter().flatten().map(|&k| minutes(k)).sum();
        let weekends = (0..days / 7)
            .filter(|w| row[7 * w + 5].is_some() || row[7 * w + 6].is_some())
            .count() as u64;
        let limits: Vec<String> = (0..shifts)
            .map(|k| {
                let cap = if !may.contains(&k) {
                    0
                } else if rnd.below(2) == 0 {
                    days as u32
                } else {
                    count[k] + rnd.below(3) as u32
                };
                format!("S{k}={cap}")
            })
            .collect();
        let below = rnd.below(961) as i64;
        let _ = writeln!(
            staff,
            "E{e},{},{},{},5,2,2,{}",
            limits.join("|"),
            total - below + 960,
            (total - below).max(0),
            weekends + rnd.below(2)
        );
        // About one in ten of its days off become fixed ones.
        let fixed: Vec<String> = (0..days)
            .filter(|&d| row[d].is_none() && rnd.below(10) == 0)
            .map(|d| d.to_string())
            .collect();
        if !fixed.is_empty() {
            let _ = writeln!(offs, "E{e},{}", fixed.join(","));
        }
        planted.push(row);
    }
    let _ = write!(t, "\nSECTION_STAFF\n{staff}\nSECTION_DAYS_OFF\n{offs}");

    // Requests: a fortnight's one of each per employee, on a random day
    // and type.
    for (section, weight) in [("ON", 2), ("OFF", 1)] {
        let _ = writeln!(t, "\nSECTION_SHIFT_{section}_REQUESTS");
        for e in 0..employees {
            for _ in 0..days / 14 {
                let _ = writeln!(
                    t,
                    "E{e},{},S{},{}",
                    rnd.below(days as u64),
                    rnd.below(shifts as u64),
                    weight + rnd.below(3)
                );
            }
        }
    }
    let _ = writeln!(t, "\nSECTION_COVER");
    for d in 0..days {
        for k in 0..shifts {
            let n = planted.iter().filter(|row| row[d] == Some(k)).count();
            let _ = writeln!(t, "{d},S{k},{n},100,1");
        }
    }
    Generated { text: t, planted }
}

/// Reads `DAYSxSTAFFxSHIFTS` or `DAYSxSTAFFxSHIFTS:SEED` (seed 0 by
/// default), as in `364x150x32`.
pub fn parse_size(spec: &str) -> Option<(usize, usize, usize, u64)> {
    let (size, seed) = match spec.split_once(':') {
        Some((size, seed)) => (size, seed.parse().ok()?),
        None => (spec, 0),
    };
    let mut parts = size.split('x').map(|p| p.parse::<usize>().ok());
    let (d, e, s) = (parts.next()??, parts.next()??, parts.next()??);
    (parts.next().is_none() && d > 0 && e > 0 && s > 0).then_some((d, e, s, seed))
}
