use constrained::Constrained;

#[derive(Constrained)]
#[constrained(pattern = r"[\uD800-\uDBFF]*")]
struct HighSurrogates(String);

fn main() {}
