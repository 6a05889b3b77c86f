//! Parses `#[constrained(…)]` attributes into typed rules, each remembering the tokens it came
//! from, so later errors point at what the user wrote. Every error is collected; parsing goes on
//! past a bad key so one compile reports them all.

use crate::case::{self, RenameRule};
use crate::default_value::DefaultValue;
use crate::errors::Errors;
use crate::pattern::{self, Compiled};
use crate::sanitize::{self, Sanitizers};
use crate::suggest::unknown_key_message;
use crate::vocabulary::{self, Rules};
use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::{Attribute, Lit, LitInt, LitStr, Token};

/// A value with the span of the key that introduced it.
pub struct Spanned<T> {
    pub span: Span,
    pub value: T,
}

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

pub fn set<T>(
    slot: &mut Option<Spanned<T>>,
    span: Span,
    value: T,
    name: &str,
    errors: &mut Errors,
) {
    if slot.is_some() {
        errors.at(
            span,
            format!("duplicate rule `{name}`; keep one `{name}` and remove the other"),
        );
    } else {
        *slot = Some(Spanned { span, value });
    }
}

pub fn flag(
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

/// Parses one key of a type's attribute through the vocabulary's row for it.
fn rule(meta: ParseNestedMeta, rules: &mut Rules, errors: &mut Errors) -> syn::Result<()> {
    let (name, span) = key(&meta);
    match vocabulary::find(&name) {
        Some(row) => (row.parse)(&meta, span, rules, errors),
        None => {
            errors.at(
                span,
                unknown_key_message("rule", &name, &vocabulary::names()),
            );
            skip_value(&meta)
        }
    }
}

/// `pattern = "…"`, compiled at once so its errors point into the literal.
pub fn pattern(meta: &ParseNestedMeta, errors: &mut Errors) -> syn::Result<PatternRule> {
    let literal: LitStr = meta.value()?.parse()?;
    Ok(pattern_rule(literal, errors))
}

/// `length(min = …, max = …)`.
pub fn length(meta: &ParseNestedMeta, errors: &mut Errors) -> syn::Result<LengthRule> {
    let mut length = LengthRule::default();
    if !empty_parentheses(meta)? {
        meta.parse_nested_meta(|m| length_bound(m, &mut length, errors))?;
    }
    Ok(length)
}

/// `range(min = …, max = …)`.
pub fn range(meta: &ParseNestedMeta, errors: &mut Errors) -> syn::Result<RangeRule> {
    let mut range = RangeRule::default();
    if !empty_parentheses(meta)? {
        meta.parse_nested_meta(|m| range_bound(m, &mut range, errors))?;
    }
    Ok(range)
}

/// `key(…)`, `value(…)` or `item(…)`: the rules of an element, in the same vocabulary.
pub fn element(meta: &ParseNestedMeta, errors: &mut Errors) -> syn::Result<Box<Rules>> {
    let mut element = Rules::default();
    if !empty_parentheses(meta)? {
        meta.parse_nested_meta(|m| rule(m, &mut element, errors))?;
    }
    Ok(Box::new(element))
}

/// `rename_all = "…"`, or `None` when the convention is unknown (already reported).
pub fn rename_all(meta: &ParseNestedMeta, errors: &mut Errors) -> syn::Result<Option<RenameRule>> {
    let literal: LitStr = meta.value()?.parse()?;
    let rule = RenameRule::from_name(&literal.value());
    if rule.is_none() {
        errors.spanned(
            &literal,
            unknown_key_message("case convention", &literal.value(), case::NAMES),
        );
    }
    Ok(rule)
}

/// `default = "…"` or `default = 25`.
pub fn default_value(meta: &ParseNestedMeta) -> syn::Result<DefaultValue> {
    let input = meta.value()?;
    if input.peek(LitStr) {
        return Ok(DefaultValue::Text(input.parse()?));
    }
    number_literal(input).map(DefaultValue::Number)
}

/// `check = path::to::function`, or the path in a string as serde's `with = "…"` is written.
pub fn path_value(meta: &ParseNestedMeta) -> syn::Result<syn::Path> {
    let input = meta.value()?;
    let help = "`check` names a function `fn(&Inner) -> Result<(), E: Display>`, such as \
                `check = crate::not_reserved`";
    if input.peek(LitStr) {
        let literal: LitStr = input.parse()?;
        return literal
            .parse()
            .map_err(|_| syn::Error::new_spanned(&literal, help));
    }
    let fork = input.fork();
    match fork.parse::<syn::Path>() {
        Ok(_) => input.parse(),
        Err(_) => {
            let token: proc_macro2::TokenTree = input.parse()?;
            Err(syn::Error::new_spanned(token, help))
        }
    }
}

/// `crate = "path"`, as serde spells it.
pub fn crate_path(meta: &ParseNestedMeta) -> syn::Result<syn::Path> {
    let literal: LitStr = meta.value()?.parse()?;
    literal.parse().map_err(|_| {
        syn::Error::new_spanned(
            &literal,
            "write the path the crate is known by, such as `crate = \"aws_rules\"`",
        )
    })
}

/// `sanitize(trim, lowercase, uppercase)`.
pub fn sanitizers(meta: &ParseNestedMeta, errors: &mut Errors) -> syn::Result<Sanitizers> {
    let mut sanitizers = Sanitizers::default();
    if !empty_parentheses(meta)? {
        meta.parse_nested_meta(|m| {
            let (name, span) = key(&m);
            let slot = match name.as_str() {
                "trim" => &mut sanitizers.trim,
                "lowercase" => &mut sanitizers.lowercase,
                "uppercase" => &mut sanitizers.uppercase,
                _ => {
                    errors.at(
                        span,
                        unknown_key_message("sanitizer", &name, sanitize::NAMES),
                    );
                    sanitizers.malformed = true;
                    return skip_value(&m);
                }
            };
            flag(&m, slot, span, &name, errors)
        })?;
    }
    Ok(sanitizers)
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
    match number_literal(meta.value()?) {
        Ok(bound) => {
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

/// A number literal with an optional minus sign and no suffix: `1`, `-5`, `2.5`.
fn number_literal(input: syn::parse::ParseStream) -> syn::Result<NumberBound> {
    let minus: Option<Token![-]> = input.parse()?;
    let literal: Lit = input.parse()?;
    let mut tokens = minus.to_token_stream();
    literal.to_tokens(&mut tokens);
    let negative = minus.is_some();
    let sign = if negative { "-" } else { "" };
    let (text, value) = match &literal {
        Lit::Int(int) if int.suffix().is_empty() => {
            int.base10_parse::<u128>().map(|magnitude| {
                let value = NumberValue::Integer {
                    negative,
                    magnitude,
                };
                (format!("{sign}{}", int.base10_digits()), value)
            })?
        }
        Lit::Float(float) if float.suffix().is_empty() => float.base10_parse::<f64>().map(|f| {
            let value = NumberValue::Float(if negative { -f } else { f });
            (format!("{sign}{}", float.base10_digits()), value)
        })?,
        Lit::Int(_) | Lit::Float(_) => {
            return Err(syn::Error::new_spanned(
                &literal,
                "write the number without a type suffix; the inner type decides it",
            ));
        }
        _ => {
            return Err(syn::Error::new_spanned(
                &literal,
                "expected a number literal, such as `1`, `-5` or `2.5`",
            ));
        }
    };
    Ok(NumberBound {
        text,
        value,
        tokens,
    })
}
