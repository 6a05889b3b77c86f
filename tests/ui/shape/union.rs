use constrained::Constrained;

#[derive(Constrained)]
union Bits {
    a: u32,
}

fn main() {}
