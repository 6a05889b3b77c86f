//! What generated code names, by absolute path, so users need no dependency of their own on
//! serde or anything else the crate uses. Not a public API: it changes without notice.

pub use crate::__runtime_pattern as runtime_pattern;
#[cfg(feature = "runtime-patterns")]
pub use crate::pattern::runtime::RuntimeRegex;
pub use crate::pattern::{
    Automaton, CountSets, Counter, Pattern, Relaxed, WideClasses, u16_table, u32_table,
};
pub use crate::rules::blob::{Blob, BlobRules, deserialize_blob};
pub use crate::rules::collection::{
    ListRules, Map, MapRules, check_list, check_map, check_unique_items, deserialize_list,
    deserialize_map, deserialize_unique_list,
};
pub use crate::rules::custom::{CustomRule, deserialize_checked};
pub use crate::rules::element::NoRules;
pub use crate::rules::enumeration::{EnumRules, WireValue, deserialize_enum};
pub use crate::rules::length::LengthBounds;
pub use crate::rules::number::{Number, RangeRules, deserialize_number};
pub use crate::rules::sanitize::Sanitizers;
pub use crate::rules::text::{HasTextRules, LiteralFault, RulesOf, TextRules, deserialize_text};
pub use crate::{Constrained, ParseError, Violation};
pub use serde;

/// The steps straight-line pattern matchers are built from.
pub mod sequence {
    pub use crate::pattern::sequence::{
        beyond_ascii_rest, beyond_ascii_run, exact, in_set, literal, range_run, rest, run,
        wide_rest, wide_run,
    };
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

/// What a `sensitive` type's `Display` prints in place of its value.
pub const REDACTED: &str = "*** sensitive ***";

/// A `sensitive` type's `Debug`: `Name(*** sensitive ***)`.
pub fn debug_redacted(f: &mut fmt::Formatter<'_>, name: &str) -> fmt::Result {
    // Written out rather than through `debug_tuple`, so `{:#?}` keeps it on one line too.
    write!(f, "{name}({REDACTED})")
}

/// The `schemars` impl of a type: the derive always writes one, and it is kept only when the
/// `schemars` feature is on (without it, the tokens are dropped unread).
pub use crate::__schema_impl as schema_impl;

#[cfg(feature = "schemars")]
pub use crate::schema;
#[cfg(feature = "schemars")]
pub use schemars;

/// The `Generate` impl of a type: kept only when the `proptest` feature is on.
pub use crate::__generate_impl as generate_impl;

#[cfg(feature = "proptest")]
pub use crate::generate;
#[cfg(feature = "proptest")]
pub use proptest;
#[cfg(feature = "proptest")]
pub use serde_json::Value as JsonValue;
