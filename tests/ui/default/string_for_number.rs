use constrained::Constrained;

#[derive(Debug, Constrained)]
#[constrained(range(min = 1, max = 100), default = "25")]
struct MaxResults(i32);

fn main() {}
