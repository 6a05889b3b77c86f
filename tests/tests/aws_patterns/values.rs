//! Values to try a pattern on: random words of its automaton, near misses made from them, and a
//! fixed pool. Shared by the Java agreement test and the per-pattern benchmark.

use constrained::Automaton;

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
/// stops, now and then, at one.
pub fn walk(automaton: &Automaton, live: &[bool], rng: &mut Rng, limit: usize) -> Option<String> {
    let stride = automaton.stride as usize;
    let mut state = automaton.start as usize;
    let mut register = 0;
    let mut bytes = Vec::new();
    let samples = automaton.sample_characters();
    loop {
        let accepting = automaton.accepting[state / stride] != 0;
        if accepting && (bytes.len() >= limit || rng.below(8) == 0) {
            return String::from_utf8(bytes).ok();
        }
        if bytes.len() > limit + 64 {
            return None;
        }
        // Past the limit, stop at the first accepting state.
        if accepting && bytes.len() >= limit {
            return String::from_utf8(bytes).ok();
        }
        // Over characters: any character of a live transition.
        if let Some(samples) = &samples {
            let choices: Vec<char> = samples
                .iter()
                .copied()
                .filter(|&c| {
                    let next = automaton.next_state_after(state, c, &mut register.clone());
                    next != 0 && live[next / stride]
                })
                .collect();
            if choices.is_empty() {
                return accepting.then(|| String::from_utf8(bytes).ok()).flatten();
            }
            let c = choices[rng.below(choices.len())];
            bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
            state = automaton.next_state_after(state, c, &mut register);
            continue;
        }
        let choices: Vec<u8> = (0..=255u8)
            .filter(|&b| {
                let next = automaton.next_state(state, b, &mut register.clone());
                next != 0 && live[next / stride]
            })
            .collect();
        if choices.is_empty() {
            return accepting.then(|| String::from_utf8(bytes).ok()).flatten();
        }
        // Every class equally likely, then any byte of it.
        let byte = choices[rng.below(choices.len())];
        bytes.push(byte);
        state = automaton.next_state(state, byte, &mut register);
    }
}

/// Which states can still reach an accepting state.
pub fn live_states(automaton: &Automaton) -> Vec<bool> {
    let stride = automaton.stride as usize;
    let states = automaton.accepting.len();
    let mut live: Vec<bool> = automaton.accepting.iter().map(|&a| a != 0).collect();
    let mut changed = true;
    while changed {
        changed = false;
        for s in 0..states {
            if !live[s]
                && (0..stride)
                    .any(|c| live[automaton.transitions[s * stride + c] as usize / stride])
            {
                live[s] = true;
                changed = true;
            }
        }
    }
    live
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
