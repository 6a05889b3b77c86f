//! Constrained types: newtypes and enums whose rules — a whole-value pattern, a length, a numeric
//! range, a map's size with rules on its keys and values, an enum's value set — are checked when
//! the derive expands where possible and enforced while serde deserializes, so an invalid value
//! never exists.
//!
//! ```
//! use constrained::Constrained;
//! use std::collections::HashMap;
//!
//! #[derive(Debug, Clone, PartialEq, Eq, Hash, Constrained)]
//! #[constrained(pattern = "farm-[0-9a-f]{32}")]
//! pub struct FarmId(String);
//!
//! #[derive(Debug, Clone, Copy, PartialEq, Eq, Constrained)]
//! #[constrained(range(min = 1, max = 100))]
//! pub struct MaxResults(i32);
//!
//! #[derive(Debug, Clone, PartialEq, Eq, Constrained)]
//! #[constrained(length(max = 50), key(length(min = 1, max = 128)), value(length(max = 256)))]
//! pub struct Tags(HashMap<String, String>);
//!
//! #[derive(Debug, Clone, Copy, PartialEq, Eq, Constrained)]
//! #[constrained(rename_all = "SCREAMING_SNAKE_CASE")]
//! pub enum SessionLifecycleStatus { Started, UpdateInProgress, Ended }
//!
//! let farm: FarmId = "farm-0123456789abcdef0123456789abcdef".parse().unwrap();
//! assert_eq!(farm.as_str(), "farm-0123456789abcdef0123456789abcdef");
//! assert!(FarmId::new("farm-XYZ".to_owned()).is_err());
//!
//! let err = serde_json::from_str::<MaxResults>("0").unwrap_err();
//! assert!(err.to_string().starts_with("Member must be between 1 and 100, inclusive"));
//!
//! let status: SessionLifecycleStatus = serde_json::from_str(r#""UPDATE_IN_PROGRESS""#).unwrap();
//! assert_eq!(status, SessionLifecycleStatus::UpdateInProgress);
//! ```
//!
//! The attribute grammar, with an example of every rule, is on the page of the derive,
//! [`Constrained`](derive@Constrained); [`literal!`] builds checked constants; reports of every
//! violation in a document come from [`from_json_str`]. The semantics of each rule and the
//! reasons behind them are in the README of the repository.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

extern crate self as constrained;

mod constrained_type;
mod document;
mod literal;
mod parse_error;
mod pattern;
mod report;
mod rules;
mod violation;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

#[cfg(feature = "axum")]
pub mod axum;

#[cfg(feature = "schemars")]
#[doc(hidden)]
pub mod schema;

#[cfg(feature = "proptest")]
pub mod generate;

/// Without the `proptest` feature, the derive's `Generate` impls are dropped unread.
#[cfg(not(feature = "proptest"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __generate_impl {
    ($($item:tt)*) => {};
}

/// Without the `schemars` feature, the derive's `JsonSchema` impls are dropped unread.
#[cfg(not(feature = "schemars"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __schema_impl {
    ($($item:tt)*) => {};
}

pub use crate::constrained_type::Constrained;
pub use crate::document::path::{Path, Segment};
pub use crate::document::reject::reject_format;
pub use crate::document::{from_deserializer, from_json_slice, from_json_str, from_request_parts};
pub use crate::parse_error::ParseError;
pub use crate::pattern::counts::{self, Counts};
pub use crate::pattern::split::MOST_TAIL_BYTES;
pub use crate::pattern::{Automaton, CountSets, Counter, Pattern, Register, Relaxed, WideClasses};
pub use crate::report::{DocumentError, Echo, FieldViolation, Malformed, Report};
pub use crate::rules::blob::Blob;
pub use crate::violation::{ElementPosition, MAX_ECHO_BYTES, RangeSide, Rule, Violation};

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeExamples;

#[doc(inline)]
#[doc = include_str!("derive.md")]
pub use constrained_macros::Constrained;
