//! `EnumRules`: the value set of a constrained enum, matched on the borrowed wire text.

use crate::document::reject::reject_text;
use crate::document::session;
use crate::rules::sensitive;
use crate::violation::{Rule, Violation};
use serde::de::{self, Deserializer, Visitor};
use std::fmt;

/// The wire values of a constrained enum.
#[derive(Debug)]
pub struct EnumRules {
    /// Every accepted wire value, in declaration order; the derive maps index `i` to variant `i`.
    pub accepted: &'static [&'static str],
    /// The values listed in messages: `accepted` less the `internal` ones.
    pub listed: &'static [&'static str],
    /// Whether an unknown value is kept in the catch-all variant instead of rejected.
    pub open: bool,
    /// Whether the value may never be echoed in an error.
    pub sensitive: bool,
}

/// A wire value read for an enum: one of the known values, or (for an open enum) another string.
#[derive(Debug)]
pub enum WireValue {
    /// The index into [`EnumRules::accepted`].
    Known(usize),
    /// A value outside the set, kept by an enum with a catch-all variant.
    Unknown(String),
}

impl EnumRules {
    /// Looks `text` up in the value set.
    pub fn parse(&self, text: &str) -> Result<WireValue, Violation> {
        match self.accepted.iter().position(|value| *value == text) {
            Some(index) => Ok(WireValue::Known(index)),
            None if self.open => Ok(WireValue::Unknown(text.to_owned())),
            None => Err(self.violation(text)),
        }
    }

    /// The index of `text` among the known values, in `const` context (for checked literals).
    pub const fn literal_index(&self, text: &str) -> Option<usize> {
        let text = text.as_bytes();
        let mut index = 0;
        while index < self.accepted.len() {
            let value = self.accepted[index].as_bytes();
            if value.len() == text.len() {
                let mut i = 0;
                while i < value.len() && value[i] == text[i] {
                    i += 1;
                }
                if i == value.len() {
                    return Some(index);
                }
            }
            index += 1;
        }
        None
    }

    /// The violation for a value outside the set.
    pub fn violation(&self, text: &str) -> Violation {
        Violation::new(Rule::Enum {
            values: self.listed,
        })
        .with_value(text, self.sensitive)
    }
}

/// Deserializes an enum's wire value under `rules`.
pub fn deserialize_enum<'de, D: Deserializer<'de>>(
    deserializer: D,
    rules: &'static EnumRules,
) -> Result<WireValue, D::Error> {
    sensitive::read(rules.sensitive, || {
        let read = deserializer.deserialize_str(EnumVisitor { rules });
        session::recover_missing(read, || WireValue::Known(0))
    })
}

struct EnumVisitor {
    rules: &'static EnumRules,
}

impl<'de> Visitor<'de> for EnumVisitor {
    type Value = WireValue;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<WireValue, E> {
        match self.rules.parse(text) {
            Ok(value) => Ok(value),
            Err(violation) => reject_text(violation, text).map(|()| WireValue::Known(0)),
        }
    }

    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<WireValue, E> {
        match std::str::from_utf8(bytes) {
            Ok(text) => self.visit_str(text),
            Err(_) => Err(E::invalid_value(de::Unexpected::Bytes(bytes), &self)),
        }
    }
}
