use constrained::Constrained;

#[derive(Constrained)]
#[constrained(pattern = r"(?<=a+)b")]
struct Name(String);

fn main() {}
