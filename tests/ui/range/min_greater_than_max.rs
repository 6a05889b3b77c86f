use constrained::Constrained;

#[derive(Constrained)]
#[constrained(range(min = 100, max = 1))]
struct MaxResults(i32);

fn main() {}
