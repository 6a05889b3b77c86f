use constrained::Constrained;

#[derive(Constrained)]
#[constrained(length(max = 5))]
enum Status {
    Started,
}

fn main() {}
