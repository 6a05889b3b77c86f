//! Values to try a pattern on: random words of its automaton, near misses made from them, and a
//! fixed pool. Shared by the Java agreement test and the per-pattern benchmark.

use constrained::generate::LiveWalk;

/// A small deterministic generator, so every run checks the same values.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Values that probe what patterns disagree on: ASCII punctuation, line terminators, spaces of
/// every kind, letters beyond ASCII, supplementary characters.
pub const POOL: &[&str] = &[
    "",
    "a",
    "A",
    "z",
    "0",
    "9",
    "_",
    "-",
    ".",
    " ",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "\u{85}",
    "\u{2028}",
    "\u{A0}",
    "é",
    "É",
    "ß",
    "٣",
    "中",
    "😀",
    "aws:",
    "AWS_",
    "arn:aws:iam::123456789012:role/x",
    "https://example.com/a",
    "a b",
    "a--b",
    "a..b",
    "-a",
    "a-",
    "${a:b}",
    "true",
    "TRUE",
    "True",
    "\u{0}",
    "\u{7F}",
    "\u{FFFD}",
    "\u{10FFFF}",
    "x\n",
    "x\r\n",
    "\u{301}",
    "a\u{301}",
];

const TERMINATORS: &[&str] = &["\n", "\r", "\r\n", "\u{85}", "\u{2028}"];

/// A random word of the automaton: a walk that stays where an accepting state is reachable and
/// stops, now and then, at one. For a pattern cut in two, a walk over the head followed by one
/// over the tail, each aiming at half the length.
pub fn walk(walker: &LiveWalk<'_>, rng: &mut Rng, limit: usize) -> Option<String> {
    match walker.tail() {
        None => walk_one(walker, rng, limit),
        Some(tail) => Some(walk_one(walker, rng, limit / 2)? + &walk_one(tail, rng, limit / 2)?),
    }
}

/// [`walk`] over one automaton.
fn walk_one(walker: &LiveWalk<'_>, rng: &mut Rng, limit: usize) -> Option<String> {
    let mut state = walker.start();
    let mut register = Default::default();
    let mut bytes = Vec::new();
    loop {
        let accepting = walker.accepting(state);
        if accepting && (bytes.len() >= limit || rng.below(8) == 0) {
            return walker.value(bytes);
        }
        if bytes.len() > limit + 256 {
            return None;
        }
        // Past the limit, stop at the first accepting state.
        if accepting && bytes.len() >= limit {
            return walker.value(bytes);
        }
        // Every class equally likely, then any byte or character of it; past the limit, only
        // those that lead closest to an accepting state, so a word that must end with a long
        // literal (or begin with one, for an automaton that reads backwards) gets there.
        let steps = if bytes.len() >= limit {
            walker.steps_toward_acceptance(state, &register)
        } else {
            walker.steps(state, &register)
        };
        if steps.is_empty() {
            return accepting.then(|| walker.value(bytes)).flatten();
        }
        let step = steps[rng.below(steps.len())];
        state = walker.take(state, step, &mut register, &mut bytes);
    }
}

/// Near misses of `word`.
pub fn mutations(word: &str, rng: &mut Rng, out: &mut Vec<String>) {
    let chars: Vec<char> = word.chars().collect();
    for terminator in TERMINATORS.iter().take(2 + rng.below(3)) {
        out.push(format!("{word}{terminator}"));
    }
    if !chars.is_empty() {
        let i = rng.below(chars.len());
        let mut dropped = chars.clone();
        dropped.remove(i);
        out.push(dropped.into_iter().collect());
        let mut swapped = chars.clone();
        let pool: Vec<char> = POOL.iter().flat_map(|s| s.chars()).collect();
        swapped[i] = pool[rng.below(pool.len())];
        out.push(swapped.into_iter().collect());
        let mut doubled = chars.clone();
        doubled.insert(i, chars[i]);
        out.push(doubled.into_iter().collect());
        let mut cased = chars.clone();
        cased[i] = if chars[i].is_ascii_lowercase() {
            chars[i].to_ascii_uppercase()
        } else {
            chars[i].to_ascii_lowercase()
        };
        out.push(cased.into_iter().collect());
    }
    out.push(format!(" {word}"));
    out.push(format!("{word}{word}"));
}
