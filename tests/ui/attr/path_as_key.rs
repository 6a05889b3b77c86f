use constrained::Constrained;

#[derive(Constrained)]
#[constrained(serde::rename = "farm")]
struct FarmId(String);

fn main() {}
