use constrained::Constrained;

fn positive(value: &i64) -> Result<(), String> {
    if *value > 0 { Ok(()) } else { Err("must be positive".into()) }
}

#[derive(Debug, Constrained)]
#[constrained(check = positive)]
struct Name(String);

fn main() {}
