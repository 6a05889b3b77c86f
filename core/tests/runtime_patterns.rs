//! With the `runtime-patterns` feature, a pattern past the compile-time automaton's size budget is
//! matched by a runtime engine (run with `cargo test -p constrained --features runtime-patterns`).
//! Without the feature, the same pattern is a compile error: `tests/ui/pattern/over_budget.rs`.

use constrained::Constrained;

/// Strings of `a` and `b` whose fifteenth character from the end is `a`, or whose fifteenth from
/// the start is `b`: read from either end, a DFA needs 2^15 states for one of the two.
#[derive(Debug, Constrained)]
#[constrained(pattern = "(a|b)*a(a|b){14}|(a|b){14}b(a|b)*")]
pub struct Needle(String);

#[test]
fn an_oversized_pattern_is_matched_at_run_time() {
    let pattern = Needle::RULES.pattern.unwrap();
    assert!(
        pattern.automaton.is_none(),
        "past the budget, there is no automaton"
    );
    assert!(pattern.matcher.is_some());
    // Its fifteenth character from the start is `a`: only the first branch can match.
    let matching = format!("{}a{}", "a".repeat(20), "b".repeat(14));
    assert!(Needle::new(matching.clone()).is_ok());
    assert!(Needle::new(format!("{matching}a")).is_err());
    assert!(Needle::new(format!("{}{}", "a".repeat(15), "b".repeat(15))).is_err());
    assert!(Needle::new(format!("{}b", "a".repeat(14))).is_ok());
    assert!(
        Needle::new(format!("{matching}\n")).is_err(),
        "the whole value must match"
    );
    let err = serde_json::from_str::<Needle>(r#""abc""#).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("Member must satisfy regular expression pattern: (a|b)*a(a|b){14}|")
    );
}
