use constrained::Constrained;

#[derive(Constrained)]
#[constrained(range(min = 1, max = 100))]
struct MaxResults(String);

fn main() {}
