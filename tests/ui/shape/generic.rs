use constrained::Constrained;

#[derive(Constrained)]
struct Wrapper<T>(T);

fn main() {}
