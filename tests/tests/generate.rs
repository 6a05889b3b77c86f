//! The `proptest` feature's strategies, over every constrained type of the model: generated valid
//! values always validate (through serde and through a report), and near misses never do.

use constrained::generate::Generate;
use examples::{deadline, glue};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, TestRunner};
use serde::Serialize;
use serde::de::DeserializeOwned;

const CASES: u32 = 64;

/// Checks `T`'s strategies; returns how many values were generated.
fn holds<T: Generate + Serialize + DeserializeOwned>(name: &str) -> usize {
    let mut runner = TestRunner::new(Config {
        cases: CASES,
        ..Config::default()
    });
    let valid = T::valid();
    let near_miss = T::near_miss();
    for _ in 0..CASES {
        let value = valid
            .new_tree(&mut runner)
            .unwrap_or_else(|e| panic!("{name}: no valid value: {e}"))
            .current()
            .0;
        let json = serde_json::to_string(&value).unwrap();
        assert!(
            constrained::from_json_str::<T>(&json).is_ok(),
            "{name}: the generated {json} does not validate"
        );
        let miss = near_miss
            .new_tree(&mut runner)
            .unwrap_or_else(|e| panic!("{name}: no near miss: {e}"))
            .current();
        assert!(
            serde_json::from_value::<T>(miss.clone()).is_err(),
            "{name}: the near miss {miss} validates"
        );
    }
    2 * CASES as usize
}

macro_rules! check {
    ($($service:ident :: $name:ident),* $(,)?) => {{
        let mut generated = 0;
        $(generated += holds::<$service::$name>(concat!(stringify!($service), ".", stringify!($name)));)*
        generated
    }};
}

#[test]
fn generated_values_validate_and_near_misses_do_not() {
    let generated = check![
        deadline::FarmId,
        deadline::FleetId,
        deadline::WorkerId,
        deadline::QueueId,
        deadline::JobId,
        deadline::SessionId,
        deadline::SessionActionId,
        deadline::StepId,
        deadline::TaskId,
        deadline::EnvironmentId,
        deadline::IntString,
        deadline::FloatString,
        deadline::ParameterString,
        deadline::PathString,
        deadline::InstanceType,
        deadline::LogDriver,
        deadline::LogError,
        deadline::NextToken,
        deadline::SessionActionProgressMessage,
        deadline::MaxResults,
        deadline::MinOneMaxInteger,
        deadline::ProcessExitCode,
        deadline::SessionActionProgressPercent,
        deadline::SessionActionStatus,
        deadline::SessionLifecycleStatus,
        deadline::SessionLifecycleTargetStatus,
        glue::NameString,
        glue::DescriptionString,
        glue::OrchestrationArgumentsValue,
        glue::OrchestrationNameString,
        glue::OrchestrationRoleArn,
        glue::GlueVersionString,
        glue::PythonVersionString,
        glue::OrchestrationToken,
        glue::ConnectionString,
        glue::ConnectionStringList,
        glue::TagKey,
        glue::TagValue,
        glue::TagsMap,
        glue::OrchestrationArgumentsMap,
        glue::PageSize,
        glue::SessionStatus,
        glue::SessionType,
        glue::WorkerType,
    ];
    assert_eq!(generated, 44 * 2 * CASES as usize);
}
