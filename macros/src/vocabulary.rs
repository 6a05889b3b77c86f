//! The rule vocabulary: every key `#[constrained(…)]` accepts on a type, the families of inner
//! type it applies to, whether it may stand inside `key(…)`, `value(…)` or `item(…)`, how its
//! value is parsed and where the parsed rule is kept. Parsing, did-you-mean hints and the
//! applicability checks all read this one table.
//!
//! Adding a rule is a row in [`KEYS`] and a slot in [`Rules`] here, its expansion in the family's
//! module under `expand/`, and its runtime check in `constrained` (`core/src/rules/`, and the
//! wording of its violation in `core/src/violation.rs`).

use crate::attr::{self, LengthRule, PatternRule, RangeRule, Spanned};
use crate::case::RenameRule;
use crate::default_value::DefaultValue;
use crate::errors::Errors;
use crate::sanitize::Sanitizers;
use proc_macro2::Span;
use syn::meta::ParseNestedMeta;

/// The families of inner type a constrained type can have; each rule applies to some of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    Text,
    Blob,
    Number,
    List,
    Map,
    Enum,
}

impl Family {
    /// The family with an article, as messages name the type a rule was written on.
    pub fn describe(self) -> &'static str {
        match self {
            Family::Text => "a string",
            Family::Blob => "a blob",
            Family::Number => "a number",
            Family::List => "a list",
            Family::Map => "a map",
            Family::Enum => "an enum",
        }
    }

    fn plural(self) -> &'static str {
        match self {
            Family::Text => "strings",
            Family::Blob => "blobs",
            Family::Number => "numbers",
            Family::List => "lists",
            Family::Map => "maps",
            Family::Enum => "enums",
        }
    }
}

const ALL: &[Family] = &[
    Family::Text,
    Family::Blob,
    Family::Number,
    Family::List,
    Family::Map,
    Family::Enum,
];
const NEWTYPES: &[Family] = &[
    Family::Text,
    Family::Blob,
    Family::Number,
    Family::List,
    Family::Map,
];

/// The rules of a type, or of its keys, values or items: one slot per key of [`KEYS`].
#[derive(Default)]
pub struct Rules {
    pub pattern: Option<Spanned<PatternRule>>,
    pub length: Option<Spanned<LengthRule>>,
    pub range: Option<Spanned<RangeRule>>,
    pub key: Option<Spanned<Box<Rules>>>,
    pub value: Option<Spanned<Box<Rules>>>,
    pub item: Option<Spanned<Box<Rules>>>,
    pub sensitive: Option<Span>,
    pub unique_items: Option<Span>,
    pub rename_all: Option<Spanned<RenameRule>>,
    pub default: Option<Spanned<DefaultValue>>,
    pub check: Option<Spanned<syn::Path>>,
    pub sanitize: Option<Spanned<Sanitizers>>,
    pub krate: Option<Spanned<syn::Path>>,
}

impl Rules {
    /// What a failed derive keeps when it expands the type without its rules: the crate path,
    /// which the fallback impls need as much as the real ones. Not `sensitive`: its `Debug` would
    /// conflict with a derived one, which is itself one of the mistakes reported.
    pub fn without_rules(&mut self) {
        let krate = self.krate.take();
        *self = Rules {
            krate,
            ..Rules::default()
        };
    }
}

/// One key of the vocabulary.
pub struct RuleKey {
    /// The key as written: `pattern`, `length`…
    pub name: &'static str,
    /// The families of inner type it applies to.
    pub families: &'static [Family],
    /// Whether it may stand inside `key(…)`, `value(…)` or `item(…)`.
    pub on_elements: bool,
    /// What to write instead on a family the key does not apply to, if there is a better fit.
    pub instead: fn(Family) -> Option<&'static str>,
    /// Parses the key's value (the key itself is consumed) into its slot of `Rules`.
    pub parse: fn(&ParseNestedMeta, Span, &mut Rules, &mut Errors) -> syn::Result<()>,
    /// The span of the key, when it was written.
    pub written: fn(&Rules) -> Option<Span>,
}

