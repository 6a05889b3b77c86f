//! Builds the DFA of a parsed pattern by derivatives of its term, minimizes it, and flattens it
//! into the tables that `constrained::Automaton` walks.

use super::alphabet::Alphabet;
use super::fast_hash::FastMap;
use super::intersection::{accept_nothing, length_conflict};
use super::node::{Node, Repeat};
use super::relax::relaxed;
use super::reverse::{literal_end, literal_start, reversed, reversed_turning_looks};
use super::split::cuts;
use super::term::{BELOW, Context, CountedLoop, FULL, Id, Mark, NOTHING, Region, Terms, WITHIN};
use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange};

/// The most transitions (states × byte classes) one pattern may compile to: 128 KiB of table,
/// and every premultiplied state id fits a `u16`. A pattern past it is a compile error asking for
/// a simpler pattern.
pub const MAX_TRANSITIONS: usize = u16::MAX as usize;

/// The most transitions an automaton that is minimized once built (one that does not count)
/// may have while it is built, in the last attempt at a pattern past the budget every other
/// way: minimizing merges the states the derivatives tell apart but no value does, often most
/// of them. `.*cron\(…{1,83} …{1,23} …{1,13} …\).*` over characters builds 10,020 states
/// (210,420 transitions) that minimize to 1,928 (40,488).
const MAX_TRANSITIONS_BEFORE_MINIMIZING: usize = 4 * MAX_TRANSITIONS;

/// Why a pattern that no value can match is a compile error.
const MATCHES_NOTHING: &str = "the pattern matches no string at all";

/// The most terms building one automaton may create before the pattern counts as past the
/// budget: bounds expansion time on patterns whose automaton would be huge.
const MAX_WORK: usize = 2_000_000;

/// The flattened DFA: what the derive emits as static data.
#[derive(Debug)]
pub struct Tables {
    pub classes: [u8; 256],
    pub stride: u32,
    /// Premultiplied state ids; state 0 is dead.
    pub transitions: Vec<u32>,
    pub accepting: Vec<bool>,
    pub start: u32,
    /// The register of counted loops, when the pattern has one.
    pub counter: Option<Counter>,
    /// Present when the automaton reads characters rather than bytes: `classes` then holds the
    /// classes of ASCII characters, and these intervals the classes of all others.
    pub wide: Option<WideClasses>,
    /// Whether the automaton reads a value from its last byte to its first (it was built from
    /// the mirrored pattern).
    pub reversed: bool,
    /// For a reversed automaton, the bytes every accepted value begins with, which the walk
    /// would otherwise read last: compared before it.
    pub begins_with: Vec<u8>,
    /// For an automaton that reads forwards, the bytes every accepted value ends with, which the
    /// walk would read last: compared before it.
    pub ends_with: Vec<u8>,
    /// A second automaton the value must match as well: a pattern that opens with a look-ahead
    /// is the rest's automaton with the look-ahead's here, when one automaton would be past
    /// the budget.
    pub also: Option<Box<Tables>>,
    /// For a pattern cut in two (see [`split`](super::split)), the automaton of the part after
    /// the cut, which reads backwards: this one reads the part before, and a value matches when
    /// some point splits it into parts they each accept.
    pub tail: Option<Tail>,
    /// For a pattern cut in two, the automaton of the pattern with its long repetitions'
    /// bounds dropped ([`relax`](super::relax)), which reads a value once and means what the
    /// pattern means for values shorter than its bound.
    pub relaxed: Option<Relaxed>,
}

/// The relaxed automaton of a pattern cut in two.
#[derive(Debug)]
pub struct Relaxed {
    /// Its automaton, which never has a tail.
    pub tables: Box<Tables>,
    /// The values it decides are the ones of fewer bytes than this.
    pub below: usize,
}

/// The part after the cut of a pattern cut in two.
#[derive(Debug)]
pub struct Tail {
    /// Its automaton, which reads backwards.
    pub tables: Box<Tables>,
    /// The fewest bytes it matches: the larger of what its states and the pattern's widths
    /// say. A counting automaton's own figure ignores its register (`[a-z]{100,200}` counts as
    /// one byte), and the runtime bounds the head by the whole value's shortest less this.
    pub shortest: usize,
    /// The most bytes it matches, from the pattern's widths: a counting automaton loops where
    /// the pattern has a bound, and the runtime keeps a split point per byte of this.
    pub longest: usize,
}

/// The classes of characters beyond ASCII, for an automaton over characters.
#[derive(Debug)]
pub struct WideClasses {
    /// Sorted interval starts, the first 0x80; an interval runs to the next start.
    pub starts: Vec<u32>,
    /// The class of each interval.
    pub classes: Vec<u8>,
    /// The classes of all code points as a three-level table of blocks of 64 (see
    /// [`WideClasses::new`]): per 4,096 code points (`c >> 12`), the index of its middle block.
    pub top: Vec<u16>,
    /// Middle blocks: per 64 code points of one (`(c >> 6) & 63`), the index of its leaf block.
    pub middle: Vec<u16>,
    /// Leaf blocks: per code point of one (`c & 63`), its class.
    pub leaves: Vec<u8>,
}

/// Entries per block of [`WideClasses`]' three-level table.
const BLOCK: usize = 64;

impl WideClasses {
    /// The classes of the intervals from `starts`, with the three-level table that looks a code
    /// point's class up in three loads instead of a search. Blocks with the same entries are
    /// stored once.
    pub fn new(starts: Vec<u32>, classes: Vec<u8>) -> Self {
        // Every code point's class, interval by interval. Below U+0080 (the walk reads ASCII
        // itself) any class will do, and surrogates, which no character decodes to, take their
        // interval's.
        let mut all = vec![0u8; 0x110000];
        for (i, (&start, &class)) in starts.iter().zip(&classes).enumerate() {
            let end = starts.get(i + 1).map_or(all.len(), |&next| next as usize);
            all[start as usize..end].fill(class);
        }
        let (leaf_of, leaves) = distinct_blocks(&all);
        let (top, middle) = distinct_blocks(&leaf_of);
        WideClasses {
            starts,
            classes,
            top,
            middle,
            leaves,
        }
    }

    /// The class of `c`, which is not ASCII.
    pub fn class(&self, c: char) -> u8 {
        self.classes[self.starts.partition_point(|&s| s <= u32::from(c)) - 1]
    }
}

/// `entries` cut into blocks of [`BLOCK`]: the index of each block among the distinct ones,
/// and the distinct blocks, in order of first appearance.
fn distinct_blocks<T: Copy + Eq + std::hash::Hash>(entries: &[T]) -> (Vec<u16>, Vec<T>) {
    let mut index_of: FastMap<&[T], u16> = FastMap::default();
    let mut distinct = Vec::new();
    let indices = entries
        .chunks(BLOCK)
        .map(|block| {
            let next = index_of.len() as u16;
            *index_of.entry(block).or_insert_with(|| {
                distinct.extend_from_slice(block);
                next
            })
        })
        .collect();
    (indices, distinct)
}

/// How a DFA with a counted loop drives its register.
#[derive(Debug, Default)]
pub struct Counter {
    /// Per transition: 0 keeps the register, 1 sets it to 1, 2 adds 1.
    pub actions: Vec<u8>,
    /// Per state: the register value at which it gives way to its boundary state
    /// (`u32::MAX`: never).
    pub limits: Vec<u32>,
    /// Per state (premultiplied): the same state with the register in its next region.
    pub boundaries: Vec<u32>,
    /// The states below this (premultiplied) id never touch the register.
    pub plain_below: u32,
    /// Present when the register holds a set of counts: `actions` then go up to 4, and
    /// `limits` and `boundaries` are unused.
    pub sets: Option<SetTables>,
}

