use constrained::Constrained;

#[derive(Constrained)]
#[constrained(length(max = 5))]
struct Name(Option<String>);

fn main() {}
