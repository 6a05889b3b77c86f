//! Prints a parsed pattern in other dialects: as an anchored ECMA-262 regular expression, the
//! dialect JSON Schema's `pattern` is written in, and in regex-syntax's dialect for the runtime
//! engine of a pattern past the automaton's budget. Both are printed from the parsed pattern, so
//! they mean what the automaton matches: Java's classes spelled out as ranges, its `$` and `\b`
//! written as the look-arounds they are.

use super::node::{Assertion, Node};
use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange};
use std::fmt::Write;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Dialect {
    Ecma,
    RegexSyntax,
}

/// `^(?:…)$` for `node`.
pub fn anchored(node: &Node) -> String {
    let mut out = String::from("^(?:");
    print(node, Dialect::Ecma, &mut out);
    out.push_str(")$");
    out
}

/// `(?:…)\z` in regex-syntax's dialect, when the pattern has no look-around (which regex-syntax
/// lacks) beyond `^` at its start and `\z` at its end.
pub fn runtime(node: &Node) -> Option<String> {
    let parts = node.inner_parts();
    if parts.iter().any(Node::has_look) {
        return None;
    }
    let mut out = String::from("(?:");
    for part in parts {
        print(part, Dialect::RegexSyntax, &mut out);
    }
    out.push_str(r")\z");
    Some(out)
}

fn print(node: &Node, dialect: Dialect, out: &mut String) {
    match node {
        Node::Empty => {}
        Node::Class(class) => print_class(class, dialect, out),
        Node::Concat(parts) => {
            for part in parts {
                print(part, dialect, out);
            }
        }
        Node::Alternation(branches) => {
            out.push_str("(?:");
            for (i, branch) in branches.iter().enumerate() {
                if i > 0 {
                    out.push('|');
                }
                print(branch, dialect, out);
            }
            out.push(')');
        }
        Node::Repeat(repeat) => {
            let atomic = matches!(repeat.node, Node::Class(_) | Node::Alternation(_));
            if !atomic {
                out.push_str("(?:");
            }
            print(&repeat.node, dialect, out);
            if !atomic {
                out.push(')');
            }
            quantifier(repeat.min, repeat.max, out);
            if !repeat.greedy {
                out.push('?');
            }
        }
        Node::Look(look) => {
            out.push_str(match (look.behind, look.negated) {
                (false, false) => "(?=",
                (false, true) => "(?!",
                (true, false) => "(?<=",
                (true, true) => "(?<!",
            });
            print(&look.node, dialect, out);
            out.push(')');
        }
        Node::Atomic(inner) => print_atomic(inner, dialect, out),
        Node::Assert(assertion) => print_assertion(*assertion, out),
    }
}

/// ECMA-262 has no atomic groups: a possessive run of one class is the greedy run not followed
/// by another member; an atomic group whose matches all have one length is the group.
fn print_atomic(inner: &Node, dialect: Dialect, out: &mut String) {
    match inner {
        Node::Repeat(repeat) if matches!(repeat.node, Node::Class(_)) && repeat.greedy => {
            let mut class = String::new();
            print(&repeat.node, dialect, &mut class);
            out.push_str("(?:");
            if let Some(max) = repeat.max {
                let _ = write!(out, "{class}{{{max}}}");
                if max > repeat.min {
                    out.push('|');
                }
            }
            if repeat.max.is_none_or(|max| max > repeat.min) {
                out.push_str(&class);
                quantifier(repeat.min, repeat.max.map(|m| m - 1), out);
                let _ = write!(out, "(?!{class})");
            }
            out.push(')');
        }
        Node::Atomic(inner) => print_atomic(inner, dialect, out),
        other => {
            out.push_str("(?:");
            print(other, dialect, out);
            out.push(')');
        }
    }
}

