//! `Element`: what may be a map key, map value or list item of a constrained collection, and how
//! its `key(…)`, `value(…)` or `item(…)` rules are applied.

use crate::number::{RangeRules, deserialize_number};
use crate::text::{TextRules, deserialize_text};
use crate::violation::Violation;
use serde::de::{DeserializeSeed, Deserializer};
use std::marker::PhantomData;

/// A type that can stand as a key, value or item of a constrained collection: `String`, the
/// primitive numbers, and every `#[derive(Constrained)]` type (which carries its own rules).
///
/// Implemented by the crate and the derive; not meant to be implemented by hand.
pub trait Element: Sized {
    /// The rules an attribute can put on this element (`NoRules` for constrained types).
    type Rules: 'static;

    /// Deserializes one element under `rules`.
    fn deserialize_element<'de, D: Deserializer<'de>>(
        deserializer: D,
        rules: &'static Self::Rules,
    ) -> Result<Self, D::Error>;

    /// Checks an element that already exists, for `new`/`TryFrom`.
    fn check_element(&self, rules: &Self::Rules) -> Result<(), Violation>;

    /// The element as text, for naming a map entry in an error (`None` when it has no short
    /// textual form).
    fn echo(&self) -> Option<String>;
}

/// The rules of an element that validates itself: a constrained type.
#[derive(Debug)]
pub struct NoRules;

impl Element for String {
    type Rules = TextRules;

    fn deserialize_element<'de, D: Deserializer<'de>>(
        deserializer: D,
        rules: &'static TextRules,
    ) -> Result<Self, D::Error> {
        deserialize_text(deserializer, rules)
    }

    fn check_element(&self, rules: &TextRules) -> Result<(), Violation> {
        rules.check(self)
    }

    fn echo(&self) -> Option<String> {
        Some(self.clone())
    }
}

macro_rules! number_element {
    ($($t:ty)*) => {$(
        impl Element for $t {
            type Rules = RangeRules<$t>;

            fn deserialize_element<'de, D: Deserializer<'de>>(
                deserializer: D,
                rules: &'static RangeRules<$t>,
            ) -> Result<Self, D::Error> {
                deserialize_number(deserializer, rules)
            }

            fn check_element(&self, rules: &RangeRules<$t>) -> Result<(), Violation> {
                rules.check(*self)
            }

            fn echo(&self) -> Option<String> {
                Some(self.to_string())
            }
        }
    )*};
}
number_element!(i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize f32 f64);

/// A `DeserializeSeed` that deserializes one element of type `T` under its rules.
pub struct ElementSeed<T: Element> {
    rules: &'static T::Rules,
    element: PhantomData<fn() -> T>,
}

impl<T: Element> ElementSeed<T> {
    /// A seed applying `rules`.
    pub fn new(rules: &'static T::Rules) -> Self {
        ElementSeed {
            rules,
            element: PhantomData,
        }
    }
}

impl<'de, T: Element> DeserializeSeed<'de> for ElementSeed<T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        T::deserialize_element(deserializer, self.rules)
    }
}
