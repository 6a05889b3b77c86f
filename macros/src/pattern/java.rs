//! Parses a pattern written in the Java dialect AWS models use (`java.util.regex.Pattern`) into a
//! [`Node`] tree with Java's meaning: ASCII `\d`/`\w`/`\s` and POSIX classes, `.` without any line
//! terminator, `\uXXXX` escapes with surrogate pairs, nested classes with `&&`, inline flags
//! (`(?i)` folding ASCII case only unless `u` is on, `(?s)`, `(?x)`), look-around, atomic groups
//! and possessive quantifiers. Only backreferences, which no finite automaton can run, and the
//! flags that change line handling (`m`, `d`) or make classes Unicode (`U`) are rejected.

use super::node::{Assertion, Look, Node, Repeat};
use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange};

/// A construct that cannot be parsed: its byte offset in the pattern and what to say.
#[derive(Debug)]
pub struct SyntaxError {
    pub offset: usize,
    pub message: String,
}

/// The flags in effect at a point of the pattern.
#[derive(Clone, Copy, Debug, Default)]
struct Flags {
    case_insensitive: bool,
    unicode_case: bool,
    dot_all: bool,
    comments: bool,
}

const LINE_TERMINATORS: &[(char, char)] = &[
    ('\n', '\n'),
    ('\r', '\r'),
    ('\u{85}', '\u{85}'),
    ('\u{2028}', '\u{2029}'),
];

fn set(ranges: &[(char, char)]) -> ClassUnicode {
    ClassUnicode::new(ranges.iter().map(|&(a, b)| ClassUnicodeRange::new(a, b)))
}

/// Every scalar value not in `class`. Computed here rather than by `ClassUnicode::negate`, which
/// reads two ranges either side of the surrogate gap (`…-\u{D7FF}`, `\u{E000}-…`) as having a gap
/// between them and puts back a range across it.
fn negated(class: ClassUnicode) -> ClassUnicode {
    let mut gaps = Vec::new();
    let mut next = 0u32;
    let mut push = |from: u32, to: u32| {
        for (lo, hi) in [(from, to.min(0xD7FF)), (from.max(0xE000), to)] {
            if lo <= hi
                && let (Some(lo), Some(hi)) = (char::from_u32(lo), char::from_u32(hi))
            {
                gaps.push(ClassUnicodeRange::new(lo, hi));
            }
        }
    };
    for range in class.iter() {
        let (start, end) = (range.start() as u32, range.end() as u32);
        if start > next {
            push(next, start - 1);
        }
        next = end + 1;
    }
    if next <= 0x10FFFF {
        push(next, 0x10FFFF);
    }
    ClassUnicode::new(gaps)
}

/// Java's `\d`, `\w`, `\s`, `\h`, `\v` (ASCII, as Java reads them without `UNICODE_CHARACTER_CLASS`).
fn shorthand(c: char) -> Option<ClassUnicode> {
    let class = match c.to_ascii_lowercase() {
        'd' => set(&[('0', '9')]),
        'w' => set(&[('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')]),
        's' => set(&[('\t', '\r'), (' ', ' ')]),
        'h' => set(&[
            ('\t', '\t'),
            (' ', ' '),
            ('\u{A0}', '\u{A0}'),
            ('\u{1680}', '\u{1680}'),
            ('\u{180E}', '\u{180E}'),
            ('\u{2000}', '\u{200A}'),
            ('\u{202F}', '\u{202F}'),
            ('\u{205F}', '\u{205F}'),
            ('\u{3000}', '\u{3000}'),
        ]),
        'v' => set(&[('\n', '\r'), ('\u{85}', '\u{85}'), ('\u{2028}', '\u{2029}')]),
        _ => return None,
    };
    Some(if c.is_ascii_uppercase() {
        negated(class)
    } else {
        class
    })
}

/// A Unicode property as regex-syntax knows it (`L`, `Lu`, `Alphabetic`, `Latin` …).
fn unicode(name: &str) -> Option<ClassUnicode> {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(&format!(r"\p{{{name}}}"))
        .ok()?;
    match hir.kind() {
        regex_syntax::hir::HirKind::Class(regex_syntax::hir::Class::Unicode(class)) => {
            Some(class.clone())
        }
        _ => None,
    }
}

