use constrained::Constrained;

#[derive(Constrained)]
#[constrained(length(max = 3))]
struct MaxResults(u16);

fn main() {}
