//! The blob family: `BlobRules` (a length in decoded bytes) and `Deref<Target = Blob>`.

use super::newtype::FamilyImpls;
use super::rules;
use crate::ast::Container;
use proc_macro2::TokenStream;
use quote::quote;

pub fn expand(container: &Container) -> FamilyImpls {
    let ident = container.ident;
    let p = container.private();
    let length = rules::length_option(&p, &container.rules);
    let sensitive = container.rules.sensitive.is_some();
    let impls = quote! {
        #[automatically_derived]
        impl ::core::ops::Deref for #ident {
            type Target = #p::Blob;

            fn deref(&self) -> &#p::Blob {
                &self.0
            }
        }

        #[automatically_derived]
        impl ::core::convert::AsRef<[u8]> for #ident {
            fn as_ref(&self) -> &[u8] {
                self.0.as_bytes()
            }
        }
    };
    FamilyImpls {
        rules_ty: quote!(#p::BlobRules),
        rules_value: quote!(#p::BlobRules { length: #length, sensitive: #sensitive }),
        check: quote!(Self::RULES.check(&inner)?;),
        deserialize: quote!(#p::deserialize_blob(deserializer, Self::RULES)),
        inherent: TokenStream::new(),
        impls,
        display: None,
        schema: quote!(#p::schema::blob(Self::RULES)),
        generate: (
            quote!(#p::generate::blob(Self::RULES.length)),
            quote!(#p::proptest::strategy::Strategy::boxed(#p::proptest::strategy::Just(#p::JsonValue::from(1)))),
        ),
        default: None,
    }
}
