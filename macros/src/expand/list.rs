//! The list family: `ListRules` (size, item rules, unique items) and `Deref<Target = [T]>`.

use super::newtype::FamilyImpls;
use super::rules;
use crate::ast::{Container, Newtype};
use crate::inner_type::Element;
use proc_macro2::TokenStream;
use quote::quote;

pub fn expand(container: &Container, newtype: &Newtype, item_family: &Element) -> FamilyImpls {
    let item = item_family;
    let ident = container.ident;
    let p = container.private();
    let r = &container.rules;
    let sensitive = r.sensitive.is_some();
    let item_ty = &newtype.element_types[0];
    let item_rules = r.item.as_ref().map(|s| &*s.value);
    let item_rules_ty = rules::element_type(&p, item, item_ty);
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
    let length = rules::length_option(&p, r);
    let item = rules::element(&p, item, item_ty, item_rules, sensitive);
    let impls = quote! {
        #[automatically_derived]
        impl ::core::ops::Deref for #ident {
            type Target = [#item_ty];

            fn deref(&self) -> &[#item_ty] {
                &self.0
            }
        }

        #[automatically_derived]
        impl ::core::convert::AsRef<[#item_ty]> for #ident {
            fn as_ref(&self) -> &[#item_ty] {
                &self.0
            }
        }

        #[automatically_derived]
        impl<'a> ::core::iter::IntoIterator for &'a #ident {
            type Item = &'a #item_ty;
            type IntoIter = ::core::slice::Iter<'a, #item_ty>;

            fn into_iter(self) -> Self::IntoIter {
                self.0.iter()
            }
        }
    };
    FamilyImpls {
        rules_ty: quote!(#p::ListRules<#item_rules_ty>),
        rules_value: quote!(#p::ListRules { length: #length, item: #item, unique_items: #unique, sensitive: #sensitive }),
        check: quote! {
            #p::check_list::<#item_ty, _>(Self::RULES, &inner)?;
            #check_unique
        },
        deserialize,
        inherent: TokenStream::new(),
        impls,
        display: None,
        schema: {
            let items = rules::element_schema(
                &p,
                item_family,
                item_ty,
                item_rules,
                quote!(Self::RULES.item),
            );
            quote!(#p::schema::list(Self::RULES.length, Self::RULES.unique_items, Self::RULES.sensitive, #items))
        },
        generate: {
            let item = rules::element_strategy(&p, item_family, item_ty, quote!(Self::RULES.item));
            (
                quote!(#p::generate::list(#item, Self::RULES.length)),
                quote!(#p::generate::size_near_miss(
                    Self::RULES.length,
                    |i| #p::JsonValue::from(::std::format!("item{i}")),
                    false,
                )),
            )
        },
        default: None,
    }
}
