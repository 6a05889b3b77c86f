//! Decoding one UTF-8 character, in `const` context: what a walk over characters (rather than
//! bytes) reads, strict enough that malformed input never decodes.

/// The character that starts at `bytes[at]` (not ASCII) and its length in bytes, or `None` when
/// the bytes there are not well-formed UTF-8 (overlong forms and surrogates included).
#[inline(always)]
pub const fn decode_at(bytes: &[u8], at: usize) -> Option<(u32, usize)> {
    let lead = bytes[at];
    // The range the second byte must be in, which rules out overlong forms, surrogates and
    // values past U+10FFFF (Unicode's table of well-formed byte sequences).
    let (width, low, high) = match lead {
        0xC2..=0xDF => (2, 0x80, 0xBF),
        0xE0 => (3, 0xA0, 0xBF),
        0xE1..=0xEC | 0xEE..=0xEF => (3, 0x80, 0xBF),
        0xED => (3, 0x80, 0x9F),
        0xF0 => (4, 0x90, 0xBF),
        0xF1..=0xF3 => (4, 0x80, 0xBF),
        0xF4 => (4, 0x80, 0x8F),
        _ => return None,
    };
    if at + width > bytes.len() {
        return None;
    }
    let second = bytes[at + 1];
    if second < low || second > high {
        return None;
    }
    let mut c = (lead as u32) & (0x7F >> width);
    let mut i = 1;
    while i < width {
        let byte = bytes[at + i];
        if byte & 0xC0 != 0x80 {
            return None;
        }
        c = (c << 6) | (byte & 0x3F) as u32;
        i += 1;
    }
    Some((c, width))
}

#[cfg(test)]
mod tests {
    use super::decode_at;

    #[test]
    fn decodes_exactly_what_str_accepts() {
        for c in [
            'é',
            '\u{7FF}',
            '\u{800}',
            '\u{FFFD}',
            '\u{10000}',
            '\u{10FFFF}',
        ] {
            let text = c.to_string();
            assert_eq!(
                decode_at(text.as_bytes(), 0),
                Some((u32::from(c), text.len()))
            );
        }
        for bad in [
            &[0xC0, 0x80][..],
            &[0xE0, 0x80, 0x80],
            &[0xED, 0xA0, 0x80],
            &[0xF4, 0x90, 0x80, 0x80],
            &[0xF5, 0x80, 0x80, 0x80],
            &[0xC3],
            &[0xE2, 0x82],
            &[0x80],
            &[0xC3, 0x41],
        ] {
            assert_eq!(decode_at(bad, 0), None, "{bad:x?}");
        }
    }
}
