//! `RangeRules`: the `range(min, max)` rule of an integer or float, and the `Number` types it
//! applies to.

use crate::reject::reject;
use crate::violation::{RangeSide, Rule, Violation};
use serde::{Deserialize, Deserializer};
use std::fmt::Display;

/// A primitive number a `range` rule can bound: every integer type, `f32` and `f64`.
pub trait Number: Copy + PartialOrd + Display + 'static {
    /// Whether the value is finite (always, for integers).
    fn is_finite(self) -> bool;
    /// The value as stored: floats turn `-0.0` into `0.0`, so `-0` is 0.
    fn normalized(self) -> Self;
}

macro_rules! integer_number {
    ($($t:ty)*) => {$(
        impl Number for $t {
            fn is_finite(self) -> bool {
                true
            }
            fn normalized(self) -> Self {
                self
            }
        }
    )*};
}
integer_number!(i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize);

macro_rules! float_number {
    ($($t:ty)*) => {$(
        impl Number for $t {
            fn is_finite(self) -> bool {
                <$t>::is_finite(self)
            }
            fn normalized(self) -> Self {
                // `-0.0 == 0.0`, so this turns negative zero into positive zero only.
                if self == 0.0 { 0.0 } else { self }
            }
        }
    )*};
}
float_number!(f32 f64);

/// The inclusive bounds of a number, with their text as written (which messages print).
#[derive(Debug)]
pub struct RangeRules<T: 'static> {
    /// The least value allowed, if any.
    pub min: Option<T>,
    /// The greatest value allowed, if any.
    pub max: Option<T>,
    /// `min` as written in the attribute.
    pub min_text: Option<&'static str>,
    /// `max` as written in the attribute.
    pub max_text: Option<&'static str>,
    /// Whether the value may never be echoed in an error.
    pub sensitive: bool,
}

impl<T: Number> RangeRules<T> {
    /// A number with no bounds (floats must still be finite).
    pub const UNCONSTRAINED: RangeRules<T> = RangeRules {
        min: None,
        max: None,
        min_text: None,
        max_text: None,
        sensitive: false,
    };

    /// Checks `value`: floats must be finite, then lie within the bounds.
    pub fn check(&self, value: T) -> Result<(), Violation> {
        let violated = if !value.is_finite() {
            return Err(self.echo(Violation::new(Rule::NotFinite), value));
        } else if self.min.is_some_and(|min| value < min) {
            RangeSide::BelowMin
        } else if self.max.is_some_and(|max| value > max) {
            RangeSide::AboveMax
        } else {
            return Ok(());
        };
        let rule = Rule::Range {
            min: self.min_text,
            max: self.max_text,
            violated,
        };
        Err(self.echo(Violation::new(rule), value))
    }

    fn echo(&self, violation: Violation, value: T) -> Violation {
        if self.sensitive {
            violation
        } else {
            violation.with_value(&value.to_string(), false)
        }
    }
}

/// Deserializes a number under `rules`.
///
/// The number's own `Deserialize` rejects what is not a number of its type (`1.5`, `"5"`,
/// `1e100` or `null` for an integer, an out-of-range integer), so nothing is truncated.
pub fn deserialize_number<'de, D, T>(
    deserializer: D,
    rules: &'static RangeRules<T>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Number + Deserialize<'de>,
{
    let value = T::deserialize(deserializer)?.normalized();
    rules.check(value).map_err(reject)?;
    Ok(value)
}
