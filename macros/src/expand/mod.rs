//! Code generation: reads the checked model and emits thin impls that call into `constrained`.

mod enumeration;
mod newtype;
mod rules;

use crate::ast::{self, Body};
use crate::check;
use crate::errors::Errors;
use proc_macro2::TokenStream;
use syn::DeriveInput;

/// parse → check → expand: expansion runs only when parsing and checking found no error.
pub fn derive(input: &DeriveInput) -> syn::Result<TokenStream> {
    let mut errors = Errors::default();
    let container = ast::container(input, &mut errors);
    check::container(&container, &mut errors);
    errors.finish()?;
    Ok(match &container.body {
        Body::Newtype(newtype) => newtype::expand(&container, newtype),
        Body::Enum(variants) => enumeration::expand(&container, variants),
        Body::Invalid => TokenStream::new(),
    })
}
