//! Java's word boundaries settled from the characters around them. `\b` in Java compares the
//! sides of a position, where a side is a word character when it is one or when it is a
//! non-spacing mark with a letter or digit before it (see `term.rs`); in general that takes a
//! look-behind through marks on both sides. Most boundaries in AWS patterns stand between
//! characters that decide a side outright (`cron\((\b[0-5]?[0-9]\b) `: a `(` before, a digit
//! after), and then the boundary is a plain condition on the other side, or none at all.

use super::node::{Assertion, Look, Node};
use super::term::{marked_word_classes, word_characters};
use regex_syntax::hir::ClassUnicode;

/// The characters a side of a position may be, and whether it may be the edge of the value.
#[derive(Clone)]
struct Side {
    chars: ClassUnicode,
    edge: bool,
}

impl Side {
    fn union(&self, other: &Side) -> Side {
        let mut chars = self.chars.clone();
        chars.union(&other.chars);
        Side {
            chars,
            edge: self.edge || other.edge,
        }
    }
}

/// The classes the decisions read.
struct Classes {
    word: ClassUnicode,
    mark: ClassUnicode,
    /// Letters and digits of the BMP, and marks of the BMP: what a mark's base may be made of.
    base_or_mark_in_bmp: ClassUnicode,
    base_in_bmp: ClassUnicode,
}

/// `node` (a whole-value pattern) with each word boundary whose sides are known replaced by
/// what it comes to: nothing, a condition on one side, or no match.
pub fn settled(node: &Node) -> Result<Node, String> {
    // Java's Unicode classes take time to build: only for a pattern that has a boundary.
    if !has_word_boundary(node) {
        return Ok(node.clone());
    }
    let word = word_characters()?;
    let [base_in_bmp, mut base_or_mark_in_bmp, mark] = marked_word_classes()?;
    base_or_mark_in_bmp.union(&base_in_bmp);
    let classes = Classes {
        word,
        mark,
        base_or_mark_in_bmp,
        base_in_bmp,
    };
    let edge = Side {
        chars: ClassUnicode::empty(),
        edge: true,
    };
    Ok(settle(node, &edge, &edge, &classes))
}

/// Whether `node` holds a `\b` or `\B` outside look-arounds and atomic groups (where they are
/// left as written).
fn has_word_boundary(node: &Node) -> bool {
    match node {
        Node::Assert(Assertion::WordBoundary | Assertion::NotWordBoundary) => true,
        Node::Concat(parts) | Node::Alternation(parts) => parts.iter().any(has_word_boundary),
        Node::Repeat(repeat) => has_word_boundary(&repeat.node),
        _ => false,
    }
}

/// The characters `node` may begin with (or end with, `last`), and whether it may match
/// nothing.
fn outer(node: &Node, last: bool) -> (ClassUnicode, bool) {
    match node {
        Node::Empty | Node::Look(_) | Node::Assert(_) => (ClassUnicode::empty(), true),
        Node::Class(class) => (class.clone(), false),
        Node::Concat(parts) => {
            let mut chars = ClassUnicode::empty();
            let ordered: Box<dyn Iterator<Item = &Node>> = if last {
                Box::new(parts.iter().rev())
            } else {
                Box::new(parts.iter())
            };
            for part in ordered {
                let (part_chars, nullable) = outer(part, last);
                chars.union(&part_chars);
                if !nullable {
                    return (chars, false);
                }
            }
            (chars, true)
        }
        Node::Alternation(branches) => {
            let mut chars = ClassUnicode::empty();
            let mut nullable = false;
            for branch in branches {
                let (branch_chars, branch_nullable) = outer(branch, last);
                chars.union(&branch_chars);
                nullable |= branch_nullable;
            }
            (chars, nullable)
        }
        Node::Repeat(repeat) => {
            let (chars, nullable) = outer(&repeat.node, last);
            (chars, nullable || repeat.min == 0)
        }
        Node::Atomic(inner) => outer(inner, last),
    }
}

/// What may stand on one side of `parts` (before them, `last`: what they end with), given what
/// stands beyond them.
fn side_of(parts: &[Node], beyond: &Side, last: bool) -> Side {
    let (chars, nullable) = outer(&Node::Concat(parts.to_vec()), last);
    let side = Side { chars, edge: false };
    if nullable { side.union(beyond) } else { side }
}

