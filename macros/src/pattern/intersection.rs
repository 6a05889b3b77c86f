//! Whether the automata a pattern that opens with look-aheads became (see `automaton::build`)
//! accept any value together: each may accept values while no value satisfies them all
//! (`(?=.{1,40}$)arn:…:stack/…` whose rest is never that short), and such a pattern is a
//! compile error like any other that matches nothing.

use super::automaton::Tables;
use super::fast_hash::{FastMap, FastSet};
use super::node::{Assertion, Node};

/// When no length in characters that the rest of `node` (a whole-value pattern) may match is
/// one every look-ahead it opens with allows, of those that read to the end (`(?=.{1,256}$)`):
/// the fewest characters they allow together, and the most (fewer). The search over the
/// automata's states does not follow their counts, so this is where a rest always longer than
/// such a look-ahead allows is found.
pub fn length_conflict(node: &Node) -> Option<(u64, u64)> {
    let (looks, rest) = node.opening_look_aheads();
    let (mut least, mut most) = Node::Concat(rest.to_vec()).width();
    for part in looks {
        let Node::Look(look) = part else {
            continue;
        };
        let Some((low, high)) = whole_width(&look.node).filter(|_| !look.negated) else {
            continue;
        };
        least = least.max(low);
        most = match (most, high) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
    most.filter(|&most| least > most).map(|most| (least, most))
}

/// The lengths in characters of the values `node`, a look-ahead's contents, allows when it
/// reads to the end of the value: `None` when it does not end with `$` or `\z`. Java's `$` may
/// stand before a line terminator that ends the value, one character more.
fn whole_width(node: &Node) -> Option<(u64, Option<u64>)> {
    let Node::Concat(parts) = node else {
        return None;
    };
    let (least, most) = node.width();
    match parts.last()? {
        Node::Assert(Assertion::End) => Some((least, most)),
        Node::Assert(Assertion::LineEnd) => Some((least, most.map(|most| most + 1))),
        _ => None,
    }
}

/// The most tuples of states the search visits before it gives up (and the pattern compiles,
/// as one that may match).
const MOST_TUPLES: usize = 1 << 17;

/// `Some(true)` when no value is accepted by every automaton of `automata`; `Some(false)` when
/// some tuple of their states, each accepting, is reachable, which is a value they all accept
/// unless a register rules it out (a boundary move here is free, whatever the register holds,
/// so this search reaches at least what the walks reach); `None` when it cannot tell: the
/// automata do not all read bytes in one direction, or the search is past its budget.
pub fn accept_nothing(automata: &[Tables]) -> Option<bool> {
    let first = automata.first()?;
    if automata
        .iter()
        .any(|tables| tables.wide.is_some() || tables.reversed != first.reversed)
    {
        return None;
    }
    // Bytes no automaton tells apart take one step.
    let mut representatives: FastMap<Vec<u8>, u8> = FastMap::default();
    for byte in 0..=255u8 {
        let classes = automata
            .iter()
            .map(|tables| tables.classes[usize::from(byte)])
            .collect();
        representatives.entry(classes).or_insert(byte);
    }
    let bytes: Vec<u8> = representatives.into_values().collect();
    let start: Vec<u32> = automata.iter().map(|tables| tables.start).collect();
    let mut seen: FastSet<Vec<u32>> = FastSet::default();
    let mut queue = Vec::new();
    for tuple in closure(automata, start) {
        if seen.insert(tuple.clone()) {
            queue.push(tuple);
        }
    }
    while let Some(tuple) = queue.pop() {
        let accepting = automata
            .iter()
            .zip(&tuple)
            .all(|(tables, &state)| tables.accepting[(state / tables.stride) as usize]);
        if accepting {
            return Some(false);
        }
        for &byte in &bytes {
            let next: Vec<u32> = automata
                .iter()
                .zip(&tuple)
                .map(|(tables, &state)| {
                    let class = u32::from(tables.classes[usize::from(byte)]);
                    tables.transitions[(state + class) as usize]
                })
                .collect();
            if next.contains(&0) {
                continue;
            }
            for tuple in closure(automata, next) {
                if seen.len() >= MOST_TUPLES {
                    return None;
                }
                if seen.insert(tuple.clone()) {
                    queue.push(tuple);
                }
            }
        }
    }
    Some(true)
}

/// `tuple` and every tuple its automata's registers may move it to without a byte: a state's
/// boundary (one count) or its twins (a set of counts), whatever the register holds.
fn closure(automata: &[Tables], tuple: Vec<u32>) -> Vec<Vec<u32>> {
    let mut tuples = vec![tuple];
    for (k, tables) in automata.iter().enumerate() {
        let Some(counter) = &tables.counter else {
            continue;
        };
        let stride = tables.stride;
        let mut grown = Vec::new();
        for tuple in &tuples {
            // Each automaton's own closure: boundaries lead on to further boundaries.
            let mut states = vec![tuple[k]];
            let mut at = 0;
            while at < states.len() {
                let state = (states[at] / stride) as usize;
                let moves: Vec<u32> = match &counter.sets {
                    Some(sets) => sets.twins[state * 8..state * 8 + 8].to_vec(),
                    None if counter.limits[state] != u32::MAX => vec![counter.boundaries[state]],
                    None => Vec::new(),
                };
                for target in moves {
                    if target != 0 && !states.contains(&target) {
                        states.push(target);
                    }
                }
                at += 1;
            }
            for state in states {
                let mut moved = tuple.clone();
                moved[k] = state;
                grown.push(moved);
            }
        }
        tuples = grown;
    }
    tuples
}
