//! Where a whole-value pattern may be cut in two, a head matched from the value's start and a
//! tail matched from its end, with the same meaning as the whole: a value matches when some
//! point splits it into a head and a tail that each match. Some patterns need two counts at
//! once whichever end is read first, `…:domain/.{1,500}/case/[…]{1,500}` among them, but each
//! side of the cut needs one.

use super::node::{Assertion, Node};

/// The most bytes a tail may match: the runtime's `split::MOST_TAIL_BYTES`, which keeps the
/// split points the tail accepts in a fixed set on the stack.
pub const MOST_TAIL_BYTES: u64 = 4095;

/// The ways to cut `node` (a whole-value pattern) into a head and a tail whose meanings do not
/// depend on each other, the shortest tail first. A cut is left out when a part of the head
/// looks past its end (a look-ahead, `$`, `\z` or a word boundary), when a part of the tail
/// looks before its start (a look-behind or `^`, or a word boundary that the tail's first part
/// does not separate from the cut), when there is an atomic group (whose meaning depends on
/// what follows it), or when the tail may be longer than [`MOST_TAIL_BYTES`].
pub fn cuts(node: &Node) -> Vec<(Node, Node)> {
    let parts = node.inner_parts();
    if parts.iter().any(has_atomic) {
        return Vec::new();
    }
    (1..parts.len())
        .rev()
        .map(|k| (&parts[..k], &parts[k..]))
        .filter(|(head, tail)| {
            let tail_width = Node::Concat(tail.to_vec()).byte_width().1;
            !head.iter().any(looks_ahead)
                && !tail.iter().any(looks_behind)
                && (!tail.iter().any(has_boundary) || separates(&tail[0]))
                && tail_width.is_some_and(|width| width <= MOST_TAIL_BYTES)
        })
        .map(|(head, tail)| (Node::Concat(head.to_vec()), Node::Concat(tail.to_vec())))
        .collect()
}

/// Whether `node` holds an atomic group (or a possessive quantifier).
fn has_atomic(node: &Node) -> bool {
    node.any(&|part| matches!(part, Node::Atomic(_)))
}

/// Whether `node` holds something that reads past where it ends: a look-ahead, an end of the
/// value or a word boundary.
fn looks_ahead(node: &Node) -> bool {
    node.any(&|part| match part {
        Node::Look(look) => !look.behind,
        Node::Assert(assertion) => *assertion != Assertion::Start,
        _ => false,
    })
}

/// Whether `node` holds something that reads before where it starts: a look-behind, a start of
/// the value or a word boundary.
fn looks_behind(node: &Node) -> bool {
    node.any(&|part| match part {
        Node::Look(look) => look.behind,
        Node::Assert(assertion) => matches!(assertion, Assertion::Start),
        _ => false,
    })
}

/// Whether `node` holds a word boundary.
fn has_boundary(node: &Node) -> bool {
    node.any(&|part| {
        matches!(
            part,
            Node::Assert(Assertion::WordBoundary | Assertion::NotWordBoundary)
        )
    })
}

/// Whether `first`, the first part of a tail, matches at least one character and reads nothing
/// around itself: every word boundary after it then has a character of the tail before it.
fn separates(first: &Node) -> bool {
    first.width().0 >= 1 && !first.has_look()
}

#[cfg(test)]
mod tests {
    use super::cuts;
    use crate::pattern::java::parse;

    /// The tails of `pattern`'s cuts, as the number of parts each keeps.
    fn tails(pattern: &str) -> Vec<usize> {
        let node = parse(pattern).unwrap();
        cuts(&node)
            .iter()
            .map(|(_, tail)| tail.inner_parts().len())
            .collect()
    }

    #[test]
    fn a_cut_keeps_what_looks_across_it_on_one_side() {
        // Every cut of plain parts, the shortest tail first.
        assert_eq!(tails("ab[0-9]{1,9}"), [1, 2]);
        // A word boundary ends the head nowhere, and opens a tail only after a character.
        assert!(tails("a\\bb").is_empty());
        assert_eq!(tails("a[a-z]{2}\\bc"), [3]);
        // A look-ahead stays in the tail, a look-behind in the head.
        assert_eq!(tails("a(?=b)b"), [2]);
        assert_eq!(tails("ab(?<=b)c"), [1]);
        // `^` and `$` inside belong to the head and the tail.
        assert_eq!(tails("a(^|b)c"), [1]);
        assert_eq!(tails("ab($|c)"), [1, 2]);
        // An atomic group's meaning depends on what follows it.
        assert!(tails("a(?>b+)b").is_empty());
        // A tail that may be longer than a stack set of split points holds is no tail.
        assert_eq!(tails("a.{1,5000}b"), [1]);
        assert!(tails("a.*").is_empty());
    }
}
