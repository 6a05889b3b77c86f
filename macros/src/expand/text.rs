//! The string family: `TextRules`, sanitizers, `&str` conversions, `Deref<Target = str>`,
//! comparisons with `str`, and checked literals.

use super::literal;
use super::newtype::{FamilyImpls, default_body};
use super::rules;
use crate::ast::Container;
use crate::inner_type::InnerType;
use proc_macro2::{Literal, TokenStream};
use quote::quote;

pub fn expand(container: &Container) -> FamilyImpls {
    let ident = container.ident;
    let p = container.private();
    let r = &container.rules;
    let sensitive = r.sensitive.is_some();

    let mut inherent = TokenStream::new();
    if let Some(pattern) = &r.pattern {
        let source = &pattern.value.source;
        inherent.extend(quote! {
            /// The pattern every value matches as a whole, as written.
            pub const PATTERN: &'static str = #source;
        });
    }
    if let Some(length) = &r.length {
        if let Some(min) = &length.value.min {
            let min = Literal::usize_unsuffixed(min.value);
            inherent.extend(quote! {
                /// The least length a value may have, in Unicode scalar values.
                pub const MIN_LENGTH: usize = #min;
            });
        }
        if let Some(max) = &length.value.max {
            let max = Literal::usize_unsuffixed(max.value);
            inherent.extend(quote! {
                /// The greatest length a value may have, in Unicode scalar values.
                pub const MAX_LENGTH: usize = #max;
            });
        }
    }
    inherent.extend(quote! {
        /// The value as a string slice.
        pub fn as_str(&self) -> &str {
            &self.0
        }
    });
    inherent.extend(literal_support(container));

    let custom_check = r
        .check
        .is_some()
        .then(|| quote!(Self::CHECK.check(&inner)?;));
    let impls = quote! {
        #[automatically_derived]
        impl #p::HasTextRules for #ident {
            const TEXT_RULES: &'static #p::TextRules = Self::RULES;
        }

        #[automatically_derived]
        impl ::core::convert::TryFrom<&str> for #ident {
            type Error = #p::Violation;

            fn try_from(text: &str) -> ::core::result::Result<Self, #p::Violation> {
                let inner = Self::RULES.accept_str(text)?;
                #custom_check
                ::core::result::Result::Ok(Self(inner))
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
        impl ::core::ops::Deref for #ident {
            type Target = str;

            fn deref(&self) -> &str {
                &self.0
            }
        }

        #[automatically_derived]
        impl ::core::convert::AsRef<str> for #ident {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        #[automatically_derived]
        impl ::core::borrow::Borrow<str> for #ident {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        #[automatically_derived]
        impl ::core::cmp::PartialEq<str> for #ident {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        #[automatically_derived]
        impl ::core::cmp::PartialEq<&str> for #ident {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        #[automatically_derived]
        impl ::core::cmp::PartialEq<#ident> for str {
            fn eq(&self, other: &#ident) -> bool {
                self == other.0
            }
        }

        #[automatically_derived]
        impl ::core::cmp::PartialEq<#ident> for &str {
            fn eq(&self, other: &#ident) -> bool {
                *self == other.0
            }
        }
    };

    FamilyImpls {
        rules_ty: quote!(#p::TextRules),
        rules_value: rules::text(&p, Some(r), sensitive),
        check: quote!(let inner = Self::RULES.accept_string(inner)?;),
        deserialize: quote!(#p::deserialize_text(deserializer, #p::RulesOf::<Self>::NEW)),
        inherent,
        impls,
        display: Some(quote!(f.write_str(&self.0))),
        schema: {
            let ecma = rules::ecma(Some(r));
            quote!(#p::schema::text(Self::RULES, #ecma))
        },
        generate: (
            quote!(#p::generate::wrapped(#p::generate::text(Self::RULES))),
            quote!(#p::generate::text_near_miss(Self::RULES)),
        ),
        default: default_body(container, &InnerType::Text),
    }
}

/// `__literal`, which checks a literal in `const` context, and `__from_literal`, which builds the
/// value from it at run time (the rules run again there: there is no unchecked way in).
fn literal_support(container: &Container) -> TokenStream {
    let p = container.private();
    let r = &container.rules;
    let check = match literal::unsupported(container) {
        Some(message) => quote!({
            let _ = text;
            ::core::panic!("{}", #message)
        }),
        None => {
            let length = r
                .length
                .as_ref()
                .map_or_else(String::new, |l| rules::length_as_written(&l.value));
            let pattern = r.pattern.as_ref().map_or_else(String::new, |rule| {
                format!("pattern = {:?}", rule.value.source)
            });
            let length = literal::breaks(container, &length);
            let pattern = literal::breaks(container, &pattern);
            quote! {
                match Self::RULES.literal_fault(text) {
                    #p::LiteralFault::None => text,
                    #p::LiteralFault::Length => ::core::panic!("{}", #length),
                    #p::LiteralFault::Pattern => ::core::panic!("{}", #pattern),
                }
            }
        }
    };
    quote! {
        #[doc(hidden)]
        pub const fn __literal(text: &'static str) -> &'static str {
            #check
        }

        #[doc(hidden)]
        pub fn __from_literal(text: &'static str) -> Self {
            match Self::new(::std::string::String::from(text)) {
                ::core::result::Result::Ok(value) => value,
                ::core::result::Result::Err(_) => {
                    ::core::unreachable!("`literal!` checked this value when it compiled")
                }
            }
        }
    }
}