/// How a DFA whose register holds a set of counts moves between twins (see the runtime's
/// `CountSets`).
#[derive(Debug, Default)]
pub struct SetTables {
    /// Per state: the minimum and maximum (`u32::MAX`: none) of the loop it counts.
    pub bounds: Vec<u32>,
    /// Per state, 8 entries: its twin (premultiplied) for each set of regions, 0 where the
    /// counts cannot stand so.
    pub twins: Vec<u32>,
}

impl SetTables {
    /// The twins of state number `s`, one per set of regions.
    fn twins_of(&self, s: usize) -> &[u32] {
        &self.twins[s * 8..s * 8 + 8]
    }
}

/// The most a loop's bound may be for a set of its counts to be kept: the runtime's
/// `counts::MOST_COUNTS`.
const MOST_COUNTS: u32 = 2046;

/// The regions a set of counts of a loop `{min,max}` (`max` is `u32::MAX` when there is none)
/// is in.
fn regions_of(counts: &std::collections::BTreeSet<u32>, min: u32, max: u32) -> u8 {
    counts.iter().fold(0, |regions, &count| {
        regions
            | if count >= max {
                FULL
            } else if count >= min {
                WITHIN
            } else {
                BELOW
            }
    })
}

impl Tables {
    /// Whether the register holds a set of counts.
    fn counts_sets(&self) -> bool {
        self.counter
            .as_ref()
            .is_some_and(|counter| counter.sets.is_some())
    }

    /// Runs the tables on `input`, as `constrained::Automaton::matches` does (a set of counts
    /// is kept as a plain set here, as a check on the runtime's).
    pub fn matches(&self, input: &str) -> bool {
        if self.also.as_ref().is_some_and(|also| !also.matches(input)) {
            return false;
        }
        if let Some(tail) = &self.tail {
            // Every split point in turn: slow, and plainly right.
            return (0..=input.len())
                .filter(|&at| input.is_char_boundary(at))
                .any(|at| self.matches_alone(&input[..at]) && tail.tables.matches(&input[at..]));
        }
        self.matches_alone(input)
    }

    /// [`matches`](Self::matches) of this automaton, without its tail.
    fn matches_alone(&self, input: &str) -> bool {
        if !input.as_bytes().starts_with(&self.begins_with)
            || !input.as_bytes().ends_with(&self.ends_with)
        {
            return false;
        }
        let mut state = self.start;
        let mut register = 0u32;
        let mut counts = std::collections::BTreeSet::new();
        let symbols: Vec<u8> = match &self.wide {
            Some(wide) => input
                .chars()
                .map(|c| match u8::try_from(c) {
                    Ok(ascii) if ascii < 0x80 => self.classes[usize::from(ascii)],
                    _ => wide.class(c),
                })
                .collect(),
            None if self.reversed => input
                .bytes()
                .rev()
                .map(|b| self.classes[usize::from(b)])
                .collect(),
            None => input
                .bytes()
                .map(|b| self.classes[usize::from(b)])
                .collect(),
        };
        for class in symbols {
            let index = (state + u32::from(class)) as usize;
            state = self.transitions[index];
            if let Some(counter) = &self.counter {
                let at = (state / self.stride) as usize;
                match (&counter.sets, counter.actions[index]) {
                    (_, 0) => {}
                    (Some(sets), action) => {
                        let (min, max) = (sets.bounds[2 * at], sets.bounds[2 * at + 1]);
                        if action == 1 {
                            counts.clear();
                        }
                        if action == 2 || action == 3 {
                            counts = counts.iter().filter(|&&c| c < max).map(|c| c + 1).collect();
                        }
                        if action != 2 {
                            counts.insert(1);
                        }
                        let regions = regions_of(&counts, min, max);
                        state = sets.twins[at * 8 + usize::from(regions)];
                    }
                    (None, action) => {
                        register = if action == 1 { 1 } else { register + 1 };
                        if register == counter.limits[at] {
                            state = counter.boundaries[at];
                        }
                    }
                }
            }
            if state == 0 {
                return false;
            }
        }
        self.accepting[(state / self.stride) as usize]
    }
}

impl Tables {
    /// The bytes every accepted input other than the empty one begins with, and the
    /// (premultiplied) state after them: the walk compares them at once instead of stepping
    /// through a chain of states one load after another. The chain stops at an accepting state
    /// (the start state aside: `$|^s3://…` accepts the empty value), at a state that reads more
    /// than one byte or touches the register, and after 64 bytes.
    pub fn literal_prefix(&self) -> (Vec<u8>, u32) {
        let stride = self.stride as usize;
        let mut prefix = Vec::new();
        let mut state = self.start as usize;
        while prefix.len() < 64 && (prefix.is_empty() || !self.accepting[state / stride]) {
            if let Some(counter) = &self.counter
                && state >= counter.plain_below as usize
            {
                break;
            }
            let row = &self.transitions[state..state + stride];
            let mut live = row.iter().enumerate().filter(|&(_, &t)| t != 0);
            let (Some((class, &target)), None) = (live.next(), live.next()) else {
                break;
            };
            // Over characters, `classes` is only read for ASCII.
            let last = if self.wide.is_some() { 0x7F } else { 0xFF };
            let mut bytes = (0..=last).filter(|&b: &u8| self.classes[b as usize] as usize == class);
            let (Some(byte), None) = (bytes.next(), bytes.next()) else {
                break;
            };
            // Over characters, a class may also hold characters beyond ASCII.
            if self
                .wide
                .as_ref()
                .is_some_and(|wide| wide.classes.iter().any(|&c| c as usize == class))
            {
                break;
            }
            prefix.push(byte);
            state = target as usize;
        }
        (prefix, state as u32)
    }

    /// The shortest and longest input, in bytes, that can reach an accepting state (`None`:
    /// no longest). The register is ignored and a boundary move counts as free, so for a
    /// counting automaton these are bounds rather than exact figures: safe to reject on. Over
    /// characters, a character counts as one byte at least and four at most. With a second
    /// automaton to match as well, the tighter bounds of the two.
    pub fn byte_lengths(&self) -> (usize, Option<usize>) {
        let (shortest, longest) = self.symbol_lengths();
        let own = match self.wide {
            Some(_) => (shortest, longest.map(|l| l * 4)),
            None => (shortest, longest),
        };
        let own = match &self.tail {
            // A value is a head and a tail.
            Some(tail) => (own.0 + tail.shortest, own.1.map(|most| most + tail.longest)),
            None => own,
        };
        match &self.also {
            Some(also) => {
                let (least, most) = also.byte_lengths();
                (
                    own.0.max(least),
                    match (own.1, most) {
                        (Some(a), Some(b)) => Some(a.min(b)),
                        (a, b) => a.or(b),
                    },
                )
            }
            None => own,
        }
    }

