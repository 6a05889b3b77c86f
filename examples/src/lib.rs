//! The AWS Deadline Cloud and Glue session APIs as constrained types, and what the `validate`
//! program needs: a registry of every shape by name, and the renderings of its answers.

pub mod deadline;
pub mod generated;
pub mod glue;
pub mod output;
pub mod service;
pub mod shapes;
pub mod timestamp;
