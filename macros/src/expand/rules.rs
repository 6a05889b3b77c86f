//! The rule values of a type as tokens: constant expressions of `constrained`'s rule structs.

use crate::attr::{self, LengthRule, NumberBound, NumberValue, PatternRule, RangeRule};
use crate::inner_type::{Element, Primitive};
use crate::pattern::{Reading, Step, Tables, reading};
use crate::sanitize::Sanitizers;
use crate::vocabulary::Rules;
use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::Type;

fn option<T: ToTokens>(value: Option<T>) -> TokenStream {
    match value {
        Some(v) => quote!(::core::option::Option::Some(#v)),
        None => quote!(::core::option::Option::None),
    }
}

pub fn length(p: &TokenStream, rule: &LengthRule) -> TokenStream {
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
    quote!(#p::LengthBounds { min: #min, max: #max })
}

pub fn pattern(p: &TokenStream, rule: &PatternRule) -> TokenStream {
    // Expansion runs only after every pattern compiled.
    let Some(compiled) = &rule.compiled else {
        return quote!(::core::option::Option::None);
    };
    let source = &rule.source;
    let automaton = option(
        compiled
            .tables
            .as_ref()
            .map(|t| automaton(p, t, compiled.byte_lengths)),
    );
    let matcher = match (&compiled.steps, &compiled.tables) {
        (Some(steps), _) => {
            let straight_line = straight_line(p, steps);
            quote!(::core::option::Option::Some(#straight_line))
        }
        (None, Some(_)) => quote!(::core::option::Option::None),
        // Past the automaton's budget: a runtime engine, or (without the feature) a compile error
        // that points at the pattern.
        (None, None) => {
            let runtime = &compiled.runtime_pattern;
            // The whole call carries the pattern's span, so the feature's compile error points at
            // the pattern.
            let p = respanned(p, rule.span);
            let call = quote_spanned!(rule.span=> #p::runtime_pattern!(#runtime));
            quote!(::core::option::Option::Some(#call))
        }
    };
    quote! {
        &#p::Pattern {
            source: #source,
            automaton: #automaton,
            matcher: #matcher,
        }
    }
}

fn respanned(tokens: &TokenStream, span: proc_macro2::Span) -> TokenStream {
    tokens
        .clone()
        .into_iter()
        .map(|mut token| {
            token.set_span(span);
            token
        })
        .collect()
}

/// `&u16_table::<N>(b"…")`: `entries` as a static table, written as one byte-string token
/// however large (which keeps expansion and compilation cheap for crates with many patterns)
/// and decoded when constants are evaluated. Every entry fits: the size budget keeps state ids
/// below 65,536.
fn u16_table(p: &TokenStream, entries: impl ExactSizeIterator<Item = u32>) -> TokenStream {
    let len = Literal::usize_unsuffixed(entries.len());
    let bytes: Vec<u8> = entries.flat_map(|e| (e as u16).to_le_bytes()).collect();
    let bytes = Literal::byte_string(&bytes);
    quote!(&#p::u16_table::<#len>(#bytes))
}

/// [`u16_table`] for `u32` entries.
fn u32_table(p: &TokenStream, entries: &[u32]) -> TokenStream {
    let len = Literal::usize_unsuffixed(entries.len());
    let bytes: Vec<u8> = entries.iter().flat_map(|e| e.to_le_bytes()).collect();
    let bytes = Literal::byte_string(&bytes);
    quote!(&#p::u32_table::<#len>(#bytes))
}

/// The `Automaton` of `tables`, which rejects unread any value outside the byte `lengths`.
fn automaton(p: &TokenStream, tables: &Tables, lengths: (usize, Option<usize>)) -> TokenStream {
    let classes = Literal::byte_string(&tables.classes);
    let transitions = u16_table(p, tables.transitions.iter().copied());
    let accepting: Vec<u8> = tables.accepting.iter().map(|&a| u8::from(a)).collect();
    let accepting = Literal::byte_string(&accepting);
    let stride = Literal::u32_unsuffixed(tables.stride);
    let start = Literal::u32_unsuffixed(tables.start);
    let (prefix, after_prefix) = tables.literal_prefix();
    let prefix = Literal::byte_string(&prefix);
    let after_prefix = Literal::u32_unsuffixed(after_prefix);
    let (shortest, longest) = lengths;
    let shortest = Literal::usize_unsuffixed(shortest);
    let longest = match longest {
        Some(longest) => {
            let longest = Literal::usize_unsuffixed(longest);
            quote!(#longest)
        }
        None => quote!(usize::MAX),
    };
    let counter = option(tables.counter.as_ref().map(|counter| {
        let actions = Literal::byte_string(&counter.actions);
        let limits = u32_table(p, &counter.limits);
        let boundaries = u16_table(p, counter.boundaries.iter().copied());
        let plain_below = Literal::u32_unsuffixed(counter.plain_below);
        let sets = option(counter.sets.as_ref().map(|sets| {
            let bounds = u32_table(p, &sets.bounds);
            let twins = u16_table(p, sets.twins.iter().copied());
            quote! {
                #p::CountSets {
                    bounds: #bounds,
                    twins: #twins,
                }
            }
        }));
        quote! {
            #p::Counter {
                actions: #actions,
                limits: #limits,
                boundaries: #boundaries,
                plain_below: #plain_below,
                sets: #sets,
            }
        }
    }));
    let wide = option(tables.wide.as_ref().map(|wide| {
        let starts = u32_table(p, &wide.starts);
        let classes = Literal::byte_string(&wide.classes);
        let top = u16_table(p, wide.top.iter().map(|&e| u32::from(e)));
        let middle = u16_table(p, wide.middle.iter().map(|&e| u32::from(e)));
        let leaves = Literal::byte_string(&wide.leaves);
        quote! {
            #p::WideClasses {
                starts: #starts,
                classes: #classes,
                top: #top,
                middle: #middle,
                leaves: #leaves,
            }
        }
    }));
    let reversed = tables.reversed;
    let begins_with = Literal::byte_string(&tables.begins_with);
    let ends_with = Literal::byte_string(&tables.ends_with);
    // The second automaton's lengths are its own: the first rejects outside the tighter ones.
    let also = option(tables.also.as_ref().map(|also| {
        let also = automaton(p, also, also.byte_lengths());
        quote!(&#also)
    }));
    // The tail's lengths are the pattern's bounds on it, which the split walk relies on.
    let tail = option(tables.tail.as_ref().map(|tail| {
        let tail = automaton(p, &tail.tables, (tail.shortest, Some(tail.longest)));
        quote!(&#tail)
    }));
    let relaxed = option(tables.relaxed.as_ref().map(|relaxed| {
        let automaton = automaton(p, &relaxed.tables, relaxed.tables.byte_lengths());
        let below = relaxed.below;
        quote! {
            #p::Relaxed {
                automaton: &#automaton,
                below: #below,
            }
        }
    }));
    quote! {
        #p::Automaton {
            classes: #classes,
            transitions: #transitions,
            stride: #stride,
            stride_reciprocal: #p::Automaton::reciprocal_of(#stride),
            accepting: #accepting,
            start: #start,
            prefix: #prefix,
            after_prefix: #after_prefix,
            shortest: #shortest,
            longest: #longest,
            counter: #counter,
            wide: #wide,
            reversed: #reversed,
            begins_with: #begins_with,
            ends_with: #ends_with,
            also: #also,
            tail: #tail,
            relaxed: #relaxed,
        }
    }
}

/// The shortest and longest byte lengths `steps` can match (`None`: unbounded).
fn byte_lengths(steps: &[Step]) -> (usize, Option<usize>) {
    let mut total = (0usize, Some(0usize));
    for step in steps {
        let (min, max) = match step {
            Step::Literal(bytes) => (bytes.len(), Some(bytes.len())),
            Step::Class { ranges, min, max } => {
                let widest = match ranges.last().map_or(0, |r| r.1) {
                    0..0x80 => 1,
                    0x80..0x800 => 2,
                    0x800..0x10000 => 3,
                    _ => 4,
                };
                (*min as usize, max.map(|m| m as usize * widest))
            }
            Step::Choice(branches) => {
                let lengths: Vec<_> = branches.iter().map(|b| byte_lengths(b)).collect();
                let min = lengths.iter().map(|l| l.0).min().unwrap_or(0);
                let max = lengths.iter().try_fold(0, |max, l| l.1.map(|b| b.max(max)));
                (min, max)
            }
        };
        total = (total.0 + min, total.1.zip(max).map(|(a, b)| a + b));
    }
    total
}

/// The most ASCII ranges a class is tested by comparing against in a loop that stops at the
/// first byte outside it: more compile to a jump table, whose branch mispredicts on mixed text,
/// so such a loop tests a class of more ranges as a bit set. A pass over every byte compares
/// whatever the ranges: comparisons vectorize (`[0-9a-f]{32}` checks 16 bytes at a time) and a
/// bit set does not.
const MAX_COMPARED_RANGES: usize = 3;

/// The ASCII part of `ranges` as a set of bytes: bit `n` for byte `n`.
fn ascii_set(ranges: &[(u32, u32)]) -> u128 {
    ranges
        .iter()
        .filter(|&&(lo, _)| lo < 0x80)
        .flat_map(|&(lo, hi)| lo..=hi.min(0x7F))
        .fold(0, |set, byte| set | 1 << byte)
}

/// `byte` patterns of the ASCII part of `ranges`.
fn ascii_arms(ranges: &[(u32, u32)]) -> Vec<TokenStream> {
    ranges
        .iter()
        .filter(|&&(lo, _)| lo < 0x80)
        .map(|&(lo, hi)| {
            let (lo, hi) = (lo as u8, hi.min(0x7F) as u8);
            let (lo, hi) = (Literal::u8_suffixed(lo), Literal::u8_suffixed(hi));
            quote!(#lo..=#hi)
        })
        .collect()
}

/// The calls that match `steps` in order, each into `constrained`'s sequence steps with the class
/// as a constant predicate.
fn step_calls(p: &TokenStream, steps: &[Step], whole: bool) -> Vec<TokenStream> {
    let s = quote!(#p::sequence);
    let last = steps.len().saturating_sub(1);
    steps
        .iter()
        .enumerate()
        .map(|(i, step)| match step {
            Step::Literal(bytes) => {
                let bytes = Literal::byte_string(bytes);
                quote!(#s::literal(text, &mut at, #bytes))
            }
            Step::Class { ranges, min, max } => {
                // The class tested by comparisons, for a pass over every byte that the compiler
                // turns into vector code, and as a bit set when it has many ranges, for a loop
                // that stops at the first byte outside it (see `MAX_COMPARED_RANGES`).
                let arms = ascii_arms(ranges);
                let class = if arms.is_empty() {
                    quote!(|_: u8| false)
                } else {
                    quote!(|byte: u8| matches!(byte, #(#arms)|*))
                };
                let scanned = if arms.len() > MAX_COMPARED_RANGES {
                    let members = ascii_set(ranges);
                    let below_64 = Literal::u64_suffixed(members as u64);
                    let from_64 = Literal::u64_suffixed((members >> 64) as u64);
                    quote!(|byte: u8| #s::in_set(#below_64, #from_64, byte))
                } else {
                    class.clone()
                };
                let min_count = Literal::usize_unsuffixed(*min as usize);
                let max_count = match max {
                    Some(max) => Literal::usize_unsuffixed(*max as usize).into_token_stream(),
                    None => quote!(usize::MAX),
                };
                let last_step = whole && i == last;
                match reading(ranges, *min, *max, last_step) {
                    Reading::Ascii if *max == Some(*min) => {
                        quote!(#s::exact(text, &mut at, #min_count, #class))
                    }
                    Reading::Ascii if last_step => {
                        quote!(#s::rest(text, &mut at, #min_count, #max_count, #class))
                    }
                    Reading::Ascii => match ranges.as_slice() {
                        &[(lo, hi)] => {
                            let (lo, hi) = (Literal::u8_suffixed(lo as u8), Literal::u8_suffixed(hi as u8));
                            quote!(#s::range_run(text, &mut at, #min_count, #max_count, #lo, #hi))
                        }
                        _ => quote!(#s::run(text, &mut at, #min_count, #max_count, #scanned)),
                    },
                    Reading::EveryBeyondAscii if last_step => {
                        quote!(#s::beyond_ascii_rest(text, &mut at, #min_count, #max_count, #class))
                    }
                    Reading::EveryBeyondAscii => {
                        quote!(#s::beyond_ascii_run(text, &mut at, #min_count, #max_count, #scanned))
                    }
                    Reading::Decoded => {
                        let wide = ranges
                            .iter()
                            .filter(|&&(_, hi)| hi >= 0x80)
                            .map(|&(lo, hi)| {
                                let lo = Literal::u32_suffixed(lo.max(0x80));
                                let hi = Literal::u32_suffixed(hi);
                                quote!(#lo..=#hi)
                            });
                        let wide = quote!(|c: u32| matches!(c, #(#wide)|*));
                        if last_step {
                            quote!(#s::wide_rest(
                                text, &mut at, #min_count, #max_count, #class, #scanned, #wide
                            ))
                        } else {
                            quote!(#s::wide_run(
                                text, &mut at, #min_count, #max_count, #scanned, #wide
                            ))
                        }
                    }
                }
            }
            Step::Choice(branches) => {
                // An empty branch is taken when the next byte begins no other branch.
                let otherwise = branches.iter().any(Vec::is_empty);
                let arms = branches.iter().filter(|b| !b.is_empty()).map(|branch| {
                    // The derive builds choices only when every branch starts with an ASCII
                    // character it can name.
                    let first =
                        ascii_arms(&crate::pattern::first_characters(branch).unwrap_or_default());
                    let first = quote!(#(#first)|*);
                    let calls = step_calls(p, branch, whole && i == last);
                    quote!(::core::option::Option::Some(#first) => #(#calls &&)* true,)
                });
                quote!((match text.get(at).copied() {
                    #(#arms)*
                    _ => #otherwise,
                }))
            }
        })
        .collect()
}

/// A function matching `steps` in order.
fn straight_line(p: &TokenStream, steps: &[Step]) -> TokenStream {
    let (min_len, max_len) = byte_lengths(steps);
    let calls = step_calls(p, steps, true);
    let min_len = Literal::usize_unsuffixed(min_len);
    let too_long = match max_len {
        Some(max) => {
            let max = Literal::usize_unsuffixed(max);
            quote!(|| text.len() > #max)
        }
        None => TokenStream::new(),
    };
    quote! {{
        fn straight_line(text: &str) -> bool {
            let text = text.as_bytes();
            if text.len() < #min_len #too_long {
                return false;
            }
            let mut at = 0usize;
            #(#calls &&)* at == text.len()
        }
        straight_line
    }}
}

pub fn text(p: &TokenStream, rules: Option<&Rules>, sensitive: bool) -> TokenStream {
    let length = option(
        rules
            .and_then(|r| r.length.as_ref())
            .map(|l| length(p, &l.value)),
    );
    let pattern = option(
        rules
            .and_then(|r| r.pattern.as_ref())
            .map(|rule| pattern(p, &rule.value)),
    );
    let sanitize = option(rules.and_then(|r| r.sanitize.as_ref()).map(|s| {
        let Sanitizers {
            trim,
            lowercase,
            uppercase,
            ..
        } = &s.value;
        let (trim, lowercase, uppercase) =
            (trim.is_some(), lowercase.is_some(), uppercase.is_some());
        quote!(#p::Sanitizers { trim: #trim, lowercase: #lowercase, uppercase: #uppercase })
    }));
    quote! {
        #p::TextRules {
            length: #length,
            pattern: #pattern,
            sensitive: #sensitive,
            sanitize: #sanitize,
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
    p: &TokenStream,
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
        #p::RangeRules::<#ty> {
            min: #min_value,
            max: #max_value,
            min_text: #min_text,
            max_text: #max_text,
            sensitive: #sensitive,
        }
    }
}

/// The type of the rules of a key, value or item of type `ty`.
pub fn element_type(p: &TokenStream, element: &Element, ty: &Type) -> TokenStream {
    match element {
        Element::Text => quote!(#p::TextRules),
        Element::Number(_) => quote!(#p::RangeRules<#ty>),
        Element::Other => quote!(#p::NoRules),
    }
}

/// `Some(rules)` for an optional rule, `None` for its absence.
pub fn length_option(p: &TokenStream, rules: &Rules) -> TokenStream {
    option(rules.length.as_ref().map(|l| length(p, &l.value)))
}

/// A rule as the user wrote it, for compile errors about literals and defaults:
/// `length(min = 1, max = 128)`.
pub fn length_as_written(rule: &LengthRule) -> String {
    let bound = |b: &Option<attr::Spanned<usize>>| b.as_ref().map(|b| b.value.to_string());
    bounds_as_written("length", bound(&rule.min), bound(&rule.max))
}

/// `range(min = 1, max = 100)`, as written.
pub fn range_as_written(rule: &RangeRule) -> String {
    let bound = |b: &Option<NumberBound>| b.as_ref().map(|b| b.text.clone());
    bounds_as_written("range", bound(&rule.min), bound(&rule.max))
}

fn bounds_as_written(rule: &str, min: Option<String>, max: Option<String>) -> String {
    let bounds: Vec<String> = [("min", min), ("max", max)]
        .into_iter()
        .filter_map(|(name, bound)| bound.map(|b| format!("{name} = {b}")))
        .collect();
    format!("{rule}({})", bounds.join(", "))
}

/// The rules of a key, value or item of type `ty`.
pub fn element(
    p: &TokenStream,
    element: &Element,
    ty: &Type,
    rules: Option<&Rules>,
    sensitive: bool,
) -> TokenStream {
    match element {
        Element::Text => text(p, rules, sensitive),
        Element::Number(primitive) => range(
            p,
            rules.and_then(|r| r.range.as_ref()).map(|r| &r.value),
            *primitive,
            ty,
            sensitive,
        ),
        Element::Other => quote!(#p::NoRules),
    }
}

/// The pattern of `rules` as an anchored ECMA-262 string, for a JSON Schema.
pub fn ecma(rules: Option<&Rules>) -> TokenStream {
    option(
        rules
            .and_then(|r| r.pattern.as_ref())
            .and_then(|p| p.value.compiled.as_ref())
            .map(|c| c.ecma.as_str()),
    )
}

/// The JSON Schema of a key, value or item of type `ty`, whose rules are `rules_expr`.
pub fn element_schema(
    p: &TokenStream,
    element: &Element,
    ty: &Type,
    rules: Option<&Rules>,
    rules_expr: TokenStream,
) -> TokenStream {
    match element {
        Element::Text => {
            let ecma = ecma(rules);
            quote!(#p::schema::text(&#rules_expr, #ecma))
        }
        Element::Number(primitive) => {
            let integer = matches!(primitive, Primitive::Integer { .. });
            quote!(#p::schema::number(&#rules_expr, #integer))
        }
        Element::Other => quote!({
            #[allow(unused_imports)]
            use #p::schema::{ViaAnything as _, ViaJsonSchema as _};
            (&#p::schema::Probe::<#ty>::new()).element_schema(generator)
        }),
    }
}

/// The strategy of a key, value or item of type `ty` (feature `proptest`): `Some` boxed strategy,
/// or `None` for a type that has none.
pub fn element_strategy(
    p: &TokenStream,
    element: &Element,
    ty: &Type,
    rules_expr: TokenStream,
) -> TokenStream {
    match element {
        Element::Text => quote!(::core::option::Option::Some(#p::generate::wrapped(
            #p::generate::text(&#rules_expr)
        ))),
        Element::Number(_) => quote!(::core::option::Option::Some(#p::generate::wrapped(
            #p::generate::number(&#rules_expr)
        ))),
        Element::Other => quote!({
            #[allow(unused_imports)]
            use #p::generate::{ViaGenerate as _, ViaNothing as _};
            (&#p::generate::Probe::<#ty>::new()).element_strategy()
        }),
    }
}
