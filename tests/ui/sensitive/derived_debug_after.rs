use constrained::Constrained;

// `Debug` in a later attribute: the derive sees it and says what to do.
#[derive(Constrained)]
#[derive(Debug)]
#[constrained(sensitive)]
struct Password(String);

fn main() {}
