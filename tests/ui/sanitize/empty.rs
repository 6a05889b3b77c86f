use constrained::Constrained;

#[derive(Debug, Constrained)]
#[constrained(sanitize())]
struct Tag(String);

fn main() {}
