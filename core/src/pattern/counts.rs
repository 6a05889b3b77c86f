//! The register of an automaton that counts several runs of one repetition at once
//! (`https://([^/]+)/?.{3,1016}` read forwards: where `.{3,1016}` begins is not known until the
//! value ends): the set of counts under way, kept so that every step is a constant number of
//! operations.

/// The largest maximum a [`Counts`] can keep counts for: once its oldest count reaches the
/// maximum, every count it holds lies in a window of this many values. A repetition without a
/// maximum has no such limit.
pub const MOST_COUNTS: u32 = WINDOW as u32 - 2;

/// Entries of the window of counts, a power of two.
const WINDOW: usize = 2048;

/// Region bit: some count is below the repetition's minimum (it may not end yet).
pub const BELOW: usize = 1;
/// Region bit: some count is at or past the minimum and below the maximum.
pub const WITHIN: usize = 2;
/// Region bit: some count is at the maximum (it may not go on).
pub const FULL: usize = 4;

/// A set of counts of one repetition `{min,max}` (`max` at least 1), with where they stand
/// against the bounds.
///
/// Every count of the set grows by one at once, so a count is kept as the step at which it
/// began: count = `clock` − start. Until the first count (the set's oldest) reaches the
/// maximum, no count has been dropped, so the oldest count is `clock` + 1 and the youngest is
/// the last one added: the regions follow from those two, and a step is an addition and a
/// comparison. From then on, starts live in a window of 2,048 bits indexed by start modulo the
/// window, and the counts in each region are tallied as counts cross a bound, so starting a
/// count, growing all of them and reading the regions each take a few operations, however many
/// counts are under way. Counts past the maximum are dropped. Without a maximum, nothing is ever
/// dropped, so the oldest and the youngest count say all there is.
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
    /// Steps since the last [`set_one`](Counts::set_one): 64 bits, so it never wraps, and the
    /// starts set since then are exactly the bits the clock has passed.
    clock: u64,
    /// Where the youngest count began, while no count has been dropped.
    youngest: u64,
    /// The clock at which the oldest count reaches the maximum (`u64::MAX` without one): from
    /// then on the window's starts and the tallies are what the set is.
    tallied_from: u64,
    /// Whether the tallies are kept (the clock has reached `tallied_from`).
    tallied: bool,
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
            youngest: 0,
            tallied_from: 0,
            tallied: true,
            starts: [0; WINDOW / 64],
            below: 0,
            within: 0,
            full: 0,
            min: 0,
            max: 0,
        }
    }

    #[inline(always)]
    const fn has(&self, start: u64) -> bool {
        let bit = start as usize & (WINDOW - 1);
        self.starts[bit / 64] & (1 << (bit % 64)) != 0
    }

    #[inline(always)]
    const fn flip(&mut self, start: u64) {
        let bit = start as usize & (WINDOW - 1);
        self.starts[bit / 64] ^= 1 << (bit % 64);
    }

    /// The set `{1}`: the first iteration of the repetition `{min,max}` (`max` is `u32::MAX`
    /// when there is none), alone.
    pub const fn set_one(&mut self, min: u32, max: u32) {
        // The clock restarts at 0 with every set, so the starts set since the last one are the
        // bit before 0 and the bits below the clock: clear only their words, not the window (a
        // value is most often far shorter than the window, and sets start several times in one).
        let dirty = if self.clock >= WINDOW as u64 {
            WINDOW / 64
        } else {
            (self.clock as usize).div_ceil(64)
        };
        let mut word = 0;
        while word < dirty {
            self.starts[word] = 0;
            word += 1;
        }
        self.starts[WINDOW / 64 - 1] = 0;
        self.clock = 0;
        self.min = min;
        self.max = max;
        self.tallied = false;
        self.tallied_from = if max == u32::MAX {
            u64::MAX
        } else {
            (max as u64).saturating_sub(1)
        };
        self.add_one();
        if self.clock >= self.tallied_from {
            self.tally();
        }
    }

    /// Counts the window's starts into the tallies, when the oldest count reaches the maximum
    /// (no count has been dropped before).
    const fn tally(&mut self) {
        let (now, min, max) = (self.clock, self.min as u64, self.max as u64);
        let least = if min > 1 { min } else { 1 };
        // Counts 1 to min − 1, min to max − 1, and max.
        self.below = if min > 1 {
            self.starts_in(now.wrapping_sub(min - 1), min - 1)
        } else {
            0
        };
        self.within = if max > least {
            self.starts_in(now.wrapping_sub(max - 1), max - least)
        } else {
            0
        };
        self.full = self.has(now.wrapping_sub(max)) as u32;
        self.tallied = true;
    }

    /// Adds the count 1 (an iteration that begins beside those under way), after
    /// [`set_one`](Self::set_one) has named the repetition.
    #[inline(always)]
    pub const fn add_one(&mut self) {
        let start = self.clock.wrapping_sub(1);
        if !self.tallied {
            self.youngest = start;
            if self.max != u32::MAX {
                // Read once the oldest count reaches the maximum.
                let bit = start as usize & (WINDOW - 1);
                self.starts[bit / 64] |= 1 << (bit % 64);
            }
            return;
        }
        if self.has(start) {
            return;
        }
        self.flip(start);
        if 1 >= self.max {
            self.full += 1;
        } else if 1 >= self.min {
            self.within += 1;
        } else {
            self.below += 1;
        }
    }

    /// Every count grows by one; those past the maximum are dropped. After
    /// [`set_one`](Self::set_one) has named the repetition.
    #[inline(always)]
    pub const fn increment(&mut self) {
        let now = self.clock;
        self.clock = now + 1;
        if !self.tallied {
            if self.clock >= self.tallied_from {
                self.tally();
            }
            return;
        }
        let (min, max) = (self.min as u64, self.max as u64);
        if max == 0 {
            // No set yet.
            return;
        }
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
        // One short of the minimum: reaches it (unless that is the maximum, done above).
        if min > 1 && min < max {
            let start = now.wrapping_sub(min - 1);
            if self.has(start) {
                self.below -= 1;
                self.within += 1;
            }
        }
    }

    /// Moves every count on by `steps` iterations at once, as `steps` calls of
    /// [`increment`](Self::increment), each followed by [`add_one`](Self::add_one) when
    /// `adding`, would, and returns `true`; or changes nothing and returns `false` when the
    /// counts would not stay in the regions they are in, or the oldest count might reach the
    /// maximum.
    ///
    /// A run of bytes that loops on one state of the automaton then costs a few operations per
    /// 64 bytes rather than a few per byte. Until the oldest count reaches the maximum, the
    /// regions only ever move one way (counts only join `WITHIN`, and `BELOW` only empties, or
    /// only fills when counts are added), so the same regions at both ends of the steps mean the
    /// same regions all along, and with them the same twin state.
    ///
    /// ```
    /// use constrained::counts::{BELOW, Counts, WITHIN};
    ///
    /// // The counts of `.{3,1016}`, one begun at every step.
    /// let mut counts = Counts::new();
    /// counts.set_one(3, 1016);
    /// counts.increment();
    /// counts.add_one();
    /// counts.increment();
    /// counts.add_one(); // {3, 2, 1}
    /// assert!(counts.advance(500, true)); // {503, …, 1}
    /// assert_eq!(counts.regions(), BELOW | WITHIN);
    /// assert!(!counts.advance(600, false)); // 1,103 would be past the maximum
    /// ```
    pub const fn advance(&mut self, steps: u64, adding: bool) -> bool {
        if steps == 0 {
            return true;
        }
        if self.tallied || self.clock + steps >= self.tallied_from {
            return false;
        }
        let clock = self.clock + steps;
        let min = self.min as u64;
        let youngest = if adding {
            1
        } else {
            clock.wrapping_sub(self.youngest)
        };
        let after =
            (if youngest < min { BELOW } else { 0 }) | (if clock + 1 >= min { WITHIN } else { 0 });
        if after != self.regions() {
            return false;
        }
        if adding {
            if self.max != u32::MAX {
                self.set_starts(self.clock, steps);
            }
            self.youngest = clock - 1;
        }
        self.clock = clock;
        true
    }

    /// How many steps (each [`increment`](Self::increment), followed by
    /// [`add_one`](Self::add_one) when `adding`) leave the counts in the regions they are in,
    /// so that [`advance`](Self::advance) takes up to that many: known at once until the oldest
    /// count reaches the maximum, and 0 from then on.
    ///
    /// ```
    /// use constrained::counts::Counts;
    ///
    /// // The counts of `.{3,1016}`.
    /// let mut counts = Counts::new();
    /// counts.set_one(3, 1016); // {1}: below the minimum
    /// assert_eq!(counts.steady_steps(false), 1); // {2}, and then {3} is within bounds
    /// assert!(counts.advance(1, false));
    /// assert!(!counts.advance(1, false));
    /// ```
    pub const fn steady_steps(&self, adding: bool) -> u64 {
        if self.tallied {
            return 0;
        }
        let (clock, min) = (self.clock, self.min as u64);
        // Until the oldest count is one short of the maximum.
        let mut steps = self.tallied_from - clock - 1;
        // Until the oldest count, clock + 1, reaches the minimum.
        if clock + 1 < min && min - clock - 2 < steps {
            steps = min - clock - 2;
        }
        let youngest = clock.wrapping_sub(self.youngest);
        let below = youngest < min;
        if adding {
            // After one step, the youngest count is 1.
            if below != (1 < min) {
                steps = 0;
            }
        } else if below && min - 1 - youngest < steps {
            // Until the youngest count reaches the minimum.
            steps = min - 1 - youngest;
        }
        steps
    }

    /// How many counts began at steps `from` to `from + len − 1` (modulo the window).
    const fn starts_in(&self, from: u64, len: u64) -> u32 {
        let (mut at, mut left, mut total) = (from, len, 0);
        while left > 0 {
            let bit = at as usize & (WINDOW - 1);
            let (word, mask, take) = Self::word_mask(bit, left);
            total += (self.starts[word] & mask).count_ones();
            at = at.wrapping_add(take);
            left -= take;
        }
        total
    }

    /// Sets the starts of steps `from` to `from + len − 1` (`len` within the window).
    const fn set_starts(&mut self, from: u64, len: u64) {
        let (mut at, mut left) = (from, len);
        while left > 0 {
            let bit = at as usize & (WINDOW - 1);
            let (word, mask, take) = Self::word_mask(bit, left);
            self.starts[word] |= mask;
            at = at.wrapping_add(take);
            left -= take;
        }
    }

    /// The word of the window's `bit`, the mask of the bits from it up to `left` of them in
    /// that word, and how many that is.
    #[inline(always)]
    const fn word_mask(bit: usize, left: u64) -> (usize, u64, u64) {
        let offset = bit % 64;
        let room = 64 - offset as u64;
        let take = if left < room { left } else { room };
        let mask = if take == 64 {
            u64::MAX
        } else {
            ((1u64 << take) - 1) << offset
        };
        (bit / 64, mask, take)
    }

    /// The regions the counts are in: [`BELOW`], [`WITHIN`] and [`FULL`] bits (0 when there are
    /// none).
    #[inline(always)]
    pub const fn regions(&self) -> usize {
        if !self.tallied {
            // The oldest count is clock + 1, below the maximum.
            let youngest = self.clock.wrapping_sub(self.youngest);
            let min = self.min as u64;
            return (if youngest < min { BELOW } else { 0 })
                | (if self.clock + 1 >= min { WITHIN } else { 0 });
        }
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

    /// The set after one step: every count below the maximum grows (those at it are dropped),
    /// and 1 joins when `adding`.
    ///
    /// Without a maximum, counts past the minimum are kept as the minimum: the regions are the
    /// same, and the set stays small.
    fn stepped(set: &BTreeSet<u32>, min: u32, max: u32, adding: bool) -> BTreeSet<u32> {
        let mut next: BTreeSet<u32> = set
            .iter()
            .filter(|&&c| c < max)
            .map(|&c| {
                if max == u32::MAX && c >= min {
                    c
                } else {
                    c + 1
                }
            })
            .collect();
        if adding {
            next.insert(1);
        }
        next
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
            (1, 1),
            (70, MOST_COUNTS),
            (3, u32::MAX),
            (MOST_COUNTS, u32::MAX),
            (1, u32::MAX),
            (5000, u32::MAX),
        ];
        let mut advanced = 0;
        for (min, max) in bounds {
            let mut counts = Counts::new();
            counts.set_one(min, max);
            let mut set = BTreeSet::from([1]);
            for step in 0..8_000 {
                // No resets in the second half: counts then outlive the window many times over.
                match next() % 12 {
                    0 if step < 3_000 => {
                        counts.set_one(min, max);
                        set = BTreeSet::from([1]);
                    }
                    0..=3 => {
                        counts.add_one();
                        set.insert(1);
                    }
                    4 | 5 => {
                        // Several steps at once, or one by one when `advance` declines.
                        let steps = next() % 40;
                        let adding = next() % 2 == 0;
                        let mut regions = vec![regions_of(&set, min, max)];
                        for _ in 0..steps {
                            set = stepped(&set, min, max, adding);
                            regions.push(regions_of(&set, min, max));
                        }
                        let steady = regions.iter().all(|&r| r == regions[0]);
                        let clock = counts.clock;
                        // `steady_steps` is exact while no count has been dropped.
                        let quiet = counts.steady_steps(adding);
                        if !counts.tallied && clock + steps < counts.tallied_from {
                            let same = regions.iter().take_while(|&&r| r == regions[0]).count();
                            assert_eq!(
                                quiet.min(steps),
                                (same as u64 - 1).min(steps),
                                "{{{min},{max}}} at step {step}: {regions:?}"
                            );
                        }
                        if counts.tallied {
                            assert_eq!(quiet, 0);
                        } else {
                            assert!(clock + quiet < counts.tallied_from);
                        }
                        if counts.advance(steps, adding) {
                            assert!(steady, "{{{min},{max}}}: advanced over {regions:?}");
                            advanced += 1;
                        } else {
                            assert_eq!(counts.clock, clock, "declining changes nothing");
                            // It declines only where it must.
                            assert!(
                                !steady || counts.tallied || clock + steps >= counts.tallied_from,
                                "{{{min},{max}}} at step {step}: declined {steps} steady steps"
                            );
                            for _ in 0..steps {
                                counts.increment();
                                if adding {
                                    counts.add_one();
                                }
                            }
                        }
                    }
                    _ => {
                        // Only counts below the maximum go on, as in the automaton.
                        counts.increment();
                        set = stepped(&set, min, max, false);
                    }
                }
                assert_eq!(
                    counts.regions(),
                    regions_of(&set, min, max),
                    "{{{min},{max}}} after step {step}: {set:?}"
                );
            }
        }
        assert!(advanced > 1000, "advanced only {advanced} times");
    }
}
