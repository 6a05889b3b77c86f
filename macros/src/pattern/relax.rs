//! A pattern with the upper bounds of its long repetitions dropped (`.{1,500}` read as `.+`),
//! which means what the pattern means for every value too short to exceed one of them. A
//! pattern cut in two ([`split`](super::split)) reads a value twice; relaxed, it is one
//! automaton that reads it once, and most values are that short.
//!
//! Why the two agree on a value of fewer than `below` characters: a relaxed repetition that
//! matches more times than the bound allows either repeats a part that matched nothing, which
//! can be left out without changing what is matched, or spans more characters than the value
//! has. Look-arounds are left as they are, and they see the same value either way; so are
//! atomic groups, whose meaning depends on how many times a repetition inside them matches
//! first (what they match does not depend on what follows them).

use super::node::{Node, Repeat};

/// The fewest times a repetition must allow for its bound to be dropped: shorter ones unroll
/// into few states anyway, and each bound dropped lowers the length under which the relaxed
/// pattern is exact.
const LONG_REPETITION: u32 = 64;

/// `node` with the upper bound of every repetition of at least [`LONG_REPETITION`] dropped,
/// and the length in characters (so in bytes too) below which it means what `node` means: the
/// shortest value in which a dropped bound is exceeded. `None` when no bound was dropped.
pub fn relaxed(node: &Node) -> Option<(Node, u64)> {
    let (relaxed, below) = relax(node);
    (below != NEVER).then_some((relaxed, below))
}

/// No dropped bound can be exceeded.
const NEVER: u64 = u64::MAX;

/// [`relaxed`] of `node`, with the fewest characters a match of `node` has in which a dropped
/// bound is exceeded ([`NEVER`] when none was dropped).
fn relax(node: &Node) -> (Node, u64) {
    let least = |node: &Node| node.width().0;
    match node {
        Node::Empty | Node::Class(_) | Node::Assert(_) | Node::Atomic(_) | Node::Look(_) => {
            (node.clone(), NEVER)
        }
        Node::Concat(parts) => {
            let leasts: Vec<u64> = parts.iter().map(least).collect();
            let total = leasts.iter().fold(0u64, |sum, &l| sum.saturating_add(l));
            let mut below = NEVER;
            let parts = parts
                .iter()
                .zip(&leasts)
                .map(|(part, &own)| {
                    let (relaxed, within) = relax(part);
                    if within != NEVER {
                        // The other parts at their shortest around this one.
                        below = below.min(within.saturating_add(total - own));
                    }
                    relaxed
                })
                .collect();
            (Node::Concat(parts), below)
        }
        Node::Alternation(branches) => {
            let mut below = NEVER;
            let branches = branches
                .iter()
                .map(|branch| {
                    let (relaxed, within) = relax(branch);
                    below = below.min(within);
                    relaxed
                })
                .collect();
            (Node::Alternation(branches), below)
        }
        Node::Repeat(repeat) => {
            let (inner, within) = relax(&repeat.node);
            let each = least(&repeat.node);
            // One repetition exceeds a bound inside, the others are at their shortest.
            let mut below = if within == NEVER {
                NEVER
            } else {
                let others = u64::from(repeat.min.max(1) - 1).saturating_mul(each);
                within.saturating_add(others)
            };
            let max = match repeat.max {
                Some(max) if max >= LONG_REPETITION && max > repeat.min => {
                    // Past the bound, every repetition that matched something took at least
                    // one character, and at least the part's shortest.
                    let exceeded = u64::from(max).saturating_add(1);
                    below = below.min(exceeded.saturating_mul(each.max(1)));
                    None
                }
                max => max,
            };
            let relaxed = Node::Repeat(Box::new(Repeat {
                node: inner,
                min: repeat.min,
                max,
                greedy: repeat.greedy,
            }));
            (relaxed, below)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::relaxed;
    use crate::pattern::automaton::build;
    use crate::pattern::java;

    /// The node of the Java pattern `pattern`.
    fn node(pattern: &str) -> crate::pattern::node::Node {
        java::parse(pattern).unwrap()
    }

    /// The bound [`relaxed`] finds for the Java pattern `pattern`.
    fn relaxed_below(pattern: &str) -> u64 {
        relaxed(&node(pattern)).unwrap().1
    }

    #[test]
    fn long_bounds_are_dropped_and_short_ones_kept() {
        let (relaxed, below) = relaxed(&node("a{2,6}b{1,500}(cd){0,100}")).unwrap();
        // `cd` past 100 needs 202 characters, with `aab` around them; `b` past 500, 503.
        assert_eq!(below, 205);
        // Nested: one `(x{0,70}y){2,3}` holds 71 `x`s, another only `y`.
        assert_eq!(relaxed_below("z(x{0,70}y){2,3}"), 74);
        assert_eq!(relaxed.width(), (3, None));
        assert!(super::relaxed(&node("a{2,6}b{64}[a-z]{0,63}")).is_none());
    }

    #[test]
    fn relaxed_patterns_agree_below_their_bound_and_not_past_it() {
        let pattern = r"a{1,70}/[ab/]{1,80}";
        let (relaxed_node, below) = relaxed(&node(pattern)).unwrap();
        // `a` past 70, then `/` and one more.
        assert_eq!(below, 73);
        let exact = build(&node(pattern)).unwrap().unwrap();
        let relaxed = build(&relaxed_node).unwrap().unwrap();
        assert!(relaxed.counter.is_none() && relaxed.tail.is_none());
        // Every value of the shapes that tell the two apart, around the bound.
        for a in [0, 1, 2, 35, 68, 69, 70, 71, 72] {
            for tail in ["", "b", "/", "a/b", "//", "ba/a"] {
                for b in [0, 1, 2, 79, 80, 81] {
                    let value = format!("{}/{tail}{}", "a".repeat(a), "b".repeat(b));
                    if value.len() < below as usize {
                        assert_eq!(relaxed.matches(&value), exact.matches(&value), "{value}");
                    }
                }
            }
        }
        // At the bound the relaxed pattern says yes where the pattern says no.
        let long = format!("{}/b", "a".repeat(71));
        assert_eq!(long.len() as u64, below);
        assert!(relaxed.matches(&long) && !exact.matches(&long));
    }
}
