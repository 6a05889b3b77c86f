//! Parses `#[constrained(…)]` attributes into typed rules, each remembering the tokens it came
//! from, so later errors point at what the user wrote. Every error is collected; parsing goes on
//! past a bad key so one compile reports them all.

use crate::case::{self, RenameRule};
use crate::errors::Errors;
use crate::pattern::{self, Compiled};
use crate::suggest::unknown_key_message;
use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::{Attribute, Lit, LitInt, LitStr, Token};

/// A value with the span of the key that introduced it.
pub struct Spanned<T> {
    pub span: Span,
    pub value: T,
}

/// The rules of a type, or of its keys, values or items.
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
}

const RULE_KEYS: &[&str] = &[
    "pattern",
    "length",
    "range",
    "key",
    "value",
    "item",
    "sensitive",
    "unique_items",
    "rename_all",
];

pub struct PatternRule {
    pub source: String,
    /// The literal's span, where an error about the pattern points.
    pub span: Span,
    /// `None` when the pattern did not compile (the error is already recorded).
    pub compiled: Option<Compiled>,
}

#[derive(Default)]
pub struct LengthRule {
    pub min: Option<Spanned<usize>>,
    pub max: Option<Spanned<usize>>,
    /// A bound was written but already reported as malformed: no second error for its absence.
    pub malformed: bool,
}

#[derive(Default)]
pub struct RangeRule {
    pub min: Option<NumberBound>,
    pub max: Option<NumberBound>,
    /// A bound was written but already reported as malformed: no second error for its absence.
    pub malformed: bool,
}

/// A `range` bound as written: its text (printed in messages), its value and its tokens.
pub struct NumberBound {
    pub text: String,
    pub value: NumberValue,
    pub tokens: TokenStream,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NumberValue {
    Integer { negative: bool, magnitude: u128 },
    Float(f64),
}

impl NumberValue {
    /// Whether `self` is greater than `other`, exactly for integers of any width.
    pub fn exceeds(self, other: NumberValue) -> bool {
        match (self, other) {
            (
                NumberValue::Integer {
                    negative: a_neg,
                    magnitude: a,
                },
                NumberValue::Integer {
                    negative: b_neg,
                    magnitude: b,
                },
            ) => match (a_neg && a != 0, b_neg && b != 0) {
                (false, false) => a > b,
                (true, true) => a < b,
                (false, true) => true,
                (true, false) => false,
            },
            _ => self.as_f64() > other.as_f64(),
        }
    }

