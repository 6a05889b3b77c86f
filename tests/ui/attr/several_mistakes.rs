use constrained::Constrained;

#[derive(Constrained)]
#[constrained(patern = "x", length(min = 9, max = 1), range(max = 5), pattern = "(a)\\1")]
pub struct Name(pub String);

fn main() {}
