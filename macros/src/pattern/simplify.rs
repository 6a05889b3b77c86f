//! Rewrites of a parsed pattern that keep its language and shrink its automaton, applied to what
//! the automaton is built from (the printed renderings keep the pattern as written). Each one
//! removes a count the automaton would otherwise have to keep:
//!
//! - A bounded repetition of a class next to an unbounded one of a wider class needs no more
//!   than its minimum: the unbounded one takes the rest. `.*[a-z]{1,20}` is `.*[a-z]`, and
//!   `.{1,20}.*` is `..*`.
//! - A repetition of a group that repeats into itself, `(A+b){m,n}` with `b` in `A`, is the group
//!   `m` times: two of them in a row are one of them. `([!-~]+/){1,511}` is `[!-~]+/`.
//!
//! - A repetition of runs with an optional separator, `(A+b?){m,n}` with `b` outside `A`, needs
//!   no count of iterations: a value has as many ways to be split as it has `A`s, so it matches
//!   when its runs number at most `n` and its `A`s at least `m`. The runs are counted by the
//!   separators between them (`A+(bA+){0,n-1}b?`), each way the first `m` `A`s can be spelled
//!   a branch of its own. `([a-z]+/?){3,1016}` needs no more than four branches.
//!
//! - A repetition of pieces that begin with one character and end in a run, `(cP+b){m,n}` with
//!   `b` in `P` and `m ≤ 1`, needs a count only of the pieces that must begin where they do: a
//!   piece that begins with a character of `P` can be read as more of the piece before it. So
//!   it is `cP+b((c∖P)P+b){0,n-1}`, whose pieces are told apart by their first character.
//!   `([^/][!-~]+/){1,511}` is `[^/][!-~]+/([^/!-~][!-~]+/){0,510}`.
//!
//! - A whole value of runs joined by separators, `A{1,n}(b*A){0,m}` with `b` outside `A`, has
//!   two counts that are coupled: it matches when its `A`s number at most `n + m` and those after
//!   its first run at most `m`. Those are two conditions, each one count: a look-ahead for the
//!   first, `(?=A(b*A){0,n+m-1}\z)`, and `A+(b+A(b*A){0,m-1})?` for the second, which the
//!   automaton builds as two automata when one would be past the budget.
//!
//! Atomic groups are left as written: inside one, which match is tried first matters, not only
//! the language.

use super::node::{Assertion, Look, Node, Repeat};
use regex_syntax::hir::ClassUnicode;

/// `node`, a whole-value pattern, with every rewrite applied wherever it holds.
pub fn simplified(node: &Node) -> Node {
    let node = simplified_part(node);
    runs_joined_by_separators(&node).unwrap_or(node)
}

/// [`simplified`] for a part of a pattern: the rewrites that hold wherever the part stands.
fn simplified_part(node: &Node) -> Node {
    match node {
        Node::Concat(parts) => {
            let mut parts: Vec<Node> = parts.iter().map(simplified_part).collect();
            absorb_bounded_neighbours(&mut parts);
            Node::Concat(parts)
        }
        Node::Alternation(branches) => {
            Node::Alternation(branches.iter().map(simplified_part).collect())
        }
        Node::Repeat(repeat) => {
            let node = simplified_part(&repeat.node);
            if let Some(blocks) = runs_with_separators(&node, repeat.min, repeat.max) {
                return blocks;
            }
            if let Some(pieces) = pieces_by_their_forced_starts(&node, repeat.min, repeat.max) {
                return pieces;
            }
            let (min, max) = match repeat.max {
                Some(max) if max > repeat.min.max(1) && repeats_into_itself(&node) => {
                    (repeat.min, Some(repeat.min.max(1)))
                }
                max => (repeat.min, max),
            };
            Node::Repeat(Box::new(Repeat {
                node,
                min,
                max,
                greedy: repeat.greedy,
            }))
        }
        Node::Look(look) => Node::Look(Box::new(Look {
            node: simplified_part(&look.node),
            behind: look.behind,
            negated: look.negated,
        })),
        Node::Empty | Node::Class(_) | Node::Atomic(_) | Node::Assert(_) => node.clone(),
    }
}

