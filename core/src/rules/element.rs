//! `ElementRules`: the `key(…)`, `value(…)` or `item(…)` rules of a collection, and how they
//! apply to one element as it arrives.

use crate::rules::number::{Number, RangeRules, deserialize_number};
use crate::rules::text::{TextRules, deserialize_text};
use crate::violation::Violation;
use serde::Deserialize;
use serde::de::{DeserializeSeed, Deserializer};
use std::marker::PhantomData;

/// Rules that apply to each key, value or item of type `T` of a constrained collection:
/// [`TextRules`] for `String`, [`RangeRules`] for numbers, and [`NoRules`] for any other
/// deserializable type (a constrained type, a struct, a `bool`…), which validates itself.
pub trait ElementRules<T>: 'static {
    /// Deserializes one element under these rules.
    fn deserialize_element<'de, D>(&'static self, deserializer: D) -> Result<T, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de>;

    /// Checks an element that already exists, for `new`/`TryFrom`.
    fn check_element(&self, element: &T) -> Result<(), Violation>;

    /// The element as text, for naming a map entry in an error (`None` when not known).
    fn echo(&self, element: &T) -> Option<String>;
}

/// The rules of an element that validates itself, or has none.
#[derive(Debug)]
pub struct NoRules;

impl<T> ElementRules<T> for NoRules {
    fn deserialize_element<'de, D>(&'static self, deserializer: D) -> Result<T, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de>,
    {
        T::deserialize(deserializer)
    }

    fn check_element(&self, _: &T) -> Result<(), Violation> {
        Ok(())
    }

    fn echo(&self, _: &T) -> Option<String> {
        None
    }
}

impl ElementRules<String> for TextRules {
    fn deserialize_element<'de, D>(&'static self, deserializer: D) -> Result<String, D::Error>
    where
        D: Deserializer<'de>,
    {
        deserialize_text(deserializer, self)
    }

    fn check_element(&self, element: &String) -> Result<(), Violation> {
        self.check(element)
    }

    fn echo(&self, element: &String) -> Option<String> {
        (!self.sensitive).then(|| element.clone())
    }
}

impl<N: Number> ElementRules<N> for RangeRules<N> {
    fn deserialize_element<'de, D>(&'static self, deserializer: D) -> Result<N, D::Error>
    where
        D: Deserializer<'de>,
    {
        deserialize_number(deserializer, self)
    }

    fn check_element(&self, element: &N) -> Result<(), Violation> {
        self.check(*element)
    }

    fn echo(&self, element: &N) -> Option<String> {
        (!self.sensitive).then(|| element.to_string())
    }
}

/// A `DeserializeSeed` that deserializes one element of type `T` under `rules`.
pub(crate) struct ElementSeed<T, R: 'static> {
    rules: &'static R,
    element: PhantomData<fn() -> T>,
}

impl<T, R: ElementRules<T>> ElementSeed<T, R> {
    pub(crate) fn new(rules: &'static R) -> Self {
        ElementSeed {
            rules,
            element: PhantomData,
        }
    }
}

impl<'de, T: Deserialize<'de>, R: ElementRules<T>> DeserializeSeed<'de> for ElementSeed<T, R> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        self.rules.deserialize_element(deserializer)
    }
}
