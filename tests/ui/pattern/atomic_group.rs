use constrained::Constrained;

#[derive(Constrained)]
#[constrained(pattern = r"(?>ab|a)c")]
struct Name(String);

fn main() {}
