//! AWS Deadline Cloud (API version 2023-10-12): every shape reachable from ListSessionsForWorker,
//! ListSessions, GetSession and GetSessionAction, with the constraints of the service model.
//!
//! Shapes keep the model's names. Members keep the model's (camelCase) wire names; URI and query
//! members are members of the request structure. Required members are plain fields, the others
//! `Option`s. Shapes with no constraint are aliases of the Rust type they are.

use crate::timestamp::DateTime;
use constrained::Constrained;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

macro_rules! id_shapes {
    ($($(#[$doc:meta])* $name:ident = $pattern:literal;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, Constrained)]
        #[constrained(pattern = $pattern)]
        pub struct $name(String);
    )*};
}

id_shapes! {
    /// A farm ID.
    FarmId = "farm-[0-9a-f]{32}";
    /// A fleet ID.
    FleetId = "fleet-[0-9a-f]{32}";
    /// A worker ID.
    WorkerId = "worker-[0-9a-f]{32}";
    /// A queue ID.
    QueueId = "queue-[0-9a-f]{32}";
    /// A job ID.
    JobId = "job-[0-9a-f]{32}";
    /// A session ID.
    SessionId = "session-[0-9a-f]{32}";
    /// A step ID.
    StepId = "step-[0-9a-f]{32}";
    /// A limit ID.
    LimitId = "limit-[0-9a-f]{32}";
    /// A session action ID: a job-scoped counter after the hex part.
    SessionActionId = "sessionaction-[0-9a-f]{32}-(0|([1-9][0-9]{0,9}))";
    /// A task ID.
    TaskId = "task-[0-9a-f]{32}-(0|([1-9][0-9]{0,9}))";
    /// A host name (at most 255 characters, by the pattern).
    HostName = r"[a-zA-Z0-9_\.\-]{0,255}";
    /// An IPv4 address.
    IpV4Address = r"(?:[0-9]{1,3}\.){3}[0-9]{1,3}";
    /// An IPv6 address, uncompressed, upper-case hex.
    IpV6Address = "(?:[A-F0-9]{1,4}:){7}[A-F0-9]{1,4}";
}

/// The environment a session action enters or exits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Constrained)]
#[constrained(
    length(min = 1, max = 1024),
    pattern = "(STEP:step-[0-9a-f]{32}:.*)|(JOB:job-[0-9a-f]{32}:.*)"
)]
pub struct EnvironmentId(String);

/// An integer task parameter, as text. Sensitive: it is reached only through the sensitive
/// `TaskParameterValue`.
#[derive(Clone, PartialEq, Eq, Constrained)]
#[constrained(sensitive, length(min = 1, max = 20), pattern = "[-]?(0|[1-9][0-9]*)")]
pub struct IntString(String);

/// A float task parameter, as text. Sensitive, like `IntString`.
#[derive(Clone, PartialEq, Eq, Constrained)]
#[constrained(
    sensitive,
    length(min = 1, max = 26),
    pattern = "[-]?(0|[1-9][0-9]*)([.][0-9]+)?([eE][+-]?[0-9]+)?"
)]
pub struct FloatString(String);

/// A string task parameter. Sensitive, like `IntString`.
#[derive(Clone, PartialEq, Eq, Constrained)]
#[constrained(sensitive, length(min = 0, max = 1024))]
pub struct ParameterString(String);

/// A path task parameter. Sensitive, like `IntString`.
#[derive(Clone, PartialEq, Eq, Constrained)]
#[constrained(sensitive, length(min = 0, max = 1024))]
pub struct PathString(String);

/// An EC2 instance type.
#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(length(min = 1, max = 100))]
pub struct InstanceType(String);

/// A log driver.
#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(length(min = 1, max = 512))]
pub struct LogDriver(String);

/// A log error.
#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(length(min = 1, max = 512))]
pub struct LogError(String);

/// A pagination token.
#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(length(min = 0, max = 4096))]
pub struct NextToken(String);

