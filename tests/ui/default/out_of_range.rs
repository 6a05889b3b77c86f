use constrained::Constrained;

#[derive(Debug, Constrained)]
#[constrained(range(min = 1, max = 100), default = 0)]
struct MaxResults(i32);

fn main() {}
