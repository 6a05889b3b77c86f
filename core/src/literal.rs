//! `literal!`: a constrained value from a literal, checked against the type's rules when the
//! program compiles.

/// A constrained value from a literal, checked against the type's rules at compile time: a
/// literal that breaks a rule is a compile error that names the rule.
///
/// Works for strings, numbers and enums (the wire value). The check is `const` evaluation of the
/// rules the derive wrote into the type, so nothing is re-parsed; a number or enum literal is
/// usable in `const` items, a string one builds its `String` at run time.
///
/// ```
/// use constrained::Constrained;
///
/// #[derive(Debug, Clone, Copy, PartialEq, Constrained)]
/// #[constrained(range(min = 1, max = 100))]
/// pub struct MaxResults(i32);
///
/// #[derive(Debug, Constrained)]
/// #[constrained(pattern = "farm-[0-9a-f]{32}")]
/// pub struct FarmId(String);
///
/// #[derive(Debug, PartialEq, Constrained)]
/// #[constrained(rename_all = "SCREAMING_SNAKE_CASE")]
/// pub enum Status { Started, Ended }
///
/// const PAGE: MaxResults = constrained::literal!(MaxResults, 100);
/// const ENDED: Status = constrained::literal!(Status, "ENDED");
/// let farm = constrained::literal!(FarmId, "farm-0123456789abcdef0123456789abcdef");
///
/// assert_eq!(PAGE.into_inner(), 100);
/// assert_eq!(ENDED, Status::Ended);
/// assert_eq!(farm.as_str(), "farm-0123456789abcdef0123456789abcdef");
/// ```
///
/// A literal that breaks a rule does not compile:
///
/// ```compile_fail
/// # use constrained::Constrained;
/// # #[derive(Debug, Clone, Copy, Constrained)]
/// # #[constrained(range(min = 1, max = 100))]
/// # pub struct MaxResults(i32);
/// const PAGE: MaxResults = constrained::literal!(MaxResults, 101);
/// ```
///
/// A type with a custom `check` or with `sanitize(…)` runs code no `const` evaluation can, so
/// `literal!` refuses it at compile time; build such a value with `new`.
#[macro_export]
macro_rules! literal {
    ($ty:ty, $value:expr $(,)?) => {{
        // An item `const` is evaluated by `cargo check` too, so a bad literal is an error in the
        // editor, not only in a build; `forget` because a value with a destructor (a string, an
        // open enum) cannot be dropped in `const` evaluation.
        const _: () = ::core::mem::forget(<$ty>::__literal($value));
        <$ty>::__from_literal(const { <$ty>::__literal($value) })
    }};
}
