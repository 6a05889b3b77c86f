//! Matching a pattern the derive cut in two (`…:domain/.{1,500}/case/` then `[…]{1,500}`), whose
//! one automaton would need two counts at once whichever end it read first. A value matches when
//! some point splits it into a head and a tail: one part's automaton marks, in a set of bits,
//! every point where what it has read is such a part (the head's, reading from the value's
//! start, or for a value longer than a set holds the tail's, from its end, a window of points at
//! a time), and the other's looks for a marked point where it accepts. A value short enough for
//! the pattern's [`relaxed`](Automaton::relaxed) automaton is decided by it and never gets here.

use super::counts::Counts;
use super::{Automaton, state_number};

/// The most bytes the derive lets a [`tail`](Automaton::tail) match: the split points it
/// accepts are then kept in a set of this many bits plus one on the stack. A hand-built tail
/// that may be longer still matches exactly, by walking the value once per this many bytes of
/// tail.
pub const MOST_TAIL_BYTES: usize = 4095;

/// Words of the set of split points.
const WORDS: usize = (MOST_TAIL_BYTES + 1) / 64;

/// How a walk keeps its register: [`PLAIN`] automata have none, [`ONE`] count one at a time,
/// [`SETS`] keep a set of counts. The walks are compiled once per kind, so a step does not ask.
const PLAIN: u8 = 0;
/// See [`PLAIN`].
const ONE: u8 = 1;
/// See [`PLAIN`].
const SETS: u8 = 2;

/// A walk's place in an automaton: its state and register (a set of counts is kept apart, so
/// that these two stay in registers of the processor).
struct Place {
    state: usize,
    count: u32,
}

impl Place {
    /// Takes a symbol of `class` (a walk of kind `K`, with `counts` its set of counts if it
    /// keeps one): the action the transition took.
    #[inline(always)]
    const fn step<const K: u8>(
        &mut self,
        automaton: &Automaton,
        class: usize,
        counts: &mut Counts,
    ) -> u8 {
        let index = self.state + class;
        let next = automaton.transitions[index] as usize;
        let Some(counter) = &automaton.counter else {
            self.state = next;
            return 0;
        };
        let action = counter.actions[index];
        self.state = if K == ONE {
            automaton.step_class(self.state, class, counter, &mut self.count)
        } else if K == SETS
            && action != 0
            && let Some(sets) = &counter.sets
        {
            automaton.count_step(next, action, sets, counts)
        } else {
            next
        };
        action
    }
}

/// The split points a window holds: bit `p − base` for the point `p` bytes before the end,
/// for the points `from..to`.
struct Window<'a> {
    ends: &'a mut [u64],
    base: usize,
    from: usize,
    to: usize,
    /// The first and the last point marked (`usize::MAX` and 0 until one is).
    lowest: usize,
    highest: usize,
}

impl<'a> Window<'a> {
    /// The window of points `from..to`, none marked yet, whose bits in `ends` count from
    /// `base`.
    const fn new(ends: &'a mut [u64], base: usize, from: usize, to: usize) -> Self {
        Window {
            ends,
            base,
            from,
            to,
            lowest: usize::MAX,
            highest: 0,
        }
    }

    /// Marks (`MARK`) or looks for a mark on (otherwise) the points `lo..=hi` within the
    /// window: whether one was marked.
    #[inline(always)]
    const fn touch<const MARK: bool>(&mut self, lo: usize, hi: usize) -> bool {
        let lo = if lo < self.from { self.from } else { lo };
        let hi = if hi >= self.to { self.to - 1 } else { hi };
        if lo > hi {
            return false;
        }
        if MARK {
            if lo < self.lowest {
                self.lowest = lo;
            }
            if hi > self.highest {
                self.highest = hi;
            }
        }
        let (mut bit, last) = (lo - self.base, hi - self.base);
        while bit <= last {
            let (word, offset) = (bit / 64, bit % 64);
            let span = if last - bit < 63 - offset {
                last - bit + 1
            } else {
                64 - offset
            };
            let mask = if span == 64 {
                u64::MAX
            } else {
                ((1u64 << span) - 1) << offset
            };
            if MARK {
                self.ends[word] |= mask;
            } else if self.ends[word] & mask != 0 {
                return true;
            }
            bit += span;
        }
        MARK
    }

