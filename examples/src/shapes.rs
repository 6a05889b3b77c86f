//! Every shape of the two APIs by name (`deadline.FarmId`, `glue.TagsMap`…), so a program can
//! validate a document as any of them.

use crate::{deadline, glue};
use constrained::DocumentError;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::fmt::Debug;

/// Which service a shape belongs to, which decides how errors are answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Service {
    /// AWS Deadline Cloud (restJson1).
    Deadline,
    /// AWS Glue (awsJson1.1).
    Glue,
}

/// A shape of the model, by name.
pub struct Shape {
    /// `deadline.<Shape>` or `glue.<Shape>`.
    pub name: &'static str,
    /// The service the shape belongs to.
    pub service: Service,
    validate: fn(&[u8]) -> Result<(), DocumentError>,
    round_trip: fn(&str) -> Result<(), String>,
    both: fn(&[u8]) -> Readings,
    generate: fn() -> Generated,
}

/// A shape's generated documents: valid ones, and near misses when the shape has a member that
/// can break a rule.
pub type Generated = (
    proptest::strategy::BoxedStrategy<serde_json::Value>,
    Option<proptest::strategy::BoxedStrategy<serde_json::Value>>,
);

/// What the two ways of reading a document make of it, values written back as JSON text: the
/// serde path (`serde_json::from_slice`, first error) and the report path
/// (`constrained::from_json_slice`).
pub struct Readings {
    /// The serde path: the value, or serde_json's error.
    pub serde: Result<String, serde_json::Error>,
    /// The report path: the value, or the report or malformation.
    pub report: Result<String, DocumentError>,
}

impl Shape {
    /// Validates a JSON document as this shape.
    pub fn validate(&self, json: &[u8]) -> Result<(), DocumentError> {
        (self.validate)(json)
    }

    /// Generated documents of this shape (see [`crate::generated`]).
    pub fn generated(&self) -> Generated {
        (self.generate)()
    }

    /// Reads `json` as this shape both ways, for comparing them.
    pub fn read_both(&self, json: &[u8]) -> Readings {
        (self.both)(json)
    }

    /// Reads a valid document as this shape, writes it back, and reads that again: `Ok` when the
    /// second value equals the first.
    pub fn round_trip(&self, json: &str) -> Result<(), String> {
        (self.round_trip)(json)
    }
}

fn validate_as<T: DeserializeOwned>(json: &[u8]) -> Result<(), DocumentError> {
    constrained::from_json_slice::<T>(json).map(|_| ())
}

fn generate_as<T: crate::generated::Arbitrary>() -> Generated {
    (T::valid(), T::near_miss())
}

fn both_as<T: DeserializeOwned + Serialize>(json: &[u8]) -> Readings {
    let written =
        |value: T| serde_json::to_string(&value).unwrap_or_else(|e| format!("unwritable: {e}"));
    Readings {
        serde: serde_json::from_slice::<T>(json).map(written),
        report: constrained::from_json_slice::<T>(json).map(written),
    }
}

fn round_trip_as<T: DeserializeOwned + Serialize + PartialEq + Debug>(
    json: &str,
) -> Result<(), String> {
    let first: T = constrained::from_json_str(json).map_err(|e| format!("read: {e}"))?;
    let written = serde_json::to_string(&first).map_err(|e| format!("write: {e}"))?;
    let second: T =
        constrained::from_json_str(&written).map_err(|e| format!("read back {written}: {e}"))?;
    if first == second {
        Ok(())
    } else {
        Err(format!("{first:?} became {second:?} through {written}"))
    }
}

macro_rules! registry {
    ($($service:ident => [$($name:ident),* $(,)?]),* $(,)?) => {
        /// Every shape, in the order of SHAPES.md.
        pub static SHAPES: &[Shape] = &[$($(
            Shape {
                name: concat!(stringify!($service), ".", stringify!($name)),
                service: registry!(@service $service),
                validate: validate_as::<$service::$name>,
                round_trip: round_trip_as::<$service::$name>,
                both: both_as::<$service::$name>,
                generate: generate_as::<$service::$name>,
            },
        )*)*];
    };
    (@service deadline) => { Service::Deadline };
    (@service glue) => { Service::Glue };
}

registry! {
    deadline => [
        AcquiredLimit, AcquiredLimits, EndedAt, EnvironmentEnterSessionActionDefinition,
        EnvironmentExitSessionActionDefinition, EnvironmentId, FarmId, FleetId, FloatString,
        GetSessionActionRequest, GetSessionActionResponse, GetSessionRequest, GetSessionResponse,
        HostName, HostPropertiesResponse, InstanceType, IntString, IpAddresses, IpV4Address,
        IpV4Addresses, IpV6Address, IpV6Addresses, JobId, LimitId, ListSessionsForWorkerRequest,
        ListSessionsForWorkerResponse, ListSessionsForWorkerSummaries, ListSessionsRequest,
        ListSessionsResponse, LogConfiguration, LogDriver, LogError, LogOptions, LogParameters,
        MaxResults, MinOneMaxInteger, NextToken, ParameterString, PathString, ProcessExitCode,
        QueueId, SessionActionDefinition, SessionActionId, SessionActionProgressMessage,
        SessionActionProgressPercent, SessionActionStatus, SessionId, SessionLifecycleStatus,
        SessionLifecycleTargetStatus, SessionSummaries, SessionSummary, StartedAt, StepId, String,
        SyncInputJobAttachmentsSessionActionDefinition, TaskId, TaskParameterValue, TaskParameters,
        TaskRunManifestPropertiesListResponse, TaskRunManifestPropertiesResponse,
        TaskRunSessionActionDefinition, Timestamp, UpdatedAt, UpdatedBy, WorkerId,
        WorkerSessionSummary,
    ],
    glue => [
        ConnectionString, ConnectionStringList, ConnectionsList, DescriptionString, DoubleValue,
        GlueVersionString, IdleTimeout, ListSessionsRequest, ListSessionsResponse, NameString,
        NullableDouble, NullableInteger, OrchestrationArgumentsMap, OrchestrationArgumentsValue,
        OrchestrationNameString, OrchestrationRoleArn, OrchestrationToken, PageSize,
        PythonVersionString, Session, SessionCommand, SessionIdList, SessionList, SessionStatus,
        SessionType, TagKey, TagValue, TagsMap, TimestampValue, WorkerType,
    ],
}

/// The shape named `name`.
pub fn find(name: &str) -> Option<&'static Shape> {
    SHAPES.iter().find(|shape| shape.name == name)
}