fn no_hint(_: Family) -> Option<&'static str> {
    None
}

/// Every key a type's `#[constrained(…)]` accepts.
pub const KEYS: &[RuleKey] = &[
    RuleKey {
        name: "pattern",
        families: &[Family::Text],
        on_elements: true,
        instead: |family| match family {
            Family::List => Some("put it on the items, e.g. `item(pattern = \"…\")`"),
            Family::Map => Some("put it on the keys or values, e.g. `key(pattern = \"…\")`"),
            _ => None,
        },
        parse: |meta, span, rules, errors| {
            let rule = attr::pattern(meta, errors)?;
            attr::set(&mut rules.pattern, span, rule, "pattern", errors);
            Ok(())
        },
        written: |r| r.pattern.as_ref().map(|s| s.span),
    },
    RuleKey {
        name: "length",
        families: &[Family::Text, Family::Blob, Family::List, Family::Map],
        on_elements: true,
        instead: |family| match family {
            Family::Number => Some("bound a number with `range(min = …, max = …)`"),
            _ => None,
        },
        parse: |meta, span, rules, errors| {
            let rule = attr::length(meta, errors)?;
            attr::set(&mut rules.length, span, rule, "length", errors);
            Ok(())
        },
        written: |r| r.length.as_ref().map(|s| s.span),
    },
    RuleKey {
        name: "range",
        families: &[Family::Number],
        on_elements: true,
        instead: |family| match family {
            Family::Text | Family::Blob | Family::List | Family::Map => {
                Some("bound a length with `length(min = …, max = …)`")
            }
            _ => None,
        },
        parse: |meta, span, rules, errors| {
            let rule = attr::range(meta, errors)?;
            attr::set(&mut rules.range, span, rule, "range", errors);
            Ok(())
        },
        written: |r| r.range.as_ref().map(|s| s.span),
    },
    RuleKey {
        name: "key",
        families: &[Family::Map],
        on_elements: false,
        instead: |family| (family == Family::List).then_some("use `item(…)` on a list"),
        parse: |meta, span, rules, errors| {
            let element = attr::element(meta, errors)?;
            attr::set(&mut rules.key, span, element, "key", errors);
            Ok(())
        },
        written: |r| r.key.as_ref().map(|s| s.span),
    },
    RuleKey {
        name: "value",
        families: &[Family::Map],
        on_elements: false,
        instead: |family| (family == Family::List).then_some("use `item(…)` on a list"),
        parse: |meta, span, rules, errors| {
            let element = attr::element(meta, errors)?;
            attr::set(&mut rules.value, span, element, "value", errors);
            Ok(())
        },
        written: |r| r.value.as_ref().map(|s| s.span),
    },
    RuleKey {
        name: "item",
        families: &[Family::List],
        on_elements: false,
        instead: |family| (family == Family::Map).then_some("use `key(…)` and `value(…)` on a map"),
        parse: |meta, span, rules, errors| {
            let element = attr::element(meta, errors)?;
            attr::set(&mut rules.item, span, element, "item", errors);
            Ok(())
        },
        written: |r| r.item.as_ref().map(|s| s.span),
    },
    RuleKey {
        name: "unique_items",
        families: &[Family::List],
        on_elements: false,
        instead: no_hint,
        parse: |meta, span, rules, errors| {
            attr::flag(meta, &mut rules.unique_items, span, "unique_items", errors)
        },
        written: |r| r.unique_items,
    },
    RuleKey {
        name: "sensitive",
        families: ALL,
        on_elements: false,
        instead: no_hint,
        parse: |meta, span, rules, errors| {
            attr::flag(meta, &mut rules.sensitive, span, "sensitive", errors)
        },
        written: |r| r.sensitive,
    },
    RuleKey {
        name: "rename_all",
        families: &[Family::Enum],
        on_elements: false,
        instead: |_| Some("a newtype has no variants to rename"),
        parse: |meta, span, rules, errors| {
            if let Some(rule) = attr::rename_all(meta, errors)? {
                attr::set(&mut rules.rename_all, span, rule, "rename_all", errors);
            }
            Ok(())
        },
        written: |r| r.rename_all.as_ref().map(|s| s.span),
    },
    RuleKey {
        name: "default",
        families: &[Family::Text, Family::Number, Family::Enum],
        on_elements: false,
        instead: |_| Some("implement `Default` by hand, building the value with `new`"),
        parse: |meta, span, rules, errors| {
            let value = attr::default_value(meta)?;
            attr::set(&mut rules.default, span, value, "default", errors);
            Ok(())
        },
        written: |r| r.default.as_ref().map(|s| s.span),
    },
    RuleKey {
        name: "check",
        families: NEWTYPES,
        on_elements: false,
        instead: |family| (family == Family::Enum).then_some("an enum's rule is its set of values"),
        parse: |meta, span, rules, errors| {
            let path = attr::path_value(meta)?;
            attr::set(&mut rules.check, span, path, "check", errors);
            Ok(())
        },
        written: |r| r.check.as_ref().map(|s| s.span),
    },
    RuleKey {
        name: "sanitize",
        families: &[Family::Text],
        on_elements: false,
        instead: no_hint,
        parse: |meta, span, rules, errors| {
            let sanitizers = attr::sanitizers(meta, errors)?;
            attr::set(&mut rules.sanitize, span, sanitizers, "sanitize", errors);
            Ok(())
        },
        written: |r| r.sanitize.as_ref().map(|s| s.span),
    },
    RuleKey {
        name: "crate",
        families: ALL,
        on_elements: false,
        instead: no_hint,
        parse: |meta, span, rules, errors| {
            let path = attr::crate_path(meta)?;
            attr::set(&mut rules.krate, span, path, "crate", errors);
            Ok(())
        },
        written: |r| r.krate.as_ref().map(|s| s.span),
    },
];

