//! Regular expressions over UTF-8 bytes as hash-consed terms, with Brzozowski derivatives
//! extended to intersection, complement and Java's look-around. A term is the language of what
//! the rest of the value must be; the derivative by a byte is what it must be after that byte, so
//! the distinct derivatives are the states of a DFA.
//!
//! Look-ahead needs the whole rest of the value, not only the rest of its group, so derivatives of
//! terms that hold one are taken with an explicit continuation: `(?=y)` followed by `k` becomes
//! `y·Σ* ∩ k` (and `(?!y)` becomes `¬(y·Σ*) ∩ k`) at the moment the match reaches it, when `k` is
//! everything that follows. Look-behind depends on what came before: each one is a tracker term
//! `Σ*·y` derived alongside the main term, and whether it currently accepts is part of the
//! context a derivative is taken in, with whether the position is the start.

use super::alphabet::Alphabet;
use super::fast_hash::FastMap;
use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange};
use regex_syntax::utf8::Utf8Sequences;

use super::node::{Assertion, Node};

/// A term's index in its [`Terms`].
pub type Id = u32;

/// The empty language.
pub const NOTHING: Id = 0;
/// The empty string.
pub const EPS: Id = 1;
/// Any byte string.
pub const ANY_STAR: Id = 3;

/// A set of bytes.
pub type ByteSet = [u64; 4];

fn contains(set: &ByteSet, byte: u8) -> bool {
    set[usize::from(byte >> 6)] & (1 << (byte & 63)) != 0
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Term {
    Nothing,
    Eps,
    Bytes(ByteSet),
    /// Right-nested: the head is never a `Concat`.
    Concat(Id, Id),
    /// Sorted, deduplicated, at least two members, none an `Or`.
    Or(Box<[Id]>),
    /// Sorted, deduplicated, at least two members, none an `And`.
    And(Box<[Id]>),
    Not(Id),
    Star(Id),
    Loop(Id, u32, Option<u32>),
    /// A long repetition of one class, counted in the automaton's register instead of unrolled
    /// into states: which loop of [`Terms::counted`], whether it has not started (its count is
    /// 0, whatever the register holds), and the register action that led here.
    Counted {
        id: u32,
        fresh: bool,
        mark: Mark,
    },
    Ahead(Id, bool),
    Behind(u32, bool),
    Start,
    End,
}

#[derive(Clone, Copy)]
struct Info {
    /// Free of look-around and assertions: plain derivatives apply.
    pure: bool,
    /// Matches the empty string (meaningful when `pure`).
    nullable: bool,
    /// Can reach its end without consuming a byte, ignoring zero-width conditions.
    can_skip: bool,
}

/// What a transition does to the register, as marked on the counted loop it went through.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mark {
    /// Nothing: the loop is mid-character, or untouched.
    Keep,
    /// The loop started its first iteration: the register becomes 1.
    Set,
    /// The loop started another iteration: the register grows by 1.
    Increment,
}

/// A counted loop: `class{min,max}`.
#[derive(Clone, Copy, Debug)]
pub struct CountedLoop {
    pub class: Id,
    pub min: u32,
    pub max: Option<u32>,
}

/// Where the register stands against the live loop's bounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Region {
    /// Below the minimum: the loop may not end yet.
    Below,
    /// At or past the minimum and below the maximum.
    Within,
    /// At the maximum: the loop may not go on.
    Full,
}

impl Region {
    /// The region's bit in a set of regions (a [`Context`]'s `regions`), as the runtime's
    /// `counts` module numbers them.
    pub fn bit(self) -> u8 {
        match self {
            Region::Below => BELOW,
            Region::Within => WITHIN,
            Region::Full => FULL,
        }
    }

    /// The one region in `regions`, of a register that holds one count.
    pub fn only(regions: u8) -> Region {
        match regions {
            BELOW => Region::Below,
            WITHIN => Region::Within,
            _ => Region::Full,
        }
    }
}

/// Region bits: some count below the minimum, within the bounds, at the maximum.
pub const BELOW: u8 = 1;
/// See [`BELOW`].
pub const WITHIN: u8 = 2;
/// See [`BELOW`].
pub const FULL: u8 = 4;

impl CountedLoop {
    /// The region of register value `count`.
    pub fn region(&self, count: u32) -> Region {
        if count < self.min {
            Region::Below
        } else if self.max.is_some_and(|max| count >= max) {
            Region::Full
        } else {
            Region::Within
        }
    }

    /// The register value at which region `region` gives way to the next, if any.
    pub fn limit(&self, region: Region) -> Option<u32> {
        match region {
            Region::Below => Some(self.min),
            Region::Within => self.max,
            Region::Full => None,
        }
    }
}

