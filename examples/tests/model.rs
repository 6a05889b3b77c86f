//! The model covers every shape of SHAPES.md, and every shape round-trips: read a valid sample,
//! write it, read it again, and get the same value.

use examples::shapes::{self, SHAPES};
use std::collections::BTreeMap;

fn samples() -> BTreeMap<String, serde_json::Value> {
    let text = include_str!("samples.json");
    serde_json::from_str(text).expect("samples.json")
}

#[test]
fn every_shape_of_both_services_is_registered() {
    assert_eq!(
        SHAPES
            .iter()
            .filter(|s| s.name.starts_with("deadline."))
            .count(),
        66
    );
    assert_eq!(
        SHAPES
            .iter()
            .filter(|s| s.name.starts_with("glue."))
            .count(),
        30
    );
    let mut names: Vec<&str> = SHAPES.iter().map(|s| s.name).collect();
    names.dedup();
    assert_eq!(names.len(), 96);
    for name in [
        "deadline.FarmId",
        "glue.TagsMap",
        "deadline.GetSessionActionResponse",
    ] {
        assert!(shapes::find(name).is_some(), "{name}");
    }
}

#[test]
fn every_shape_round_trips() {
    let samples = samples();
    assert_eq!(samples.len(), SHAPES.len(), "one sample per shape");
    for shape in SHAPES {
        let sample = samples
            .get(shape.name)
            .unwrap_or_else(|| panic!("no sample for {}", shape.name));
        let json = sample.to_string();
        if let Err(e) = shape.validate(json.as_bytes()) {
            panic!("{}: the sample is invalid: {e}", shape.name);
        }
        shape
            .round_trip(&json)
            .unwrap_or_else(|e| panic!("{}: {e}", shape.name));
    }
}

#[test]
fn bundled_valid_documents_round_trip() {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut checked = 0;
    for entry in std::fs::read_dir(data).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        if !name.ends_with(".valid.json") {
            continue;
        }
        let shape_name = name.splitn(3, '.').take(2).collect::<Vec<_>>().join(".");
        let shape = shapes::find(&shape_name).unwrap();
        let json = std::fs::read_to_string(&path).unwrap();
        shape
            .round_trip(&json)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        checked += 1;
    }
    assert_eq!(checked, 10);
}

#[test]
fn timestamps_as_the_wire_has_them() {
    use examples::timestamp::{DateTime, EpochSeconds};
    let t: DateTime = serde_json::from_str(r#""2026-01-02T04:04:05.5+01:00""#).unwrap();
    assert_eq!(
        serde_json::to_string(&t).unwrap(),
        r#""2026-01-02T03:04:05.5Z""#
    );
    for bad in [
        r#""2026-13-02T03:04:05Z""#,
        r#""2026-01-02 03:04:05Z""#,
        r#""2026-01-02T03:04:05""#,
        r#""yesterday""#,
    ] {
        let err = serde_json::from_str::<DateTime>(bad).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("Member must be an RFC 3339 date-time"),
            "{bad}: {err}"
        );
    }
    assert!(serde_json::from_str::<DateTime>("1767323045").is_err());
    let e: EpochSeconds = serde_json::from_str("1515531081.1234").unwrap();
    assert_eq!(e.seconds(), 1515531081.1234);
    assert_eq!(e.instant().unix_timestamp(), 1515531081);
    assert!(serde_json::from_str::<EpochSeconds>("1e300").is_err());
    assert!(serde_json::from_str::<EpochSeconds>(r#""1515531081""#).is_err());
}

#[test]
fn an_invalid_timestamp_is_reported_at_its_path() {
    let shape = shapes::find("deadline.ListSessionsForWorkerResponse").unwrap();
    let hex = "0123456789abcdef0123456789abcdef";
    let json = format!(
        r#"{{"sessions": [{{"sessionId": "session-{hex}", "queueId": "queue-{hex}", "jobId": "job-{hex}", "startedAt": "2026-02-30T00:00:00Z", "lifecycleStatus": "STARTED"}}]}}"#
    );
    let Err(constrained::DocumentError::Invalid(report)) = shape.validate(json.as_bytes()) else {
        panic!("an impossible date must be reported");
    };
    assert_eq!(
        report.violations()[0].path().json_pointer(),
        "/sessions/0/startedAt"
    );
    assert_eq!(
        report.violations()[0].violation().value(),
        Some("2026-02-30T00:00:00Z")
    );
}
