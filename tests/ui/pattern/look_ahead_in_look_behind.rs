use constrained::Constrained;

#[derive(Constrained)]
#[constrained(pattern = r"[a-z]+(?<=a(?=b))b")]
struct Name(String);

fn main() {}
