use constrained::Constrained;

#[derive(Constrained)]
#[constrained(range(min = 0.5))]
struct MaxResults(i32);

fn main() {}