    /// Narrows the window to the points marked, the only ones a walk that looks for marks
    /// needs to reach.
    const fn narrow_to_marks(&mut self) {
        self.from = self.lowest;
        self.to = self.highest + 1;
    }
}

impl Automaton {
    /// Whether some point splits `haystack` into a beginning this automaton accepts and a rest
    /// `tail` accepts (read backwards).
    pub(super) const fn matches_split(&self, haystack: &[u8], tail: &Automaton) -> bool {
        // Unless a part may be empty, the value begins with the head's literal prefix and ends
        // with the tail's: compared before either walk.
        let n = haystack.len();
        if self.after_prefix::<false>(haystack).is_none() && !self.accepts(self.start as usize)
            || tail.after_prefix::<true>(haystack).is_none() && !tail.accepts(tail.start as usize)
        {
            return false;
        }
        let Some(longest) = self.longest_tail(haystack, tail) else {
            return false;
        };
        // A set no larger than the value needs: clearing the whole of it costs a short value
        // more than its walks.
        if n < 64 {
            self.split_at_once::<1>(haystack, tail, longest)
        } else if n < 512 {
            self.split_at_once::<8>(haystack, tail, longest)
        } else if n < WORDS * 64 {
            self.split_at_once::<WORDS>(haystack, tail, longest)
        } else {
            self.split_in_windows::<WORDS>(haystack, tail, longest)
        }
    }

    /// The longest tail a split of `haystack` may leave, `None` when there is none to look
    /// for: no head is shorter than the value's shortest less the tail's, so a longer tail
    /// leaves no room for one. (This automaton's `shortest` is the whole value's.)
    const fn longest_tail(&self, haystack: &[u8], tail: &Automaton) -> Option<usize> {
        let n = haystack.len();
        let head_least = self.shortest.saturating_sub(tail.shortest);
        if n < head_least || tail.shortest > n - head_least {
            return None;
        }
        Some(if tail.longest < n - head_least {
            tail.longest
        } else {
            n - head_least
        })
    }

    /// [`matches_split`](Self::matches_split) for a value whose points all fit one set, with
    /// tails of at most `longest` bytes: the head walks first, from the value's start, and
    /// marks the points it accepts at; the tail then walks from the end only as far as the
    /// first of them. The head is most often the part with literal text and fewer points.
    const fn split_at_once<const W: usize>(
        &self,
        haystack: &[u8],
        tail: &Automaton,
        longest: usize,
    ) -> bool {
        let mut ends = [0u64; W];
        let mut window = Window::new(&mut ends, 0, tail.shortest, longest + 1);
        let (found, _) = self.walk_part::<false, true>(haystack, &mut window);
        if !found {
            return false;
        }
        window.narrow_to_marks();
        tail.walk_part::<true, false>(haystack, &mut window).0
    }

    /// [`matches_split`](Self::matches_split) for any value, with tails of at most `longest`
    /// bytes, `W` × 64 tail lengths at a time: in each window, the tail walks first and marks
    /// the points it accepts at, then the head looks for one it accepts at.
    const fn split_in_windows<const W: usize>(
        &self,
        haystack: &[u8],
        tail: &Automaton,
        longest: usize,
    ) -> bool {
        let mut from = tail.shortest;
        while from <= longest {
            let to = if longest - from < W * 64 {
                longest + 1
            } else {
                from + W * 64
            };
            let mut ends = [0u64; W];
            let mut window = Window::new(&mut ends, from, from, to);
            let (found, alive) = tail.walk_part::<true, true>(haystack, &mut window);
            if found {
                window.narrow_to_marks();
                if self.walk_part::<false, false>(haystack, &mut window).0 {
                    return true;
                }
            }
            if !alive {
                return false;
            }
            from = to;
        }
        false
    }

