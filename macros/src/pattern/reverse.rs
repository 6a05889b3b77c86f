//! The mirror image of a parsed pattern: the pattern that matches a value's bytes read from the
//! last to the first exactly when the pattern matches the value. Some patterns need two counts at
//! once read forwards and one at a time read backwards: `([!-~]{1,510}/)?[\w+=,.@-]{1,128}` counts
//! the part after the last `/` while it counts the part before it, but read from the end the
//! parts come one after the other.

use super::node::{Assertion, Node, Repeat};

/// The most bytes [`literal_start`] reports.
const MOST_START: usize = 64;

/// The bytes every value `node` (a whole-value pattern) matches begins with, read off the
/// pattern's opening literal characters (`arn:aws` of `arn:aws(-[^:]+)?:iam::…`): an automaton
/// that reads values backwards reads their beginning last, so the walk compares these first.
pub fn literal_start(node: &Node) -> Vec<u8> {
    let mut bytes = Vec::new();
    opening(node.inner_parts(), &mut bytes);
    bytes.truncate(MOST_START);
    bytes
}

/// Appends the literal characters `parts` open with; `false` once something else is met.
fn opening(parts: &[Node], bytes: &mut Vec<u8>) -> bool {
    for part in parts {
        let literal = match part {
            Node::Empty => true,
            Node::Class(class) => match class.ranges() {
                [only] if only.start() == only.end() => {
                    let mut buffer = [0; 4];
                    bytes.extend_from_slice(only.start().encode_utf8(&mut buffer).as_bytes());
                    true
                }
                _ => false,
            },
            Node::Concat(inner) => opening(inner, bytes),
            _ => false,
        };
        if !literal || bytes.len() >= MOST_START {
            return false;
        }
    }
    true
}

/// The mirror image of `node`, a whole-value pattern, or `None` when it has a look-around or an
/// atomic group (whose meaning depends on the direction of the match), or a `$` that is not at
/// the very end.
pub fn reversed(node: &Node) -> Option<Node> {
    mirror(node, true)
}

/// `node` mirrored; `at_end` says whether nothing of the pattern follows it, where Java's `$`
/// (the end, or before a line terminator that ends the value) can only be the end.
fn mirror(node: &Node, at_end: bool) -> Option<Node> {
    Some(match node {
        Node::Empty | Node::Class(_) => node.clone(),
        Node::Concat(parts) => {
            let last = parts.len().saturating_sub(1);
            let mut mirrored = parts
                .iter()
                .enumerate()
                .map(|(i, part)| mirror(part, at_end && i == last))
                .collect::<Option<Vec<_>>>()?;
            mirrored.reverse();
            Node::Concat(mirrored)
        }
        Node::Alternation(branches) => Node::Alternation(
            branches
                .iter()
                .map(|branch| mirror(branch, at_end))
                .collect::<Option<_>>()?,
        ),
        Node::Repeat(repeat) => Node::Repeat(Box::new(Repeat {
            node: mirror(&repeat.node, false)?,
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
        Node::Look(_) | Node::Atomic(_) => return None,
    })
}
