//! Code generation: reads the checked model and emits thin impls that call into `constrained`.

mod blob;
mod enumeration;
mod list;
mod literal;
mod map;
mod newtype;
mod number;
mod rules;
mod text;

pub use rules::{length_as_written, range_as_written};

use crate::ast::{self, Body, Container};
use crate::check;
use crate::errors::Errors;
use proc_macro2::TokenStream;
use syn::DeriveInput;

/// parse → check → expand: the impls, or every error found.
pub fn checked(input: &DeriveInput) -> Result<TokenStream, (syn::Error, Option<TokenStream>)> {
    let mut errors = Errors::default();
    let mut container = ast::container(input, &mut errors);
    check::container(&container, &mut errors);
    match errors.finish() {
        Ok(()) => Ok(expand(&container)),
        Err(error) => {
            // As thiserror does: beside the errors, the type's impls without its rules, when its
            // shape allows them, so code using the type type-checks and the user sees only the
            // mistakes in the attribute, not a cascade of missing methods.
            let fallback = check::expandable_without_rules(&container).then(|| {
                container.rules.without_rules();
                expand(&container)
            });
            Err((error, fallback))
        }
    }
}

/// The derive's output: the impls, or the errors (with the fallback impls, when there are any).
pub fn derive(input: &DeriveInput) -> TokenStream {
    match checked(input) {
        Ok(impls) => impls,
        Err((error, fallback)) => {
            let mut tokens = error.into_compile_error();
            tokens.extend(fallback);
            tokens
        }
    }
}

fn expand(container: &Container) -> TokenStream {
    match &container.body {
        Body::Newtype(newtype) => newtype::expand(container, newtype),
        Body::Enum(variants) => enumeration::expand(container, variants),
        Body::Invalid => TokenStream::new(),
    }
}
