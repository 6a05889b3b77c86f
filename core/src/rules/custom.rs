//! `CustomRule`: a `check = path` rule, the type's own function run after the built-in rules,
//! whose refusal becomes a violation like any other.

use crate::document::reject::reject;
use crate::document::session;
use crate::violation::{Rule, Violation};
use serde::Deserializer;

/// A user's check of a whole value, with the path it was written as.
pub struct CustomRule<T: 'static> {
    /// The function's path as written (`crate::reserved_names`), named in messages of sensitive
    /// types, whose own message is never shown.
    pub name: &'static str,
    /// The function: `Err(message)` refuses the value.
    pub check: fn(&T) -> Result<(), String>,
    /// Whether the message and the value are withheld.
    pub sensitive: bool,
    /// The value as text for classic messages (`Value 'x' at …`), for strings and numbers.
    pub echo: Option<fn(&T) -> String>,
}

impl<T> CustomRule<T> {
    /// Runs the check on `value`.
    pub fn check(&self, value: &T) -> Result<(), Violation> {
        (self.check)(value).map_err(|message| {
            let violation = Violation::new(Rule::Custom {
                check: self.name,
                message: (!self.sensitive).then(|| message.into_boxed_str()),
            });
            match self.echo {
                Some(echo) if !self.sensitive => violation.with_value(&echo(value), false),
                _ => violation,
            }
        })
    }
}

/// Reads a value with `read` (which enforces the built-in rules), then runs `rule` on it — only
/// when reading rejected nothing inside it, so a report never holds a custom violation of a
/// placeholder.
pub fn deserialize_checked<'de, D, T>(
    deserializer: D,
    read: impl FnOnce(D) -> Result<T, D::Error>,
    rule: &'static CustomRule<T>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    let before = session::recorded_count();
    let value = read(deserializer)?;
    if session::recorded_count() == before
        && let Err(violation) = rule.check(&value)
    {
        reject(violation)?;
    }
    Ok(value)
}