    /// [`walk_split`](Self::walk_split) of this automaton's kind.
    const fn walk_part<const BACK: bool, const MARK: bool>(
        &self,
        haystack: &[u8],
        window: &mut Window<'_>,
    ) -> (bool, bool) {
        match kind(self) {
            PLAIN => self.walk_split::<PLAIN, BACK, MARK>(haystack, window),
            ONE => self.walk_split::<ONE, BACK, MARK>(haystack, window),
            _ => self.walk_split::<SETS, BACK, MARK>(haystack, window),
        }
    }

    /// One walk of a split match, by an automaton of kind `K`: the tail's (`BACK`) reads
    /// `haystack` from its end, the head's from its start. One that marks (`MARK`) marks in
    /// `window` each point it accepts at, and says whether it marked one and whether it was
    /// still alive past the window; the other says whether it accepts at a point the window
    /// marks. A point is named by how many bytes follow it.
    const fn walk_split<const K: u8, const BACK: bool, const MARK: bool>(
        &self,
        haystack: &[u8],
        window: &mut Window<'_>,
    ) -> (bool, bool) {
        let n = haystack.len();
        let mut place = Place {
            state: self.start as usize,
            count: 0,
        };
        let mut counts = Counts::new();
        let mut found = false;
        // The empty part; every other begins with the literal prefix (ends with it, read
        // backwards), within which no state accepts: the walk resumes after it.
        let at = if BACK { 0 } else { n };
        if self.accepts(place.state) && window.touch::<MARK>(at, at) {
            if !MARK {
                return (true, true);
            }
            found = true;
        }
        let mut read = match self.after_prefix::<BACK>(haystack) {
            Some((state, read)) => {
                place.state = state;
                read
            }
            None => return (found, false),
        };
        loop {
            let at = if BACK { read } else { n - read };
            // Past the window: the tail is alive beyond it; the head has passed it.
            if BACK && at >= window.to || !BACK && at < window.from {
                return (found, BACK);
            }
            if at >= window.from && at < window.to {
                let accepts = self.accepts(place.state);
                let (word, bit) = ((at - window.base) / 64, (at - window.base) % 64);
                if MARK {
                    // Most often rare, where the head marks: a branch the processor predicts.
                    if accepts {
                        window.ends[word] |= 1 << bit;
                        if at < window.lowest {
                            window.lowest = at;
                        }
                        if at > window.highest {
                            window.highest = at;
                        }
                        found = true;
                    }
                } else if (window.ends[word] >> bit) & accepts as u64 != 0 {
                    // Whether the state accepts may flip at every byte; a mark there is rare.
                    return (true, true);
                }
            }
            if read == n || BACK && at + 1 == window.to || !BACK && at == window.from {
                return (found, BACK && read < n);
            }
            let class = match &self.wide {
                Some(wide) if !BACK => match self.character_at(haystack, &mut read, wide) {
                    Some(class) => class,
                    // Malformed UTF-8 never matches.
                    None => return (false, false),
                },
                _ => {
                    read += 1;
                    self.class_at::<BACK>(haystack, read - 1)
                }
            };
            let before = place.state;
            let action = place.step::<K>(self, class, &mut counts);
            if place.state == 0 {
                return (found, false);
            }
            if place.state != before || self.wide.is_some() {
                continue;
            }
            // A state that loops on itself: while the bytes keep it there (and the register
            // in its region), the state is known in advance, so each byte's loads no longer
            // wait for the previous byte's, and every point on the way is the same state's.
            let mut room = n - read;
            if let Some(counter) = &self.counter
                && action != 0
            {
                if K == ONE && action == 2 {
                    let limit = counter.limits[state_number(before, self.stride_reciprocal)];
                    let left = limit.saturating_sub(place.count + 1) as usize;
                    if left < room {
                        room = left;
                    }
                } else if K == SETS && (action == 2 || action == 3) {
                    let steady = counts.steady_steps(action == 3) as usize;
                    if steady < room {
                        room = steady;
                    }
                } else {
                    continue;
                }
            }
            let from = read;
            while read - from < room {
                let index = before + self.class_at::<BACK>(haystack, read);
                if self.transitions[index] as usize != before
                    || self.counter.is_some() && self.counter_action(index) != action
                {
                    break;
                }
                read += 1;
            }
            let steps = read - from;
            if steps == 0 {
                continue;
            }
            if K == ONE && action != 0 {
                place.count += steps as u32;
            } else if K == SETS && action != 0 && !counts.advance(steps as u64, action == 3) {
                // The counts would change regions on the way: one byte at a time instead.
                read = from;
                continue;
            }
            // The points the run passed, after each of its bytes but the last, whose point the
            // loop looks at next.
            if self.accepts(before) {
                let (lo, hi) = if BACK {
                    (from, read - 1)
                } else {
                    (n - read + 1, n - from)
                };
                if window.touch::<MARK>(lo, hi) {
                    if !MARK {
                        return (true, true);
                    }
                    found = true;
                }
            }
        }
    }

