//! `Pattern`: a regular expression compiled to a DFA when the derive expands, matched with no
//! regex engine, no allocation and no lazy initialization at run time.

pub mod counts;
pub(crate) mod runtime;
pub(crate) mod sequence;
pub(crate) mod split;
mod utf8;

use counts::Counts;

use utf8::decode_at;

/// A deterministic automaton over UTF-8 bytes (or, for patterns whose classes reach far beyond
/// ASCII, over characters), stored as static tables.
///
/// The derive builds it from the pattern when it expands (see the crate's README, "Patterns");
/// this type only walks it. State ids are premultiplied by the alphabet length, so one step is one
/// table load, and state 0 is the dead state, from which no input matches. The derive writes the
/// tables as byte strings, one token each however large, decoded when constants are evaluated.
#[derive(Debug)]
pub struct Automaton {
    /// Byte → equivalence class: bytes no transition tells apart share a column. Over
    /// characters, the classes of the ASCII characters (the rest of the table is unused).
    pub classes: &'static [u8; 256],
    /// `transitions[state + class]` is the next (premultiplied) state. The size budget keeps
    /// every id below 65,536.
    pub transitions: &'static [u16],
    /// The number of classes: the length of one row of `transitions`, in entries.
    pub stride: u32,
    /// [`Automaton::reciprocal_of`]`(stride)`, with which the walk turns a premultiplied id into
    /// a state number by a multiplication rather than a division.
    pub stride_reciprocal: u64,
    /// `accepting[state / stride]` is non-zero when input that ends in this state matches.
    pub accepting: &'static [u8],
    /// The (premultiplied) state before any input.
    pub start: u32,
    /// The bytes every accepted input other than the empty one begins with (`arn:aws:` …),
    /// possibly none: a match compares them at once rather than stepping through a state per
    /// byte, each step waiting for the one before.
    pub prefix: &'static [u8],
    /// The (premultiplied) state after `prefix`.
    pub after_prefix: u32,
    /// No accepted input is shorter than this many bytes: shorter input is rejected unread.
    pub shortest: usize,
    /// No accepted input is longer than this many bytes (`usize::MAX`: no bound), so a long
    /// value is rejected unread.
    pub longest: usize,
    /// The register that counts a long repetition of one class (`.{1,1024}`) instead of
    /// unrolling it into a state per count, for patterns that have one.
    pub counter: Option<Counter>,
    /// Present when the automaton reads characters rather than bytes: the classes of the
    /// characters beyond ASCII.
    pub wide: Option<WideClasses>,
    /// Whether the automaton reads a value from its last byte to its first: the derive builds
    /// it from the mirrored pattern when that needs fewer counts at once than the pattern
    /// (`([!-~]{1,510}/)?[\w+=,.@-]{1,128}` counts two parts at once read forwards, one after the
    /// other read backwards). `prefix` is then what every accepted value ends with, last byte
    /// first, and a walk by [`next_state`](Self::next_state) takes the bytes in that order.
    /// Only an automaton over bytes is reversed.
    pub reversed: bool,
    /// For a [`reversed`](Self::reversed) automaton, the bytes every accepted value begins with
    /// (`arn:aws`), compared before the walk, which would read them last: a value that does not
    /// begin with them is refused unread. Empty for an automaton that reads forwards, whose
    /// [`prefix`](Self::prefix) does that.
    pub begins_with: &'static [u8],
    /// For an automaton that reads forwards, the bytes every accepted value ends with (`.json`
    /// of `[a-z.]+\.json`), compared before the walk, which would read them last: a value
    /// that does not end with them is refused unread. Empty for a [`reversed`](Self::reversed)
    /// automaton, whose [`prefix`](Self::prefix) does that.
    pub ends_with: &'static [u8],
    /// A second automaton the value must match as well (`None` for most), checked after this
    /// one: a pattern that opens with a look-ahead, `(?=.{1,256}$)arn:…`, whose one automaton
    /// would be past the size budget, is the rest's automaton with the look-ahead's here (and
    /// each further look-ahead's in this one's `also`).
    pub also: Option<&'static Automaton>,
    /// For a pattern cut in two (`None` for most): the automaton of the part after the cut,
    /// which reads backwards and accepts nothing shorter than its [`shortest`](Self::shortest)
    /// or longer than its [`longest`](Self::longest), at most
    /// [`MOST_TAIL_BYTES`](crate::MOST_TAIL_BYTES) as the derive builds it. This automaton
    /// then reads the part before the cut, and a value matches when some point splits it into
    /// parts they each accept: the derive cuts `…:domain/.{1,500}/case/[…]{1,500}` after
    /// `/case/`, since read from either end its one automaton would count both repetitions at
    /// once. This automaton's [`shortest`](Self::shortest) and [`longest`](Self::longest) are
    /// then the whole value's.
    pub tail: Option<&'static Automaton>,
    /// For a pattern cut in two (`None` for others): one automaton that reads a value once and
    /// decides it exactly when it is shorter than the bound the pair carries, so that most
    /// values are not read twice. It is the pattern's with the bounds of its long repetitions
    /// dropped (`….{1,500}/case/[…]{1,500}` read as `…/.+/case/[…]+`): a value too short to
    /// repeat a part past its bound cannot tell the two apart.
    pub relaxed: Option<Relaxed>,
}

