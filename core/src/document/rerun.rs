//! The missing-member rerun: how a report lists every absent required member, however the types
//! around it are written.
//!
//! Serde notices an absent member only when a structure's object ends: the derived visitor calls
//! `Error::missing_field(name)` and gives up. The reader's error type ([`ReadError`]) records that
//! call as a `Member must not be null` violation at the member (`session::missing_member`), and
//! then one of two things happens:
//!
//! 1. **In place.** The member's type is one of this crate's: its deserialize path sees the
//!    missing-field error, finds that the session just recorded an absence at this depth
//!    (`session::recover_missing`), and returns a placeholder instead. Serde fills the member with
//!    it and the run goes on. This is the common case and costs nothing extra.
//! 2. **Next run.** Any other type (a structure, a list of them, a type of the user's) lets the
//!    error stop the run. The session remembers which member of which structure
//!    ([`MissingMember`], keyed by the structure's name and field list), and [`run`] reads the
//!    document again, this time supplying that member as `null` where the structure ends
//!    (`access::Entries`). `null` where a value is required is a violation and a placeholder
//!    (`placeholder`), so the run records the absence and reads on. Each rerun supplies one
//!    member more; a member is keyed by the schema, not the document, so at most
//!    [`MAX_SUPPLIED_MEMBERS`] reruns happen however large the document is.
//!
//! If a type refuses every stand-in for its absent member, reading stops there and the report
//! says so (`Report::is_complete`). A document without absent members is read once.

use crate::document::error::{ReadError, ReadErrorKind};
use crate::document::session::{self, MissingMember};
use crate::report::{DocumentError, FieldViolation, Malformed, Report};

/// How many distinct members one validation may supply as `null` in reruns: the structures of a
/// schema bound it, so this only guards against a pathological type.
pub(crate) const MAX_SUPPLIED_MEMBERS: usize = 64;

/// Runs `read` in a report session until it needs no member supplied: the value, every violation
/// found, or the reason the document is malformed.
pub(crate) fn run<T>(mut read: impl FnMut() -> Result<T, ReadError>) -> Result<T, DocumentError> {
    let mut supplied: Vec<MissingMember> = Vec::new();
    loop {
        let guard = session::begin(Report::LIMIT, supplied.clone());
        let result = read();
        let recorded = guard.finish();
        let placeholder_failed = recorded.placeholder_failed;
        let clean = recorded.is_clean();
        let report = |recorded: session::Recorded| {
            let omitted = recorded.omitted;
            let violations = recorded
                .standing()
                .into_iter()
                .map(|(path, violation)| FieldViolation::new(path, violation))
                .collect();
            let report = Report::new(violations, omitted);
            DocumentError::Invalid(if placeholder_failed {
                report.stopped_early()
            } else {
                report
            })
        };
        match result {
            Ok(value) if clean => return Ok(value),
            Ok(_) => return Err(report(recorded)),
            Err(e) => match (e.kind, e.missing) {
                // A required member stopped this run: supply it as `null` next time, so the run
                // records it and goes on to the rest of the document.
                (ReadErrorKind::Missing, Some(missing))
                    if !supplied.contains(&missing) && supplied.len() < MAX_SUPPLIED_MEMBERS =>
                {
                    supplied.push(missing);
                }
                (ReadErrorKind::Missing, _) => return Err(report(recorded)),
                // A stand-in for an absent value was refused: the absence is recorded, and the
                // report says it covers the document only up to there.
                _ if placeholder_failed && !clean => return Err(report(recorded)),
                (ReadErrorKind::Type | ReadErrorKind::Custom, _) => {
                    let message = e.public_message().to_owned();
                    let details = e.into_details();
                    return Err(DocumentError::Malformed(Malformed::new(
                        message,
                        details.line_column,
                        details.path,
                    )));
                }
            },
        }
    }
}
