use constrained::Constrained;

#[derive(Constrained)]
#[constrained(range(min = -1))]
struct Count(u32);

fn main() {}
