//! Every one of the model's 96 shapes, generated: valid documents always validate, through the
//! report path, and near misses (one member breaking a rule) never do.

use examples::shapes::SHAPES;
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, TestRunner};

const CASES: usize = 24;

#[test]
fn generated_documents_validate_and_near_misses_do_not() {
    let mut runner = TestRunner::new(Config::default());
    let (mut valid, mut misses, mut shapes_with_misses) = (0, 0, 0);
    for shape in SHAPES {
        let (documents, near_misses) = shape.generated();
        for _ in 0..CASES {
            let document = documents
                .new_tree(&mut runner)
                .unwrap_or_else(|e| panic!("{}: no document: {e}", shape.name))
                .current();
            let text = document.to_string();
            if let Err(e) = shape.validate(text.as_bytes()) {
                panic!("{}: the generated {text} is refused: {e}", shape.name);
            }
            valid += 1;
        }
        if let Some(near_misses) = near_misses {
            shapes_with_misses += 1;
            for _ in 0..CASES {
                let miss = near_misses
                    .new_tree(&mut runner)
                    .unwrap_or_else(|e| panic!("{}: no near miss: {e}", shape.name))
                    .current();
                let text = miss.to_string();
                assert!(
                    shape.validate(text.as_bytes()).is_err(),
                    "{}: the near miss {text} is accepted",
                    shape.name
                );
                misses += 1;
            }
        }
    }
    println!(
        "generated: {} shapes, {valid} valid documents, {misses} near misses over \
         {shapes_with_misses} shapes",
        SHAPES.len()
    );
    assert_eq!(SHAPES.len(), 96);
    assert_eq!(valid, 96 * CASES);
    assert!(
        shapes_with_misses >= 80,
        "{shapes_with_misses} shapes with near misses"
    );
}
