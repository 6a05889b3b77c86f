use constrained::Constrained;

#[derive(Constrained)]
#[constrained(pattern = "[a-z]+")]
#[constrained(pattern = "[a-z]*")]
struct Name(String);

fn main() {}
