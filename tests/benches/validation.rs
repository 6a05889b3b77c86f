//! Validation cost, side by side in one run: a 10,000-session Deadline `ListSessionsResponse`
//! deserialized with serde_json into owned data, unvalidated and validated by `constrained` and
//! its peers; and one 37-byte ID check. See BENCHMARKS.md for the numbers and how to read them.

// The structures only need to be built; the benchmark never reads them back.
#![allow(dead_code)]

#[macro_use]
#[path = "common/regex_newtype.rs"]
mod regex_newtype;

use criterion::{Criterion, criterion_group, criterion_main};
use serde::Deserialize;
use std::hint::black_box;
use std::sync::LazyLock;

#[path = "common/payload.rs"]
mod payload;

use payload::{broken_payload, ours, payload, plain};

/// The status as serde itself checks an enum, for the peers that have no enum rule.
#[derive(Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Status {
    Started,
    UpdateInProgress,
    UpdateSucceeded,
    UpdateFailed,
    Ended,
}

/// nutype: validation inside `Deserialize`, a `LazyLock<Regex>` per type.
mod with_nutype {
    use super::*;
    use nutype::nutype;

    #[nutype(validate(regex = "^session-[0-9a-f]{32}$"), derive(Deserialize))]
    pub struct SessionId(String);

    #[nutype(validate(regex = "^fleet-[0-9a-f]{32}$"), derive(Deserialize))]
    pub struct FleetId(String);

    #[nutype(validate(regex = "^worker-[0-9a-f]{32}$"), derive(Deserialize))]
    pub struct WorkerId(String);

    #[nutype(validate(len_char_max = 4096), derive(Deserialize))]
    pub struct NextToken(String);

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct SessionSummary {
        pub session_id: SessionId,
        pub fleet_id: FleetId,
        pub worker_id: WorkerId,
        pub started_at: String,
        pub lifecycle_status: Status,
        pub ended_at: Option<String>,
        pub updated_at: Option<String>,
        pub updated_by: Option<String>,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct ListSessionsResponse {
        pub sessions: Vec<SessionSummary>,
        pub next_token: Option<NextToken>,
    }
}

/// garde: deserialize, then `validate()` in a second pass.
mod with_garde {
    use super::*;

    #[derive(Deserialize, garde::Validate)]
    #[serde(rename_all = "camelCase")]
    pub struct SessionSummary {
        #[garde(pattern(r"^session-[0-9a-f]{32}$"))]
        pub session_id: String,
        #[garde(pattern(r"^fleet-[0-9a-f]{32}$"))]
        pub fleet_id: String,
        #[garde(pattern(r"^worker-[0-9a-f]{32}$"))]
        pub worker_id: String,
        #[garde(skip)]
        pub started_at: String,
        #[garde(skip)]
        pub lifecycle_status: Status,
        #[garde(skip)]
        pub ended_at: Option<String>,
        #[garde(skip)]
        pub updated_at: Option<String>,
        #[garde(skip)]
        pub updated_by: Option<String>,
    }

    #[derive(Deserialize, garde::Validate)]
    #[serde(rename_all = "camelCase")]
    pub struct ListSessionsResponse {
        #[garde(dive)]
        pub sessions: Vec<SessionSummary>,
        #[garde(length(chars, max = 4096))]
        pub next_token: Option<String>,
    }
}

/// validator: deserialize, then `validate()` in a second pass, regexes in `LazyLock`s.
mod with_validator {
    use super::*;
    use regex::Regex;
    use validator::Validate;

    static SESSION_ID: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^session-[0-9a-f]{32}$").unwrap());
    static FLEET_ID: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^fleet-[0-9a-f]{32}$").unwrap());
    static WORKER_ID: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^worker-[0-9a-f]{32}$").unwrap());

    #[derive(Deserialize, Validate)]
    #[serde(rename_all = "camelCase")]
    pub struct SessionSummary {
        #[validate(regex(path = *SESSION_ID))]
        pub session_id: String,
        #[validate(regex(path = *FLEET_ID))]
        pub fleet_id: String,
        #[validate(regex(path = *WORKER_ID))]
        pub worker_id: String,
        pub started_at: String,
        pub lifecycle_status: Status,
        pub ended_at: Option<String>,
        pub updated_at: Option<String>,
        pub updated_by: Option<String>,
    }

