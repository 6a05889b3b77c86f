//! Every rule of the seed shapes in SHAPES.md: both sides of every bound, whole-value patterns,
//! AWS wording, and serde round trips.

use constrained::{Constrained, ElementPosition, RangeSide, Rule, Violation};
use constrained_tests::*;
use examples::deadline::{
    EnvironmentId, FarmId, FleetId, FloatString, HostName, IntString, IpV4Address, IpV6Address,
    JobId, LimitId, MaxResults, MinOneMaxInteger, NextToken, ProcessExitCode, QueueId,
    SessionActionId, SessionActionProgressMessage, SessionActionProgressPercent,
    SessionActionStatus, SessionId, SessionLifecycleStatus, StepId, TaskId, WorkerId,
};
use examples::glue::{
    DescriptionString, GlueVersionString, NameString, OrchestrationRoleArn, OrchestrationToken,
    PageSize, PythonVersionString, SessionIdList, WorkerType,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use std::fmt::Debug;

const HEX32: &str = "0123456789abcdef0123456789abcdef";

/// Deserializing `json` gives a value that serializes back to the same JSON, and `new` agrees.
fn round_trips<T: DeserializeOwned + Serialize + Debug + PartialEq>(json: &str) -> T {
    let value: T = serde_json::from_str(json).unwrap_or_else(|e| panic!("{json}: {e}"));
    let written = serde_json::to_string(&value).unwrap();
    let again: T = serde_json::from_str(&written).unwrap();
    assert_eq!(value, again);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&written).unwrap(),
        serde_json::from_str::<serde_json::Value>(json).unwrap()
    );
    value
}

/// Deserializing `json` fails with exactly `message` (and serde_json's position, if it adds one).
fn rejects<T: DeserializeOwned + Debug>(json: &str, message: &str) {
    let err = serde_json::from_str::<T>(json).expect_err(json).to_string();
    let rest = err.strip_prefix(message);
    assert!(
        rest.is_some_and(|rest| rest.is_empty() || rest.starts_with(" at line ")),
        "{json}: got {err:?}, want {message:?}"
    );
}

#[test]
fn id_patterns_match_whole_values_only() {
    fn check<T: Constrained<Inner = String> + Debug>(prefix: &str, pattern: &str) {
        let valid = format!("{prefix}{HEX32}");
        assert_eq!(T::new(valid.clone()).unwrap().into_inner(), valid);
        let message = format!("Member must satisfy regular expression pattern: {pattern}");
        for invalid in [
            format!("x{valid}"),
            format!("{valid}x"),
            format!("{valid}\n"),
            format!(" {valid}"),
            format!("{prefix}{}", &HEX32[1..]),
            format!("{prefix}{HEX32}0"),
            format!("{prefix}{}", HEX32.to_uppercase()),
            valid.replace('-', "_"),
            String::new(),
        ] {
            let err = T::new(invalid.clone()).unwrap_err();
            assert_eq!(err.to_string(), message, "{invalid:?}");
            assert_eq!(err.value(), Some(invalid.as_str()));
        }
    }
    check::<FarmId>("farm-", "farm-[0-9a-f]{32}");
    check::<FleetId>("fleet-", "fleet-[0-9a-f]{32}");
    check::<WorkerId>("worker-", "worker-[0-9a-f]{32}");
    check::<QueueId>("queue-", "queue-[0-9a-f]{32}");
    check::<JobId>("job-", "job-[0-9a-f]{32}");
    check::<SessionId>("session-", "session-[0-9a-f]{32}");
    check::<StepId>("step-", "step-[0-9a-f]{32}");
    check::<LimitId>("limit-", "limit-[0-9a-f]{32}");
    assert_eq!(FarmId::PATTERN, "farm-[0-9a-f]{32}");
}

#[test]
fn session_action_ids_bound_their_counter() {
    let base = format!("sessionaction-{HEX32}-");
    for ok in ["0", "1", "10", "9999999999", "1234567890"] {
        assert!(SessionActionId::new(format!("{base}{ok}")).is_ok(), "{ok}");
        assert!(TaskId::new(format!("task-{HEX32}-{ok}")).is_ok(), "{ok}");
    }
    for bad in ["", "00", "01", "99999999999", "-1", "1a", "1 "] {
        assert!(
            SessionActionId::new(format!("{base}{bad}")).is_err(),
            "{bad:?}"
        );
    }
}

