//! `InnerType`: which family of type a newtype wraps, read from the type as written.
//!
//! A derive sees tokens, not resolved types, so the classification is by name: `String`, the
//! primitive numbers, `Vec<T>`, `HashMap<K, V[, S]>` and `BTreeMap<K, V>`, with any path prefix.

use crate::vocabulary::Family;
use syn::{GenericArgument, PathArguments, Type};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Primitive {
    Integer { signed: bool, bits: u32 },
    Float { bits: u32 },
}

pub enum InnerType {
    Text,
    /// `constrained::Blob`: bytes, base64 on the wire.
    Blob,
    Number(Primitive),
    List {
        item: Element,
    },
    Map {
        key: Element,
        value: Element,
    },
    Unsupported,
}

/// A key, value or item type.
pub enum Element {
    Text,
    Number(Primitive),
    /// Any other type: a constrained type, a struct, a `bool`… It carries its own rules, if any.
    Other,
}

impl InnerType {
    /// The vocabulary's family of the type, or `None` when it is unsupported.
    pub fn family(&self) -> Option<Family> {
        Some(match self {
            InnerType::Text => Family::Text,
            InnerType::Blob => Family::Blob,
            InnerType::Number(_) => Family::Number,
            InnerType::List { .. } => Family::List,
            InnerType::Map { .. } => Family::Map,
            InnerType::Unsupported => return None,
        })
    }
}

fn last_segment(ty: &Type) -> Option<&syn::PathSegment> {
    match ty {
        Type::Path(p) if p.qself.is_none() => p.path.segments.last(),
        Type::Group(g) => last_segment(&g.elem),
        Type::Paren(p) => last_segment(&p.elem),
        _ => None,
    }
}

pub fn primitive(ty: &Type) -> Option<Primitive> {
    let segment = last_segment(ty)?;
    if !segment.arguments.is_none() {
        return None;
    }
    let name = segment.ident.to_string();
    let (signed, bits) = match name.as_str() {
        "f32" => return Some(Primitive::Float { bits: 32 }),
        "f64" => return Some(Primitive::Float { bits: 64 }),
        "i8" => (true, 8),
        "i16" => (true, 16),
        "i32" => (true, 32),
        "i64" | "isize" => (true, 64),
        "i128" => (true, 128),
        "u8" => (false, 8),
        "u16" => (false, 16),
        "u32" => (false, 32),
        "u64" | "usize" => (false, 64),
        "u128" => (false, 128),
        _ => return None,
    };
    Some(Primitive::Integer { signed, bits })
}

fn is_string(ty: &Type) -> bool {
    last_segment(ty).is_some_and(|s| s.ident == "String" && s.arguments.is_none())
}

fn type_arguments(ty: &Type) -> Vec<&Type> {
    match last_segment(ty).map(|s| &s.arguments) {
        Some(PathArguments::AngleBracketed(args)) => args
            .args
            .iter()
            .filter_map(|a| match a {
                GenericArgument::Type(t) => Some(t),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn element(ty: &Type) -> Element {
    if is_string(ty) {
        Element::Text
    } else if let Some(p) = primitive(ty) {
        Element::Number(p)
    } else {
        Element::Other
    }
}

/// Classifies `ty`, with the element types of lists and maps.
pub fn classify(ty: &Type) -> (InnerType, Vec<Type>) {
    if is_string(ty) {
        return (InnerType::Text, Vec::new());
    }
    if let Some(p) = primitive(ty) {
        return (InnerType::Number(p), Vec::new());
    }
    if last_segment(ty).is_some_and(|s| s.ident == "Blob" && s.arguments.is_none()) {
        return (InnerType::Blob, Vec::new());
    }
    let Some(segment) = last_segment(ty) else {
        return (InnerType::Unsupported, Vec::new());
    };
    let args = type_arguments(ty);
    match (segment.ident.to_string().as_str(), args.as_slice()) {
        ("Vec", [item]) => (
            InnerType::List {
                item: element(item),
            },
            vec![(*item).clone()],
        ),
        ("HashMap", [key, value] | [key, value, _]) | ("BTreeMap", [key, value]) => (
            InnerType::Map {
                key: element(key),
                value: element(value),
            },
            vec![(*key).clone(), (*value).clone()],
        ),
        _ => (InnerType::Unsupported, Vec::new()),
    }
}