    /// [`byte_lengths`](Self::byte_lengths) in the automaton's own symbols.
    fn symbol_lengths(&self) -> (usize, Option<usize>) {
        let stride = self.stride as usize;
        let n = self.accepting.len();
        // Edges (target, bytes read): one per distinct transition, and the boundary moves.
        let mut edges: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
        for (s, out) in edges.iter_mut().enumerate().skip(1) {
            let mut targets: Vec<usize> = self.transitions[s * stride..(s + 1) * stride]
                .iter()
                .map(|&t| t as usize / stride)
                .filter(|&t| t != 0)
                .collect();
            targets.sort_unstable();
            targets.dedup();
            out.extend(targets.into_iter().map(|t| (t, 1)));
            if let Some(counter) = &self.counter {
                if let Some(sets) = &counter.sets {
                    let twins = sets.twins_of(s).iter().filter(|&&t| t != 0);
                    out.extend(twins.map(|&t| (t as usize / stride, 0)));
                } else if counter.limits[s] != u32::MAX {
                    out.push((counter.boundaries[s] as usize / stride, 0));
                }
            }
        }
        // The states from which input can still be accepted.
        let mut reverse: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (s, out) in edges.iter().enumerate() {
            for &(t, _) in out {
                reverse[t].push(s);
            }
        }
        let mut live: Vec<bool> = self.accepting.clone();
        let mut stack: Vec<usize> = (0..n).filter(|&s| live[s]).collect();
        while let Some(t) = stack.pop() {
            for &s in &reverse[t] {
                if !live[s] {
                    live[s] = true;
                    stack.push(s);
                }
            }
        }
        let start = self.start as usize / stride;
        if start == 0 || !live[start] {
            return (0, Some(0));
        }
        // Shortest: breadth-first, boundary moves at the front of the queue.
        let mut distance = vec![usize::MAX; n];
        let mut queue = std::collections::VecDeque::from([start]);
        distance[start] = 0;
        let mut shortest = usize::MAX;
        while let Some(s) = queue.pop_front() {
            if self.accepting[s] {
                shortest = shortest.min(distance[s]);
            }
            for &(t, cost) in &edges[s] {
                if live[t] && distance[s] + cost < distance[t] {
                    distance[t] = distance[s] + cost;
                    if cost == 0 {
                        queue.push_front(t);
                    } else {
                        queue.push_back(t);
                    }
                }
            }
        }
        // Longest: none when a cycle of live states is reachable; otherwise by depth-first order.
        let mut longest = vec![None::<usize>; n];
        let mut on_path = vec![false; n];
        let mut frames: Vec<(usize, usize)> = vec![(start, 0)];
        on_path[start] = true;
        while let Some(frame) = frames.last_mut() {
            let s = frame.0;
            if let Some(&(t, _)) = edges[s].get(frame.1) {
                frame.1 += 1;
                if !live[t] || longest[t].is_some() {
                    continue;
                }
                if on_path[t] {
                    return (shortest, None);
                }
                on_path[t] = true;
                frames.push((t, 0));
                continue;
            }
            frames.pop();
            on_path[s] = false;
            let mut best = if self.accepting[s] { Some(0) } else { None };
            for &(t, cost) in &edges[s] {
                if let Some(rest) = longest[t].filter(|_| live[t]) {
                    best = Some(best.map_or(rest + cost, |b: usize| b.max(rest + cost)));
                }
            }
            longest[s] = Some(best.unwrap_or(0));
        }
        (shortest, longest[start])
    }
}

/// A DFA state: the main term, every look-behind tracker, whether nothing was read yet, and the
/// live counted loop with the regions its register's counts are in (one, for one count).
#[derive(Clone, PartialEq, Eq, Hash)]
struct State {
    term: Id,
    trackers: Box<[Id]>,
    at_start: bool,
    live: Option<u32>,
    regions: u8,
}

/// How long repetitions of one class are kept.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Counting {
    /// Unrolled into states.
    Off,
    /// Counted in a register holding one count.
    One,
    /// Counted in a register holding a set of counts.
    Sets,
}

/// Why a construction stopped.
enum Stop {
    /// Past the size budget.
    OverBudget,
    /// Two counted iterations would need the register at once: count by unrolling instead.
    Ambiguous,
    /// An error to report.
    Error(String),
}

/// Builds the tables of a whole-value match of `node`: `Ok(None)` when the automaton would be
/// past the size budget. Long repetitions of one class are counted in a register when at most
/// one of them is ever under way, with a set of counts when several counts of it can be;
/// otherwise they are unrolled into states.
///
/// The automaton reads UTF-8 bytes, unless that is past the budget and reading characters is not
/// (classes far beyond ASCII multiply the states by their UTF-8 partial states). Failing both,
/// it reads the bytes from the last to the first, which needs fewer counts at once for some
/// patterns; failing that, a pattern that opens with look-aheads becomes an automaton per
/// look-ahead and one for the rest, all of which must match (an error when no value can); an
/// automaton that does not count may be built past the budget if it fits once minimized; and
/// as a last resort, the pattern is cut in two, a head read forwards and a tail read backwards
/// ([`split`](super::split)), with one automaton for the values too short for its long
/// repetitions' bounds to matter ([`relax`](super::relax)).
pub fn build(node: &Node) -> Result<Option<Tables>, String> {
    if let Some(tables) = build_either_way(node)? {
        return Ok(Some(tables));
    }
    if let Some(parts) = conjuncts(node) {
        if let Some((least, most)) = length_conflict(node) {
            return Err(format!(
                "{MATCHES_NOTHING}: together, the look-aheads and the rest need at least \
                 {least} characters and allow at most {most}"
            ));
        }
        let mut built = Vec::with_capacity(parts.len());
        for part in &parts {
            match build_one(part)? {
                Some(tables) => built.push(tables),
                None => break,
            }
        }
        if built.len() == parts.len() {
            if accept_nothing(&built) == Some(true) {
                return Err(MATCHES_NOTHING.into());
            }
            return Ok(chained(built));
        }
    }
    if let Some(tables) = built_past_the_budget(node)? {
        return Ok(Some(tables));
    }
    let Some(mut tables) = built_in_two(node)? else {
        return Ok(None);
    };
    // A value too short to exceed a long repetition's bound is read once, by one automaton.
    if let Some((relaxed, below)) = relaxed(node)
        && let Ok(Some(short)) = build_either_way(&relaxed)
        && let Ok(below) = usize::try_from(below)
        && below > tables.byte_lengths().0
    {
        tables.relaxed = Some(Relaxed {
            tables: Box::new(short),
            below,
        });
    }
    Ok(Some(tables))
}

/// The automata of a pattern cut in two ([`split`](super::split)), when one automaton of it is
/// past the budget every other way: the head's, read forwards, with the tail's, read backwards,
/// each within the budget. The first cut both fit wins, the shortest tail first.
fn built_in_two(node: &Node) -> Result<Option<Tables>, String> {
    for (head, tail) in cuts(node) {
        let Some(mirrored) = reversed_turning_looks(&tail) else {
            continue;
        };
        let Some(tables) = build_over(&mirrored, None, true, &ATTEMPTS, MAX_TRANSITIONS)? else {
            continue;
        };
        let (least, most) = tail.byte_width();
        let least = usize::try_from(least).unwrap_or(usize::MAX);
        let tail = Tail {
            shortest: tables.byte_lengths().0.max(least),
            longest: most
                .and_then(|w| usize::try_from(w).ok())
                .unwrap_or(usize::MAX),
            tables: Box::new(tables),
        };
        let mut built = build_over(&head, None, false, &ATTEMPTS, MAX_TRANSITIONS)?;
        if built.is_none()
            && let Some(alphabet) = Alphabet::of(&head)
        {
            built = build_over(&head, Some(&alphabet), false, &ATTEMPTS, MAX_TRANSITIONS)?;
        }
        if let Some(head) = built {
            return Ok(Some(Tables {
                tail: Some(tail),
                ..head
            }));
        }
    }
    Ok(None)
}

/// The first of `automata` with each next one as its [`also`](Tables::also): a value must
/// match them all.
fn chained(automata: Vec<Tables>) -> Option<Tables> {
    automata.into_iter().rev().fold(None, |also, tables| {
        Some(Tables {
            also: also.map(Box::new),
            ..tables
        })
    })
}

/// [`build`] as one automaton.
fn build_one(node: &Node) -> Result<Option<Tables>, String> {
    match build_either_way(node)? {
        Some(tables) => Ok(Some(tables)),
        None => built_past_the_budget(node),
    }
}