/// The [`relaxed`](Automaton::relaxed) automaton of a pattern cut in two, and the values it
/// decides.
///
/// ```
/// use constrained::Constrained;
///
/// #[derive(Constrained)]
/// #[constrained(pattern = r"arn:[a-z-]*?:cases:[a-z0-9-]*?:[0-9]{12}:domain/.{1,500}/case/[A-Za-z0-9\-._/:#=+-]{1,500}")]
/// struct CaseArn(String);
///
/// let automaton = CaseArn::RULES.pattern.and_then(|p| p.automaton.as_ref()).unwrap();
/// let relaxed = automaton.relaxed.as_ref().unwrap();
/// // The shortest value in which `.{1,500}` is exceeded: `arn::cases::123456789012:domain/`,
/// // 501 characters, `/case/` and one more.
/// assert_eq!(relaxed.below, 32 + 501 + 7);
/// let value = format!("arn::cases::123456789012:domain/{}/case/x", "y".repeat(501));
/// assert!(relaxed.automaton.matches(value.as_bytes()));
/// assert!(!automaton.matches(value.as_bytes()));
/// ```
#[derive(Debug)]
pub struct Relaxed {
    /// The automaton of the pattern without the bounds, which never has a tail.
    pub automaton: &'static Automaton,
    /// It decides the values of fewer bytes than this; longer ones take the split walk.
    pub below: usize,
}

/// The classes of the characters beyond ASCII, for an [`Automaton`] that reads characters: a
/// class such as `\p{L}` is then one transition per state, where over bytes it would be a tree
/// of UTF-8 partial states in every state that reads it.
#[derive(Debug)]
pub struct WideClasses {
    /// Sorted starts of intervals of characters, the first U+0080; an interval runs up to the
    /// next start (the last, to U+10FFFF).
    pub starts: &'static [u32],
    /// The class of each interval. The walk reads the same classes from the table below;
    /// the intervals are what [`Automaton::sample_characters`] draws from.
    pub classes: &'static [u8],
    /// The classes of all code points, as a three-level table of blocks of 64 entries, blocks
    /// with the same entries stored once: per 4,096 code points (`c >> 12`, 272 entries), the
    /// index of its block in `middle`.
    pub top: &'static [u16],
    /// Per 64 code points of a middle block (`(c >> 6) & 63`), the index of its block in
    /// `leaves`.
    pub middle: &'static [u16],
    /// Per code point of a leaf block (`c & 63`), its class.
    pub leaves: &'static [u8],
}

impl WideClasses {
    /// The class of the code point `c` (at least U+0080; past U+10FFFF, U+10FFFF's): three
    /// loads, one per level of the table, and no search.
    #[inline]
    pub const fn class(&self, c: u32) -> usize {
        let c = if c > 0x10FFFF { 0x10FFFF } else { c } as usize;
        let middle = self.top[c >> 12] as usize;
        let leaf = self.middle[middle * 64 + ((c >> 6) & 63)] as usize;
        self.leaves[leaf * 64 + (c & 63)] as usize
    }
}

/// How an [`Automaton`] counts: a long repetition of one class is a state that loops while a
/// register counts its iterations, rather than one state per count. Each state belongs to a
/// region of the register (below the repetition's minimum, within its bounds, at its maximum);
/// when an increment reaches the region's limit, the walk moves on to the state's twin in the
/// next region.
#[derive(Debug)]
pub struct Counter {
    /// Per transition (indexed like `transitions`): 0 keeps the register, 1 sets it to 1,
    /// 2 adds 1.
    pub actions: &'static [u8],
    /// Per state: the register value at which the state gives way to its boundary twin
    /// (`u32::MAX`: never).
    pub limits: &'static [u32],
    /// Per state: its twin in the register's next region (premultiplied).
    pub boundaries: &'static [u16],
    /// The (premultiplied) states below this id never touch the register (the derive numbers
    /// them first): the walk steps through them without reading `actions` or `limits`.
    pub plain_below: u32,
    /// Present when the register holds a set of counts rather than one: `actions`, `limits`
    /// and `boundaries` are then read as [`CountSets`] says.
    pub sets: Option<CountSets>,
}

