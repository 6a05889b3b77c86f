//! What generated code names, by absolute path, so users need no dependency of their own on
//! serde or anything else the crate uses. Not a public API: it changes without notice.

pub use crate::__runtime_pattern as runtime_pattern;
pub use crate::blob::{Blob, BlobRules, deserialize_blob};
pub use crate::collection::{
    ListRules, Map, MapRules, check_list, check_map, check_unique_items, deserialize_list,
    deserialize_map, deserialize_unique_list,
};
pub use crate::element::NoRules;
pub use crate::enumeration::{EnumRules, WireValue, deserialize_enum};
pub use crate::length::LengthBounds;
pub use crate::number::{Number, RangeRules, deserialize_number};
pub use crate::pattern::{Automaton, Pattern, u16_table};
#[cfg(feature = "runtime-patterns")]
pub use crate::runtime_pattern::RuntimeRegex;
pub use crate::text::{TextRules, deserialize_text};
pub use crate::{Constrained, ParseError, Violation};
pub use serde;

/// The steps straight-line pattern matchers are built from.
pub mod sequence {
    pub use crate::sequence::{exact, literal, rest, run};
}
pub use std::{fmt, str::FromStr};

/// `FromStr` for a constrained number: parse as the inner type, then validate.
pub fn parse_number<T, C>(
    text: &str,
    new: impl FnOnce(T) -> Result<C, crate::Violation>,
) -> Result<C, ParseError>
where
    T: FromStr,
    T::Err: std::fmt::Display,
{
    let value = text
        .parse::<T>()
        .map_err(|e| ParseError::Syntax(e.to_string()))?;
    new(value).map_err(ParseError::Violation)
}
