//! The character alphabet: when a pattern's byte-level automaton is past the budget because its
//! classes reach far beyond ASCII (`\p{L}`, `\P{C}`), the automaton is built over characters
//! instead. Every character maps to one of at most 256 symbols (characters that no class of the
//! pattern tells apart share one), and the derivatives run over symbols exactly as they run over
//! bytes. A class then costs one transition per state, not a tree of UTF-8 partial states.

use super::node::{Assertion, Node};
use super::term::{line_terminators, word_characters};
use regex_syntax::hir::ClassUnicode;

/// One past the last Unicode scalar value.
const END: u32 = 0x11_0000;

/// The partition of all characters into intervals (atoms) no class of the pattern splits, and
/// the symbol of each.
#[derive(Clone, Debug)]
pub struct Alphabet {
    /// `starts[i]..starts[i + 1]` (or `..0x110000` for the last) is atom `i`.
    starts: Vec<u32>,
    /// The symbol of each atom.
    symbols: Vec<u8>,
    /// How many symbols there are.
    count: usize,
}

impl Alphabet {
    /// The alphabet of `node`'s classes, or `None` when they need more than 256 symbols.
    pub fn of(node: &Node) -> Option<Alphabet> {
        let mut classes = Vec::new();
        collect(node, &mut classes);
        let mut starts = vec![0u32, 0x80];
        for class in &classes {
            for range in class.iter() {
                starts.push(u32::from(range.start()));
                starts.push(u32::from(range.end()) + 1);
            }
        }
        starts.sort_unstable();
        starts.dedup();
        starts.retain(|&s| s < END);
        // An atom's membership in every class, as a bit set, names its symbol.
        let words = classes.len().div_ceil(64);
        let mut signatures = vec![0u64; starts.len() * words];
        for (k, class) in classes.iter().enumerate() {
            for range in class.iter() {
                let first = starts.partition_point(|&s| s < u32::from(range.start()));
                let last = starts.partition_point(|&s| s <= u32::from(range.end()));
                for atom in first..last {
                    signatures[atom * words + k / 64] |= 1 << (k % 64);
                }
            }
        }
        let mut named: std::collections::HashMap<&[u64], u8> = std::collections::HashMap::new();
        let mut symbols = Vec::with_capacity(starts.len());
        for atom in 0..starts.len() {
            let signature = &signatures[atom * words..(atom + 1) * words];
            let next = named.len();
            let symbol = match named.get(signature) {
                Some(&symbol) => symbol,
                None => {
                    let symbol = u8::try_from(next).ok()?;
                    named.insert(signature, symbol);
                    symbol
                }
            };
            symbols.push(symbol);
        }
        let count = named.len();
        Some(Alphabet {
            starts,
            symbols,
            count,
        })
    }

    /// How many symbols there are.
    pub fn len(&self) -> usize {
        self.count
    }

    /// The symbols of `class`, or `None` when the class splits an atom (a class the alphabet
    /// was not built from).
    pub fn symbols_of(&self, class: &ClassUnicode) -> Option<[u64; 4]> {
        let mut set = [0u64; 4];
        for range in class.iter() {
            let (start, end) = (u32::from(range.start()), u32::from(range.end()) + 1);
            let first = self.starts.partition_point(|&s| s < start);
            if self.starts.get(first) != Some(&start) {
                return None;
            }
            let last = self.starts.partition_point(|&s| s < end);
            if last < self.starts.len() && self.starts[last] != end {
                return None;
            }
            for atom in first..last {
                let symbol = self.symbols[atom];
                set[usize::from(symbol >> 6)] |= 1 << (symbol & 63);
            }
        }
        Some(set)
    }

    /// The intervals from U+0080 on, each with its class under `classes` (symbol → class),
    /// adjacent intervals of one class merged: what the walk looks a character up in.
    pub fn wide_classes(&self, classes: &[u8; 256]) -> (Vec<u32>, Vec<u8>) {
        let mut starts = Vec::new();
        let mut of = Vec::new();
        for (atom, &start) in self.starts.iter().enumerate() {
            if start < 0x80 {
                continue;
            }
            let class = classes[usize::from(self.symbols[atom])];
            if of.last() != Some(&class) {
                starts.push(start);
                of.push(class);
            }
        }
        (starts, of)
    }

    /// The class of each ASCII character under `classes` (symbol → class).
    pub fn ascii_classes(&self, classes: &[u8; 256]) -> [u8; 256] {
        let mut ascii = [0u8; 256];
        for (c, class) in ascii.iter_mut().enumerate().take(0x80) {
            let atom = self.starts.partition_point(|&s| s <= c as u32) - 1;
            *class = classes[usize::from(self.symbols[atom])];
        }
        ascii
    }
}

/// Every class `node` tests, the ones its assertions test included.
fn collect(node: &Node, out: &mut Vec<ClassUnicode>) {
    match node {
        Node::Empty => {}
        Node::Class(class) => out.push(class.clone()),
        Node::Concat(parts) | Node::Alternation(parts) => {
            parts.iter().for_each(|part| collect(part, out))
        }
        Node::Repeat(repeat) => collect(&repeat.node, out),
        Node::Look(look) => collect(&look.node, out),
        Node::Atomic(inner) => collect(inner, out),
        Node::Assert(Assertion::LineEnd) => out.extend(line_terminators()),
        Node::Assert(Assertion::WordBoundary | Assertion::NotWordBoundary) => {
            out.extend(word_characters().ok())
        }
        Node::Assert(_) => {}
    }
}
