//! The map family: `MapRules` (size, key and value rules) and `Deref` to the map.

use super::newtype::FamilyImpls;
use super::rules;
use crate::ast::{Container, Newtype};
use crate::inner_type::Element;
use proc_macro2::TokenStream;
use quote::quote;

pub fn expand(
    container: &Container,
    newtype: &Newtype,
    key_family: &Element,
    value_family: &Element,
) -> FamilyImpls {
    let (key, value) = (key_family, value_family);
    let ident = container.ident;
    let inner_ty = newtype.ty;
    let p = container.private();
    let r = &container.rules;
    let sensitive = r.sensitive.is_some();
    let key_ty = &newtype.element_types[0];
    let value_ty = &newtype.element_types[1];
    let key_rules_ty = rules::element_type(&p, key, key_ty);
    let value_rules_ty = rules::element_type(&p, value, value_ty);
    let length = rules::length_option(&p, r);
    let key = rules::element(
        &p,
        key,
        key_ty,
        r.key.as_ref().map(|s| &*s.value),
        sensitive,
    );
    let value = rules::element(
        &p,
        value,
        value_ty,
        r.value.as_ref().map(|s| &*s.value),
        sensitive,
    );
    let impls = quote! {
        #[automatically_derived]
        impl ::core::ops::Deref for #ident {
            type Target = #inner_ty;

            fn deref(&self) -> &#inner_ty {
                &self.0
            }
        }

        #[automatically_derived]
        impl ::core::convert::AsRef<#inner_ty> for #ident {
            fn as_ref(&self) -> &#inner_ty {
                &self.0
            }
        }

        #[automatically_derived]
        impl<'a> ::core::iter::IntoIterator for &'a #ident {
            type Item = <&'a #inner_ty as ::core::iter::IntoIterator>::Item;
            type IntoIter = <&'a #inner_ty as ::core::iter::IntoIterator>::IntoIter;

            fn into_iter(self) -> Self::IntoIter {
                ::core::iter::IntoIterator::into_iter(&self.0)
            }
        }
    };
    FamilyImpls {
        rules_ty: quote!(#p::MapRules<#key_rules_ty, #value_rules_ty>),
        rules_value: quote!(#p::MapRules { length: #length, key: #key, value: #value, sensitive: #sensitive }),
        check: quote!(#p::check_map::<#inner_ty, #key_ty, #value_ty, _, _>(Self::RULES, &inner)?;),
        deserialize: quote!(#p::deserialize_map::<_, #inner_ty, #key_ty, #value_ty, _, _>(deserializer, Self::RULES)),
        inherent: TokenStream::new(),
        impls,
        display: None,
        schema: {
            let keys = rules::element_schema(
                &p,
                key_family,
                key_ty,
                r.key.as_ref().map(|s| &*s.value),
                quote!(Self::RULES.key),
            );
            let values = rules::element_schema(
                &p,
                value_family,
                value_ty,
                r.value.as_ref().map(|s| &*s.value),
                quote!(Self::RULES.value),
            );
            quote!(#p::schema::map(Self::RULES.length, Self::RULES.sensitive, #keys, #values))
        },
        generate: {
            let keys = rules::element_strategy(&p, key_family, key_ty, quote!(Self::RULES.key));
            let values =
                rules::element_strategy(&p, value_family, value_ty, quote!(Self::RULES.value));
            (
                quote!(#p::generate::map::<#inner_ty, _, _>(#keys, #values, Self::RULES.length)),
                quote!(#p::generate::size_near_miss(
                    Self::RULES.length,
                    |i| #p::JsonValue::from(::std::format!("value{i}")),
                    true,
                )),
            )
        },
        default: None,
    }
}
