use constrained::Constrained;

#[derive(Debug, Constrained)]
#[constrained(pattern = "[a-z]+", default = "Unnamed")]
struct Label(String);

fn main() {}