#[test]
fn patterns_of_other_seed_shapes() {
    assert!(HostName::new(String::new()).is_ok());
    assert!(HostName::new("ip-10-0-0-1.ec2.internal".into()).is_ok());
    assert!(HostName::new("a".repeat(255)).is_ok());
    assert!(HostName::new("a".repeat(256)).is_err());
    assert!(HostName::new("bad host".into()).is_err());
    assert!(IpV4Address::new("10.0.0.1".into()).is_ok());
    assert!(IpV4Address::new("999.999.999.999".into()).is_ok());
    assert!(IpV4Address::new("10.0.0".into()).is_err());
    assert!(IpV6Address::new("2001:DB8:0:0:0:0:0:1".into()).is_ok());
    assert!(IpV6Address::new("2001:db8:0:0:0:0:0:1".into()).is_err());
    assert!(IpV6Address::new("2001:DB8::1".into()).is_err());
    assert!(PythonVersionString::new("3".into()).is_ok());
    assert!(PythonVersionString::new("3.9".into()).is_ok());
    assert!(PythonVersionString::new("3\n".into()).is_err());
    assert!(PythonVersionString::new("4".into()).is_err());
    assert!(EnvironmentId::new(format!("STEP:step-{HEX32}:setup")).is_ok());
    assert!(EnvironmentId::new(format!("JOB:job-{HEX32}:")).is_ok());
    assert!(EnvironmentId::new(format!("JOB:job-{HEX32}:a\nb")).is_err());
    assert!(EnvironmentId::new(format!("STEP:job-{HEX32}:x")).is_err());
    assert!(IntString::new("-42".into()).is_ok());
    assert!(IntString::new("042".into()).is_err());
    assert!(FloatString::new("-1.5e+10".into()).is_ok());
    assert!(FloatString::new("1.".into()).is_err());
    assert!(GlueVersionString::new("4.0".into()).is_ok());
    assert!(GlueVersionString::new("auto".into()).is_ok());
    assert!(GlueVersionString::new("é.1".into()).is_err());
    assert!(GlueVersionString::new("4".into()).is_err());
    assert!(OrchestrationRoleArn::new("arn:aws:iam::123456789012:role/Glue".into()).is_ok());
    assert!(OrchestrationRoleArn::new("arn:aws:iam::12345678901x:role/Glue".into()).is_err());
}

#[test]
fn glue_name_string_reads_java_surrogate_pairs() {
    for ok in [
        "a",
        "session 1",
        "tab\there",
        "emoji 😀",
        "\u{D7FF}\u{E000}\u{FFFD}\u{10000}\u{10FFFF}",
    ] {
        assert!(NameString::new(ok.into()).is_ok(), "{ok:?}");
    }
    for bad in [
        "line\nbreak",
        "\r",
        "\u{0}",
        "\u{1F}",
        "\u{FFFE}",
        "\u{FFFF}",
    ] {
        let err = NameString::new(bad.into()).unwrap_err();
        assert!(matches!(err.rule(), Rule::Pattern { .. }), "{bad:?}");
    }
    assert!(DescriptionString::new("line\r\nbreak".into()).is_ok());
    assert!(DescriptionString::new("bell\u{7}".into()).is_err());
    // `length` counts Unicode scalar values: 255 emoji are 1020 bytes and still fit.
    assert!(NameString::new("😀".repeat(255)).is_ok());
    let err = NameString::new("😀".repeat(256)).unwrap_err();
    assert_eq!(err.measured_length(), Some(256));
    assert_eq!(
        err.to_string(),
        "Member must have length between 1 and 255, inclusive"
    );
    let err = NameString::new(String::new()).unwrap_err();
    assert_eq!(err.measured_length(), Some(0));
}

#[test]
fn length_bounds_on_both_sides() {
    assert!(OrchestrationNameString::new("a".into()).is_ok());
    assert!(OrchestrationNameString::new("a".repeat(128)).is_ok());
    let err = OrchestrationNameString::new(String::new()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Member must have length between 1 and 128, inclusive"
    );
    assert_eq!(
        err.classic_message(),
        "Member must have length greater than or equal to 1"
    );
    let err = OrchestrationNameString::new("a".repeat(129)).unwrap_err();
    assert_eq!(
        err.classic_message(),
        "Member must have length less than or equal to 128"
    );
    assert_eq!(
        *err.rule(),
        Rule::Length {
            min: Some(1),
            max: Some(128),
            actual: 129
        }
    );
    // The length is checked before the pattern: a long invalid value reports its length.
    let err = OrchestrationNameString::new(" ".repeat(129)).unwrap_err();
    assert!(matches!(err.rule(), Rule::Length { .. }));
    let err = OrchestrationNameString::new("no spaces".into()).unwrap_err();
    assert_eq!(
        err.to_string(),
        r"Member must satisfy regular expression pattern: [\.\-_A-Za-z0-9]+"
    );

    assert!(NextToken::new(String::new()).is_ok());
    assert!(NextToken::new("t".repeat(4096)).is_ok());
    assert!(NextToken::new("t".repeat(4097)).is_err());
    assert!(OrchestrationToken::new("t".repeat(400_000)).is_ok());
    let err = OrchestrationToken::new("t".repeat(400_001)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Member must have length less than or equal to 400000"
    );
    assert_eq!(err.value().map(str::len), Some(constrained::MAX_ECHO_BYTES));
    assert!(err.value_truncated());
}

