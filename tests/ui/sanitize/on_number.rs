use constrained::Constrained;

#[derive(Debug, Constrained)]
#[constrained(sanitize(trim))]
struct Count(u32);

fn main() {}
