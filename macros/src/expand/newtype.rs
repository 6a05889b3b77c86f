//! Expands a constrained newtype: its rules as an associated constant, validating construction,
//! accessors, conversions and serde impls.

use super::rules;
use crate::ast::{Container, Newtype};
use crate::inner_type::InnerType;
use proc_macro2::{Literal, TokenStream};
use quote::quote;

pub fn expand(container: &Container, newtype: &Newtype) -> TokenStream {
    let ident = container.ident;
    let inner_ty = newtype.ty;
    let r = &container.rules;
    let sensitive = r.sensitive.is_some();
    let p = quote!(::constrained::__private);

    let mut consts = TokenStream::new();
    if let Some(pattern) = &r.pattern {
        let source = &pattern.value.source;
        consts.extend(quote! {
            /// The pattern every value matches as a whole, as written.
            pub const PATTERN: &'static str = #source;
        });
    }
    if let Some(length) = &r.length {
        if let Some(min) = &length.value.min {
            let min = Literal::usize_unsuffixed(min.value);
            consts.extend(quote! {
                /// The least length a value may have.
                pub const MIN_LENGTH: usize = #min;
            });
        }
        if let Some(max) = &length.value.max {
            let max = Literal::usize_unsuffixed(max.value);
            consts.extend(quote! {
                /// The greatest length a value may have.
                pub const MAX_LENGTH: usize = #max;
            });
        }
    }

    let (rules_ty, rules_value, check, deserialize, extra) = match &newtype.inner {
        InnerType::Text => (
            quote!(#p::TextRules),
            rules::text(Some(r), sensitive),
            quote!(Self::RULES.check(&inner)?;),
            quote!(#p::deserialize_text(deserializer, Self::RULES)),
            text_extras(ident),
        ),
        InnerType::Number(primitive) => {
            let range = r.range.as_ref().map(|r| &r.value);
            for (bound, name, doc) in [
                (
                    range.and_then(|r| r.min.as_ref()),
                    quote!(MIN),
                    "The least value allowed.",
                ),
                (
                    range.and_then(|r| r.max.as_ref()),
                    quote!(MAX),
                    "The greatest value allowed.",
                ),
            ] {
                if let Some(bound) = bound {
                    let literal = rules::bound_literal(bound, *primitive);
                    consts.extend(quote! {
                        #[doc = #doc]
                        pub const #name: #inner_ty = #literal;
                    });
                }
            }
            (
                quote!(#p::RangeRules<#inner_ty>),
                rules::range(range, *primitive, inner_ty, sensitive),
                quote! {
                    let inner = #p::Number::normalized(inner);
                    Self::RULES.check(inner)?;
                },
                quote!(#p::deserialize_number(deserializer, Self::RULES)),
                number_extras(ident, inner_ty),
            )
        }
        InnerType::Blob => (
            quote!(#p::BlobRules),
            {
                let length = length_option(r);
                quote!(#p::BlobRules { length: #length })
            },
            quote!(Self::RULES.check(&inner)?;),
            quote!(#p::deserialize_blob(deserializer, Self::RULES)),
            TokenStream::new(),
        ),
        InnerType::List { item } => {
            let item_ty = &newtype.element_types[0];
            let item_rules = r.item.as_ref().map(|s| &*s.value);
            let item_rules_ty = rules::element_type(item, item_ty);
            let unique = r.unique_items.is_some();
            let (check_unique, deserialize) = if unique {
                (
                    quote!(#p::check_unique_items(&inner)?;),
                    quote!(#p::deserialize_unique_list::<_, #item_ty, _>(deserializer, Self::RULES)),
                )
            } else {
                (
                    TokenStream::new(),
                    quote!(#p::deserialize_list::<_, #item_ty, _>(deserializer, Self::RULES)),
                )
            };
            (
                quote!(#p::ListRules<#item_rules_ty>),
                {
                    let length = length_option(r);
                    let item = rules::element(item, item_ty, item_rules, sensitive);
                    quote!(#p::ListRules { length: #length, item: #item, unique_items: #unique })
                },
                quote! {
                    #p::check_list::<#item_ty, _>(Self::RULES, &inner)?;
                    #check_unique
                },
                deserialize,
                TokenStream::new(),
            )
        }
        InnerType::Map { key, value } => {
            let key_ty = &newtype.element_types[0];
            let value_ty = &newtype.element_types[1];
            let key_rules_ty = rules::element_type(key, key_ty);
            let value_rules_ty = rules::element_type(value, value_ty);
            (
                quote!(#p::MapRules<#key_rules_ty, #value_rules_ty>),
                {
                    let length = length_option(r);
                    let key =
                        rules::element(key, key_ty, r.key.as_ref().map(|s| &*s.value), sensitive);
                    let value = rules::element(
                        value,
                        value_ty,
                        r.value.as_ref().map(|s| &*s.value),
                        sensitive,
                    );
                    quote!(#p::MapRules { length: #length, key: #key, value: #value, sensitive: #sensitive })
                },
                quote!(#p::check_map::<#inner_ty, #key_ty, #value_ty, _, _>(Self::RULES, &inner)?;),
                quote!(#p::deserialize_map::<_, #inner_ty, #key_ty, #value_ty, _, _>(deserializer, Self::RULES)),
                TokenStream::new(),
            )
        }
        InnerType::Unsupported => return TokenStream::new(),
    };

    quote! {
        #[automatically_derived]
        impl #ident {
            #consts

            /// The rules every value of this type satisfies, as data.
            pub const RULES: &'static #rules_ty = &#rules_value;

            /// Validates `inner` and wraps it, or returns the first rule it breaks.
            pub fn new(inner: #inner_ty) -> ::core::result::Result<Self, #p::Violation> {
                #check
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

        #extra
    }
}

fn length_option(rules: &crate::attr::Rules) -> TokenStream {
    match &rules.length {
        Some(l) => {
            let length = rules::length(&l.value);
            quote!(::core::option::Option::Some(#length))
        }
        None => quote!(::core::option::Option::None),
    }
}

fn text_extras(ident: &syn::Ident) -> TokenStream {
    let p = quote!(::constrained::__private);
    quote! {
        #[automatically_derived]
        impl #ident {
            /// The value as a string slice.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        #[automatically_derived]
        impl ::core::convert::TryFrom<&str> for #ident {
            type Error = #p::Violation;

            fn try_from(text: &str) -> ::core::result::Result<Self, #p::Violation> {
                Self::RULES.check(text)?;
                ::core::result::Result::Ok(Self(::std::borrow::ToOwned::to_owned(text)))
            }
        }

        #[automatically_derived]
        impl #p::FromStr for #ident {
            type Err = #p::Violation;

            fn from_str(text: &str) -> ::core::result::Result<Self, #p::Violation> {
                <Self as ::core::convert::TryFrom<&str>>::try_from(text)
            }
        }

        #[automatically_derived]
        impl ::core::convert::AsRef<str> for #ident {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        #[automatically_derived]
        impl #p::fmt::Display for #ident {
            fn fmt(&self, f: &mut #p::fmt::Formatter<'_>) -> #p::fmt::Result {
                f.write_str(&self.0)
            }
        }
    }
}

fn number_extras(ident: &syn::Ident, inner_ty: &syn::Type) -> TokenStream {
    let p = quote!(::constrained::__private);
    quote! {
        #[automatically_derived]
        impl #p::FromStr for #ident {
            type Err = #p::ParseError;

            fn from_str(text: &str) -> ::core::result::Result<Self, #p::ParseError> {
                #p::parse_number::<#inner_ty, Self>(text, Self::new)
            }
        }

        #[automatically_derived]
        impl #p::fmt::Display for #ident {
            fn fmt(&self, f: &mut #p::fmt::Formatter<'_>) -> #p::fmt::Result {
                #p::fmt::Display::fmt(&self.0, f)
            }
        }
    }
}
