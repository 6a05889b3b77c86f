use constrained::Constrained;

#[derive(Constrained)]
#[constrained(key(length(max = 5)))]
struct Names(Vec<String>);

fn main() {}
