//! No sensitive value and no key of a sensitive map reaches any output. Secrets are planted under
//! every sensitive member of the model — `progressMessage` (`SessionActionProgressMessage`) and
//! `definition.taskRun.parameters` (`TaskParameters`, whose keys and whose `int`, `float`,
//! `string`, `path` and `chunkInt` values are sensitive) — as rule violations, wrong JSON types,
//! unknown union members, repeated keys and malformed text, and every rendering is searched:
//! `Display`, `Debug`, the Smithy message and body, the classic message both ways, the JSON
//! Pointers and member paths, and the `validate` program's three formats and its standard error.

use constrained::{DocumentError, Echo};
use examples::deadline::GetSessionActionResponse;
use std::io::Write;
use std::process::{Command, Stdio};

/// Every secret is a word no message, path or rule of the model contains.
const SECRETS: &[&str] = &[
    "hunter2",
    "31337424242",
    "SECRETKEY",
    "SECRETVARIANT",
    "SECRETPATH",
    "SECRETFLOAT",
    "SECRETCHUNK",
    "SECRETDUP",
];

/// The bundled valid response with `field` (`progressMessage` or `parameters`) replaced by `value`.
fn planted(field: &str, value: &str) -> String {
    let valid = include_str!("../data/deadline.GetSessionActionResponse.valid.json");
    let mut document: serde_json::Value = serde_json::from_str(valid).unwrap();
    let value: serde_json::Value = match serde_json::from_str(value) {
        Ok(value) => value,
        Err(_) => {
            // Not JSON on its own (repeated keys, broken text): spliced in as text below.
            return splice(valid, field, value);
        }
    };
    match field {
        "progressMessage" => document["progressMessage"] = value,
        _ => document["definition"]["taskRun"]["parameters"] = value,
    }
    document.to_string()
}

/// The text of `valid` with `field`'s value replaced by raw `text`.
fn splice(valid: &str, field: &str, text: &str) -> String {
    let start = valid.find(&format!("\"{field}\":")).unwrap() + field.len() + 3;
    let rest = &valid[start..];
    let end = if rest.trim_start().starts_with('{') {
        let open = rest.find('{').unwrap();
        let mut depth = 0;
        let mut end = open;
        for (i, c) in rest[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        end
    } else {
        rest.find(',').unwrap()
    };
    format!("{}{}{}", &valid[..start], text, &rest[end..])
}

fn cases() -> Vec<(String, String)> {
    let long = format!("\"hunter2 {}\"", "x".repeat(5000));
    [
        ("progressMessage", long.as_str()),
        ("progressMessage", "31337424242"),
        ("progressMessage", r#"{"hunter2": 1}"#),
        ("progressMessage", r#"["hunter2"]"#),
        ("progressMessage", "true"),
        ("parameters", r#"{"SECRETKEY": {"int": "hunter2"}}"#),
        ("parameters", r#"{"SECRETKEY": {"int": 31337424242}}"#),
        (
            "parameters",
            r#"{"SECRETKEY": {"SECRETVARIANT": "hunter2"}}"#,
        ),
        (
            "parameters",
            r#"{"SECRETKEY": {"int": "1", "float": "hunter2"}}"#,
        ),
        ("parameters", r#"{"SECRETKEY": {}}"#),
        ("parameters", r#"{"SECRETKEY": null}"#),
        ("parameters", r#"{"SECRETKEY": "hunter2"}"#),
        ("parameters", r#"{"SECRETKEY": {"float": "SECRETFLOAT"}}"#),
        ("parameters", r#"{"SECRETKEY": {"path": 31337424242}}"#),
        ("parameters", r#"{"SECRETKEY": {"chunkInt": 31337424242}}"#),
        (
            "parameters",
            r#"{"SECRETKEY": {"chunkInt": ["SECRETCHUNK"]}}"#,
        ),
        (
            "parameters",
            r#"{"SECRETKEY": {"string": {"hunter2": true}}}"#,
        ),
        (
            "parameters",
            r#"{"SECRETDUP": {"int": "hunter2"}, "SECRETDUP": {"int": "1"}}"#,
        ),
        (
            "parameters",
            r#"{"SECRETDUP": {"int": "1"}, "SECRETDUP": {"int": "hunter2"}}"#,
        ),
        ("parameters", r#"["SECRETKEY", "hunter2"]"#),
        ("parameters", r#"{"SECRETKEY": {"int": "hunter2"#),
    ]
    .iter()
    .map(|(field, value)| (format!("{field} = {value:.80}"), planted(field, value)))
    .chain(std::iter::once((
        "parameters = too long a path".to_owned(),
        planted(
            "parameters",
            &format!(
                "{{\"SECRETKEY\": {{\"path\": \"SECRETPATH{}\"}}}}",
                "p".repeat(1100)
            ),
        ),
    )))
    .collect()
}

fn assert_clean(case: &str, what: &str, text: &str) {
    for secret in SECRETS {
        assert!(
            !text.contains(secret),
            "{case}: {what} shows `{secret}`:\n{text}"
        );
    }
}

#[test]
fn no_rendering_shows_a_sensitive_value_or_key() {
    for (case, document) in cases() {
        let error = match constrained::from_json_str::<GetSessionActionResponse>(&document) {
            // A repeated key whose last value is valid: AWS keeps that one, and so does the report.
            Ok(_) if case.contains("SECRETDUP") => continue,
            Ok(_) => panic!("{case}: the planted document must be refused"),
            Err(error) => error,
        };
        assert_clean(&case, "Display", &error.to_string());
        assert_clean(&case, "Debug", &format!("{error:?}"));
        assert_clean(&case, "pretty Debug", &format!("{error:#?}"));
        match &error {
            DocumentError::Invalid(report) => {
                assert_clean(&case, "Smithy message", &report.smithy_message());
                assert_clean(&case, "Smithy body", &report.smithy_body());
                assert_clean(
                    &case,
                    "classic message",
                    &report.classic_message(Echo::Values),
                );
                assert_clean(
                    &case,
                    "classic, no echo",
                    &report.classic_message(Echo::Nothing),
                );
                for entry in report.violations() {
                    assert_clean(&case, "JSON Pointer", &entry.path().json_pointer());
                    assert_clean(&case, "member path", &entry.path().member_path());
                    assert_clean(&case, "violation", &format!("{:?}", entry.violation()));
                }
            }
            DocumentError::Malformed(malformed) => {
                assert_clean(&case, "malformed message", malformed.message());
                if let Some(path) = malformed.path() {
                    assert_clean(&case, "malformed path", &path.json_pointer());
                }
            }
        }
        // The serde path's own error, outside a report, withholds the value too.
        if let Err(error) = serde_json::from_str::<GetSessionActionResponse>(&document) {
            assert_clean(&case, "serde error", &error.to_string());
        }
        for format in ["text", "json", "aws"] {
            let output = validate(
                &[
                    "--shape",
                    "deadline.GetSessionActionResponse",
                    "--format",
                    format,
                ],
                &document,
            );
            assert_clean(&case, &format!("validate --format {format}"), &output);
        }
    }
}

/// Runs the `validate` program on `input`: its standard output and error together.
fn validate(args: &[&str], input: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_validate"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the validate binary runs");
    let mut pipe = child.stdin.take().unwrap();
    let bytes = input.as_bytes().to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&bytes);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(
        output
            .status
            .code()
            .is_some_and(|code| code == 1 || code == 2),
        "{args:?}: {output:?}"
    );
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}
