//! The corpus test of the pattern compiler: every distinct pattern of the AWS models (botocore,
//! committed under `tests/corpus/botocore/`) compiles, except the ones listed with the reason in
//! `failures.json` beside it, which fail with exactly that reason (or need the `runtime-patterns`
//! feature, past the automaton's budget). What the compiled automata
//! accept is checked against Java in `tests/tests/aws_patterns.rs`.
//!
//! `CORPUS_BLESS=1 cargo test -p constrained-macros corpus` rewrites `failures.json`.

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
    for entry in patterns {
        let pattern = entry["pattern"].as_str().unwrap();
        match compile(pattern) {
            Err(e) => {
                failures.insert(pattern.to_owned(), e.message);
            }
            Ok(compiled) if compiled.tables.is_none() && compiled.steps.is_none() => {
                failures.insert(pattern.to_owned(), OVER_BUDGET.to_owned());
            }
            Ok(_) => {}
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
