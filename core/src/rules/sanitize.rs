//! `Sanitizers`: the rewrites `sanitize(trim, lowercase, uppercase)` applies to a string before
//! its rules are checked. AWS never rewrites a value, so a type with sanitizers accepts input an
//! AWS service would refuse; they are opt-in for that reason.

use std::borrow::Cow;

/// Which rewrites apply, in order: trimming first, then one case mapping.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sanitizers {
    /// Remove leading and trailing white space (`str::trim`).
    pub trim: bool,
    /// Map to lower case (`str::to_lowercase`).
    pub lowercase: bool,
    /// Map to upper case (`str::to_uppercase`).
    pub uppercase: bool,
}

impl Sanitizers {
    /// `text` rewritten, borrowing when no rewrite changes it.
    pub fn apply<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let text = if self.trim { text.trim() } else { text };
        if self.lowercase && text.chars().any(|c| c.to_lowercase().ne([c])) {
            Cow::Owned(text.to_lowercase())
        } else if self.uppercase && text.chars().any(|c| c.to_uppercase().ne([c])) {
            Cow::Owned(text.to_uppercase())
        } else {
            Cow::Borrowed(text)
        }
    }

    /// `text` rewritten, reusing its allocation when no rewrite changes it.
    pub fn apply_owned(&self, text: String) -> String {
        match self.apply(&text) {
            Cow::Borrowed(kept) if kept.len() == text.len() => text,
            rewritten => rewritten.into_owned(),
        }
    }
}