fn settle(node: &Node, before: &Side, after: &Side, classes: &Classes) -> Node {
    match node {
        Node::Concat(parts) => Node::Concat(
            (0..parts.len())
                .map(|i| {
                    let before = side_of(&parts[..i], before, true);
                    let after = side_of(&parts[i + 1..], after, false);
                    settle(&parts[i], &before, &after, classes)
                })
                .collect(),
        ),
        Node::Alternation(branches) => Node::Alternation(
            branches
                .iter()
                .map(|branch| settle(branch, before, after, classes))
                .collect(),
        ),
        Node::Repeat(repeat) => {
            // Another iteration may stand on either side of one.
            let (first, _) = outer(&repeat.node, false);
            let (last, _) = outer(&repeat.node, true);
            let before = before.union(&Side {
                chars: last,
                edge: false,
            });
            let after = after.union(&Side {
                chars: first,
                edge: false,
            });
            Node::Repeat(Box::new(super::node::Repeat {
                node: settle(&repeat.node, &before, &after, classes),
                ..**repeat
            }))
        }
        Node::Assert(assertion @ (Assertion::WordBoundary | Assertion::NotWordBoundary)) => {
            boundary(*assertion, before, after, classes).unwrap_or_else(|| node.clone())
        }
        // Inside look-arounds and atomic groups the sides are those of another match: left as
        // written.
        _ => node.clone(),
    }
}

/// Whether every character of `chars` is in `class` (`Some(true)`), none is (`Some(false)`),
/// or some are and some are not.
fn within(chars: &ClassUnicode, class: &ClassUnicode) -> Option<bool> {
    let mut outside = chars.clone();
    outside.difference(class);
    let mut inside = chars.clone();
    inside.intersect(class);
    match (inside.ranges().is_empty(), outside.ranges().is_empty()) {
        (_, true) => Some(true),
        (true, _) => Some(false),
        _ => None,
    }
}

/// A word boundary as a simpler node, when its sides decide enough of it.
fn boundary(assertion: Assertion, before: &Side, after: &Side, classes: &Classes) -> Option<Node> {
    let no_mark = |side: &Side| within(&side.chars, &classes.mark) == Some(false);
    // The left side: a word character before, or a mark on a base (only a mark may make it
    // so when the character is not a word character).
    let left = match within(&before.chars, &classes.word) {
        Some(true) if !before.edge => Some(true),
        Some(false) if no_mark(before) => Some(false),
        _ => None,
    };
    // Whether the position follows a base, through marks, decides a mark after it.
    let based = match within(&before.chars, &classes.base_in_bmp) {
        Some(true) if !before.edge => Some(true),
        _ if within(&before.chars, &classes.base_or_mark_in_bmp) == Some(false) => Some(false),
        _ => None,
    };
    let right = match within(&after.chars, &classes.word) {
        Some(true) if !after.edge => Some(true),
        Some(false) if no_mark(after) || based == Some(false) => Some(false),
        _ => None,
    };
    let wanted = assertion == Assertion::WordBoundary;
    let look = |behind: bool, negated: bool, class: ClassUnicode| {
        Node::Look(Box::new(Look {
            node: Node::Class(class),
            behind,
            negated,
        }))
    };
    Some(match (left, right) {
        (Some(left), Some(right)) if (left != right) == wanted => Node::Empty,
        (Some(_), Some(_)) => Node::Class(ClassUnicode::empty()),
        // The right side is a word character exactly when the next one is: no mark there, or
        // no base before it. The boundary holds when it differs from the left.
        (Some(left), None) if no_mark(after) || based == Some(false) => {
            look(false, left == wanted, classes.word.clone())
        }
        // A word character or a mark on the base that is certainly before.
        (Some(left), None) if based == Some(true) => {
            let mut word_or_mark = classes.word.clone();
            word_or_mark.union(&classes.mark);
            look(false, left == wanted, word_or_mark)
        }
        // The left side is a word character exactly when the one before is, with no mark
        // there.
        (None, Some(right)) if no_mark(before) => look(true, right == wanted, classes.word.clone()),
        // With no mark before, the left side is a word character exactly when the one before
        // is; when every word character that may stand there is also a base, a mark after
        // counts exactly when the left side does.
        (None, None) if no_mark(before) && word_chars_are_bases(before, classes) => {
            let mut word_or_mark = classes.word.clone();
            word_or_mark.union(&classes.mark);
            let (after_word, after_other) = if wanted {
                (
                    look(false, true, word_or_mark),
                    look(false, false, classes.word.clone()),
                )
            } else {
                (
                    look(false, false, word_or_mark),
                    look(false, true, classes.word.clone()),
                )
            };
            Node::Alternation(vec![
                Node::Concat(vec![look(true, false, classes.word.clone()), after_word]),
                Node::Concat(vec![look(true, true, classes.word.clone()), after_other]),
            ])
        }
        _ => return None,
    })
}

/// Whether the word characters that may stand on `side` are all bases (letters or digits of the
/// BMP): no `_`, nothing beyond the BMP.
fn word_chars_are_bases(side: &Side, classes: &Classes) -> bool {
    let mut word = side.chars.clone();
    word.intersect(&classes.word);
    let mut bases = side.chars.clone();
    bases.intersect(&classes.base_in_bmp);
    word == bases
}

#[cfg(test)]
mod tests {
    use super::settled;
    use crate::pattern::automaton::build;
    use crate::pattern::java::{parse, property};
    use regex_syntax::hir::ClassUnicode;

