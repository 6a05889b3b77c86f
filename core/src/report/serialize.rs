//! `Serialize` for reports, so a service can put one in its own error body, or log it: the shape
//! the `validate` program's `--format json` prints.

use super::{DocumentError, FieldViolation, Malformed, Report};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

/// `{"total": 2, "omitted": 0, "violations": [{…}, {…}]}`.
impl Serialize for Report {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("total", &self.total())?;
        map.serialize_entry("omitted", &self.omitted())?;
        map.serialize_entry("violations", self.violations())?;
        map.end()
    }
}

/// `{"path": "/maxResults", "memberPath": "maxResults", "rule": "range", "message": "Member must
/// be between 1 and 100, inclusive", "value": "0", "length": null}`; `value` is `null` for a
/// sensitive value.
impl Serialize for FieldViolation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let violation = self.violation();
        let mut map = serializer.serialize_map(Some(6))?;
        map.serialize_entry("path", &self.path().json_pointer())?;
        map.serialize_entry("memberPath", &self.path().member_path())?;
        map.serialize_entry("rule", violation.rule().name())?;
        map.serialize_entry("message", &violation.to_string())?;
        map.serialize_entry("value", &violation.value())?;
        map.serialize_entry("length", &violation.measured_length())?;
        map.end()
    }
}

/// `{"message": "expected value", "line": 1, "column": 12, "path": "/farmId"}`.
impl Serialize for Malformed {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(4))?;
        map.serialize_entry("message", self.message())?;
        map.serialize_entry("line", &self.line())?;
        map.serialize_entry("column", &self.column())?;
        map.serialize_entry("path", &self.path().map(|p| p.json_pointer()))?;
        map.end()
    }
}

/// `{"invalid": <report>}` or `{"malformed": <malformed>}`.
impl Serialize for DocumentError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        match self {
            DocumentError::Invalid(report) => map.serialize_entry("invalid", report)?,
            DocumentError::Malformed(malformed) => map.serialize_entry("malformed", malformed)?,
        }
        map.end()
    }
}
