//! `DefaultValue`: the value of `default = …`, a string or a number literal as written.

use crate::attr::NumberBound;
use syn::LitStr;

/// The value `Default::default()` returns, checked against the type's rules when the derive
/// expands.
pub enum DefaultValue {
    /// `default = "…"`, for strings and enums (the wire value).
    Text(LitStr),
    /// `default = 25` or `default = -1.5`, for numbers.
    Number(NumberBound),
}

impl DefaultValue {
    /// The tokens the value was written as, where an error about it points.
    pub fn tokens(&self) -> proc_macro2::TokenStream {
        match self {
            DefaultValue::Text(literal) => quote::ToTokens::to_token_stream(literal),
            DefaultValue::Number(bound) => bound.tokens.clone(),
        }
    }
}
