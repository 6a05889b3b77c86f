//! `DocumentError`: what validating a document returns when it does not become a value.

use super::{Malformed, Report};
use std::fmt;

/// Why a document did not become a value: it breaks rules (a [`Report`] of all of them), or it is
/// malformed ([`Malformed`]: AWS's `SerializationException`).
///
/// ```
/// use constrained::{Constrained, DocumentError};
///
/// #[derive(Debug, Constrained)]
/// #[constrained(range(min = 1, max = 100))]
/// pub struct MaxResults(i32);
///
/// let invalid = constrained::from_json_str::<MaxResults>("0").unwrap_err();
/// assert!(invalid.report().is_some());
/// let malformed = constrained::from_json_str::<MaxResults>("[").unwrap_err();
/// assert!(matches!(malformed, DocumentError::Malformed(_)));
/// ```
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
