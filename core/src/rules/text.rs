//! `TextRules`: the rules of a constrained string, checked on the borrowed text before it is copied.

use crate::document::reject::reject_text;
use crate::document::session;
use crate::pattern::Pattern;
use crate::rules::length::LengthBounds;
use crate::rules::sanitize::Sanitizers;
use crate::rules::sensitive;
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
    /// `sanitize(…)`: rewrites applied before the rules are checked, if any.
    pub sanitize: Option<Sanitizers>,
}

impl TextRules {
    /// A string with no rules.
    pub const UNCONSTRAINED: TextRules = TextRules {
        length: None,
        pattern: None,
        sensitive: false,
        sanitize: None,
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

impl TextRules {
    /// Sanitizes and checks borrowed `text`, copying it only once it satisfies the rules.
    pub fn accept_str(&self, text: &str) -> Result<String, Violation> {
        match self.sanitize {
            None => {
                self.check(text)?;
                Ok(text.to_owned())
            }
            Some(sanitizers) => {
                let text = sanitizers.apply(text);
                self.check(&text)?;
                Ok(text.into_owned())
            }
        }
    }

    /// Sanitizes and checks owned `text`, keeping its allocation.
    pub fn accept_string(&self, text: String) -> Result<String, Violation> {
        let text = match self.sanitize {
            None => text,
            Some(sanitizers) => sanitizers.apply_owned(text),
        };
        self.check(&text)?;
        Ok(text)
    }

    /// Which rule `text` breaks, decided in `const` context (for checked literals): the length,
    /// then the pattern by its automaton. Sanitizers are not applied: a literal is written as
    /// the sanitizers would leave it.
    pub const fn literal_fault(&self, text: &str) -> LiteralFault {
        if let Some(length) = &self.length {
            let bytes = text.as_bytes();
            let mut chars = 0;
            let mut i = 0;
            while i < bytes.len() {
                // Every byte but a UTF-8 continuation byte starts a character.
                if bytes[i] & 0xC0 != 0x80 {
                    chars += 1;
                }
                i += 1;
            }
            if !length.contains(chars) {
                return LiteralFault::Length;
            }
        }
        if let Some(pattern) = self.pattern
            && !pattern.is_match_const(text)
        {
            return LiteralFault::Pattern;
        }
        LiteralFault::None
    }
}

/// Which rule a literal breaks, as decided in `const` context; generated code turns it into the
/// compile error that names the rule as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LiteralFault {
    /// The literal satisfies the rules.
    None,
    /// It breaks `length`.
    Length,
    /// It breaks `pattern`.
    Pattern,
}

/// Deserializes a string under `rules`, checking the borrowed text before allocating a copy, so
/// an oversized or malformed value costs no allocation.
pub fn deserialize_text<'de, D: Deserializer<'de>>(
    deserializer: D,
    rules: &'static TextRules,
) -> Result<String, D::Error> {
    sensitive::read(rules.sensitive, || {
        session::recover_missing(
            deserializer.deserialize_str(TextVisitor { rules }),
            String::new,
        )
    })
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
        match self.rules.accept_str(text) {
            Ok(text) => Ok(text),
            Err(violation) => reject_text(violation, text).map(|()| String::new()),
        }
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<String, E> {
        let text = match self.rules.sanitize {
            None => text,
            Some(sanitizers) => sanitizers.apply_owned(text),
        };
        match self.rules.check(&text) {
            Ok(()) => Ok(text),
            Err(violation) => reject_text(violation, &text).map(|()| String::new()),
        }
    }

    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<String, E> {
        match std::str::from_utf8(bytes) {
            Ok(text) => self.visit_str(text),
            Err(_) => Err(E::invalid_value(de::Unexpected::Bytes(bytes), &self)),
        }
    }
}
