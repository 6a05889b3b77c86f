//! The rule values of a type as tokens: constant expressions of `constrained`'s rule structs.

use crate::attr::{LengthRule, NumberBound, NumberValue, PatternRule, RangeRule, Rules};
use crate::inner_type::{Element, Primitive};
use crate::pattern::{Step, Tables};
use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
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
    // Expansion runs only after every pattern compiled.
    let Some(compiled) = &rule.compiled else {
        return quote!(::core::option::Option::None);
    };
    let source = &rule.source;
    let automaton = option(compiled.tables.as_ref().map(automaton));
    let matcher = match (&compiled.steps, &compiled.tables) {
        (Some(steps), _) => {
            let straight_line = straight_line(steps);
            quote!(::core::option::Option::Some(#straight_line))
        }
        (None, Some(_)) => quote!(::core::option::Option::None),
        // Past the automaton's budget: a runtime engine, or (without the feature) a compile error
        // that points at the pattern.
        (None, None) => {
            let runtime = &compiled.runtime_pattern;
            let call =
                quote_spanned!(rule.span=> ::constrained::__private::runtime_pattern!(#runtime));
            quote!(::core::option::Option::Some(#call))
        }
    };
    quote! {
        &::constrained::__private::Pattern {
            source: #source,
            automaton: #automaton,
            matcher: #matcher,
        }
    }
}

fn automaton(tables: &Tables) -> TokenStream {
    // Byte strings: one token per table, however large, which keeps expansion and compilation
    // cheap for crates with many patterns.
    let classes = Literal::byte_string(&tables.classes);
    let transitions: Vec<u8> = tables
        .transitions
        .iter()
        .flat_map(|&t| (t as u16).to_le_bytes())
        .collect();
    let entries = Literal::usize_unsuffixed(tables.transitions.len());
    let transitions = Literal::byte_string(&transitions);
    let accepting: Vec<u8> = tables.accepting.iter().map(|&a| u8::from(a)).collect();
    let accepting = Literal::byte_string(&accepting);
    let stride = Literal::u32_unsuffixed(tables.stride);
    let start = Literal::u32_unsuffixed(tables.start);
    quote! {
        ::constrained::__private::Automaton {
            classes: #classes,
            transitions: &::constrained::__private::u16_table::<#entries>(#transitions),
            stride: #stride,
            accepting: #accepting,
            start: #start,
        }
    }
}

/// A function matching `steps` in order, each a call into `constrained`'s sequence steps with
/// the class as a constant predicate.
fn straight_line(steps: &[Step]) -> TokenStream {
    let s = quote!(::constrained::__private::sequence);
    let (mut min_len, mut max_len) = (0usize, Some(0usize));
    for step in steps {
        let (min, max) = match step {
            Step::Literal(bytes) => (bytes.len(), Some(bytes.len())),
            Step::Class { min, max, .. } => (*min as usize, max.map(|m| m as usize)),
        };
        min_len += min;
        max_len = max_len.zip(max).map(|(a, b)| a + b);
    }
    let last = steps.len().saturating_sub(1);
    let calls = steps.iter().enumerate().map(|(i, step)| match step {
        Step::Literal(bytes) => {
            let bytes = Literal::byte_string(bytes);
            quote!(#s::literal(text, &mut at, #bytes))
        }
        Step::Class { ranges, min, max } => {
            let arms = ranges.iter().map(|&(lo, hi)| {
                let (lo, hi) = (Literal::u8_suffixed(lo), Literal::u8_suffixed(hi));
                quote!(#lo..=#hi)
            });
            let class = quote!(|byte: u8| matches!(byte, #(#arms)|*));
            let min_count = Literal::usize_unsuffixed(*min as usize);
            let max_count = match max {
                Some(max) => Literal::usize_unsuffixed(*max as usize).into_token_stream(),
                None => quote!(usize::MAX),
            };
            if *max == Some(*min) {
                quote!(#s::exact(text, &mut at, #min_count, #class))
            } else if i == last {
                quote!(#s::rest(text, &mut at, #min_count, #max_count, #class))
            } else {
                quote!(#s::run(text, &mut at, #min_count, #max_count, #class))
            }
        }
    });
    let min_len = Literal::usize_unsuffixed(min_len);
    let too_long = match max_len {
        Some(max) => {
            let max = Literal::usize_unsuffixed(max);
            quote!(|| text.len() > #max)
        }
        None => TokenStream::new(),
    };
    quote! {{
        fn straight_line(text: &[u8]) -> bool {
            if text.len() < #min_len #too_long {
                return false;
            }
            let mut at = 0usize;
            #(#calls &&)* at == text.len()
        }
        straight_line
    }}
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
