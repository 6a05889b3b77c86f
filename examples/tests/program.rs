//! The `validate` program, run as a built binary: outputs against golden files, exit codes, and
//! edge cases. It never panics, whatever the input.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const HEX: &str = "0123456789abcdef0123456789abcdef";

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(name)
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_validate"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the validate binary runs");
    let input = stdin.unwrap_or_default().to_vec();
    let mut pipe = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !stderr.contains("panicked"),
        "the program panicked: {stderr}"
    );
    output
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("an exit code")
}

/// Compares `actual` with `tests/golden/<name>`; with `UPDATE_GOLDEN=1`, writes it instead.
fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_GOLDEN=1 writes it)", path.display()));
    assert_eq!(actual, expected, "output differs from {}", path.display());
}

#[test]
fn every_bundled_document_matches_its_golden_output() {
    let mut names: Vec<String> = std::fs::read_dir(data(""))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names.len(), 20);
    for name in names {
        let output = run(&[data(&name).to_str().unwrap()], None);
        let expected_code = if name.ends_with(".valid.json") { 0 } else { 1 };
        assert_eq!(code(&output), expected_code, "{name}: {}", stdout(&output));
        golden(&name.replace(".json", ".txt"), &stdout(&output));
    }
}

#[test]
fn the_formats() {
    for (document, format) in [
        ("deadline.GetSessionActionResponse.invalid.json", "aws"),
        ("deadline.GetSessionActionResponse.invalid.json", "json"),
        ("glue.ListSessionsResponse.invalid.json", "aws"),
        ("glue.ListSessionsResponse.invalid.json", "json"),
        ("deadline.ListSessionsRequest.invalid.json", "aws"),
    ] {
        let output = run(
            &["--format", format, data(document).to_str().unwrap()],
            None,
        );
        assert_eq!(code(&output), 1);
        let body: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON output");
        let pretty = serde_json::to_string_pretty(&body).unwrap() + "\n";
        golden(
            &format!("{}.{format}.json", document.trim_end_matches(".json")),
            &pretty,
        );
    }
    let valid = run(
        &[
            "--format",
            "json",
            data("glue.ListSessionsRequest.valid.json")
                .to_str()
                .unwrap(),
        ],
        None,
    );
    assert_eq!(
        (code(&valid), stdout(&valid).trim()),
        (0, r#"{"valid":true,"violations":[]}"#)
    );
    let valid = run(
        &[
            "--format",
            "aws",
            data("glue.ListSessionsRequest.valid.json")
                .to_str()
                .unwrap(),
        ],
        None,
    );
    assert_eq!((code(&valid), stdout(&valid).trim()), (0, "valid"));
}

#[test]
fn no_arguments_validates_the_bundled_examples() {
    let output = run(&[], None);
    assert_eq!(code(&output), 0);
    let text = stdout(&output);
    assert_eq!(text.lines().filter(|l| l.contains(".json ")).count(), 20);
    assert!(text.contains("20 documents, 20 as expected"), "{text}");
}

#[test]
fn list_shapes_prints_every_name() {
    let output = run(&["--list-shapes"], None);
    assert_eq!(code(&output), 0);
    let names: Vec<String> = stdout(&output).lines().map(str::to_owned).collect();
    assert_eq!(names.len(), 96);
    for name in [
        "deadline.FarmId",
        "glue.TagsMap",
        "deadline.GetSessionActionResponse",
        "glue.TimestampValue",
    ] {
        assert!(names.iter().any(|n| n == name), "{name}");
    }
}

#[test]
fn standard_input_and_nested_shapes() {
    let farm = format!("\"farm-{HEX}\"");
    let output = run(&["--shape", "deadline.FarmId"], Some(farm.as_bytes()));
    assert_eq!((code(&output), stdout(&output).trim()), (0, "valid"));
    let output = run(&["--shape", "deadline.FarmId", "-"], Some(b"\"farm-1\""));
    assert_eq!(code(&output), 1);
    assert_eq!(
        stdout(&output).trim(),
        "(document): Member must satisfy regular expression pattern: farm-[0-9a-f]{32}"
    );
    let output = run(&["--shape", "glue.TagsMap"], Some(br#"{"": "v"}"#));
    assert_eq!(code(&output), 1);
}

#[test]
fn exit_status_2_says_what_to_do() {
    for (args, input, says) in [
        (
            vec!["--shape", "deadline.FarmId"],
            &b"{not json"[..],
            "malformed: ",
        ),
        (
            vec!["--shape", "deadline.Nope"],
            &b"{}"[..],
            "unknown shape `deadline.Nope`",
        ),
        (
            vec!["--format", "xml", "--shape", "deadline.FarmId"],
            &b"{}"[..],
            "unknown format `xml`",
        ),
        (vec!["--shape"], &b""[..], "--shape needs a value"),
        (
            vec!["--frobnicate"],
            &b""[..],
            "unknown option `--frobnicate`",
        ),
        (
            vec!["-"],
            &b"{}"[..],
            "name the shape of standard input with --shape",
        ),
        (
            vec!["/no/such/file.json"],
            &b""[..],
            "cannot tell the shape",
        ),
        (
            vec!["--shape", "deadline.FarmId", "/no/such/file.json"],
            &b""[..],
            "cannot read /no/such/file.json",
        ),
        (
            vec!["a.json", "b.json"],
            &b""[..],
            "unexpected argument `b.json`",
        ),
        (
            vec!["--shape", "deadline.FarmId"],
            &b"\"\xff\""[..],
            // serde_json's wording, as every malformed message is.
            "invalid unicode code point",
        ),
        (
            vec!["--shape", "deadline.MaxResults"],
            &b"\"5\""[..],
            "invalid type: string",
        ),
    ] {
        let output = run(&args, Some(input));
        assert_eq!(code(&output), 2, "{args:?}");
        let all = format!(
            "{}{}",
            stdout(&output),
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(all.contains(says), "{args:?}: {all}");
    }
}

#[test]
fn empty_bodies_list_every_required_member() {
    for (shape, members) in [
        (
            "deadline.ListSessionsForWorkerRequest",
            vec!["/farmId", "/fleetId", "/workerId"],
        ),
        (
            "deadline.ListSessionsRequest",
            vec!["/farmId", "/queueId", "/jobId"],
        ),
        (
            "deadline.GetSessionRequest",
            vec!["/farmId", "/queueId", "/jobId", "/sessionId"],
        ),
        (
            "deadline.GetSessionActionRequest",
            vec!["/farmId", "/queueId", "/jobId", "/sessionActionId"],
        ),
    ] {
        let output = run(&["--shape", shape], Some(b"{}"));
        assert_eq!(code(&output), 1, "{shape}");
        let lines: Vec<String> = stdout(&output).lines().map(str::to_owned).collect();
        let expected: Vec<String> = members
            .iter()
            .map(|m| format!("{m}: Member must not be null"))
            .collect();
        assert_eq!(lines, expected, "{shape}");
    }
    let output = run(&["--shape", "glue.ListSessionsRequest"], Some(b"{}"));
    assert_eq!((code(&output), stdout(&output).trim()), (0, "valid"));
}

#[test]
fn null_members_and_unknown_members() {
    let json = format!(
        r#"{{"farmId": "farm-{HEX}", "queueId": null, "jobId": "job-{HEX}", "maxResults": null, "nextToken": null, "newMember": {{"added": "later"}}}}"#
    );
    let output = run(
        &["--shape", "deadline.ListSessionsRequest"],
        Some(json.as_bytes()),
    );
    assert_eq!(stdout(&output).trim(), "/queueId: Member must not be null");
    let glue = r#"{"MaxResults": null, "Tags": null, "RequestOrigin": null, "Unknown": 1}"#;
    let output = run(
        &["--shape", "glue.ListSessionsRequest"],
        Some(glue.as_bytes()),
    );
    assert_eq!((code(&output), stdout(&output).trim()), (0, "valid"));
}

#[test]
fn unions_with_zero_or_two_members() {
    let response = |definition: &str| {
        format!(
            r#"{{"sessionActionId": "sessionaction-{HEX}-1", "status": "RUNNING", "sessionId": "session-{HEX}", "definition": {definition}}}"#
        )
    };
    let members = "[envEnter, envExit, taskRun, syncInputJobAttachments]";
    for definition in [
        "{}".to_owned(),
        format!(
            r#"{{"envEnter": {{"environmentId": "JOB:job-{HEX}:a"}}, "syncInputJobAttachments": {{}}}}"#
        ),
    ] {
        let output = run(
            &["--shape", "deadline.GetSessionActionResponse"],
            Some(response(&definition).as_bytes()),
        );
        assert_eq!(code(&output), 1);
        assert_eq!(
            stdout(&output).trim(),
            format!("/definition: Member must set exactly one of: {members}")
        );
    }
    let one = response(r#"{"syncInputJobAttachments": {}}"#);
    let output = run(
        &["--shape", "deadline.GetSessionActionResponse"],
        Some(one.as_bytes()),
    );
    assert_eq!((code(&output), stdout(&output).trim()), (0, "valid"));
    let parameters = r#"{"int": "1", "float": "1.0"}"#;
    let output = run(
        &["--shape", "deadline.TaskParameterValue"],
        Some(parameters.as_bytes()),
    );
    assert_eq!(
        stdout(&output).trim(),
        "(document): Member must set exactly one of: [int, float, string, path, chunkInt]"
    );
}

fn sessions_response(count: usize, broken: Option<usize>) -> String {
    let sessions: Vec<String> = (0..count)
        .map(|i| {
            let id = if Some(i) == broken { "session-broken".to_owned() } else { format!("session-{i:032x}") };
            format!(
                r#"{{"sessionId": "{id}", "fleetId": "fleet-{HEX}", "workerId": "worker-{HEX}", "startedAt": "2026-11-20T08:15:30Z", "lifecycleStatus": "ENDED", "endedAt": "2026-11-20T09:15:30Z", "updatedAt": "2026-11-20T09:15:31Z", "updatedBy": "worker"}}"#
            )
        })
        .collect();
    format!(
        r#"{{"sessions": [{}], "nextToken": "next"}}"#,
        sessions.join(",")
    )
}

#[test]
fn a_ten_thousand_session_response() {
    let valid = sessions_response(10_000, None);
    let output = run(
        &["--shape", "deadline.ListSessionsResponse"],
        Some(valid.as_bytes()),
    );
    assert_eq!((code(&output), stdout(&output).trim()), (0, "valid"));
    let broken = sessions_response(10_000, Some(9_999));
    let output = run(
        &["--shape", "deadline.ListSessionsResponse"],
        Some(broken.as_bytes()),
    );
    assert_eq!(code(&output), 1);
    assert_eq!(
        stdout(&output).trim(),
        "/sessions/9999/sessionId: Member must satisfy regular expression pattern: session-[0-9a-f]{32}"
    );
}

#[test]
fn hostile_input_never_panics() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let huge_string = format!("\"{}\"", "x".repeat(4 << 20));
    let many_tags = format!(
        "{{\"Tags\": {{{}}}}}",
        (0..100_000)
            .map(|i| format!("\"k{i}\":\"v\""))
            .collect::<Vec<_>>()
            .join(",")
    );
    for (shape, input) in [
        ("deadline.ListSessionsResponse", deep.as_bytes()),
        ("deadline.NextToken", huge_string.as_bytes()),
        ("glue.ListSessionsRequest", many_tags.as_bytes()),
        ("deadline.ListSessionsRequest", &b"\x00\x01\x02"[..]),
        ("deadline.ProcessExitCode", &b"1e400"[..]),
        ("deadline.SessionActionProgressPercent", &b"-0"[..]),
        ("deadline.FarmId", &br#""\ud800""#[..]),
        ("glue.TimestampValue", &b"1e300"[..]),
        ("deadline.StartedAt", &br#""2026-02-30T00:00:00Z""#[..]),
        ("deadline.GetSessionResponse", &b"[]"[..]),
        ("deadline.GetSessionResponse", &b""[..]),
    ] {
        let output = run(&["--shape", shape], Some(input));
        assert!([0, 1, 2].contains(&code(&output)), "{shape}");
    }
}

/// `validate --list-shapes | head -0`: the reader closes the pipe before the program writes, and
/// the program stops quietly instead of panicking on the failed write. (With the old `println!`
/// this test fails: "failed printing to stdout: Broken pipe".)
#[test]
fn a_closed_pipe_ends_output_quietly() {
    for args in [&["--list-shapes"][..], &["--help"][..]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_validate"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the validate binary runs");
        // Closed at once: the program, still starting, has written nothing yet.
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
        assert_eq!(output.status.code(), Some(0), "{args:?}");
    }
}
