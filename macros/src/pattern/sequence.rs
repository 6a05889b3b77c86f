//! Recognizes patterns of the common shape — literal text, runs of classes with repetition
//! counts, and alternatives told apart by their first byte — for which the derive emits
//! straight-line code instead of walking the DFA.
//!
//! A run of variable length is taken greedily, which agrees with the regular expression only
//! when what follows cannot begin with a member of the run's class; alternatives are chosen by
//! their first byte, which needs their first bytes to differ. A pattern where either could go
//! wrong (or with a look-around, or a class of many non-ASCII ranges…) is left to the automaton.

use super::node::Node;
use regex_syntax::hir::ClassUnicode;

/// One step of a straight-line match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// These bytes.
    Literal(Vec<u8>),
    /// Between `min` and `max` (unbounded: `None`) characters of a class, as inclusive ranges of
    /// code points.
    Class {
        ranges: Vec<(u32, u32)>,
        min: u32,
        max: Option<u32>,
    },
    /// One of the branches, chosen by the first byte (each branch consumes at least one ASCII
    /// character first, and no two branches can start with the same one). At most one branch
    /// may be empty: it is taken when the next byte begins no other branch, which needs what
    /// follows the choice to begin with none of their first bytes.
    Choice(Vec<Vec<Step>>),
}

/// How many times a repeated group may be unrolled (`(?:[0-9]{1,3}\.){3}`).
const MAX_UNROLL: u32 = 16;

/// The most non-ASCII ranges a class may have and still get straight-line code: each is one
/// comparison on the slow path.
const MAX_WIDE_RANGES: usize = 8;

/// The steps of `node`, if it has the straight-line shape.
pub fn steps(node: &Node) -> Option<Vec<Step>> {
    // Whole-value matching makes anchors at the edges redundant; anywhere else they make a
    // pattern the automaton's business.
    let steps = match node.inner_parts() {
        // `…$|^…`: the edges of a whole-value alternation's branches are the value's edges.
        [Node::Alternation(branches)] if branches.len() > 1 => {
            let branches = branches
                .iter()
                .map(|branch| sequence(branch.inner_parts()))
                .collect::<Option<Vec<_>>>()?;
            merge_literals(factored(branches))
        }
        parts => sequence(parts)?,
    };
    deterministic(&steps, None).then_some(steps)
}

fn sequence(parts: &[Node]) -> Option<Vec<Step>> {
    let mut steps = Vec::new();
    for part in parts {
        collect(part, &mut steps)?;
    }
    Some(merge_literals(steps))
}

fn class_ranges(class: &ClassUnicode) -> Option<Vec<(u32, u32)>> {
    let ranges: Vec<(u32, u32)> = class
        .ranges()
        .iter()
        .map(|r| (r.start() as u32, r.end() as u32))
        .collect();
    let wide = ranges.iter().filter(|&&(_, hi)| hi >= 0x80).count();
    (!ranges.is_empty() && wide <= MAX_WIDE_RANGES).then_some(ranges)
}

