//! The `Constrained` trait: what every derived newtype offers generic code.

use crate::violation::Violation;

/// A newtype whose value always satisfies its rules: the only ways in are [`Constrained::new`]
/// (and the `TryFrom`/`FromStr`/`Deserialize` impls built on it), which validate.
///
/// Implemented by `#[derive(Constrained)]` on one-field tuple structs.
///
/// ```
/// use constrained::Constrained;
///
/// #[derive(Debug, Constrained)]
/// #[constrained(range(min = 1, max = 100))]
/// pub struct MaxResults(i32);
///
/// fn first<T: Constrained>(candidates: Vec<T::Inner>) -> Option<T> {
///     candidates.into_iter().find_map(|c| T::new(c).ok())
/// }
/// assert_eq!(first::<MaxResults>(vec![0, 500, 42]).map(|m| m.into_inner()), Some(42));
/// ```
pub trait Constrained: Sized {
    /// The wrapped type: `String`, a number, `Vec<_>`, `HashMap<_, _>` or `BTreeMap<_, _>`.
    type Inner;

    /// Validates `inner` and wraps it, or says which rule it breaks.
    fn new(inner: Self::Inner) -> Result<Self, Violation>;

    /// The wrapped value.
    fn as_inner(&self) -> &Self::Inner;

    /// Unwraps the value.
    fn into_inner(self) -> Self::Inner;
}
