//! What checked literals (`constrained::literal!`) share across families: the compile error of a
//! literal that breaks a rule, and of a type whose rules no `const` evaluation can run.

use crate::ast::Container;

/// The message of a literal that breaks `rule` (as written) of the type.
pub fn breaks(container: &Container, rule: &str) -> String {
    format!(
        "this literal breaks the rule `{rule}` of `{}`",
        container.ident
    )
}

/// Why the type's literals cannot be checked at compile time, if they cannot: a custom `check`
/// or sanitizers run code `const` evaluation cannot.
pub fn unsupported(container: &Container) -> Option<String> {
    let ident = container.ident;
    let what = if container.rules.check.is_some() {
        "a custom `check` rule"
    } else if container.rules.sanitize.is_some() {
        "`sanitize(…)`"
    } else {
        return None;
    };
    Some(format!(
        "`literal!` cannot check `{ident}` at compile time: it has {what}, which only runs at run \
         time; build the value with `{ident}::new`"
    ))
}
