//! The mirror image of a parsed pattern: the pattern that matches a value's bytes read from the
//! last to the first exactly when the pattern matches the value. Some patterns need two counts at
//! once read forwards and one at a time read backwards: `([!-~]{1,510}/)?[\w+=,.@-]{1,128}` counts
//! the part after the last `/` while it counts the part before it, but read from the end the
//! parts come one after the other.

use super::node::{Assertion, Look, Node, Repeat};

/// The most characters [`literal_start`] and [`literal_end`] report.
const MOST_CHARACTERS: usize = 64;

/// The bytes every value `node` (a whole-value pattern) matches begins with, read off the
/// pattern's opening literal characters (`arn:aws` of `arn:aws(-[^:]+)?:iam::…`): an automaton
/// that reads values backwards reads their beginning last, so the walk compares these first.
pub fn literal_start(node: &Node) -> Vec<u8> {
    encoded(&opening(node))
}

/// The bytes every value `node` matches ends with, read off the pattern's closing literal
/// characters (`.csv` of `[^\x00]{1,1020}\.csv`): an automaton that reads values forwards
/// reads their end last, so a value that does not end so is refused before the walk.
pub fn literal_end(node: &Node) -> Vec<u8> {
    let Some(mirrored) = reversed(node) else {
        return Vec::new();
    };
    let mut characters = opening(&mirrored);
    characters.reverse();
    encoded(&characters)
}

/// The literal characters `node` opens with, at most [`MOST_CHARACTERS`].
fn opening(node: &Node) -> Vec<char> {
    let mut characters = Vec::new();
    opening_of(node.inner_parts(), &mut characters);
    characters.truncate(MOST_CHARACTERS);
    characters
}

fn encoded(characters: &[char]) -> Vec<u8> {
    characters.iter().collect::<String>().into_bytes()
}

/// Appends the literal characters `parts` open with; `false` once something else is met.
fn opening_of(parts: &[Node], characters: &mut Vec<char>) -> bool {
    for part in parts {
        let literal = match part {
            // `^` holds where the value opens, and a value that has it anywhere else has none.
            Node::Empty | Node::Assert(Assertion::Start) => true,
            Node::Class(class) => match class.ranges() {
                [only] if only.start() == only.end() => {
                    characters.push(only.start());
                    true
                }
                _ => false,
            },
            Node::Concat(inner) => opening_of(inner, characters),
            _ => false,
        };
        if !literal || characters.len() >= MOST_CHARACTERS {
            return false;
        }
    }
    true
}

/// The mirror image of `node`, a whole-value pattern, or `None` when it has a look-around or an
/// atomic group (whose meaning depends on the direction of the match), or a `$` that is not at
/// the very end.
pub fn reversed(node: &Node) -> Option<Node> {
    mirror(node, true, false)
}

/// [`reversed`], with each look-around that holds no look-around or assertion of its own turned
/// the other way: what follows a position of the value is what precedes it in the value read
/// backwards, so `(?!\w)` there is `(?<!\w)` here. For the tail of a pattern cut in two, which
/// has no mirror image otherwise when it holds a word boundary.
pub fn reversed_turning_looks(node: &Node) -> Option<Node> {
    mirror(node, true, true)
}

/// `node` mirrored; `at_end` says whether nothing of the pattern follows it, where Java's `$`
/// (the end, or before a line terminator that ends the value) can only be the end; `looks`
/// whether look-arounds are turned (see [`reversed_turning_looks`]) rather than refused.
fn mirror(node: &Node, at_end: bool, looks: bool) -> Option<Node> {
    Some(match node {
        Node::Empty | Node::Class(_) => node.clone(),
        Node::Concat(parts) => {
            let last = parts.len().saturating_sub(1);
            let mut mirrored = parts
                .iter()
                .enumerate()
                .map(|(i, part)| mirror(part, at_end && i == last, looks))
                .collect::<Option<Vec<_>>>()?;
            mirrored.reverse();
            Node::Concat(mirrored)
        }
        Node::Alternation(branches) => Node::Alternation(
            branches
                .iter()
                .map(|branch| mirror(branch, at_end, looks))
                .collect::<Option<_>>()?,
        ),
        Node::Repeat(repeat) => Node::Repeat(Box::new(Repeat {
            node: mirror(&repeat.node, false, looks)?,
            ..**repeat
        })),
        Node::Assert(assertion) => Node::Assert(match assertion {
            Assertion::Start => Assertion::End,
            Assertion::End => Assertion::Start,
            Assertion::LineEnd if at_end => Assertion::Start,
            Assertion::LineEnd => return None,
            // Whether a word character is on either side does not depend on which side is read
            // first.
            Assertion::WordBoundary | Assertion::NotWordBoundary => *assertion,
        }),
        Node::Look(look) if looks && !look.node.has_look() => Node::Look(Box::new(Look {
            node: mirror(&look.node, false, looks)?,
            behind: !look.behind,
            negated: look.negated,
        })),
        Node::Look(_) | Node::Atomic(_) => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::{literal_end, literal_start, reversed, reversed_turning_looks};
    use crate::pattern::java::parse;
    use crate::pattern::node::Node;

    #[test]
    fn literal_ends_are_read_off_the_pattern() {
        let start = |pattern: &str| String::from_utf8(literal_start(&parse(pattern).unwrap()));
        let end = |pattern: &str| String::from_utf8(literal_end(&parse(pattern).unwrap()));
        assert_eq!(start("^arn:aws(-[a-z]+)?:iam").unwrap(), "arn:aws");
        assert_eq!(end("[^\\x00]{1,1020}\\.csv").unwrap(), ".csv");
        assert_eq!(end("[a-z]+é😀$").unwrap(), "é😀");
        assert_eq!(end("x(a|b)").unwrap(), "");
        assert_eq!(end("a+(b)").unwrap(), "b");
        // The whole of a literal pattern, and no more than 64 characters of a long one.
        assert_eq!(end("abc").unwrap(), "abc");
        assert_eq!(
            end(&format!("[ab]{}", "c".repeat(70))).unwrap(),
            "c".repeat(64)
        );
        assert_eq!(
            start(&format!("{}[ab]", "c".repeat(70))).unwrap(),
            "c".repeat(64)
        );
        // Look-around has no mirror image, so no literal end is read off it.
        assert_eq!(end("(?=a)ab").unwrap(), "");
        // `$` before a final line terminator is no literal end.
        assert_eq!(end("ab$\\n?").unwrap(), "");
    }

    #[test]
    fn a_turned_look_ahead_is_a_look_behind() {
        let node = parse("a(?!b)c(?<=c)").unwrap();
        assert!(reversed(&node).is_none());
        let Some(Node::Concat(parts)) = reversed_turning_looks(&node) else {
            panic!("a mirror image");
        };
        let looks: Vec<(bool, bool)> = parts
            .iter()
            .filter_map(|part| match part {
                Node::Look(look) => Some((look.behind, look.negated)),
                _ => None,
            })
            .collect();
        // Mirrored, `(?<=c)` comes first, and each looks the other way.
        assert_eq!(looks, [(false, false), (true, true)]);
        // A look-around that holds another has no such mirror image.
        assert!(reversed_turning_looks(&parse("a(?=b(?<=b))b").unwrap()).is_none());
    }
}
