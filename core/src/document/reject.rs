//! How a violation found while deserializing becomes the deserializer's error — or, inside a
//! report, a recorded entry after which deserialization goes on.
//!
//! Every deserialize path of the crate reports through [`reject`], so the choice between failing
//! and collecting lives in one place.

use crate::document::session;
use crate::violation::Violation;
use serde::de;
use std::cell::Cell;

/// Fails with the serde error for `violation` (its `Display` is AWS's wording), unless a report is
/// collecting on this thread: then the violation is recorded at the current path and `Ok(())`
/// tells the caller to go on with a placeholder. The document that holds the placeholder is
/// rejected as a whole, so the placeholder never reaches a caller.
pub(crate) fn reject<E: de::Error>(violation: Violation) -> Result<(), E> {
    match session::record(violation) {
        Ok(()) => Ok(()),
        Err(violation) => {
            RAISED.with(|raised| raised.set(true));
            Err(E::custom(violation))
        }
    }
}

/// [`reject`] for a violation by the value written `text` (a string, or a number rendered with
/// `Display`), which a flattened structure may have read from serde's buffer: the violation is
/// located where the value was in the document.
pub(crate) fn reject_text<E: de::Error>(violation: Violation, text: &str) -> Result<(), E> {
    match session::record_value(violation, text) {
        Ok(()) => Ok(()),
        Err(violation) => {
            RAISED.with(|raised| raised.set(true));
            Err(E::custom(violation))
        }
    }
}

thread_local! {
    /// Whether the error last raised on this thread outside a report was a violation, whose
    /// message never quotes a value (see `rules::sensitive`).
    static RAISED: Cell<bool> = const { Cell::new(false) };
}

pub(crate) fn clear_raised() {
    RAISED.with(|raised| raised.set(false));
}

pub(crate) fn raised() -> bool {
    RAISED.with(Cell::get)
}

/// Rejects a value a hand-written `Deserialize` cannot read, such as a malformed timestamp, as a
/// constraint violation: `Member must be {expected}`.
///
/// Outside a report this is the serde error for that violation. While a report is collecting
/// ([`from_json_str`](crate::from_json_str)), the violation is recorded at the value's path and
/// `placeholder()` is returned, so checking goes on; the document is rejected as a whole, so the
/// placeholder never reaches a caller.
///
/// ```
/// use serde::{Deserialize, Deserializer};
///
/// /// A calendar date written `YYYY-MM-DD`.
/// #[derive(Debug)]
/// struct Date(String);
///
/// impl<'de> Deserialize<'de> for Date {
///     fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
///         let text = String::deserialize(deserializer)?;
///         let well_formed = text.len() == 10
///             && text.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
///         if well_formed {
///             Ok(Date(text))
///         } else {
///             constrained::reject_format("a date such as 2026-01-02", &text, false, || Date(String::new()))
///         }
///     }
/// }
///
/// let err = serde_json::from_str::<Date>(r#""Jan 2""#).unwrap_err();
/// assert_eq!(err.to_string(), "Member must be a date such as 2026-01-02");
/// ```
pub fn reject_format<T, E: de::Error>(
    expected: &'static str,
    value: &str,
    sensitive: bool,
    placeholder: impl FnOnce() -> T,
) -> Result<T, E> {
    let violation = Violation::new(crate::Rule::Format { expected }).with_value(value, sensitive);
    reject(violation).map(|()| placeholder())
}
