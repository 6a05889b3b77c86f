//! The corpus test of the pattern compiler: every distinct pattern of the AWS models (botocore,
//! committed under `tests/corpus/botocore/`) compiles, except the ones listed with the reason in
//! `failures.json` beside it, which fail with exactly that reason (or need the `runtime-patterns`
//! feature, past the automaton's budget). What the compiled automata
//! accept is checked against Java in `tests/tests/aws_patterns.rs`.
//!
//! `CORPUS_BLESS=1 cargo test -p constrained-macros corpus` rewrites `failures.json`;
//! `CORPUS_TIMES=1 cargo test --release -p constrained-macros corpus -- --nocapture` prints how
//! long compiling each pattern takes (the share of expansion time that patterns cost), as
//! `tests/build_cost/corpus.sh` reports it, and the five slowest.

use super::compile;
use std::collections::BTreeMap;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/corpus/botocore/");

/// What `failures.json` says of a pattern that compiles only with the `runtime-patterns` feature.
const OVER_BUDGET: &str = "past the automaton's budget: needs the `runtime-patterns` feature";

#[test]
fn every_aws_pattern_compiles_or_fails_as_listed() {
    let corpus: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{CORPUS}patterns.json")).unwrap())
            .unwrap();
    let mut failures = BTreeMap::new();
    let patterns = corpus["patterns"].as_array().unwrap();
    let mut times = Vec::with_capacity(patterns.len());
    for entry in patterns {
        let pattern = entry["pattern"].as_str().unwrap();
        let started = std::time::Instant::now();
        let compiled = compile(pattern);
        times.push((started.elapsed(), pattern));
        match compiled {
            Err(e) => {
                failures.insert(pattern.to_owned(), e.message);
            }
            Ok(compiled) if compiled.tables.is_none() && compiled.steps.is_none() => {
                failures.insert(pattern.to_owned(), OVER_BUDGET.to_owned());
            }
            Ok(_) => {}
        }
    }
    if std::env::var_os("CORPUS_TIMES").is_some() {
        times.sort();
        let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize].0;
        println!(
            "compile time per pattern over {}: median {:?}, p99 {:?}, max {:?} ({:?})",
            times.len(),
            at(0.5),
            at(0.99),
            at(1.0),
            times[times.len() - 1].1
        );
        for (time, pattern) in times.iter().rev().take(5) {
            println!("  {time:?} {pattern}");
        }
    }
    let path = format!("{CORPUS}failures.json");
    if std::env::var_os("CORPUS_BLESS").is_some() {
        let text = serde_json::to_string_pretty(&failures).unwrap();
        std::fs::write(&path, text + "\n").unwrap();
    }
    let expected: BTreeMap<String, String> =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(
        failures,
        expected,
        "{} of {} patterns failed",
        failures.len(),
        patterns.len()
    );
}
