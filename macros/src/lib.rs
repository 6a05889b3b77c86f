//! The derive macro of the [`constrained`](https://docs.rs/constrained) crate. Use it through
//! `constrained::Constrained`; this crate's own API is only the derive.
//!
//! The derive parses the input into a typed model (`ast`, `attr`), checks it and reports every
//! mistake at once (`check`), then expands thin impls that call into `constrained` (`expand`).
//! Patterns are compiled to DFA tables here, at expansion (`pattern`).

mod ast;
mod attr;
mod case;
mod check;
mod default_value;
mod errors;
mod expand;
mod inner_type;
mod pattern;
mod sanitize;
mod suggest;
mod vocabulary;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// Derives a constrained newtype or enum; see the `constrained` crate for the attribute grammar.
#[proc_macro_derive(Constrained, attributes(constrained))]
pub fn derive_constrained(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::derive(&input).into()
}
