use constrained::Constrained;

#[derive(Constrained)]
#[constrained(rename_all = "SCREAMING_CASE")]
enum Status {
    Started,
}

fn main() {}
