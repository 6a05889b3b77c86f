//! Matching a pattern the derive cut in two (`…:domain/.{1,500}` then `/case/[…]{1,500}`), whose
//! one automaton would need two counts at once whichever end it read first: the tail's
//! automaton reads the value from its end and marks every point where what it has read is a
//! tail; the head's reads it from its start and looks for such a point where what it has read is
//! a head.

use super::Automaton;
use super::counts::Counts;

/// The most bytes the derive lets a [`tail`](Automaton::tail) match: the split points it
/// accepts are then kept in a set of this many bits plus one on the stack. A hand-built tail
/// that may be longer still matches exactly, by walking the value once per this many bytes of
/// tail.
pub const MOST_TAIL_BYTES: usize = 4095;

/// Words of the set of split points.
const WORDS: usize = (MOST_TAIL_BYTES + 1) / 64;

/// A walk's place in an automaton: its state and register.
struct Place {
    state: usize,
    count: u32,
    counts: Counts,
}

impl Place {
    const fn start(automaton: &Automaton) -> Place {
        Place {
            state: automaton.start as usize,
            count: 0,
            counts: Counts::new(),
        }
    }

    /// Takes a symbol of `class`: `false` once the walk is dead.
    #[inline(always)]
    const fn step(&mut self, automaton: &Automaton, class: usize) -> bool {
        let index = self.state + class;
        let next = automaton.transitions[index] as usize;
        self.state = match &automaton.counter {
            None => next,
            Some(counter) => match &counter.sets {
                None => automaton.step_class(self.state, class, counter, &mut self.count),
                Some(sets) => match counter.actions[index] {
                    0 => next,
                    action => automaton.count_step(next, action, sets, &mut self.counts),
                },
            },
        };
        self.state != 0
    }

    const fn accepting(&self, automaton: &Automaton) -> bool {
        automaton.accepting[self.state / automaton.stride as usize] != 0
    }
}

impl Automaton {
    /// Whether some point splits `haystack` into a beginning this automaton accepts and a rest
    /// `tail` accepts (read backwards). The tail is walked first, over at most its
    /// [`longest`](Self::longest) bytes; then this automaton, which only looks at the split
    /// points among the last of them.
    pub(super) const fn matches_split(&self, haystack: &[u8], tail: &Automaton) -> bool {
        self.split_in_windows::<WORDS>(haystack, tail)
    }

    /// [`matches_split`](Self::matches_split), keeping the split points of `W` × 64 tail
    /// lengths at a time.
    const fn split_in_windows<const W: usize>(&self, haystack: &[u8], tail: &Automaton) -> bool {
        let n = haystack.len();
        let longest = if tail.longest < n { tail.longest } else { n };
        // Tail lengths `from..to` at a time: one window for every tail the derive builds.
        let mut from = 0;
        while from <= longest {
            let to = if longest - from < W * 64 {
                longest + 1
            } else {
                from + W * 64
            };
            let mut ends = [0u64; W];
            let (found, alive) = tail.tail_ends(haystack, from, to, &mut ends);
            if found && self.head_meets(haystack, from, to, &ends) {
                return true;
            }
            if !alive {
                return false;
            }
            from = to;
        }
        false
    }

    /// Walks `haystack` backwards from its end, marking in `ends` (bit `j − from`) each tail
    /// length `j` in `from..to` at which this automaton accepts: whether it marked any, and
    /// whether it was still alive at `to`.
    const fn tail_ends<const W: usize>(
        &self,
        haystack: &[u8],
        from: usize,
        to: usize,
        ends: &mut [u64; W],
    ) -> (bool, bool) {
        let n = haystack.len();
        let mut place = Place::start(self);
        let mut found = false;
        let mut j = 0;
        loop {
            if j >= from && place.accepting(self) {
                let bit = j - from;
                ends[bit / 64] |= 1 << (bit % 64);
                found = true;
            }
            if j + 1 == to {
                return (found, true);
            }
            if !place.step(self, self.classes[haystack[n - 1 - j] as usize] as usize) {
                return (found, false);
            }
            j += 1;
        }
    }

    /// Walks `haystack` forwards: whether it reaches, accepting, a point that leaves a tail
    /// `ends` marks (tail lengths `from..to`).
    const fn head_meets<const W: usize>(
        &self,
        haystack: &[u8],
        from: usize,
        to: usize,
        ends: &[u64; W],
    ) -> bool {
        let n = haystack.len();
        let mut place = Place::start(self);
        let mut i = 0;
        loop {
            let rest = n - i;
            if rest < to && place.accepting(self) {
                let bit = rest - from;
                if ends[bit / 64] & (1 << (bit % 64)) != 0 {
                    return true;
                }
            }
            if rest == from {
                return false;
            }
            let class = match &self.wide {
                None => {
                    i += 1;
                    self.classes[haystack[i - 1] as usize] as usize
                }
                Some(wide) => match self.character_at(haystack, &mut i, wide) {
                    Some(class) => class,
                    // Malformed UTF-8 never matches.
                    None => return false,
                },
            };
            if !place.step(self, class) || n - i < from {
                return false;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Automaton;

    /// The automaton of `c*` over bytes: one live state, premultiplied id 2.
    fn star(c: u8, reversed: bool) -> Automaton {
        let classes: &'static mut [u8; 256] = Box::leak(Box::new([0; 256]));
        classes[c as usize] = 1;
        Automaton {
            classes,
            transitions: &[0, 0, 0, 2],
            stride: 2,
            stride_reciprocal: Automaton::reciprocal_of(2),
            accepting: &[0, 1],
            start: 2,
            prefix: b"",
            after_prefix: 2,
            shortest: 0,
            longest: usize::MAX,
            counter: None,
            wide: None,
            reversed,
            begins_with: b"",
            ends_with: b"",
            also: None,
            tail: None,
        }
    }

    #[test]
    fn tails_longer_than_a_window_are_read_a_window_at_a_time() {
        // `a*` then `b*`, with windows of 64 tail lengths: a tail of up to 300 bytes takes five.
        let tail: &'static Automaton = Box::leak(Box::new(star(b'b', true)));
        let head = Automaton {
            tail: Some(tail),
            ..star(b'a', false)
        };
        for a in [0, 1, 63, 64, 65, 200] {
            for b in [0, 1, 63, 64, 65, 127, 128, 300] {
                let value = format!("{}{}", "a".repeat(a), "b".repeat(b));
                assert!(
                    head.split_in_windows::<1>(value.as_bytes(), tail),
                    "{value}"
                );
                assert!(head.matches(value.as_bytes()), "{value}");
                for wrong in [
                    format!("{value}a"),
                    format!("b{value}a"),
                    format!("{value}c"),
                ] {
                    if wrong.contains("ba") || wrong.contains('c') {
                        assert!(
                            !head.split_in_windows::<1>(wrong.as_bytes(), tail),
                            "{wrong}"
                        );
                        assert!(!head.matches(wrong.as_bytes()), "{wrong}");
                    }
                }
            }
        }
    }
}
