//! Every misuse of the derive is a compile error with a span and a fix: one case per file in
//! `ui/<concern>/<mistake>.rs`, its expected output beside it.

#[test]
fn misuse_is_a_compile_error() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/**/*.rs");
}
