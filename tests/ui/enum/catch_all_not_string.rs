use constrained::Constrained;

#[derive(Constrained)]
enum Status {
    Started,
    #[constrained(other)]
    Unknown(u32),
}

fn main() {}
