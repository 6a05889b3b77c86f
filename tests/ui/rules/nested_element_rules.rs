use constrained::Constrained;
use std::collections::HashMap;

#[derive(Constrained)]
#[constrained(value(key(length(max = 5))))]
struct Tags(HashMap<String, String>);

fn main() {}
