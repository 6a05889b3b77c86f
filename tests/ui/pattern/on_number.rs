use constrained::Constrained;

#[derive(Constrained)]
#[constrained(pattern = "[0-9]+")]
struct MaxResults(i32);

fn main() {}
