use constrained::Constrained;

#[derive(Debug, Constrained)]
#[constrained(length(min = 1, max = 3))]
struct Code(String);

fn main() {
    let _code = constrained::literal!(Code, "ABCD");
}
