use constrained::Constrained;

#[derive(Debug, Clone, Copy, Constrained)]
#[constrained(range(min = 1, max = 100))]
struct MaxResults(i32);

const PAGE: MaxResults = constrained::literal!(MaxResults, 101);

fn main() {
    let _ = PAGE;
}
