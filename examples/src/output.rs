//! How the `validate` program answers: one line per violation, the report as JSON, or the error
//! body the service itself would return (Deadline's `ValidationException`, Glue's
//! `InvalidInputException`).

use crate::shapes::Service;
use constrained::{DocumentError, Echo, FieldViolation, Malformed, Report};
use serde_json::{Value, json};

/// An output format of the program.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One line per violation: `<path>: <message>`.
    Text,
    /// The report as JSON.
    Json,
    /// The body the service would answer with.
    Aws,
}

impl std::str::FromStr for Format {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, String> {
        match name {
            "text" => Ok(Format::Text),
            "json" => Ok(Format::Json),
            "aws" => Ok(Format::Aws),
            other => Err(format!("unknown format `{other}`; use text, json or aws")),
        }
    }
}

/// What the program prints for the outcome of validating a document of `service`.
pub fn render(outcome: &Result<(), DocumentError>, format: Format, service: Service) -> String {
    match (outcome, format) {
        (Ok(()), Format::Json) => json!({"valid": true, "violations": []}).to_string(),
        (Ok(()), _) => "valid".to_owned(),
        (Err(DocumentError::Invalid(report)), Format::Text) => text(report),
        (Err(DocumentError::Invalid(report)), Format::Json) => report_json(report).to_string(),
        (Err(DocumentError::Invalid(report)), Format::Aws) => {
            aws_invalid(report, service).to_string()
        }
        (Err(DocumentError::Malformed(m)), Format::Text) => format!("malformed: {m}"),
        (Err(DocumentError::Malformed(m)), Format::Json) => malformed_json(m).to_string(),
        (Err(DocumentError::Malformed(m)), Format::Aws) => aws_malformed(m, service).to_string(),
    }
}

fn display_path(entry: &FieldViolation) -> String {
    let pointer = entry.path().json_pointer();
    if pointer.is_empty() {
        "(document)".to_owned()
    } else {
        pointer
    }
}

fn text(report: &Report) -> String {
    let mut lines: Vec<String> = report
        .violations()
        .iter()
        .map(|entry| format!("{}: {}", display_path(entry), entry.violation()))
        .collect();
    if report.omitted() > 0 {
        lines.push(format!("… and {} more", report.omitted()));
    }
    lines.join("\n")
}

fn report_json(report: &Report) -> Value {
    let mut value = serde_json::to_value(report).unwrap_or(Value::Null);
    value["valid"] = Value::Bool(false);
    value
}

fn malformed_json(malformed: &Malformed) -> Value {
    json!({"valid": false, "malformed": malformed})
}

/// Deadline answers like newer AWS services, without echoing values; Glue like classic ones.
fn aws_invalid(report: &Report, service: Service) -> Value {
    match service {
        Service::Deadline => {
            let fields: Vec<Value> = report
                .violations()
                .iter()
                .map(|entry| {
                    json!({
                        "name": entry.path().member_path(),
                        "message": entry.classic_message(Echo::Nothing),
                    })
                })
                .collect();
            json!({
                "message": report.classic_message(Echo::Nothing),
                "reason": "FIELD_VALIDATION_FAILED",
                "fieldList": fields,
            })
        }
        Service::Glue => json!({
            "__type": "InvalidInputException",
            "Message": report.classic_message(Echo::Values),
        }),
    }
}

fn aws_malformed(malformed: &Malformed, service: Service) -> Value {
    match service {
        Service::Deadline => json!({"message": malformed.to_string(), "reason": "CANNOT_PARSE"}),
        Service::Glue => {
            json!({"__type": "SerializationException", "Message": malformed.to_string()})
        }
    }
}
