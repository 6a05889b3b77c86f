//! `LengthBounds`: the inclusive bounds of a `length(min, max)` rule, and how text is measured.

use crate::violation::{Rule, Violation};

/// Inclusive bounds on a length: Unicode scalar values for text, items for lists, entries for
/// maps (as Smithy's `@length` counts them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LengthBounds {
    /// The least length allowed, if any.
    pub min: Option<usize>,
    /// The greatest length allowed, if any.
    pub max: Option<usize>,
}

impl LengthBounds {
    /// Whether `len` lies within the bounds.
    pub const fn contains(&self, len: usize) -> bool {
        let above_min = match self.min {
            Some(min) => len >= min,
            None => true,
        };
        let below_max = match self.max {
            Some(max) => len <= max,
            None => true,
        };
        above_min && below_max
    }

    /// The violation for a measured length outside the bounds.
    pub fn violation(&self, actual: usize) -> Violation {
        Violation::new(Rule::Length {
            min: self.min,
            max: self.max,
            actual,
        })
    }

    /// Checks a count of items or entries.
    pub fn check_count(&self, count: usize) -> Result<(), Violation> {
        if self.contains(count) {
            Ok(())
        } else {
            Err(self.violation(count))
        }
    }

    /// Checks the length of `text` in Unicode scalar values, returning the measured length when
    /// it is outside the bounds.
    ///
    /// Characters are counted only when the byte length cannot decide: a UTF-8 string of `n`
    /// bytes holds between `⌈n/4⌉` and `n` characters.
    pub fn text_violation(&self, text: &str) -> Option<usize> {
        let bytes = text.len();
        let fewest_chars = bytes.div_ceil(4);
        let decided_ok = self.min.is_none_or(|min| fewest_chars >= min)
            && self.max.is_none_or(|max| bytes <= max);
        if decided_ok {
            return None;
        }
        let chars = text.chars().count();
        (!self.contains(chars)).then_some(chars)
    }
}