    /// Whether (premultiplied) `state` accepts.
    #[inline(always)]
    const fn accepts(&self, state: usize) -> bool {
        self.accepting[state_number(state, self.stride_reciprocal)] != 0
    }

    /// The register action of transition `index`, for an automaton that counts.
    #[inline(always)]
    const fn counter_action(&self, index: usize) -> u8 {
        match &self.counter {
            Some(counter) => counter.actions[index],
            None => 0,
        }
    }
}

/// The kind of walk `automaton` takes ([`PLAIN`], [`ONE`] or [`SETS`]).
const fn kind(automaton: &Automaton) -> u8 {
    match &automaton.counter {
        None => PLAIN,
        Some(counter) if counter.sets.is_none() => ONE,
        Some(_) => SETS,
    }
}

#[cfg(test)]
mod tests {
    use super::Automaton;

    /// [`Automaton::split_in_windows`] with windows of 64 tail lengths.
    fn windows(head: &Automaton, haystack: &[u8], tail: &Automaton) -> bool {
        head.longest_tail(haystack, tail)
            .is_some_and(|longest| head.split_in_windows::<1>(haystack, tail, longest))
    }

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
            relaxed: None,
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
                assert!(windows(&head, value.as_bytes(), tail), "{value}");
                assert!(head.matches(value.as_bytes()), "{value}");
                for wrong in [
                    format!("{value}a"),
                    format!("b{value}a"),
                    format!("{value}c"),
                ] {
                    if wrong.contains("ba") || wrong.contains('c') {
                        assert!(!windows(&head, wrong.as_bytes(), tail), "{wrong}");
                        assert!(!head.matches(wrong.as_bytes()), "{wrong}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_run_of_the_head_meets_the_tail_inside_it() {
        // `a*` then `ab*`, the tail read backwards: `b*`, then one `a` (accepting), then nothing.
        let classes: &'static mut [u8; 256] = Box::leak(Box::new([0; 256]));
        classes[b'a' as usize] = 1;
        classes[b'b' as usize] = 2;
        let tail: &'static Automaton = Box::leak(Box::new(Automaton {
            classes,
            transitions: &[0, 0, 0, 0, 6, 3, 0, 0, 0],
            stride: 3,
            stride_reciprocal: Automaton::reciprocal_of(3),
            accepting: &[0, 0, 1],
            start: 3,
            after_prefix: 3,
            shortest: 1,
            ..star(b'a', true)
        }));
        let head = Automaton {
            tail: Some(tail),
            ..star(b'a', false)
        };
        // Every string of `a`s and `b`s up to 9 long: the head's run of `a`s takes the value's
        // point before its last `a` in one step.
        for length in 0..=9 {
            for bits in 0..1u32 << length {
                let value: String = (0..length)
                    .map(|k| if bits >> k & 1 == 0 { 'a' } else { 'b' })
                    .collect();
                let a = value.chars().take_while(|&c| c == 'a').count();
                let expected = a >= 1 && value[a..].chars().all(|c| c == 'b');
                assert_eq!(head.matches(value.as_bytes()), expected, "{value}");
                assert_eq!(windows(&head, value.as_bytes(), tail), expected, "{value}");
                if value.len() < 64 {
                    let longest = head.longest_tail(value.as_bytes(), tail);
                    let at_once = longest.is_some_and(|longest| {
                        head.split_at_once::<1>(value.as_bytes(), tail, longest)
                    });
                    assert_eq!(at_once, expected, "{value}");
                }
            }
        }
    }
}
