use constrained::Constrained;

#[derive(Debug, Constrained)]
#[constrained(crate = "not a path")]
struct Name(String);

fn main() {}
