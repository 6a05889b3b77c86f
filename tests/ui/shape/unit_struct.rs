use constrained::Constrained;

#[derive(Constrained)]
struct Nothing;

fn main() {}