#[test]
fn integer_ranges_on_both_sides() {
    for (value, ok) in [
        (0, false),
        (1, true),
        (100, true),
        (101, false),
        (-1, false),
    ] {
        assert_eq!(MaxResults::new(value).is_ok(), ok, "{value}");
    }
    for (value, ok) in [(0, false), (1, true), (1000, true), (1001, false)] {
        assert_eq!(PageSize::new(value).is_ok(), ok, "{value}");
    }
    assert!(MinOneMaxInteger::new(i32::MAX).is_ok());
    assert!(MinOneMaxInteger::new(0).is_err());
    assert!(ProcessExitCode::new(i32::MIN).is_ok());
    assert!(ProcessExitCode::new(i32::MAX).is_ok());
    assert_eq!((MaxResults::MIN, MaxResults::MAX), (1, 100));
    assert_eq!(
        (ProcessExitCode::MIN, ProcessExitCode::MAX),
        (i32::MIN, i32::MAX)
    );

    let low = MaxResults::new(0).unwrap_err();
    assert_eq!(
        low.to_string(),
        "Member must be between 1 and 100, inclusive"
    );
    assert_eq!(
        low.classic_message(),
        "Member must have value greater than or equal to 1"
    );
    assert_eq!(low.value(), Some("0"));
    let high = PageSize::new(1001).unwrap_err();
    assert_eq!(
        high.classic_message(),
        "Member must have value less than or equal to 1000"
    );
    assert!(matches!(
        high.rule(),
        Rule::Range {
            violated: RangeSide::AboveMax,
            ..
        }
    ));

    rejects::<MaxResults>("0", "Member must be between 1 and 100, inclusive");
    rejects::<MaxResults>("101", "Member must be between 1 and 100, inclusive");
    assert_eq!(round_trips::<MaxResults>("100").into_inner(), 100);
    assert_eq!(
        round_trips::<ProcessExitCode>("-2147483648").into_inner(),
        i32::MIN
    );
}

#[test]
fn integers_reject_what_is_not_an_integer_of_their_type() {
    for json in [
        "1.5",
        "\"5\"",
        "1e100",
        "null",
        "true",
        "[]",
        "2147483648",
        "-2147483649",
        "1e2",
    ] {
        let err = serde_json::from_str::<ProcessExitCode>(json).expect_err(json);
        assert!(!err.to_string().starts_with("Member"), "{json}: {err}");
    }
    assert_eq!("42".parse::<MaxResults>().unwrap().into_inner(), 42);
    assert!(matches!(
        "4.2".parse::<MaxResults>(),
        Err(constrained::ParseError::Syntax(_))
    ));
    assert!(matches!(
        "420".parse::<MaxResults>(),
        Err(constrained::ParseError::Violation(_))
    ));
}

#[test]
fn float_ranges_and_special_values() {
    for (value, ok) in [
        (0.0, true),
        (100.0, true),
        (-0.0001, false),
        (100.0001, false),
        (50.5, true),
    ] {
        assert_eq!(
            SessionActionProgressPercent::new(value).is_ok(),
            ok,
            "{value}"
        );
    }
    let err = SessionActionProgressPercent::new(100.5).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Member must be between 0 and 100, inclusive"
    );
    for special in [f32::NAN, f32::INFINITY, f32::NEG_INFINITY] {
        let err = SessionActionProgressPercent::new(special).unwrap_err();
        assert_eq!(*err.rule(), Rule::NotFinite, "{special}");
        assert_eq!(err.to_string(), "Member must be a finite number");
    }
    // `-0` is 0, and is stored as positive zero.
    let zero = round_trips::<SessionActionProgressPercent>("0.0");
    let negative_zero: SessionActionProgressPercent = serde_json::from_str("-0.0").unwrap();
    assert_eq!(negative_zero.into_inner().to_bits(), 0.0f32.to_bits());
    assert_eq!(serde_json::to_string(&negative_zero).unwrap(), "0.0");
    assert_eq!(zero.into_inner(), 0.0);
    assert_eq!(
        SessionActionProgressPercent::new(-0.0)
            .unwrap()
            .into_inner()
            .to_bits(),
        0
    );
    // An integer literal is a float on the wire too; a value past f32 is not finite.
    assert_eq!(
        serde_json::from_str::<SessionActionProgressPercent>("42")
            .unwrap()
            .into_inner(),
        42.0
    );
    // A value past f32 is refused: by its rule when serde_json reads it as ∞ (its default), or by
    // serde_json itself with its `float_roundtrip` feature, which the `jsonschema` dev-dependency
    // turns on in this workspace's test build.
    let err = serde_json::from_str::<SessionActionProgressPercent>("1e39")
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("Member must be a finite number") || err.starts_with("number out of range"),
        "{err}"
    );
    assert!(serde_json::from_str::<SessionActionProgressPercent>("1e400").is_err());
    assert!(serde_json::from_str::<SessionActionProgressPercent>("\"50\"").is_err());
    assert!(serde_json::from_str::<SessionActionProgressPercent>("null").is_err());
}

