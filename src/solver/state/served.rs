//! Who serves whom, one bit a pair.
//!
//! The continuity terms count each person's (and each series') distinct
//! workers; a seat's change to them depends only on whether the worker
//! already serves the group. The counts behind it are four bytes a
//! (group, worker) pair, laid out group by group; the DP reads the bit for
//! one worker and every session of the horizon, so a worker's bits lie
//! side by side (a few hundred bytes), where the counts would be a cache
//! miss a session.

/// One bit per (worker, group): whether the worker serves the group.
#[derive(Debug, Clone)]
pub(super) struct Served {
    words: usize,
    bits: Vec<u64>,
}

impl Served {
    pub(super) fn new(workers: usize, groups: usize) -> Self {
        let words = groups.div_ceil(64);
        Served {
            words,
            bits: vec![0; workers * words],
        }
    }

    #[inline]
    pub(super) fn get(&self, w: usize, g: usize) -> bool {
        self.bits[w * self.words + g / 64] >> (g % 64) & 1 == 1
    }

    #[inline]
    pub(super) fn flip(&mut self, w: usize, g: usize) {
        self.bits[w * self.words + g / 64] ^= 1 << (g % 64);
    }
}
