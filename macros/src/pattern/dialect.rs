//! Translates a pattern written in the Java dialect AWS models use into regex-syntax's dialect,
//! keeping Java's meaning, and rejects what a linear-time automaton cannot run.
//!
//! Java and Rust's regex disagree where it matters for AWS patterns: `\uXXXX` escapes and
//! surrogate pairs (`\uD800\uDC00` is U+10000 in Java, an error in Rust), `\d`/`\w`/`\s` (ASCII
//! in Java, Unicode in Rust), `.` (Java excludes every line terminator, Rust only `\n`), POSIX
//! `\p{Alpha}` (ASCII in Java) and `[:alpha:]` inside a class (a nested class in Java, a POSIX
//! class in Rust). Each is rewritten here into an explicit class.

use std::fmt::Write;

/// The pattern in regex-syntax's dialect, with the source offset every output byte came from.
pub struct Translation {
    pub rust: String,
    source_offsets: Vec<usize>,
}

impl Translation {
    /// The offset in the original pattern of the construct that produced `rust_offset`.
    pub fn source_offset(&self, rust_offset: usize) -> usize {
        self.source_offsets
            .get(rust_offset)
            .or(self.source_offsets.last())
            .copied()
            .unwrap_or(0)
    }
}

/// A construct that cannot be translated: its offset in the pattern and what to say.
#[derive(Debug)]
pub struct DialectError {
    pub offset: usize,
    pub message: String,
}

const DIGIT: &str = "0-9";
const WORD: &str = "0-9A-Za-z_";
const SPACE: &str = r"\t\n\x0B\x0C\r\x20";
const VERTICAL_SPACE: &str = r"\n\x0B\x0C\r\x{85}\x{2028}\x{2029}";
const HORIZONTAL_SPACE: &str =
    r"\t\x20\xA0\x{1680}\x{180E}\x{2000}-\x{200A}\x{202F}\x{205F}\x{3000}";
/// Java's `.` without DOTALL: anything but a line terminator.
const JAVA_DOT: &str = r"[^\n\r\x{85}\x{2028}\x{2029}]";

/// Java's POSIX character classes (`\p{Alpha}` …), which are ASCII-only.
fn posix_class(name: &str) -> Option<&'static str> {
    Some(match name {
        "Lower" => "a-z",
        "Upper" => "A-Z",
        "ASCII" => r"\x00-\x7F",
        "Alpha" => "A-Za-z",
        "Digit" => "0-9",
        "Alnum" => "0-9A-Za-z",
        "Punct" => r"\x21-\x2F\x3A-\x40\x5B-\x60\x7B-\x7E",
        "Graph" => r"\x21-\x7E",
        "Print" => r"\x20-\x7E",
        "Blank" => r"\t\x20",
        "Cntrl" => r"\x00-\x1F\x7F",
        "XDigit" => "0-9A-Fa-f",
        "Space" => SPACE,
        _ => return None,
    })
}

struct Translator<'a> {
    source: &'a str,
    pos: usize,
    out: String,
    offsets: Vec<usize>,
    class_depth: usize,
    after_quantifier: bool,
}

/// Translates `source` (Java dialect) into regex-syntax's dialect.
pub fn translate(source: &str) -> Result<Translation, DialectError> {
    let mut t = Translator {
        source,
        pos: 0,
        out: String::with_capacity(source.len() * 2),
        offsets: Vec::with_capacity(source.len() * 2),
        class_depth: 0,
        after_quantifier: false,
    };
    while let Some(c) = t.peek() {
        let start = t.pos;
        t.pos += c.len_utf8();
        if t.class_depth > 0 {
            t.class_char(c, start)?;
        } else {
            t.outer_char(c, start)?;
        }
    }
    Ok(Translation {
        rust: t.out,
        source_offsets: t.offsets,
    })
}

