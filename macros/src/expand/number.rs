//! The number family: `RangeRules`, `FromStr`, the primitive from the type, and checked
//! literals usable in `const` items.

use super::literal;
use super::newtype::{FamilyImpls, default_body};
use super::rules;
use crate::ast::{Container, Newtype};
use crate::inner_type::{InnerType, Primitive};
use proc_macro2::TokenStream;
use quote::quote;

pub fn expand(container: &Container, newtype: &Newtype, primitive: Primitive) -> FamilyImpls {
    let ident = container.ident;
    let inner_ty = newtype.ty;
    let p = container.private();
    let r = &container.rules;
    let sensitive = r.sensitive.is_some();
    let range = r.range.as_ref().map(|r| &r.value);

    let mut inherent = TokenStream::new();
    let min = range.and_then(|r| r.min.as_ref());
    let max = range.and_then(|r| r.max.as_ref());
    for (bound, name, doc) in [
        (min, quote!(MIN), "The least value allowed."),
        (max, quote!(MAX), "The greatest value allowed."),
    ] {
        if let Some(bound) = bound {
            let literal = rules::bound_literal(bound, primitive);
            inherent.extend(quote! {
                #[doc = #doc]
                pub const #name: #inner_ty = #literal;
            });
        }
    }

    // The literal check, written out for the concrete type: comparisons are `const` only on
    // primitives, not through a generic bound.
    let literal_check = match literal::unsupported(container) {
        Some(message) => quote!({
            let _ = value;
            ::core::panic!("{}", #message)
        }),
        None => {
            let rule = literal::breaks(
                container,
                &range.map(rules::range_as_written).unwrap_or_default(),
            );
            let mut checks = TokenStream::new();
            if let Primitive::Float { .. } = primitive {
                let finite = literal::breaks(container, "a finite number");
                checks.extend(quote! {
                    if !value.is_finite() {
                        ::core::panic!("{}", #finite);
                    }
                    let value = if value == 0.0 { 0.0 } else { value };
                });
            }
            if let Some(min) = min {
                let min = rules::bound_literal(min, primitive);
                checks.extend(quote!(if value < #min { ::core::panic!("{}", #rule); }));
            }
            if let Some(max) = max {
                let max = rules::bound_literal(max, primitive);
                checks.extend(quote!(if value > #max { ::core::panic!("{}", #rule); }));
            }
            quote!({
                #checks
                Self(value)
            })
        }
    };
    inherent.extend(quote! {
        #[doc(hidden)]
        pub const fn __literal(value: #inner_ty) -> Self {
            #literal_check
        }

        #[doc(hidden)]
        pub const fn __from_literal(value: Self) -> Self {
            value
        }
    });

    let impls = quote! {
        #[automatically_derived]
        impl #p::FromStr for #ident {
            type Err = #p::ParseError;

            fn from_str(text: &str) -> ::core::result::Result<Self, #p::ParseError> {
                #p::parse_number::<#inner_ty, Self>(text, Self::new)
            }
        }
    };

    FamilyImpls {
        rules_ty: quote!(#p::RangeRules<#inner_ty>),
        rules_value: rules::range(&p, range, primitive, inner_ty, sensitive),
        check: quote! {
            let inner = #p::Number::normalized(inner);
            Self::RULES.check(inner)?;
        },
        deserialize: quote!(#p::deserialize_number(deserializer, Self::RULES)),
        inherent,
        impls,
        display: Some(quote!(#p::fmt::Display::fmt(&self.0, f))),
        schema: {
            let integer = matches!(primitive, Primitive::Integer { .. });
            quote!(#p::schema::number(Self::RULES, #integer))
        },
        generate: {
            let integer = matches!(primitive, Primitive::Integer { .. });
            (
                quote!(#p::generate::wrapped(#p::generate::number(Self::RULES))),
                quote!(#p::generate::number_near_miss(Self::RULES, #integer)),
            )
        },
        default: default_body(container, &InnerType::Number(primitive)),
    }
}
