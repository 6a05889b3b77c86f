//! The classic AWS rendering of a report: `N validation errors detected: Value 'x' at 'a.b' failed
//! to satisfy constraint: …`, with dotted member paths and values echoed unless sensitive.

use super::{FieldViolation, Report};
use crate::violation::Rule;
use std::fmt;

/// Whether a classic message echoes offending values (`Value 'x' at …`) or not (`Value at …`,
/// as newer AWS services write it). A `sensitive` value is never echoed either way.
///
/// ```
/// use constrained::{Constrained, Echo};
///
/// #[derive(Debug, Constrained)]
/// #[constrained(range(min = 1, max = 100))]
/// pub struct MaxResults(i32);
///
/// let report = constrained::from_json_str::<MaxResults>("0").unwrap_err().report().cloned().unwrap();
/// assert!(report.classic_message(Echo::Values).contains("Value '0' at"));
/// assert!(report.classic_message(Echo::Nothing).contains("Value at"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Echo {
    /// `Value 'x' at 'farmId' failed to satisfy constraint: …`
    Values,
    /// `Value at 'farmId' failed to satisfy constraint: …`
    Nothing,
}

impl FieldViolation {
    /// The entry's message as classic AWS services write it, naming only the violated bound:
    /// `Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1`.
    pub fn classic_message(&self, echo: Echo) -> String {
        let subject = match (&self.violation.rule(), echo, self.violation.value()) {
            (Rule::Required, _, _) => "Value null".to_owned(),
            (_, Echo::Values, Some(value)) => format!("Value '{value}'"),
            _ => "Value".to_owned(),
        };
        format!(
            "{subject} at '{}' failed to satisfy constraint: {}",
            self.path.member_path(),
            self.violation.classic_message()
        )
    }
}

impl Report {
    /// The message classic AWS services return:
    /// `2 validation errors detected: <entry>; <entry>`, with dotted member paths.
    pub fn classic_message(&self, echo: Echo) -> String {
        self.count(": ") + &self.joined(|v| v.classic_message(echo))
    }
}

/// `Display` is the classic AWS message, echoing values that are not sensitive.
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.classic_message(Echo::Values))
    }
}
