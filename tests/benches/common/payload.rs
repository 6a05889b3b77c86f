//! The payload both benchmarks read, and the two models every comparison starts from: plain
//! unvalidated structures (the floor) and `constrained` types. Included by `validation.rs` and
//! `memory.rs`.

use serde::Deserialize;

/// How many sessions the payload lists.
pub const SESSIONS: usize = 10_000;

/// A deterministic payload: realistic IDs, timestamps and statuses, no two sessions alike.
pub fn payload() -> String {
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

/// The payload with the last session's ID made invalid (`session-` followed by 32 `X`).
pub fn broken_payload(json: &str) -> String {
    let at = json.rfind("\"sessionId\":\"session-").expect("a session")
        + "\"sessionId\":\"session-".len();
    format!("{}{}{}", &json[..at], "X".repeat(32), &json[at + 32..])
}

/// The floor: the same data into plain fields, nothing checked.
pub mod plain {
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
pub mod ours {
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
