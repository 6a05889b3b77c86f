use constrained::Constrained;

#[derive(Constrained)]
enum WorkerType {
    #[constrained(renam = "G.1X")]
    G1X,
}

fn main() {}
