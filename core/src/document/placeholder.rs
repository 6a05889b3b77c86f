//! `null` where a value is required, and the placeholders reading goes on with.
//!
//! A report records `Member must not be null` at the value and hands the target type a stand-in
//! of the kind it asked for (an empty string, zero, an empty list, a structure of placeholders, a
//! union's first member), built with recording off, so nothing inside the stand-in is reported.
//! The document holding a placeholder is rejected as a whole, so no placeholder reaches a caller.

use crate::document::error::ReadError;
use crate::document::session::{self, Step};
use crate::document::variant;
use serde::de::{
    self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor,
};

/// What the target type asked for: what `null` means there, and what stands in for it.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Hint {
    /// Anything, an option or a unit: `null` is a value.
    Any,
    Bool,
    Number,
    Str,
    Bytes,
    Seq,
    Map,
    Struct {
        name: &'static str,
        fields: &'static [&'static str],
    },
    Enum {
        variants: &'static [&'static str],
    },
}

/// `null` where `hint` needs a value: a `Member must not be null` violation, then a placeholder.
pub(crate) fn required<'de, V: Visitor<'de>>(
    hint: Hint,
    visitor: V,
) -> Result<V::Value, ReadError> {
    session::required_here();
    session::placeholder(|| stand_in(hint, visitor))
}

fn stand_in<'de, V: Visitor<'de>>(hint: Hint, visitor: V) -> Result<V::Value, ReadError> {
    match hint {
        Hint::Any => visitor.visit_unit(),
        Hint::Bool => visitor.visit_bool(false),
        Hint::Number => visitor.visit_u64(0),
        Hint::Str => visitor.visit_borrowed_str(""),
        Hint::Bytes => visitor.visit_borrowed_bytes(b""),
        Hint::Seq => visitor.visit_seq(Empty),
        Hint::Map => visitor.visit_map(Empty),
        Hint::Struct { fields, .. } => visitor.visit_map(Members(fields.iter())),
        Hint::Enum { variants } => variant::first(variants, visitor),
    }
}

/// A JSON `null` where the target type needs a value: a supplied missing member, a member of a
/// placeholder structure, the content of a placeholder union.
pub(crate) struct Null;

macro_rules! null_as {
    ($($method:ident => $hint:expr;)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
            required($hint, visitor)
        }
    )*};
}

impl<'de> Deserializer<'de> for Null {
    type Error = ReadError;

    null_as! {
        deserialize_bool => Hint::Bool;
        deserialize_i8 => Hint::Number;
        deserialize_i16 => Hint::Number;
        deserialize_i32 => Hint::Number;
        deserialize_i64 => Hint::Number;
        deserialize_i128 => Hint::Number;
        deserialize_u8 => Hint::Number;
        deserialize_u16 => Hint::Number;
        deserialize_u32 => Hint::Number;
        deserialize_u64 => Hint::Number;
        deserialize_u128 => Hint::Number;
        deserialize_f32 => Hint::Number;
        deserialize_f64 => Hint::Number;
        deserialize_char => Hint::Str;
        deserialize_str => Hint::Str;
        deserialize_string => Hint::Str;
        deserialize_identifier => Hint::Str;
        deserialize_bytes => Hint::Bytes;
        deserialize_byte_buf => Hint::Bytes;
        deserialize_seq => Hint::Seq;
        deserialize_map => Hint::Map;
    }

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        visitor.visit_unit()
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        visitor.visit_none()
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        required(Hint::Seq, visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        required(Hint::Seq, visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        required(Hint::Struct { name, fields }, visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        if variants.is_empty() {
            return Err(de::Error::custom("an enum with no variants has no value"));
        }
        required(Hint::Enum { variants }, visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        visitor.visit_unit()
    }
}

/// An empty array or object.
struct Empty;

impl<'de> SeqAccess<'de> for Empty {
    type Error = ReadError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        _: T,
    ) -> Result<Option<T::Value>, ReadError> {
        Ok(None)
    }
}

impl<'de> MapAccess<'de> for Empty {
    type Error = ReadError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        _: K,
    ) -> Result<Option<K::Value>, ReadError> {
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, _: V) -> Result<V::Value, ReadError> {
        Err(de::Error::custom("value requested before its key"))
    }
}

/// The members of a placeholder structure: every field, each `null`.
struct Members(std::slice::Iter<'static, &'static str>);

impl<'de> MapAccess<'de> for Members {
    type Error = ReadError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, ReadError> {
        match self.0.next() {
            Some(field) => {
                let name: de::value::StrDeserializer<'_, ReadError> = field.into_deserializer();
                seed.deserialize(name).map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, ReadError> {
        seed.deserialize(Null)
    }
}

/// Reads `seed` from `null` at a member step (a union's placeholder content).
pub(crate) fn null_member<'de, S: DeserializeSeed<'de>>(
    member: &'static str,
    seed: S,
) -> Result<S::Value, ReadError> {
    session::push(Step::Field(member));
    let result = seed.deserialize(Null);
    session::pop();
    result
}