fn union(classes: &[ClassUnicode]) -> ClassUnicode {
    let mut all = ClassUnicode::empty();
    for class in classes {
        all.union(class);
    }
    all
}

/// Java's property names (`\p{…}`): POSIX classes (ASCII), Java's own names, general
/// categories, binary properties and scripts.
pub(super) fn property(name: &str) -> Result<ClassUnicode, String> {
    let posix = match name {
        "Lower" => Some(set(&[('a', 'z')])),
        "Upper" => Some(set(&[('A', 'Z')])),
        "ASCII" => Some(set(&[('\0', '\x7F')])),
        "Alpha" => Some(set(&[('A', 'Z'), ('a', 'z')])),
        "Digit" => Some(set(&[('0', '9')])),
        "Alnum" => Some(set(&[('0', '9'), ('A', 'Z'), ('a', 'z')])),
        "Punct" => Some(set(&[('!', '/'), (':', '@'), ('[', '`'), ('{', '~')])),
        "Graph" => Some(set(&[('!', '~')])),
        "Print" => Some(set(&[(' ', '~')])),
        "Blank" => Some(set(&[('\t', '\t'), (' ', ' ')])),
        "Cntrl" => Some(set(&[('\0', '\x1F'), ('\x7F', '\x7F')])),
        "XDigit" => Some(set(&[('0', '9'), ('A', 'F'), ('a', 'f')])),
        "Space" => shorthand('s'),
        "all" => Some(set(&[('\0', char::MAX)])),
        "L1" => Some(set(&[('\0', '\u{FF}')])),
        _ => None,
    };
    if let Some(class) = posix {
        return Ok(class);
    }
    let known = |name: &str| java_table(name).ok_or(());
    let java = || -> Result<Option<ClassUnicode>, ()> {
        Ok(Some(match name {
            "LD" | "javaLetterOrDigit" => union(&[known("L")?, known("Nd")?]),
            "javaLowerCase" => known("Lowercase")?,
            "javaUpperCase" => known("Uppercase")?,
            "javaAlphabetic" => known("Alphabetic")?,
            "javaIdeographic" => known("Ideographic")?,
            "javaTitleCase" => known("Lt")?,
            "javaDigit" => known("Nd")?,
            "javaLetter" => known("L")?,
            "javaDefined" => negated(known("Cn")?),
            "javaSpaceChar" => known("Z")?,
            "javaMirrored" => known("Mirrored")?,
            "javaISOControl" => set(&[('\0', '\x1F'), ('\x7F', '\u{9F}')]),
            "javaWhitespace" => {
                let mut spaces = known("Z")?;
                spaces.difference(&set(&[
                    ('\u{A0}', '\u{A0}'),
                    ('\u{2007}', '\u{2007}'),
                    ('\u{202F}', '\u{202F}'),
                ]));
                union(&[spaces, set(&[('\t', '\r'), ('\x1C', '\x1F')])])
            }
            _ => return Ok(None),
        }))
    };
    match java() {
        Ok(Some(class)) => return Ok(class),
        Ok(None) => {}
        Err(()) => return Err(format!("the property `{name}` is not known")),
    }
    if name.starts_with("java") {
        return Err(format!(
            "the Java method class `\\p{{{name}}}` is not supported: write the class out"
        ));
    }
    if let Some(block) = name.strip_prefix("In") {
        return Err(format!(
            "the Unicode block `\\p{{In{block}}}` is not supported: use a script (`\\p{{Is…}}`) \
             or write the ranges out"
        ));
    }
    // `Is` prefixes a category, a binary property or a script; a bare name is a category.
    let bare = name.strip_prefix("Is").unwrap_or(name);
    let bare = bare
        .strip_prefix("gc=")
        .or_else(|| bare.strip_prefix("general_category="))
        .unwrap_or(bare);
    let binary = match bare.to_ascii_uppercase().replace(['_', ' '], "").as_str() {
        "ALPHABETIC" => Some("Alphabetic"),
        "IDEOGRAPHIC" => Some("Ideographic"),
        "LOWERCASE" => Some("Lowercase"),
        "UPPERCASE" => Some("Uppercase"),
        "WHITESPACE" => Some("White_Space"),
        "LETTER" => Some("L"),
        "DIGIT" => Some("Nd"),
        "PUNCTUATION" => Some("P"),
        "CONTROL" => Some("Cc"),
        _ => None,
    };
    if let Some(class) = java_table(binary.unwrap_or(bare)) {
        return Ok(class);
    }
    // Scripts: regex-syntax's tables, which may know characters later Unicode versions added.
    unicode(bare).ok_or_else(|| format!("the property `\\p{{{name}}}` is not known"))
}

