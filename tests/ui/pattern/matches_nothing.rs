use constrained::Constrained;

#[derive(Constrained)]
#[constrained(pattern = r"[^\x00-\x{10FFFF}]")]
struct Impossible(String);

fn main() {}
