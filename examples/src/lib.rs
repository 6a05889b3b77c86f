//! The AWS Deadline Cloud and Glue session APIs as constrained types, and what the `validate`
//! program needs: a registry of every shape by name, and the renderings of its answers.

pub mod deadline;
pub mod generated;
pub mod glue;
pub mod output;
pub mod service;
pub mod shapes;
pub mod timestamp;

/// Calls `$callback!` with every constrained type of the model (newtypes and enums), as paths
/// from this crate: the list the per-type property tests share.
#[macro_export]
macro_rules! constrained_shapes {
    ($callback:ident) => {
        $callback! {
            $crate::deadline::FarmId, $crate::deadline::FleetId, $crate::deadline::WorkerId,
            $crate::deadline::QueueId, $crate::deadline::JobId, $crate::deadline::SessionId,
            $crate::deadline::StepId, $crate::deadline::LimitId, $crate::deadline::SessionActionId,
            $crate::deadline::TaskId, $crate::deadline::IpV4Address, $crate::deadline::IpV6Address,
            $crate::deadline::HostName, $crate::deadline::EnvironmentId,
            $crate::deadline::IntString, $crate::deadline::FloatString,
            $crate::deadline::ParameterString, $crate::deadline::PathString,
            $crate::deadline::InstanceType, $crate::deadline::LogDriver,
            $crate::deadline::LogError, $crate::deadline::NextToken,
            $crate::deadline::SessionActionProgressMessage, $crate::deadline::MaxResults,
            $crate::deadline::MinOneMaxInteger, $crate::deadline::ProcessExitCode,
            $crate::deadline::SessionActionProgressPercent,
            $crate::deadline::SessionActionStatus, $crate::deadline::SessionLifecycleStatus,
            $crate::deadline::SessionLifecycleTargetStatus, $crate::deadline::TaskParameters,
            $crate::glue::NameString, $crate::glue::DescriptionString,
            $crate::glue::OrchestrationArgumentsValue, $crate::glue::OrchestrationNameString,
            $crate::glue::OrchestrationRoleArn, $crate::glue::GlueVersionString,
            $crate::glue::PythonVersionString, $crate::glue::OrchestrationToken,
            $crate::glue::ConnectionString, $crate::glue::ConnectionStringList,
            $crate::glue::TagKey, $crate::glue::TagValue, $crate::glue::TagsMap,
            $crate::glue::OrchestrationArgumentsMap, $crate::glue::PageSize,
            $crate::glue::SessionStatus, $crate::glue::SessionType, $crate::glue::WorkerType,
        }
    };
}
