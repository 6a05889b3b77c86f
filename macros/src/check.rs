//! Cross-rule checks of the parsed model. Each function states one rule of the grammar and why it
//! holds; all report into the same `Errors`, so every mistake surfaces in one compile. Expansion
//! runs only when none was found.

use crate::ast::{Body, Container, Newtype, Variant};
use crate::attr::{LengthRule, NumberBound, NumberValue, RangeRule, Spanned};
use crate::default_value::DefaultValue;
use crate::errors::Errors;
use crate::inner_type::{Element, InnerType, Primitive};
use crate::vocabulary::{Family, KEYS, Rules};
use std::collections::HashMap;

pub fn container(container: &Container, errors: &mut Errors) {
    not_generic(container, errors);
    match &container.body {
        Body::Newtype(newtype) => {
            field_is_private(newtype, errors);
            inner_type_is_supported(newtype, errors);
            newtype_rules(&container.rules, &newtype.inner, errors);
            sanitizers(&container.rules, errors);
            newtype_default(&container.rules, &newtype.inner, errors);
        }
        Body::Enum(variants) => {
            applicable(&container.rules, Family::Enum, errors);
            enum_variants(container, variants, errors);
            enum_default(&container.rules, variants, errors);
        }
        Body::Invalid => {}
    }
    sensitive_is_not_derived_debug(container, errors);
}

/// A `sensitive` type gets a `Debug` from this derive that never shows the value; a derived
/// `Debug` would print it (and conflict with ours), so it is refused where it is written.
fn sensitive_is_not_derived_debug(container: &Container, errors: &mut Errors) {
    if container.rules.sensitive.is_none() {
        return;
    }
    for attr in &container.input.attrs {
        if !attr.path().is_ident("derive") {
            continue;
        }
        let _ = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("Debug")
                || meta
                    .path
                    .segments
                    .last()
                    .is_some_and(|s| s.ident == "Debug")
            {
                errors.spanned(
                    &meta.path,
                    "a `sensitive` type gets its `Debug` from `Constrained`, which prints \
                     `Name(*** sensitive ***)`; remove `Debug` from this derive",
                );
            }
            Ok(())
        });
    }
}

/// `lowercase` and `uppercase` undo each other, and `sanitize()` with none does nothing.
fn sanitizers(rules: &Rules, errors: &mut Errors) {
    let Some(sanitize) = &rules.sanitize else {
        return;
    };
    let s = &sanitize.value;
    if let (Some(_), Some(upper)) = (s.lowercase, s.uppercase) {
        errors.at(
            upper,
            "`lowercase` and `uppercase` cannot both apply; keep one of them",
        );
    }
    if s.trim.is_none() && s.lowercase.is_none() && s.uppercase.is_none() && !s.malformed {
        errors.at(
            sanitize.span,
            "`sanitize` needs at least one of `trim`, `lowercase`, `uppercase`, e.g. \
             `sanitize(trim)`",
        );
    }
}

