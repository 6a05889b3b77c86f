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
use std::marker::PhantomData;

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
    #[inline]
    pub fn check(&self, text: &str) -> Result<(), Violation> {
        if self.satisfied_by(text) {
            Ok(())
        } else {
            Err(self.violation(text))
        }
    }

    /// Whether `text` satisfies the rules: the path every valid value takes, with no `Violation`
    /// built or moved.
    #[inline]
    fn satisfied_by(&self, text: &str) -> bool {
        self.length
            .as_ref()
            .is_none_or(|length| length.text_violation(text).is_none())
            && self.pattern.is_none_or(|pattern| pattern.is_match(text))
    }

    /// The violation of `text`, which breaks the rules: the length first, then the pattern.
    #[cold]
    #[inline(never)]
    fn violation(&self, text: &str) -> Violation {
        if let Some(length) = &self.length
            && let Some(actual) = length.text_violation(text)
        {
            return length.violation(actual).with_value(text, self.sensitive);
        }
        let rule = match self.pattern {
            Some(pattern) => Rule::Pattern {
                pattern: pattern.source,
            },
            None => unreachable!("`violation` runs only on text that breaks a rule"),
        };
        Violation::new(rule).with_value(text, self.sensitive)
    }
}

impl TextRules {
    /// Sanitizes and checks borrowed `text`, copying it only once it satisfies the rules.
    #[inline]
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

/// Where a string's visitor finds its rules.
///
/// A `&'static TextRules` is read at run time (list and map members). [`RulesOf`] reads a
/// type's constant, so each derived type gets its own visitor in which the compiler sees the
/// rules, calls the type's pattern matcher directly and can inline it.
#[doc(hidden)]
pub trait TextRulesSource: Copy {
    /// The rules.
    fn rules(self) -> &'static TextRules;
}

impl TextRulesSource for &'static TextRules {
    #[inline(always)]
    fn rules(self) -> &'static TextRules {
        self
    }
}

/// A derived string type's rules, as a constant of the type (see [`RulesOf`]).
#[doc(hidden)]
pub trait HasTextRules {
    /// The type's `RULES`.
    const TEXT_RULES: &'static TextRules;
}

/// The rules of the derived type `T`, known when `T`'s visitor compiles.
#[doc(hidden)]
pub struct RulesOf<T>(PhantomData<fn() -> T>);

impl<T> RulesOf<T> {
    /// The rules of `T`.
    pub const NEW: Self = RulesOf(PhantomData);
}

impl<T> Clone for RulesOf<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for RulesOf<T> {}

impl<T: HasTextRules> TextRulesSource for RulesOf<T> {
    #[inline(always)]
    fn rules(self) -> &'static TextRules {
        T::TEXT_RULES
    }
}

/// Deserializes a string under `rules`, checking the borrowed text before allocating a copy, so
/// an oversized or malformed value costs no allocation.
pub fn deserialize_text<'de, D: Deserializer<'de>>(
    deserializer: D,
    rules: impl TextRulesSource,
) -> Result<String, D::Error> {
    // Outside a report, a value that may be echoed needs no wrapper: the result goes straight to
    // the caller. Each wrapper moved the result once more, and reading back a result just
    // written piecewise stalls the processor, which cost measurable time per string.
    if !rules.rules().sensitive && !session::active() {
        return deserializer.deserialize_str(TextVisitor { rules });
    }
    sensitive::read(rules.rules().sensitive, || {
        session::recover_missing(
            deserializer.deserialize_str(TextVisitor { rules }),
            String::new,
        )
    })
}

struct TextVisitor<S> {
    rules: S,
}

/// The value `text` once sanitized, or its rejection: the path of a value the rules do not take
/// as it is, kept out of the visitor's inlined fast path.
#[cold]
#[inline(never)]
fn accept_or_reject<E: de::Error>(rules: &TextRules, text: &str) -> Result<String, E> {
    match rules.accept_str(text) {
        Ok(text) => Ok(text),
        Err(violation) => reject_text(violation, text).map(|()| String::new()),
    }
}

impl<'de, S: TextRulesSource> Visitor<'de> for TextVisitor<S> {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    // Inlined into the deserializer's string method, so the copy is written where its caller
    // reads it: returned from a call, the result was written piecewise and read back whole,
    // which stalls the processor on every string.
    #[inline(always)]
    fn visit_str<E: de::Error>(self, text: &str) -> Result<String, E> {
        if self.rules.rules().sanitize.is_none() && self.rules.rules().satisfied_by(text) {
            return Ok(text.to_owned());
        }
        accept_or_reject(self.rules.rules(), text)
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<String, E> {
        let text = match self.rules.rules().sanitize {
            None => text,
            Some(sanitizers) => sanitizers.apply_owned(text),
        };
        match self.rules.rules().check(&text) {
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
