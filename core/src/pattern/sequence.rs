//! The straight-line matcher for the common shape of patterns: literal text and runs of ASCII
//! classes with repetition counts (`farm-[0-9a-f]{32}`, `[\.\-_A-Za-z0-9]+`). The derive emits a
//! small function per pattern that strings these steps together with the class as a constant
//! predicate, so a fixed-length run compiles to a branch-free, vectorizable loop. Patterns of
//! other shapes use the automaton.
//!
//! Each step advances `at` past what it matched and says whether it matched; a step never looks
//! past the text, so any input is safe.

/// `literal` at `at`.
#[inline(always)]
pub fn literal(text: &[u8], at: &mut usize, literal: &[u8]) -> bool {
    let end = *at + literal.len();
    if text.len() < end || &text[*at..end] != literal {
        return false;
    }
    *at = end;
    true
}

/// Exactly `count` bytes of the class at `at`.
#[inline(always)]
pub fn exact(text: &[u8], at: &mut usize, count: usize, class: impl Fn(u8) -> bool) -> bool {
    let end = *at + count;
    if text.len() < end {
        return false;
    }
    // No early exit: the whole run is checked, which lets the loop run as vector code.
    let all = text[*at..end]
        .iter()
        .fold(true, |all, &byte| all & class(byte));
    *at = end;
    all
}

/// Between `min` and `max` bytes of the class, as many as there are, when the next step cannot
/// begin with a byte of the class (the derive checks this), so taking the longest run is what a
/// regular expression would do.
#[inline(always)]
pub fn run(
    text: &[u8],
    at: &mut usize,
    min: usize,
    max: usize,
    class: impl Fn(u8) -> bool,
) -> bool {
    let rest = &text[*at..];
    let limit = rest.len().min(max);
    let count = rest[..limit]
        .iter()
        .position(|&byte| !class(byte))
        .unwrap_or(limit);
    *at += count;
    count >= min
}

/// The rest of the text: between `min` and `max` bytes, all of the class (the last step).
#[inline(always)]
pub fn rest(
    text: &[u8],
    at: &mut usize,
    min: usize,
    max: usize,
    class: impl Fn(u8) -> bool,
) -> bool {
    let count = text.len() - *at;
    count >= min && count <= max && exact(text, at, count, class)
}
