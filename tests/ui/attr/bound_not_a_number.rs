use constrained::Constrained;

#[derive(Constrained)]
#[constrained(range(min = "one"))]
struct MaxResults(i32);

fn main() {}
