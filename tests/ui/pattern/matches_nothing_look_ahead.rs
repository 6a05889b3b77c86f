use constrained::Constrained;

#[derive(Constrained)]
#[constrained(pattern = r"farm-(?=[0-9a-f]{32})")]
struct FarmId(String);

fn main() {}