/// `X{m,n}` beside `Y{k,}` with `X` inside `Y` becomes `X{m}`: whatever more of `X` a value has
/// is also a run of `Y`, on either side.
fn absorb_bounded_neighbours(parts: &mut [Node]) {
    for i in 0..parts.len().saturating_sub(1) {
        let (left, right) = parts.split_at_mut(i + 1);
        let (a, b) = (&mut left[i], &mut right[0]);
        if let Some(wide) = unbounded_class(a) {
            let wide = wide.clone();
            narrow_to_minimum(b, &wide);
        }
        if let Some(wide) = unbounded_class(b) {
            let wide = wide.clone();
            narrow_to_minimum(a, &wide);
        }
    }
}

/// The class of `node` when it is `Y{k,}`.
fn unbounded_class(node: &Node) -> Option<&ClassUnicode> {
    match node {
        Node::Repeat(repeat) if repeat.max.is_none() => match &repeat.node {
            Node::Class(class) => Some(class),
            _ => None,
        },
        _ => None,
    }
}

/// Makes `node`, when it is `X{m,n}` with `X` inside `wide`, into `X{m}`.
fn narrow_to_minimum(node: &mut Node, wide: &ClassUnicode) {
    if let Node::Repeat(repeat) = node
        && let Node::Class(class) = &repeat.node
        && repeat.max.is_some_and(|max| max > repeat.min)
        && is_subset(class, wide)
    {
        repeat.max = Some(repeat.min);
    }
}

/// Whether `L·L ⊆ L` for the language `L` of `node`, by its shape `A{k,}b` with `b` inside `A`:
/// then `A{k,}b·A{k,}b` is `A{k,}` followed by `b`, since `b·A{k,}` is a longer run of `A`. So
/// `L{m,n}` is `L{m}` (`m ≥ 1`) and `L{0,n}` is `L?`.
fn repeats_into_itself(node: &Node) -> bool {
    match node {
        Node::Concat(parts) => match parts.as_slice() {
            [run, Node::Class(last)] => unbounded_class(run).is_some_and(|a| is_subset(last, a)),
            _ => false,
        },
        _ => false,
    }
}

/// The most `A`s a value's first runs may have to be spelled out for, in
/// [`runs_with_separators`]: `2^(m − 1)` branches.
const MOST_SPELLED: u32 = 4;

/// `(A+b?){m,n}`, with `b` outside `A`, `1 ≤ m ≤ 4` and `m < n`, as the runs of `A` it stands
/// for, counted by their separators: a value of runs `A+` with single `b`s between them (and
/// maybe one after) splits into anything from one iteration per run to one per `A`, so it
/// matches when it has at most `n` runs and at least `m` `A`s. The branches spell the first
/// `m` `A`s with or without a `b` between each two; the separators spelled there are runs
/// taken.
fn runs_with_separators(node: &Node, min: u32, max: Option<u32>) -> Option<Node> {
    let max = max?;
    let Node::Concat(parts) = node else {
        return None;
    };
    let [run, separator] = parts.as_slice() else {
        return None;
    };
    let Node::Repeat(run) = run else {
        return None;
    };
    let Node::Repeat(separator) = separator else {
        return None;
    };
    let (Node::Class(a), Node::Class(b)) = (&run.node, &separator.node) else {
        return None;
    };
    let shape = run.min == 1 && run.max.is_none() && separator.min == 0 && separator.max == Some(1);
    let mut overlap = a.clone();
    overlap.intersect(b);
    if !shape || !overlap.ranges().is_empty() || min == 0 || min > MOST_SPELLED || min >= max {
        return None;
    }
    let branches = (0..1u32 << (min - 1))
        .map(|separators| {
            let spelled = separators.count_ones();
            let mut parts = vec![Node::Class(a.clone())];
            for gap in 0..min - 1 {
                if separators & (1 << gap) != 0 {
                    parts.push(Node::Class(b.clone()));
                }
                parts.push(Node::Class(a.clone()));
            }
            // The rest of the last run spelled, then the runs left: at most n in all.
            parts.push(repeat(Node::Class(a.clone()), 0, None));
            let run = Node::Concat(vec![
                Node::Class(b.clone()),
                repeat(Node::Class(a.clone()), 1, None),
            ]);
            parts.push(repeat(run, 0, Some(max - 1 - spelled)));
            parts.push(repeat(Node::Class(b.clone()), 0, Some(1)));
            Node::Concat(parts)
        })
        .collect();
    Some(Node::Alternation(branches))
}

