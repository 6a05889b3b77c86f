//! Expands a constrained enum: its value set as constants, string conversions and serde impls
//! that match wire values on the borrowed text.

use super::literal;
use super::newtype::formatting;
use crate::ast::{Container, Variant};
use crate::default_value::DefaultValue;
use proc_macro2::{Literal, TokenStream};
use quote::quote;

pub fn expand(container: &Container, variants: &[Variant]) -> TokenStream {
    let ident = container.ident;
    let p = container.private();
    let sensitive = container.rules.sensitive.is_some();
    let values: Vec<&Variant> = variants.iter().filter(|v| !v.is_catch_all()).collect();
    let catch_all = variants.iter().find(|v| v.is_catch_all());

    let accepted = values.iter().map(|v| &v.wire);
    let listed = values
        .iter()
        .filter(|v| v.attrs.internal.is_none())
        .map(|v| &v.wire);
    let open = catch_all.is_some();

    let as_str_arms = values.iter().map(|v| {
        let name = &v.variant.ident;
        let wire = &v.wire;
        quote!(Self::#name => #wire,)
    });
    let catch_all_as_str = catch_all.map(|v| {
        let name = &v.variant.ident;
        quote!(Self::#name(value) => value.as_str(),)
    });

    // Index `i` of `accepted` is `values[i]`; the last known value takes the `_` arm so the
    // match needs no unreachable arm.
    let last = values.len().saturating_sub(1);
    let from_wire_arms = values.iter().enumerate().map(|(i, v)| {
        let name = &v.variant.ident;
        if i == last {
            quote!(_ => #ident::#name,)
        } else {
            let i = Literal::usize_unsuffixed(i);
            quote!(#p::WireValue::Known(#i) => #ident::#name,)
        }
    });
    let catch_all_from_wire = catch_all.map(|v| {
        let name = &v.variant.ident;
        quote!(#p::WireValue::Unknown(value) => #ident::#name(value),)
    });
    let wire_from = quote! {
        |value: #p::WireValue| match value {
            #catch_all_from_wire
            #(#from_wire_arms)*
        }
    };

    let literal_arms = values.iter().enumerate().map(|(i, v)| {
        let name = &v.variant.ident;
        let i = Literal::usize_unsuffixed(i);
        quote!(::core::option::Option::Some(#i) => #ident::#name,)
    });
    let not_a_value = literal::breaks(
        container,
        &format!(
            "one of {}",
            values
                .iter()
                .map(|v| format!("{:?}", v.wire))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    );
    let default = container.rules.default.as_ref().and_then(|default| {
        let DefaultValue::Text(literal) = &default.value else {
            return None;
        };
        let variant = values.iter().find(|v| v.wire == literal.value())?;
        let name = &variant.variant.ident;
        Some(quote! {
            /// The default given by `#[constrained(default = …)]`.
            #[automatically_derived]
            impl ::core::default::Default for #ident {
                fn default() -> Self {
                    #ident::#name
                }
            }
        })
    });
    let formatting = formatting(container, Some(quote!(f.write_str(self.as_str()))));
    let generate_impl = super::newtype::generate_impl(
        container,
        quote!(#p::generate::enumeration(Self::RULES, <Self as #p::FromStr>::from_str)),
        quote!(#p::generate::wire_value_near_miss(Self::RULES)),
    );
    let schema_impl =
        super::newtype::schema_impl(container, quote!(#p::schema::enumeration(Self::RULES)));

    quote! {
        #[automatically_derived]
        impl #ident {
            #[doc(hidden)]
            pub const fn __literal(text: &'static str) -> Self {
                match Self::RULES.literal_index(text) {
                    #(#literal_arms)*
                    _ => ::core::panic!("{}", #not_a_value),
                }
            }

            #[doc(hidden)]
            pub const fn __from_literal(value: Self) -> Self {
                value
            }

            /// Every value of the set, as it is written on the wire, in declaration order.
            pub const VALUES: &'static [&'static str] = &[#(#accepted),*];

            /// The value set as data: what is accepted and what messages list.
            #[doc(hidden)]
            pub const RULES: &'static #p::EnumRules = &#p::EnumRules {
                accepted: Self::VALUES,
                listed: &[#(#listed),*],
                open: #open,
                sensitive: #sensitive,
            };

            /// The value as it is written on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #catch_all_as_str
                    #(#as_str_arms)*
                }
            }
        }

        #[automatically_derived]
        impl #p::FromStr for #ident {
            type Err = #p::Violation;

            fn from_str(text: &str) -> ::core::result::Result<Self, #p::Violation> {
                Self::RULES.parse(text).map(#wire_from)
            }
        }

        #[automatically_derived]
        impl ::core::convert::TryFrom<&str> for #ident {
            type Error = #p::Violation;

            fn try_from(text: &str) -> ::core::result::Result<Self, #p::Violation> {
                text.parse()
            }
        }

        #[automatically_derived]
        impl ::core::convert::AsRef<str> for #ident {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        #formatting
        #default
        #schema_impl
        #generate_impl

        #[automatically_derived]
        impl #p::serde::Serialize for #ident {
            fn serialize<S: #p::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        #[automatically_derived]
        impl<'de> #p::serde::Deserialize<'de> for #ident {
            fn deserialize<D: #p::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                #p::deserialize_enum(deserializer, Self::RULES).map(#wire_from)
            }
        }
    }
}
