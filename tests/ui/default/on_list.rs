use constrained::Constrained;

#[derive(Debug, Constrained)]
#[constrained(length(max = 3), default = "a")]
struct Names(Vec<String>);

fn main() {}
