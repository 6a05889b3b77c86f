//! Recognizes patterns of the common shape — literal text and runs of ASCII classes with
//! repetition counts — for which the derive emits straight-line code instead of walking the DFA.
//!
//! A run of variable length is taken greedily, which agrees with the regular expression only
//! when what follows cannot begin with a byte of the run's class; a pattern where it could (or
//! with alternation, a non-ASCII class, a look-around…) is left to the automaton.

use super::node::{Assertion, Node};
use regex_syntax::hir::ClassUnicode;

/// One step of a straight-line match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// These bytes.
    Literal(Vec<u8>),
    /// Between `min` and `max` (unbounded: `None`) bytes of an ASCII class, as inclusive ranges.
    Class {
        ranges: Vec<(u8, u8)>,
        min: u32,
        max: Option<u32>,
    },
}

/// How many times a repeated group may be unrolled (`(?:[0-9]{1,3}\.){3}`).
const MAX_UNROLL: u32 = 16;

/// The steps of `node`, if it has the straight-line shape.
pub fn steps(node: &Node) -> Option<Vec<Step>> {
    let mut steps = Vec::new();
    let parts: &[Node] = match node {
        Node::Concat(parts) => parts,
        other => std::slice::from_ref(other),
    };
    // Whole-value matching makes anchors at the edges redundant; anywhere else they make a
    // pattern the automaton's business.
    let parts = match parts.first() {
        Some(Node::Assert(Assertion::Start)) => &parts[1..],
        _ => parts,
    };
    let parts = match parts.last() {
        Some(Node::Assert(Assertion::End)) => &parts[..parts.len() - 1],
        _ => parts,
    };
    for part in parts {
        collect(part, &mut steps)?;
    }
    let steps = merge_literals(steps);
    deterministic(&steps).then_some(steps)
}

fn ascii_ranges(class: &ClassUnicode) -> Option<Vec<(u8, u8)>> {
    if class.ranges().is_empty() {
        return None;
    }
    class
        .ranges()
        .iter()
        .map(|r| {
            let (lo, hi) = (r.start() as u32, r.end() as u32);
            (hi < 0x80).then_some((lo as u8, hi as u8))
        })
        .collect()
}

fn collect(node: &Node, steps: &mut Vec<Step>) -> Option<()> {
    match node {
        Node::Empty => Some(()),
        Node::Class(class) => {
            let ranges = ascii_ranges(class)?;
            steps.push(match ranges.as_slice() {
                [(lo, hi)] if lo == hi => Step::Literal(vec![*lo]),
                _ => Step::Class {
                    ranges,
                    min: 1,
                    max: Some(1),
                },
            });
            Some(())
        }
        Node::Repeat(repeat) => match &repeat.node {
            Node::Class(class) => {
                let ranges = ascii_ranges(class)?;
                steps.push(Step::Class {
                    ranges,
                    min: repeat.min,
                    max: repeat.max,
                });
                Some(())
            }
            _ if repeat.max == Some(repeat.min) && repeat.min <= MAX_UNROLL => {
                for _ in 0..repeat.min {
                    collect(&repeat.node, steps)?;
                }
                Some(())
            }
            _ => None,
        },
        Node::Concat(parts) => parts.iter().try_for_each(|part| collect(part, steps)),
        Node::Alternation(branches) if branches.len() == 1 => collect(&branches[0], steps),
        _ => None,
    }
}

fn merge_literals(steps: Vec<Step>) -> Vec<Step> {
    let mut merged: Vec<Step> = Vec::with_capacity(steps.len());
    for step in steps {
        match (merged.last_mut(), step) {
            (Some(Step::Literal(previous)), Step::Literal(next)) => previous.extend(next),
            (_, step) => merged.push(step),
        }
    }
    merged
}

fn in_ranges(byte: u8, ranges: &[(u8, u8)]) -> bool {
    ranges.iter().any(|&(lo, hi)| (lo..=hi).contains(&byte))
}

/// Whether every variable-length run is followed by the end, or by a step whose first byte
/// cannot be in the run's class: then the greedy run is the only way to match.
fn deterministic(steps: &[Step]) -> bool {
    steps.windows(2).all(|pair| match &pair[0] {
        Step::Class { ranges, min, max } if *max != Some(*min) => match &pair[1] {
            Step::Literal(bytes) => bytes.first().is_some_and(|&b| !in_ranges(b, ranges)),
            Step::Class {
                ranges: next,
                min: next_min,
                ..
            } => {
                *next_min >= 1
                    && next
                        .iter()
                        .all(|&(lo, hi)| (lo..=hi).all(|b| !in_ranges(b, ranges)))
            }
        },
        _ => true,
    })
}

#[cfg(test)]
mod tests {
    use super::{Step, steps};

    fn of(pattern: &str) -> Option<Vec<Step>> {
        steps(&super::super::java::parse(pattern).unwrap())
    }

    #[test]
    fn common_shapes() {
        assert_eq!(
            of("farm-[0-9a-f]{32}"),
            Some(vec![
                Step::Literal(b"farm-".to_vec()),
                Step::Class {
                    ranges: vec![(b'0', b'9'), (b'a', b'f')],
                    min: 32,
                    max: Some(32)
                },
            ])
        );
        assert_eq!(of(r"^[\.\-_A-Za-z0-9]+$").map(|s| s.len()), Some(1));
        assert_eq!(
            of(r"(?:[0-9]{1,3}\.){3}[0-9]{1,3}").map(|s| s.len()),
            Some(7)
        );
    }

    #[test]
    fn other_shapes_use_the_automaton() {
        assert_eq!(of("sessionaction-[0-9a-f]{32}-(0|([1-9][0-9]{0,9}))"), None);
        assert_eq!(of("[a-z]{1,3}[a-c]"), None);
        assert_eq!(of("[a-z]*[0-9]*"), None);
        assert_eq!(of("[é]+"), None);
        assert_eq!(of("a^b"), None);
        assert_eq!(of(r"a\bb"), None);
        assert_eq!(of("(?!x)a"), None);
    }
}
