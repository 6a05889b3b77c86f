//! Smithy's rendering of a report: the `ValidationException` message and body, with JSON Pointer
//! paths and no value ever echoed.

use super::{FieldViolation, Report};
use std::fmt::Write;

impl FieldViolation {
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
}

impl Report {
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
}

/// Writes `text` as a JSON string literal.
fn json_string(out: &mut String, text: &str) {
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