#[test]
fn sensitive_values_are_never_echoed() {
    let secret = "s3cr3t ".repeat(700);
    let err = SessionActionProgressMessage::new(secret.clone()).unwrap_err();
    assert_eq!(err.value(), None);
    assert!(!format!("{err} {err:?}").contains("s3cr3t"));
    let json = serde_json::to_string(&secret).unwrap();
    let err = serde_json::from_str::<SessionActionProgressMessage>(&json).unwrap_err();
    assert!(!err.to_string().contains("s3cr3t"));
    assert_eq!(
        err.to_string().split(" at line").next(),
        Some("Member must have length between 0 and 4096, inclusive")
    );
    round_trips::<SessionActionProgressMessage>("\"50% done\"");
}

#[test]
fn enums_match_wire_values_exactly() {
    assert_eq!(
        round_trips::<SessionLifecycleStatus>("\"UPDATE_IN_PROGRESS\""),
        SessionLifecycleStatus::UpdateInProgress
    );
    assert_eq!(
        SessionLifecycleStatus::VALUES,
        [
            "STARTED",
            "UPDATE_IN_PROGRESS",
            "UPDATE_SUCCEEDED",
            "UPDATE_FAILED",
            "ENDED"
        ]
    );
    let message = "Member must satisfy enum value set: [STARTED, UPDATE_IN_PROGRESS, UPDATE_SUCCEEDED, UPDATE_FAILED, ENDED]";
    for bad in ["\"started\"", "\"Started\"", "\"STARTED \"", "\"\""] {
        rejects::<SessionLifecycleStatus>(bad, message);
    }
    let err = "ENDING".parse::<SessionLifecycleStatus>().unwrap_err();
    assert_eq!(err.to_string(), message);
    assert_eq!(err.value(), Some("ENDING"));
    assert!(serde_json::from_str::<SessionLifecycleStatus>("1").is_err());

    assert_eq!(SessionActionStatus::VALUES.len(), 11);
    assert_eq!(
        round_trips::<SessionActionStatus>("\"NEVER_ATTEMPTED\""),
        SessionActionStatus::NeverAttempted
    );
    assert_eq!(round_trips::<WorkerType>("\"G.025X\""), WorkerType::G025X);
    assert_eq!(WorkerType::R8X.to_string(), "R.8X");
    assert_eq!(WorkerType::VALUES.len(), 13);
    rejects::<WorkerType>(
        "\"G1X\"",
        &format!(
            "Member must satisfy enum value set: [{}]",
            WorkerType::VALUES.join(", ")
        ),
    );
}

#[test]
fn open_enums_keep_unknown_values() {
    assert_eq!(
        round_trips::<SessionStatus>("\"READY\""),
        SessionStatus::Ready
    );
    let later = round_trips::<SessionStatus>("\"HIBERNATING\"");
    assert_eq!(later, SessionStatus::Unknown("HIBERNATING".into()));
    assert_eq!(later.as_str(), "HIBERNATING");
    assert_eq!(
        SessionStatus::VALUES,
        [
            "PROVISIONING",
            "READY",
            "FAILED",
            "TIMEOUT",
            "STOPPING",
            "STOPPED"
        ]
    );
    assert!(serde_json::from_str::<SessionStatus>("7").is_err());
}