impl Translator<'_> {
    fn peek(&self) -> Option<char> {
        self.source[self.pos..].chars().next()
    }

    fn rest(&self) -> &str {
        &self.source[self.pos..]
    }

    fn emit(&mut self, text: &str, offset: usize) {
        self.out.push_str(text);
        self.offsets.resize(self.out.len(), offset);
    }

    fn emit_ok(&mut self, text: &str, offset: usize) -> Result<(), DialectError> {
        self.emit(text, offset);
        Ok(())
    }

    fn emit_char(&mut self, c: char, offset: usize) {
        let mut buf = [0; 4];
        self.emit(c.encode_utf8(&mut buf), offset);
    }

    fn emit_code_point(&mut self, cp: u32, offset: usize) {
        let mut text = String::new();
        let _ = write!(text, r"\x{{{cp:X}}}");
        self.emit(&text, offset);
    }

    fn error(offset: usize, message: impl Into<String>) -> DialectError {
        DialectError {
            offset,
            message: message.into(),
        }
    }

    fn outer_char(&mut self, c: char, start: usize) -> Result<(), DialectError> {
        let quantifier_before = std::mem::replace(&mut self.after_quantifier, false);
        match c {
            '\\' => self.escape(start),
            '[' => self.open_class(start),
            '.' => {
                self.emit(JAVA_DOT, start);
                Ok(())
            }
            '(' => self.group(start),
            '+' if quantifier_before => Err(Self::error(
                start,
                "possessive quantifiers (`*+`, `++`, `?+`, `{n}+`) are not supported: drop the \
                 trailing `+`, which changes nothing when the whole value must match",
            )),
            '*' | '+' | '?' | '}' => {
                // `?` after a quantifier makes it lazy, which a whole-value match ignores.
                self.after_quantifier = !(c == '?' && quantifier_before);
                self.emit_char(c, start);
                Ok(())
            }
            _ => {
                self.emit_char(c, start);
                Ok(())
            }
        }
    }

    fn class_char(&mut self, c: char, start: usize) -> Result<(), DialectError> {
        match c {
            '\\' => self.escape(start),
            '[' => self.open_class(start),
            ']' => {
                self.class_depth -= 1;
                self.emit_char(']', start);
                Ok(())
            }
            // Set operators Rust knows and Java does not: keep them literal.
            '-' if self.rest().starts_with('-') => {
                self.emit(r"\-", start);
                Ok(())
            }
            '~' => {
                self.emit(r"\~", start);
                Ok(())
            }
            _ => {
                self.emit_char(c, start);
                Ok(())
            }
        }
    }

    fn open_class(&mut self, start: usize) -> Result<(), DialectError> {
        self.class_depth += 1;
        self.emit("[", start);
        if self.rest().starts_with('^') {
            self.pos += 1;
            self.emit("^", start + 1);
        }
        // `[:alpha:]` is a nested class of the characters `:alph` in Java, a POSIX class in Rust.
        if self.rest().starts_with(':') {
            self.pos += 1;
            self.emit(r"\:", start + 1);
        }
        Ok(())
    }

    fn group(&mut self, start: usize) -> Result<(), DialectError> {
        let rest = self.rest();
        let unsupported = |what: &str| {
            Err(Self::error(
                start,
                format!(
                    "{what} is not supported: patterns run as a linear-time automaton, which \
                     cannot look around or backtrack; express the rule without it"
                ),
            ))
        };
        if rest.starts_with("?=") {
            return unsupported("look-ahead `(?=`");
        }
        if rest.starts_with("?!") {
            return unsupported("negative look-ahead `(?!`");
        }
        if rest.starts_with("?<=") {
            return unsupported("look-behind `(?<=`");
        }
        if rest.starts_with("?<!") {
            return unsupported("negative look-behind `(?<!`");
        }
        if rest.starts_with("?>") {
            return unsupported("the atomic group `(?>`");
        }
        if rest.starts_with("?:") || rest.starts_with("?<") || !rest.starts_with('?') {
            self.emit("(", start);
            return Ok(());
        }
        Err(Self::error(
            start,
            "inline flags such as `(?i)` are not supported: write the alternatives out, \
             e.g. `[Aa]`",
        ))
    }

    fn escape(&mut self, start: usize) -> Result<(), DialectError> {
        let Some(c) = self.peek() else {
            return Err(Self::error(start, "the pattern ends with a lone `\\`"));
        };
        self.pos += c.len_utf8();
        let in_class = self.class_depth > 0;
        let class = |t: &mut Self, members: &str, negated: bool| {
            let text = match (in_class, negated) {
                (true, false) => members.to_owned(),
                (_, true) => format!("[^{members}]"),
                (false, false) => format!("[{members}]"),
            };
            t.emit(&text, start);
            Ok(())
        };
        match c {
            'd' => class(self, DIGIT, false),
            'D' => class(self, DIGIT, true),
            'w' => class(self, WORD, false),
            'W' => class(self, WORD, true),
            's' => class(self, SPACE, false),
            'S' => class(self, SPACE, true),
            'v' => class(self, VERTICAL_SPACE, false),
            'V' => class(self, VERTICAL_SPACE, true),
            'h' => class(self, HORIZONTAL_SPACE, false),
            'H' => class(self, HORIZONTAL_SPACE, true),
            't' => self.emit_ok(r"\t", start),
            'n' => self.emit_ok(r"\n", start),
            'r' => self.emit_ok(r"\r", start),
            'f' => self.emit_ok(r"\x0C", start),
            'a' => self.emit_ok(r"\x07", start),
            'e' => self.emit_ok(r"\x1B", start),
            'u' => self.unicode_escape(start),
            'x' => self.hex_escape(start),
            '0' => self.octal_escape(start),
            'c' => self.control_escape(start),
            'p' | 'P' => self.property(start, c == 'P'),
            'Q' => {
                let rest = self.rest();
                let (quoted, skip) = match rest.find(r"\E") {
                    Some(end) => (&rest[..end], end + 2),
                    None => (rest, rest.len()),
                };
                let escaped = regex_syntax::escape(quoted);
                self.pos += skip;
                self.emit(&escaped, start);
                Ok(())
            }
            'E' => Ok(()),
            'b' | 'B' if !in_class => {
                self.emit(if c == 'b' { r"(?-u:\b)" } else { r"(?-u:\B)" }, start);
                Ok(())
            }
            'A' if !in_class => self.emit_ok(r"\A", start),
            // `\Z` may also match before a final line terminator, which a whole-value match
            // could only use at the very end, where it means the same as `\z`.
            'z' | 'Z' if !in_class => self.emit_ok(r"\z", start),
            'R' if !in_class => {
                self.emit(r"(?:\r\n|[\n\x0B\x0C\r\x{85}\x{2028}\x{2029}])", start);
                Ok(())
            }
            '1'..='9' => Err(Self::error(
                start,
                format!(
                    "the backreference `\\{c}` is not supported: patterns run as a linear-time \
                     automaton, which cannot remember what a group matched"
                ),
            )),
            'k' => Err(Self::error(
                start,
                "the named backreference `\\k<…>` is not supported: patterns run as a \
                 linear-time automaton, which cannot remember what a group matched",
            )),
            c if c.is_ascii_alphabetic() => Err(Self::error(
                start,
                format!(
                    "the escape `\\{c}` is not supported{}",
                    if in_class {
                        " inside a character class"
                    } else {
                        ""
                    }
                ),
            )),
            c => {
                // Java allows escaping any non-letter, which then stands for itself.
                self.emit_code_point(c as u32, start);
                Ok(())
            }
        }
    }

    fn hex_digits(&mut self, count: usize, start: usize, what: &str) -> Result<u32, DialectError> {
        let digits = self.rest().get(..count).unwrap_or("").to_owned();
        if digits.len() != count || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(Self::error(
                start,
                format!("{what} needs exactly {count} hexadecimal digits"),
            ));
        }
        self.pos += count;
        Ok(u32::from_str_radix(&digits, 16).unwrap_or(0))
    }

    fn unicode_escape(&mut self, start: usize) -> Result<(), DialectError> {
        let unit = self.hex_digits(4, start, "`\\u`")?;
        let code_point = match unit {
            0xD800..=0xDBFF => {
                let low = self
                    .rest()
                    .strip_prefix(r"\u")
                    .and_then(|r| r.get(..4))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .filter(|low| (0xDC00..=0xDFFF).contains(low));
                match low {
                    Some(low) => {
                        self.pos += 6;
                        0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    }
                    None => return Err(lone_surrogate(start, unit)),
                }
            }
            0xDC00..=0xDFFF => return Err(lone_surrogate(start, unit)),
            _ => unit,
        };
        self.emit_code_point(code_point, start);
        Ok(())
    }

    fn hex_escape(&mut self, start: usize) -> Result<(), DialectError> {
        if self.rest().starts_with('{') {
            let Some(end) = self.rest().find('}') else {
                return Err(Self::error(start, "`\\x{` has no closing `}`"));
            };
            let digits = &self.rest()[1..end];
            let code_point = u32::from_str_radix(digits, 16)
                .ok()
                .filter(|cp| char::from_u32(*cp).is_some())
                .ok_or_else(|| {
                    Self::error(
                        start,
                        format!("`\\x{{{digits}}}` is not a Unicode scalar value"),
                    )
                })?;
            self.pos += end + 1;
            self.emit_code_point(code_point, start);
            return Ok(());
        }
        let code_point = self.hex_digits(2, start, "`\\x`")?;
        self.emit_code_point(code_point, start);
        Ok(())
    }

    fn octal_escape(&mut self, start: usize) -> Result<(), DialectError> {
        let digits: String = self
            .rest()
            .chars()
            .take(3)
            .take_while(|c| ('0'..='7').contains(c))
            .collect();
        // Java reads three digits only when the first is 0-3 (the value stays below 0o400).
        let digits = if digits.len() == 3 && digits.as_bytes()[0] > b'3' {
            &digits[..2]
        } else {
            &digits[..]
        };
        if digits.is_empty() {
            return Err(Self::error(start, "`\\0` needs one to three octal digits"));
        }
        self.pos += digits.len();
        self.emit_code_point(u32::from_str_radix(digits, 8).unwrap_or(0), start);
        Ok(())
    }

    fn control_escape(&mut self, start: usize) -> Result<(), DialectError> {
        match self.peek() {
            Some(c) if c.is_ascii() => {
                self.pos += 1;
                self.emit_code_point(c as u32 ^ 0x40, start);
                Ok(())
            }
            _ => Err(Self::error(
                start,
                "`\\c` needs an ASCII character after it",
            )),
        }
    }

    fn property(&mut self, start: usize, negated: bool) -> Result<(), DialectError> {
        let name = if self.rest().starts_with('{') {
            let Some(end) = self.rest().find('}') else {
                return Err(Self::error(start, "`\\p{` has no closing `}`"));
            };
            let name = self.rest()[1..end].to_owned();
            self.pos += end + 1;
            name
        } else {
            match self.peek() {
                Some(c) => {
                    self.pos += c.len_utf8();
                    c.to_string()
                }
                None => return Err(Self::error(start, "`\\p` needs a property name")),
            }
        };
        let in_class = self.class_depth > 0;
        if let Some(members) = posix_class(&name) {
            let text = match (in_class, negated) {
                (true, false) => members.to_owned(),
                (_, true) => format!("[^{members}]"),
                (false, false) => format!("[{members}]"),
            };
            self.emit(&text, start);
            return Ok(());
        }
        if name.starts_with("java") {
            return Err(Self::error(
                start,
                format!(
                    "the Java method class `\\p{{{name}}}` is not supported: write the class out"
                ),
            ));
        }
        // Unicode categories and scripts mean the same in both dialects; Java's `Is`/`In`
        // prefixes are dropped.
        let name = name
            .strip_prefix("Is")
            .or_else(|| name.strip_prefix("In"))
            .unwrap_or(&name);
        let text = format!(r"\{}{{{name}}}", if negated { 'P' } else { 'p' });
        self.emit(&text, start);
        Ok(())
    }
}

