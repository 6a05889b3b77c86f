//! `Malformed`: a document that is not JSON, or has the wrong JSON type where a value was expected.

use crate::document::path::Path;
use std::fmt;

/// A document that could not be read as the type at all: not JSON, or the wrong JSON type where
/// a value was expected (AWS's `SerializationException`). It is not a constraint violation.
///
/// ```
/// use constrained::{Constrained, DocumentError};
///
/// #[derive(Debug, Constrained)]
/// #[constrained(range(min = 1, max = 100))]
/// pub struct MaxResults(i32);
///
/// let Err(DocumentError::Malformed(malformed)) = constrained::from_json_str::<MaxResults>("\n  x") else {
///     panic!("not a number");
/// };
/// assert_eq!((malformed.line(), malformed.column()), (Some(2), Some(3)));
/// ```
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
