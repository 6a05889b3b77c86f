//! The register of an automaton that counts several runs of one repetition at once
//! (`https://([^/]+)/?.{3,1016}`: where `.{3,1016}` begins is not known until the value ends):
//! the set of counts under way, kept so that every step is a constant number of operations.

/// The largest bound (a repetition's maximum, or its minimum when it has no maximum) a
/// [`Counts`] can keep counts for: every count it holds lies in a window of this many values.
pub const MOST_COUNTS: u32 = WINDOW as u32 - 2;

/// Entries of the window of counts, a power of two.
const WINDOW: usize = 2048;

/// Region bit: some count is below the repetition's minimum (it may not end yet).
pub const BELOW: usize = 1;
/// Region bit: some count is at or past the minimum and below the maximum.
pub const WITHIN: usize = 2;
/// Region bit: some count is at the maximum (it may not go on).
pub const FULL: usize = 4;

/// A set of counts of one repetition `{min,max}` (each at least 1), with where they stand
/// against the bounds.
///
/// Every count of the set grows by one at once, so a count is kept as the step at which it
/// began: count = `clock` − start. Starts live in a window of 2,048 bits indexed by start
/// modulo the window, and the counts in each region are tallied as counts cross a bound, so
/// starting a count, growing all of them and reading the regions each take a few operations,
/// however many counts are under way. Counts past the maximum are dropped; without a maximum,
/// counts past the minimum are all alike and only whether there is one is kept.
///
/// ```
/// use constrained::counts::{BELOW, Counts, FULL, WITHIN};
///
/// // The counts of `.{3,5}`.
/// let mut counts = Counts::new();
/// counts.set_one(3, 5);
/// counts.increment();
/// counts.add_one(); // {2, 1}
/// assert_eq!(counts.regions(), BELOW);
/// counts.increment(); // {3, 2}
/// assert_eq!(counts.regions(), BELOW | WITHIN);
/// counts.increment();
/// counts.increment(); // {5, 4}
/// assert_eq!(counts.regions(), WITHIN | FULL);
/// counts.increment(); // {5}: 6 is past the maximum
/// assert_eq!(counts.regions(), FULL);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Counts {
    clock: u32,
    starts: [u64; WINDOW / 64],
    below: u32,
    within: u32,
    full: u32,
    /// The repetition's bounds, from [`set_one`](Self::set_one): the loop whose counts these
    /// are stays the same until the next `set_one`.
    min: u32,
    max: u32,
}

impl Default for Counts {
    fn default() -> Self {
        Counts::new()
    }
}

impl Counts {
    /// No counts.
    pub const fn new() -> Self {
        Counts {
            clock: 0,
            starts: [0; WINDOW / 64],
            below: 0,
            within: 0,
            full: 0,
            min: 0,
            max: 0,
        }
    }

    #[inline(always)]
    const fn has(&self, start: u32) -> bool {
        let bit = start as usize & (WINDOW - 1);
        self.starts[bit / 64] & (1 << (bit % 64)) != 0
    }

    #[inline(always)]
    const fn flip(&mut self, start: u32) {
        let bit = start as usize & (WINDOW - 1);
        self.starts[bit / 64] ^= 1 << (bit % 64);
    }

    /// The set `{1}`: the first iteration of the repetition `{min,max}` (`max` is `u32::MAX`
    /// when there is none), alone.
    pub const fn set_one(&mut self, min: u32, max: u32) {
        *self = Counts::new();
        self.min = min;
        self.max = max;
        self.add_one();
    }

    /// Adds the count 1 (an iteration that begins beside those under way), after
    /// [`set_one`](Self::set_one) has named the repetition.
    #[inline(always)]
    pub const fn add_one(&mut self) {
        let (min, max) = (self.min, self.max);
        let start = self.clock.wrapping_sub(1);
        if 1 >= max {
            if !self.has(start) {
                self.flip(start);
                self.full += 1;
            }
        } else if 1 >= min {
            if max == u32::MAX {
                self.within = 1;
            } else if !self.has(start) {
                self.flip(start);
                self.within += 1;
            }
        } else if !self.has(start) {
            self.flip(start);
            self.below += 1;
        }
    }

    /// Every count grows by one; those past the maximum are dropped. After
    /// [`set_one`](Self::set_one) has named the repetition.
    #[inline(always)]
    pub const fn increment(&mut self) {
        let (min, max) = (self.min, self.max);
        let now = self.clock;
        if max != u32::MAX {
            // At the maximum: dropped.
            let start = now.wrapping_sub(max);
            if self.has(start) {
                self.flip(start);
                self.full -= 1;
            }
            // One short of the maximum: reaches it.
            let start = now.wrapping_sub(max - 1);
            if max > 1 && self.has(start) {
                if max > min {
                    self.within -= 1;
                } else {
                    self.below -= 1;
                }
                self.full += 1;
            }
        }
        // One short of the minimum: reaches it (unless that is the maximum, done above).
        if min > 1 && min < max {
            let start = now.wrapping_sub(min - 1);
            if self.has(start) {
                self.below -= 1;
                if max == u32::MAX {
                    // Past the minimum with no maximum, every count is alike: keep only that
                    // there is one, so no start outlives the window.
                    self.flip(start);
                    self.within = 1;
                } else {
                    self.within += 1;
                }
            }
        }
        self.clock = now.wrapping_add(1);
    }

    /// The regions the counts are in: [`BELOW`], [`WITHIN`] and [`FULL`] bits (0 when there are
    /// none).
    #[inline(always)]
    pub const fn regions(&self) -> usize {
        (if self.below > 0 { BELOW } else { 0 })
            | (if self.within > 0 { WITHIN } else { 0 })
            | (if self.full > 0 { FULL } else { 0 })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn regions_of(set: &BTreeSet<u32>, min: u32, max: u32) -> usize {
        let mut bits = 0;
        for &c in set {
            bits |= if c >= max {
                FULL
            } else if c >= min {
                WITHIN
            } else {
                BELOW
            };
        }
        bits
    }

    /// Random operations, against the plain set of counts.
    #[test]
    fn counts_agree_with_the_set_they_stand_for() {
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let bounds = [
            (1, 3),
            (2, 2),
            (3, 70),
            (65, 65),
            (0, 100),
            (70, MOST_COUNTS),
            (3, u32::MAX),
            (MOST_COUNTS, u32::MAX),
            (1, u32::MAX),
        ];
        for (min, max) in bounds {
            let mut counts = Counts::new();
            counts.set_one(min, max);
            let mut set = BTreeSet::from([1]);
            for step in 0..20_000 {
                // No resets in the second half: counts then outlive the window many times over.
                match next() % 10 {
                    0 if step < 10_000 => {
                        counts.set_one(min, max);
                        set = BTreeSet::from([1]);
                    }
                    0..=3 => {
                        counts.add_one();
                        set.insert(1);
                    }
                    _ => {
                        // Only counts below the maximum go on, as in the automaton.
                        counts.increment();
                        set = set.iter().filter(|&&c| c < max).map(|c| c + 1).collect();
                    }
                }
                assert_eq!(
                    counts.regions(),
                    regions_of(&set, min, max),
                    "{{{min},{max}}} after step {step}: {set:?}"
                );
            }
        }
    }
}
