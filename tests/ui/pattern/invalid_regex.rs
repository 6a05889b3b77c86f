use constrained::Constrained;

#[derive(Constrained)]
#[constrained(pattern = "farm-[0-9a-f")]
struct FarmId(String);

fn main() {}
