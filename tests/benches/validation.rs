//! Validation cost, side by side in one run: a 10,000-session Deadline `ListSessionsResponse`
//! deserialized with serde_json into owned data, unvalidated and validated by `constrained` and
//! its peers; and one 37-byte ID check. See BENCHMARKS.md for the numbers and how to read them.

// The structures only need to be built; the benchmark never reads them back.
#![allow(dead_code)]

use criterion::{Criterion, criterion_group, criterion_main};
use serde::Deserialize;
use std::hint::black_box;
use std::sync::LazyLock;

const SESSIONS: usize = 10_000;

/// A deterministic payload: realistic IDs, timestamps and statuses, no two sessions alike.
fn payload() -> String {
    const STATUSES: [&str; 5] = [
        "STARTED",
        "UPDATE_IN_PROGRESS",
        "UPDATE_SUCCEEDED",
        "UPDATE_FAILED",
        "ENDED",
    ];
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut hex = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        format!(
            "{:016x}{:016x}",
            seed,
            seed.rotate_left(29) ^ 0x9e37_79b9_7f4a_7c15
        )
    };
    let sessions: Vec<String> = (0..SESSIONS)
        .map(|i| {
            let minute = i % 60;
            format!(
                r#"{{"sessionId":"session-{}","fleetId":"fleet-{}","workerId":"worker-{}","startedAt":"2026-11-20T08:{minute:02}:30Z","lifecycleStatus":"{}","endedAt":"2026-11-20T09:{minute:02}:30.250Z","updatedAt":"2026-11-20T09:{minute:02}:31Z","updatedBy":"arn:aws:sts::123456789012:assumed-role/Worker/i-{:08x}"}}"#,
                hex(),
                hex(),
                hex(),
                STATUSES[i % 5],
                i
            )
        })
        .collect();
    format!(
        r#"{{"sessions":[{}],"nextToken":"{}"}}"#,
        sessions.join(","),
        hex()
    )
}

/// The floor: the same data into plain fields, nothing checked.
mod plain {
    use super::*;

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct SessionSummary {
        pub session_id: String,
        pub fleet_id: String,
        pub worker_id: String,
        pub started_at: String,
        pub lifecycle_status: String,
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

/// `constrained`: every ID, the status and the token checked while deserializing.
mod ours {
    use super::*;
    use constrained::Constrained;

    #[derive(Constrained)]
    #[constrained(pattern = "session-[0-9a-f]{32}")]
    pub struct SessionId(String);

    #[derive(Constrained)]
    #[constrained(pattern = "fleet-[0-9a-f]{32}")]
    pub struct FleetId(String);

    #[derive(Constrained)]
    #[constrained(pattern = "worker-[0-9a-f]{32}")]
    pub struct WorkerId(String);

    #[derive(Constrained)]
    #[constrained(pattern = "farm-[0-9a-f]{32}")]
    pub struct FarmId(String);

    #[derive(Constrained)]
    #[constrained(pattern = "sessionaction-[0-9a-f]{32}-(0|([1-9][0-9]{0,9}))")]
    pub struct SessionActionId(String);

    #[derive(Constrained)]
    #[constrained(length(min = 0, max = 4096))]
    pub struct NextToken(String);

    #[derive(Constrained)]
    #[constrained(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum SessionLifecycleStatus {
        Started,
        UpdateInProgress,
        UpdateSucceeded,
        UpdateFailed,
        Ended,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct SessionSummary {
        pub session_id: SessionId,
        pub fleet_id: FleetId,
        pub worker_id: WorkerId,
        pub started_at: String,
        pub lifecycle_status: SessionLifecycleStatus,
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
    use regex::Regex;
    use serde::Deserializer;

    macro_rules! regex_newtype {
        ($name:ident, $re:literal) => {
            pub struct $name(String);

            impl<'de> Deserialize<'de> for $name {
                fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                    static PATTERN: LazyLock<Regex> = LazyLock::new(|| Regex::new($re).unwrap());
                    let value = String::deserialize(d)?;
                    if PATTERN.is_match(&value) {
                        Ok($name(value))
                    } else {
                        Err(serde::de::Error::custom("pattern"))
                    }
                }
            }
        };
    }

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
    assert!(
        action_pattern.matcher.is_none()
            && action_pattern.is_match(action)
            && action_regex.is_match(action)
    );
    group.bench_function("SessionActionId: constrained automaton", |b| {
        b.iter(|| action_pattern.is_match(black_box(action)))
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
