//! Reading a `sensitive` value. What serde says about a malformed one (`invalid type: integer
//! `31337424242``, `unknown variant `hunter2``) quotes the value, so inside a sensitive value such
//! messages are replaced; a violation's own message never quotes a value and is kept.

use crate::document::{reject, session};
use serde::de;

/// What a caller sees in place of a message that arose inside a sensitive value.
pub(crate) const WITHHELD: &str = "invalid value (not shown: the member is sensitive)";

/// Runs `read`, a sensitive value's deserialization, keeping what it would say about the value
/// out of its errors: in a report the session marks every error and violation found inside, so
/// paths leave out map keys and messages are withheld; outside one, an error that is not one of
/// this crate's violations is replaced by [`WITHHELD`].
#[inline(always)]
pub(crate) fn read<T, E: de::Error>(
    sensitive: bool,
    read: impl FnOnce() -> Result<T, E>,
) -> Result<T, E> {
    if sensitive {
        read_sensitive(read)
    } else {
        read()
    }
}

#[inline(never)]
fn read_sensitive<T, E: de::Error>(read: impl FnOnce() -> Result<T, E>) -> Result<T, E> {
    if session::active() {
        return session::sensitive(read);
    }
    reject::clear_raised();
    match read() {
        Err(_) if !reject::raised() => Err(E::custom(WITHHELD)),
        result => result,
    }
}
