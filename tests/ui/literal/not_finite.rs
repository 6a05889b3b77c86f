use constrained::Constrained;

#[derive(Debug, Clone, Copy, Constrained)]
#[constrained(range(min = 0.0))]
struct Ratio(f64);

const RATIO: Ratio = constrained::literal!(Ratio, f64::INFINITY);

fn main() {
    let _ = RATIO;
}
