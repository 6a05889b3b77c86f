//! Constrained types that exercise the grammar forms the AWS model in `examples/` does not need:
//! `key(…)`, `value(…)` and `item(…)` rules on `String` elements, and an enum open to values added
//! later. They are shaped after Glue's `TagsMap`, `OrchestrationArgumentsMap`,
//! `ConnectionStringList` and `SessionStatus`; the integration tests in `tests/` use them beside
//! the model's own types.
//!
//! This library depends on `constrained` alone (no serde, no regex): that it builds proves
//! generated code reaches everything it needs through `::constrained::__private`.

use constrained::Constrained;
use std::collections::HashMap;

/// Glue `TagsMap`, with its key and value rules written on the map.
#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(
    length(min = 0, max = 50),
    key(length(min = 1, max = 128)),
    value(length(min = 0, max = 256))
)]
pub struct TagsMap(HashMap<String, String>);

/// Glue `OrchestrationNameString`, the keys of `OrchestrationArgumentsMap`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Constrained)]
#[constrained(length(min = 1, max = 128), pattern = r"[\.\-_A-Za-z0-9]+")]
pub struct OrchestrationNameString(String);

/// Glue `OrchestrationArgumentsMap`: constrained keys, and `value(…)` rules on `String` values.
#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(
    length(min = 0, max = 75),
    value(
        length(min = 0, max = 4096),
        pattern = r"[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDC00-\uDBFF\uDFFF\r\n\t]*"
    )
)]
pub struct OrchestrationArgumentsMap(HashMap<OrchestrationNameString, String>);

/// Glue `ConnectionStringList`, with its item rules written on the list.
#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(length(max = 1000), item(length(max = 255)))]
pub struct ConnectionStringList(Vec<String>);

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

/// A name checked by a function of this crate, with its input trimmed first: proves `check`,
/// `sanitize` and `default` expand to code that needs no dependency but `constrained`.
#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(
    sanitize(trim),
    length(min = 1, max = 32),
    check = not_reserved,
    crate = "::constrained"
)]
pub struct AccountName(String);

/// A page size with a checked default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Constrained)]
#[constrained(range(min = 1, max = 100), default = 25)]
pub struct PageSize(u8);

/// The first page, checked when this crate compiles.
pub const FIRST_PAGE: PageSize = constrained::literal!(PageSize, 1);

fn not_reserved(name: &str) -> Result<(), &'static str> {
    if name.eq_ignore_ascii_case("root") {
        Err("Member must not be a reserved name")
    } else {
        Ok(())
    }
}