/// How an [`Automaton`] counts when several counts of its repetition can be under way at once
/// (`s3://…/?((.{1,1024})/)?`, where `.{1,1024}` may begin before or after the `/`): the register
/// is then a [`Counts`] set. A transition's action
/// is 0 (keep the set), 1 (the set becomes `{1}`), 2 (every count grows by 1), 3 (every count
/// grows, and 1 joins) or 4 (1 joins). After an action, the walk moves to the target's twin for
/// the regions the set's counts are in, which is what the target's transitions depend on.
#[derive(Debug)]
pub struct CountSets {
    /// Per state: the minimum and maximum (`u32::MAX`: none) of the repetition it counts.
    pub bounds: &'static [u32],
    /// Per state, 8 entries: its twin (premultiplied) for each combination of
    /// [`counts::BELOW`], [`counts::WITHIN`] and [`counts::FULL`].
    pub twins: &'static [u16],
}

/// What a walk over an [`Automaton`] keeps besides its state: the register of a counting
/// automaton (one count, or a set of counts).
///
/// ```
/// use constrained::Constrained;
/// use constrained::Register;
///
/// #[derive(Debug, Constrained)]
/// #[constrained(pattern = "a.{1,100}")]
/// pub struct Counted(String);
///
/// let automaton = Counted::RULES.pattern.unwrap().automaton.as_ref().unwrap();
/// let mut register = Register::default();
/// let mut state = automaton.start as usize;
/// // An automaton built from the mirrored pattern reads the value from its last byte.
/// let mut bytes = b"abc".to_vec();
/// if automaton.reversed {
///     bytes.reverse();
/// }
/// for byte in bytes {
///     state = automaton.next_state(state, byte, &mut register);
/// }
/// assert!(automaton.accepting[state / automaton.stride as usize] != 0);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Register {
    count: u32,
    /// Boxed, since walks copy registers and most automata keep one count.
    counts: Option<Box<Counts>>,
}

impl Automaton {
    /// `⌈2³²/stride⌉`: the `stride_reciprocal` of an automaton whose rows are `stride` entries
    /// long (at least 1).
    ///
    /// ```
    /// use constrained::Automaton;
    ///
    /// assert_eq!(Automaton::reciprocal_of(1), 1 << 32);
    /// assert_eq!(Automaton::reciprocal_of(3), 1_431_655_766);
    /// ```
    pub const fn reciprocal_of(stride: u32) -> u64 {
        (u32::MAX / stride) as u64 + 1
    }

    /// Whether the automaton accepts the whole of `haystack`.
    ///
    /// Usable in `const` context, so a literal can be checked at compile time.
    pub const fn matches(&self, haystack: &[u8]) -> bool {
        if haystack.len() < self.shortest || haystack.len() > self.longest {
            return false;
        }
        if self.reversed || self.also.is_some() || !self.ends_with.is_empty() || self.tail.is_some()
        {
            return self.matches_otherwise(haystack);
        }
        self.walk::<false>(haystack)
    }

    /// [`matches`](Self::matches) for an automaton that reads backwards, has a literal end to
    /// compare first, a second automaton to match or a tail: apart, so the common walk stays
    /// one call.
    #[inline(never)]
    const fn matches_otherwise(&self, haystack: &[u8]) -> bool {
        let own = if let Some(tail) = self.tail {
            match &self.relaxed {
                Some(relaxed) if haystack.len() < relaxed.below => {
                    relaxed.automaton.matches(haystack)
                }
                _ => self.ends_with_its_closing(haystack) && self.matches_split(haystack, tail),
            }
        } else if self.reversed {
            self.begins_with_its_opening(haystack) && self.walk::<true>(haystack)
        } else {
            self.ends_with_its_closing(haystack) && self.walk::<false>(haystack)
        };
        match self.also {
            Some(also) => own && also.matches(haystack),
            None => own,
        }
    }

    /// Whether `haystack` begins with [`begins_with`](Self::begins_with).
    const fn begins_with_its_opening(&self, haystack: &[u8]) -> bool {
        holds_at(haystack, 0, self.begins_with)
    }