/// Repetitions longer than this, of one class, are counted rather than unrolled.
pub const COUNT_ABOVE: u32 = 64;

/// Where a derivative is taken: whether at the start, which look-behinds hold, and the regions
/// the register's counts are in (one region when it holds one count).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Context {
    pub at_start: bool,
    pub behind: u64,
    pub regions: u8,
}

/// The most look-behind trackers one pattern may hold.
pub const MAX_TRACKERS: usize = 64;

/// The arena of terms of one pattern.
pub struct Terms {
    terms: Vec<Term>,
    info: Vec<Info>,
    ids: FastMap<Term, Id>,
    /// `Σ*·y` for every look-behind `y`, innermost first.
    pub trackers: Vec<Id>,
    pure_memo: FastMap<(Id, u8), Id>,
    memo: FastMap<(Id, Option<Id>, u8, Context), Id>,
    in_progress: Vec<(Id, Option<Id>)>,
    unsafe_depth: usize,
    /// The counted loops, by id; empty when counting is off.
    pub counted: Vec<CountedLoop>,
    /// Whether long repetitions of one class become counted loops.
    pub counting: bool,
    /// Whether long repetitions of a group (that always reads something) do too.
    pub counting_groups: bool,
    /// Whether a repetition of a group became a counted loop.
    pub counted_group: bool,
    /// Terms interned so far: the measure of work the size budget bounds.
    pub work: usize,
    /// The character alphabet, when the terms run over characters rather than UTF-8 bytes:
    /// a "byte" is then a symbol of it.
    pub alphabet: Option<Alphabet>,
    /// Whether a class did not fit the alphabet (it was built from other classes): the terms
    /// are then not the pattern's.
    pub unmapped: bool,
    /// Whether the terms read a value from its last byte to its first (the pattern is mirrored),
    /// so a character's UTF-8 bytes come last byte first.
    pub reversed: bool,
}

impl Terms {
    pub fn new() -> Self {
        let mut terms = Terms {
            terms: Vec::new(),
            info: Vec::new(),
            ids: FastMap::default(),
            trackers: Vec::new(),
            pure_memo: FastMap::default(),
            memo: FastMap::default(),
            in_progress: Vec::new(),
            unsafe_depth: 0,
            counted: Vec::new(),
            counting: false,
            counting_groups: false,
            counted_group: false,
            work: 0,
            alphabet: None,
            unmapped: false,
            reversed: false,
        };
        terms.intern(Term::Nothing);
        terms.intern(Term::Eps);
        let any = terms.intern(Term::Bytes([u64::MAX; 4]));
        let any_star = terms.intern(Term::Star(any));
        debug_assert_eq!(any_star, ANY_STAR);
        terms
    }

    fn intern(&mut self, term: Term) -> Id {
        if let Some(&id) = self.ids.get(&term) {
            return id;
        }
        self.work += 1;
        let info = |id: Id| self.info[id as usize];
        let new = match &term {
            Term::Nothing => Info {
                pure: true,
                nullable: false,
                can_skip: false,
            },
            Term::Eps => Info {
                pure: true,
                nullable: true,
                can_skip: true,
            },
            Term::Bytes(_) => Info {
                pure: true,
                nullable: false,
                can_skip: false,
            },
            Term::Concat(a, b) => Info {
                pure: info(*a).pure && info(*b).pure,
                nullable: info(*a).nullable && info(*b).nullable,
                can_skip: info(*a).can_skip && info(*b).can_skip,
            },
            Term::Or(xs) => Info {
                pure: xs.iter().all(|&x| info(x).pure),
                nullable: xs.iter().any(|&x| info(x).nullable),
                can_skip: xs.iter().any(|&x| info(x).can_skip),
            },
            Term::And(xs) => Info {
                pure: xs.iter().all(|&x| info(x).pure),
                nullable: xs.iter().all(|&x| info(x).nullable),
                can_skip: xs.iter().all(|&x| info(x).can_skip),
            },
            Term::Not(x) => Info {
                pure: info(*x).pure,
                nullable: !info(*x).nullable,
                can_skip: true,
            },
            Term::Star(x) => Info {
                pure: info(*x).pure,
                nullable: true,
                can_skip: true,
            },
            Term::Loop(x, min, _) => Info {
                pure: info(*x).pure,
                nullable: *min == 0 || info(*x).nullable,
                can_skip: *min == 0 || info(*x).can_skip,
            },
            Term::Counted { id, .. } => Info {
                pure: false,
                nullable: false,
                can_skip: self.counted[*id as usize].min == 0,
            },
            Term::Ahead(..) | Term::Behind(..) | Term::Start | Term::End => Info {
                pure: false,
                nullable: false,
                can_skip: true,
            },
        };
        let id = self.terms.len() as Id;
        self.terms.push(term.clone());
        self.info.push(new);
        self.ids.insert(term, id);
        id
    }

