//! AWS Glue (API version 2017-03-31): every shape reachable from ListSessions, with the
//! constraints of the service model.
//!
//! Members keep the model's (PascalCase) wire names. No member is required at any depth, so every
//! member is an `Option`. Timestamps are epoch seconds, the awsJson1.1 default.

use crate::timestamp::EpochSeconds;
use constrained::Constrained;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The name, ID or similar of a Glue resource: any text but most control characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Constrained)]
#[constrained(
    length(min = 1, max = 255),
    pattern = r"[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDC00-\uDBFF\uDFFF\t]*"
)]
pub struct NameString(String);

/// A description: any text but most control characters, line breaks allowed.
#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(
    length(min = 0, max = 2048),
    pattern = r"[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDC00-\uDBFF\uDFFF\r\n\t]*"
)]
pub struct DescriptionString(String);

/// A value of the default arguments.
#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(
    length(min = 0, max = 4096),
    pattern = r"[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDC00-\uDBFF\uDFFF\r\n\t]*"
)]
pub struct OrchestrationArgumentsValue(String);

/// The name of a request origin or argument.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Constrained)]
#[constrained(length(min = 1, max = 128), pattern = r"[\.\-_A-Za-z0-9]+")]
pub struct OrchestrationNameString(String);

/// An IAM role ARN.
#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(
    length(min = 20, max = 2048),
    pattern = "arn:aws[^:]*:iam::[0-9]*:role/.+"
)]
pub struct OrchestrationRoleArn(String);

/// A Glue version (`4.0`, `auto`).
#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(length(min = 1, max = 255), pattern = r"^((\w+\.)+\w+|auto)$")]
pub struct GlueVersionString(String);

/// A Python version (`2`, `3`, `3.9`).
#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(pattern = "^([2-3]|3[.]9)$")]
pub struct PythonVersionString(String);

/// A pagination token.
#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(length(max = 400000))]
pub struct OrchestrationToken(String);

/// A connection name.
#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(length(max = 255))]
pub struct ConnectionString(String);

/// Connection names.
#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(length(max = 1000))]
pub struct ConnectionStringList(Vec<ConnectionString>);

/// A tag key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Constrained)]
#[constrained(length(min = 1, max = 128))]
pub struct TagKey(String);

/// A tag value.
#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(length(min = 0, max = 256))]
pub struct TagValue(String);

/// Tags, by key.
#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(length(min = 0, max = 50))]
pub struct TagsMap(HashMap<TagKey, TagValue>);

/// Default arguments of a session, by name.
#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(length(min = 0, max = 75))]
pub struct OrchestrationArgumentsMap(HashMap<OrchestrationNameString, OrchestrationArgumentsValue>);

/// The page size of ListSessions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Constrained)]
#[constrained(range(min = 1, max = 1000))]
pub struct PageSize(i32);

/// The status of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Constrained)]
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
}

/// The kind of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Constrained)]
#[constrained(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SessionType {
    /// `LIVY`
    Livy,
    /// `SPARK_CONNECT`
    SparkConnect,
}

/// The type of a session's workers.
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

/// A double.
pub type DoubleValue = f64;
/// A double that may be absent.
pub type NullableDouble = f64;
/// An integer that may be absent.
pub type NullableInteger = i32;
/// An idle timeout, in minutes.
pub type IdleTimeout = i32;
/// A timestamp, in epoch seconds.
pub type TimestampValue = EpochSeconds;
/// Session IDs.
pub type SessionIdList = Vec<NameString>;
/// Sessions.
pub type SessionList = Vec<Session>;

macro_rules! structure {
    ($(#[$doc:meta])* $name:ident { $($(#[$field_doc:meta])* $field:ident: $ty:ty,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(rename_all = "PascalCase")]
        pub struct $name {
            $(
                $(#[$field_doc])*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $field: Option<$ty>,
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
                    <Option<$ty> as crate::generated::Arbitrary>::valid(),
                    <Option<$ty> as crate::generated::Arbitrary>::near_miss(),
                )),*])
            }
        }
    };
}

structure! {
    /// The connections of a job.
    ConnectionsList {
        /// The connections.
        connections: ConnectionStringList,
    }
}

structure! {
    /// The command a session runs.
    SessionCommand {
        /// The command's name.
        name: NameString,
        /// The Python version.
        python_version: PythonVersionString,
    }
}

structure! {
    /// A remote Spark runtime environment.
    Session {
        /// Its ID.
        id: NameString,
        /// When it was created.
        created_on: TimestampValue,
        /// Its status.
        status: SessionStatus,
        /// Its error message.
        error_message: DescriptionString,
        /// Its description.
        description: DescriptionString,
        /// Its IAM role.
        role: OrchestrationRoleArn,
        /// Its command.
        command: SessionCommand,
        /// Its default arguments.
        default_arguments: OrchestrationArgumentsMap,
        /// Its connections.
        connections: ConnectionsList,
        /// Its progress.
        progress: DoubleValue,
        /// Its maximum capacity, in DPUs.
        max_capacity: NullableDouble,
        /// Its security configuration.
        security_configuration: NameString,
        /// Its Glue version.
        glue_version: GlueVersionString,
        /// Its number of workers.
        number_of_workers: NullableInteger,
        /// Its worker type.
        worker_type: WorkerType,
        /// When it completed.
        completed_on: TimestampValue,
        /// How long it ran, in seconds.
        execution_time: NullableDouble,
        /// The DPU seconds it consumed.
        #[serde(rename = "DPUSeconds")]
        dpu_seconds: NullableDouble,
        /// Its idle timeout, in minutes.
        idle_timeout: IdleTimeout,
        /// Its profile.
        profile_name: NameString,
        /// Its type.
        session_type: SessionType,
    }
}

structure! {
    /// The input of ListSessions.
    ListSessionsRequest {
        /// Where the previous page ended.
        next_token: OrchestrationToken,
        /// The page size.
        max_results: PageSize,
        /// Only sessions with these tags.
        tags: TagsMap,
        /// The origin of the request.
        request_origin: OrchestrationNameString,
    }
}

structure! {
    /// The output of ListSessions.
    ListSessionsResponse {
        /// The session IDs.
        ids: SessionIdList,
        /// The sessions.
        sessions: SessionList,
        /// Where this page ended.
        next_token: OrchestrationToken,
    }
}
