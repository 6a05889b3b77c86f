//! The typed model of a derive input: a newtype or an enum, with its parsed rules.

use crate::attr::{self, VariantAttrs};
use crate::errors::Errors;
use crate::inner_type::{self, InnerType};
use crate::vocabulary::Rules;
use syn::{Data, DeriveInput, Fields, Ident, Type};

pub struct Container<'a> {
    pub input: &'a DeriveInput,
    pub ident: &'a Ident,
    pub rules: Rules,
    pub body: Body<'a>,
}

pub enum Body<'a> {
    Newtype(Newtype<'a>),
    Enum(Vec<Variant<'a>>),
    /// Neither: already reported.
    Invalid,
}

pub struct Newtype<'a> {
    pub field: &'a syn::Field,
    pub ty: &'a Type,
    pub inner: InnerType,
    /// The key/value types of a map, or the item type of a list.
    pub element_types: Vec<Type>,
}

pub struct Variant<'a> {
    pub variant: &'a syn::Variant,
    pub attrs: VariantAttrs,
    /// The value on the wire: `rename`, else `rename_all` applied, else the variant's name.
    pub wire: String,
}

impl Container<'_> {
    /// The path generated code names the runtime's hidden re-exports by: `::constrained::__private`,
    /// or under the path given by `#[constrained(crate = "…")]`.
    pub fn private(&self) -> proc_macro2::TokenStream {
        match &self.rules.krate {
            Some(path) => {
                let path = &path.value;
                quote::quote!(#path::__private)
            }
            None => quote::quote!(::constrained::__private),
        }
    }
}

impl Variant<'_> {
    pub fn is_catch_all(&self) -> bool {
        self.attrs.other.is_some()
    }

    /// Whether the variant holds one `String`, as a catch-all must (`Unknown(String)`).
    pub fn holds_one_string(&self) -> bool {
        matches!(&self.variant.fields, syn::Fields::Unnamed(f) if f.unnamed.len() == 1
            && matches!(inner_type::classify(&f.unnamed[0].ty).0, InnerType::Text))
    }
}

const NEWTYPE_SHAPE: &str = "a constrained type is a tuple struct with one private field, \
                             such as `struct FarmId(String);`, or a fieldless enum";

pub fn container<'a>(input: &'a DeriveInput, errors: &mut Errors) -> Container<'a> {
    let rules = attr::rules(&input.attrs, errors);
    let body = match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
                let field = &fields.unnamed[0];
                let (inner, element_types) = inner_type::classify(&field.ty);
                Body::Newtype(Newtype {
                    field,
                    ty: &field.ty,
                    inner,
                    element_types,
                })
            }
            Fields::Unnamed(fields) => {
                errors.spanned(
                    fields,
                    format!(
                        "this struct has {} fields; {NEWTYPE_SHAPE}",
                        fields.unnamed.len()
                    ),
                );
                Body::Invalid
            }
            Fields::Named(fields) => {
                errors.spanned(
                    fields,
                    format!("named fields are not supported; {NEWTYPE_SHAPE}"),
                );
                Body::Invalid
            }
            Fields::Unit => {
                errors.spanned(
                    input,
                    format!("a unit struct holds no value; {NEWTYPE_SHAPE}"),
                );
                Body::Invalid
            }
        },
        Data::Enum(data) => {
            let rename_all = rules.rename_all.as_ref().map(|r| r.value);
            let variants = data
                .variants
                .iter()
                .map(|variant| {
                    let attrs = attr::variant(&variant.attrs, errors);
                    let name = variant.ident.to_string();
                    let wire = match (&attrs.rename, rename_all) {
                        (Some(rename), _) => rename.value.value(),
                        (None, Some(rule)) => rule.apply_to_variant(&name),
                        (None, None) => name,
                    };
                    Variant {
                        variant,
                        attrs,
                        wire,
                    }
                })
                .collect();
            Body::Enum(variants)
        }
        Data::Union(data) => {
            errors.spanned(
                data.union_token,
                format!("unions are not supported; {NEWTYPE_SHAPE}"),
            );
            Body::Invalid
        }
    };
    Container {
        input,
        ident: &input.ident,
        rules,
        body,
    }
}
