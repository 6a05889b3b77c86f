use constrained::Constrained;

#[derive(Constrained)]
#[constrained(length(minimum = 1))]
struct Name(String);

fn main() {}
