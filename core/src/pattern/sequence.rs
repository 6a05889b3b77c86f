//! The straight-line matcher for the common shape of patterns: literal text, runs of classes
//! with repetition counts and alternatives chosen by their first byte (`farm-[0-9a-f]{32}`,
//! `[\.\-_A-Za-z0-9]+`, `task-[0-9a-f]{32}-(0|[1-9][0-9]{0,9})`). The derive emits a small
//! function per pattern that strings these steps together with the class as a constant
//! predicate, so a fixed-length run compiles to a branch-free, vectorizable loop. Patterns of
//! other shapes use the automaton.
//!
//! Each step advances `at` past what it matched and says whether it matched; a step never looks
//! past the text, so any input is safe.

use super::utf8::decode_at;

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

/// Between `min` and `max` characters of a class with members beyond ASCII, as many as there
/// are (the derive checks that the next step cannot begin with one): ASCII bytes are tested by
/// `ascii`, other characters decoded and tested by `wide`.
#[inline(always)]
pub fn wide_run(
    text: &[u8],
    at: &mut usize,
    min: usize,
    max: usize,
    ascii: impl Fn(u8) -> bool,
    wide: impl Fn(u32) -> bool,
) -> bool {
    let mut count = 0;
    let mut i = *at;
    while count < max && i < text.len() {
        let byte = text[i];
        if byte < 0x80 {
            if !ascii(byte) {
                break;
            }
            i += 1;
        } else {
            let Some((c, width)) = decode_at(text, i) else {
                break;
            };
            if !wide(c) {
                break;
            }
            i += width;
        }
        count += 1;
    }
    *at = i;
    count >= min
}

/// The rest of the text, between `min` and `max` characters of a class with members beyond
/// ASCII (the last step): one pass over the bytes the compiler can vectorize when they are all
/// ASCII, the character-by-character run otherwise.
#[inline(always)]
pub fn wide_rest(
    text: &[u8],
    at: &mut usize,
    min: usize,
    max: usize,
    ascii: impl Fn(u8) -> bool,
    wide: impl Fn(u32) -> bool,
) -> bool {
    let rest = &text[*at..];
    // `ascii` holds no byte past 0x7F, so this is "all ASCII, all members".
    if rest.iter().fold(true, |all, &byte| all & ascii(byte)) {
        *at = text.len();
        return rest.len() >= min && rest.len() <= max;
    }
    wide_run(text, at, min, max, ascii, wide)
}
