use constrained::Constrained;

#[derive(Constrained)]
enum WorkerType {
    Standard,
    #[constrained(rename = "Standard")]
    Default,
}

fn main() {}
