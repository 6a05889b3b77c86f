use constrained::Constrained;

// `Debug` in the same list: the derive cannot see it, so the two impls conflict.
#[derive(Debug, Constrained)]
#[constrained(sensitive)]
struct Password(String);

fn main() {}