    /// Every byte set the terms test, which the byte classes must tell apart.
    pub fn byte_sets(&self) -> Vec<ByteSet> {
        self.terms
            .iter()
            .filter_map(|t| match t {
                Term::Bytes(set) => Some(*set),
                _ => None,
            })
            .collect()
    }

    pub fn bytes(&mut self, set: ByteSet) -> Id {
        if set == [0; 4] {
            NOTHING
        } else {
            self.intern(Term::Bytes(set))
        }
    }

    pub fn concat(&mut self, a: Id, b: Id) -> Id {
        if a == NOTHING || b == NOTHING {
            return NOTHING;
        }
        if a == EPS {
            return b;
        }
        if b == EPS {
            return a;
        }
        if let Term::Concat(x, y) = self.terms[a as usize] {
            let tail = self.concat(y, b);
            return self.concat(x, tail);
        }
        self.intern(Term::Concat(a, b))
    }

    pub fn or(&mut self, items: impl IntoIterator<Item = Id>) -> Id {
        let mut all = Vec::new();
        for item in items {
            match &self.terms[item as usize] {
                Term::Nothing => {}
                Term::Or(xs) => all.extend_from_slice(xs),
                _ if item == ANY_STAR => return ANY_STAR,
                _ => all.push(item),
            }
        }
        all.sort_unstable();
        all.dedup();
        match all.len() {
            0 => NOTHING,
            1 => all[0],
            _ => self.intern(Term::Or(all.into())),
        }
    }

    pub fn and(&mut self, items: impl IntoIterator<Item = Id>) -> Id {
        let mut all = Vec::new();
        for item in items {
            match &self.terms[item as usize] {
                Term::Nothing => return NOTHING,
                Term::And(xs) => all.extend_from_slice(xs),
                _ if item == ANY_STAR => {}
                _ => all.push(item),
            }
        }
        all.sort_unstable();
        all.dedup();
        match all.len() {
            0 => ANY_STAR,
            1 => all[0],
            _ => self.intern(Term::And(all.into())),
        }
    }

    pub fn not(&mut self, x: Id) -> Id {
        match self.terms[x as usize] {
            Term::Nothing => ANY_STAR,
            Term::Not(y) => y,
            _ if x == ANY_STAR => NOTHING,
            _ => self.intern(Term::Not(x)),
        }
    }

    pub fn star(&mut self, x: Id) -> Id {
        match self.terms[x as usize] {
            Term::Nothing | Term::Eps => EPS,
            Term::Star(_) => x,
            _ => self.intern(Term::Star(x)),
        }
    }

    pub fn repeat(&mut self, x: Id, min: u32, max: Option<u32>) -> Id {
        let info = self.info[x as usize];
        // A pure body that matches the empty string makes any minimum reachable from zero.
        let min = if info.pure && info.nullable { 0 } else { min };
        match (min, max) {
            (_, Some(0)) => EPS,
            (0, None) => self.star(x),
            (1, Some(1)) => x,
            _ if x == NOTHING => {
                if min == 0 {
                    EPS
                } else {
                    NOTHING
                }
            }
            _ if x == EPS => EPS,
            _ => self.intern(Term::Loop(x, min, max)),
        }
    }

    fn ahead(&mut self, y: Id, negated: bool) -> Id {
        self.intern(Term::Ahead(y, negated))
    }

    fn behind(&mut self, tracker: u32, negated: bool) -> Id {
        self.intern(Term::Behind(tracker, negated))
    }

    /// The look-behind tracker for `y`, registered once.
    fn tracker(&mut self, y: Id) -> Result<u32, String> {
        let tracked = self.concat(ANY_STAR, y);
        if let Some(i) = self.trackers.iter().position(|&t| t == tracked) {
            return Ok(i as u32);
        }
        if self.trackers.len() == MAX_TRACKERS {
            return Err(format!(
                "the pattern has more than {MAX_TRACKERS} distinct look-behinds"
            ));
        }
        self.trackers.push(tracked);
        Ok(self.trackers.len() as u32 - 1)
    }

