//! The AWS Deadline Cloud session APIs as constrained types, validated at the service boundary.

pub mod deadline;
