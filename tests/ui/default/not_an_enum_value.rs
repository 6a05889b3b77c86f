use constrained::Constrained;

#[derive(Debug, Constrained)]
#[constrained(rename_all = "SCREAMING_SNAKE_CASE", default = "Started")]
enum Status {
    Started,
    Ended,
}

fn main() {}