    /// Whether `haystack` ends with [`ends_with`](Self::ends_with).
    const fn ends_with_its_closing(&self, haystack: &[u8]) -> bool {
        match haystack.len().checked_sub(self.ends_with.len()) {
            Some(at) => holds_at(haystack, at, self.ends_with),
            None => false,
        }
    }

    /// [`matches`](Self::matches) of this automaton alone, once the lengths have passed: the
    /// walk over the bytes from the first (`BACK` false) or from the last ([`reversed`]
    /// automata, always over bytes). Every byte is read through
    /// [`class_at`](Self::class_at), which counts positions from where the walk begins.
    ///
    /// [`reversed`]: Self::reversed
    #[inline(always)]
    const fn walk<const BACK: bool>(&self, haystack: &[u8]) -> bool {
        if let Some(counter) = &self.counter
            && let Some(sets) = &counter.sets
        {
            return self.matches_with_counts::<BACK>(haystack, counter, sets);
        }
        if !BACK && let Some(wide) = &self.wide {
            return self.matches_characters(haystack, wide);
        }
        let (mut state, mut i) = match self.after_prefix::<BACK>(haystack) {
            Some(at) => at,
            None => return false,
        };
        if let Some(counter) = &self.counter {
            let mut register = 0u32;
            let plain_below = counter.plain_below as usize;
            while i < haystack.len() {
                if state < plain_below {
                    state = self.plain_run::<BACK>(haystack, &mut i, state, plain_below);
                    if state == 0 {
                        return false;
                    }
                    if i == haystack.len() {
                        break;
                    }
                }
                let class = self.class_at::<BACK>(haystack, i);
                if state < plain_below {
                    state = self.transitions[state + class] as usize;
                    if state == 0 {
                        return false;
                    }
                    i += 1;
                    continue;
                }
                let next = self.step_class(state, class, counter, &mut register);
                if next == 0 {
                    return false;
                }
                i += 1;
                if next == state && counter.actions[state + class] == 2 {
                    // A counted run loops on this state: while the bytes stay in it and the
                    // register stays short of its limit, the state is known in advance, so the
                    // loads of one byte no longer wait for the previous one.
                    let limit = counter.limits[state_number(state, self.stride_reciprocal)];
                    // The bytes the loop may take before the register reaches the limit, so
                    // the loop itself only compares positions.
                    let room = limit.saturating_sub(register + 1) as usize;
                    let end = if room < haystack.len() - i {
                        i + room
                    } else {
                        haystack.len()
                    };
                    let from = i;
                    while i < end {
                        let index = state + self.class_at::<BACK>(haystack, i);
                        if self.transitions[index] as usize != state || counter.actions[index] != 2
                        {
                            break;
                        }
                        i += 1;
                    }
                    register += (i - from) as u32;
                }
                state = next;
            }
            return self.accepting[state_number(state, self.stride_reciprocal)] != 0;
        }
        // The dead state only leads to itself, so it is enough to look for it every four
        // bytes: fewer branches on the path every byte takes.
        while i + 4 <= haystack.len() {
            let before = state;
            state = self.transitions[state + self.class_at::<BACK>(haystack, i)] as usize;
            state = self.transitions[state + self.class_at::<BACK>(haystack, i + 1)] as usize;
            state = self.transitions[state + self.class_at::<BACK>(haystack, i + 2)] as usize;
            state = self.transitions[state + self.class_at::<BACK>(haystack, i + 3)] as usize;
            if state == 0 {
                return false;
            }
            i += 4;
            if state == before {
                // Most likely a state that loops on itself (`.*`, `[^:]*`): while the bytes keep
                // it, the state is known in advance, so each byte's loads no longer wait for the
                // previous byte's.
                while i < haystack.len()
                    && self.transitions[state + self.class_at::<BACK>(haystack, i)] as usize
                        == state
                {
                    i += 1;
                }
            }
        }
        while i < haystack.len() {
            state = self.transitions[state + self.class_at::<BACK>(haystack, i)] as usize;
            i += 1;
        }
        self.accepting[state_number(state, self.stride_reciprocal)] != 0
    }

