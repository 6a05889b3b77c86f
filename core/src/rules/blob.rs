//! `Blob`: bytes that travel as base64 text (Smithy's `blob`), and the `length` rule on them.

use crate::document::reject::reject;
use crate::document::session;
use crate::rules::length::LengthBounds;
use crate::rules::sensitive;
use crate::violation::Violation;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// Binary data, written as standard padded base64 on the wire, as AWS JSON protocols send blobs.
///
/// Use it as the inner type of a constrained newtype to bound its length in decoded bytes:
///
/// ```
/// use constrained::{Blob, Constrained};
///
/// #[derive(Debug, Constrained)]
/// #[constrained(length(min = 2, max = 8))]
/// pub struct LengthBlob(Blob);
///
/// let blob: LengthBlob = serde_json::from_str(r#""YWJj""#).unwrap();
/// assert_eq!(blob.as_inner().as_bytes(), b"abc");
/// let err = serde_json::from_str::<LengthBlob>(r#""YQ==""#).unwrap_err();
/// assert!(err.to_string().starts_with("Member must have length between 2 and 8, inclusive"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Blob(Vec<u8>);

impl Blob {
    /// Wraps bytes.
    pub fn new(bytes: Vec<u8>) -> Self {
        Blob(bytes)
    }

    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// Unwraps the bytes.
    pub fn into_bytes(self) -> Vec<u8> {
        self.0
    }

    /// The number of bytes, which `length` bounds.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no bytes.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<Vec<u8>> for Blob {
    fn from(bytes: Vec<u8>) -> Self {
        Blob(bytes)
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn sextet(byte: u8) -> Option<u32> {
    ALPHABET.iter().position(|&b| b == byte).map(|p| p as u32)
}

/// The decoded length of base64 `text`, or `None` when it is not padded standard base64.
fn decoded_len(text: &[u8]) -> Option<usize> {
    if !text.len().is_multiple_of(4) {
        return None;
    }
    let padding = text.iter().rev().take_while(|&&b| b == b'=').count();
    if padding > 2 {
        return None;
    }
    Some(text.len() / 4 * 3 - padding)
}

fn decode(text: &[u8]) -> Option<Vec<u8>> {
    let mut bytes = Vec::with_capacity(decoded_len(text)?);
    for chunk in text.chunks(4) {
        let padding = chunk.iter().filter(|&&b| b == b'=').count();
        if chunk[..4 - padding].contains(&b'=') {
            return None;
        }
        let mut group = 0u32;
        for &b in &chunk[..4 - padding] {
            group = (group << 6) | sextet(b)?;
        }
        group <<= 6 * padding as u32;
        let decoded = group.to_be_bytes();
        bytes.extend_from_slice(&decoded[1..4 - padding]);
    }
    Some(bytes)
}

fn encode(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let mut group = [0u8; 4];
        group[1..=chunk.len()].copy_from_slice(chunk);
        let n = u32::from_be_bytes(group);
        for i in 0..4 {
            if i <= chunk.len() {
                text.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                text.push('=');
            }
        }
    }
    text
}

impl Serialize for Blob {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&encode(&self.0))
    }
}

impl<'de> Deserialize<'de> for Blob {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(BlobVisitor { length: None })
    }
}

/// The rules of a constrained blob.
#[derive(Debug)]
pub struct BlobRules {
    /// `length(min, max)` in decoded bytes, if given.
    pub length: Option<LengthBounds>,
    /// Whether the value may never be shown.
    pub sensitive: bool,
}

impl BlobRules {
    /// Checks a blob that already exists.
    pub fn check(&self, blob: &Blob) -> Result<(), Violation> {
        match &self.length {
            Some(length) => length.check_count(blob.len()),
            None => Ok(()),
        }
    }
}

/// Deserializes a blob under `rules`, checking its length on the base64 text before decoding.
pub fn deserialize_blob<'de, D: Deserializer<'de>>(
    deserializer: D,
    rules: &'static BlobRules,
) -> Result<Blob, D::Error> {
    sensitive::read(rules.sensitive, || {
        let read = deserializer.deserialize_str(BlobVisitor {
            length: rules.length,
        });
        session::recover_missing(read, Blob::default)
    })
}

struct BlobVisitor {
    length: Option<LengthBounds>,
}

impl Visitor<'_> for BlobVisitor {
    type Value = Blob;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a base64 string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Blob, E> {
        let invalid = || E::invalid_value(de::Unexpected::Str(text), &self);
        let len = decoded_len(text.as_bytes()).ok_or_else(invalid)?;
        if let Some(length) = self.length
            && !length.contains(len)
        {
            reject(length.violation(len))?;
            return Ok(Blob::default());
        }
        decode(text.as_bytes()).map(Blob).ok_or_else(invalid)
    }
}

#[cfg(test)]
mod tests {
    use super::{decode, encode};

    #[test]
    fn base64_round_trips() {
        for bytes in [&b""[..], b"a", b"ab", b"abc", b"abcd", &[0, 255, 128, 7, 9]] {
            assert_eq!(decode(encode(bytes).as_bytes()).as_deref(), Some(bytes));
        }
        assert_eq!(encode(b"a"), "YQ==");
        assert_eq!(decode(b"YWJjZGVmZw==").as_deref(), Some(&b"abcdefg"[..]));
        for bad in [&b"YQ="[..], b"Y===", b"YQ=a", b"Y!==", b"===="] {
            assert_eq!(decode(bad), None, "{bad:?}");
        }
    }
}
