//! `Report`: every violation in a document, each at its path, rendered as Smithy's
//! `ValidationException` body or as the message of a classic AWS service. `DocumentError` is what
//! validating a document returns: a report, or a malformed document.

use crate::path::Path;
use crate::violation::{Rule, Violation};
use std::fmt::{self, Write};

/// One violation and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldViolation {
    path: Path,
    violation: Violation,
}

/// Whether a classic message echoes offending values (`Value 'x' at …`) or not (`Value at …`,
/// as newer AWS services write it). A `sensitive` value is never echoed either way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Echo {
    /// `Value 'x' at 'farmId' failed to satisfy constraint: …`
    Values,
    /// `Value at 'farmId' failed to satisfy constraint: …`
    Nothing,
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

    /// The entry's message in Smithy's format:
    /// `Value with length 9 at '/string' failed to satisfy constraint: Member must have length between 2 and 8, inclusive`.
    /// Smithy never echoes values, only a measured length.
    pub fn smithy_message(&self) -> String {
        let subject = match self.violation.measured_length() {
            Some(length) => format!("Value with length {length}"),
            None => "Value".to_owned(),
        };
        format!(
            "{subject} at '{}' failed to satisfy constraint: {}",
            self.path.json_pointer(),
            self.violation
        )
    }

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

    fn count(&self, separator: &str) -> String {
        match self.total() {
            1 => format!("1 validation error detected{separator}"),
            n => format!("{n} validation errors detected{separator}"),
        }
    }

    fn joined(&self, message: impl Fn(&FieldViolation) -> String) -> String {
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

    /// The `message` of Smithy's `ValidationException`: `1 validation error detected. <entry>`,
    /// and with several, `N validation errors detected. <entry>; <entry>; …` (the same form, the
    /// entries joined as classic messages join them).
    pub fn smithy_message(&self) -> String {
        self.count(". ") + &self.joined(FieldViolation::smithy_message)
    }

    /// Smithy's `ValidationException` body:
    /// `{"message":"1 validation error detected. <F>","fieldList":[{"path":"/p","message":"<F>"}]}`,
    /// with one `fieldList` entry per violation kept.
    pub fn smithy_body(&self) -> String {
        let mut body = String::from("{\"message\":");
        json_string(&mut body, &self.smithy_message());
        body.push_str(",\"fieldList\":[");
        for (i, entry) in self.violations.iter().enumerate() {
            if i > 0 {
                body.push(',');
            }
            body.push_str("{\"path\":");
            json_string(&mut body, &entry.path.json_pointer());
            body.push_str(",\"message\":");
            json_string(&mut body, &entry.smithy_message());
            body.push('}');
        }
        body.push_str("]}");
        body
    }

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

impl std::error::Error for Report {}

/// Writes `text` as a JSON string literal.
pub(crate) fn json_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A document that could not be read as the type at all: not JSON, or the wrong JSON type where
/// a value was expected (AWS's `SerializationException`). It is not a constraint violation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Malformed {
    message: String,
    line_column: Option<(usize, usize)>,
    path: Option<Path>,
}

impl Malformed {
    pub(crate) fn new(
        message: String,
        line_column: Option<(usize, usize)>,
        path: Option<Path>,
    ) -> Self {
        Malformed {
            message,
            line_column,
            path,
        }
    }

    /// What is wrong, without the position.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The 1-based line of the offending text, when the document was read from text.
    pub fn line(&self) -> Option<usize> {
        self.line_column.map(|(line, _)| line)
    }

    /// The 1-based column (in characters) of the offending text.
    pub fn column(&self) -> Option<usize> {
        self.line_column.map(|(_, column)| column)
    }

    /// Where in the document the offending value is, when it is inside a well-formed document.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_ref()
    }
}

impl fmt::Display for Malformed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(path) = &self.path
            && !path.segments().is_empty()
        {
            write!(f, " at '{}'", path.json_pointer())?;
        }
        if let Some((line, column)) = self.line_column {
            write!(f, " (line {line}, column {column})")?;
        }
        Ok(())
    }
}

impl std::error::Error for Malformed {}

/// Why a document did not become a value: it breaks rules (a [`Report`] of all of them), or it is
/// malformed ([`Malformed`]: AWS's `SerializationException`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocumentError {
    /// The document is well-formed and breaks these rules.
    Invalid(Report),
    /// The document is not well-formed JSON, or has the wrong JSON type where a value was
    /// expected.
    Malformed(Malformed),
}

impl DocumentError {
    /// The report, if the document broke rules.
    pub fn report(&self) -> Option<&Report> {
        match self {
            DocumentError::Invalid(report) => Some(report),
            DocumentError::Malformed(_) => None,
        }
    }
}

impl fmt::Display for DocumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocumentError::Invalid(report) => report.fmt(f),
            DocumentError::Malformed(malformed) => malformed.fmt(f),
        }
    }
}

impl std::error::Error for DocumentError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DocumentError::Invalid(report) => Some(report),
            DocumentError::Malformed(malformed) => Some(malformed),
        }
    }
}