/// A general category (`Lu`, or `L` for all letters) or binary property by Java's own tables.
fn java_table(name: &str) -> Option<ClassUnicode> {
    let members: &[&str] = match name {
        "L" => &["Lu", "Ll", "Lt", "Lm", "Lo"],
        "LC" => &["Lu", "Ll", "Lt"],
        "M" => &["Mn", "Me", "Mc"],
        "N" => &["Nd", "Nl", "No"],
        "Z" => &["Zs", "Zl", "Zp"],
        "C" => &["Cc", "Cf", "Co", "Cs", "Cn"],
        "P" => &["Pd", "Ps", "Pe", "Pc", "Po", "Pi", "Pf"],
        "S" => &["Sm", "Sc", "Sk", "So"],
        other => std::slice::from_ref(
            &super::java_unicode::TABLES
                .iter()
                .find(|(table, _)| *table == other)?
                .0,
        ),
    };
    let mut class = ClassUnicode::empty();
    for member in members {
        let (_, ranges) = super::java_unicode::TABLES
            .iter()
            .find(|(table, _)| table == member)?;
        class.union(&ClassUnicode::new(ranges.iter().filter_map(|&(a, b)| {
            Some(ClassUnicodeRange::new(
                char::from_u32(a)?,
                char::from_u32(b)?,
            ))
        })));
    }
    Some(class)
}

/// Java's case-insensitive matching of one class: ASCII letters only, unless `u` is on.
fn fold(class: &mut ClassUnicode, flags: Flags) {
    if !flags.case_insensitive {
        return;
    }
    if flags.unicode_case {
        class.case_fold_simple();
        return;
    }
    let mut extra = Vec::new();
    for range in class.iter() {
        for (lo, hi, delta) in [('a', 'z', -32i32), ('A', 'Z', 32)] {
            let (start, end) = (range.start().max(lo), range.end().min(hi));
            if start <= end {
                let shift = |c: char| char::from_u32((c as i32 + delta) as u32).unwrap_or(c);
                extra.push(ClassUnicodeRange::new(shift(start), shift(end)));
            }
        }
    }
    class.union(&ClassUnicode::new(extra));
}

struct Parser<'a> {
    source: &'a str,
    pos: usize,
    flags: Flags,
    depth: usize,
}

/// Parses `source`, a whole-value Java pattern.
pub fn parse(source: &str) -> Result<Node, SyntaxError> {
    let mut parser = Parser {
        source,
        pos: 0,
        flags: Flags::default(),
        depth: 0,
    };
    let node = parser.alternation()?;
    if parser.pos < source.len() {
        return Err(parser.error(parser.pos, "unmatched closing `)`"));
    }
    Ok(final_line_end(node))
}

/// A `$` that ends the whole pattern can only match at the very end of the value (a line
/// terminator after it would be left unmatched), where it means `\z`: simpler to run.
fn final_line_end(node: Node) -> Node {
    match node {
        Node::Assert(Assertion::LineEnd) => Node::Assert(Assertion::End),
        Node::Concat(mut parts) => {
            if let Some(last) = parts.pop() {
                parts.push(final_line_end(last));
            }
            Node::Concat(parts)
        }
        Node::Alternation(branches) => {
            Node::Alternation(branches.into_iter().map(final_line_end).collect())
        }
        other => other,
    }
}

/// How deep groups and classes may nest.
const MAX_DEPTH: usize = 64;