fn lone_surrogate(offset: usize, unit: u32) -> DialectError {
    DialectError {
        offset,
        message: format!(
            "`\\u{unit:04X}` is a lone surrogate, which never occurs in a Rust string: pair a \
             high surrogate with a low one (`\\uD800\\uDC00` is U+10000) or write the code \
             point as `\\x{{10000}}`"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::translate;

    fn rust(pattern: &str) -> String {
        translate(pattern)
            .map(|t| t.rust)
            .unwrap_or_else(|e| panic!("{}", e.message))
    }

    #[test]
    fn surrogate_pairs_become_code_points() {
        assert_eq!(
            rust(r"[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDC00-\uDBFF\uDFFF\t]*"),
            r"[\x{20}-\x{D7FF}\x{E000}-\x{FFFD}\x{10000}-\x{10FFFF}\t]*"
        );
    }

    #[test]
    fn shorthand_classes_are_ascii() {
        assert_eq!(rust(r"\d\w"), "[0-9][0-9A-Za-z_]");
        assert_eq!(rust(r"[\d.]"), "[0-9.]");
        assert_eq!(rust(r"\S"), r"[^\t\n\x0B\x0C\r\x20]");
    }

    #[test]
    fn dot_excludes_java_line_terminators() {
        assert_eq!(rust("a.b"), format!("a{}b", super::JAVA_DOT));
    }

    #[test]
    fn unsupported_constructs_name_their_offset() {
        let err = translate("ab(?=c)").err().unwrap();
        assert_eq!(err.offset, 2);
        assert!(err.message.contains("look-ahead"));
        let err = translate(r"(a)\1").err().unwrap();
        assert_eq!(err.offset, 3);
        assert!(err.message.contains("backreference"));
        assert!(
            translate(r"\uD800")
                .err()
                .unwrap()
                .message
                .contains("lone surrogate")
        );
        assert!(
            translate("a*+")
                .err()
                .unwrap()
                .message
                .contains("possessive")
        );
    }

    #[test]
    fn offsets_map_back_to_the_source() {
        let t = translate(r"\d[").unwrap();
        assert_eq!(t.source_offset(t.rust.len() - 1), 2);
    }
}