/// The progress message of a session action. Sensitive.
#[derive(Clone, PartialEq, Eq, Constrained)]
#[constrained(sensitive, length(min = 0, max = 4096))]
pub struct SessionActionProgressMessage(String);

/// The page size of a list call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Constrained)]
#[constrained(range(min = 1, max = 100))]
pub struct MaxResults(i32);

/// A positive 32-bit count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Constrained)]
#[constrained(range(min = 1, max = 2147483647))]
pub struct MinOneMaxInteger(i32);

/// A process exit code (unsigned codes are converted to signed 32-bit ones).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Constrained)]
#[constrained(range(min = -2147483648, max = 2147483647))]
pub struct ProcessExitCode(i32);

/// The percentage completed of a session action.
#[derive(Debug, Clone, Copy, PartialEq, Constrained)]
#[constrained(range(min = 0, max = 100))]
pub struct SessionActionProgressPercent(f32);

/// The status of a session action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Constrained)]
#[constrained(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SessionActionStatus {
    Assigned,
    Running,
    Canceling,
    Succeeded,
    Failed,
    Interrupted,
    Canceled,
    NeverAttempted,
    Scheduled,
    Reclaiming,
    Reclaimed,
}

/// The life cycle status of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Constrained)]
#[constrained(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SessionLifecycleStatus {
    Started,
    UpdateInProgress,
    UpdateSucceeded,
    UpdateFailed,
    Ended,
}

/// The life cycle status a session is asked to reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Constrained)]
#[constrained(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SessionLifecycleTargetStatus {
    Ended,
}

/// The model's unconstrained `String`.
pub type String = std::string::String;
/// Who last updated a resource.
pub type UpdatedBy = std::string::String;
/// When a resource started running.
pub type StartedAt = DateTime;
/// When a resource ended running.
pub type EndedAt = DateTime;
/// When a resource was updated.
pub type UpdatedAt = DateTime;
/// A timestamp (`workerUpdatedAt`).
pub type Timestamp = DateTime;
/// Log options.
pub type LogOptions = HashMap<std::string::String, std::string::String>;
/// Log parameters.
pub type LogParameters = HashMap<std::string::String, std::string::String>;
/// IPv4 addresses.
pub type IpV4Addresses = Vec<IpV4Address>;
/// IPv6 addresses.
pub type IpV6Addresses = Vec<IpV6Address>;
/// The limits acquired by a session action.
pub type AcquiredLimits = Vec<AcquiredLimit>;
/// The sessions of a worker.
pub type ListSessionsForWorkerSummaries = Vec<WorkerSessionSummary>;
/// The sessions of a job.
pub type SessionSummaries = Vec<SessionSummary>;
/// The manifests of a task run.
pub type TaskRunManifestPropertiesListResponse = Vec<TaskRunManifestPropertiesResponse>;

/// The task parameters of a task run, by name. Sensitive.
#[derive(Clone, PartialEq, Constrained)]
#[constrained(sensitive)]
pub struct TaskParameters(HashMap<std::string::String, TaskParameterValue>);

/// A task parameter's value: exactly one member is set. Sensitive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum TaskParameterValue {
    /// An integer, as text.
    Int(IntString),
    /// A float, as text.
    Float(FloatString),
    /// A string.
    String(ParameterString),
    /// A path.
    Path(PathString),
    /// A range (`1-10`) or selection (`1,3,7`) of integers, as text.
    ChunkInt(std::string::String),
}

/// What a session action does: exactly one member is set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SessionActionDefinition {
    /// Enter an environment.
    EnvEnter(EnvironmentEnterSessionActionDefinition),
    /// Exit an environment.
    EnvExit(EnvironmentExitSessionActionDefinition),
    /// Run a task.
    TaskRun(TaskRunSessionActionDefinition),
    /// Sync the job's input attachments.
    SyncInputJobAttachments(SyncInputJobAttachmentsSessionActionDefinition),
}