impl Parser<'_> {
    fn error(&self, offset: usize, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            offset,
            message: message.into(),
        }
    }

    fn rest(&self) -> &str {
        &self.source[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    /// In `(?x)` mode, skips whitespace and `#` comments, as Java does everywhere but in `\Q…\E`.
    fn skip_comments(&mut self) {
        if !self.flags.comments {
            return;
        }
        loop {
            match self.peek() {
                Some(c) if c.is_whitespace() => self.pos += c.len_utf8(),
                Some('#') => {
                    let end = self.rest().find(['\n', '\r']).unwrap_or(self.rest().len());
                    self.pos += end;
                }
                _ => return,
            }
        }
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn eat(&mut self, text: &str) -> bool {
        if self.rest().starts_with(text) {
            self.pos += text.len();
            true
        } else {
            false
        }
    }

    fn alternation(&mut self) -> Result<Node, SyntaxError> {
        let mut branches = vec![self.sequence()?];
        while self.eat("|") {
            branches.push(self.sequence()?);
        }
        Ok(if branches.len() == 1 {
            branches.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alternation(branches)
        })
    }

    fn sequence(&mut self) -> Result<Node, SyntaxError> {
        let mut parts = Vec::new();
        loop {
            self.skip_comments();
            let start = self.pos;
            let Some(c) = self.peek() else { break };
            let atom = match c {
                '|' | ')' => break,
                '(' => {
                    self.pos += 1;
                    match self.group(start)? {
                        Some(node) => node,
                        // A flag group (`(?i)`) changes the flags for what follows.
                        None => continue,
                    }
                }
                '[' => {
                    self.pos += 1;
                    let mut class = self.class(start, 0)?;
                    fold(&mut class, self.flags);
                    Node::Class(class)
                }
                '.' => {
                    self.pos += 1;
                    Node::Class(if self.flags.dot_all {
                        set(&[('\0', char::MAX)])
                    } else {
                        negated(set(LINE_TERMINATORS))
                    })
                }
                '^' => {
                    self.pos += 1;
                    Node::Assert(Assertion::Start)
                }
                '$' => {
                    self.pos += 1;
                    Node::Assert(Assertion::LineEnd)
                }
                '\\' => {
                    self.pos += 1;
                    self.escape(start)?
                }
                '*' | '+' | '?' => {
                    return Err(self.error(
                        start,
                        format!("dangling `{c}`: a quantifier needs something before it"),
                    ));
                }
                '{' => {
                    return Err(self.error(
                        start,
                        "illegal repetition: a `{` that does not follow something to repeat \
                         must be escaped as `\\{`",
                    ));
                }
                _ => {
                    self.pos += c.len_utf8();
                    let mut class = Node::char(c);
                    if let Node::Class(class) = &mut class {
                        fold(class, self.flags);
                    }
                    class
                }
            };
            let atom = self.quantified(atom)?;
            parts.push(atom);
        }
        Ok(match parts.len() {
            0 => Node::Empty,
            1 => parts.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(parts),
        })
    }

    fn quantified(&mut self, atom: Node) -> Result<Node, SyntaxError> {
        self.skip_comments();
        let start = self.pos;
        let (min, max) = match self.peek() {
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('?') => (0, Some(1)),
            Some('{') => {
                let Some((min, max, len)) = counted(self.rest()) else {
                    return Err(self.error(
                        start,
                        "illegal repetition: `{` must start `{n}`, `{n,}` or `{n,m}`, or be \
                         escaped as `\\{`",
                    ));
                };
                if max.is_some_and(|max| max < min) {
                    return Err(self.error(
                        start,
                        "illegal repetition range: the maximum is below the minimum",
                    ));
                }
                self.pos += len - 1;
                (min, max)
            }
            _ => return Ok(atom),
        };
        self.pos += 1;
        let (greedy, possessive) = if self.eat("?") {
            (false, false)
        } else if self.eat("+") {
            (true, true)
        } else {
            (true, false)
        };
        let repeat = Node::Repeat(Box::new(Repeat {
            node: atom,
            min,
            max,
            greedy,
        }));
        let repeat = if possessive {
            Node::Atomic(Box::new(repeat))
        } else {
            repeat
        };
        // A counted quantifier right after a quantifier repeats nothing in Java 17: it applies
        // to an empty atom, so `x{11}{0,9}` is `x{11}` (Java matches "xx" against `x{2}{3}`,
        // not "xxxxxx"). Its bounds are still checked.
        self.skip_comments();
        while self.rest().starts_with('{') {
            self.quantified(Node::Empty)?;
            self.skip_comments();
        }
        Ok(repeat)
    }

    /// After `(`: a group, or `None` for a flag group that applies to the rest.
    fn group(&mut self, start: usize) -> Result<Option<Node>, SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error(start, "groups nest too deeply"));
        }
        let saved = self.flags;
        let look = |behind, negated| Some((behind, negated));
        let kind = if self.eat("?=") {
            look(false, false)
        } else if self.eat("?!") {
            look(false, true)
        } else if self.eat("?<=") {
            look(true, false)
        } else if self.eat("?<!") {
            look(true, true)
        } else {
            None
        };
        let atomic = kind.is_none() && self.eat("?>");
        if kind.is_none() && !atomic && self.eat("?") {
            if self.eat("<") {
                // A named group: `(?<name>…)`.
                let end = self.rest().find('>').ok_or_else(|| {
                    self.error(start, "a named group `(?<name>` needs its closing `>`")
                })?;
                let name = &self.rest()[..end];
                if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric()) {
                    return Err(self.error(start, "a group name is ASCII letters and digits"));
                }
                self.pos += end + 1;
            } else if !self.eat(":") {
                // Flags: `(?i)` for the rest of the enclosing group, `(?i:…)` for this group.
                let scoped = self.flag_group(start)?;
                if !scoped {
                    self.depth -= 1;
                    return Ok(None);
                }
            }
        }
        let node = self.alternation()?;
        if !self.eat(")") {
            return Err(self.error(start, "unclosed group: a `(` has no matching `)`"));
        }
        self.flags = saved;
        self.depth -= 1;
        Ok(Some(match kind {
            Some((behind, negated)) => {
                if behind && node.width().1.is_none() {
                    return Err(self.error(
                        start,
                        "a look-behind needs a longest match (Java has no unbounded \
                         look-behind): bound its repetitions",
                    ));
                }
                Node::Look(Box::new(Look {
                    node,
                    behind,
                    negated,
                }))
            }
            None if atomic => Node::Atomic(Box::new(node)),
            None => node,
        }))
    }

    /// Reads `idmsuxU-idmsuxU` then `)` (returns `false`) or `:` (returns `true`).
    fn flag_group(&mut self, start: usize) -> Result<bool, SyntaxError> {
        let mut on = true;
        loop {
            let at = self.pos;
            let Some(c) = self.next() else {
                return Err(self.error(start, "an inline flag group needs its closing `)`"));
            };
            match c {
                ')' => return Ok(false),
                ':' => return Ok(true),
                '-' if on => on = false,
                'i' => self.flags.case_insensitive = on,
                'u' => self.flags.unicode_case = on,
                's' => self.flags.dot_all = on,
                'x' => self.flags.comments = on,
                'm' | 'd' | 'U' => {
                    return Err(self.error(
                        at,
                        format!(
                            "the inline flag `{c}` is not supported: {}",
                            match c {
                                'm' =>
                                    "a value is matched as a whole, so `^` and `$` keep their \
                                        whole-value meaning; write line breaks out instead",
                                'd' => "write the line terminators out instead",
                                _ => "write the Unicode classes out (`\\p{L}` …) instead",
                            }
                        ),
                    ));
                }
                other => {
                    return Err(self.error(at, format!("unknown inline flag `{other}`")));
                }
            }
        }
    }

    /// After `\` outside a class.
    fn escape(&mut self, start: usize) -> Result<Node, SyntaxError> {
        let Some(c) = self.peek() else {
            return Err(self.error(start, "the pattern ends with a lone `\\`"));
        };
        let assertion = match c {
            'b' => Some(Assertion::WordBoundary),
            'B' => Some(Assertion::NotWordBoundary),
            'A' => Some(Assertion::Start),
            'z' => Some(Assertion::End),
            'Z' => Some(Assertion::LineEnd),
            _ => None,
        };
        if let Some(assertion) = assertion {
            self.pos += 1;
            if assertion == Assertion::WordBoundary && self.rest().starts_with('{') {
                return Err(self.error(start, "`\\b{…}` boundaries are not supported"));
            }
            return Ok(Node::Assert(assertion));
        }
        match c {
            '1'..='9' | 'k' => Err(self.error(
                start,
                format!(
                    "the backreference `\\{c}` is not supported: a pattern runs as a finite \
                     automaton, which cannot remember what a group matched"
                ),
            )),
            'G' => Err(self.error(
                start,
                "`\\G` (the end of the previous match) means nothing in a whole-value match",
            )),
            'R' => {
                self.pos += 1;
                Ok(Node::Alternation(vec![
                    Node::Concat(vec![Node::char('\r'), Node::char('\n')]),
                    Node::Class(set(&[
                        ('\n', '\r'),
                        ('\u{85}', '\u{85}'),
                        ('\u{2028}', '\u{2029}'),
                    ])),
                ]))
            }
            'X' => Err(self.error(start, "`\\X` (grapheme clusters) is not supported")),
            'Q' => {
                self.pos += 1;
                let rest = self.rest();
                let (quoted, skip) = match rest.find(r"\E") {
                    Some(end) => (&rest[..end], end + 2),
                    None => (rest, rest.len()),
                };
                let mut parts: Vec<Node> = quoted.chars().map(|c| self.literal(c)).collect();
                self.pos += skip;
                Ok(match parts.len() {
                    0 => Node::Empty,
                    1 => parts.pop().unwrap_or(Node::Empty),
                    _ => Node::Concat(parts),
                })
            }
            _ => Ok(match self.class_escape(start)? {
                Escaped::Char(c) => self.literal(c),
                Escaped::Surrogate => Node::Class(ClassUnicode::empty()),
                Escaped::Class(mut class) => {
                    fold(&mut class, self.flags);
                    Node::Class(class)
                }
            }),
        }
    }

    fn literal(&self, c: char) -> Node {
        let mut class = ClassUnicode::new([ClassUnicodeRange::new(c, c)]);
        fold(&mut class, self.flags);
        Node::Class(class)
    }

    /// After `\`, an escape that stands for characters (inside or outside a class).
    fn class_escape(&mut self, start: usize) -> Result<Escaped, SyntaxError> {
        let Some(c) = self.next() else {
            return Err(self.error(start, "the pattern ends with a lone `\\`"));
        };
        if let Some(class) = shorthand(c) {
            return Ok(Escaped::Class(class));
        }
        let code_point = match c {
            't' => 0x09,
            'n' => 0x0A,
            'r' => 0x0D,
            'f' => 0x0C,
            'a' => 0x07,
            'e' => 0x1B,
            'u' => return self.unicode_escape(start),
            'x' => self.hex_escape(start)?,
            '0' => self.octal_escape(start)?,
            'c' => match self.next() {
                Some(c) if c.is_ascii() => c as u32 ^ 0x40,
                _ => return Err(self.error(start, "`\\c` needs an ASCII character after it")),
            },
            'p' | 'P' => {
                let name = if self.eat("{") {
                    let end = self
                        .rest()
                        .find('}')
                        .ok_or_else(|| self.error(start, "`\\p{` has no closing `}`"))?;
                    let name = self.rest()[..end].to_owned();
                    self.pos += end + 1;
                    name
                } else {
                    self.next()
                        .ok_or_else(|| self.error(start, "`\\p` needs a property name"))?
                        .to_string()
                };
                let class = property(&name).map_err(|message| self.error(start, message))?;
                return Ok(Escaped::Class(if c == 'P' {
                    negated(class)
                } else {
                    class
                }));
            }
            'N' => return Err(self.error(start, "`\\N{name}` is not supported: write `\\x{…}`")),
            c if c.is_ascii_alphanumeric() => {
                return Err(self.error(start, format!("the escape `\\{c}` is not supported")));
            }
            // Java allows escaping any other character, which then stands for itself.
            c => c as u32,
        };
        match char::from_u32(code_point) {
            Some(c) => Ok(Escaped::Char(c)),
            None if (0xD800..0xE000).contains(&code_point) => Ok(Escaped::Surrogate),
            None => Err(self.error(start, "the escape is not a Unicode code point")),
        }
    }

    fn hex(&mut self, count: usize, start: usize, what: &str) -> Result<u32, SyntaxError> {
        let digits = self.rest().get(..count).unwrap_or("");
        if digits.len() != count || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(self.error(
                start,
                format!("{what} needs exactly {count} hexadecimal digits"),
            ));
        }
        let value = u32::from_str_radix(digits, 16).unwrap_or(0);
        self.pos += count;
        Ok(value)
    }

    /// `\uXXXX`, pairing a high surrogate with a following `\uXXXX` low one as Java does.
    fn unicode_escape(&mut self, start: usize) -> Result<Escaped, SyntaxError> {
        let unit = self.hex(4, start, "`\\u`")?;
        if (0xD800..0xDC00).contains(&unit) {
            let low = self
                .rest()
                .strip_prefix(r"\u")
                .and_then(|r| r.get(..4))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .filter(|low| (0xDC00..0xE000).contains(low));
            if let Some(low) = low {
                self.pos += 6;
                let c = char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
                return Ok(c.map_or(Escaped::Surrogate, Escaped::Char));
            }
        }
        Ok(char::from_u32(unit).map_or(Escaped::Surrogate, Escaped::Char))
    }

    fn hex_escape(&mut self, start: usize) -> Result<u32, SyntaxError> {
        if self.eat("{") {
            let end = self
                .rest()
                .find('}')
                .ok_or_else(|| self.error(start, "`\\x{` has no closing `}`"))?;
            let digits = &self.rest()[..end];
            let value = u32::from_str_radix(digits, 16)
                .ok()
                .filter(|&v| v <= 0x10FFFF)
                .ok_or_else(|| {
                    self.error(start, format!("`\\x{{{digits}}}` is not a code point"))
                })?;
            self.pos += end + 1;
            return Ok(value);
        }
        self.hex(2, start, "`\\x`")
    }

    fn octal_escape(&mut self, start: usize) -> Result<u32, SyntaxError> {
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
            return Err(self.error(start, "`\\0` needs one to three octal digits"));
        }
        self.pos += digits.len();
        Ok(u32::from_str_radix(digits, 8).unwrap_or(0))
    }

    /// After `[` (at `start`): the class, with Java's union, `&&` intersection, nesting and
    /// negation of the whole.
    fn class(&mut self, start: usize, depth: usize) -> Result<ClassUnicode, SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.error(start, "classes nest too deeply"));
        }
        let negate = self.eat("^");
        let mut result: Option<ClassUnicode> = None;
        let mut current = ClassUnicode::empty();
        let mut empty_so_far = true;
        loop {
            self.skip_comments();
            let at = self.pos;
            let Some(c) = self.next() else {
                return Err(self.error(start, "unclosed character class: a `[` has no `]`"));
            };
            match c {
                ']' if !empty_so_far || result.is_some() => break,
                '[' => {
                    let nested = self.class(at, depth + 1)?;
                    current.union(&nested);
                }
                '&' if self.rest().starts_with('&') => {
                    self.pos += 1;
                    let left = std::mem::replace(&mut current, ClassUnicode::empty());
                    result = Some(match result {
                        Some(mut acc) => {
                            acc.intersect(&left);
                            acc
                        }
                        None => left,
                    });
                    empty_so_far = true;
                    continue;
                }
                '\\' => {
                    let item = if self.rest().starts_with('Q') {
                        self.pos += 1;
                        let rest = self.rest();
                        let (quoted, skip) = match rest.find(r"\E") {
                            Some(end) => (&rest[..end], end + 2),
                            None => (rest, rest.len()),
                        };
                        let quoted =
                            ClassUnicode::new(quoted.chars().map(|c| ClassUnicodeRange::new(c, c)));
                        self.pos += skip;
                        Escaped::Class(quoted)
                    } else {
                        self.class_escape(at)?
                    };
                    match item {
                        Escaped::Class(class) => current.union(&class),
                        Escaped::Char(c) => self.range_from(Some(c), &mut current, at)?,
                        Escaped::Surrogate => self.range_from(None, &mut current, at)?,
                    }
                }
                c => self.range_from(Some(c), &mut current, at)?,
            }
            empty_so_far = false;
        }
        let class = match result {
            Some(mut acc) => {
                acc.intersect(&current);
                acc
            }
            None => current,
        };
        Ok(if negate { negated(class) } else { class })
    }

    /// A class member that is one character (`None`: a lone surrogate), perhaps the start of a
    /// range `a-z`. A `-` after a class escape (`[\w-_]`) never gets here: it is a literal.
    fn range_from(
        &mut self,
        first: Option<char>,
        into: &mut ClassUnicode,
        at: usize,
    ) -> Result<(), SyntaxError> {
        let is_range = self.rest().starts_with('-')
            && !self.rest()[1..].starts_with(']')
            && !self.rest()[1..].starts_with('[')
            && self.rest().len() > 1;
        if !is_range {
            if let Some(c) = first {
                into.push(ClassUnicodeRange::new(c, c));
            }
            return Ok(());
        }
        self.pos += 1;
        let end_at = self.pos;
        let last = match self.next() {
            Some('\\') => match self.class_escape(end_at)? {
                Escaped::Char(c) => Some(c as u32),
                Escaped::Surrogate => None,
                Escaped::Class(_) => {
                    return Err(self.error(at, "illegal character range: it ends in a class"));
                }
            },
            Some(c) => Some(c as u32),
            None => return Err(self.error(at, "unclosed character class")),
        };
        // Surrogate ends stand for the code units they are; no Rust string holds one, so the
        // range keeps only its scalar values.
        let lo = first.map_or(0xD800, |c| c as u32);
        let hi = last.unwrap_or(0xDFFF);
        if hi < lo {
            return Err(self.error(at, "illegal character range: its end is below its start"));
        }
        let scalar = |cp: u32, up: bool| {
            char::from_u32(cp).or_else(|| {
                if up {
                    char::from_u32(0xE000)
                } else {
                    char::from_u32(0xD7FF)
                }
            })
        };
        if let (Some(a), Some(b)) = (scalar(lo, true), scalar(hi, false))
            && a <= b
        {
            into.push(ClassUnicodeRange::new(a, b));
        }
        Ok(())
    }
}

