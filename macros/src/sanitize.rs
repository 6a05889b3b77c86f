//! `Sanitizers`: the rewrites `sanitize(trim, lowercase, uppercase)` applies to a string before
//! its rules are checked.

use proc_macro2::Span;

/// Which sanitizers were asked for, each with the span of its name.
#[derive(Default)]
pub struct Sanitizers {
    pub trim: Option<Span>,
    pub lowercase: Option<Span>,
    pub uppercase: Option<Span>,
    /// A name was written but already reported as unknown: no second error for its absence.
    pub malformed: bool,
}

/// The names `sanitize(…)` accepts.
pub const NAMES: &[&str] = &["trim", "lowercase", "uppercase"];

impl Sanitizers {
    /// `text` as the sanitizers leave it, exactly as the runtime rewrites it: trimmed first, then
    /// case-mapped.
    pub fn apply(&self, text: &str) -> String {
        let trimmed = if self.trim.is_some() {
            text.trim()
        } else {
            text
        };
        if self.lowercase.is_some() {
            trimmed.to_lowercase()
        } else if self.uppercase.is_some() {
            trimmed.to_uppercase()
        } else {
            trimmed.to_owned()
        }
    }
}
