//! Recognizes patterns of the common shape — literal text and runs of ASCII classes with
//! repetition counts — for which the derive emits straight-line code instead of walking the DFA.
//!
//! A run of variable length is taken greedily, which agrees with the regular expression only
//! when what follows cannot begin with a byte of the run's class; a pattern where it could (or
//! with alternation, a non-ASCII class, a look-around…) is left to the automaton.

use regex_syntax::hir::{Class, Hir, HirKind, Look};

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

/// The steps of `hir`, if it has the straight-line shape.
pub fn steps(hir: &Hir) -> Option<Vec<Step>> {
    let mut steps = Vec::new();
    collect(hir, &mut steps)?;
    let steps = merge_literals(steps);
    deterministic(&steps).then_some(steps)
}

fn ascii_ranges(class: &Class) -> Option<Vec<(u8, u8)>> {
    match class {
        Class::Unicode(c) => c
            .ranges()
            .iter()
            .map(|r| {
                let (lo, hi) = (r.start() as u32, r.end() as u32);
                (hi < 0x80).then_some((lo as u8, hi as u8))
            })
            .collect(),
        Class::Bytes(c) => c
            .ranges()
            .iter()
            .map(|r| (r.end() < 0x80).then_some((r.start(), r.end())))
            .collect(),
    }
}

fn collect(hir: &Hir, steps: &mut Vec<Step>) -> Option<()> {
    match hir.kind() {
        HirKind::Empty => Some(()),
        // Whole-value matching makes anchors at the edges redundant; anywhere else they make a
        // pattern the automaton's business.
        HirKind::Look(Look::Start | Look::End) if steps.is_empty() || is_end(hir) => Some(()),
        HirKind::Literal(literal) => {
            steps.push(Step::Literal(literal.0.to_vec()));
            Some(())
        }
        HirKind::Class(class) => {
            let ranges = ascii_ranges(class)?;
            steps.push(Step::Class {
                ranges,
                min: 1,
                max: Some(1),
            });
            Some(())
        }
        HirKind::Repetition(repetition) => match repetition.sub.kind() {
            HirKind::Class(class) => {
                let ranges = ascii_ranges(class)?;
                steps.push(Step::Class {
                    ranges,
                    min: repetition.min,
                    max: repetition.max,
                });
                Some(())
            }
            _ if repetition.max == Some(repetition.min) && repetition.min <= MAX_UNROLL => {
                for _ in 0..repetition.min {
                    collect(&repetition.sub, steps)?;
                }
                Some(())
            }
            _ => None,
        },
        HirKind::Capture(capture) => collect(&capture.sub, steps),
        HirKind::Concat(items) => {
            let last = items.len().saturating_sub(1);
            for (i, item) in items.iter().enumerate() {
                if let HirKind::Look(Look::Start) = item.kind()
                    && (i > 0 || !steps.is_empty())
                {
                    return None;
                }
                if let HirKind::Look(Look::End) = item.kind()
                    && i != last
                {
                    return None;
                }
                collect(item, steps)?;
            }
            Some(())
        }
        _ => None,
    }
}

fn is_end(hir: &Hir) -> bool {
    matches!(hir.kind(), HirKind::Look(Look::End))
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
        let hir = regex_syntax::parse(pattern).unwrap();
        steps(&hir)
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
    }
}
