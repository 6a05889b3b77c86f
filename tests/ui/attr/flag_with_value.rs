use constrained::Constrained;

#[derive(Constrained)]
#[constrained(sensitive = true)]
struct Secret(String);

fn main() {}
