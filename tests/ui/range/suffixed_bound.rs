use constrained::Constrained;

#[derive(Constrained)]
#[constrained(range(max = 100u8))]
struct Percent(u8);

fn main() {}
