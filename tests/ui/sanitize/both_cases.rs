use constrained::Constrained;

#[derive(Debug, Constrained)]
#[constrained(sanitize(lowercase, uppercase))]
struct Tag(String);

fn main() {}
