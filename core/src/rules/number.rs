//! `RangeRules`: the `range(min, max)` rule of an integer or float, and the `Number` types it
//! applies to.

use crate::document::reject::reject_text;
use crate::document::session;
use crate::rules::sensitive;
use crate::violation::{RangeSide, Rule, Violation};
use serde::de::{self, Deserialize, Deserializer, Unexpected, Visitor};
use std::fmt::{self, Display};
use std::marker::PhantomData;

/// A primitive number a `range` rule can bound: every integer type, `f32` and `f64`.
pub trait Number: Copy + PartialOrd + Display + Default + 'static {
    /// Whether the value is finite (always, for integers).
    fn is_finite(self) -> bool;
    /// The value as stored: floats turn `-0.0` into `0.0`, so `-0` is 0.
    fn normalized(self) -> Self;
    /// Reads a number of exactly this type, asking the format for it by its own type.
    fn deserialize_number<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>;
}

/// Reads an integer of type `T`: any in-range integer, and no float but negative zero.
///
/// JSON's `-0` is an integer, but serde_json hands it over as the float `-0.0`; it is the one
/// float an integer accepts, since reading it as 0 truncates nothing. `1.5`, `1e2` and `1e100`
/// stay errors.
struct IntegerVisitor<T>(PhantomData<T>);

impl<'de, T> Visitor<'de> for IntegerVisitor<T>
where
    T: TryFrom<i64> + TryFrom<u64> + TryFrom<i128> + TryFrom<u128> + Default,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an integer of type {}", std::any::type_name::<T>())
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        T::try_from(v).map_err(|_| E::invalid_value(Unexpected::Signed(v), &self))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        T::try_from(v).map_err(|_| E::invalid_value(Unexpected::Unsigned(v), &self))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<T, E> {
        T::try_from(v).map_err(|_| E::invalid_value(Unexpected::Other("a 128-bit integer"), &self))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<T, E> {
        T::try_from(v).map_err(|_| E::invalid_value(Unexpected::Other("a 128-bit integer"), &self))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<T, E> {
        if v == 0.0 && v.is_sign_negative() {
            Ok(T::default())
        } else {
            Err(E::invalid_type(Unexpected::Float(v), &self))
        }
    }
}

macro_rules! integer_number {
    ($($t:ty => $method:ident),* $(,)?) => {$(
        impl Number for $t {
            fn is_finite(self) -> bool {
                true
            }
            fn normalized(self) -> Self {
                self
            }
            fn deserialize_number<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.$method(IntegerVisitor::<$t>(PhantomData))
            }
        }
    )*};
}
integer_number!(
    i8 => deserialize_i8, i16 => deserialize_i16, i32 => deserialize_i32,
    i64 => deserialize_i64, i128 => deserialize_i128, isize => deserialize_i64,
    u8 => deserialize_u8, u16 => deserialize_u16, u32 => deserialize_u32,
    u64 => deserialize_u64, u128 => deserialize_u128, usize => deserialize_u64,
);

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
            fn deserialize_number<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                <$t>::deserialize(d)
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
/// What is not a number of the type is a type error, never truncated: `1.5`, `"5"`, `1e100` or
/// `null` for an integer, an integer out of the type's range.
pub fn deserialize_number<'de, D, T>(
    deserializer: D,
    rules: &'static RangeRules<T>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Number,
{
    sensitive::read(rules.sensitive, || {
        let value = session::recover_missing(T::deserialize_number(deserializer), T::default)?;
        let value = value.normalized();
        if let Err(violation) = rules.check(value) {
            reject_text(violation, &value.to_string())?;
        }
        Ok(value)
    })
}
