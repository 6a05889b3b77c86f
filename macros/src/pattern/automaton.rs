//! Builds the DFA of a translated pattern and flattens it into the tables that
//! `constrained::Automaton` walks.

use regex_automata::dfa::{Automaton as _, StartKind, dense};
use regex_automata::nfa::thompson;
use regex_automata::util::primitives::StateID;
use regex_automata::util::start;
use regex_automata::{Anchored, MatchKind};
use regex_syntax::hir::Hir;
use std::collections::HashMap;

/// The most transitions (states × byte classes) one pattern may compile to: 128 KiB of table,
/// and every premultiplied state id fits a `u16`. A pattern past it is a compile error asking for
/// a simpler pattern.
pub const MAX_TRANSITIONS: usize = u16::MAX as usize;

/// Memory regex-automata may use while building one DFA.
const BUILD_MEMORY_LIMIT: usize = 32 << 20;

/// The flattened DFA: what the derive emits as static data.
#[derive(Debug)]
pub struct Tables {
    pub classes: [u8; 256],
    pub stride: u32,
    /// Premultiplied state ids; state 0 is dead.
    pub transitions: Vec<u32>,
    pub accepting: Vec<bool>,
    pub start: u32,
}

impl Tables {
    /// Runs the tables on `input`, as `constrained::Automaton::matches` does.
    pub fn matches(&self, input: &str) -> bool {
        let mut state = self.start;
        for &byte in input.as_bytes() {
            state = self.transitions[(state + u32::from(self.classes[byte as usize])) as usize];
            if state == 0 {
                return false;
            }
        }
        self.accepting[(state / self.stride) as usize]
    }
}

/// Builds the tables of a whole-value match of `hir`: `Ok(None)` when the automaton would be past
/// the size budget.
pub fn build(hir: &Hir) -> Result<Option<Tables>, String> {
    // Both builders fail only on their size limits here: past them, the pattern is over budget.
    let Ok(nfa) = thompson::Compiler::new()
        .configure(thompson::Config::new().nfa_size_limit(Some(BUILD_MEMORY_LIMIT)))
        .build_from_hir(hir)
    else {
        return Ok(None);
    };
    // No minimization: it is the costliest step of expansion, and an unminimized DFA of a model's
    // pattern is still a few kilobytes, which as a byte string costs the compiler one token.
    let dfa = dense::Builder::new()
        .configure(
            dense::Config::new()
                .start_kind(StartKind::Anchored)
                .match_kind(MatchKind::All)
                .minimize(false)
                .byte_classes(true)
                .dfa_size_limit(Some(BUILD_MEMORY_LIMIT))
                .determinize_size_limit(Some(BUILD_MEMORY_LIMIT)),
        )
        .build_from_nfa(&nfa);
    let Ok(dfa) = dfa else {
        return Ok(None);
    };
    let start = dfa
        .start_state(&start::Config::new().anchored(Anchored::Yes))
        .map_err(|e| format!("the pattern cannot start a match: {e}"))?;

    // One representative byte per class: all bytes of a class move every state alike.
    let mut classes = [0u8; 256];
    let mut representatives = Vec::new();
    for byte in 0..=255u8 {
        let class = dfa.byte_classes().get(byte);
        classes[byte as usize] = class;
        if usize::from(class) == representatives.len() {
            representatives.push(byte);
        }
    }
    let stride = representatives.len();

    // Number the states breadth-first from the start, with the dead state as 0, so the tables
    // are the same on every build.
    let mut numbering: HashMap<StateID, usize> = HashMap::new();
    let mut order = vec![None];
    let mut number = |id: StateID, order: &mut Vec<Option<StateID>>| {
        if dfa.is_dead_state(id) {
            return 0;
        }
        *numbering.entry(id).or_insert_with(|| {
            order.push(Some(id));
            order.len() - 1
        })
    };
    let start_number = number(start, &mut order);
    let mut transitions = Vec::new();
    let mut accepting = Vec::new();
    let mut next = 0;
    while next < order.len() {
        if transitions.len() + stride > MAX_TRANSITIONS {
            return Ok(None);
        }
        match order[next] {
            None => {
                transitions.extend(std::iter::repeat_n(0, stride));
                accepting.push(false);
            }
            Some(id) => {
                if dfa.is_quit_state(id) {
                    return Err("the pattern needs a construct the automaton cannot run".into());
                }
                for &byte in &representatives {
                    let target = number(dfa.next_state(id, byte), &mut order);
                    transitions.push((target * stride) as u32);
                }
                accepting.push(dfa.is_match_state(dfa.next_eoi_state(id)));
            }
        }
        next += 1;
    }
    if !accepting.contains(&true) {
        return Err("the pattern matches no string at all".into());
    }
    Ok(Some(Tables {
        classes,
        stride: stride as u32,
        transitions,
        accepting,
        start: (start_number * stride) as u32,
    }))
}