/// A default must be a value of the type: checked here, against every rule, so `Default` can
/// never build an invalid value.
fn newtype_default(rules: &Rules, inner: &InnerType, errors: &mut Errors) {
    let Some(default) = &rules.default else {
        return;
    };
    let tokens = default.value.tokens();
    if rules.check.is_some() {
        errors.spanned(
            &tokens,
            "a default cannot be checked against a custom `check` rule, which only runs at run \
             time; implement `Default` by hand, building the value with `new`",
        );
        return;
    }
    match (&default.value, inner) {
        (DefaultValue::Text(literal), InnerType::Text) => {
            let text = literal.value();
            if let Some(sanitize) = &rules.sanitize {
                let sanitized = sanitize.value.apply(&text);
                if sanitized != text {
                    errors.spanned(
                        literal,
                        format!("write the default as `sanitize` leaves it: {sanitized:?}"),
                    );
                    return;
                }
            }
            if let Some(length) = &rules.length {
                let chars = text.chars().count();
                let LengthRule { min, max, .. } = &length.value;
                if min.as_ref().is_some_and(|m| chars < m.value)
                    || max.as_ref().is_some_and(|m| chars > m.value)
                {
                    errors.spanned(
                        literal,
                        format!(
                            "the default has length {chars}, which breaks the rule `{}`",
                            crate::expand::length_as_written(&length.value)
                        ),
                    );
                }
            }
            if let Some(pattern) = &rules.pattern
                && let Some(compiled) = &pattern.value.compiled
            {
                match &compiled.tables {
                    Some(tables) if !tables.matches(&text) => errors.spanned(
                        literal,
                        format!(
                            "the default does not match the rule `pattern = {:?}`",
                            pattern.value.source
                        ),
                    ),
                    Some(_) => {}
                    None => errors.spanned(
                        literal,
                        "this pattern is past the compile-time automaton's budget, so a default \
                         cannot be checked against it; implement `Default` by hand",
                    ),
                }
            }
        }
        (DefaultValue::Number(bound), InnerType::Number(primitive)) => {
            if !bound_fits(bound, *primitive, errors) {
                return;
            }
            if let Some(range) = &rules.range {
                let RangeRule { min, max, .. } = &range.value;
                let below = min.as_ref().is_some_and(|m| m.value.exceeds(bound.value));
                let above = max.as_ref().is_some_and(|m| bound.value.exceeds(m.value));
                if below || above {
                    errors.spanned(
                        &bound.tokens,
                        format!(
                            "the default {} breaks the rule `{}`",
                            bound.text,
                            crate::expand::range_as_written(&range.value)
                        ),
                    );
                }
            }
        }
        (DefaultValue::Text(_), InnerType::Number(_)) => errors.spanned(
            &tokens,
            "the inner type is a number: write the default as a number, e.g. `default = 25`",
        ),
        (DefaultValue::Number(_), InnerType::Text) => errors.spanned(
            &tokens,
            "the inner type is a string: write the default as a string, e.g. `default = \"…\"`",
        ),
        // `default` on other families is reported by the vocabulary's applicability check.
        _ => {}
    }
}

