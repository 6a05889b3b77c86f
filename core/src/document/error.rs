//! `ReadError`: why reading a document into a type failed other than by a rule, and how it
//! crosses serde_json's deserializer, whose own error type stands between our layers.
//!
//! The reader wraps serde_json's deserializer, so a visitor of the target type runs inside a
//! serde_json call: an error it returns must travel out as a `serde_json::Error`. The error is
//! parked in a thread-local slot ([`carry`]) and a stand-in with the same message goes through
//! serde_json; where serde_json hands an error back to the reader, the parked error is taken back
//! ([`uncarry`]). An error serde_json raised itself (a syntax error, a wrong JSON type) finds the
//! slot empty and becomes a `ReadError` there, at the innermost reader, with its line, column and
//! path.

use crate::document::path::Path;
use crate::document::session::{self, MissingMember};
use serde::de::{self, Unexpected};
use std::cell::RefCell;
use std::fmt;

/// Why reading a document into a type failed, other than by a rule. Boxed, so a `Result` that
/// may hold one stays as small as the value it carries on the hot path.
#[derive(Debug)]
pub(crate) struct ReadError(Box<Details>);

#[derive(Debug)]
pub(crate) struct Details {
    pub message: String,
    pub kind: ReadErrorKind,
    /// 1-based line and column, when the input was text.
    pub line_column: Option<(usize, usize)>,
    /// Where in the document, once the error passed the innermost reader.
    pub path: Option<Path>,
    /// Whether it arose inside a `sensitive` value, whose message could quote the value.
    pub sensitive: bool,
    /// For a missing member that stopped the run: the structure it is missing from, attached
    /// where the structure's reading ends.
    pub missing: Option<MissingMember>,
    /// For a missing member: its name.
    pub missing_field: Option<&'static str>,
}

impl std::ops::Deref for ReadError {
    type Target = Details;

    fn deref(&self) -> &Details {
        &self.0
    }
}

impl std::ops::DerefMut for ReadError {
    fn deref_mut(&mut self) -> &mut Details {
        &mut self.0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ReadErrorKind {
    /// The wrong JSON type, an unknown variant, a duplicate member, a syntax error.
    Type,
    /// A required member is absent (already recorded as a violation).
    Missing,
    /// An error raised by the type's own code.
    Custom,
}

impl ReadError {
    fn new(kind: ReadErrorKind, message: String) -> Self {
        ReadError(Box::new(Details {
            message,
            kind,
            line_column: None,
            path: None,
            sensitive: false,
            missing: None,
            missing_field: None,
        }))
    }

    pub(crate) fn into_details(self) -> Details {
        *self.0
    }

    /// Names the structure a missing member is missing from, if the error is that member's
    /// absence and no inner structure named it already.
    pub(crate) fn missing_from(
        mut self,
        structure: &'static str,
        fields: &'static [&'static str],
    ) -> Self {
        if let (ReadErrorKind::Missing, None, Some(field)) =
            (self.kind, self.missing, self.missing_field)
        {
            self.missing = Some(MissingMember {
                structure,
                fields,
                field,
            });
        }
        self
    }

    /// Attaches the path and the sensitivity of where the error is first located.
    pub(crate) fn locate(mut self) -> Self {
        if self.path.is_none() {
            self.path = session::path();
            self.sensitive |= session::in_sensitive() && self.kind != ReadErrorKind::Missing;
        }
        self
    }

    /// The message a caller may see: redacted when it arose inside a sensitive value.
    pub(crate) fn public_message(&self) -> &str {
        if self.sensitive {
            crate::rules::sensitive::WITHHELD
        } else {
            &self.message
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ReadError {}

impl de::Error for ReadError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        ReadError::new(ReadErrorKind::Custom, message.to_string())
    }

    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        let message = format!("invalid type: {unexpected}, expected {expected}");
        ReadError::new(ReadErrorKind::Type, message)
    }

    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        let message = format!("invalid value: {unexpected}, expected {expected}");
        ReadError::new(ReadErrorKind::Type, message)
    }

    fn invalid_length(len: usize, expected: &dyn de::Expected) -> Self {
        let message = format!("invalid length {len}, expected {expected}");
        ReadError::new(ReadErrorKind::Type, message)
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        let message = format!("unknown variant `{variant}`, expected one of {expected:?}");
        ReadError::new(ReadErrorKind::Type, message)
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        let message = format!("unknown field `{field}`, expected one of {expected:?}");
        ReadError::new(ReadErrorKind::Type, message)
    }

    /// Located at the member whose key repeats (the reader takes a member's step as soon as
    /// its key is read), not at the structure.
    fn duplicate_field(field: &'static str) -> Self {
        ReadError::new(ReadErrorKind::Type, format!("duplicate field `{field}`")).locate()
    }

    fn missing_field(field: &'static str) -> Self {
        session::missing_member(field);
        let mut error = ReadError::new(ReadErrorKind::Missing, format!("missing field `{field}`"));
        error.missing_field = Some(field);
        error
    }
}

thread_local! {
    static CARRIED: RefCell<Option<ReadError>> = const { RefCell::new(None) };
}

/// Parks `error` and returns a stand-in of the foreign error type that carries its message.
pub(crate) fn carry<E: de::Error>(error: ReadError) -> E {
    let stand_in = E::custom(&error.message);
    CARRIED.with(|slot| *slot.borrow_mut() = Some(error));
    stand_in
}

/// The `ReadError` behind a foreign error: the parked one, when the foreign error is its stand-in,
/// else a new one from the foreign error's message (and the line and column serde_json appends).
pub(crate) fn uncarry<E: fmt::Display>(foreign: E) -> ReadError {
    let text = foreign.to_string();
    let (message, line_column) = split_position(&text);
    let parked = CARRIED.with(|slot| slot.borrow_mut().take());
    let mut error = match parked {
        // A visitor that swallowed an error can leave one parked: it is only taken back by the
        // stand-in that carries its message.
        Some(parked) if parked.message == message => parked,
        _ => ReadError::new(ReadErrorKind::Type, message.to_owned()),
    };
    if error.line_column.is_none() {
        error.line_column = line_column;
    }
    error.locate()
}

/// Splits serde_json's ` at line L column C` off a message.
fn split_position(text: &str) -> (&str, Option<(usize, usize)>) {
    let Some(at) = text.rfind(" at line ") else {
        return (text, None);
    };
    let tail = &text[at + " at line ".len()..];
    let Some((line, column)) = tail.split_once(" column ") else {
        return (text, None);
    };
    match (line.parse(), column.parse()) {
        (Ok(line), Ok(column)) => (&text[..at], Some((line, column))),
        _ => (text, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_split_off() {
        assert_eq!(
            split_position("expected value at line 2 column 7"),
            ("expected value", Some((2, 7)))
        );
        assert_eq!(split_position("no position"), ("no position", None));
        assert_eq!(
            split_position("value at line one"),
            ("value at line one", None)
        );
    }
}
