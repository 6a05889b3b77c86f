use constrained::Constrained;

#[derive(Constrained)]
#[constrained(length())]
struct Name(String);

fn main() {}
