use constrained::Constrained;

// Strings whose fifteenth character from the end is `a`, or whose fifteenth from the start is
// `b`: read from either end, a DFA needs 2^15 states for one of the two, past the budget.
#[derive(Constrained)]
#[constrained(pattern = "(a|b)*a(a|b){14}|(a|b){14}b(a|b)*")]
struct Needle(String);

fn main() {}
