// A mistake in the attribute is the only error: code using the type still type-checks.
use constrained::Constrained;

#[derive(Debug, Constrained)]
#[constrained(pattern = "farm-[0-9a-f")]
pub struct FarmId(String);

fn main() {
    let farm = FarmId::new("farm-0".to_owned()).map(FarmId::into_inner);
    let parsed: Result<FarmId, _> = "farm-1".parse();
    println!("{farm:?} {parsed:?}");
}