    /// One character of `class`: its symbols under the character alphabet, or else the
    /// alternation of its UTF-8 byte sequences.
    pub fn class(&mut self, class: &ClassUnicode) -> Id {
        if let Some(alphabet) = &self.alphabet {
            return match alphabet.symbols_of(class) {
                Some(set) => self.bytes(set),
                None => {
                    self.unmapped = true;
                    NOTHING
                }
            };
        }
        let mut branches = Vec::new();
        for range in class.iter() {
            for sequence in Utf8Sequences::new(range.start(), range.end()) {
                let mut term = EPS;
                // Built from the last byte read to the first.
                let mut order: Vec<_> = sequence.as_slice().iter().collect();
                if !self.reversed {
                    order.reverse();
                }
                for bytes in order {
                    let mut set = [0u64; 4];
                    for byte in bytes.start..=bytes.end {
                        set[usize::from(byte >> 6)] |= 1 << (byte & 63);
                    }
                    let head = self.bytes(set);
                    term = self.concat(head, term);
                }
                branches.push(term);
            }
        }
        self.or(branches)
    }

    /// The term of a parsed pattern.
    pub fn convert_pattern(&mut self, node: &Node) -> Result<Id, String> {
        self.convert(node, false)
    }

    fn convert(&mut self, node: &Node, in_behind: bool) -> Result<Id, String> {
        Ok(match node {
            Node::Empty => EPS,
            Node::Class(class) => self.class(class),
            Node::Concat(parts) => {
                let mut term = EPS;
                for part in parts.iter().rev() {
                    let head = self.convert(part, in_behind)?;
                    term = self.concat(head, term);
                }
                term
            }
            Node::Alternation(branches) => {
                let mut terms = Vec::with_capacity(branches.len());
                for branch in branches {
                    terms.push(self.convert(branch, in_behind)?);
                }
                self.or(terms)
            }
            // Repeating a zero-width node adds nothing to once, or to not at all.
            Node::Repeat(repeat) if repeat.node.width() == (0, Some(0)) => {
                if repeat.min == 0 {
                    EPS
                } else {
                    self.convert(&repeat.node, in_behind)?
                }
            }
            Node::Repeat(repeat) => {
                let x = self.convert(&repeat.node, in_behind)?;
                let long = repeat.max.unwrap_or(repeat.min) > COUNT_ABOVE;
                // A group is counted like a class when each iteration reads something, so an
                // iteration starts exactly where its first byte is read.
                let countable = matches!(repeat.node, Node::Class(_))
                    || (self.counting_groups
                        && !repeat.node.has_look()
                        && !self.info[x as usize].can_skip);
                if self.counting && long && !in_behind && countable {
                    self.counted_group |= !matches!(repeat.node, Node::Class(_));
                    let id = self.counted.len() as u32;
                    self.counted.push(CountedLoop {
                        class: x,
                        min: repeat.min,
                        max: repeat.max,
                    });
                    self.intern(Term::Counted {
                        id,
                        fresh: true,
                        mark: Mark::Keep,
                    })
                } else {
                    self.repeat(x, repeat.min, repeat.max)
                }
            }
            Node::Look(look) => {
                let y = self.convert(&look.node, in_behind || look.behind)?;
                if look.behind {
                    let tracker = self.tracker(y)?;
                    self.behind(tracker, look.negated)
                } else if in_behind {
                    return Err(LOOK_AHEAD_IN_BEHIND.into());
                } else {
                    self.ahead(y, look.negated)
                }
            }
            Node::Atomic(inner) => self.atomic(inner, in_behind)?,
            Node::Assert(assertion) => self.assertion(*assertion, in_behind)?,
        })
    }

    /// `(?>x)`: the first match of `x` a backtracking matcher finds is the only one it tries.
    /// That is `x` itself when every match of `x` has the same length, and the longest run for
    /// a greedy repetition of one class; other atomic groups are not supported.
    fn atomic(&mut self, inner: &Node, in_behind: bool) -> Result<Id, String> {
        let (min, max) = inner.width();
        if Some(min) == max && !inner.has_look() {
            return self.convert(inner, in_behind);
        }
        match inner {
            Node::Repeat(repeat) if repeat.greedy => {
                let Node::Class(class) = &repeat.node else {
                    return Err(ATOMIC.into());
                };
                if in_behind {
                    return Err(ATOMIC.into());
                }
                let one = self.class(class);
                let not_more = self.ahead(one, true);
                // Greedy and final: as many as there are, up to `max`.
                let short = match repeat.max {
                    Some(max) => self.repeat(one, repeat.min, Some(max - 1)),
                    None => self.repeat(one, repeat.min, None),
                };
                let short = if repeat.max.is_some_and(|max| max <= repeat.min) {
                    NOTHING
                } else {
                    self.concat(short, not_more)
                };
                let full = match repeat.max {
                    Some(max) => self.repeat(one, max, Some(max)),
                    None => NOTHING,
                };
                Ok(self.or([short, full]))
            }
            Node::Atomic(inner) => self.atomic(inner, in_behind),
            _ => Err(ATOMIC.into()),
        }
    }

