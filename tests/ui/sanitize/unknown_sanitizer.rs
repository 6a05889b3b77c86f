use constrained::Constrained;

#[derive(Debug, Constrained)]
#[constrained(sanitize(trimm))]
struct Tag(String);

fn main() {}