/// The names of every key, for did-you-mean hints.
pub fn names() -> Vec<&'static str> {
    KEYS.iter().map(|key| key.name).collect()
}

/// The row of `name`, if it is a key.
pub fn find(name: &str) -> Option<&'static RuleKey> {
    KEYS.iter().find(|key| key.name == name)
}

impl RuleKey {
    /// Why the key cannot be written on `family`, and what to write instead.
    pub fn not_applicable(&self, family: Family) -> String {
        let name = self.name;
        let hint = (self.instead)(family).map_or_else(String::new, |hint| format!("; {hint}"));
        if family == Family::Enum {
            let takes = KEYS
                .iter()
                .filter(|key| key.families.contains(&Family::Enum))
                .map(|key| format!("`{}`", key.name))
                .collect::<Vec<_>>();
            return format!(
                "`{name}` does not apply to an enum, whose rule is its set of values; an enum \
                 takes {}",
                english_list(&takes)
            );
        }
        let families: Vec<String> = self
            .families
            .iter()
            .map(|f| f.plural().to_owned())
            .collect();
        format!(
            "`{name}` applies to {}, not to {}{hint}",
            english_list(&families),
            family.describe()
        )
    }
}

fn english_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_each_applies_somewhere() {
        let mut names = names();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), KEYS.len());
        assert!(KEYS.iter().all(|key| !key.families.is_empty()));
    }

    #[test]
    fn messages_name_the_families() {
        let range = find("range").unwrap();
        assert_eq!(
            range.not_applicable(Family::Text),
            "`range` applies to numbers, not to a string; bound a length with \
             `length(min = …, max = …)`"
        );
        let pattern = find("pattern").unwrap();
        assert!(
            pattern
                .not_applicable(Family::Enum)
                .ends_with("an enum takes `sensitive`, `rename_all`, `default` and `crate`")
        );
    }
}
