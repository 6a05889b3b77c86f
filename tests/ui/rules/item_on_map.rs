use constrained::Constrained;
use std::collections::HashMap;

#[derive(Constrained)]
#[constrained(item(length(max = 5)))]
struct Tags(HashMap<String, String>);

fn main() {}