/// The last resort, tried last since giving up on it takes longest: an automaton that does not
/// count, built past the budget and minimized back under it.
fn built_past_the_budget(node: &Node) -> Result<Option<Tables>, String> {
    let alphabet = Alphabet::of(node);
    // Over bytes, then over characters when the pattern has an alphabet of them.
    for alphabet in std::iter::once(None).chain(alphabet.as_ref().map(Some)) {
        let unrolled = [(Counting::Off, false)];
        let built = build_over(
            node,
            alphabet,
            false,
            &unrolled,
            MAX_TRANSITIONS_BEFORE_MINIMIZING,
        )?;
        if built.is_some() {
            return Ok(ending(built, node));
        }
    }
    Ok(None)
}

/// [`build_one`] forwards, and mirrored where that may do better, within the budget.
fn build_either_way(node: &Node) -> Result<Option<Tables>, String> {
    let mut forward = build_over(node, None, false, &ATTEMPTS, MAX_TRANSITIONS)?;
    if forward.is_none()
        && let Some(alphabet) = Alphabet::of(node)
    {
        forward = build_over(node, Some(&alphabet), false, &ATTEMPTS, MAX_TRANSITIONS)?;
    }
    // A pattern that counts may need fewer states read from the end, and a set of counts walks
    // slower than one count: `https://([^/]+)/?.{3,1016}` read from the end counts `.{3,1016}`
    // alone, and `arn:.{1,63}:mpa:::…{1,1023}/…{1,1023}` meets its literals before its counts.
    let attempts: &[(Counting, bool)] = match &forward {
        Some(tables) if tables.counter.is_none() => return Ok(ending(forward, node)),
        Some(_) => &ATTEMPTS_WITHOUT_SETS,
        None => &ATTEMPTS,
    };
    // Open at both ends (`.*cron\(….*`), a pattern is a search for what is between read either
    // way: mirrored, it would only repeat the constructions that just failed.
    if open_at_both_ends(node) {
        return Ok(ending(forward, node));
    }
    let Some(mirrored) = reversed(node) else {
        return Ok(ending(forward, node));
    };
    let backward =
        build_over(&mirrored, None, true, attempts, MAX_TRANSITIONS)?.map(|tables| Tables {
            begins_with: literal_start(node),
            ..tables
        });
    Ok(match (backward, forward) {
        (Some(backward), Some(forward))
            if !forward.counts_sets() && backward.accepting.len() >= forward.accepting.len() =>
        {
            ending(Some(forward), node)
        }
        (Some(backward), _) => Some(backward),
        (None, forward) => ending(forward, node),
    })
}

/// `tables`, an automaton that reads `node` forwards, with the literal end every value it
/// accepts has.
fn ending(tables: Option<Tables>, node: &Node) -> Option<Tables> {
    tables.map(|tables| Tables {
        ends_with: literal_end(node),
        ..tables
    })
}

/// Whether the whole-value pattern `node` begins and ends with an unbounded repetition of a
/// class that may match nothing (`.*…[a-z]*`).
fn open_at_both_ends(node: &Node) -> bool {
    let open = |part: Option<&Node>| {
        matches!(part, Some(Node::Repeat(repeat))
            if repeat.min == 0 && repeat.max.is_none() && matches!(repeat.node, Node::Class(_)))
    };
    let parts = node.inner_parts();
    parts.len() >= 2 && open(parts.first()) && open(parts.last())
}

/// `(?=X)(?!Y)R` as the patterns `R`, `(?=X).*` and `(?!Y).*` (with any character for `.`),
/// whose languages' intersection it is: a look-ahead at the start of the value sees the whole
/// value, as the rest does. `None` when the pattern does not open with a look-ahead.
fn conjuncts(node: &Node) -> Option<Vec<Node>> {
    let (looks, rest) = node.opening_look_aheads();
    if looks.is_empty() {
        return None;
    }
    let anything = Node::Repeat(Box::new(Repeat {
        node: Node::Class(ClassUnicode::new([ClassUnicodeRange::new('\0', char::MAX)])),
        min: 0,
        max: None,
        greedy: true,
    }));
    // The rest first: it decides most values, and walks of it (to generate values) are the
    // ones the look-aheads most often let through.
    let mut conjuncts = vec![Node::Concat(rest.to_vec())];
    conjuncts.extend(
        looks
            .iter()
            .map(|look| Node::Concat(vec![look.clone(), anything.clone()])),
    );
    Some(conjuncts)
}

/// The constructions tried, in order: how repetitions are counted, and whether repetitions of
/// groups are counted too. Unrolled states walk faster than a set of counts, so a set is the
/// last resort, for patterns whose unrolled automaton is past the budget; repetitions of groups
/// are counted last of all, for the same reason.
const ATTEMPTS: [(Counting, bool); 5] = [
    (Counting::One, false),
    (Counting::Off, false),
    (Counting::Sets, false),
    (Counting::One, true),
    (Counting::Sets, true),
];

/// [`ATTEMPTS`] that keep one count at most.
const ATTEMPTS_WITHOUT_SETS: [(Counting, bool); 3] = [
    (Counting::One, false),
    (Counting::Off, false),
    (Counting::One, true),
];

/// The automaton of the first of `attempts` that fits, with `before_minimizing` the most
/// transitions an automaton that does not count may have while it is built.
fn build_over(
    node: &Node,
    alphabet: Option<&Alphabet>,
    reversed: bool,
    attempts: &[(Counting, bool)],
    before_minimizing: usize,
) -> Result<Option<Tables>, String> {
    for &(counting, groups) in attempts {
        match construct(
            node,
            counting,
            groups,
            alphabet,
            reversed,
            before_minimizing,
        ) {
            Ok(tables) => return Ok(Some(tables)),
            Err(Stop::Ambiguous | Stop::OverBudget) => continue,
            Err(Stop::Error(message)) => return Err(message),
        }
    }
    Ok(None)
}

