//! `TextRules`: the rules of a constrained string, checked on the borrowed text before it is copied.

use crate::document::reject::reject;
use crate::document::session;
use crate::pattern::Pattern;
use crate::rules::length::LengthBounds;
use crate::violation::{Rule, Violation};
use serde::de::{self, Deserializer, Visitor};
use std::fmt;

/// The rules of a string: its length in Unicode scalar values and a whole-value pattern.
#[derive(Debug)]
pub struct TextRules {
    /// `length(min, max)`, if given.
    pub length: Option<LengthBounds>,
    /// `pattern = "…"`, if given.
    pub pattern: Option<&'static Pattern>,
    /// Whether the value may never be echoed in an error.
    pub sensitive: bool,
}

impl TextRules {
    /// A string with no rules.
    pub const UNCONSTRAINED: TextRules = TextRules {
        length: None,
        pattern: None,
        sensitive: false,
    };

    /// Checks `text`: the length first, since it is cheap, then the pattern.
    pub fn check(&self, text: &str) -> Result<(), Violation> {
        if let Some(length) = &self.length
            && let Some(actual) = length.text_violation(text)
        {
            return Err(length.violation(actual).with_value(text, self.sensitive));
        }
        if let Some(pattern) = self.pattern
            && !pattern.is_match(text)
        {
            let rule = Rule::Pattern {
                pattern: pattern.source,
            };
            return Err(Violation::new(rule).with_value(text, self.sensitive));
        }
        Ok(())
    }
}

/// Deserializes a string under `rules`, checking the borrowed text before allocating a copy, so
/// an oversized or malformed value costs no allocation.
pub fn deserialize_text<'de, D: Deserializer<'de>>(
    deserializer: D,
    rules: &'static TextRules,
) -> Result<String, D::Error> {
    session::recover_missing(
        deserializer.deserialize_str(TextVisitor { rules }),
        String::new,
    )
}

struct TextVisitor {
    rules: &'static TextRules,
}

impl<'de> Visitor<'de> for TextVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<String, E> {
        match self.rules.check(text) {
            Ok(()) => Ok(text.to_owned()),
            Err(violation) => reject(violation).map(|()| String::new()),
        }
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<String, E> {
        match self.rules.check(&text) {
            Ok(()) => Ok(text),
            Err(violation) => reject(violation).map(|()| String::new()),
        }
    }

    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<String, E> {
        match std::str::from_utf8(bytes) {
            Ok(text) => self.visit_str(text),
            Err(_) => Err(E::invalid_value(de::Unexpected::Bytes(bytes), &self)),
        }
    }
}
