use constrained::Constrained;

#[derive(Debug, Constrained)]
#[constrained(pattern = "farm-[0-9a-f]{32}")]
struct FarmId(String);

fn main() {
    let _farm = constrained::literal!(FarmId, "farm-XYZ");
}
