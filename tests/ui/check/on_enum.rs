use constrained::Constrained;

fn any(_: &str) -> Result<(), String> {
    Ok(())
}

#[derive(Debug, Constrained)]
#[constrained(check = any)]
enum Status {
    Started,
    Ended,
}

fn main() {}
