use constrained::Constrained;

#[derive(Constrained)]
#[constrained(value(length(max = 5)))]
struct Name(String);

fn main() {}
