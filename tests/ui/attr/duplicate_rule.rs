use constrained::Constrained;

#[derive(Constrained)]
#[constrained(length(max = 5), length(max = 6))]
struct Name(String);

fn main() {}