fn print_assertion(assertion: Assertion, out: &mut String) {
    let word = || {
        let mut word = String::new();
        if let Ok(mut class) = super::java::property("LD") {
            class.push(ClassUnicodeRange::new('_', '_'));
            print_class(&class, Dialect::Ecma, &mut word);
        }
        word
    };
    match assertion {
        Assertion::Start => out.push('^'),
        Assertion::End => out.push('$'),
        Assertion::LineEnd => {
            out.push_str("(?:$|(?=[\r\u{85}\u{2028}\u{2029}]$)|(?<!\r)(?=\n$)|(?=\r\n$))")
        }
        Assertion::WordBoundary => {
            let w = word();
            let _ = write!(out, "(?:(?<={w})(?!{w})|(?<!{w})(?={w}))");
        }
        Assertion::NotWordBoundary => {
            let w = word();
            let _ = write!(out, "(?:(?<={w})(?={w})|(?<!{w})(?!{w}))");
        }
    }
}

fn quantifier(min: u32, max: Option<u32>, out: &mut String) {
    let _ = match (min, max) {
        (0, None) => write!(out, "*"),
        (1, None) => write!(out, "+"),
        (0, Some(1)) => write!(out, "?"),
        (min, None) => write!(out, "{{{min},}}"),
        (min, Some(max)) if min == max => write!(out, "{{{min}}}"),
        (min, Some(max)) => write!(out, "{{{min},{max}}}"),
    };
}

fn print_class(class: &ClassUnicode, dialect: Dialect, out: &mut String) {
    if let [range] = class.ranges()
        && range.start() == range.end()
    {
        literal_char(range.start(), dialect, out);
        return;
    }
    if class.ranges().is_empty() {
        // Matches nothing: a class of no character in either dialect's spelling.
        out.push_str(if dialect == Dialect::Ecma {
            "[^\\s\\S]"
        } else {
            r"[^\x00-\x{10FFFF}]"
        });
        return;
    }
    out.push('[');
    for range in class.iter() {
        class_char(range.start(), dialect, out);
        if range.end() != range.start() {
            out.push('-');
            class_char(range.end(), dialect, out);
        }
    }
    out.push(']');
}

/// A character outside a class: syntax characters escaped.
fn literal_char(c: char, dialect: Dialect, out: &mut String) {
    if "\\^$.|?*+()[]{}/".contains(c) {
        out.push('\\');
        out.push(c);
    } else {
        plain_char(c, dialect, out);
    }
}

/// A character inside a class.
fn class_char(c: char, dialect: Dialect, out: &mut String) {
    if "\\]-^[&~".contains(c) {
        out.push('\\');
        out.push(c);
    } else {
        plain_char(c, dialect, out);
    }
}

/// Every other character: as itself for ECMA-262, as a pattern travels in a JSON string, which
/// escapes what needs escaping; and a literal character means the same to every regex engine,
/// where `\uXXXX` escapes do not. regex-syntax gets `\x{…}` for anything but printable ASCII,
/// so whitespace survives its verbose mode.
fn plain_char(c: char, dialect: Dialect, out: &mut String) {
    if dialect == Dialect::RegexSyntax && !c.is_ascii_graphic() {
        let _ = write!(out, "\\x{{{:X}}}", c as u32);
    } else {
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::super::compile;

    fn ecma(pattern: &str) -> String {
        compile(pattern).unwrap().ecma
    }

    #[test]
    fn anchored_ranges_and_counts() {
        assert_eq!(ecma("farm-[0-9a-f]{32}"), "^(?:farm-[0-9a-f]{32})$");
        assert_eq!(
            ecma("sessionaction-[0-9a-f]{32}-(0|([1-9][0-9]{0,9}))"),
            "^(?:sessionaction-[0-9a-f]{32}-(?:0|[1-9][0-9]{0,9}))$"
        );
        // Java's ASCII `\d` and `.`, spelled out.
        assert_eq!(ecma(r"\d+"), "^(?:[0-9]+)$");
        assert!(ecma("a.c").starts_with("^(?:a[\u{0}-\t\u{b}"));
        assert_eq!(ecma("(?!aws:)[a-z]+"), "^(?:(?!aws:)[a-z]+)$");
        assert_eq!(ecma("[a-z]*+"), "^(?:(?:[a-z]*(?![a-z])))$");
    }
}