fn construct(
    node: &Node,
    counting: Counting,
    groups: bool,
    alphabet: Option<&Alphabet>,
    reversed: bool,
    before_minimizing: usize,
) -> Result<Tables, Stop> {
    let mut terms = Terms::new();
    terms.reversed = reversed;
    terms.counting = counting != Counting::Off;
    terms.counting_groups = groups;
    terms.alphabet = alphabet.cloned();
    let top = terms.convert_pattern(node).map_err(Stop::Error)?;
    if groups && !terms.counted_group {
        // The same automaton as without counting groups, tried already.
        return Err(Stop::Ambiguous);
    }
    if terms.unmapped {
        // A class the alphabet does not cover: not this pattern's automaton, so none at all.
        return Err(Stop::OverBudget);
    }
    // Over characters, the "bytes" are the alphabet's symbols.
    let symbols = alphabet.map_or(256, Alphabet::len);

    // Byte classes: bytes no byte set of the pattern tells apart share a class.
    let mut classes = [0u8; 256];
    let mut count = 1usize;
    let mut sets = terms.byte_sets();
    sets.sort_unstable();
    sets.dedup();
    for set in sets {
        // New class of (old class, inside the set), by a table: this runs for every byte set of
        // every pattern, so it stays cheap even when the derive is built unoptimized.
        let mut split = [u16::MAX; 512];
        let mut next = 0usize;
        for byte in (0..=255u8).take(symbols) {
            let inside = set[usize::from(byte >> 6)] & (1 << (byte & 63)) != 0;
            let key = usize::from(classes[byte as usize]) * 2 + usize::from(inside);
            if split[key] == u16::MAX {
                split[key] = next as u16;
                next += 1;
            }
            classes[byte as usize] = split[key] as u8;
        }
        count = next;
    }
    let mut representatives = vec![0u8; count];
    for byte in (0..=255u8).take(symbols).rev() {
        representatives[classes[byte as usize] as usize] = byte;
    }
    let stride = count;

    let start = State {
        term: top,
        trackers: terms.trackers.clone().into(),
        at_start: true,
        live: None,
        regions: BELOW,
    };
    let counted = !terms.counted.is_empty();
    let sets = counting == Counting::Sets;
    if sets {
        // A set only helps a pattern that counts, and keeps counts up to a bound.
        let too_long = |l: &CountedLoop| l.max.unwrap_or(l.min) > MOST_COUNTS;
        if !counted || terms.counted.iter().any(too_long) {
            return Err(Stop::Ambiguous);
        }
    }
    let mut counter = Counter {
        sets: sets.then(SetTables::default),
        ..Counter::default()
    };
    let mut numbering: FastMap<State, usize> = FastMap::default();
    let mut order: Vec<Option<State>> = vec![None];
    let mut transitions: Vec<u32> = Vec::new();
    let mut accepting: Vec<bool> = Vec::new();
    let mut number = |state: State, order: &mut Vec<Option<State>>| -> usize {
        if state.term == NOTHING {
            return 0;
        }
        *numbering.entry(state.clone()).or_insert_with(|| {
            order.push(Some(state));
            order.len() - 1
        })
    };
    let start_number = number(start, &mut order);
    // A counting automaton is not minimized, so it must fit as built.
    let budget = if counted {
        MAX_TRANSITIONS
    } else {
        before_minimizing
    };
    let mut next = 0;
    while next < order.len() {
        if transitions.len() + stride > budget || terms.work > MAX_WORK {
            return Err(Stop::OverBudget);
        }
        let Some(state) = order[next].clone() else {
            transitions.extend(std::iter::repeat_n(0, stride));
            counter.actions.extend(std::iter::repeat_n(0, stride));
            counter.limits.push(u32::MAX);
            counter.boundaries.push(0);
            if let Some(tables) = &mut counter.sets {
                tables.bounds.extend([0, 0]);
                tables.twins.extend([0; 8]);
            }
            accepting.push(false);
            next += 1;
            continue;
        };
        let mut context = Context {
            at_start: state.at_start,
            behind: 0,
            regions: state.regions,
        };
        let live_loop = state.live.map(|id| terms.counted[id as usize]);
        if let Some(tables) = &mut counter.sets {
            // Where a set of counts moves this state after an action: its twin for every set
            // of regions the counts can be in.
            counter.limits.push(u32::MAX);
            counter.boundaries.push(0);
            match live_loop {
                Some(l) => {
                    tables.bounds.extend([l.min, l.max.unwrap_or(u32::MAX)]);
                    for regions in 0..8u8 {
                        // Counts are at least 1; there is no maximum to reach without one, and
                        // nothing within bounds that are one count.
                        let possible = regions != 0
                            && (regions & BELOW == 0 || l.min > 1)
                            && (regions & FULL == 0 || l.max.is_some())
                            && (regions & WITHIN == 0 || l.max.is_none_or(|max| max > l.min));
                        let twin = if possible {
                            let twin = State {
                                regions,
                                ..state.clone()
                            };
                            number(twin, &mut order)
                        } else {
                            0
                        };
                        tables.twins.push((twin * stride) as u32);
                    }
                }
                None => {
                    tables.bounds.extend([0, 0]);
                    tables.twins.extend([0; 8]);
                }
            }
        } else {
            // Where the register moves this state on, once it reaches the limit of its region.
            let region = Region::only(state.regions);
            match live_loop.and_then(|l| l.limit(region)) {
                Some(limit) => {
                    let bumped = State {
                        regions: match region {
                            Region::Below if live_loop.is_some_and(|l| l.max == Some(l.min)) => {
                                FULL
                            }
                            Region::Below => WITHIN,
                            _ => FULL,
                        },
                        ..state.clone()
                    };
                    counter.limits.push(limit);
                    let target = number(bumped, &mut order);
                    counter.boundaries.push((target * stride) as u32);
                }
                None => {
                    counter.limits.push(u32::MAX);
                    counter.boundaries.push(0);
                }
            }
        }
        // Inner look-behinds come first, so each tracker sees the ones it depends on.
        for (i, &tracker) in state.trackers.iter().enumerate() {
            if terms.nullable(tracker, None, context) {
                context.behind |= 1 << i;
            }
        }
        accepting.push(terms.nullable(state.term, None, context));
        for &byte in &representatives {
            let term = terms.derivative(state.term, None, byte, context);
            let mut marks = Vec::new();
            let term = if counted {
                terms.take_marks(term, &mut marks)
            } else {
                term
            };
            let trackers = if term == NOTHING {
                Box::default()
            } else {
                state
                    .trackers
                    .iter()
                    .map(|&t| terms.derivative(t, None, byte, context))
                    .collect()
            };
            let (live, action) = if sets {
                set_action(&terms, &state, term, &marks)?
            } else {
                one_action(&state, &marks)?
            };
            let live = if term == NOTHING { None } else { live };
            // After any action but a set, a register of one count stays in its region until
            // it reaches the region's limit; a set of counts moves on to the twin for where its
            // counts stand, so the region here is a placeholder.
            let regions = match (live, action) {
                (None, _) => BELOW,
                (Some(id), 1) => terms.counted[id as usize].region(1).bit(),
                (Some(_), _) => state.regions,
            };
            let target = number(
                State {
                    term,
                    trackers,
                    at_start: false,
                    live,
                    regions,
                },
                &mut order,
            );
            transitions.push((target * stride) as u32);
            counter.actions.push(if target == 0 { 0 } else { action });
        }
        next += 1;
    }
    let tables = Tables {
        classes,
        stride: stride as u32,
        transitions,
        accepting,
        start: (start_number * stride) as u32,
        counter: None,
        wide: None,
        reversed,
        begins_with: Vec::new(),
        ends_with: Vec::new(),
        also: None,
        tail: None,
        relaxed: None,
    };
    // A counting automaton stays as built: minimizing it would have to respect the register.
    let tables = if counted {
        registers_last(Tables {
            counter: Some(counter),
            ..tables
        })
    } else {
        minimize(tables)
    };
    if !tables.accepting.contains(&true) {
        return Err(Stop::Error(MATCHES_NOTHING.into()));
    }
    if tables.transitions.len() > MAX_TRANSITIONS {
        return Err(Stop::OverBudget);
    }
    Ok(match alphabet {
        // Symbol → class becomes character → class, which is what the walk looks up.
        Some(alphabet) => {
            let (starts, classes) = alphabet.wide_classes(&tables.classes);
            Tables {
                classes: alphabet.ascii_classes(&tables.classes),
                wide: Some(WideClasses::new(starts, classes)),
                ..tables
            }
        }
        None => tables,
    })
}

/// The loop a transition leaves under way and the register action it takes, with a register
/// of one count: at most one loop under way, reached one way, else the register cannot count
/// it.
fn one_action(state: &State, marks: &[(u32, Mark)]) -> Result<(Option<u32>, u8), Stop> {
    let (live, action) = match marks {
        [] => (None, Mark::Keep),
        [(id, mark)] => (Some(*id), *mark),
        _ => return Err(Stop::Ambiguous),
    };
    if action == Mark::Increment && state.live != live {
        return Err(Stop::Ambiguous);
    }
    Ok((
        live,
        match action {
            Mark::Keep => 0,
            Mark::Set => 1,
            Mark::Increment => 2,
        },
    ))
}

