//! The rule values of a type as tokens: constant expressions of `constrained`'s rule structs.

use crate::attr::{LengthRule, NumberBound, NumberValue, PatternRule, RangeRule, Rules};
use crate::inner_type::{Element, Primitive};
use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens, quote};
use syn::Type;

fn option<T: ToTokens>(value: Option<T>) -> TokenStream {
    match value {
        Some(v) => quote!(::core::option::Option::Some(#v)),
        None => quote!(::core::option::Option::None),
    }
}

pub fn length(rule: &LengthRule) -> TokenStream {
    let min = option(
        rule.min
            .as_ref()
            .map(|m| Literal::usize_unsuffixed(m.value)),
    );
    let max = option(
        rule.max
            .as_ref()
            .map(|m| Literal::usize_unsuffixed(m.value)),
    );
    quote!(::constrained::__private::LengthBounds { min: #min, max: #max })
}

pub fn pattern(rule: &PatternRule) -> TokenStream {
    // Expansion runs only after every pattern compiled, so the tables are there.
    let Some(tables) = &rule.tables else {
        return quote!(::core::option::Option::None);
    };
    let source = &rule.source;
    let classes = tables.classes.iter().map(|c| Literal::u8_unsuffixed(*c));
    let transitions = tables
        .transitions
        .iter()
        .map(|t| Literal::u32_unsuffixed(*t));
    let accepting = &tables.accepting;
    let stride = Literal::u32_unsuffixed(tables.stride);
    let start = Literal::u32_unsuffixed(tables.start);
    quote! {
        &::constrained::__private::Pattern {
            source: #source,
            automaton: ::constrained::__private::Automaton {
                classes: &[#(#classes),*],
                transitions: &[#(#transitions),*],
                stride: #stride,
                accepting: &[#(#accepting),*],
                start: #start,
            },
        }
    }
}

pub fn text(rules: Option<&Rules>, sensitive: bool) -> TokenStream {
    let length = option(
        rules
            .and_then(|r| r.length.as_ref())
            .map(|l| length(&l.value)),
    );
    let pattern = option(
        rules
            .and_then(|r| r.pattern.as_ref())
            .map(|p| pattern(&p.value)),
    );
    quote! {
        ::constrained::__private::TextRules {
            length: #length,
            pattern: #pattern,
            sensitive: #sensitive,
        }
    }
}

pub fn bound_literal(bound: &NumberBound, primitive: Primitive) -> TokenStream {
    let magnitude = bound.text.trim_start_matches('-');
    let float_type = matches!(primitive, Primitive::Float { .. });
    let repr = if float_type && !magnitude.contains(['.', 'e', 'E']) {
        format!("{magnitude}.0")
    } else {
        magnitude.to_owned()
    };
    let literal: Literal = repr.parse().unwrap_or_else(|_| Literal::u8_unsuffixed(0));
    let negative = match bound.value {
        NumberValue::Integer { negative, .. } => negative,
        NumberValue::Float(f) => f.is_sign_negative(),
    };
    if negative {
        quote!(-#literal)
    } else {
        literal.into_token_stream()
    }
}

pub fn range(
    rule: Option<&RangeRule>,
    primitive: Primitive,
    ty: &Type,
    sensitive: bool,
) -> TokenStream {
    let min = rule.and_then(|r| r.min.as_ref());
    let max = rule.and_then(|r| r.max.as_ref());
    let min_value = option(min.map(|b| bound_literal(b, primitive)));
    let max_value = option(max.map(|b| bound_literal(b, primitive)));
    let min_text = option(min.map(|b| &b.text));
    let max_text = option(max.map(|b| &b.text));
    quote! {
        ::constrained::__private::RangeRules::<#ty> {
            min: #min_value,
            max: #max_value,
            min_text: #min_text,
            max_text: #max_text,
            sensitive: #sensitive,
        }
    }
}

/// The type of the rules of a key, value or item of type `ty`.
pub fn element_type(element: &Element, ty: &Type) -> TokenStream {
    match element {
        Element::Text => quote!(::constrained::__private::TextRules),
        Element::Number(_) => quote!(::constrained::__private::RangeRules<#ty>),
        Element::Other => quote!(::constrained::__private::NoRules),
    }
}

/// The rules of a key, value or item of type `ty`.
pub fn element(
    element: &Element,
    ty: &Type,
    rules: Option<&Rules>,
    sensitive: bool,
) -> TokenStream {
    match element {
        Element::Text => text(rules, sensitive),
        Element::Number(p) => range(
            rules.and_then(|r| r.range.as_ref()).map(|r| &r.value),
            *p,
            ty,
            sensitive,
        ),
        Element::Other => quote!(::constrained::__private::NoRules),
    }
}
