use constrained::Constrained;

#[derive(Constrained)]
#[constrained(pattern = r"(ab)\1")]
struct Repeated(String);

fn main() {}