    /// Steps from `state` through the states below `plain_below`, which keep no register (a
    /// literal prefix or a plain loop, most often), four bytes at a time while the first three
    /// steps of four stay in such states (the fourth may leave them): the state reached (0 when
    /// dead), with `*i` moved past the bytes read. It stops with fewer than four bytes left.
    #[inline(always)]
    const fn plain_run<const BACK: bool>(
        &self,
        haystack: &[u8],
        i: &mut usize,
        mut state: usize,
        plain_below: usize,
    ) -> usize {
        while state < plain_below && *i + 4 <= haystack.len() {
            let s1 = self.transitions[state + self.class_at::<BACK>(haystack, *i)] as usize;
            let s2 = self.transitions[s1 + self.class_at::<BACK>(haystack, *i + 1)] as usize;
            let s3 = self.transitions[s2 + self.class_at::<BACK>(haystack, *i + 2)] as usize;
            if s1 >= plain_below || s2 >= plain_below || s3 >= plain_below {
                break;
            }
            let s4 = self.transitions[s3 + self.class_at::<BACK>(haystack, *i + 3)] as usize;
            if s4 == 0 {
                return 0;
            }
            *i += 4;
            if s4 == state {
                // A plain state that loops on itself (`[a-zA-Z-]*`).
                while *i < haystack.len()
                    && self.transitions[state + self.class_at::<BACK>(haystack, *i)] as usize
                        == state
                {
                    *i += 1;
                }
            }
            state = s4;
        }
        state
    }

    /// Where a walk over `haystack` begins: the state after [`prefix`](Self::prefix) and the
    /// index after it, the start for the empty value, or `None` when `haystack` does not begin
    /// with the prefix.
    #[inline(always)]
    const fn after_prefix<const BACK: bool>(&self, haystack: &[u8]) -> Option<(usize, usize)> {
        let prefix = self.prefix;
        if haystack.is_empty() {
            return Some((self.start as usize, 0));
        }
        let mut k = 0;
        // Eight bytes at a time, then one by one.
        while k + 8 <= prefix.len() {
            if haystack.len() < k + 8 {
                return None;
            }
            let (_, expected) = prefix.split_at(k);
            let Some(expected) = expected.first_chunk::<8>() else {
                return None;
            };
            // Backwards, the eight bytes that end `k` before the end, which the walk reads last
            // first: as a little-endian word they are the prefix's eight as a big-endian one.
            let (read, expected) = if BACK {
                let (before, _) = haystack.split_at(haystack.len() - k);
                let (_, last) = before.split_at(before.len() - 8);
                match last.first_chunk::<8>() {
                    Some(read) => (u64::from_le_bytes(*read), u64::from_be_bytes(*expected)),
                    None => return None,
                }
            } else {
                let (_, rest) = haystack.split_at(k);
                match rest.first_chunk::<8>() {
                    Some(read) => (u64::from_le_bytes(*read), u64::from_le_bytes(*expected)),
                    None => return None,
                }
            };
            if read != expected {
                return None;
            }
            k += 8;
        }
        while k < prefix.len() {
            if k >= haystack.len() {
                return None;
            }
            let byte = if BACK {
                haystack[haystack.len() - 1 - k]
            } else {
                haystack[k]
            };
            if byte != prefix[k] {
                return None;
            }
            k += 1;
        }
        Some((self.after_prefix as usize, prefix.len()))
    }

    /// The class of the byte `i` bytes into the walk: `haystack[i]`, or `BACK`wards from the
    /// end, `haystack[len - 1 - i]`.
    #[inline(always)]
    const fn class_at<const BACK: bool>(&self, haystack: &[u8], i: usize) -> usize {
        let byte = if BACK {
            haystack[haystack.len() - 1 - i]
        } else {
            haystack[i]
        };
        self.classes[byte as usize] as usize
    }

