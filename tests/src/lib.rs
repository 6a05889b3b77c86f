//! The seed shapes of the AWS Deadline Cloud and Glue session APIs as constrained types, shared by
//! the integration tests in `tests/`.
//!
//! This library depends on `constrained` alone (no serde, no regex): that it builds proves
//! generated code reaches everything it needs through `::constrained::__private`.

use constrained::Constrained;
use std::collections::HashMap;

macro_rules! id_shape {
    ($($(#[$doc:meta])* $name:ident = $pattern:literal;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, Constrained)]
        #[constrained(pattern = $pattern)]
        pub struct $name(String);
    )*};
}

id_shape! {
    /// Deadline `FarmId`.
    FarmId = "farm-[0-9a-f]{32}";
    /// Deadline `FleetId`.
    FleetId = "fleet-[0-9a-f]{32}";
    /// Deadline `WorkerId`.
    WorkerId = "worker-[0-9a-f]{32}";
    /// Deadline `QueueId`.
    QueueId = "queue-[0-9a-f]{32}";
    /// Deadline `JobId`.
    JobId = "job-[0-9a-f]{32}";
    /// Deadline `SessionId`.
    SessionId = "session-[0-9a-f]{32}";
    /// Deadline `StepId`.
    StepId = "step-[0-9a-f]{32}";
    /// Deadline `LimitId`.
    LimitId = "limit-[0-9a-f]{32}";
    /// Deadline `SessionActionId`.
    SessionActionId = "sessionaction-[0-9a-f]{32}-(0|([1-9][0-9]{0,9}))";
    /// Deadline `TaskId`.
    TaskId = "task-[0-9a-f]{32}-(0|([1-9][0-9]{0,9}))";
    /// Deadline `HostName`.
    HostName = r"[a-zA-Z0-9_\.\-]{0,255}";
    /// Deadline `IpV4Address`.
    IpV4Address = r"(?:[0-9]{1,3}\.){3}[0-9]{1,3}";
    /// Deadline `IpV6Address`.
    IpV6Address = "(?:[A-F0-9]{1,4}:){7}[A-F0-9]{1,4}";
    /// Glue `PythonVersionString`.
    PythonVersionString = "^([2-3]|3[.]9)$";
}

/// Deadline `EnvironmentId`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Constrained)]
#[constrained(
    length(min = 1, max = 1024),
    pattern = "(STEP:step-[0-9a-f]{32}:.*)|(JOB:job-[0-9a-f]{32}:.*)"
)]
pub struct EnvironmentId(String);

/// Deadline `IntString`.
#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(length(min = 1, max = 20), pattern = "[-]?(0|[1-9][0-9]*)")]
pub struct IntString(String);

/// Deadline `FloatString`.
#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(
    length(min = 1, max = 26),
    pattern = "[-]?(0|[1-9][0-9]*)([.][0-9]+)?([eE][+-]?[0-9]+)?"
)]
pub struct FloatString(String);

/// Deadline `NextToken`.
#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(length(min = 0, max = 4096))]
pub struct NextToken(String);

/// Deadline `MaxResults`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Constrained)]
#[constrained(range(min = 1, max = 100))]
pub struct MaxResults(i32);

/// Deadline `MinOneMaxInteger`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Constrained)]
#[constrained(range(min = 1, max = 2147483647))]
pub struct MinOneMaxInteger(i32);

/// Deadline `ProcessExitCode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Constrained)]
#[constrained(range(min = -2147483648, max = 2147483647))]
pub struct ProcessExitCode(i32);

/// Deadline `SessionActionProgressPercent`.
#[derive(Debug, Clone, Copy, PartialEq, Constrained)]
#[constrained(range(min = 0, max = 100))]
pub struct SessionActionProgressPercent(f32);

/// Deadline `SessionActionProgressMessage`.
#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(sensitive, length(min = 0, max = 4096))]
pub struct SessionActionProgressMessage(String);

/// Deadline `SessionLifecycleStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Constrained)]
#[constrained(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SessionLifecycleStatus {
    /// `STARTED`
    Started,
    /// `UPDATE_IN_PROGRESS`
    UpdateInProgress,
    /// `UPDATE_SUCCEEDED`
    UpdateSucceeded,
    /// `UPDATE_FAILED`
    UpdateFailed,
    /// `ENDED`
    Ended,
}