    #[derive(Deserialize, Validate)]
    #[serde(rename_all = "camelCase")]
    pub struct ListSessionsResponse {
        #[validate(nested)]
        pub sessions: Vec<SessionSummary>,
        #[validate(length(max = 4096))]
        pub next_token: Option<String>,
    }
}

/// What a naive derive would emit: a newtype whose `Deserialize` runs a `LazyLock<Regex>`.
mod naive_regex {
    use super::*;
    regex_newtype!(SessionId, "^session-[0-9a-f]{32}$");
    regex_newtype!(FleetId, "^fleet-[0-9a-f]{32}$");
    regex_newtype!(WorkerId, "^worker-[0-9a-f]{32}$");

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct SessionSummary {
        pub session_id: SessionId,
        pub fleet_id: FleetId,
        pub worker_id: WorkerId,
        pub started_at: String,
        pub lifecycle_status: Status,
        pub ended_at: Option<String>,
        pub updated_at: Option<String>,
        pub updated_by: Option<String>,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct ListSessionsResponse {
        pub sessions: Vec<SessionSummary>,
        pub next_token: Option<String>,
    }
}

/// The hand-written floor for one ID: length, prefix, then 32 lowercase hex digits.
fn hand_written_farm_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    bytes.len() == 37
        && bytes.starts_with(b"farm-")
        && bytes[5..]
            .iter()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

fn payload_benchmarks(c: &mut Criterion) {
    let json = payload();
    assert!(serde_json::from_str::<ours::ListSessionsResponse>(&json).is_ok());
    {
        use garde::Validate as _;
        use validator::Validate as _;
        let g: with_garde::ListSessionsResponse = serde_json::from_str(&json).unwrap();
        assert!(g.validate().is_ok());
        let v: with_validator::ListSessionsResponse = serde_json::from_str(&json).unwrap();
        assert!(v.validate().is_ok());
        assert!(serde_json::from_str::<with_nutype::ListSessionsResponse>(&json).is_ok());
        assert!(serde_json::from_str::<naive_regex::ListSessionsResponse>(&json).is_ok());
    }
    let mut group = c.benchmark_group("list_sessions_10k");
    group.sample_size(30);
    group.bench_function("plain (no checks)", |b| {
        b.iter(|| serde_json::from_str::<plain::ListSessionsResponse>(black_box(&json)).unwrap())
    });
    group.bench_function("constrained", |b| {
        b.iter(|| serde_json::from_str::<ours::ListSessionsResponse>(black_box(&json)).unwrap())
    });
    group.bench_function("constrained report (from_json_str)", |b| {
        b.iter(|| {
            constrained::from_json_str::<ours::ListSessionsResponse>(black_box(&json)).unwrap()
        })
    });
    // The same payload with the last session's ID broken: the serde path stops there, the report
    // path reads it all again to report the violation at its path.
    let broken = broken_payload(&json);
    group.bench_function(
        "constrained, last ID broken (serde path, first error)",
        |b| {
            b.iter(|| {
                serde_json::from_str::<ours::ListSessionsResponse>(black_box(&broken)).is_err()
            })
        },
    );
    group.bench_function("constrained report, last ID broken (from_json_str)", |b| {
        b.iter(|| {
            constrained::from_json_str::<ours::ListSessionsResponse>(black_box(&broken)).is_err()
        })
    });
    group.bench_function("nutype", |b| {
        b.iter(|| {
            serde_json::from_str::<with_nutype::ListSessionsResponse>(black_box(&json)).unwrap()
        })
    });
    group.bench_function("garde", |b| {
        use garde::Validate as _;
        b.iter(|| {
            let r: with_garde::ListSessionsResponse =
                serde_json::from_str(black_box(&json)).unwrap();
            r.validate().unwrap();
            r
        })
    });
    group.bench_function("validator", |b| {
        use validator::Validate as _;
        b.iter(|| {
            let r: with_validator::ListSessionsResponse =
                serde_json::from_str(black_box(&json)).unwrap();
            r.validate().unwrap();
            r
        })
    });
    group.bench_function("LazyLock<Regex> newtype", |b| {
        b.iter(|| {
            serde_json::from_str::<naive_regex::ListSessionsResponse>(black_box(&json)).unwrap()
        })
    });
    group.finish();
}

fn id_benchmarks(c: &mut Criterion) {
    let id = "farm-0123456789abcdef0123456789abcdef";
    let pattern = ours::FarmId::RULES.pattern.unwrap();
    let regex = regex::Regex::new("^farm-[0-9a-f]{32}$").unwrap();
    assert!(hand_written_farm_id(id) && pattern.is_match(id) && regex.is_match(id));
    let mut group = c.benchmark_group("farm_id_check");
    group.bench_function("hand-written matcher", |b| {
        b.iter(|| hand_written_farm_id(black_box(id)))
    });
    group.bench_function("constrained", |b| {
        b.iter(|| pattern.is_match(black_box(id)))
    });
    group.bench_function("constrained automaton (const path)", |b| {
        b.iter(|| pattern.is_match_const(black_box(id)))
    });
    let action = "sessionaction-0123456789abcdef0123456789abcdef-12";
    let action_pattern = ours::SessionActionId::RULES.pattern.unwrap();
    let action_regex =
        regex::Regex::new("^sessionaction-[0-9a-f]{32}-(0|([1-9][0-9]{0,9}))$").unwrap();
    let action_automaton = action_pattern.automaton.as_ref().unwrap();
    assert!(
        action_pattern.matcher.is_some()
            && action_pattern.is_match(action)
            && action_automaton.matches(action.as_bytes())
            && action_regex.is_match(action)
    );
    group.bench_function("SessionActionId: constrained (straight-line)", |b| {
        b.iter(|| action_pattern.is_match(black_box(action)))
    });
    group.bench_function("SessionActionId: constrained automaton", |b| {
        b.iter(|| action_automaton.matches(black_box(action).as_bytes()))
    });
    group.bench_function("SessionActionId: regex::Regex::is_match", |b| {
        b.iter(|| action_regex.is_match(black_box(action)))
    });
    group.bench_function("constrained rules (length + pattern)", |b| {
        b.iter(|| ours::FarmId::RULES.check(black_box(id)))
    });
    group.bench_function("regex::Regex::is_match", |b| {
        b.iter(|| regex.is_match(black_box(id)))
    });
    group.finish();
}

criterion_group!(benches, payload_benchmarks, id_benchmarks);
criterion_main!(benches);