    /// `java.util.regex`'s `Bound.check` at UTF-16 index `i`, as Java 17 writes it: a side is a
    /// word character, or a non-spacing mark whose `hasBaseCharacter` holds.
    fn java_boundary(units: &[u16], i: usize, word: &ClassUnicode, mark: &ClassUnicode) -> bool {
        let base = property("LD").unwrap();
        let holds = |class: &ClassUnicode, cp: u32| {
            char::from_u32(cp).is_some_and(|c| {
                class
                    .ranges()
                    .iter()
                    .any(|r| r.start() <= c && c <= r.end())
            })
        };
        let at = |x: usize| match (units[x], units.get(x + 1)) {
            (high @ 0xD800..=0xDBFF, Some(&low @ 0xDC00..=0xDFFF)) => {
                0x10000 + ((u32::from(high) - 0xD800) << 10) + (u32::from(low) - 0xDC00)
            }
            (unit, _) => u32::from(unit),
        };
        let before = |x: usize| match (x.checked_sub(2).map(|h| units[h]), units[x - 1]) {
            (Some(high @ 0xD800..=0xDBFF), low @ 0xDC00..=0xDFFF) => {
                0x10000 + ((u32::from(high) - 0xD800) << 10) + (u32::from(low) - 0xDC00)
            }
            (_, unit) => u32::from(unit),
        };
        let has_base = |from: usize| {
            for x in (0..=from).rev() {
                let cp = at(x);
                if holds(&base, cp) {
                    return true;
                }
                if !holds(mark, cp) {
                    return false;
                }
            }
            false
        };
        let left = i > 0 && {
            let cp = before(i);
            holds(word, cp) || (holds(mark, cp) && has_base(i - 1))
        };
        let right = i < units.len() && {
            let cp = at(i);
            holds(word, cp) || (holds(mark, cp) && has_base(i))
        };
        left != right
    }

    /// Patterns of single characters with one boundary, after `split` of them: the automaton
    /// with the boundary settled, and the one that reads it in full where that fits the budget,
    /// against Java's `Bound` on every value of that many characters of an alphabet of word
    /// characters, others, and non-spacing marks in and beyond the BMP.
    #[test]
    fn settled_boundaries_read_as_java_does() {
        let word = crate::pattern::term::word_characters().unwrap();
        let mark = property("Mn").unwrap();
        let alphabet = ['a', '1', '_', '(', ' ', '\u{301}', '\u{1D167}', '𝐀'];
        let cases: [(&[&str], usize, bool); 10] = [
            (&["[a1_( \u{301}𝐀]", "[a1_( \u{301}\u{1D167}𝐀]"], 1, true),
            (&["[a1_(𝐀]", "[\u{301}\u{1D167}]", "[a(\u{301}]"], 2, true),
            (&["[a(_𝐀]", "\u{301}", "\u{301}", "[a(]"], 3, false),
            (&["[a(]", "[a(\u{301}]"], 1, true),
            (&["[1)]", "[1)\u{1D167}]"], 1, false),
            (&["[ a]", "[a1]"], 1, true),
            (&["[a1]", "[a1]", "[a(\u{301}]"], 2, true),
            (&["[_a]", "[\u{301}(]"], 1, true),
            (&["[(]", "[\u{301}a]"], 1, true),
            (&["[a1_( ]", "[a1_( ]"], 1, false),
        ];
        for (classes, split, wanted) in cases {
            let assertion = if wanted { r"\b" } else { r"\B" };
            let pattern = format!(
                "{}{assertion}{}",
                classes[..split].concat(),
                classes[split..].concat()
            );
            let node = parse(&pattern).unwrap();
            let settled = build(&settled(&node).unwrap()).unwrap().expect("settled");
            let full = build(&node).unwrap();
            let sets: Vec<ClassUnicode> = classes
                .iter()
                .map(|c| match parse(c).unwrap() {
                    crate::pattern::node::Node::Class(class) => class,
                    other => panic!("{c}: {other:?}"),
                })
                .collect();
            let mut values = vec![String::new()];
            for _ in 0..classes.len() {
                values = values
                    .iter()
                    .flat_map(|v| alphabet.iter().map(move |c| format!("{v}{c}")))
                    .collect();
            }
            let mut accepted = 0;
            for value in &values {
                let chars: Vec<char> = value.chars().collect();
                let in_classes = chars.iter().zip(&sets).all(|(&c, class)| {
                    class
                        .ranges()
                        .iter()
                        .any(|r| r.start() <= c && c <= r.end())
                });
                let units: Vec<u16> = value.encode_utf16().collect();
                let at: usize = chars[..split].iter().map(|c| c.len_utf16()).sum();
                let expected = in_classes && java_boundary(&units, at, &word, &mark) == wanted;
                accepted += usize::from(expected);
                assert_eq!(settled.matches(value), expected, "{pattern} on {value:?}");
                if let Some(full) = &full {
                    assert_eq!(
                        full.matches(value),
                        expected,
                        "{pattern} in full on {value:?}"
                    );
                }
            }
            assert!(accepted > 0, "{pattern} accepts none of the values");
        }
    }
}
