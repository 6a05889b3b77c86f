use constrained::Constrained;

type Text = String;

#[derive(Debug, Constrained)]
#[constrained(length(max = 8))]
struct Name(Text);

fn main() {}
