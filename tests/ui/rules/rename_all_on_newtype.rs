use constrained::Constrained;

#[derive(Constrained)]
#[constrained(rename_all = "camelCase")]
struct Name(String);

fn main() {}