fn collect(node: &Node, steps: &mut Vec<Step>) -> Option<()> {
    match node {
        Node::Empty => Some(()),
        Node::Class(class) => {
            let ranges = class_ranges(class)?;
            steps.push(match ranges.as_slice() {
                [(lo, hi)] if lo == hi => {
                    let c = char::from_u32(*lo)?;
                    Step::Literal(c.to_string().into_bytes())
                }
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
                let ranges = class_ranges(class)?;
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
        Node::Alternation(branches) => {
            let branches = branches
                .iter()
                .map(|branch| match branch {
                    Node::Concat(parts) => sequence(parts),
                    other => sequence(std::slice::from_ref(other)),
                })
                .collect::<Option<Vec<_>>>()?;
            steps.extend(factored(branches));
            Some(())
        }
        _ => None,
    }
}

/// The choice among `branches` with what branches begin with in common taken out in front,
/// level by level: equal steps, then common literal text. `aws|aws-us-gov|aws-cn` becomes `aws`
/// then a choice of nothing or `-` then `us-gov` or `cn`, whose branches first bytes tell apart.
fn factored(branches: Vec<Vec<Step>>) -> Vec<Step> {
    // Branches in groups that begin alike, in the order the groups first appear.
    let mut groups: Vec<Vec<Vec<Step>>> = Vec::new();
    for branch in branches {
        match groups
            .iter_mut()
            .find(|group| begin_alike(&group[0], &branch))
        {
            Some(group) => group.push(branch),
            None => groups.push(vec![branch]),
        }
    }
    let mut choice: Vec<Vec<Step>> = Vec::new();
    for group in groups {
        let equal_steps = (0..)
            .take_while(|&k| {
                let step = group[0].get(k);
                step.is_some() && group.iter().all(|branch| branch.get(k) == step)
            })
            .count();
        let texts: Option<Vec<&[u8]>> = group
            .iter()
            .map(|branch| match branch.get(equal_steps) {
                Some(Step::Literal(bytes)) => Some(bytes.as_slice()),
                _ => None,
            })
            .collect();
        let mut common = texts.map_or(0, |texts| {
            texts
                .iter()
                .map(|t| t.iter().zip(texts[0]).take_while(|(a, b)| a == b).count())
                .min()
                .unwrap_or(0)
        });
        // Cut at a character's start, so that both halves stay text.
        while let Some(Step::Literal(bytes)) = group[0].get(equal_steps)
            && bytes.get(common).is_some_and(|b| b & 0xC0 == 0x80)
        {
            common -= 1;
        }
        if group.len() == 1 || (equal_steps == 0 && common == 0) {
            choice.extend(group);
            continue;
        }
        let mut steps = group[0][..equal_steps].to_vec();
        if let Some(Step::Literal(bytes)) = group[0].get(equal_steps)
            && common > 0
        {
            steps.push(Step::Literal(bytes[..common].to_vec()));
        }
        let rests = group
            .into_iter()
            .map(|mut branch| {
                branch.drain(..equal_steps);
                if common > 0
                    && let Some(Step::Literal(bytes)) = branch.first_mut()
                {
                    bytes.drain(..common);
                    if bytes.is_empty() {
                        branch.remove(0);
                    }
                }
                branch
            })
            .collect();
        steps.extend(factored(rests));
        choice.push(merge_literals(steps));
    }
    // Two empty branches are one.
    let mut seen_empty = false;
    choice.retain(|branch| !branch.is_empty() || !std::mem::replace(&mut seen_empty, true));
    match <[_; 1]>::try_from(choice) {
        Ok([only]) => only,
        Err(choice) => vec![Step::Choice(choice)],
    }
}

/// Whether two branches begin with the same step, or with literal text of the same first byte.
fn begin_alike(a: &[Step], b: &[Step]) -> bool {
    match (a.first(), b.first()) {
        (Some(Step::Literal(a)), Some(Step::Literal(b))) => a.first() == b.first(),
        (Some(a), Some(b)) => a == b,
        _ => false,
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

fn overlaps(a: &[(u32, u32)], b: &[(u32, u32)]) -> bool {
    a.iter()
        .any(|&(lo, hi)| b.iter().any(|&(lo2, hi2)| lo <= hi2 && lo2 <= hi))
}

/// The characters `steps` can start with, if it always consumes one first.
pub fn first(steps: &[Step]) -> Option<Vec<(u32, u32)>> {
    match steps.first()? {
        Step::Literal(bytes) => {
            let c = std::str::from_utf8(bytes).ok()?.chars().next()? as u32;
            Some(vec![(c, c)])
        }
        Step::Class { ranges, min, .. } => (*min >= 1).then(|| ranges.clone()),
        Step::Choice(branches) => {
            let mut all = Vec::new();
            for branch in branches {
                if branch.is_empty() {
                    // Taking the empty branch, the steps after the choice come first.
                    all.extend(first(&steps[1..])?);
                } else {
                    all.extend(first(branch)?);
                }
            }
            Some(all)
        }
    }
}

/// How straight-line code reads the characters of a class step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// Bytes: the class has no member beyond ASCII.
    Ascii,
    /// Bytes: the class holds every character beyond ASCII (`\S`, `[^:/]`), so in well-formed
    /// UTF-8 its run is the run of bytes beyond ASCII or in its ASCII part, and nothing is
    /// decoded. A step of fixed count not at the end is not read this way: it must stop after
    /// its count, which takes counting characters one by one.
    EveryBeyondAscii,
    /// Characters: ASCII bytes tested directly, other characters decoded.
    Decoded,
}

/// How the class step `ranges`, `min..=max` times, is read; `last` when it ends the value.
pub fn reading(ranges: &[(u32, u32)], min: u32, max: Option<u32>, last: bool) -> Reading {
    if ranges.last().is_none_or(|&(_, hi)| hi < 0x80) {
        Reading::Ascii
    } else if holds_everything_beyond_ascii(ranges) && (last || max != Some(min)) {
        Reading::EveryBeyondAscii
    } else {
        Reading::Decoded
    }
}

/// Whether the (sorted, disjoint) `ranges` hold every character from U+0080 on. Surrogates are
/// no characters, so a class may skip them.
fn holds_everything_beyond_ascii(ranges: &[(u32, u32)]) -> bool {
    let mut next = 0x80;
    for &(lo, hi) in ranges.iter().filter(|&&(_, hi)| hi >= 0x80) {
        let resumes_after_surrogates = (0xD800..=0xE000).contains(&next) && lo <= 0xE000;
        if lo > next && !resumes_after_surrogates {
            return false;
        }
        next = hi + 1;
    }
    next > 0x10FFFF
}

/// Whether greedy runs and first-byte choices match what the regular expression does: every
/// variable-length run is followed by a step that cannot start with a member of its class (or by
/// `follow`, what comes after the whole sequence: `None` is the end), and the branches of a
/// choice start with distinct ASCII characters.
fn deterministic(steps: &[Step], follow: Option<&[(u32, u32)]>) -> bool {
    (0..steps.len()).all(|i| {
        // What may follow this step: `Some(None)` is the end; `None`, a step that may match
        // nothing, which no greedy run or choice can be sure of.
        let next = || match steps.get(i + 1) {
            Some(_) => first(&steps[i + 1..]).map(Some),
            None => Some(follow.map(<[_]>::to_vec)),
        };
        match &steps[i] {
            Step::Class { ranges, min, max } if *max != Some(*min) => match next() {
                Some(next) => next.is_none_or(|next| !overlaps(ranges, &next)),
                None => false,
            },
            Step::Choice(branches) => {
                let Some(next) = next() else { return false };
                let firsts: Option<Vec<Vec<(u32, u32)>>> = branches
                    .iter()
                    .filter(|b| !b.is_empty())
                    .map(|b| first(b))
                    .collect();
                let Some(firsts) = firsts else { return false };
                if branches.iter().any(Vec::is_empty) {
                    // The empty branch begins with what follows the choice: the end of the value
                    // (which no other branch can be at), or characters no other branch begins
                    // with. `next` is only the characters here, not a test of them, so it need
                    // not be ASCII.
                    if let Some(next) = &next
                        && firsts.iter().any(|f| overlaps(f, next))
                    {
                        return false;
                    }
                }
                if !firsts.iter().flatten().all(|&(_, hi)| hi < 0x80) {
                    return false;
                }
                let disjoint = (0..firsts.len())
                    .all(|a| (a + 1..firsts.len()).all(|b| !overlaps(&firsts[a], &firsts[b])));
                disjoint
                    && branches
                        .iter()
                        .all(|branch| deterministic(branch, next.as_deref()))
            }
            _ => true,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::{Reading, Step, reading, steps};

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
                    ranges: vec![(0x30, 0x39), (0x61, 0x66)],
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
    fn alternatives_and_wide_classes() {
        assert!(of("sessionaction-[0-9a-f]{32}-(0|([1-9][0-9]{0,9}))").is_some());
        assert!(of("arn:aws[^:]*:iam::[0-9]*:role/.+").is_some());
        // Branches that share their first byte, with no common text to take out in front.
        assert!(of("(a|[a-c])").is_none());
        assert!(of("(a|b)*").is_none());
        assert!(of("[a-z]*(a|b)").is_none());
    }

    #[test]
    fn other_shapes_use_the_automaton() {
        assert_eq!(of("[a-z]{1,3}[a-c]"), None);
        assert_eq!(of("[a-z]*[0-9]*"), None);
        assert_eq!(of("a^b"), None);
        assert_eq!(of(r"a\bb"), None);
        assert_eq!(of("(?!x)a"), None);
    }

    fn class_of(pattern: &str) -> Vec<(u32, u32)> {
        match of(pattern).as_deref() {
            Some([Step::Class { ranges, .. }]) => ranges.clone(),
            other => panic!("{pattern}: {other:?}"),
        }
    }

    #[test]
    fn classes_read_as_bytes_unless_they_must_be_decoded() {
        let ascii = class_of("[a-z]+");
        assert_eq!(reading(&ascii, 1, None, false), Reading::Ascii);
        // Java's `\S` and a negated class hold every character beyond ASCII, surrogates aside.
        for every in [
            r"\S+",
            "[^:/]+",
            "(?s).+",
            r"[\x00-\x{D7FF}\x{E000}-\x{10FFFF}]+",
        ] {
            let ranges = class_of(every);
            assert_eq!(
                reading(&ranges, 1, None, false),
                Reading::EveryBeyondAscii,
                "{every}"
            );
            // A fixed count must stop after its count, which only decoding can tell.
            assert_eq!(
                reading(&ranges, 3, Some(3), false),
                Reading::Decoded,
                "{every}"
            );
            assert_eq!(
                reading(&ranges, 3, Some(3), true),
                Reading::EveryBeyondAscii
            );
        }
        // Java's `.` leaves out U+0085, U+2028 and U+2029 with the ASCII line terminators.
        for some in [
            ".+",
            "[a-z’]+",
            r"[^\x{10FFFF}]+",
            r"[\x{80}-\x{D7FF}\x{E001}-\x{10FFFF}]+",
        ] {
            let ranges = class_of(some);
            assert_eq!(reading(&ranges, 1, None, false), Reading::Decoded, "{some}");
        }
    }

    #[test]
    fn common_literal_text_is_taken_out_of_choices() {
        let literal = |text: &str| Step::Literal(text.as_bytes().to_vec());
        assert_eq!(
            of("arn:(aws|aws-us-gov|aws-cn):s3"),
            Some(vec![
                literal("arn:aws"),
                Step::Choice(vec![
                    vec![],
                    vec![
                        literal("-"),
                        Step::Choice(vec![vec![literal("us-gov")], vec![literal("cn")]])
                    ],
                ]),
                literal(":s3"),
            ])
        );
        assert_eq!(
            of("(ab|ac)"),
            Some(vec![
                literal("a"),
                Step::Choice(vec![vec![literal("b")], vec![literal("c")]])
            ])
        );
        // Empty branches, from the pattern or from taking text out, before what cannot begin
        // any other branch, or at the end.
        assert!(of("arn:aws(|-cn|-us-gov):x").is_some());
        assert!(of("([0-9]{12}|):secret").is_some());
        assert!(of("x(y|)").is_some());
        assert!(of("(é|éa)b").is_some());
        // Where what follows could begin the other branch, the automaton decides.
        assert!(of("(a|ab)b").is_none());
        assert!(of("(|[0-9]{12})[0-9]").is_none());
        assert!(of("(a|ab)[a-z]*").is_none());
        // Characters that share only their first byte have no text in common.
        assert!(of("(é|è)x").is_none());
        // Equal steps are taken out too, then literal text; edge anchors of a whole-value
        // alternation's branches are the value's edges.
        assert_eq!(
            of("^a[0-9]{2}:(x/[a-z]+)$|^a[0-9]{2}:(y/[a-z]+)$|^b"),
            Some(vec![Step::Choice(vec![
                vec![
                    literal("a"),
                    Step::Class {
                        ranges: vec![(0x30, 0x39)],
                        min: 2,
                        max: Some(2)
                    },
                    literal(":"),
                    Step::Choice(vec![
                        vec![
                            literal("x/"),
                            Step::Class {
                                ranges: vec![(0x61, 0x7A)],
                                min: 1,
                                max: None
                            }
                        ],
                        vec![
                            literal("y/"),
                            Step::Class {
                                ranges: vec![(0x61, 0x7A)],
                                min: 1,
                                max: None
                            }
                        ],
                    ]),
                ],
                vec![literal("b")],
            ])])
        );
        assert!(of("a|a").is_some());
        assert!(of("arn:aws:((iam::[0-9]{12}:role/x)|(iam::[0-9]{12}:root))").is_some());
    }
}