/// `(cP+b){m,n}` with `b` inside `P`, `m ≤ 1` and `n ≥ 2`, as `cP+b((c∖P)P+b){0,n-1}`
/// (optional when `m` is 0): a value of such pieces needs a new piece only where a character
/// outside `P` begins one (any other piece's `cP+b` is more of the `P+` before it, which takes
/// the `b` and the `c` as well), and it then has at most `n` pieces when it has at most `n − 1`
/// such characters after its first.
fn pieces_by_their_forced_starts(node: &Node, min: u32, max: Option<u32>) -> Option<Node> {
    let max = max?;
    let Node::Concat(parts) = node else {
        return None;
    };
    let [Node::Class(first), Node::Repeat(run), Node::Class(last)] = parts.as_slice() else {
        return None;
    };
    let Node::Class(inner) = &run.node else {
        return None;
    };
    if run.min != 1 || run.max.is_some() || !is_subset(last, inner) || min > 1 || max < 2 {
        return None;
    }
    let mut forced = first.clone();
    forced.difference(inner);
    if forced.ranges() == first.ranges() {
        // No piece can be read as more of the one before: nothing to gain.
        return None;
    }
    let piece = |start: &ClassUnicode| {
        vec![
            Node::Class(start.clone()),
            repeat(Node::Class(inner.clone()), 1, None),
            Node::Class(last.clone()),
        ]
    };
    let mut parts = piece(first);
    parts.push(repeat(Node::Concat(piece(&forced)), 0, Some(max - 1)));
    let pieces = Node::Concat(parts);
    Some(match min {
        0 => repeat(pieces, 0, Some(1)),
        _ => pieces,
    })
}

/// The whole value `A{1,n}(b*A){0,m}`, with `b` outside `A`, `n ≥ 2` and `m ≥ 1`, as
/// `(?=A(b*A){0,n+m-1}\z)A+(b+A(b*A){0,m-1})?`. A value of `A`s and `b`s that begins and ends
/// with an `A` splits so when some `k` `A`s of its first run, `1 ≤ k ≤ n`, leave at most `m`
/// `A`s after them: when its `A`s number at most `n + m` and those after its first run at most
/// `m`. The look-ahead says the first and the rest the second, each with one count.
fn runs_joined_by_separators(node: &Node) -> Option<Node> {
    let [Node::Repeat(first), Node::Repeat(rest)] = node.inner_parts() else {
        return None;
    };
    let Node::Class(a) = &first.node else {
        return None;
    };
    let Node::Concat(joined) = &rest.node else {
        return None;
    };
    let [Node::Repeat(separator), Node::Class(last)] = joined.as_slice() else {
        return None;
    };
    let Node::Class(b) = &separator.node else {
        return None;
    };
    let (Some(n), Some(m)) = (first.max, rest.max) else {
        return None;
    };
    let mut overlap = a.clone();
    overlap.intersect(b);
    let shape = first.min == 1
        && n >= 2
        && rest.min == 0
        && m >= 1
        && separator.min == 0
        && separator.max.is_none()
        && last == a
        && overlap.ranges().is_empty();
    if !shape {
        return None;
    }
    let class = |c: &ClassUnicode| Node::Class(c.clone());
    // `b*A`, repeated.
    let more = |most: u32| {
        repeat(
            Node::Concat(vec![repeat(class(b), 0, None), class(a)]),
            0,
            Some(most),
        )
    };
    let all = Node::Concat(vec![
        class(a),
        more(n + m - 1),
        Node::Assert(Assertion::End),
    ]);
    let after_first = Node::Concat(vec![repeat(class(b), 1, None), class(a), more(m - 1)]);
    Some(Node::Concat(vec![
        Node::Look(Box::new(Look {
            node: all,
            behind: false,
            negated: false,
        })),
        repeat(class(a), 1, None),
        repeat(after_first, 0, Some(1)),
    ]))
}

