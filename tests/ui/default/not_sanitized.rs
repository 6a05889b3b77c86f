use constrained::Constrained;

#[derive(Debug, Constrained)]
#[constrained(sanitize(trim, lowercase), default = " Rust ")]
struct Tag(String);

fn main() {}
