use constrained::Constrained;

#[derive(Constrained)]
#[constrained(unique_items)]
struct Name(String);

fn main() {}
