//! Tests of `constrained`: integration tests in `tests/`, compile-fail cases in `ui/`.
