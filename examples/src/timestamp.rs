//! Timestamps as the wire has them: Deadline's RFC 3339 strings (Smithy `date-time`) and Glue's
//! epoch seconds (Smithy `epoch-seconds`, a JSON number with an optional fraction).

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// What a `date-time` must be, in violation messages.
const DATE_TIME: &str = "an RFC 3339 date-time such as 2026-01-02T03:04:05Z";

/// A `date-time` timestamp: an RFC 3339 string such as `2026-01-02T03:04:05Z`, with optional
/// fractional seconds and UTC offset (normalized to UTC).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateTime(OffsetDateTime);

impl DateTime {
    /// The instant, in UTC.
    pub fn instant(&self) -> OffsetDateTime {
        self.0
    }
}

/// Text that is not an RFC 3339 `date-time`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotADateTime;

impl fmt::Display for NotADateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(DATE_TIME)
    }
}

impl std::error::Error for NotADateTime {}

impl std::str::FromStr for DateTime {
    type Err = NotADateTime;

    fn from_str(text: &str) -> Result<Self, NotADateTime> {
        // RFC 3339's grammar separates date and time with `T`; the space its prose allows is not
        // part of `date-time`, which Smithy's `date-time` format is.
        if !matches!(text.as_bytes().get(10), Some(b'T' | b't')) {
            return Err(NotADateTime);
        }
        OffsetDateTime::parse(text, &Rfc3339)
            .map(|t| DateTime(t.to_offset(time::UtcOffset::UTC)))
            .map_err(|_| NotADateTime)
    }
}

impl Serialize for DateTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = self.0.format(&Rfc3339).map_err(serde::ser::Error::custom)?;
        serializer.serialize_str(&text)
    }
}

impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateTimeVisitor;

        impl Visitor<'_> for DateTimeVisitor {
            type Value = DateTime;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an RFC 3339 timestamp such as \"2026-01-02T03:04:05Z\"")
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<DateTime, E> {
                text.parse().or_else(|_| {
                    constrained::reject_format(DATE_TIME, text, false, || {
                        DateTime(OffsetDateTime::UNIX_EPOCH)
                    })
                })
            }
        }

        deserializer.deserialize_str(DateTimeVisitor)
    }
}

/// An `epoch-seconds` timestamp: seconds since 1970-01-01T00:00:00Z, a JSON number with an
/// optional fraction (`1515531081.1234`). The number is kept as sent, so it round-trips exactly.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub struct EpochSeconds(f64);

impl EpochSeconds {
    /// The seconds since the Unix epoch, as sent.
    pub fn seconds(&self) -> f64 {
        self.0
    }

    /// The instant (to the nearest nanosecond).
    pub fn instant(&self) -> OffsetDateTime {
        let nanos = (self.0 * 1e9).round() as i128;
        OffsetDateTime::from_unix_timestamp_nanos(nanos).unwrap_or(OffsetDateTime::UNIX_EPOCH)
    }
}

impl Serialize for EpochSeconds {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.0)
    }
}

impl<'de> Deserialize<'de> for EpochSeconds {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let seconds = f64::deserialize(deserializer)?;
        let in_range = seconds.is_finite()
            && OffsetDateTime::from_unix_timestamp_nanos((seconds * 1e9) as i128).is_ok();
        if in_range {
            Ok(EpochSeconds(seconds))
        } else {
            let expected = "epoch seconds between the years -9999 and 9999";
            constrained::reject_format(expected, &seconds.to_string(), false, || EpochSeconds(0.0))
        }
    }
}