    /// [`matches`](Self::matches) for an automaton whose register is a set of counts, over
    /// bytes or characters. Malformed UTF-8 never matches.
    const fn matches_with_counts<const BACK: bool>(
        &self,
        haystack: &[u8],
        counter: &Counter,
        sets: &CountSets,
    ) -> bool {
        let (mut state, mut i) = match self.after_prefix::<BACK>(haystack) {
            Some(at) => at,
            None => return false,
        };
        let mut counts = Counts::new();
        let plain_below = counter.plain_below as usize;
        while i < haystack.len() {
            if state < plain_below && self.wide.is_none() {
                state = self.plain_run::<BACK>(haystack, &mut i, state, plain_below);
                if state == 0 {
                    return false;
                }
                if i == haystack.len() {
                    break;
                }
            }
            let class = match &self.wide {
                // The derive reverses only automata over bytes.
                Some(wide) if !BACK => match self.character_at(haystack, &mut i, wide) {
                    Some(class) => class,
                    None => return false,
                },
                _ => {
                    i += 1;
                    self.class_at::<BACK>(haystack, i - 1)
                }
            };
            let index = state + class;
            let next = self.transitions[index] as usize;
            let action = counter.actions[index];
            if action == 0 {
                // Every step from the states below `plain_below`, and the bytes of a character
                // beyond ASCII, most often: the counts stay as they are.
                if next == 0 {
                    return false;
                }
                state = next;
                continue;
            }
            state = self.count_step(next, action, sets, &mut counts);
            if state == 0 {
                return false;
            }
            if (action == 2 || action == 3) && self.wide.is_none() {
                // The counts grow: run ahead over the bytes that either keep the counts (the
                // rest of a character beyond ASCII, most often) or take this same action, as
                // long as the counts would stay in the same regions, then move the counts on
                // for the whole run at once. Every such step goes to the state it names (see
                // `count_step`).
                let steady = counts.steady_steps(action == 3);
                let from = i;
                let mut at = state;
                let mut steps = 0;
                while i < haystack.len() {
                    if at == state {
                        // Bytes that loop on `state`: with the row known in advance, each
                        // byte's loads no longer wait for the previous byte's.
                        while i < haystack.len() && steps < steady {
                            let index = state + self.class_at::<BACK>(haystack, i);
                            if self.transitions[index] as usize != state
                                || counter.actions[index] != action
                            {
                                break;
                            }
                            steps += 1;
                            i += 1;
                        }
                        if i == haystack.len() {
                            break;
                        }
                    }
                    let index = at + self.class_at::<BACK>(haystack, i);
                    let target = self.transitions[index] as usize;
                    let taken = counter.actions[index];
                    if target == 0 || (taken != 0 && (taken != action || steps == steady)) {
                        break;
                    }
                    if taken != 0 {
                        steps += 1;
                    }
                    at = target;
                    i += 1;
                }
                if counts.advance(steps, action == 3) {
                    state = at;
                } else {
                    i = from;
                }
            }
        }
        self.accepting[state_number(state, self.stride_reciprocal)] != 0
    }

    /// Takes a transition's `action` (not 0) on the set of counts: the state it leads to is
    /// `next`, or `next`'s twin for where the counts stand after the action.
    #[inline(always)]
    const fn count_step(
        &self,
        next: usize,
        action: u8,
        sets: &CountSets,
        counts: &mut Counts,
    ) -> usize {
        let at = state_number(next, self.stride_reciprocal);
        // Only a set starts another loop: every other action keeps counting the same one, so
        // its bounds are the ones the counts hold.
        if action == 1 {
            counts.set_one(sets.bounds[2 * at], sets.bounds[2 * at + 1]);
            return sets.twins[at * 8 + counts.regions()] as usize;
        }
        let regions = counts.regions();
        match action {
            2 => counts.increment(),
            3 => {
                counts.increment();
                counts.add_one();
            }
            _ => counts.add_one(),
        }
        if counts.regions() == regions {
            // The derive aims every action but a set at the twin for the regions the counts
            // were in, which is where they still are.
            return next;
        }
        sets.twins[at * 8 + counts.regions()] as usize
    }

    /// The class of the character at `haystack[*i]`, for an automaton over characters, with `*i`
    /// moved past it: an ASCII byte is looked up directly, any other character decoded and
    /// looked up in `wide`. `None` for malformed UTF-8, which never matches.
    #[inline(always)]
    const fn character_at(
        &self,
        haystack: &[u8],
        i: &mut usize,
        wide: &WideClasses,
    ) -> Option<usize> {
        let byte = haystack[*i];
        if byte < 0x80 {
            *i += 1;
            return Some(self.classes[byte as usize] as usize);
        }
        match decode_at(haystack, *i) {
            Some((c, width)) => {
                *i += width;
                Some(wide.class(c))
            }
            None => None,
        }
    }

    /// [`matches`](Self::matches) for an automaton over characters: ASCII bytes are looked up
    /// directly, other characters decoded and looked up in `wide`. Malformed UTF-8 never matches.
    const fn matches_characters(&self, haystack: &[u8], wide: &WideClasses) -> bool {
        let (mut state, mut i) = match self.after_prefix::<false>(haystack) {
            Some(at) => at,
            None => return false,
        };
        let mut register = 0u32;
        while i < haystack.len() {
            let Some(class) = self.character_at(haystack, &mut i, wide) else {
                return false;
            };
            state = self.step_symbol(state, class, &mut register);
            if state == 0 {
                return false;
            }
        }
        self.accepting[state_number(state, self.stride_reciprocal)] != 0
    }