/// `node{min,max}`, greedy (a rewrite's repetitions are outside atomic groups, where greedy or
/// not is the same language).
fn repeat(node: Node, min: u32, max: Option<u32>) -> Node {
    Node::Repeat(Box::new(Repeat {
        node,
        min,
        max,
        greedy: true,
    }))
}

fn is_subset(inner: &ClassUnicode, outer: &ClassUnicode) -> bool {
    let mut difference = inner.clone();
    difference.difference(outer);
    difference.ranges().is_empty()
}

#[cfg(test)]
mod tests {
    use super::simplified;
    use crate::pattern::ecma;
    use crate::pattern::java::parse;

    /// The simplified pattern, printed in the runtime engine's spelling.
    fn rewritten(pattern: &str) -> String {
        let node = parse(pattern).unwrap_or_else(|e| panic!("{pattern}: {}", e.message));
        ecma::anchored(&simplified(&node))
    }

    #[test]
    fn bounded_runs_beside_wider_unbounded_ones_keep_their_minimum() {
        assert_eq!(
            rewritten(".*[a-z]{1,20}/.{1,20}.*"),
            rewritten(".*[a-z]{1}/.{1}.*")
        );
        assert_eq!(rewritten("[0-9]+[0-9]{2,5}"), rewritten("[0-9]+[0-9]{2}"));
        // Not when the bounded class reaches beyond the unbounded one, or the count is fixed.
        assert_eq!(
            rewritten("[a-z]*[a-z0-9]{1,20}"),
            rewritten("[a-z]*[a-z0-9]{1,20}")
        );
        assert_eq!(rewritten("[a-z]{1,20}x.*"), rewritten("[a-z]{1,20}x.*"));
        // Inside an atomic group the first match found matters, so it stays as written.
        assert_eq!(
            rewritten("(?>.*[a-z]{1,20})x"),
            rewritten("(?>.*[a-z]{1,20})x")
        );
    }

    /// Each rewritten pattern's automaton against its repetition unrolled by hand, on every
    /// value of up to nine characters of `alphabet`.
    fn assert_same_language(pairs: &[(&str, &str)], alphabet: &[char]) {
        let automaton = |pattern: &str| {
            crate::pattern::compile(pattern)
                .unwrap()
                .tables
                .expect("an automaton")
        };
        let mut values = vec![String::new()];
        let mut level = vec![String::new()];
        for _ in 0..9 {
            level = level
                .iter()
                .flat_map(|v| alphabet.iter().map(move |c| format!("{v}{c}")))
                .collect();
            values.extend(level.iter().cloned());
        }
        let expected: usize = (0..=9).map(|k| alphabet.len().pow(k)).sum();
        assert_eq!(values.len(), expected);
        for &(pattern, unrolled) in pairs {
            let (ours, reference) = (automaton(pattern), automaton(unrolled));
            for value in &values {
                assert_eq!(
                    ours.matches(value),
                    reference.matches(value),
                    "{pattern} on {value:?}"
                );
            }
        }
    }

    #[test]
    fn runs_with_separators_are_counted_by_their_separators() {
        assert_eq!(
            rewritten("x([a-z]+/?){3,9}"),
            rewritten(
                "x([a-z][a-z][a-z][a-z]*(/[a-z]+){0,8}/?|[a-z]/[a-z][a-z][a-z]*(/[a-z]+){0,7}/?\
                 |[a-z][a-z]/[a-z][a-z]*(/[a-z]+){0,7}/?|[a-z]/[a-z]/[a-z][a-z]*(/[a-z]+){0,6}/?)"
            )
        );
        // The same language, on every value of up to 9 characters over `a`, `/` and `x`.
        assert_same_language(
            &[
                ("([a]+/?){3,5}", "(a+/?){3}|(a+/?){4}|(a+/?){5}"),
                ("([a]+/?){1,2}x", "(a+/?)x|(a+/?)(a+/?)x"),
                ("([a]+/?){2,3}", "(a+/?)(a+/?)|(a+/?)(a+/?)(a+/?)"),
            ],
            &['a', '/', 'x'],
        );
        // Not when the separator may be part of a run, or is not optional.
        assert_eq!(rewritten("([a-z/]+/?){3,9}"), rewritten("([a-z/]+/?){3,9}"));
        assert_eq!(rewritten("([a-z]+/){3,9}"), rewritten("([a-z]+/){3,9}"));
    }

