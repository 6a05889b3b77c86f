use constrained::Constrained;

#[derive(Constrained)]
#[constrained(pattern = r"(?m)^a$")]
struct Name(String);

fn main() {}