    pub fn as_f64(self) -> f64 {
        match self {
            NumberValue::Integer {
                negative,
                magnitude,
            } => {
                let m = magnitude as f64;
                if negative { -m } else { m }
            }
            NumberValue::Float(f) => f,
        }
    }
}

/// The attributes of an enum variant.
#[derive(Default)]
pub struct VariantAttrs {
    pub rename: Option<Spanned<LitStr>>,
    pub other: Option<Span>,
    pub internal: Option<Span>,
}

const VARIANT_KEYS: &[&str] = &["rename", "other", "internal"];

fn is_ours(attr: &Attribute) -> bool {
    attr.path().is_ident("constrained")
}

/// Parses every `#[constrained(…)]` of a type into one set of rules.
pub fn rules(attrs: &[Attribute], errors: &mut Errors) -> Rules {
    let mut rules = Rules::default();
    for attr in attrs.iter().filter(|a| is_ours(a)) {
        if let Err(e) = attr.parse_nested_meta(|meta| rule(meta, &mut rules, errors)) {
            errors.push(e);
        }
    }
    rules
}

/// Parses every `#[constrained(…)]` of an enum variant.
pub fn variant(attrs: &[Attribute], errors: &mut Errors) -> VariantAttrs {
    let mut parsed = VariantAttrs::default();
    for attr in attrs.iter().filter(|a| is_ours(a)) {
        let result = attr.parse_nested_meta(|meta| {
            let (name, span) = key(&meta);
            match name.as_str() {
                "rename" => {
                    let value: LitStr = meta.value()?.parse()?;
                    set(&mut parsed.rename, span, value, &name, errors);
                }
                "other" => flag(&meta, &mut parsed.other, span, &name, errors)?,
                "internal" => flag(&meta, &mut parsed.internal, span, &name, errors)?,
                _ => {
                    errors.at(
                        span,
                        unknown_key_message("variant attribute", &name, VARIANT_KEYS),
                    );
                    skip_value(&meta)?;
                }
            }
            Ok(())
        });
        if let Err(e) = result {
            errors.push(e);
        }
    }
    parsed
}

fn set<T>(slot: &mut Option<Spanned<T>>, span: Span, value: T, name: &str, errors: &mut Errors) {
    if slot.is_some() {
        errors.at(
            span,
            format!("duplicate rule `{name}`; keep one `{name}` and remove the other"),
        );
    } else {
        *slot = Some(Spanned { span, value });
    }
}

fn flag(
    meta: &ParseNestedMeta,
    slot: &mut Option<Span>,
    span: Span,
    name: &str,
    errors: &mut Errors,
) -> syn::Result<()> {
    if !meta.input.is_empty() && !meta.input.peek(Token![,]) {
        errors.at(
            span,
            format!("`{name}` takes no value; write just `{name}`"),
        );
        skip_value(meta)?;
    }
    if slot.is_some() {
        errors.at(span, format!("duplicate rule `{name}`; write it once"));
    }
    *slot = Some(span);
    Ok(())
}

/// The key of a nested item as written (`a::b` for a path, which no key is), and the span of its
/// first segment, where an error about it points.
fn key(meta: &ParseNestedMeta) -> (String, Span) {
    let segments = &meta.path.segments;
    let name = segments
        .iter()
        .map(|segment| segment.ident.to_string())
        .collect::<Vec<_>>()
        .join("::");
    let span = segments
        .first()
        .map_or_else(Span::call_site, |segment| segment.ident.span());
    (name, span)
}

/// Consumes `()` when that is all that follows a key, so the check can say what belongs inside
/// instead of the parser's "unexpected end of input".
fn empty_parentheses(meta: &ParseNestedMeta) -> syn::Result<bool> {
    let empty = meta
        .input
        .cursor()
        .group(proc_macro2::Delimiter::Parenthesis)
        .is_some_and(|(inside, _, _)| inside.eof());
    if empty {
        let _inside;
        syn::parenthesized!(_inside in meta.input);
    }
    Ok(empty)
}

/// Consumes `= …` or `(…)` after a key that is being reported, so parsing can go on.
fn skip_value(meta: &ParseNestedMeta) -> syn::Result<()> {
    let input = meta.input;
    if input.peek(Token![=]) {
        input.parse::<Token![=]>()?;
    }
    while !input.is_empty() && !input.peek(Token![,]) {
        input.parse::<proc_macro2::TokenTree>()?;
    }
    Ok(())
}

fn rule(meta: ParseNestedMeta, rules: &mut Rules, errors: &mut Errors) -> syn::Result<()> {
    let (name, span) = key(&meta);
    match name.as_str() {
        "pattern" => {
            let literal: LitStr = meta.value()?.parse()?;
            let rule = pattern_rule(literal, errors);
            set(&mut rules.pattern, span, rule, &name, errors);
        }
        "length" => {
            let mut length = LengthRule::default();
            if !empty_parentheses(&meta)? {
                meta.parse_nested_meta(|m| length_bound(m, &mut length, errors))?;
            }
            set(&mut rules.length, span, length, &name, errors);
        }
        "range" => {
            let mut range = RangeRule::default();
            if !empty_parentheses(&meta)? {
                meta.parse_nested_meta(|m| range_bound(m, &mut range, errors))?;
            }
            set(&mut rules.range, span, range, &name, errors);
        }
        "key" | "value" | "item" => {
            let mut element = Rules::default();
            if !empty_parentheses(&meta)? {
                meta.parse_nested_meta(|m| rule(m, &mut element, errors))?;
            }
            let slot = match name.as_str() {
                "key" => &mut rules.key,
                "value" => &mut rules.value,
                _ => &mut rules.item,
            };
            set(slot, span, Box::new(element), &name, errors);
        }
        "sensitive" => flag(&meta, &mut rules.sensitive, span, &name, errors)?,
        "unique_items" => flag(&meta, &mut rules.unique_items, span, &name, errors)?,
        "rename_all" => {
            let literal: LitStr = meta.value()?.parse()?;
            match RenameRule::from_name(&literal.value()) {
                Some(rule) => set(&mut rules.rename_all, span, rule, &name, errors),
                None => errors.spanned(
                    &literal,
                    unknown_key_message("case convention", &literal.value(), case::NAMES),
                ),
            }
        }
        _ => {
            errors.at(span, unknown_key_message("rule", &name, RULE_KEYS));
            skip_value(&meta)?;
        }
    }
    Ok(())
}

fn pattern_rule(literal: LitStr, errors: &mut Errors) -> PatternRule {
    let source = literal.value();
    let compiled = match pattern::compile(&source) {
        Ok(compiled) => Some(compiled),
        Err(e) => {
            let place = match e.offset {
                Some(offset) => {
                    let excerpt: String = source
                        .get(offset..)
                        .unwrap_or_default()
                        .chars()
                        .take(12)
                        .collect();
                    format!(" at byte {offset} (`{excerpt}`)")
                }
                None => String::new(),
            };
            errors.spanned(&literal, format!("invalid pattern{place}: {}", e.message));
            None
        }
    };
    PatternRule {
        source,
        span: literal.span(),
        compiled,
    }
}

fn length_bound(
    meta: ParseNestedMeta,
    length: &mut LengthRule,
    errors: &mut Errors,
) -> syn::Result<()> {
    let (name, span) = key(&meta);
    let slot = match name.as_str() {
        "min" => &mut length.min,
        "max" => &mut length.max,
        _ => {
            errors.at(
                span,
                unknown_key_message("length bound", &name, &["min", "max"]),
            );
            length.malformed = true;
            return skip_value(&meta);
        }
    };
    let literal: LitInt = meta.value()?.parse()?;
    if !literal.suffix().is_empty() {
        errors.spanned(&literal, "write the length without a type suffix");
    }
    match literal.base10_parse::<usize>() {
        Ok(value) => set(slot, literal.span(), value, &name, errors),
        Err(e) => {
            errors.push(e);
            length.malformed = true;
        }
    }
    Ok(())
}

fn range_bound(
    meta: ParseNestedMeta,
    range: &mut RangeRule,
    errors: &mut Errors,
) -> syn::Result<()> {
    let (name, span) = key(&meta);
    if name != "min" && name != "max" {
        errors.at(
            span,
            unknown_key_message("range bound", &name, &["min", "max"]),
        );
        return skip_value(&meta);
    }
    let input = meta.value()?;
    let minus: Option<Token![-]> = input.parse()?;
    let literal: Lit = input.parse()?;
    let mut tokens = minus.to_token_stream();
    literal.to_tokens(&mut tokens);
    let negative = minus.is_some();
    let sign = if negative { "-" } else { "" };
    let parsed = match &literal {
        Lit::Int(int) if int.suffix().is_empty() => int.base10_parse::<u128>().map(|magnitude| {
            let value = NumberValue::Integer {
                negative,
                magnitude,
            };
            (format!("{sign}{}", int.base10_digits()), value)
        }),
        Lit::Float(float) if float.suffix().is_empty() => float.base10_parse::<f64>().map(|f| {
            let value = NumberValue::Float(if negative { -f } else { f });
            (format!("{sign}{}", float.base10_digits()), value)
        }),
        Lit::Int(_) | Lit::Float(_) => Err(syn::Error::new_spanned(
            &literal,
            "write the bound without a type suffix; the inner type decides it",
        )),
        _ => Err(syn::Error::new_spanned(
            &literal,
            "a range bound is a number literal, such as `1`, `-5` or `2.5`",
        )),
    };
    match parsed {
        Ok((text, value)) => {
            let bound = NumberBound {
                text,
                value,
                tokens,
            };
            let slot = if name == "min" {
                &mut range.min
            } else {
                &mut range.max
            };
            if slot.is_some() {
                errors.at(span, format!("duplicate bound `{name}`; keep one"));
            } else {
                *slot = Some(bound);
            }
        }
        Err(e) => {
            errors.push(e);
            range.malformed = true;
        }
    }
    Ok(())
}
