//! `ParseError`: why text did not become a constrained number (`FromStr`).

use crate::violation::Violation;
use std::fmt;

/// The error of `FromStr` on a constrained number: the text is not a number of the inner type,
/// or the number breaks the type's rules.
///
/// ```
/// use constrained::{Constrained, ParseError};
///
/// #[derive(Debug, Constrained)]
/// #[constrained(range(min = 1, max = 100))]
/// pub struct MaxResults(i32);
///
/// assert!(matches!("abc".parse::<MaxResults>(), Err(ParseError::Syntax(_))));
/// assert!(matches!("500".parse::<MaxResults>(), Err(ParseError::Violation(_))));
/// assert_eq!("50".parse::<MaxResults>().unwrap().into_inner(), 50);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// The text is not a number of the inner type; the message is the standard library's.
    Syntax(String),
    /// The number breaks a rule.
    Violation(Violation),
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::Syntax(message) => f.write_str(message),
            ParseError::Violation(violation) => violation.fmt(f),
        }
    }
}

impl std::error::Error for ParseError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ParseError::Syntax(_) => None,
            ParseError::Violation(violation) => Some(violation),
        }
    }
}

impl From<Violation> for ParseError {
    fn from(violation: Violation) -> Self {
        ParseError::Violation(violation)
    }
}
