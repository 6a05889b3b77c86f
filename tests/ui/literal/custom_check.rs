use constrained::Constrained;

fn not_root(name: &str) -> Result<(), String> {
    if name == "root" { Err("reserved".into()) } else { Ok(()) }
}

#[derive(Debug, Constrained)]
#[constrained(length(min = 1), check = not_root)]
struct UserName(String);

fn main() {
    let _name = constrained::literal!(UserName, "alice");
}