/// [`one_action`] with a register that holds a set of counts: one loop under way, whose
/// counts may have started at different times, all followed by the same rest of the pattern
/// (one way down to them in the term, none under a complement). Its action: keep the set (0),
/// make it `{1}` (1), grow every count (2), grow them and add 1 (3), add 1 (4).
fn set_action(
    terms: &Terms,
    state: &State,
    term: Id,
    marks: &[(u32, Mark)],
) -> Result<(Option<u32>, u8), Stop> {
    let Some(&(id, _)) = marks.first() else {
        return Ok((None, 0));
    };
    let mut kinds = [false; 3];
    for &(other, mark) in marks {
        if other != id {
            return Err(Stop::Ambiguous);
        }
        kinds[mark as usize] = true;
    }
    let action = match kinds {
        // [keep, set, increment]
        [true, false, false] => 0,
        [false, true, false] => 1,
        [false, false, true] => 2,
        [false, true, true] => 3,
        [true, true, false] => 4,
        _ => return Err(Stop::Ambiguous),
    };
    if action != 1 && state.live != Some(id) {
        return Err(Stop::Ambiguous);
    }
    if term != NOTHING && terms.live_paths(term, id) != Some(1) {
        return Err(Stop::Ambiguous);
    }
    Ok((Some(id), action))
}

/// Renumbers a counting automaton so that the states that never touch the register (no action
/// on their row, no limit) come first, after the dead state: the walk then tells them apart by
/// one comparison with [`Counter::plain_below`] and skips the register's tables for them, which
/// is most of a pattern's literal prefix.
fn registers_last(tables: Tables) -> Tables {
    let Some(counter) = tables.counter else {
        return tables;
    };
    let stride = tables.stride as usize;
    let n = tables.accepting.len();
    let plain: Vec<bool> = (0..n)
        .map(|s| {
            counter.limits[s] == u32::MAX
                && counter.actions[s * stride..(s + 1) * stride]
                    .iter()
                    .all(|&a| a == 0)
                && counter
                    .sets
                    .as_ref()
                    .is_none_or(|sets| sets.twins_of(s).iter().all(|&t| t == 0))
        })
        .collect();
    let order: Vec<usize> = std::iter::once(0)
        .chain((1..n).filter(|&s| plain[s]))
        .chain((1..n).filter(|&s| !plain[s]))
        .collect();
    let mut number = vec![0usize; n];
    for (new, &old) in order.iter().enumerate() {
        number[old] = new;
    }
    let renumber = |id: u32| (number[id as usize / stride] * stride) as u32;
    let first_counting = 1 + (1..n).filter(|&s| plain[s]).count();
    let mut transitions = Vec::with_capacity(tables.transitions.len());
    let mut actions = Vec::with_capacity(counter.actions.len());
    for &old in &order {
        let row = old * stride..(old + 1) * stride;
        transitions.extend(tables.transitions[row.clone()].iter().map(|&t| renumber(t)));
        actions.extend_from_slice(&counter.actions[row]);
    }
    Tables {
        transitions,
        accepting: order.iter().map(|&old| tables.accepting[old]).collect(),
        start: renumber(tables.start),
        counter: Some(Counter {
            actions,
            limits: order.iter().map(|&old| counter.limits[old]).collect(),
            boundaries: order
                .iter()
                .map(|&old| renumber(counter.boundaries[old]))
                .collect(),
            plain_below: (first_counting * stride) as u32,
            sets: counter.sets.map(|sets| SetTables {
                bounds: order
                    .iter()
                    .flat_map(|&old| [sets.bounds[2 * old], sets.bounds[2 * old + 1]])
                    .collect(),
                twins: order
                    .iter()
                    .flat_map(|&old| sets.twins_of(old))
                    .map(|&t| renumber(t))
                    .collect(),
            }),
        }),
        ..tables
    }
}

/// Merges states no input tells apart (Hopcroft's partition refinement, `O(n·k·log n)`), keeping
/// the dead state as 0 and numbering the rest breadth-first from the start, so the tables are the
/// same on every build.
fn minimize(tables: Tables) -> Tables {
    let stride = tables.stride as usize;
    let n = tables.accepting.len();
    let target =
        |state: usize, class: usize| tables.transitions[state * stride + class] as usize / stride;
    // Predecessors per (class, state), in one flat list: `incoming[first[i]..first[i + 1]]` for
    // `i = class * n + state`. Flat vectors rather than maps or nested vectors, because the
    // derive usually runs unoptimized, where every hash or small allocation costs.
    let mut first = vec![0usize; stride * n + 1];
    for s in 0..n {
        for c in 0..stride {
            first[c * n + target(s, c) + 1] += 1;
        }
    }
    for i in 1..first.len() {
        first[i] += first[i - 1];
    }
    let mut filled = first.clone();
    let mut incoming = vec![0usize; stride * n];
    for s in 0..n {
        for c in 0..stride {
            let i = c * n + target(s, c);
            incoming[filled[i]] = s;
            filled[i] += 1;
        }
    }
    let mut block_of = vec![0usize; n];
    let mut blocks: Vec<Vec<usize>> = Vec::new();
    let accepting: Vec<usize> = (0..n).filter(|&s| tables.accepting[s]).collect();
    let rejecting: Vec<usize> = (0..n).filter(|&s| !tables.accepting[s]).collect();
    for members in [rejecting, accepting] {
        if !members.is_empty() {
            for &s in &members {
                block_of[s] = blocks.len();
            }
            blocks.push(members);
        }
    }
    let mut work: Vec<usize> = (0..blocks.len()).collect();
    let mut in_work = vec![true; blocks.len()];
    let mut marked = vec![false; n];
    // Per block, how many of its states the current splitter reaches; the blocks it reaches.
    let mut hits = vec![0usize; blocks.len()];
    let mut touched: Vec<usize> = Vec::new();
    while let Some(splitter) = work.pop() {
        in_work[splitter] = false;
        let members = blocks[splitter].clone();
        for c in 0..stride {
            // Mark the states that move into the splitter on this class.
            for &t in &members {
                for &s in &incoming[first[c * n + t]..first[c * n + t + 1]] {
                    if !marked[s] {
                        marked[s] = true;
                        let b = block_of[s];
                        if hits[b] == 0 {
                            touched.push(b);
                        }
                        hits[b] += 1;
                    }
                }
            }
            for b in touched.drain(..) {
                let (inside, kept): (Vec<usize>, Vec<usize>) =
                    blocks[b].iter().partition(|&&s| marked[s]);
                for &s in &inside {
                    marked[s] = false;
                }
                hits[b] = 0;
                if kept.is_empty() {
                    continue;
                }
                let new = blocks.len();
                for &s in &inside {
                    block_of[s] = new;
                }
                let smaller_is_new = inside.len() <= kept.len();
                blocks[b] = kept;
                blocks.push(inside);
                hits.push(0);
                in_work.push(false);
                let add = if in_work[b] || smaller_is_new { new } else { b };
                work.push(add);
                in_work[add] = true;
            }
        }
    }
    // Renumber breadth-first from the start; the dead state's block stays 0.
    let dead_block = block_of[0];
    let start_state = tables.start as usize / stride;
    let mut number = vec![usize::MAX; blocks.len()];
    number[dead_block] = 0;
    let mut numbered = 1;
    let mut queue = Vec::new();
    if block_of[start_state] != dead_block {
        number[block_of[start_state]] = 1;
        numbered = 2;
        queue.push(start_state);
    }
    let mut transitions = vec![0u32; stride];
    let mut accepting = vec![false];
    let mut i = 0;
    while i < queue.len() {
        let s = queue[i];
        i += 1;
        accepting.push(tables.accepting[s]);
        for c in 0..stride {
            let t = target(s, c);
            let block = block_of[t];
            if number[block] == usize::MAX {
                number[block] = numbered;
                numbered += 1;
                queue.push(t);
            }
            transitions.push((number[block] * stride) as u32);
        }
    }
    Tables {
        classes: tables.classes,
        stride: tables.stride,
        transitions,
        accepting,
        start: if queue.is_empty() { 0 } else { stride as u32 },
        counter: None,
        wide: None,
        reversed: tables.reversed,
        begins_with: Vec::new(),
        ends_with: Vec::new(),
        also: None,
        tail: None,
        relaxed: None,
    }
}