#[test]
fn maps_check_size_keys_and_values() {
    let tags = round_trips::<TagsMap>(r#"{"team": "render", "cost-center": ""}"#);
    assert_eq!(tags.as_inner().len(), 2);
    round_trips::<TagsMap>("{}");

    let too_many: HashMap<String, String> =
        (0..51).map(|i| (format!("k{i}"), "v".into())).collect();
    let err = TagsMap::new(too_many.clone()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Member must have length between 0 and 50, inclusive"
    );
    assert_eq!(err.measured_length(), Some(51));
    assert!(TagsMap::new(too_many.into_iter().take(50).collect()).is_ok());
    let json = serde_json::to_string(
        &(0..51)
            .map(|i| (format!("k{i}"), "v"))
            .collect::<HashMap<_, _>>(),
    )
    .unwrap();
    rejects::<TagsMap>(&json, "Member must have length between 0 and 50, inclusive");

    let err = TagsMap::new(HashMap::from([(String::new(), "v".into())])).unwrap_err();
    assert_eq!(err.element(), Some(&ElementPosition::Key));
    assert_eq!(
        err.to_string(),
        "Member must have length between 1 and 128, inclusive"
    );
    rejects::<TagsMap>(
        r#"{"": "v"}"#,
        "Member must have length between 1 and 128, inclusive",
    );
    assert!(TagsMap::new(HashMap::from([("k".repeat(128), "v".repeat(256))])).is_ok());

    let err = TagsMap::new(HashMap::from([("team".into(), "v".repeat(257))])).unwrap_err();
    assert_eq!(
        err.element(),
        Some(&ElementPosition::Value {
            key: Some("team".into())
        })
    );
    assert_eq!(
        err.to_string(),
        "Member must have length between 0 and 256, inclusive"
    );
    rejects::<TagsMap>(
        &format!(r#"{{"team": "{}"}}"#, "v".repeat(257)),
        "Member must have length between 0 and 256, inclusive",
    );
    assert!(serde_json::from_str::<TagsMap>("[]").is_err());
    assert!(serde_json::from_str::<TagsMap>(r#"{"a": 1}"#).is_err());
}

#[test]
fn map_keys_can_be_constrained_types() {
    let args = round_trips::<OrchestrationArgumentsMap>(r#"{"--job-language": "python"}"#);
    assert_eq!(args.as_inner().len(), 1);
    rejects::<OrchestrationArgumentsMap>(
        r#"{"--job language": "python"}"#,
        r"Member must satisfy regular expression pattern: [\.\-_A-Za-z0-9]+",
    );
    rejects::<OrchestrationArgumentsMap>(
        r#"{"--a": "bell\u0007"}"#,
        r"Member must satisfy regular expression pattern: [\u0020-\uD7FF\uE000-\uFFFD\uD800\uDC00-\uDBFF\uDFFF\r\n\t]*",
    );
}

#[test]
fn lists_check_length_and_items() {
    round_trips::<ConnectionStringList>(r#"["jdbc-connection", ""]"#);
    let err = ConnectionStringList::new(vec!["a".into(), "c".repeat(256)]).unwrap_err();
    assert_eq!(err.element(), Some(&ElementPosition::Item { index: 1 }));
    assert_eq!(
        err.to_string(),
        "Member must have length less than or equal to 255"
    );
    assert!(ConnectionStringList::new(vec!["c".repeat(255); 1000]).is_ok());
    let err = ConnectionStringList::new(vec![String::new(); 1001]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Member must have length less than or equal to 1000"
    );
    let json = serde_json::to_string(&vec![""; 1001]).unwrap();
    rejects::<ConnectionStringList>(&json, "Member must have length less than or equal to 1000");

    let ids = round_trips::<SessionIdList>(r#"["session-1", "notebook 😀"]"#);
    assert_eq!(ids[1].as_str(), "notebook 😀");
    assert!(serde_json::from_str::<SessionIdList>(r#"["ok", ""]"#).is_err());
    assert!(serde_json::from_str::<SessionIdList>(r#"["ok", "bad\nline"]"#).is_err());
}

#[test]
fn string_conversions() {
    let id = format!("farm-{HEX32}");
    let farm: FarmId = id.parse().unwrap();
    assert_eq!(farm.as_str(), id);
    assert_eq!(farm.as_ref(), id.as_str());
    assert_eq!(farm.to_string(), id);
    assert_eq!(FarmId::try_from(id.as_str()).unwrap(), farm);
    assert_eq!(FarmId::try_from(id.clone()).unwrap(), farm);
    assert_eq!(round_trips::<FarmId>(&format!("\"{id}\"")), farm);
    rejects::<FarmId>(
        "\"farm-1\"",
        "Member must satisfy regular expression pattern: farm-[0-9a-f]{32}",
    );
    assert!(serde_json::from_str::<FarmId>("null").is_err());
    assert!(serde_json::from_str::<FarmId>("42").is_err());
    let err: Violation = "farm-".parse::<FarmId>().unwrap_err();
    let _: &dyn std::error::Error = &err;
}