    fn assertion(&mut self, assertion: Assertion, in_behind: bool) -> Result<Id, String> {
        Ok(match assertion {
            Assertion::Start => self.intern(Term::Start),
            Assertion::End | Assertion::LineEnd if in_behind => {
                return Err(LOOK_AHEAD_IN_BEHIND.into());
            }
            Assertion::End => self.intern(Term::End),
            Assertion::LineEnd => {
                // Java's `$` without MULTILINE: at the end, or before a final line terminator,
                // but never between `\r` and `\n`.
                let end = self.intern(Term::End);
                let at_end = self.ahead(end, false);
                let [single, cr, lf] = line_terminators().map(|class| self.class(&class));
                let single = self.concat(single, end);
                let before_single = self.ahead(single, false);
                let after_cr = self.tracker(cr)?;
                let not_after_cr = self.behind(after_cr, true);
                let lf_end = self.concat(lf, end);
                let before_lf = self.ahead(lf_end, false);
                let before_lf = self.concat(not_after_cr, before_lf);
                let crlf_end = self.concat(cr, lf_end);
                let before_crlf = self.ahead(crlf_end, false);
                self.or([at_end, before_single, before_lf, before_crlf])
            }
            Assertion::WordBoundary | Assertion::NotWordBoundary => {
                if in_behind {
                    return Err(LOOK_AHEAD_IN_BEHIND.into());
                }
                // Java's `Bound`: a side is a word character when it is one, or when it is a
                // non-spacing mark with a letter or digit before it, through more marks
                // (`hasBaseCharacter`). That reads UTF-16 backwards, where a character beyond
                // the BMP before a mark reads as a lone surrogate, neither letter nor mark: so
                // the marks before the one at the boundary, and the base, are in the BMP.
                let word = self.class(&word_characters()?);
                let [base, mark_in_bmp, mark] = marked_word_classes()?.map(|c| self.class(&c));
                let marks_in_bmp = self.star(mark_in_bmp);
                let based = self.concat(base, marks_in_bmp);
                // Before the position: a word character, or a BMP mark on a base.
                let last_mark = self.concat(based, mark_in_bmp);
                let left = self.or([word, last_mark]);
                let left = self.tracker(left)?;
                let after_word = self.behind(left, false);
                let not_after_word = self.behind(left, true);
                // After it: a word character, or a mark (of any plane) on a base before it.
                let based = self.tracker(based)?;
                let on_base = self.behind(based, false);
                let not_on_base = self.behind(based, true);
                let word_ahead = self.ahead(word, false);
                let mark_ahead = self.ahead(mark, false);
                let marked_ahead = self.concat(on_base, mark_ahead);
                let before_word = self.or([word_ahead, marked_ahead]);
                let no_word_ahead = self.ahead(word, true);
                let no_mark_ahead = self.ahead(mark, true);
                let unmarked = self.or([not_on_base, no_mark_ahead]);
                let not_before_word = self.concat(no_word_ahead, unmarked);
                let (a, b) = if assertion == Assertion::WordBoundary {
                    (
                        self.concat(after_word, not_before_word),
                        self.concat(not_after_word, before_word),
                    )
                } else {
                    (
                        self.concat(after_word, before_word),
                        self.concat(not_after_word, not_before_word),
                    )
                };
                self.or([a, b])
            }
        })
    }

    /// Whether `t` followed by `k` matches the empty string in `context`.
    pub fn nullable(&mut self, t: Id, k: Option<Id>, context: Context) -> bool {
        let info = self.info[t as usize];
        if info.pure {
            return info.nullable && self.nullable_k(k, context);
        }
        match self.terms[t as usize].clone() {
            Term::Concat(a, b) => {
                let rest = self.then(b, k);
                self.nullable(a, Some(rest), context)
            }
            Term::Or(xs) => xs.iter().any(|&x| self.nullable(x, k, context)),
            Term::And(xs) => {
                xs.iter().all(|&x| self.nullable(x, None, context)) && self.nullable_k(k, context)
            }
            Term::Not(x) => !self.nullable(x, None, context) && self.nullable_k(k, context),
            Term::Star(_) => self.nullable_k(k, context),
            Term::Loop(x, min, max) => {
                if min == 0 {
                    return self.nullable_k(k, context);
                }
                let next = self.repeat(x, min - 1, max.map(|m| m - 1));
                let rest = self.then(next, k);
                self.nullable(x, Some(rest), context)
            }
            Term::Counted { id, fresh, .. } => {
                let may_end = if fresh {
                    self.counted[id as usize].min == 0
                } else {
                    context.regions & (WITHIN | FULL) != 0
                };
                may_end && self.nullable_k(k, context)
            }
            Term::Ahead(y, negated) => {
                self.nullable(y, None, context) != negated && self.nullable_k(k, context)
            }
            Term::Behind(i, negated) => {
                (context.behind & (1 << i) != 0) != negated && self.nullable_k(k, context)
            }
            Term::Start => context.at_start && self.nullable_k(k, context),
            Term::End => self.nullable_k(k, context),
            Term::Nothing | Term::Eps | Term::Bytes(_) => unreachable!("pure terms"),
        }
    }