    /// The (premultiplied) state after a symbol of `class` from `state`, with the register it
    /// counts in.
    #[inline(always)]
    const fn step_class(
        &self,
        state: usize,
        class: usize,
        counter: &Counter,
        register: &mut u32,
    ) -> usize {
        let index = state + class;
        let next = self.transitions[index] as usize;
        match counter.actions[index] {
            0 => return next,
            1 => *register = 1,
            _ => *register += 1,
        }
        let at = state_number(next, self.stride_reciprocal);
        if *register == counter.limits[at] {
            counter.boundaries[at] as usize
        } else {
            next
        }
    }

    /// The (premultiplied) state after the character `c` from `state`, counting in `register`
    /// if the automaton counts (start it at [`Register::default`]): one step over characters,
    /// one step per UTF-8 byte over bytes.
    /// A [`reversed`](Self::reversed) automaton takes the characters of a value from its last
    /// to its first, and each character's bytes from its last to its first.
    pub fn next_state_after(&self, state: usize, c: char, register: &mut Register) -> usize {
        let mut buffer = [0u8; 4];
        let bytes = c.encode_utf8(&mut buffer).as_bytes();
        match &self.wide {
            Some(wide) => {
                let class = if bytes.len() == 1 {
                    self.classes[bytes[0] as usize] as usize
                } else {
                    wide.class(c as u32)
                };
                self.step_register(state, class, register)
            }
            None => {
                let mut state = state;
                for k in 0..bytes.len() {
                    // A reversed automaton reads a character's bytes last first, too.
                    let byte = bytes[if self.reversed {
                        bytes.len() - 1 - k
                    } else {
                        k
                    }];
                    if state == 0 {
                        break;
                    }
                    state = self.next_state(state, byte, register);
                }
                state
            }
        }
    }

    /// One character of every interval the classes tell apart (all of ASCII, then the first
    /// character of each interval beyond), for an automaton over characters; `None` for one
    /// over bytes. A walk that picks among these reaches every transition.
    pub fn sample_characters(&self) -> Option<Vec<char>> {
        let wide = self.wide.as_ref()?;
        let ascii = (0..0x80u8).map(char::from);
        let beyond = wide.starts.iter().enumerate().filter_map(|(i, &start)| {
            let end = wide.starts.get(i + 1).copied().unwrap_or(0x11_0000);
            // An interval may begin among the surrogates, which are no characters.
            (start..end).find_map(char::from_u32)
        });
        Some(ascii.chain(beyond).collect())
    }

    /// The (premultiplied) state after `byte` from `state`, counting in `register` if the
    /// automaton counts (start it at [`Register::default`]). Only for an automaton over bytes:
    /// over characters, see [`next_state_after`](Self::next_state_after).
    pub fn next_state(&self, state: usize, byte: u8, register: &mut Register) -> usize {
        self.step_register(state, self.classes[byte as usize] as usize, register)
    }

    /// The (premultiplied) state after a symbol (a byte or a character) of `class` from
    /// `state`, counting in `register` if the automaton counts.
    fn step_register(&self, state: usize, class: usize, register: &mut Register) -> usize {
        match &self.counter {
            Some(counter) => match &counter.sets {
                Some(sets) => {
                    let counts = register.counts.get_or_insert_with(Box::default);
                    let index = state + class;
                    let next = self.transitions[index] as usize;
                    match counter.actions[index] {
                        0 => next,
                        action => self.count_step(next, action, sets, counts),
                    }
                }
                None => self.step_class(state, class, counter, &mut register.count),
            },
            None => self.transitions[state + class] as usize,
        }
    }

    /// The (premultiplied) state after a symbol of `class` from `state`, counting in `register`
    /// if the automaton counts one at a time.
    #[inline(always)]
    const fn step_symbol(&self, state: usize, class: usize, register: &mut u32) -> usize {
        match &self.counter {
            Some(counter) => self.step_class(state, class, counter, register),
            None => self.transitions[state + class] as usize,
        }
    }
}

/// Whether `haystack` holds `bytes` from `at` on.
const fn holds_at(haystack: &[u8], at: usize, bytes: &[u8]) -> bool {
    if haystack.len() < at + bytes.len() {
        return false;
    }
    let mut k = 0;
    while k < bytes.len() {
        if haystack[at + k] != bytes[k] {
            return false;
        }
        k += 1;
    }
    true
}

/// The state number of a premultiplied id, `id / stride`, by a multiplication: a division on
/// every byte of a counted run was the counting walk's largest cost. Exact because ids and
/// strides are below 2¹⁶: with `m = ⌈2³²/d⌉ = (2³² + e)/d` and `e < d`, the error `x·e/2³²`
/// stays below `1/d` for every `x < 2¹⁶`.
#[inline(always)]
pub(crate) const fn state_number(id: usize, reciprocal: u64) -> usize {
    ((id as u64 * reciprocal) >> 32) as usize
}

