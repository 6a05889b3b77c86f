use constrained::Constrained;

#[derive(Debug, Constrained)]
#[constrained(item(sanitize(trim)))]
struct Names(Vec<String>);

fn main() {}
