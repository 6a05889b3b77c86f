//! Validation reports: every violation of a document, in document order, each at its path;
//! required members; malformed documents; the bound on collecting; both renderings.

// The request and response structures stand for a service's model; most tests only validate
// into them and never read their fields back.
#![allow(dead_code)]

use constrained::{DocumentError, Echo, Report, Rule, Segment};
use constrained_tests::*;
use examples::deadline::{
    EnvironmentId, FarmId, MaxResults, NextToken, QueueId, SessionActionProgressMessage,
    SessionActionProgressPercent, SessionId, SessionLifecycleStatus, StepId,
};
use serde::Deserialize;
use std::collections::HashMap;

const HEX32: &str = "0123456789abcdef0123456789abcdef";

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct SessionSummary {
    session_id: SessionId,
    lifecycle_status: SessionLifecycleStatus,
    progress: Option<SessionActionProgressPercent>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ListSessionsResponse {
    sessions: Vec<SessionSummary>,
    next_token: Option<NextToken>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ListSessionsRequest {
    farm_id: FarmId,
    queue_id: QueueId,
    max_results: Option<MaxResults>,
    tags: Option<TagsMap>,
    message: Option<SessionActionProgressMessage>,
}

fn report_of<'a, T: Deserialize<'a> + std::fmt::Debug>(json: &'a str) -> Report {
    match constrained::from_json_str::<T>(json) {
        Err(DocumentError::Invalid(report)) => report,
        other => panic!("expected a report for {json}, got {other:?}"),
    }
}

fn pointers(report: &Report) -> Vec<String> {
    report
        .violations()
        .iter()
        .map(|v| v.path().json_pointer())
        .collect()
}

fn session(id: &str) -> String {
    format!(r#"{{"sessionId": "{id}", "lifecycleStatus": "STARTED"}}"#)
}

#[test]
fn a_valid_document_becomes_the_value() {
    let json = format!(
        r#"{{"sessions": [{}, {}], "nextToken": "abc"}}"#,
        session(&format!("session-{HEX32}")),
        session(&format!("session-{HEX32}"))
    );
    let response: ListSessionsResponse = constrained::from_json_str(&json).unwrap();
    assert_eq!(response.sessions.len(), 2);
    assert_eq!(response.next_token.unwrap().as_str(), "abc");
    let response: ListSessionsResponse = constrained::from_json_slice(json.as_bytes()).unwrap();
    assert!(response.sessions[1].progress.is_none());
}

#[test]
fn nested_paths_and_document_order() {
    let good = session(&format!("session-{HEX32}"));
    let json = format!(
        r#"{{"sessions": [{good}, {good}, {good}, {{"sessionId": "s-3", "lifecycleStatus": "GONE", "progress": 101}}], "nextToken": "{}"}}"#,
        "t".repeat(4097)
    );
    let report = report_of::<ListSessionsResponse>(&json);
    assert_eq!(
        pointers(&report),
        [
            "/sessions/3/sessionId",
            "/sessions/3/lifecycleStatus",
            "/sessions/3/progress",
            "/nextToken"
        ]
    );
    let member_paths: Vec<String> = report
        .violations()
        .iter()
        .map(|v| v.path().member_path())
        .collect();
    assert_eq!(
        member_paths,
        [
            "sessions.4.member.sessionId",
            "sessions.4.member.lifecycleStatus",
            "sessions.4.member.progress",
            "nextToken"
        ]
    );
    assert_eq!(
        report.violations()[0].path().segments(),
        [
            Segment::Member("sessions".into()),
            Segment::Index(3),
            Segment::Member("sessionId".into())
        ]
    );
    assert_eq!(report.total(), 4);
    assert!(
        report
            .smithy_message()
            .starts_with("4 validation errors detected. Value at '/sessions/3/sessionId' failed")
    );
}

#[test]
fn classic_messages_name_the_violated_bound_and_echo_values() {
    let json = r#"{"farmId": "x", "queueId": "queue-1", "maxResults": 0}"#;
    let report = report_of::<ListSessionsRequest>(json);
    assert_eq!(
        report.to_string(),
        "3 validation errors detected: \
         Value 'x' at 'farmId' failed to satisfy constraint: Member must satisfy regular expression pattern: farm-[0-9a-f]{32}; \
         Value 'queue-1' at 'queueId' failed to satisfy constraint: Member must satisfy regular expression pattern: queue-[0-9a-f]{32}; \
         Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1"
    );
    assert_eq!(
        report.classic_message(Echo::Nothing),
        "3 validation errors detected: \
         Value at 'farmId' failed to satisfy constraint: Member must satisfy regular expression pattern: farm-[0-9a-f]{32}; \
         Value at 'queueId' failed to satisfy constraint: Member must satisfy regular expression pattern: queue-[0-9a-f]{32}; \
         Value at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1"
    );
    let one = report_of::<ListSessionsRequest>(&format!(
        r#"{{"farmId": "farm-{HEX32}", "queueId": "queue-{HEX32}", "maxResults": 101}}"#
    ));
    assert_eq!(
        one.to_string(),
        "1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100"
    );
    assert_eq!(
        one.smithy_body(),
        r#"{"message":"1 validation error detected. Value at '/maxResults' failed to satisfy constraint: Member must be between 1 and 100, inclusive","fieldList":[{"path":"/maxResults","message":"Value at '/maxResults' failed to satisfy constraint: Member must be between 1 and 100, inclusive"}]}"#
    );
}

#[test]
fn map_entries_have_their_own_paths() {
    let json = format!(
        r#"{{"farmId": "farm-{HEX32}", "queueId": "queue-{HEX32}", "tags": {{"team": "render", "": "x", "cost": "{}"}}}}"#,
        "v".repeat(257)
    );
    let report = report_of::<ListSessionsRequest>(&json);
    // A key's violation points at the map (as Smithy reports it), a value's at its key.
    assert_eq!(pointers(&report), ["/tags", "/tags/cost"]);
    let member_paths: Vec<String> = report
        .violations()
        .iter()
        .map(|v| v.path().member_path())
        .collect();
    assert_eq!(member_paths, ["tags.2.member.key", "tags.3.member.value"]);
    assert_eq!(
        report.violations()[0].violation().measured_length(),
        Some(0)
    );
    assert_eq!(
        report.violations()[1].smithy_message(),
        "Value with length 257 at '/tags/cost' failed to satisfy constraint: Member must have length between 0 and 256, inclusive"
    );
}

#[test]
fn json_pointer_escapes_tilde_and_slash() {
    let json = format!(
        r#"{{"farmId": "farm-{HEX32}", "queueId": "queue-{HEX32}", "tags": {{"a/b~c": "{}"}}}}"#,
        "v".repeat(300)
    );
    let report = report_of::<ListSessionsRequest>(&json);
    assert_eq!(pointers(&report), ["/tags/a~1b~0c"]);
    match &report.violations()[0].path().segments()[1] {
        Segment::MapValue { key, position } => assert_eq!((key.as_str(), *position), ("a/b~c", 0)),
        other => panic!("{other:?}"),
    }
    // Escaped JSON keys are unescaped before they are escaped for the pointer.
    let json = format!(
        r#"{{"farmId": "farm-{HEX32}", "queueId": "queue-{HEX32}", "tags": {{"q\"\u00e9/": "{}"}}}}"#,
        "v".repeat(300)
    );
    let report = report_of::<ListSessionsRequest>(&json);
    assert_eq!(pointers(&report), ["/tags/q\"é~1"]);
    assert!(report.smithy_body().contains(r#""path":"/tags/q\"é~1""#));
}

#[test]
fn sensitive_values_are_redacted_in_every_rendering() {
    let secret = "hunter2-".repeat(600);
    let json = format!(
        r#"{{"farmId": "farm-{HEX32}", "queueId": "queue-{HEX32}", "message": "{secret}"}}"#
    );
    let report = report_of::<ListSessionsRequest>(&json);
    assert_eq!(report.violations()[0].violation().value(), None);
    for rendering in [
        report.to_string(),
        report.classic_message(Echo::Values),
        report.smithy_body(),
        format!("{report:?}"),
    ] {
        assert!(!rendering.contains("hunter2"), "{rendering}");
    }
    assert!(report.to_string().contains("Value at 'message' failed"));
}

#[test]
fn required_members_absent_or_null() {
    let report = report_of::<ListSessionsRequest>(r#"{"queueId": null, "maxResults": 0}"#);
    assert_eq!(pointers(&report), ["/queueId", "/maxResults", "/farmId"]);
    let rules: Vec<&Rule> = report
        .violations()
        .iter()
        .map(|v| v.violation().rule())
        .collect();
    assert_eq!(*rules[0], Rule::Required);
    assert_eq!(*rules[2], Rule::Required);
    assert_eq!(
        report.violations()[0].classic_message(Echo::Values),
        "Value null at 'queueId' failed to satisfy constraint: Member must not be null"
    );
    assert_eq!(
        report.violations()[2].smithy_message(),
        "Value at '/farmId' failed to satisfy constraint: Member must not be null"
    );
    // `{}` for each request: every required member reported.
    let report = report_of::<ListSessionsRequest>("{}");
    assert_eq!(pointers(&report), ["/farmId", "/queueId"]);
}

#[test]
fn required_structures_and_lists_nested_anywhere() {
    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct LogConfiguration {
        log_driver: String,
        options: Option<HashMap<String, String>>,
    }
    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Item {
        name: String,
        log: LogConfiguration,
        values: Vec<u32>,
    }
    #[derive(Debug, Deserialize)]
    struct Outer {
        items: Vec<Item>,
        after: MaxResults,
    }
    let json = r#"{"items": [{"name": "a", "log": {"logDriver": "awslogs"}, "values": []}, {"values": [1]}, {"name": "c", "log": {}, "values": null}], "after": 0}"#;
    let report = report_of::<Outer>(json);
    assert_eq!(
        pointers(&report),
        [
            "/items/1/name",
            "/items/1/log",
            "/items/2/log/logDriver",
            "/items/2/values",
            "/after"
        ]
    );
    assert!(
        report.violations()[..4]
            .iter()
            .all(|v| *v.violation().rule() == Rule::Required)
    );
    let report = report_of::<Outer>(r#"{"after": 5}"#);
    assert_eq!(pointers(&report), ["/items"]);
}

#[test]
fn unknown_members_are_ignored() {
    let json = format!(
        r#"{{"farmId": "farm-{HEX32}", "queueId": "queue-{HEX32}", "extra": {{"deep": [1, null, "x"]}}, "FarmId": 7}}"#
    );
    let request: ListSessionsRequest = constrained::from_json_str(&json).unwrap();
    assert_eq!(request.farm_id.as_str(), format!("farm-{HEX32}"));
}

/// serde_json's own message and position for `json` read as `T`: the reference a malformed
/// document is reported against.
fn serde_json_verdict<T: serde::de::DeserializeOwned>(json: &str) -> (String, usize, usize) {
    let Err(e) = serde_json::from_str::<T>(json) else {
        panic!("serde_json accepts {json:?}");
    };
    let text = e.to_string();
    let message = text
        .rsplit_once(" at line ")
        .map_or(text.as_str(), |(message, _)| message)
        .to_owned();
    (message, e.line(), e.column())
}

#[test]
fn malformed_json_is_its_own_error_with_serde_jsons_message_and_position() {
    // Syntax errors: reported as serde_json reports them reading the same type.
    let trailing_comma = format!("{{\n  \"farmId\": \"farm-{HEX32}\",\n}}");
    let trailing_characters =
        format!("{{\"farmId\": \"farm-{HEX32}\", \"queueId\": \"queue-{HEX32}\"}} {{}}");
    for json in [
        "{\"farmId\": }",
        trailing_comma.as_str(),
        "",
        trailing_characters.as_str(),
        "{\"a\": \"tab\there\"}",
        "[01]",
    ] {
        let (message, line, column) = serde_json_verdict::<ListSessionsRequest>(json);
        match constrained::from_json_str::<ListSessionsRequest>(json) {
            Err(DocumentError::Malformed(m)) => {
                assert_eq!(
                    (m.message(), m.line(), m.column()),
                    (message.as_str(), Some(line), Some(column)),
                    "{json:?}"
                );
            }
            other => panic!("{json:?}: {other:?}"),
        }
    }
    // Past a violation the serde path stops at, the report path still finds the syntax error.
    let Err(DocumentError::Malformed(m)) =
        constrained::from_json_str::<ListSessionsRequest>("{\n  \"farmId\": \"x\",\n}")
    else {
        panic!("a trailing comma is malformed");
    };
    assert_eq!((m.message(), m.line()), ("trailing comma", Some(3)));
    // What serde_json does not parse inside a member the type ignores is no error.
    for ignored in [
        "\"\\ud800\"",
        "-1e400",
        &"[".repeat(200),
        "1.7976931348623158e309",
    ] {
        let closing = if ignored.starts_with('[') {
            "]".repeat(200)
        } else {
            String::new()
        };
        let json = format!(
            r#"{{"farmId": "farm-{HEX32}", "queueId": "queue-{HEX32}", "x": {ignored}{closing}}}"#
        );
        assert!(
            serde_json::from_str::<ListSessionsRequest>(&json).is_ok(),
            "{json}"
        );
        assert!(
            constrained::from_json_str::<ListSessionsRequest>(&json).is_ok(),
            "{json}"
        );
    }
    // Nesting past serde_json's limit, where the type reads it.
    let deep = format!(
        r#"{{"farmId": "farm-{HEX32}", "queueId": "queue-{HEX32}", "tags": {}{}}}"#,
        "[".repeat(200),
        "]".repeat(200)
    );
    let Err(DocumentError::Malformed(m)) = constrained::from_json_str::<ListSessionsRequest>(&deep)
    else {
        panic!("deep nesting must be malformed");
    };
    assert_eq!(
        m.message(),
        serde_json_verdict::<ListSessionsRequest>(&deep).0
    );
    let Err(DocumentError::Malformed(m)) =
        constrained::from_json_slice::<ListSessionsRequest>(b"{\"farmId\": \"\xff\"}")
    else {
        panic!("invalid UTF-8 must be malformed");
    };
    let reference =
        serde_json::from_slice::<ListSessionsRequest>(b"{\"farmId\": \"\xff\"}").unwrap_err();
    assert_eq!(
        (m.line(), m.column()),
        (Some(reference.line()), Some(reference.column()))
    );
}

#[test]
fn the_wrong_json_type_is_malformed_not_a_violation() {
    let json = format!(
        "{{\n  \"farmId\": \"farm-{HEX32}\",\n  \"queueId\": \"queue-{HEX32}\",\n  \"maxResults\": \"5\"\n}}"
    );
    let Err(DocumentError::Malformed(m)) = constrained::from_json_str::<ListSessionsRequest>(&json)
    else {
        panic!("a string where a number belongs is malformed");
    };
    assert!(m.message().starts_with("invalid type: string \"5\""), "{m}");
    assert_eq!(
        m.path().map(|p| p.json_pointer()).as_deref(),
        Some("/maxResults")
    );
    let (message, line, column) = serde_json_verdict::<ListSessionsRequest>(&json);
    assert_eq!(
        (m.message(), m.line(), m.column()),
        (message.as_str(), Some(line), Some(column))
    );
    assert_eq!(
        m.to_string(),
        format!(
            "{} at '/maxResults' (line {line}, column {column})",
            m.message()
        )
    );
    for json in [
        r#"{"sessions": {}}"#,
        r#"{"sessions": [7]}"#,
        r#"[]"#,
        r#"{"sessions": [{"sessionId": 5}]}"#,
    ] {
        assert!(
            matches!(
                constrained::from_json_str::<ListSessionsResponse>(json),
                Err(DocumentError::Malformed(_))
            ),
            "{json}"
        );
    }
    assert!(matches!(
        constrained::from_json_str::<ListSessionsRequest>(&format!(
            r#"{{"farmId": "farm-{HEX32}", "farmId": "x", "queueId": "queue-{HEX32}"}}"#
        )),
        Err(DocumentError::Malformed(_))
    ));
}

#[test]
fn collecting_is_bounded() {
    #[derive(Debug, Deserialize)]
    struct Ids {
        ids: Vec<FarmId>,
    }
    let items = vec!["\"x\""; 1_000_000].join(",");
    let json = format!(r#"{{"ids": [{items}]}}"#);
    let report = report_of::<Ids>(&json);
    assert_eq!(report.violations().len(), Report::LIMIT);
    assert_eq!(report.omitted(), 1_000_000 - Report::LIMIT);
    assert_eq!(report.total(), 1_000_000);
    assert_eq!(pointers(&report)[99], "/ids/99");
    assert!(
        report
            .to_string()
            .starts_with("1000000 validation errors detected: ")
    );
    assert!(report.to_string().ends_with("; and 999900 more"));
    assert_eq!(
        report.smithy_body().matches("\"path\"").count(),
        Report::LIMIT
    );
}

#[test]
fn size_is_checked_as_entries_arrive_in_reports_too() {
    let entries: Vec<String> = (0..100_000).map(|i| format!(r#""k{i}": """#)).collect();
    let json = format!(
        r#"{{"farmId": "farm-{HEX32}", "queueId": "queue-{HEX32}", "tags": {{{}}}}}"#,
        entries.join(",")
    );
    let report = report_of::<ListSessionsRequest>(&json);
    assert_eq!(pointers(&report), ["/tags"]);
    assert_eq!(
        report.violations()[0].violation().measured_length(),
        Some(100_000)
    );
}

#[test]
fn any_self_describing_deserializer() {
    let value =
        serde_json::json!({"farmId": "x", "queueId": format!("queue-{HEX32}"), "maxResults": 500});
    match constrained::from_deserializer::<_, ListSessionsRequest>(value) {
        Err(DocumentError::Invalid(report)) => {
            assert_eq!(pointers(&report), ["/farmId", "/maxResults"])
        }
        other => panic!("{other:?}"),
    }
    let value =
        serde_json::json!({"farmId": format!("farm-{HEX32}"), "queueId": format!("queue-{HEX32}")});
    let request: ListSessionsRequest = constrained::from_deserializer(value).unwrap();
    assert!(request.max_results.is_none());
    let mut json = serde_json::Deserializer::from_str(r#"{"farmId": 1}"#);
    assert!(matches!(
        constrained::from_deserializer::<_, ListSessionsRequest>(&mut json),
        Err(DocumentError::Malformed(_))
    ));
}

#[test]
fn unions_read_one_member_and_report_inside_it() {
    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase", rename_all_fields = "camelCase")]
    enum Definition {
        EnvEnter { environment_id: EnvironmentId },
        TaskRun { step_id: StepId },
    }
    #[derive(Debug, Deserialize)]
    struct Action {
        definition: Definition,
    }
    let report = report_of::<Action>(r#"{"definition": {"taskRun": {"stepId": "step-1"}}}"#);
    assert_eq!(pointers(&report), ["/definition/taskRun/stepId"]);
    let report = report_of::<Action>(r#"{"definition": {"envEnter": {}}}"#);
    assert_eq!(pointers(&report), ["/definition/envEnter/environmentId"]);
    // Zero or two members set is a violation at the union, and checking goes on after it.
    let report = report_of::<Action>(r#"{"definition": {}}"#);
    assert_eq!(pointers(&report), ["/definition"]);
    assert_eq!(
        report.violations()[0].violation().to_string(),
        "Member must set exactly one of: [envEnter, taskRun]"
    );
    assert_eq!(
        *report.violations()[0].violation().rule(),
        Rule::UnionMembers {
            members: &["envEnter", "taskRun"],
            set: 0
        }
    );
    let two = format!(
        r#"{{"definition": {{"taskRun": {{"stepId": "step-{HEX32}"}}, "envEnter": {{}}}}}}"#
    );
    let report = report_of::<Action>(&two);
    assert!(matches!(
        report.violations()[0].violation().rule(),
        Rule::UnionMembers { set: 2, .. }
    ));
    assert_eq!(report.total(), 1);
    // A union that is absent where required is `null`, like any member.
    assert_eq!(pointers(&report_of::<Action>("{}")), ["/definition"]);
    assert_eq!(
        pointers(&report_of::<Action>(r#"{"definition": null}"#)),
        ["/definition"]
    );
}

#[test]
fn a_report_session_does_not_leak_into_plain_deserialization() {
    // After a report, the same thread deserializes with serde's first-error semantics again.
    let _ = constrained::from_json_str::<ListSessionsRequest>(r#"{"farmId": "x"}"#);
    let err = serde_json::from_str::<FarmId>(r#""x""#).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("Member must satisfy regular expression pattern")
    );
    assert!(FarmId::new("x".into()).is_err());
}

#[test]
fn flattened_members_and_their_siblings_have_their_own_paths() {
    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Location {
        farm_id: FarmId,
        queue_id: QueueId,
        page: Option<MaxResults>,
    }
    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Request {
        max_results: Option<MaxResults>,
        #[serde(flatten)]
        location: Location,
        tags: Option<TagsMap>,
    }
    let json = format!(
        r#"{{"maxResults": 0, "farmId": "farm-x", "tags": {{"team": "{}"}}, "queueId": "queue-{HEX32}", "extra": [1], "page": 0}}"#,
        "v".repeat(257)
    );
    let report = report_of::<Request>(&json);
    // serde reads the flattened structure from its own buffer after the object ends, so its
    // members come last; each is located where it was in the document.
    assert_eq!(
        pointers(&report),
        ["/maxResults", "/tags/team", "/farmId", "/page"]
    );
    let member_paths: Vec<String> = report
        .violations()
        .iter()
        .map(|v| v.path().member_path())
        .collect();
    assert_eq!(
        member_paths,
        ["maxResults", "tags.1.member.value", "farmId", "page"]
    );
    // Escaped text is copied out of the input before serde buffers it: still located.
    let escaped = format!(r#"{{"farmId": "\u0066arm-x", "queueId": "queue-{HEX32}"}}"#);
    let report = report_of::<Request>(&escaped);
    assert_eq!(pointers(&report), ["/farmId"]);
}

#[test]
fn a_repeated_map_key_is_judged_by_its_last_value_as_aws_keeps_it() {
    let long = "v".repeat(257);
    let base = |tags: &str| {
        format!(r#"{{"farmId": "farm-{HEX32}", "queueId": "queue-{HEX32}", "tags": {tags}}}"#)
    };
    // An invalid value replaced by a valid one: nothing to report, and the last value kept.
    let replaced = base(&format!(r#"{{"team": "{long}", "team": "render"}}"#));
    let request: ListSessionsRequest = constrained::from_json_str(&replaced).unwrap();
    let tags = request.tags.unwrap();
    assert_eq!(tags.get("team").map(String::as_str), Some("render"));
    assert_eq!(tags.len(), 1);
    // A valid value replaced by an invalid one: reported once, at the key.
    let report = report_of::<ListSessionsRequest>(&base(&format!(
        r#"{{"team": "render", "team": "{long}"}}"#
    )));
    assert_eq!(pointers(&report), ["/tags/team"]);
    // Two invalid values: only the last stands.
    let report = report_of::<ListSessionsRequest>(&base(&format!(
        r#"{{"team": "{long}", "cost": "x", "team": "{long}x"}}"#
    )));
    assert_eq!(pointers(&report), ["/tags/team"]);
    assert_eq!(
        report.violations()[0].violation().measured_length(),
        Some(258)
    );
}

#[test]
fn a_repeated_structure_member_is_located_at_its_key() {
    let json = format!(
        "{{\n  \"farmId\": \"farm-{HEX32}\",\n  \"queueId\": \"queue-{HEX32}\",\n  \"farmId\": \"farm-{HEX32}\"\n}}"
    );
    let Err(DocumentError::Malformed(m)) = constrained::from_json_str::<ListSessionsRequest>(&json)
    else {
        panic!("a repeated member is malformed");
    };
    assert_eq!(m.message(), "duplicate field `farmId`");
    assert_eq!(
        m.path().map(|p| p.json_pointer()).as_deref(),
        Some("/farmId")
    );
    assert_eq!(m.line(), Some(4));
}
