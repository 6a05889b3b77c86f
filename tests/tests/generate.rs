//! The `proptest` feature's strategies, over every constrained type of the model: generated valid
//! values always validate (through serde and through a report), and near misses never do.

use constrained::generate::Generate;
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, TestRunner};
use serde::Serialize;
use serde::de::DeserializeOwned;

const CASES: u32 = 64;

/// Checks `T`'s strategies; returns how many values were generated.
fn holds<T: Generate + Serialize + DeserializeOwned>(name: &str) -> usize {
    let mut runner = TestRunner::new(Config {
        cases: CASES,
        ..Config::default()
    });
    let valid = T::valid();
    let near_miss = T::near_miss();
    for _ in 0..CASES {
        let value = valid
            .new_tree(&mut runner)
            .unwrap_or_else(|e| panic!("{name}: no valid value: {e}"))
            .current()
            .0;
        let json = serde_json::to_string(&value).unwrap();
        assert!(
            constrained::from_json_str::<T>(&json).is_ok(),
            "{name}: the generated {json} does not validate"
        );
        let miss = near_miss
            .new_tree(&mut runner)
            .unwrap_or_else(|e| panic!("{name}: no near miss: {e}"))
            .current();
        assert!(
            serde_json::from_value::<T>(miss.clone()).is_err(),
            "{name}: the near miss {miss} validates"
        );
    }
    2 * CASES as usize
}

/// Runs the check on every listed type, named as its shape (`deadline.FarmId`); counts values.
macro_rules! check {
    ($($ty:path),* $(,)?) => {{
        let mut count = 0;
        $(count += holds::<$ty>(&shape_name(stringify!($ty)));)*
        count
    }};
}

/// `deadline.FarmId` for the path `stringify!` writes (`$crate :: deadline :: FarmId`).
fn shape_name(path: &str) -> String {
    let parts: Vec<&str> = path.split("::").map(str::trim).collect();
    parts[parts.len() - 2..].join(".")
}

#[test]
fn generated_values_validate_and_near_misses_do_not() {
    let generated = examples::constrained_shapes!(check);
    assert_eq!(generated, 49 * 2 * CASES as usize);
}

/// A pattern whose classes reach far beyond ASCII compiles to an automaton over characters; the
/// strategies walk characters there rather than bytes.
#[derive(Debug, PartialEq, constrained::Constrained)]
#[constrained(pattern = r"\p{L}+(?:\.\p{L}+){0,2}")]
pub struct DottedLetters(String);

#[test]
fn an_automaton_over_characters_generates_too() {
    let automaton = DottedLetters::RULES.pattern.unwrap().automaton.as_ref();
    assert!(automaton.is_some_and(|a| a.wide.is_some()));
    assert_eq!(holds::<DottedLetters>("DottedLetters"), 2 * CASES as usize);
}
