//! Deadline Cloud `ListSessions` request shapes (API version 2023-10-12).

use constrained::Constrained;
use serde::{Deserialize, Serialize};

/// A farm ID.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Constrained)]
#[constrained(pattern = "farm-[0-9a-f]{32}")]
pub struct FarmId(String);

/// A queue ID.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Constrained)]
#[constrained(pattern = "queue-[0-9a-f]{32}")]
pub struct QueueId(String);

/// A job ID.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Constrained)]
#[constrained(pattern = "job-[0-9a-f]{32}")]
pub struct JobId(String);

/// A pagination token.
#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(length(min = 0, max = 4096))]
pub struct NextToken(String);

/// The page size of a list call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Constrained)]
#[constrained(range(min = 1, max = 100))]
pub struct MaxResults(i32);

/// The input of `ListSessions`: URI and query members as members of one structure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListSessionsRequest {
    /// The farm of the job.
    pub farm_id: FarmId,
    /// The queue of the job.
    pub queue_id: QueueId,
    /// The job whose sessions to list.
    pub job_id: JobId,
    /// Where the previous page ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<NextToken>,
    /// The page size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_results: Option<MaxResults>,
}
