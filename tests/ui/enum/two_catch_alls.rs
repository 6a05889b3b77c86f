use constrained::Constrained;

#[derive(Constrained)]
enum Status {
    Started,
    #[constrained(other)]
    Unknown(String),
    #[constrained(other)]
    Unrecognized(String),
}

fn main() {}
