use constrained::Constrained;

#[derive(Constrained)]
struct Pair(String, String);

fn main() {}
