use constrained::Constrained;

#[derive(Constrained)]
enum Status {}

fn main() {}
