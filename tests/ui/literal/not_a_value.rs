use constrained::Constrained;

#[derive(Debug, Constrained)]
#[constrained(rename_all = "SCREAMING_SNAKE_CASE")]
enum Status {
    Started,
    Ended,
}

const STATUS: Status = constrained::literal!(Status, "Started");

fn main() {
    let _ = STATUS;
}