/// What an escape stands for.
enum Escaped {
    Char(char),
    /// A lone surrogate code unit, which no Rust string holds.
    Surrogate,
    Class(ClassUnicode),
}

/// `{n}`, `{n,}` or `{n,m}` at the start of `text`: the bounds and the length of the syntax.
fn counted(text: &str) -> Option<(u32, Option<u32>, usize)> {
    let end = text.find('}')?;
    let inner = &text[1..end];
    let number = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (min, max) = match inner.split_once(',') {
        None => {
            let n = number(inner)?;
            (n, Some(n))
        }
        Some((min, "")) => (number(min)?, None),
        Some((min, max)) => (number(min)?, Some(number(max)?)),
    };
    Some((min, max, end + 1))
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn errors_name_their_offset() {
        let err = parse(r"(a)\1").err().unwrap();
        assert_eq!(err.offset, 3);
        assert!(err.message.contains("backreference"));
        assert!(parse("a{2,1}").is_err());
        assert!(parse("(?m)^a").err().unwrap().message.contains("`m`"));
        assert!(parse("[a").is_err());
        assert!(parse("(?<=a+)b").is_err());
    }

    #[test]
    fn java_constructs_parse() {
        for pattern in [
            r"[\w-_]*",
            r"(?s).{1,255}",
            r"^(?i)(true|false)$",
            r"[\p{all}]*",
            r"^(\p{LD}|\p{Punct}| )+$",
            r"[0-9A-Z]{2}+",
            r"[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDBFF-\uDC00\uDFFF\t]*",
            r"[\p{Print}&&[^|:/]]+",
            r"(?!aws:)[a-z]+(?<!-)",
            r"(?x) a b # comment",
        ] {
            parse(pattern).unwrap_or_else(|e| panic!("{pattern}: {}", e.message));
        }
    }
}
