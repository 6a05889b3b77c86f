use constrained::Constrained;

#[derive(Debug, Constrained)]
#[constrained(default = 25)]
struct Label(String);

fn main() {}
