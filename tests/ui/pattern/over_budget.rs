use constrained::Constrained;

// Strings whose fifteenth character from the end is `a`: a DFA needs 2^15 states, past the budget.
#[derive(Constrained)]
#[constrained(pattern = "(a|b)*a(a|b){14}")]
struct Needle(String);

fn main() {}
