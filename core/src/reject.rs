//! How a violation found while deserializing becomes the deserializer's error.
//!
//! Every deserialize path of the crate reports through [`reject`], so the rendering of a
//! violation as a serde error lives in one place.

use crate::violation::Violation;
use serde::de;

/// The serde error for `violation`: its `Display` is AWS's wording of the rule.
pub(crate) fn reject<E: de::Error>(violation: Violation) -> E {
    E::custom(violation)
}