/// A `pattern` rule: the text as written, and what the derive compiled from it.
///
/// The value must match as a whole, as AWS services apply patterns (Java `matches()`), in the
/// Java dialect AWS models are written in: see the README's "Patterns" section.
#[derive(Debug)]
pub struct Pattern {
    /// The pattern exactly as written in the attribute (printed in messages).
    pub source: &'static str,
    /// The compiled automaton, which decides the pattern, also in `const` context. `None` only for
    /// a pattern past the automaton's size budget, matched by a runtime engine instead (feature
    /// `runtime-patterns`).
    pub automaton: Option<Automaton>,
    /// Code that decides the pattern at run time in place of the automaton: straight-line code for
    /// the common shape of literal text and runs of ASCII classes (the same answers, faster), or
    /// the runtime engine of an oversized pattern. Matching at run time uses it when present.
    /// It takes a `str`, so it may rely on well-formed UTF-8 (the automaton never does).
    pub matcher: Option<fn(&str) -> bool>,
}

impl Pattern {
    /// Whether the whole of `text` matches the pattern.
    ///
    /// ```
    /// use constrained::Constrained;
    ///
    /// #[derive(Debug, Constrained)]
    /// #[constrained(pattern = "farm-[0-9a-f]{32}")]
    /// pub struct FarmId(String);
    ///
    /// let pattern = FarmId::RULES.pattern.unwrap();
    /// assert!(pattern.is_match("farm-0123456789abcdef0123456789abcdef"));
    /// assert!(!pattern.is_match("xfarm-0123456789abcdef0123456789abcdef"));
    /// ```
    #[inline]
    pub fn is_match(&self, text: &str) -> bool {
        match (self.matcher, &self.automaton) {
            (Some(matches), _) => matches(text),
            (None, Some(automaton)) => automaton.matches(text.as_bytes()),
            // The derive gives every pattern an automaton, a matcher or both.
            (None, None) => false,
        }
    }

    /// [`is_match`](Self::is_match) in `const` context, by the automaton.
    ///
    /// # Panics
    ///
    /// When the pattern has no automaton (it is past the size budget and matched by a runtime
    /// engine): in `const` context, that is a compile error.
    ///
    /// ```
    /// use constrained::Constrained;
    ///
    /// #[derive(Debug, Constrained)]
    /// #[constrained(pattern = "farm-[0-9a-f]{32}")]
    /// pub struct FarmId(String);
    ///
    /// const OK: bool = FarmId::RULES.pattern.unwrap().is_match_const("farm-0123456789abcdef0123456789abcdef");
    /// assert!(OK);
    /// ```
    pub const fn is_match_const(&self, text: &str) -> bool {
        match &self.automaton {
            Some(automaton) => automaton.matches(text.as_bytes()),
            None => {
                panic!("this pattern is past the automaton's size budget: no compile-time match")
            }
        }
    }
}

/// Decodes `N` little-endian `u16`s, when constants are evaluated: the derive writes a transition
/// table as one byte-string token, which costs the compiler far less than `N` integer tokens.
#[doc(hidden)]
pub const fn u16_table<const N: usize>(bytes: &[u8]) -> [u16; N] {
    let mut table = [0u16; N];
    let mut i = 0;
    while i < N {
        table[i] = u16::from_le_bytes([bytes[2 * i], bytes[2 * i + 1]]);
        i += 1;
    }
    table
}

/// Decodes `N` little-endian `u32`s, as [`u16_table`] does `u16`s.
#[doc(hidden)]
pub const fn u32_table<const N: usize>(bytes: &[u8]) -> [u32; N] {
    let mut table = [0u32; N];
    let mut i = 0;
    while i < N {
        table[i] = u32::from_le_bytes([
            bytes[4 * i],
            bytes[4 * i + 1],
            bytes[4 * i + 2],
            bytes[4 * i + 3],
        ]);
        i += 1;
    }
    table
}

#[cfg(test)]
mod tests {
    use super::{Automaton, state_number};

    #[test]
    fn state_numbers_by_multiplication_are_exact() {
        // Classes are bytes, so a stride is at most 256; premultiplied ids fit a `u16`.
        for stride in 1..=256u32 {
            let r = Automaton::reciprocal_of(stride);
            for id in 0..=u16::MAX as usize {
                assert_eq!(state_number(id, r), id / stride as usize, "{id} / {stride}");
            }
        }
    }
}
