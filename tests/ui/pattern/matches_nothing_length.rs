use constrained::Constrained;

// Past the automaton's budget as one automaton, so the look-ahead and the rest are two; every
// value of the rest is at least 265 characters long, which the look-ahead refuses.
#[derive(Constrained)]
#[constrained(
    pattern = r"(?=.{1,256}$)arn:aws[a-z\-]*:cloudformation:[a-z0-9\-]*:[0-9]{12}:stack/[a-zA-Z][a-zA-Z0-9-]{0,127}/.*x{220}"
)]
struct StackArn(String);

fn main() {}