macro_rules! structure {
    ($(#[$doc:meta])* $name:ident { $($(#[$field_doc:meta])* $field:ident: $ty:ty,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(rename_all = "camelCase")]
        pub struct $name {
            $(
                $(#[$field_doc])*
                pub $field: $ty,
            )*
        }

        impl crate::generated::Arbitrary for $name {
            fn valid() -> proptest::strategy::BoxedStrategy<serde_json::Value> {
                Self::strategies().0
            }
            fn near_miss() -> Option<proptest::strategy::BoxedStrategy<serde_json::Value>> {
                Self::strategies().1
            }
        }

        impl $name {
            fn strategies() -> (
                proptest::strategy::BoxedStrategy<serde_json::Value>,
                Option<proptest::strategy::BoxedStrategy<serde_json::Value>>,
            ) {
                crate::generated::structure::<Self>(vec![$((
                    <$ty as crate::generated::Arbitrary>::valid(),
                    <$ty as crate::generated::Arbitrary>::near_miss(),
                )),*])
            }
        }
    };
}

structure! {
    /// The number of a limit's resources used.
    AcquiredLimit {
        /// The limit.
        limit_id: LimitId,
        /// How many were acquired.
        count: MinOneMaxInteger,
    }
}

structure! {
    /// The environment a session action enters.
    EnvironmentEnterSessionActionDefinition {
        /// The environment.
        environment_id: EnvironmentId,
    }
}

structure! {
    /// The environment a session action exits.
    EnvironmentExitSessionActionDefinition {
        /// The environment.
        environment_id: EnvironmentId,
    }
}

structure! {
    /// The task, step and parameters of a task run.
    TaskRunSessionActionDefinition {
        /// The task.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        task_id: Option<TaskId>,
        /// The step.
        step_id: StepId,
        /// The parameters.
        parameters: TaskParameters,
    }
}

structure! {
    /// Syncing input job attachments.
    SyncInputJobAttachmentsSessionActionDefinition {
        /// The step.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        step_id: Option<StepId>,
    }
}

structure! {
    /// The manifest properties of a task run.
    TaskRunManifestPropertiesResponse {
        /// The output manifest's path.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        output_manifest_path: Option<std::string::String>,
        /// The output manifest's hash.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        output_manifest_hash: Option<std::string::String>,
    }
}

structure! {
    /// The IP addresses of a host.
    IpAddresses {
        /// IPv4 addresses.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ip_v4_addresses: Option<IpV4Addresses>,
        /// IPv6 addresses.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ip_v6_addresses: Option<IpV6Addresses>,
    }
}

structure! {
    /// The host of a session.
    HostPropertiesResponse {
        /// Its addresses.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ip_addresses: Option<IpAddresses>,
        /// Its name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        host_name: Option<HostName>,
        /// Its EC2 instance ARN.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ec2_instance_arn: Option<std::string::String>,
        /// Its EC2 instance type.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ec2_instance_type: Option<InstanceType>,
    }
}

structure! {
    /// Log configuration.
    LogConfiguration {
        /// The log driver.
        log_driver: LogDriver,
        /// Options.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        options: Option<LogOptions>,
        /// Parameters.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        parameters: Option<LogParameters>,
        /// An error.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        error: Option<LogError>,
    }
}

structure! {
    /// A session of a worker.
    WorkerSessionSummary {
        /// The session.
        session_id: SessionId,
        /// The queue.
        queue_id: QueueId,
        /// The job.
        job_id: JobId,
        /// When it started.
        started_at: StartedAt,
        /// Its life cycle status.
        lifecycle_status: SessionLifecycleStatus,
        /// When it ended.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ended_at: Option<EndedAt>,
        /// The status it is asked to reach.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        target_lifecycle_status: Option<SessionLifecycleTargetStatus>,
    }
}

structure! {
    /// A session of a job.
    SessionSummary {
        /// The session.
        session_id: SessionId,
        /// The fleet.
        fleet_id: FleetId,
        /// The worker.
        worker_id: WorkerId,
        /// When it started.
        started_at: StartedAt,
        /// Its life cycle status.
        lifecycle_status: SessionLifecycleStatus,
        /// When it ended.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ended_at: Option<EndedAt>,
        /// When it was updated.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        updated_at: Option<UpdatedAt>,
        /// Who updated it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        updated_by: Option<UpdatedBy>,
        /// The status it is asked to reach.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        target_lifecycle_status: Option<SessionLifecycleTargetStatus>,
    }
}

structure! {
    /// The input of ListSessionsForWorker.
    ListSessionsForWorkerRequest {
        /// The farm (URI).
        farm_id: FarmId,
        /// The fleet (URI).
        fleet_id: FleetId,
        /// The worker (URI).
        worker_id: WorkerId,
        /// Where the previous page ended (query).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        next_token: Option<NextToken>,
        /// The page size (query).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_results: Option<MaxResults>,
    }
}

structure! {
    /// The output of ListSessionsForWorker.
    ListSessionsForWorkerResponse {
        /// The sessions.
        sessions: ListSessionsForWorkerSummaries,
        /// Where this page ended.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        next_token: Option<NextToken>,
    }
}

structure! {
    /// The input of ListSessions.
    ListSessionsRequest {
        /// The farm (URI).
        farm_id: FarmId,
        /// The queue (URI).
        queue_id: QueueId,
        /// The job (URI).
        job_id: JobId,
        /// Where the previous page ended (query).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        next_token: Option<NextToken>,
        /// The page size (query).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_results: Option<MaxResults>,
    }
}

structure! {
    /// The output of ListSessions.
    ListSessionsResponse {
        /// The sessions.
        sessions: SessionSummaries,
        /// Where this page ended.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        next_token: Option<NextToken>,
    }
}

structure! {
    /// The input of GetSession.
    GetSessionRequest {
        /// The farm (URI).
        farm_id: FarmId,
        /// The queue (URI).
        queue_id: QueueId,
        /// The job (URI).
        job_id: JobId,
        /// The session (URI).
        session_id: SessionId,
    }
}

structure! {
    /// The output of GetSession.
    GetSessionResponse {
        /// The session.
        session_id: SessionId,
        /// The fleet.
        fleet_id: FleetId,
        /// The worker.
        worker_id: WorkerId,
        /// When it started.
        started_at: StartedAt,
        /// Its life cycle status.
        lifecycle_status: SessionLifecycleStatus,
        /// When it ended.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ended_at: Option<EndedAt>,
        /// The status it is asked to reach.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        target_lifecycle_status: Option<SessionLifecycleTargetStatus>,
        /// When it was updated.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        updated_at: Option<UpdatedAt>,
        /// Who updated it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        updated_by: Option<UpdatedBy>,
        /// The session log.
        log: LogConfiguration,
        /// The host.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        host_properties: Option<HostPropertiesResponse>,
        /// The worker log.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        worker_log: Option<LogConfiguration>,
    }
}

structure! {
    /// The input of GetSessionAction.
    GetSessionActionRequest {
        /// The farm (URI).
        farm_id: FarmId,
        /// The queue (URI).
        queue_id: QueueId,
        /// The job (URI).
        job_id: JobId,
        /// The session action (URI).
        session_action_id: SessionActionId,
    }
}

structure! {
    /// The output of GetSessionAction.
    GetSessionActionResponse {
        /// The session action.
        session_action_id: SessionActionId,
        /// Its status.
        status: SessionActionStatus,
        /// When it started.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        started_at: Option<StartedAt>,
        /// When it ended.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ended_at: Option<EndedAt>,
        /// When the worker last updated it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        worker_updated_at: Option<Timestamp>,
        /// How far it is.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        progress_percent: Option<SessionActionProgressPercent>,
        /// The manifests of its task run.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        manifests: Option<TaskRunManifestPropertiesListResponse>,
        /// The session.
        session_id: SessionId,
        /// The exit code of its process.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        process_exit_code: Option<ProcessExitCode>,
        /// Its progress message.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        progress_message: Option<SessionActionProgressMessage>,
        /// The limits it acquired.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        acquired_limits: Option<AcquiredLimits>,
        /// What it does.
        definition: SessionActionDefinition,
    }
}