#[cfg(test)]
mod tests {
    use super::{
        ATTEMPTS, MATCHES_NOTHING, MAX_TRANSITIONS, Tables, accept_nothing, build, build_over,
        chained, conjuncts, length_conflict, open_at_both_ends,
    };
    use crate::pattern::java::parse;
    use crate::pattern::reverse::reversed;
    use crate::pattern::simplify::simplified;

    /// Every value of up to `most` characters of `alphabet`, and 2,000 random longer ones.
    fn values(alphabet: &[char], most: u32) -> Vec<String> {
        let mut values = vec![String::new()];
        let mut level = vec![String::new()];
        for _ in 0..most {
            level = level
                .iter()
                .flat_map(|v| alphabet.iter().map(move |c| format!("{v}{c}")))
                .collect();
            values.extend(level.iter().cloned());
        }
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..2_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 200) as usize;
            let value = (0..len)
                .map(|i| alphabet[((seed >> (i % 50)) as usize + i * 7) % alphabet.len()])
                .collect();
            values.push(value);
        }
        values
    }

    fn assert_agree(pattern: &str, a: &Tables, b: &Tables, values: &[String]) {
        let mut accepted = 0;
        for value in values {
            assert_eq!(a.matches(value), b.matches(value), "{pattern} on {value:?}");
            accepted += usize::from(a.matches(value));
        }
        assert!(accepted > 0, "{pattern} accepts none of the values");
    }

    #[test]
    fn a_mirrored_pattern_read_backwards_is_the_pattern() {
        let alphabet = ['a', 'b', '-', 'é', '\n', '😀'];
        let values = values(&alphabet, 6);
        for pattern in [
            "^ab$|b",
            "a\\bb|a\\b-|\\b",
            "[ab]{2,70}é?",
            "a.{1,80}-b?",
            "(a|é)+\\B[bé]?",
            "ab$",
            "é[^b]+😀?",
            "(a[ab]{0,99}-b{3})|-",
            "-[ab]{1,70}(-*[ab]){0,70}",
            "(a-?)*b$",
        ] {
            let node = simplified(&parse(pattern).unwrap());
            let forward = build_over(&node, None, false, &ATTEMPTS, MAX_TRANSITIONS)
                .unwrap_or_else(|e| panic!("{pattern}: {e}"))
                .expect("forwards");
            let mirrored = reversed(&node).expect("a mirror image");
            let backward = build_over(&mirrored, None, true, &ATTEMPTS, MAX_TRANSITIONS)
                .unwrap()
                .expect("backwards");
            assert!(backward.reversed && !forward.reversed);
            assert_agree(pattern, &forward, &backward, &values);
        }
        // Look-around reads in one direction, and so does a `$` that may stand before a final
        // line terminator: no mirror image.
        for pattern in ["a(?=b)b", "(?<=a)b", "(?>a*)b", "a$\\n?"] {
            assert!(reversed(&parse(pattern).unwrap()).is_none(), "{pattern}");
        }
        // A search open at both ends is not mirrored: it would search the same way.
        let open = |pattern: &str| open_at_both_ends(&parse(pattern).unwrap());
        assert!(open(".*cron\\(.*") && open("^[a-z]*x[^:]*$"));
        assert!(!open("a.*") && !open(".*a") && !open(".+a.*") && !open(".*"));
    }

    #[test]
    fn leading_look_aheads_are_automata_of_their_own() {
        let alphabet = ['a', 'b', 'c', '\n', 'é'];
        let values = values(&alphabet, 6);
        for pattern in [
            "(?=[ab]*$)(?!.*bb)[a-c]{1,100}",
            "^(?=.{2,5}$)a.*",
            "(?=.*b)(?=.*é).{0,80}",
            "(?!a)[a-c]*\\n?",
        ] {
            let node = simplified(&parse(pattern).unwrap());
            let whole = build_over(&node, None, false, &ATTEMPTS, MAX_TRANSITIONS)
                .unwrap()
                .expect("one automaton");
            let parts = conjuncts(&node).expect("look-aheads");
            let looks = pattern.matches("(?").count();
            assert_eq!(parts.len(), looks + 1, "{pattern}");
            let built = parts
                .iter()
                .map(|part| build(part).unwrap().expect("a part"));
            let conjoined = chained(built.collect()).expect("automata");
            assert_agree(pattern, &whole, &conjoined, &values);
        }
        assert!(conjuncts(&parse("a(?=b)b").unwrap()).is_none());
        assert!(conjuncts(&parse("(?<=a)b").unwrap()).is_none());
    }

    #[test]
    fn look_aheads_no_rest_satisfies_match_nothing() {
        let parts = |pattern: &str| -> Vec<Tables> {
            conjuncts(&parse(pattern).unwrap())
                .expect("conjuncts")
                .iter()
                .map(|part| build(part).unwrap().expect("a part"))
                .collect()
        };
        let stack = "arn:aws[a-z\\-]*:cloudformation:[a-z0-9\\-]*:[0-9]{12}:stack/\
                     [a-zA-Z][a-zA-Z0-9-]{0,127}/.*";
        // The shortest rest, `arn:aws:cloudformation::123456789012:stack/a/`, is 45 long.
        let too_short = format!("(?=.{{1,40}}$){stack}");
        assert_eq!(accept_nothing(&parts(&too_short)), Some(true));
        assert_eq!(
            accept_nothing(&parts(&format!("(?=.{{1,45}}$){stack}"))),
            Some(false)
        );
        assert_eq!(
            accept_nothing(&parts("(?=[0-9])(?![0-5])[0-9]+")),
            Some(false)
        );
        assert_eq!(
            accept_nothing(&parts("(?=[0-9])(?![0-9])[0-9]+")),
            Some(true)
        );
        // Past the budget as one automaton: a look-ahead on the length that the rest is always
        // longer than.
        let too_long = format!("(?=.{{1,256}}$){stack}x{{220}}");
        let node = parse(&too_long).unwrap();
        assert!(super::build_either_way(&node).unwrap().is_none());
        assert_eq!(length_conflict(&node), Some((265, 257)));
        let conflict = |pattern: &str| length_conflict(&parse(pattern).unwrap());
        assert_eq!(conflict(&format!("(?=.{{1,265}}$){stack}x{{220}}")), None);
        assert_eq!(conflict(&format!("(?=.{{1,256}}){stack}x{{220}}")), None);
        assert!(build(&node).unwrap_err().starts_with(MATCHES_NOTHING));
        // `$` may stand before a line terminator that ends the value.
        assert_eq!(conflict("(?=a{2}$)[a\\n]{3}"), None);
        assert_eq!(conflict("(?=a{2}\\z)[a\\n]{3}"), Some((3, 2)));
        // A length of at most 64 is unrolled into states, which the search follows; a longer
        // one is counted, and the search cannot tell, but the lengths can.
        let unrolled = format!("(?=.{{1,40}}$)(?=.{{1,256}}$){stack}");
        assert_eq!(accept_nothing(&parts(&unrolled)), Some(true));
        let counted = format!("(?=.{{1,100}}$)(?=.{{1,256}}$){stack}x{{60}}");
        assert_eq!(accept_nothing(&parts(&counted)), Some(false));
        assert_eq!(length_conflict(&parse(&counted).unwrap()), Some((105, 101)));
    }

    #[test]
    fn the_literal_prefix_ends_where_a_state_reads_more_than_one_byte() {
        let prefix = |pattern: &str| {
            let tables = build_over(
                &parse(pattern).unwrap(),
                None,
                false,
                &ATTEMPTS,
                MAX_TRANSITIONS,
            )
            .unwrap()
            .expect("an automaton");
            String::from_utf8(tables.literal_prefix().0).unwrap()
        };
        assert_eq!(prefix("arn:aws:iam::[0-9]{12}"), "arn:aws:iam::");
        assert_eq!(prefix("ab|ac"), "a");
        // Past an accepting state, a value may end: the prefix stops there.
        assert_eq!(prefix("abc(def)?"), "abc");
        // The start may accept (the empty value) and still lead on to a prefix.
        assert_eq!(prefix("$|^s3://[a-z]+"), "s3://");
        assert_eq!(prefix("(?i)arn:"), "");
        assert_eq!(prefix("a*b"), "");
        assert_eq!(prefix("é[a-z]"), "é");
        // A counting state is where the prefix ends: the register starts there.
        assert_eq!(prefix("x.{1,100}y"), "x");
    }

    #[test]
    fn several_counts_under_way_are_kept_as_a_set() {
        // Where `.{3,1016}` begins is not known until the value ends; `tests/tests/patterns.rs`
        // checks such automata against `regex` on generated values. Read from the end, only one
        // count is under way, so that is the automaton `build` keeps.
        let node = parse("https://([^/]+)/?.{3,1016}").unwrap();
        let forward = build_over(&node, None, false, &ATTEMPTS, MAX_TRANSITIONS)
            .unwrap()
            .expect("an automaton");
        assert!(forward.counts_sets() && !forward.reversed);
        let built = build(&node).unwrap().expect("an automaton");
        assert!(built.counter.is_some() && !built.counts_sets() && built.reversed);
        for tables in [&forward, &built] {
            let long = |n: usize| format!("https://host/{}", "x".repeat(n));
            assert!(tables.matches("https://a/bcd"));
            assert!(tables.matches("https://abcd"));
            assert!(!tables.matches("https://abc"));
            assert!(!tables.matches("https://a/b"));
            assert!(tables.matches(&long(1016)));
            // `[^/]+` cannot take the `/`, so no split leaves 1,016 or fewer after it.
            assert!(!tables.matches(&long(1017)));
            // Without the `/`, `.{3,1016}` may begin anywhere after the first character.
            assert!(tables.matches(&format!("https://{}", "x".repeat(1017))));
            assert!(tables.matches(&format!("https://{}", "x".repeat(3000))));
            assert!(!tables.matches("https://a/bc\n"));
        }
        // Either way, where `.{1,1024}` begins depends on the `/?` before it, and where it ends
        // on the last `/`.
        let node = parse("s3://([a-z0-9][a-z0-9-.]{1,61}[a-z0-9])/?((.{1,1024})/)?").unwrap();
        let tables = build(&node).unwrap().expect("an automaton");
        assert!(tables.counts_sets());
        let slashes = |n: usize| format!("s3://bucket{}", "/".repeat(n));
        assert!(tables.matches(&slashes(1026)));
        assert!(!tables.matches(&slashes(1027)));
        assert!(tables.matches(&format!("s3://bucket/{}/", "a".repeat(1024))));
    }

    #[test]
    fn a_pattern_past_the_budget_every_other_way_is_cut_in_two() {
        // Each needs two counts at once read from either end; each side of the cut needs one.
        // The answers are Java 17's.
        let cases = "arn:[a-z-]*?:cases:[a-z0-9-]*?:[0-9]{12}:domain/.{1,500}/case/\
                     [A-Za-z0-9\\-._/:#=+-]{1,500}";
        let url = "https?://(?:www.)?[a-zA-Z0-9@:._+~#=-]{2,256}\\.[a-z]{2,6}\\b\
                   (?:[-a-zA-Z0-9@:%_+.~#?&/=]{0,2048})";
        let built = |pattern: &str| {
            let node =
                crate::pattern::boundary::settled(&simplified(&parse(pattern).unwrap())).unwrap();
            let tables = build(&node).unwrap().expect("an automaton");
            assert!(
                tables
                    .tail
                    .as_ref()
                    .is_some_and(|tail| tail.tables.reversed)
            );
            assert!(!tables.reversed && tables.transitions.len() <= MAX_TRANSITIONS);
            tables
        };
        let x = |n: usize| "x".repeat(n);
        let domain = |rest: &str| format!("arn:aws:cases:us-east-1:123456789012:domain/{rest}");
        let tables = built(cases);
        for (rest, java) in [
            ("d/case/c".to_owned(), true),
            ("/case/c".to_owned(), false),
            ("d/case/".to_owned(), false),
            (format!("{}/case/{}", x(500), x(500)), true),
            (format!("{}/case/{}", x(501), x(500)), false),
            (format!("{}/case/{}", x(500), x(501)), false),
            (format!("{}/case/{}/case/{}", x(300), x(300), x(300)), false),
            (format!("{}/case/{}/case/{}", x(100), x(450), x(450)), false),
            (format!("{}/case/{}/case/{}", x(100), x(300), x(501)), false),
            ("x\n/case/y".to_owned(), false),
            ("x/case/y\n".to_owned(), false),
            ("é/case/y".to_owned(), true),
            ("x/case/é".to_owned(), false),
        ] {
            assert_eq!(tables.matches(&domain(&rest)), java, "{rest:?}");
        }
        let tables = built(url);
        for (value, java) in [
            ("https://example.com".to_owned(), true),
            ("http://www.example.com/path?q=1".to_owned(), true),
            ("https://a.co".to_owned(), false),
            ("https://ab.c".to_owned(), false),
            ("https://ab.com1".to_owned(), false),
            (format!("https://ab.com/{}", x(2044)), true),
            (format!("https://ab.com/{}", x(2048)), false),
            (format!("https://{}.com", x(256)), true),
            (format!("https://{}.com", x(257)), false),
            (format!("https://www.{}.com", x(256)), true),
            (format!("https://wwwx{}.com", x(256)), true),
            (
                format!("https://{}.com{}.org", x(200), "/x.y".repeat(100)),
                true,
            ),
            (format!("https://h.h{}.com", x(300)), false),
        ] {
            assert_eq!(tables.matches(&value), java, "{value:?}");
        }
    }

    #[test]
    fn an_automaton_past_the_budget_as_built_fits_once_minimized() {
        // Built, the cron pattern's automaton over characters has 210,420 transitions; minimized,
        // 40,488. Its answers are Java 17's.
        let pattern = ".*cron\\((\\b[0-5]?[0-9]\\b) (\\b2[0-3]\\b|\\b[0-1]?[0-9]\\b) \
                       ([-?*,/\\dLW]){1,83} ([-*,/\\d]|[a-zA-Z]{3}){1,23} \
                       ([-?#*,/\\dL]|[a-zA-Z]{3}){1,13} ([^\\)]+)\\).*";
        let node =
            crate::pattern::boundary::settled(&simplified(&parse(pattern).unwrap())).unwrap();
        let tables = build(&node).unwrap().expect("an automaton");
        assert!(tables.wide.is_some() && tables.counter.is_none());
        assert!(tables.transitions.len() <= super::MAX_TRANSITIONS);
        for (value, java) in [
            ("cron(0 12 * * ? *)", true),
            ("at cron(15 10 ? * 6L 2022) ok", true),
            ("cron(60 12 * * ? *)", false),
            ("cron(0 12 * * ? *)\n", false),
            ("cron(0 24 * * ? *)", false),
            ("cron(0 12 * JAN MON-FRI *)", true),
            ("cron(0 12 * * ? \n)", true),
        ] {
            assert_eq!(tables.matches(value), java, "{value:?}");
        }
    }
}