    fn nullable_k(&mut self, k: Option<Id>, context: Context) -> bool {
        k.is_none_or(|k| self.nullable(k, None, context))
    }

    fn then(&mut self, a: Id, k: Option<Id>) -> Id {
        match k {
            Some(k) => self.concat(a, k),
            None => a,
        }
    }

    /// The derivative of a pure term by `byte` (a representative of its byte class).
    fn pure_derivative(&mut self, t: Id, byte: u8) -> Id {
        if let Some(&d) = self.pure_memo.get(&(t, byte)) {
            return d;
        }
        let d = match self.terms[t as usize].clone() {
            Term::Nothing | Term::Eps => NOTHING,
            Term::Bytes(set) => {
                if contains(&set, byte) {
                    EPS
                } else {
                    NOTHING
                }
            }
            Term::Concat(a, b) => {
                let da = self.pure_derivative(a, byte);
                let first = self.concat(da, b);
                if self.info[a as usize].nullable {
                    let db = self.pure_derivative(b, byte);
                    self.or([first, db])
                } else {
                    first
                }
            }
            Term::Or(xs) => {
                let ds: Vec<Id> = xs.iter().map(|&x| self.pure_derivative(x, byte)).collect();
                self.or(ds)
            }
            Term::And(xs) => {
                let ds: Vec<Id> = xs.iter().map(|&x| self.pure_derivative(x, byte)).collect();
                self.and(ds)
            }
            Term::Not(x) => {
                let d = self.pure_derivative(x, byte);
                self.not(d)
            }
            Term::Star(x) => {
                let d = self.pure_derivative(x, byte);
                self.concat(d, t)
            }
            Term::Loop(x, min, max) => {
                let d = self.pure_derivative(x, byte);
                let rest = self.repeat(x, min.saturating_sub(1), max.map(|m| m - 1));
                self.concat(d, rest)
            }
            Term::Ahead(..) | Term::Behind(..) | Term::Start | Term::End | Term::Counted { .. } => {
                unreachable!("impure terms")
            }
        };
        self.pure_memo.insert((t, byte), d);
        d
    }

