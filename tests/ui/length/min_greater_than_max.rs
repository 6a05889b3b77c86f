use constrained::Constrained;

#[derive(Constrained)]
#[constrained(length(min = 10, max = 2))]
struct Name(String);

fn main() {}
