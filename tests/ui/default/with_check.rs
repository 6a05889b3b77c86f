use constrained::Constrained;

fn not_root(name: &str) -> Result<(), String> {
    if name == "root" { Err("reserved".into()) } else { Ok(()) }
}

#[derive(Debug, Constrained)]
#[constrained(check = not_root, default = "alice")]
struct UserName(String);

fn main() {}