    /// The derivative of `t` followed by `k` (nothing: the end) by `byte`, in `context`.
    pub fn derivative(&mut self, t: Id, k: Option<Id>, byte: u8, context: Context) -> Id {
        let info = self.info[t as usize];
        if info.pure {
            let d = self.pure_derivative(t, byte);
            let first = self.then(d, k);
            return match k {
                Some(k) if info.nullable => {
                    let dk = self.derivative(k, None, byte, context);
                    self.or([first, dk])
                }
                _ => first,
            };
        }
        let key = (t, k, byte, context);
        if let Some(&d) = self.memo.get(&key) {
            return d;
        }
        let d = match self.terms[t as usize].clone() {
            Term::Concat(a, b) => {
                let rest = self.then(b, k);
                self.derivative(a, Some(rest), byte, context)
            }
            Term::Or(xs) => {
                let ds: Vec<Id> = xs
                    .iter()
                    .map(|&x| self.derivative(x, k, byte, context))
                    .collect();
                self.or(ds)
            }
            // Intersections and complements only arise as whole remainders, but stay correct as
            // a prefix of more.
            Term::And(xs) => {
                let ds: Vec<Id> = xs
                    .iter()
                    .map(|&x| self.derivative(x, None, byte, context))
                    .collect();
                let d = self.and(ds);
                self.followed_by(t, d, k, byte, context)
            }
            Term::Not(x) => {
                let d = self.derivative(x, None, byte, context);
                let d = self.not(d);
                self.followed_by(t, d, k, byte, context)
            }
            Term::Star(x) => {
                if self.in_progress.contains(&(t, k)) {
                    // An empty iteration that comes back to the loop adds nothing.
                    self.unsafe_depth += 1;
                    return NOTHING;
                }
                let guarded = self.info[x as usize].can_skip;
                if guarded {
                    self.in_progress.push((t, k));
                }
                let again = self.then(t, k);
                let through = self.derivative(x, Some(again), byte, context);
                if guarded {
                    self.in_progress.pop();
                }
                let out = self.derivative_k(k, byte, context);
                self.or([through, out])
            }
            Term::Loop(x, min, max) => {
                let next = self.repeat(x, min.saturating_sub(1), max.map(|m| m - 1));
                let again = self.then(next, k);
                let through = self.derivative(x, Some(again), byte, context);
                let out = if min == 0 {
                    self.derivative_k(k, byte, context)
                } else {
                    NOTHING
                };
                self.or([through, out])
            }
            Term::Counted { id, fresh, .. } => {
                let counted = self.counted[id as usize];
                let (may_go_on, may_end) = if fresh {
                    (counted.max != Some(0), counted.min == 0)
                } else {
                    (
                        context.regions & (BELOW | WITHIN) != 0,
                        context.regions & (WITHIN | FULL) != 0,
                    )
                };
                let through = if may_go_on {
                    let head = self.intern(Term::Counted {
                        id,
                        fresh: false,
                        mark: if fresh { Mark::Set } else { Mark::Increment },
                    });
                    let again = self.then(head, k);
                    self.derivative(counted.class, Some(again), byte, context)
                } else {
                    NOTHING
                };
                let out = if may_end {
                    self.derivative_k(k, byte, context)
                } else {
                    NOTHING
                };
                self.or([through, out])
            }
            Term::Ahead(y, negated) => {
                let dy = self.derivative(y, Some(ANY_STAR), byte, context);
                let condition = if negated { self.not(dy) } else { dy };
                let dk = self.derivative_k(k, byte, context);
                self.and([condition, dk])
            }
            Term::Behind(i, negated) => {
                if (context.behind & (1 << i) != 0) != negated {
                    self.derivative_k(k, byte, context)
                } else {
                    NOTHING
                }
            }
            Term::Start => {
                if context.at_start {
                    self.derivative_k(k, byte, context)
                } else {
                    NOTHING
                }
            }
            Term::End => NOTHING,
            Term::Nothing | Term::Eps | Term::Bytes(_) => unreachable!("pure terms"),
        };
        if self.unsafe_depth == 0 {
            self.memo.insert(key, d);
        } else if self.in_progress.is_empty() {
            self.unsafe_depth = 0;
        }
        d
    }

    /// How many ways lead from `t` down to a started occurrence of loop `id` (at most 2: more
    /// count as 2), or `None` when one lies under a complement. A set of counts stands for the
    /// occurrences exactly when there is one way and no complement: the state is then the union,
    /// over the counts, of `t` with that count, and its derivative that union's.
    pub fn live_paths(&self, t: Id, id: u32) -> Option<u32> {
        let mut memo = FastMap::default();
        self.paths_to(t, id, &mut memo)
    }

    fn paths_to(&self, t: Id, id: u32, memo: &mut FastMap<Id, Option<u32>>) -> Option<u32> {
        if self.info[t as usize].pure {
            return Some(0);
        }
        if let Some(&known) = memo.get(&t) {
            return known;
        }
        let sum = |xs: &[Id], memo: &mut FastMap<Id, Option<u32>>| {
            xs.iter().try_fold(0u32, |total, &x| {
                Some((total + self.paths_to(x, id, memo)?).min(2))
            })
        };
        let paths = match &self.terms[t as usize] {
            Term::Counted {
                id: other, fresh, ..
            } => Some(u32::from(*other == id && !fresh)),
            Term::Concat(a, b) => sum(&[*a, *b], memo),
            Term::Or(xs) | Term::And(xs) => sum(xs, memo),
            Term::Not(x) => match self.paths_to(*x, id, memo) {
                Some(0) => Some(0),
                _ => None,
            },
            Term::Ahead(y, negated) => match self.paths_to(*y, id, memo) {
                Some(0) => Some(0),
                _ if *negated => None,
                paths => paths,
            },
            // A repetition of a started occurrence could repeat it: as many ways as that.
            Term::Star(x) | Term::Loop(x, ..) => match self.paths_to(*x, id, memo) {
                Some(0) => Some(0),
                Some(_) => Some(2),
                None => None,
            },
            _ => Some(0),
        };
        memo.insert(t, paths);
        paths
    }

    /// The register actions marked in `t` by loop, and `t` with the marks cleared: the
    /// derivative of a whole state is marked where it went through a counted loop's head.
    pub fn take_marks(&mut self, t: Id, marks: &mut Vec<(u32, Mark)>) -> Id {
        let mut memo = FastMap::default();
        self.clear_marks(t, marks, &mut memo)
    }

