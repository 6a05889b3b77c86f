use constrained::Constrained;

#[derive(Debug, Constrained)]
#[constrained(default = 300)]
struct Small(u8);

fn main() {}
