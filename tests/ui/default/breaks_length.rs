use constrained::Constrained;

#[derive(Debug, Constrained)]
#[constrained(length(min = 1, max = 4), default = "")]
struct Label(String);

fn main() {}
