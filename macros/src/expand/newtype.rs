//! Expands a constrained newtype: what every family shares (validating construction, accessors,
//! the `Constrained` trait, serde, a custom check, a checked default, sensitive formatting),
//! around what its family's module contributes.

use super::{blob, list, map, number, text};
use crate::ast::{Container, Newtype};
use crate::default_value::DefaultValue;
use crate::inner_type::InnerType;
use proc_macro2::TokenStream;
use quote::quote;

/// What one family of inner type contributes to a newtype's expansion.
pub struct FamilyImpls {
    /// The type of the `RULES` constant.
    pub rules_ty: TokenStream,
    /// The value of the `RULES` constant.
    pub rules_value: TokenStream,
    /// Statements validating `inner` with `?` on a `Violation`; they may rebind `inner` (a
    /// sanitized string).
    pub check: TokenStream,
    /// An expression reading the inner value from `deserializer` under `Self::RULES`.
    pub deserialize: TokenStream,
    /// Items of the inherent impl beside `RULES`: documented constants, literal support.
    pub inherent: TokenStream,
    /// Trait impls of the family: conversions, `Deref`, `Display`.
    pub impls: TokenStream,
    /// How a non-sensitive value is displayed, if the family has a `Display`.
    pub display: Option<TokenStream>,
    /// The body of `JsonSchema::json_schema` (feature `schemars`), with `generator` in scope.
    pub schema: TokenStream,
    /// Expressions of `Generate::valid`'s inner values and of `Generate::near_miss` (feature
    /// `proptest`).
    pub generate: (TokenStream, TokenStream),
    /// The body of `Default::default`, when `default = …` was given.
    pub default: Option<TokenStream>,
}

pub fn expand(container: &Container, newtype: &Newtype) -> TokenStream {
    let family = match &newtype.inner {
        InnerType::Text => text::expand(container),
        InnerType::Number(primitive) => number::expand(container, newtype, *primitive),
        InnerType::Blob => blob::expand(container),
        InnerType::List { item } => list::expand(container, newtype, item),
        InnerType::Map { key, value } => map::expand(container, newtype, key, value),
        InnerType::Unsupported => return TokenStream::new(),
    };
    let ident = container.ident;
    let inner_ty = newtype.ty;
    let p = container.private();
    let FamilyImpls {
        rules_ty,
        rules_value,
        check,
        deserialize,
        inherent,
        impls,
        display,
        schema,
        generate,
        default,
    } = family;

    let (custom_const, custom_check, deserialize) = match &container.rules.check {
        Some(path) => {
            let path = &path.value;
            let name = quote!(#path).to_string().replace(' ', "");
            let sensitive = container.rules.sensitive.is_some();
            let echo = match &newtype.inner {
                InnerType::Text | InnerType::Number(_) => quote! {
                    ::core::option::Option::Some(|inner: &#inner_ty| ::std::string::ToString::to_string(inner))
                },
                _ => quote!(::core::option::Option::None),
            };
            (
                quote! {
                    /// The type's `check` rule.
                    const CHECK: &'static #p::CustomRule<#inner_ty> = &#p::CustomRule {
                        name: #name,
                        check: |inner: &#inner_ty| {
                            #path(inner).map_err(|e| ::std::string::ToString::to_string(&e))
                        },
                        sensitive: #sensitive,
                        echo: #echo,
                    };
                },
                quote!(Self::CHECK.check(&inner)?;),
                quote!(#p::deserialize_checked(deserializer, |deserializer| #deserialize, Self::CHECK)),
            )
        }
        None => (TokenStream::new(), TokenStream::new(), deserialize),
    };

    let formatting = formatting(container, display);
    let schema_impl = schema_impl(container, schema);
    let (inner_values, near_miss) = generate;
    let generate_impl = generate_impl(
        container,
        quote!(#p::generate::accepted(#inner_values, Self::new)),
        near_miss,
    );
    let default = default.map(|body| {
        quote! {
            /// The default given by `#[constrained(default = …)]`, checked against the rules when
            /// the derive expanded.
            #[automatically_derived]
            impl ::core::default::Default for #ident {
                fn default() -> Self {
                    #body
                }
            }
        }
    });

    quote! {
        #[automatically_derived]
        impl #ident {
            #inherent

            /// The rules every value of this type satisfies, as data the runtime checks.
            #[doc(hidden)]
            pub const RULES: &'static #rules_ty = &#rules_value;

            #custom_const

            /// Validates `inner` and wraps it, or returns the first rule it breaks.
            pub fn new(inner: #inner_ty) -> ::core::result::Result<Self, #p::Violation> {
                #check
                #custom_check
                ::core::result::Result::Ok(Self(inner))
            }

            /// The wrapped value.
            pub fn as_inner(&self) -> &#inner_ty {
                &self.0
            }

            /// Unwraps the value.
            pub fn into_inner(self) -> #inner_ty {
                self.0
            }
        }

        #[automatically_derived]
        impl #p::Constrained for #ident {
            type Inner = #inner_ty;

            fn new(inner: #inner_ty) -> ::core::result::Result<Self, #p::Violation> {
                #ident::new(inner)
            }

            fn as_inner(&self) -> &#inner_ty {
                &self.0
            }

            fn into_inner(self) -> #inner_ty {
                self.0
            }
        }

        #[automatically_derived]
        impl ::core::convert::TryFrom<#inner_ty> for #ident {
            type Error = #p::Violation;

            fn try_from(inner: #inner_ty) -> ::core::result::Result<Self, #p::Violation> {
                Self::new(inner)
            }
        }

        #[automatically_derived]
        impl ::core::convert::From<#ident> for #inner_ty {
            fn from(value: #ident) -> Self {
                value.0
            }
        }

        #[automatically_derived]
        impl #p::serde::Serialize for #ident {
            fn serialize<S: #p::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                #p::serde::Serialize::serialize(&self.0, serializer)
            }
        }

        #[automatically_derived]
        impl<'de> #p::serde::Deserialize<'de> for #ident {
            fn deserialize<D: #p::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                #deserialize.map(Self)
            }
        }

        #impls
        #formatting
        #default
        #schema_impl
        #generate_impl
    }
}

