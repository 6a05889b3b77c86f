use constrained::Constrained;

#[derive(Constrained)]
#[constrained(range(max = 300))]
struct Percent(u8);

fn main() {}