/// Deadline `SessionActionStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Constrained)]
#[constrained(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SessionActionStatus {
    /// `ASSIGNED`
    Assigned,
    /// `RUNNING`
    Running,
    /// `CANCELING`
    Canceling,
    /// `SUCCEEDED`
    Succeeded,
    /// `FAILED`
    Failed,
    /// `INTERRUPTED`
    Interrupted,
    /// `CANCELED`
    Canceled,
    /// `NEVER_ATTEMPTED`
    NeverAttempted,
    /// `SCHEDULED`
    Scheduled,
    /// `RECLAIMING`
    Reclaiming,
    /// `RECLAIMED`
    Reclaimed,
}

/// Glue `OrchestrationToken` (the Glue `NextToken`).
#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(length(max = 400000))]
pub struct OrchestrationToken(String);

/// Glue `PageSize` (the Glue `MaxResults`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Constrained)]
#[constrained(range(min = 1, max = 1000))]
pub struct PageSize(i32);

/// Glue `OrchestrationNameString` (`RequestOrigin`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Constrained)]
#[constrained(length(min = 1, max = 128), pattern = r"[\.\-_A-Za-z0-9]+")]
pub struct OrchestrationNameString(String);

/// Glue `NameString` (the `Ids` members): Java surrogate-pair syntax, verbatim from the model.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Constrained)]
#[constrained(
    length(min = 1, max = 255),
    pattern = r"[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDC00-\uDBFF\uDFFF\t]*"
)]
pub struct NameString(String);

/// Glue `DescriptionString`.
#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(
    length(min = 0, max = 2048),
    pattern = r"[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDC00-\uDBFF\uDFFF\r\n\t]*"
)]
pub struct DescriptionString(String);

/// Glue `GlueVersionString`.
#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(length(min = 1, max = 255), pattern = r"^((\w+\.)+\w+|auto)$")]
pub struct GlueVersionString(String);

/// Glue `OrchestrationRoleArn`.
#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(
    length(min = 20, max = 2048),
    pattern = "arn:aws[^:]*:iam::[0-9]*:role/.+"
)]
pub struct OrchestrationRoleArn(String);

/// Glue `SessionIdList`: a list of `NameString`s.
#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
pub struct SessionIdList(Vec<NameString>);

/// Glue `TagsMap`.
#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(
    length(min = 0, max = 50),
    key(length(min = 1, max = 128)),
    value(length(min = 0, max = 256))
)]
pub struct TagsMap(HashMap<String, String>);

/// Glue `OrchestrationArgumentsMap`: its keys are `OrchestrationNameString`s.
#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(
    length(min = 0, max = 75),
    value(
        length(min = 0, max = 4096),
        pattern = r"[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDC00-\uDBFF\uDFFF\r\n\t]*"
    )
)]
pub struct OrchestrationArgumentsMap(HashMap<OrchestrationNameString, String>);

/// Glue `ConnectionStringList`.
#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(length(max = 1000), item(length(max = 255)))]
pub struct ConnectionStringList(Vec<String>);

/// Glue `WorkerType`: wire values that are not identifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Constrained)]
pub enum WorkerType {
    /// `Standard`
    Standard,
    /// `G.1X`
    #[constrained(rename = "G.1X")]
    G1X,
    /// `G.2X`
    #[constrained(rename = "G.2X")]
    G2X,
    /// `G.4X`
    #[constrained(rename = "G.4X")]
    G4X,
    /// `G.8X`
    #[constrained(rename = "G.8X")]
    G8X,
    /// `G.025X`
    #[constrained(rename = "G.025X")]
    G025X,
    /// `Z.2X`
    #[constrained(rename = "Z.2X")]
    Z2X,
    /// `G.12X`
    #[constrained(rename = "G.12X")]
    G12X,
    /// `G.16X`
    #[constrained(rename = "G.16X")]
    G16X,
    /// `R.1X`
    #[constrained(rename = "R.1X")]
    R1X,
    /// `R.2X`
    #[constrained(rename = "R.2X")]
    R2X,
    /// `R.4X`
    #[constrained(rename = "R.4X")]
    R4X,
    /// `R.8X`
    #[constrained(rename = "R.8X")]
    R8X,
}

/// Glue `SessionStatus`, open to values added later: unknown values land in `Unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Constrained)]
#[constrained(rename_all = "UPPERCASE")]
pub enum SessionStatus {
    /// `PROVISIONING`
    Provisioning,
    /// `READY`
    Ready,
    /// `FAILED`
    Failed,
    /// `TIMEOUT`
    Timeout,
    /// `STOPPING`
    Stopping,
    /// `STOPPED`
    Stopped,
    /// A value this version does not know.
    #[constrained(other)]
    Unknown(String),
}
