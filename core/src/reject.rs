//! How a violation found while deserializing becomes the deserializer's error — or, inside a
//! report, a recorded entry after which deserialization goes on.
//!
//! Every deserialize path of the crate reports through [`reject`], so the choice between failing
//! and collecting lives in one place.

use crate::session;
use crate::violation::Violation;
use serde::de;

/// Fails with the serde error for `violation` (its `Display` is AWS's wording), unless a report is
/// collecting on this thread: then the violation is recorded at the current path and `Ok(())`
/// tells the caller to go on with a placeholder. The document that holds the placeholder is
/// rejected as a whole, so the placeholder never reaches a caller.
pub(crate) fn reject<E: de::Error>(violation: Violation) -> Result<(), E> {
    match session::record(violation) {
        Ok(()) => Ok(()),
        Err(violation) => Err(E::custom(violation)),
    }
}