    fn clear_marks(
        &mut self,
        t: Id,
        marks: &mut Vec<(u32, Mark)>,
        memo: &mut FastMap<Id, Id>,
    ) -> Id {
        if self.info[t as usize].pure {
            return t;
        }
        if let Some(&done) = memo.get(&t) {
            return done;
        }
        let cleared = match self.terms[t as usize].clone() {
            Term::Counted { id, fresh, mark } => {
                if !fresh && !marks.contains(&(id, mark)) {
                    marks.push((id, mark));
                }
                self.intern(Term::Counted {
                    id,
                    fresh,
                    mark: Mark::Keep,
                })
            }
            Term::Concat(a, b) => {
                let a = self.clear_marks(a, marks, memo);
                let b = self.clear_marks(b, marks, memo);
                self.concat(a, b)
            }
            Term::Or(xs) => {
                let xs: Vec<Id> = xs
                    .iter()
                    .map(|&x| self.clear_marks(x, marks, memo))
                    .collect();
                self.or(xs)
            }
            Term::And(xs) => {
                let xs: Vec<Id> = xs
                    .iter()
                    .map(|&x| self.clear_marks(x, marks, memo))
                    .collect();
                self.and(xs)
            }
            Term::Not(x) => {
                let x = self.clear_marks(x, marks, memo);
                self.not(x)
            }
            Term::Star(x) => {
                let x = self.clear_marks(x, marks, memo);
                self.star(x)
            }
            Term::Loop(x, min, max) => {
                let x = self.clear_marks(x, marks, memo);
                self.repeat(x, min, max)
            }
            Term::Ahead(y, negated) => {
                let y = self.clear_marks(y, marks, memo);
                self.ahead(y, negated)
            }
            _ => t,
        };
        memo.insert(t, cleared);
        cleared
    }

    /// The derivative of `t` followed by `k`, given `d`, the derivative of `t` alone.
    fn followed_by(&mut self, t: Id, d: Id, k: Option<Id>, byte: u8, context: Context) -> Id {
        let Some(k) = k else { return d };
        let first = self.concat(d, k);
        if self.nullable(t, None, context) {
            let dk = self.derivative(k, None, byte, context);
            self.or([first, dk])
        } else {
            first
        }
    }

    fn derivative_k(&mut self, k: Option<Id>, byte: u8, context: Context) -> Id {
        match k {
            Some(k) => self.derivative(k, None, byte, context),
            None => NOTHING,
        }
    }
}

/// The classes `$` tests: the terminators that end a line alone (`\r`, U+0085, U+2028,
/// U+2029), `\r`, and `\n`.
pub fn line_terminators() -> [ClassUnicode; 3] {
    let class = |ranges: &[(char, char)]| {
        ClassUnicode::new(ranges.iter().map(|&(a, b)| ClassUnicodeRange::new(a, b)))
    };
    [
        class(&[('\r', '\r'), ('\u{85}', '\u{85}'), ('\u{2028}', '\u{2029}')]),
        class(&[('\r', '\r')]),
        class(&[('\n', '\n')]),
    ]
}

/// The characters `\b` counts as word characters: Java reads letters and digits as Unicode does
/// (`Character.isLetterOrDigit`), unlike its ASCII `\w`, and adds `_`.
pub fn word_characters() -> Result<ClassUnicode, String> {
    let mut word = super::java::property("LD")?;
    word.push(ClassUnicodeRange::new('_', '_'));
    Ok(word)
}

/// The classes Java's word boundary reads marks with: letters and digits of the BMP (a mark's
/// base), non-spacing marks of the BMP, and all non-spacing marks.
pub fn marked_word_classes() -> Result<[ClassUnicode; 3], String> {
    let bmp = ClassUnicode::new([ClassUnicodeRange::new('\0', '\u{FFFF}')]);
    let mut base = super::java::property("LD")?;
    base.intersect(&bmp);
    let mark = super::java::property("Mn")?;
    let mut mark_in_bmp = mark.clone();
    mark_in_bmp.intersect(&bmp);
    Ok([base, mark_in_bmp, mark])
}

const LOOK_AHEAD_IN_BEHIND: &str = "a look-ahead, `$`, `\\z` or `\\b` inside a look-behind is not \
     supported: move it out of the look-behind";

const ATOMIC: &str = "this atomic group or possessive quantifier is not supported: only \
     possessive repetitions of one class (`[a-z]*+`) and atomic groups whose matches all have \
     the same length are; write the group without it";
