//! The parsed pattern: a syntax tree with Java's meaning already settled (classes spelled out as
//! code-point sets, flags applied), from which the automaton, the straight-line steps and the
//! printed renderings are all derived.

use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange};

/// One node of a parsed pattern.
#[derive(Clone, Debug)]
pub enum Node {
    /// The empty string.
    Empty,
    /// One character of the set (a literal character is a set of one; an empty set matches
    /// nothing, as a lone surrogate outside a class does).
    Class(ClassUnicode),
    /// Each part in turn.
    Concat(Vec<Node>),
    /// Any one branch.
    Alternation(Vec<Node>),
    /// A quantified node.
    Repeat(Box<Repeat>),
    /// A zero-width look-ahead or look-behind.
    Look(Box<Look>),
    /// `(?>…)`, or what a possessive quantifier means: the first way the group matches is the
    /// only one tried.
    Atomic(Box<Node>),
    /// A zero-width assertion about the position.
    Assert(Assertion),
}

/// `node{min,max}`.
#[derive(Clone, Debug)]
pub struct Repeat {
    pub node: Node,
    pub min: u32,
    /// `None`: unbounded.
    pub max: Option<u32>,
    /// Lazy quantifiers (`*?`) differ from greedy ones only in which match is found first, which
    /// matters to an enclosing atomic group and to printing, not to a whole-value match.
    pub greedy: bool,
}

/// `(?=…)`, `(?!…)`, `(?<=…)` or `(?<!…)`.
#[derive(Clone, Debug)]
pub struct Look {
    pub node: Node,
    /// Behind the position (`(?<=`, `(?<!`) rather than after it.
    pub behind: bool,
    pub negated: bool,
}

/// Java's zero-width assertions, with their default (non-`MULTILINE`) meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Assertion {
    /// `^` and `\A`: the start of the value.
    Start,
    /// `\z`: the end of the value.
    End,
    /// `$` and `\Z`: the end, or just before a line terminator that ends the value.
    LineEnd,
    /// `\b`.
    WordBoundary,
    /// `\B`.
    NotWordBoundary,
}

impl Node {
    /// A literal character.
    pub fn char(c: char) -> Node {
        Node::Class(ClassUnicode::new([ClassUnicodeRange::new(c, c)]))
    }

    /// Whether the node contains a look-around, an atomic group or an assertion other than
    /// `^`/`\A` at the very start or `$`/`\z` at the very end.
    pub fn has_look(&self) -> bool {
        match self {
            Node::Empty | Node::Class(_) => false,
            Node::Concat(parts) | Node::Alternation(parts) => parts.iter().any(Node::has_look),
            Node::Repeat(repeat) => repeat.node.has_look(),
            Node::Look(_) | Node::Atomic(_) | Node::Assert(_) => true,
        }
    }

    /// The parts of a whole-value pattern without a `^`/`\A` that opens it or a `\z` that
    /// closes it, which a whole-value match makes redundant.
    pub fn inner_parts(&self) -> &[Node] {
        let parts: &[Node] = match self {
            Node::Concat(parts) => parts,
            other => std::slice::from_ref(other),
        };
        let parts = match parts.first() {
            Some(Node::Assert(Assertion::Start)) => &parts[1..],
            _ => parts,
        };
        match parts.last() {
            Some(Node::Assert(Assertion::End)) => &parts[..parts.len() - 1],
            _ => parts,
        }
    }

    /// The look-aheads a whole-value pattern opens with (`(?=.{1,256}$)(?!aws:)`), and the
    /// rest of its [`inner_parts`](Self::inner_parts).
    pub fn opening_look_aheads(&self) -> (&[Node], &[Node]) {
        let parts = self.inner_parts();
        let looks = parts
            .iter()
            .take_while(|part| matches!(part, Node::Look(look) if !look.behind))
            .count();
        parts.split_at(looks)
    }

    /// Whether this node or any node within it (look-arounds' and atomic groups' included) is
    /// one `test` holds for.
    pub fn any(&self, test: &dyn Fn(&Node) -> bool) -> bool {
        test(self)
            || match self {
                Node::Empty | Node::Class(_) | Node::Assert(_) => false,
                Node::Concat(parts) | Node::Alternation(parts) => {
                    parts.iter().any(|part| part.any(test))
                }
                Node::Repeat(repeat) => repeat.node.any(test),
                Node::Look(look) => look.node.any(test),
                Node::Atomic(inner) => inner.any(test),
            }
    }

    /// The shortest and longest number of characters the node matches (`None`: unbounded),
    /// ignoring whether it can match at all.
    pub fn width(&self) -> (u64, Option<u64>) {
        self.width_by(&|_| (1, 1))
    }

    /// [`width`](Self::width) in UTF-8 bytes. Look-arounds, atomic groups and assertions only
    /// ever narrow what a node matches, so these bounds hold whatever they say.
    pub fn byte_width(&self) -> (u64, Option<u64>) {
        self.width_by(&|class| {
            let ranges = class.ranges();
            match (ranges.first(), ranges.last()) {
                // UTF-8 length grows with the code point, and the ranges are sorted.
                (Some(first), Some(last)) => (
                    first.start().len_utf8() as u64,
                    last.end().len_utf8() as u64,
                ),
                _ => (1, 1),
            }
        })
    }

    /// The shortest and longest match, a class being as long as `class` says.
    fn width_by(&self, class: &dyn Fn(&ClassUnicode) -> (u64, u64)) -> (u64, Option<u64>) {
        match self {
            Node::Empty | Node::Look(_) | Node::Assert(_) => (0, Some(0)),
            Node::Class(set) => {
                let (min, max) = class(set);
                (min, Some(max))
            }
            Node::Concat(parts) => parts.iter().fold((0, Some(0)), |(min, max), part| {
                let (part_min, part_max) = part.width_by(class);
                (
                    min.saturating_add(part_min),
                    max.zip(part_max).map(|(a, b)| a.saturating_add(b)),
                )
            }),
            Node::Alternation(branches) => {
                let widths: Vec<_> = branches.iter().map(|b| b.width_by(class)).collect();
                let min = widths.iter().map(|w| w.0).min().unwrap_or(0);
                let max = widths
                    .iter()
                    .try_fold(0u64, |max, w| w.1.map(|b| max.max(b)));
                (min, max)
            }
            Node::Repeat(repeat) => {
                let (min, max) = repeat.node.width_by(class);
                (
                    min.saturating_mul(u64::from(repeat.min)),
                    match (max, repeat.max) {
                        (Some(0), _) => Some(0),
                        (Some(max), Some(count)) => Some(max.saturating_mul(u64::from(count))),
                        _ => None,
                    },
                )
            }
            Node::Atomic(node) => node.width_by(class),
        }
    }
}
