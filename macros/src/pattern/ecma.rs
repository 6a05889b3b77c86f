//! A pattern as an anchored ECMA-262 regular expression, the dialect JSON Schema's `pattern`
//! is written in: printed from the parsed pattern, so it means what the automaton matches — the
//! Java dialect already translated, classes spelled out as ranges, the whole value anchored.

use regex_syntax::hir::{Class, Hir, HirKind, Look, Repetition};
use std::fmt::Write;

/// `^(?:…)$` for `hir`.
pub fn anchored(hir: &Hir) -> String {
    let mut out = String::from("^(?:");
    print(hir, &mut out);
    out.push_str(")$");
    out
}

fn print(hir: &Hir, out: &mut String) {
    match hir.kind() {
        HirKind::Empty => {}
        HirKind::Literal(literal) => {
            for c in String::from_utf8_lossy(&literal.0).chars() {
                literal_char(c, out);
            }
        }
        HirKind::Class(class) => print_class(class, out),
        HirKind::Look(look) => out.push_str(match look {
            Look::Start | Look::StartLF | Look::StartCRLF => "^",
            Look::End | Look::EndLF | Look::EndCRLF => "$",
            Look::WordAscii | Look::WordUnicode => "\\b",
            Look::WordAsciiNegate | Look::WordUnicodeNegate => "\\B",
            // Half word boundaries have no ECMA-262 spelling; the derive never produces them.
            _ => "",
        }),
        HirKind::Repetition(repetition) => print_repetition(repetition, out),
        // An alternation groups itself; anything else a group holds gets one.
        HirKind::Capture(capture) if matches!(capture.sub.kind(), HirKind::Alternation(_)) => {
            print(&capture.sub, out);
        }
        HirKind::Capture(capture) => {
            out.push_str("(?:");
            print(&capture.sub, out);
            out.push(')');
        }
        HirKind::Concat(parts) => {
            for part in parts {
                print(part, out);
            }
        }
        HirKind::Alternation(branches) => {
            out.push_str("(?:");
            for (i, branch) in branches.iter().enumerate() {
                if i > 0 {
                    out.push('|');
                }
                print(branch, out);
            }
            out.push(')');
        }
    }
}

fn print_repetition(repetition: &Repetition, out: &mut String) {
    let sub = &repetition.sub;
    let atomic = matches!(
        sub.kind(),
        HirKind::Class(_) | HirKind::Capture(_) | HirKind::Alternation(_)
    ) || matches!(sub.kind(), HirKind::Literal(l) if String::from_utf8_lossy(&l.0).chars().count() == 1);
    if atomic {
        print(sub, out);
    } else {
        out.push_str("(?:");
        print(sub, out);
        out.push(')');
    }
    match (repetition.min, repetition.max) {
        (0, None) => out.push('*'),
        (1, None) => out.push('+'),
        (0, Some(1)) => out.push('?'),
        (min, None) => {
            let _ = write!(out, "{{{min},}}");
        }
        (min, Some(max)) if min == max => {
            let _ = write!(out, "{{{min}}}");
        }
        (min, Some(max)) => {
            let _ = write!(out, "{{{min},{max}}}");
        }
    }
    if !repetition.greedy {
        out.push('?');
    }
}

fn print_class(class: &Class, out: &mut String) {
    out.push('[');
    match class {
        Class::Unicode(class) => {
            for range in class.iter() {
                class_char(range.start(), out);
                if range.end() != range.start() {
                    out.push('-');
                    class_char(range.end(), out);
                }
            }
        }
        Class::Bytes(class) => {
            for range in class.iter() {
                class_char(char::from(range.start()), out);
                if range.end() != range.start() {
                    out.push('-');
                    class_char(char::from(range.end()), out);
                }
            }
        }
    }
    out.push(']');
}

/// A character outside a class: syntax characters escaped.
fn literal_char(c: char, out: &mut String) {
    if "\\^$.|?*+()[]{}/".contains(c) {
        out.push('\\');
        out.push(c);
    } else {
        plain_char(c, out);
    }
}

/// A character inside a class.
fn class_char(c: char, out: &mut String) {
    if "\\]-^[".contains(c) {
        out.push('\\');
        out.push(c);
    } else {
        plain_char(c, out);
    }
}

/// Every other character as itself: a pattern travels in a JSON string, which escapes what needs
/// escaping, and a literal character means the same to every regex engine, where `\uXXXX`
/// escapes do not.
fn plain_char(c: char, out: &mut String) {
    out.push(c);
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
            "^(?:sessionaction-[0-9a-f]{32}-(?:0|(?:[1-9][0-9]{0,9})))$"
        );
        // Java's ASCII `\d` and `.`, spelled out.
        assert_eq!(ecma(r"\d+"), "^(?:[0-9]+)$");
        assert!(ecma("a.c").starts_with("^(?:a[\u{0}-\t\u{b}"));
    }
}
