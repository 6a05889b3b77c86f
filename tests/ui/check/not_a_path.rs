use constrained::Constrained;

#[derive(Debug, Constrained)]
#[constrained(check = 42)]
struct Name(String);

fn main() {}
