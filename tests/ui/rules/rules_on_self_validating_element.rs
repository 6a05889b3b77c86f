use constrained::Constrained;

#[derive(Constrained)]
#[constrained(pattern = "farm-[0-9a-f]{32}")]
struct FarmId(String);

#[derive(Constrained)]
#[constrained(item(length(max = 5)))]
struct FarmIds(Vec<FarmId>);

fn main() {}
