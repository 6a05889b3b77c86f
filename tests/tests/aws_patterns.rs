//! Every pattern of the AWS models (botocore), declared as a constrained type, against
//! `java.util.regex` — the reading AWS services apply — on generated values: words the compiled
//! automaton accepts (random walks to an accepting state), near misses made from them (a
//! character dropped, swapped, added, a line terminator appended), and a fixed pool of values
//! that probe classes and line terminators. Every answer of `Pattern::is_match` (what
//! deserialization runs) must be Java's, and so must the automaton's own.
//!
//! Needs `java` (17) on the `PATH`; `tests/corpus/java/Oracle.java` runs as a single-file
//! program.

#[path = "aws_patterns/types.rs"]
mod types;

#[path = "aws_patterns/values.rs"]
mod values;

use constrained::generate::LiveWalk;
use std::fmt::Write as _;
use std::io::Write as _;
use std::process::{Command, Stdio};
use values::{POOL, Rng, mutations, walk};

fn hex(text: &str) -> String {
    text.bytes().fold(String::new(), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

#[test]
fn aws_patterns_agree_with_java() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut questions = String::new();
    let mut ours: Vec<(usize, String, bool)> = Vec::new();
    for (index, (pattern, source)) in types::DECLARED.iter().enumerate() {
        let pattern = pattern.expect("a declared pattern rule");
        let _ = writeln!(questions, "P {}", hex(source));
        let mut values: Vec<String> = POOL.iter().map(|s| s.to_string()).collect();
        if let Some(automaton) = &pattern.automaton {
            let walker = LiveWalk::new(automaton);
            // Long walks too where a register counts, to reach its bounds.
            let long: &[usize] = if automaton.counter.is_some()
                || automaton.tail.is_some_and(|tail| tail.counter.is_some())
            {
                &[300, 1100, 2100, 4200]
            } else {
                &[]
            };
            let limits = (0..12)
                .map(|round| 4 + round * 6)
                .chain(long.iter().copied());
            for limit in limits {
                if let Some(word) = walk(&walker, &mut rng, limit) {
                    // A walk ends in an accepting state, so its word matches, unless a second
                    // automaton, which the walk does not follow, refuses it.
                    assert!(
                        automaton.also.is_some() || automaton.matches(word.as_bytes()),
                        "{source:?}: the walk's word {word:?} does not match"
                    );
                    mutations(&word, &mut rng, &mut values);
                    values.push(word);
                }
            }
        }
        values.sort();
        values.dedup();
        for value in values {
            let answer = pattern.is_match(&value);
            if let Some(automaton) = &pattern.automaton {
                assert_eq!(
                    automaton.matches(value.as_bytes()),
                    answer,
                    "the automaton and the matcher of {source:?} disagree on {value:?}"
                );
            }
            let _ = writeln!(questions, "V {}", hex(&value));
            ours.push((index, value, answer));
        }
    }

    let oracle = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/java/Oracle.java");
    let mut java = Command::new("java")
        .arg(oracle)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("`java` (17) runs the oracle: install a JDK");
    let mut stdin = java.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(questions.as_bytes()));
    let output = java.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(output.status.success(), "the Java oracle failed");
    let answers = String::from_utf8(output.stdout).unwrap();
    let mut answers = answers.lines();

    let mut disagreements = Vec::new();
    let mut undecided = Vec::new();
    let mut current = usize::MAX;
    let mut compiled_in_java = 0;
    for (index, value, answer) in &ours {
        if *index != current {
            current = *index;
            let compiled = answers.next().unwrap();
            assert_eq!(
                compiled,
                "C",
                "Java rejects {:?}, which the derive accepted",
                types::DECLARED[*index].1
            );
            compiled_in_java += 1;
        }
        let java = match answers.next().unwrap() {
            "1" => true,
            "0" => false,
            // Java's backtracking gave up on this value (time or stack): it has no answer.
            _ => {
                undecided.push(format!("{:?} on {value:?}", types::DECLARED[*index].1));
                continue;
            }
        };
        if java != *answer {
            disagreements.push(format!(
                "{:?} on {value:?}: Java {java}, constrained {answer}",
                types::DECLARED[*index].1
            ));
        }
    }
    let straight_line = types::DECLARED
        .iter()
        .filter(|(pattern, _)| pattern.is_some_and(|p| p.matcher.is_some()))
        .count();
    let automata = || {
        types::DECLARED
            .iter()
            .filter_map(|(pattern, _)| pattern.and_then(|p| p.automaton.as_ref()))
    };
    let from_the_end = automata().filter(|automaton| automaton.reversed).count();
    let literal_ends = automata()
        .filter(|automaton| !automaton.ends_with.is_empty())
        .count();
    let cut_in_two = automata()
        .filter(|automaton| automaton.tail.is_some())
        .count();
    let relaxed = automata()
        .filter(|automaton| automaton.relaxed.is_some())
        .count();
    println!(
        "compiled at build time: {} / {} patterns ({straight_line} with straight-line code too, \
         {from_the_end} automata read from the end, {literal_ends} compare a literal end first, \
         {cut_in_two} cut in two, {relaxed} of them with one automaton for short values); \
         values agreeing with Java: {} / {} ({} left undecided by Java's backtracking)",
        types::DECLARED.len(),
        types::CORPUS_SIZE,
        ours.len() - disagreements.len() - undecided.len(),
        ours.len() - undecided.len(),
        undecided.len(),
    );
    for value in undecided.iter().take(20) {
        println!("undecided by Java: {value}");
    }
    assert_eq!(compiled_in_java, types::DECLARED.len());
    assert!(
        disagreements.is_empty(),
        "{} disagreements with Java:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}
