use constrained::Constrained;

#[derive(Constrained)]
enum Status {
    Started,
    Failed(String),
}

fn main() {}
