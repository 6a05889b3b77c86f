//! The straight-line matcher for the common shape of patterns: literal text, runs of classes
//! with repetition counts and alternatives chosen by their first byte (`farm-[0-9a-f]{32}`,
//! `[\.\-_A-Za-z0-9]+`, `task-[0-9a-f]{32}-(0|[1-9][0-9]{0,9})`). The derive emits a small
//! function per pattern that strings these steps together with the class as a constant
//! predicate, so a fixed-length run compiles to a branch-free, vectorizable loop. Patterns of
//! other shapes use the automaton.
//!
//! Each step advances `at` past what it matched and says whether it matched; a step never looks
//! past the text, so any input is safe.

/// Whether `byte` is in the set of ASCII bytes whose bit is set in `below_64` (bytes 0 to 63)
/// or `from_64` (bytes 64 to 127): a select and a shift, no branch. The derive tests a class of
/// many ranges this way; as comparisons it compiles to a jump table, whose branch a value of
/// mixed characters mispredicts on every other byte.
#[inline(always)]
pub const fn in_set(below_64: u64, from_64: u64, byte: u8) -> bool {
    let word = if byte < 64 { below_64 } else { from_64 };
    (byte < 0x80) & ((word >> (byte & 63)) & 1 == 1)
}

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

/// [`run`] of the class of the ASCII bytes `lo` to `hi` (`[0-9]*`; `lo <= hi <= 0x7F`, as the
/// derive emits it), eight bytes at a time: a run of digits in an ARN is twelve long, and a loop
/// that tests each byte and may stop at any waits on a branch per byte.
#[inline(always)]
pub fn range_run(text: &[u8], at: &mut usize, min: usize, max: usize, lo: u8, hi: u8) -> bool {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    let rest = &text[*at..];
    let limit = rest.len().min(max);
    let mut count = 0;
    while let Some(chunk) = rest[count..limit].first_chunk::<8>() {
        let word = u64::from_le_bytes(*chunk);
        // For an ASCII byte `b`, `b + 127 - hi` has its high bit set when `b > hi`, and
        // `b + 128 - lo` has it clear when `b < lo`, neither carrying out of its byte. A byte
        // past ASCII has its own high bit set; adding to it may carry into the bytes after it,
        // but the first byte outside the class is all that is read.
        let above = word.wrapping_add(ONES * u64::from(127 - hi));
        let not_below = word.wrapping_add(ONES * u64::from(128 - lo));
        let outside = (word | above | !not_below) & HIGH;
        if outside != 0 {
            count += outside.trailing_zeros() as usize / 8;
            *at += count;
            return count >= min;
        }
        count += 8;
    }
    while count < limit && (lo..=hi).contains(&rest[count]) {
        count += 1;
    }
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

/// Between `min` and `max` characters of a class that holds every character beyond ASCII
/// (`\S`, `[^:/]`), as many as there are (the derive checks that the next step cannot begin with
/// one). In well-formed UTF-8 such a run is a run of bytes, each beyond ASCII or in `ascii`, so
/// nothing is decoded; its characters are its bytes that begin one.
#[inline(always)]
pub fn beyond_ascii_run(
    text: &[u8],
    at: &mut usize,
    min: usize,
    max: usize,
    ascii: impl Fn(u8) -> bool,
) -> bool {
    let rest = &text[*at..];
    let end = rest
        .iter()
        .position(|&byte| byte < 0x80 && !ascii(byte))
        .unwrap_or(rest.len());
    *at += end;
    character_count_within(&rest[..end], min, max)
}

/// The rest of the text: between `min` and `max` characters, all of a class that holds every
/// character beyond ASCII (the last step), in one pass the compiler can vectorize.
#[inline(always)]
pub fn beyond_ascii_rest(
    text: &[u8],
    at: &mut usize,
    min: usize,
    max: usize,
    ascii: impl Fn(u8) -> bool,
) -> bool {
    let rest = &text[*at..];
    let all = rest
        .iter()
        .fold(true, |all, &byte| all & (byte >= 0x80 || ascii(byte)));
    *at = text.len();
    all && character_count_within(rest, min, max)
}

/// Whether the well-formed UTF-8 `run` holds between `min` and `max` characters.
#[inline(always)]
fn character_count_within(run: &[u8], min: usize, max: usize) -> bool {
    if max == usize::MAX && min <= 1 {
        // A character is at least one byte: no need to count them.
        return run.len() >= min;
    }
    // Continuation bytes are 0x80..=0xBF, the only bytes below -0x40 as `i8`.
    let characters = run.iter().filter(|&&byte| byte as i8 >= -0x40).count();
    characters >= min && characters <= max
}

/// Between `min` and `max` characters of a class with members beyond ASCII, as many as there
/// are (the derive checks that the next step cannot begin with one): ASCII bytes are tested by
/// `ascii`, other characters decoded and tested by `wide`. `text` is well-formed UTF-8.
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
            let (c, width) = decode_well_formed(text, i);
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
/// ASCII, the character-by-character run otherwise. `compared` and `ascii` test the same class,
/// `compared` in a form that vectorizes.
#[inline(always)]
pub fn wide_rest(
    text: &[u8],
    at: &mut usize,
    min: usize,
    max: usize,
    compared: impl Fn(u8) -> bool,
    ascii: impl Fn(u8) -> bool,
    wide: impl Fn(u32) -> bool,
) -> bool {
    let rest = &text[*at..];
    // The class holds no byte past 0x7F, so this is "all ASCII, all members".
    if rest.iter().fold(true, |all, &byte| all & compared(byte)) {
        *at = text.len();
        return rest.len() >= min && rest.len() <= max;
    }
    wide_run(text, at, min, max, ascii, wide)
}

/// The character beyond ASCII that starts at `text[at]` and its length in bytes, in text known
/// to be well-formed UTF-8 (a matcher's input is a `str`): the lead byte gives the length and
/// nothing is checked. Bytes past the end read as zero, so malformed input cannot panic; it
/// only gets a meaningless answer.
#[inline(always)]
fn decode_well_formed(text: &[u8], at: usize) -> (u32, usize) {
    let byte = |i: usize| (text.get(at + i).copied().unwrap_or(0) & 0x3F) as u32;
    let lead = text[at] as u32;
    if lead < 0xE0 {
        (((lead & 0x1F) << 6) | byte(1), 2)
    } else if lead < 0xF0 {
        (((lead & 0x0F) << 12) | (byte(1) << 6) | byte(2), 3)
    } else {
        (
            ((lead & 0x07) << 18) | (byte(1) << 12) | (byte(2) << 6) | byte(3),
            4,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::{beyond_ascii_rest, beyond_ascii_run, decode_well_formed, in_set, range_run, run};

    #[test]
    fn runs_stop_at_the_first_byte_outside_the_class_or_at_the_maximum() {
        let digit = |byte: u8| byte.is_ascii_digit();
        for digits in 0..30 {
            for tail in ["", ":", "x1", "\u{e9}"] {
                let text = format!("ab{}{tail}", "7".repeat(digits));
                for (min, max) in [(0, usize::MAX), (1, 12), (12, 12), (9, 17), (0, 8)] {
                    let mut at = 2;
                    let matched = run(text.as_bytes(), &mut at, min, max, digit);
                    let taken = digits.min(max);
                    assert_eq!(at, 2 + taken, "{text:?} {min}..{max}");
                    assert_eq!(matched, taken >= min, "{text:?} {min}..{max}");
                }
            }
        }
    }

    #[test]
    fn runs_of_a_range_eight_bytes_at_a_time_stop_where_runs_byte_by_byte_do() {
        for (lo, hi) in [(b'0', b'9'), (b'a', b'z'), (0, 0x7F), (0, 0), (0x7F, 0x7F)] {
            let member = |k: usize| if k.is_multiple_of(2) { lo } else { hi };
            for members in 0..20 {
                // The text ends with the run, or with a byte outside it and more bytes after it,
                // which catch a carry out of that byte.
                for outside in (0..=256u16).map(|byte| u8::try_from(byte).ok()) {
                    let mut text: Vec<u8> = (0..members).map(member).collect();
                    if let Some(outside) = outside {
                        text.extend([outside, 0xFF, lo, hi, 0x80]);
                    }
                    for (min, max) in [(0, usize::MAX), (1, 12), (12, 12), (9, 17), (0, 8)] {
                        let (mut at, mut expected_at) = (0, 0);
                        let matched = range_run(&text, &mut at, min, max, lo, hi);
                        let class = |byte: u8| (lo..=hi).contains(&byte);
                        let expected = run(&text, &mut expected_at, min, max, class);
                        assert_eq!(
                            (matched, at),
                            (expected, expected_at),
                            "{text:?} {min} {max}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn bit_sets_hold_exactly_their_bytes() {
        let members: Vec<u8> = b"\t -/09:@AZ_az~\x7F".to_vec();
        let set = members.iter().fold(0u128, |set, &b| set | 1 << b);
        for byte in 0..=255u8 {
            assert_eq!(
                in_set(set as u64, (set >> 64) as u64, byte),
                members.contains(&byte),
                "{byte:#x}"
            );
        }
    }

    #[test]
    fn runs_beyond_ascii_count_characters() {
        let not_colon = |byte: u8| byte != b':';
        // Four characters, ten bytes, then the colon.
        let text = "aé日😀:".as_bytes();
        for (min, max, fits) in [
            (4, 4, true),
            (1, usize::MAX, true),
            (5, 9, false),
            (1, 3, false),
        ] {
            let mut at = 0;
            assert_eq!(beyond_ascii_run(text, &mut at, min, max, not_colon), fits);
            assert_eq!(at, 10);
        }
        let mut at = 0;
        assert!(!beyond_ascii_run(b":", &mut at, 1, usize::MAX, not_colon));
        let text = "😀😀".as_bytes();
        for (min, max, fits) in [(2, 2, true), (3, 8, false), (1, 1, false)] {
            let mut at = 0;
            assert_eq!(beyond_ascii_rest(text, &mut at, min, max, not_colon), fits);
        }
        let mut at = 0;
        assert!(!beyond_ascii_rest(
            "é:".as_bytes(),
            &mut at,
            1,
            8,
            not_colon
        ));
    }

    #[test]
    fn well_formed_characters_decode_as_str_reads_them() {
        for c in (0x80..=0x10FFFF).step_by(7).filter_map(char::from_u32) {
            let text = c.to_string();
            assert_eq!(
                decode_well_formed(text.as_bytes(), 0),
                (c as u32, text.len())
            );
        }
        // Malformed input gets an answer, not a panic.
        let _ = decode_well_formed(&[0xF0], 0);
    }
}