    #[test]
    fn pieces_are_counted_where_they_must_begin() {
        assert_eq!(
            rewritten("x([^/][!-~]+/){1,511}"),
            rewritten("x[^/][!-~]+/([^/!-~][!-~]+/){0,510}")
        );
        // The same language, on every value of up to 9 characters over `a`, `/`, ` ` and `x`.
        assert_same_language(
            &[
                (
                    "([^/][!-~]+/){1,3}",
                    "([^/][!-~]+/)|([^/][!-~]+/){2}|([^/][!-~]+/){3}",
                ),
                ("([^/][!-~]+/){0,2}x", "(([^/][!-~]+/)|([^/][!-~]+/){2})?x"),
                ("([ a][a/]+/){1,2}", "([ a][a/]+/)|([ a][a/]+/){2}"),
            ],
            &['a', '/', ' ', 'x'],
        );
        // Not when the last character is outside the run, at least two pieces are needed, or
        // every piece must begin where it does already.
        assert_eq!(
            rewritten("([^/][a-z]+/){1,9}"),
            rewritten("([^/][a-z]+/){1,9}")
        );
        assert_eq!(
            rewritten("([^/][!-~]+/){2,9}"),
            rewritten("([^/][!-~]+/){2,9}")
        );
    }

    #[test]
    fn runs_joined_by_separators_are_two_conditions() {
        assert_eq!(
            rewritten("[a-z0-9]{1,256}(-*[a-z0-9]){0,256}"),
            rewritten(
                "(?=[a-z0-9](-*[a-z0-9]){0,511}\\z)[a-z0-9]+(-+[a-z0-9](-*[a-z0-9]){0,255})?"
            )
        );
        // The same language, on every value of up to 9 characters over `a`, `-` and `x`.
        assert_same_language(
            &[
                ("a{1,3}(-*a){0,2}", "(a|aa|aaa)(-*a|-*a-*a)?"),
                ("a{1,2}(-*a){0,4}", "(a|aa)(-*a){0,2}(-*a){0,2}"),
                ("[ax]{1,4}(-*[ax]){0,1}", "[ax]{1,4}(-*[ax])?"),
            ],
            &['a', '-', 'x'],
        );
        // Not within more of a pattern, where the look-ahead would see past the runs, nor when
        // the separator may be an `A`, or the first run is one `A`.
        assert_eq!(
            rewritten("x[a-z]{1,9}(-*[a-z]){0,9}"),
            rewritten("x[a-z]{1,9}(-*[a-z]){0,9}")
        );
        assert_eq!(
            rewritten("[a-z]{1,9}([-a]*[a-z]){0,9}"),
            rewritten("[a-z]{1,9}([-a]*[a-z]){0,9}")
        );
        assert_eq!(
            rewritten("[a-z](-*[a-z]){0,9}"),
            rewritten("[a-z](-*[a-z]){0,9}")
        );
    }

    #[test]
    fn groups_that_repeat_into_themselves_count_their_minimum() {
        assert_eq!(rewritten("([!-~]+/){1,511}"), rewritten("([!-~]+/){1}"));
        assert_eq!(rewritten("([!-~]*/){0,511}"), rewritten("([!-~]*/){0,1}"));
        assert_eq!(rewritten("(a+a){3,9}"), rewritten("(a+a){3}"));
        // `[^/]` reaches beyond `[!-~]`: a second group may start where the first could not go on.
        assert_eq!(
            rewritten("([^/][!-~]+/){1,511}"),
            rewritten("([^/][!-~]+/){1,511}")
        );
        assert_eq!(rewritten("([a-z]+/){1,5}"), rewritten("([a-z]+/){1,5}"));
    }
}
