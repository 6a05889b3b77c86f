//! `Report`: every violation in a document, each at its path, rendered as Smithy's
//! `ValidationException` body or as the message of a classic AWS service. `DocumentError` is what
//! validating a document returns: a report, or a malformed document.

mod classic;
mod document_error;
mod malformed;
mod serialize;
mod smithy;

pub use classic::Echo;
pub use document_error::DocumentError;
pub use malformed::Malformed;

use crate::document::path::Path;
use crate::violation::Violation;
use std::fmt::Write;

/// One violation and where it is.
///
/// ```
/// use constrained::{Constrained, Rule};
/// use serde::Deserialize;
///
/// #[derive(Debug, Constrained)]
/// #[constrained(range(min = 1, max = 100))]
/// pub struct MaxResults(i32);
///
/// #[derive(Debug, Deserialize)]
/// pub struct Request {
///     #[serde(rename = "maxResults")]
///     max_results: MaxResults,
/// }
///
/// let report = constrained::from_json_str::<Request>(r#"{"maxResults": 0}"#).unwrap_err().report().cloned().unwrap();
/// let entry = &report.violations()[0];
/// assert_eq!(entry.path().json_pointer(), "/maxResults");
/// assert!(matches!(entry.violation().rule(), Rule::Range { .. }));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldViolation {
    path: Path,
    violation: Violation,
}

impl FieldViolation {
    /// A violation at `path`.
    pub fn new(path: Path, violation: Violation) -> Self {
        FieldViolation { path, violation }
    }

    /// Where the violation is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The rule broken, its bounds, the measured length and the value (unless sensitive).
    pub fn violation(&self) -> &Violation {
        &self.violation
    }
}

/// Every violation in a document, in document order: the answer a service gives a caller whose
/// input breaks its rules.
///
/// Collecting is bounded: at most [`Report::LIMIT`] entries are kept, and the rest are counted
/// ([`Report::omitted`]), so a document with a million violations costs a bounded report.
///
/// ```
/// use constrained::{Constrained, DocumentError, Echo};
/// use serde::Deserialize;
///
/// #[derive(Debug, Constrained)]
/// #[constrained(pattern = "farm-[0-9a-f]{32}")]
/// pub struct FarmId(String);
///
/// #[derive(Debug, Constrained)]
/// #[constrained(range(min = 1, max = 100))]
/// pub struct MaxResults(i32);
///
/// #[derive(Debug, Deserialize)]
/// #[serde(rename_all = "camelCase")]
/// pub struct ListSessionsRequest {
///     farm_id: FarmId,
///     max_results: Option<MaxResults>,
/// }
///
/// let json = r#"{"farmId": "x", "maxResults": 0}"#;
/// let Err(DocumentError::Invalid(report)) = constrained::from_json_str::<ListSessionsRequest>(json) else {
///     panic!("the document breaks two rules");
/// };
/// assert_eq!(
///     report.to_string(),
///     "2 validation errors detected: \
///      Value 'x' at 'farmId' failed to satisfy constraint: Member must satisfy regular expression pattern: farm-[0-9a-f]{32}; \
///      Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1"
/// );
/// assert_eq!(report.violations()[1].path().json_pointer(), "/maxResults");
/// assert!(report.classic_message(Echo::Nothing).contains("Value at 'maxResults'"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    violations: Vec<FieldViolation>,
    omitted: usize,
    complete: bool,
}

impl Report {
    /// How many violations a report keeps; past it they are only counted.
    pub const LIMIT: usize = 100;

    /// A report of `violations`, of which `omitted` more were counted but not kept.
    pub fn new(violations: Vec<FieldViolation>, omitted: usize) -> Self {
        Report {
            violations,
            omitted,
            complete: true,
        }
    }

    /// Marks the report as covering only part of the document (see [`Report::is_complete`]).
    pub fn stopped_early(mut self) -> Self {
        self.complete = false;
        self
    }

    /// Whether the whole document was checked. It is not when a required member was absent and
    /// its type's own `Deserialize` refused every stand-in value: reading stopped there, and the
    /// report holds the violations found up to that point (the absent member among them).
    pub fn is_complete(&self) -> bool {
        self.complete
    }

    /// The violations kept, in document order.
    pub fn violations(&self) -> &[FieldViolation] {
        &self.violations
    }

    /// How many violations were found beyond those kept.
    pub fn omitted(&self) -> usize {
        self.omitted
    }

    /// How many violations the document has in all.
    pub fn total(&self) -> usize {
        self.violations.len() + self.omitted
    }

    pub(crate) fn count(&self, separator: &str) -> String {
        match self.total() {
            1 => format!("1 validation error detected{separator}"),
            n => format!("{n} validation errors detected{separator}"),
        }
    }

    pub(crate) fn joined(&self, message: impl Fn(&FieldViolation) -> String) -> String {
        let mut text = self
            .violations
            .iter()
            .map(message)
            .collect::<Vec<_>>()
            .join("; ");
        if self.omitted > 0 {
            let _ = write!(text, "; and {} more", self.omitted);
        }
        text
    }
}

impl std::error::Error for Report {}
