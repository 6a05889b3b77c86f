use constrained::Constrained;

#[derive(Constrained)]
#[constrained(range(max = 1e39))]
struct Ratio(f32);

fn main() {}