/// An enum's default is one of its values, written as on the wire.
fn enum_default(rules: &Rules, variants: &[Variant], errors: &mut Errors) {
    let Some(default) = &rules.default else {
        return;
    };
    let values: Vec<&str> = variants
        .iter()
        .filter(|v| !v.is_catch_all())
        .map(|v| v.wire.as_str())
        .collect();
    match &default.value {
        DefaultValue::Text(literal) if values.contains(&literal.value().as_str()) => {}
        value => errors.spanned(
            value.tokens(),
            format!(
                "the default of an enum is one of its wire values: {}",
                values
                    .iter()
                    .map(|v| format!("{v:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ),
    }
}

/// Whether the type's impls can be generated with its rules left out: its shape (a private or
/// public one-field newtype over a supported type, or an enum of values with at most one valid
/// catch-all) is sound, so only its rules are wrong.
pub fn expandable_without_rules(container: &Container) -> bool {
    if !container.input.generics.params.is_empty() {
        return false;
    }
    match &container.body {
        Body::Newtype(newtype) => !matches!(newtype.inner, InnerType::Unsupported),
        Body::Enum(variants) => {
            let catch_alls: Vec<&Variant> = variants.iter().filter(|v| v.is_catch_all()).collect();
            let sound_catch_all = catch_alls.iter().all(|v| v.holds_one_string());
            catch_alls.len() <= 1
                && sound_catch_all
                && variants.len() > catch_alls.len()
                && variants
                    .iter()
                    .all(|v| v.is_catch_all() || matches!(v.variant.fields, syn::Fields::Unit))
        }
        Body::Invalid => false,
    }
}

/// Rules are fixed per type; a generic parameter could not be given a pattern or a bound.
fn not_generic(container: &Container, errors: &mut Errors) {
    let generics = &container.input.generics;
    if !generics.params.is_empty() {
        errors.spanned(
            generics,
            "a constrained type cannot be generic; declare one type per inner type",
        );
    }
}

/// A public field would let anyone build or mutate a value without validation.
fn field_is_private(newtype: &Newtype, errors: &mut Errors) {
    if !matches!(newtype.field.vis, syn::Visibility::Inherited) {
        errors.spanned(
            &newtype.field.vis,
            "the inner field of a constrained type must be private, or anyone could build an \
             invalid value; remove the visibility and use `new`, `as_inner` and `into_inner`",
        );
    }
}

fn inner_type_is_supported(newtype: &Newtype, errors: &mut Errors) {
    if matches!(newtype.inner, InnerType::Unsupported) {
        errors.spanned(
            newtype.ty,
            "unsupported inner type; a constrained type wraps `String`, a primitive integer, \
             `f32`, `f64`, `constrained::Blob`, `Vec<T>`, `HashMap<K, V>` or `BTreeMap<K, V>`, \
             named as such: the derive reads the type as written, so it does not see through a \
             type alias (write the type itself), and `Box<str>` or `&str` are not supported \
             (use `String`)",
        );
    }
}

/// Each rule applies to some families of inner type (the vocabulary says which); anything else is
/// a mistake worth naming, with what to write instead.
fn applicable(rules: &Rules, family: Family, errors: &mut Errors) {
    for key in KEYS {
        if let Some(span) = (key.written)(rules)
            && !key.families.contains(&family)
        {
            errors.at(span, key.not_applicable(family));
        }
    }
}

fn newtype_rules(rules: &Rules, inner: &InnerType, errors: &mut Errors) {
    let Some(family) = inner.family() else {
        return;
    };
    applicable(rules, family, errors);
    bounds(rules, inner, errors);
    match inner {
        InnerType::List { item } => element_rules(rules.item.as_ref(), item, errors),
        InnerType::Map { key, value } => {
            element_rules(rules.key.as_ref(), key, errors);
            element_rules(rules.value.as_ref(), value, errors);
        }
        _ => {}
    }
}

/// The bounds of `length` and `range`, where they apply.
fn bounds(rules: &Rules, inner: &InnerType, errors: &mut Errors) {
    if let Some(length) = &rules.length
        && !matches!(inner, InnerType::Number(_))
    {
        length_bounds(length, errors);
    }
    if let (Some(range), InnerType::Number(primitive)) = (&rules.range, inner) {
        range_bounds(range, *primitive, errors);
    }
}

/// Element rules are one level deep: a nested collection or a self-validating type carries its
/// own rules on its own declaration.
fn element_rules(rules: Option<&Spanned<Box<Rules>>>, element: &Element, errors: &mut Errors) {
    let Some(Spanned { span, value: rules }) = rules else {
        return;
    };
    let inner = match element {
        Element::Text => InnerType::Text,
        Element::Number(p) => InnerType::Number(*p),
        Element::Other => {
            errors.at(
                *span,
                "element rules apply to `String` and number elements; this element type \
                 carries its own rules: declare them on it with `#[derive(Constrained)]`",
            );
            return;
        }
    };
    let Some(family) = inner.family() else {
        return;
    };
    for key in KEYS {
        let Some(span) = (key.written)(rules) else {
            continue;
        };
        if !key.on_elements {
            errors.at(
                span,
                format!(
                    "`{}` cannot be used on an element; put it on the constrained type itself",
                    key.name
                ),
            );
        } else if !key.families.contains(&family) {
            errors.at(span, key.not_applicable(family));
        }
    }
    bounds(rules, &inner, errors);
}

/// A length needs a bound, and `min` above `max` admits nothing.
fn length_bounds(length: &Spanned<LengthRule>, errors: &mut Errors) {
    match (&length.value.min, &length.value.max) {
        (None, None) if length.value.malformed => {}
        (None, None) => errors.at(
            length.span,
            "`length` needs `min`, `max` or both, e.g. `length(min = 1, max = 128)`",
        ),
        (Some(min), Some(max)) if min.value > max.value => errors.at(
            min.span,
            format!(
                "`min = {}` is greater than `max = {}`, so no value could satisfy this length",
                min.value, max.value
            ),
        ),
        _ => {}
    }
}

/// A range needs a bound; each must fit the inner type and be finite; `min` must not exceed `max`.
fn range_bounds(range: &Spanned<RangeRule>, primitive: Primitive, errors: &mut Errors) {
    let RangeRule {
        min,
        max,
        malformed,
    } = &range.value;
    if min.is_none() && max.is_none() {
        if *malformed {
            return;
        }
        errors.at(
            range.span,
            "`range` needs `min`, `max` or both, e.g. `range(min = 1, max = 100)`",
        );
        return;
    }
    let mut fits = true;
    for bound in [min, max].into_iter().flatten() {
        fits &= bound_fits(bound, primitive, errors);
    }
    if let (Some(min), Some(max), true) = (min, max, fits)
        && min.value.exceeds(max.value)
    {
        errors.spanned(
            &min.tokens,
            format!(
                "`min = {}` is greater than `max = {}`, so no value could satisfy this range",
                min.text, max.text
            ),
        );
    }
}

fn bound_fits(bound: &NumberBound, primitive: Primitive, errors: &mut Errors) -> bool {
    match (bound.value, primitive) {
        (
            NumberValue::Integer {
                negative,
                magnitude,
            },
            Primitive::Integer { signed, bits },
        ) => {
            let (lowest_magnitude, highest) = if signed {
                (1u128 << (bits - 1), (1u128 << (bits - 1)) - 1)
            } else {
                (0, u128::MAX >> (128 - bits))
            };
            let fits = if negative {
                magnitude <= lowest_magnitude
            } else {
                magnitude <= highest
            };
            if !fits {
                let ty = format!("{}{}", if signed { 'i' } else { 'u' }, bits);
                let lowest = if signed {
                    format!("-{lowest_magnitude}")
                } else {
                    "0".into()
                };
                errors.spanned(
                    &bound.tokens,
                    format!(
                        "`{}` does not fit `{ty}`, whose values run from {lowest} to {highest}; \
                         choose a bound in that range or a wider inner type",
                        bound.text
                    ),
                );
            }
            fits
        }
        (NumberValue::Float(_), Primitive::Integer { .. }) => {
            errors.spanned(
                &bound.tokens,
                format!(
                    "`{}` is not an integer, and the inner type is; write a whole number",
                    bound.text
                ),
            );
            false
        }
        (value, Primitive::Float { bits }) => {
            let v = value.as_f64();
            let finite = if bits == 32 {
                (v as f32).is_finite()
            } else {
                v.is_finite()
            };
            if !finite {
                errors.spanned(
                    &bound.tokens,
                    format!(
                        "`{}` is not a finite `f{bits}`; choose a bound the type can hold",
                        bound.text
                    ),
                );
            }
            finite
        }
    }
}

/// Variants are values: no data except one catch-all `String`, and no wire value twice.
fn enum_variants(container: &Container, variants: &[Variant], errors: &mut Errors) {
    if variants.iter().all(Variant::is_catch_all) {
        errors.spanned(
            container.ident,
            "a constrained enum needs at least one value; add a fieldless variant",
        );
    }
    let mut catch_alls = variants.iter().filter(|v| v.is_catch_all());
    catch_alls.next();
    for extra in catch_alls {
        errors.spanned(
            &extra.variant.ident,
            "only one variant can be the catch-all `#[constrained(other)]`",
        );
    }
    let mut seen: HashMap<&str, &syn::Ident> = HashMap::new();
    for v in variants {
        let fields = &v.variant.fields;
        if v.is_catch_all() {
            if !v.holds_one_string() {
                errors.spanned(
                    &v.variant.ident,
                    "the catch-all variant holds the unknown value as one `String`: write `Unknown(String)`",
                );
            }
            for (span, name) in [
                (v.attrs.rename.as_ref().map(|r| r.span), "rename"),
                (v.attrs.internal, "internal"),
            ] {
                if let Some(span) = span {
                    errors.at(span, format!("`{name}` does not apply to the catch-all variant, which has no wire value of its own"));
                }
            }
            continue;
        }
        if !matches!(fields, syn::Fields::Unit) {
            errors.spanned(
                fields,
                "a constrained enum is a set of values, so its variants carry no data; to keep \
                 values added later, mark one variant `#[constrained(other)] Unknown(String)`",
            );
        }
        if let Some(first) = seen.insert(&v.wire, &v.variant.ident) {
            errors.spanned(
                &v.variant.ident,
                format!(
                    "`{}` and `{first}` both have the wire value \"{}\"; rename one of them",
                    v.variant.ident, v.wire
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::expand::checked;
    use syn::{DeriveInput, parse_quote};

    fn error_count(input: DeriveInput) -> usize {
        match checked(&input) {
            Ok(_) => 0,
            Err((e, _)) => e.into_iter().count(),
        }
    }

    fn has_fallback(input: DeriveInput) -> bool {
        matches!(checked(&input), Err((_, Some(_))))
    }

    #[test]
    fn fallback_impls_only_for_sound_shapes() {
        assert!(has_fallback(parse_quote! {
            #[constrained(pattern = "(")]
            struct Broken(String);
        }));
        assert!(has_fallback(parse_quote! {
            #[constrained(length(min = 1))]
            enum Status { Started, Ended }
        }));
        assert!(!has_fallback(parse_quote! { struct Pair(String, String); }));
        assert!(!has_fallback(parse_quote! { struct Wrapper<T>(T); }));
        assert!(!has_fallback(
            parse_quote! { enum Status { Started, Failed(String) } }
        ));
    }

    #[test]
    fn valid_inputs_expand() {
        assert_eq!(
            error_count(parse_quote! {
                #[constrained(length(min = 1, max = 128), pattern = r"[\.\-_A-Za-z0-9]+")]
                struct RequestOrigin(String);
            }),
            0
        );
        assert_eq!(
            error_count(parse_quote! {
                #[constrained(range(min = -2147483648, max = 2147483647))]
                struct ProcessExitCode(i32);
            }),
            0
        );
        assert_eq!(
            error_count(parse_quote! {
                #[constrained(range(min = -128, max = 127))]
                struct Whole(i8);
            }),
            0
        );
        assert_eq!(
            error_count(parse_quote! {
                #[constrained(range(max = 340282366920938463463374607431768211455))]
                struct Huge(u128);
            }),
            0
        );
    }

    #[test]
    fn defaults_and_sanitizers_are_checked_against_the_rules() {
        assert_eq!(
            error_count(parse_quote! {
                #[constrained(length(max = 3), pattern = "[a-z]+", default = "abc")]
                struct Ok3(String);
            }),
            0
        );
        // Too long and not matching: both rules named, one error each.
        assert_eq!(
            error_count(parse_quote! {
                #[constrained(length(max = 3), pattern = "[a-z]+", default = "ABCD")]
                struct Both(String);
            }),
            2
        );
        assert_eq!(
            error_count(parse_quote! {
                #[constrained(range(min = 1.5, max = 2.5), default = 2)]
                struct Ratio(f64);
            }),
            0
        );
        assert_eq!(
            error_count(parse_quote! {
                #[constrained(sanitize(lowercase, uppercase, trimm), default = "X")]
                struct Tag(String);
            }),
            3
        );
        assert_eq!(
            error_count(parse_quote! {
                #[constrained(default = "Ready")]
                enum Status { Ready, #[constrained(other)] Unknown(String) }
            }),
            0
        );
    }

    #[test]
    fn every_mistake_is_reported_once() {
        assert_eq!(
            error_count(parse_quote! {
                #[constrained(patern = "x", length(min = 9, max = 1), range(max = 5), pattern = "(")]
                pub struct Name(pub String);
            }),
            5
        );
        assert_eq!(
            error_count(parse_quote! {
                #[constrained(range(min = -129))]
                struct Small(i8);
            }),
            1
        );
        assert_eq!(
            error_count(parse_quote! {
                #[constrained(range(min = 2, max = 1))]
                struct Inverted(u128);
            }),
            1
        );
    }
}
