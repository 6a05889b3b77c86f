use constrained::Constrained;

#[derive(Constrained)]
#[constrained(colour = "blue")]
struct FarmId(String);

fn main() {}