/// `Display` (the value, or a redaction for a sensitive type) and, for a sensitive type, a
/// `Debug` that never shows the value.
pub fn formatting(container: &Container, display: Option<TokenStream>) -> TokenStream {
    let ident = container.ident;
    let p = container.private();
    if container.rules.sensitive.is_none() {
        return display
            .map(|display| {
                quote! {
                    #[automatically_derived]
                    impl #p::fmt::Display for #ident {
                        fn fmt(&self, f: &mut #p::fmt::Formatter<'_>) -> #p::fmt::Result {
                            #display
                        }
                    }
                }
            })
            .unwrap_or_default();
    }
    let name = ident.to_string();
    quote! {
        /// Never shows the value: the type is `sensitive`.
        #[automatically_derived]
        impl #p::fmt::Display for #ident {
            fn fmt(&self, f: &mut #p::fmt::Formatter<'_>) -> #p::fmt::Result {
                f.write_str(#p::REDACTED)
            }
        }

        /// Never shows the value: the type is `sensitive`.
        #[automatically_derived]
        impl #p::fmt::Debug for #ident {
            fn fmt(&self, f: &mut #p::fmt::Formatter<'_>) -> #p::fmt::Result {
                #p::debug_redacted(f, #name)
            }
        }
    }
}

/// `impl schemars::JsonSchema`, which the runtime keeps only when its `schemars` feature is on.
pub fn schema_impl(container: &Container, body: TokenStream) -> TokenStream {
    let ident = container.ident;
    let p = container.private();
    let name = ident.to_string();
    quote! {
        #p::schema_impl! {
            #[automatically_derived]
            impl #p::schemars::JsonSchema for #ident {
                fn schema_name() -> ::std::borrow::Cow<'static, str> {
                    ::std::borrow::Cow::Borrowed(#name)
                }

                fn json_schema(generator: &mut #p::schemars::SchemaGenerator) -> #p::schemars::Schema {
                    let _ = &generator;
                    #body
                }
            }
        }
    }
}

/// `impl constrained::generate::Generate`, which the runtime keeps only when its `proptest`
/// feature is on.
pub fn generate_impl(
    container: &Container,
    valid: TokenStream,
    near_miss: TokenStream,
) -> TokenStream {
    let ident = container.ident;
    let p = container.private();
    quote! {
        #p::generate_impl! {
            #[automatically_derived]
            impl #p::generate::Generate for #ident {
                fn valid() -> #p::proptest::strategy::BoxedStrategy<#p::generate::Generated<Self>> {
                    #valid
                }

                fn near_miss() -> #p::proptest::strategy::BoxedStrategy<#p::JsonValue> {
                    #near_miss
                }
            }
        }
    }
}

/// The body of `Default::default` for a string or number default, already checked.
pub fn default_body(container: &Container, inner: &InnerType) -> Option<TokenStream> {
    let default = &container.rules.default.as_ref()?.value;
    Some(match (default, inner) {
        (DefaultValue::Text(literal), _) => {
            quote!(Self(::std::string::String::from(#literal)))
        }
        (DefaultValue::Number(bound), InnerType::Number(primitive)) => {
            let literal = super::rules::bound_literal(bound, *primitive);
            quote!(Self(#literal))
        }
        // The check rejected every other pairing.
        _ => return None,
    })
}
