//! `Reader`: serde_json's own deserializer, wrapped so it tracks the report session's path as it
//! descends, turns `null` where a value is required into a violation (and a placeholder, so
//! reading goes on), supplies members an earlier run found missing, and reads unions member by
//! member. Everything else — the grammar, numbers, escapes, nesting, what an ignored member costs —
//! is serde_json's, so a document means here exactly what it means to `serde_json::from_str`.
//!
//! A typed request whose answer can be `null` (`deserialize_str`, `deserialize_struct`…) is put to
//! serde_json as `deserialize_any`, which for JSON calls the same visitor methods the typed one
//! would, except that it reports `null` instead of failing on it.

use crate::document::access::{Entries, Items};
use crate::document::error::{ReadError, carry, uncarry};
use crate::document::input;
use crate::document::placeholder::{self, Hint};
use crate::document::session;
use crate::document::variant;
use serde::de::{self, Deserializer, EnumAccess, MapAccess, SeqAccess, Unexpected, Visitor};
use std::fmt;

/// A value of a document, read through `inner`.
pub(crate) struct Reader<D> {
    pub inner: D,
    /// Whether what is read with `deserialize_any` here is buffered by serde for a flattened
    /// structure (see `session::buffering`).
    pub buffered: bool,
}

impl<D> Reader<D> {
    #[inline]
    pub(crate) fn new(inner: D) -> Self {
        Reader {
            inner,
            buffered: false,
        }
    }
}

impl<'de, D: Deserializer<'de>> Reader<D> {
    #[inline]
    fn typed<V: Visitor<'de>>(self, visitor: V, hint: Hint) -> Result<V::Value, ReadError> {
        self.inner
            .deserialize_any(Typed { visitor, hint })
            .map_err(uncarry)
    }
}

macro_rules! typed {
    ($($method:ident => $hint:expr;)*) => {$(
        #[inline]
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
            self.typed(visitor, $hint)
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Reader<D> {
    type Error = ReadError;

    #[inline]
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        if self.buffered {
            session::buffering(|| self.typed(visitor, Hint::Any))
        } else {
            self.typed(visitor, Hint::Any)
        }
    }

    typed! {
        deserialize_bool => Hint::Bool;
        deserialize_i8 => Hint::Number;
        deserialize_i16 => Hint::Number;
        deserialize_i32 => Hint::Number;
        deserialize_i64 => Hint::Number;
        deserialize_u8 => Hint::Number;
        deserialize_u16 => Hint::Number;
        deserialize_u32 => Hint::Number;
        deserialize_u64 => Hint::Number;
        deserialize_f32 => Hint::Number;
        deserialize_f64 => Hint::Number;
        deserialize_char => Hint::Str;
        deserialize_str => Hint::Str;
        deserialize_string => Hint::Str;
        deserialize_identifier => Hint::Str;
        deserialize_seq => Hint::Seq;
        deserialize_map => Hint::Map;
    }

    // serde_json reads a 128-bit integer from its digits, which `deserialize_any` would round
    // through `f64`: these go through as asked.
    #[inline]
    fn deserialize_i128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        let typed = Typed {
            visitor,
            hint: Hint::Number,
        };
        self.inner.deserialize_i128(typed).map_err(uncarry)
    }

    #[inline]
    fn deserialize_u128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        let typed = Typed {
            visitor,
            hint: Hint::Number,
        };
        self.inner.deserialize_u128(typed).map_err(uncarry)
    }

    #[inline]
    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        let typed = Typed {
            visitor,
            hint: Hint::Bytes,
        };
        self.inner.deserialize_bytes(typed).map_err(uncarry)
    }

    #[inline]
    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        let typed = Typed {
            visitor,
            hint: Hint::Bytes,
        };
        self.inner.deserialize_byte_buf(typed).map_err(uncarry)
    }

    #[inline]
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        let typed = Typed {
            visitor,
            hint: Hint::Any,
        };
        self.inner.deserialize_option(typed).map_err(uncarry)
    }

    #[inline]
    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        let typed = Typed {
            visitor,
            hint: Hint::Any,
        };
        self.inner.deserialize_unit(typed).map_err(uncarry)
    }

    #[inline]
    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        let typed = Typed {
            visitor,
            hint: Hint::Any,
        };
        self.inner
            .deserialize_unit_struct(name, typed)
            .map_err(uncarry)
    }

    #[inline]
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        visitor.visit_newtype_struct(self)
    }

    #[inline]
    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        self.typed(visitor, Hint::Seq)
    }

    #[inline]
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        self.typed(visitor, Hint::Seq)
    }

    #[inline]
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        self.typed(visitor, Hint::Struct { name, fields })
    }

    #[inline]
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        self.typed(visitor, Hint::Enum { variants })
    }

    #[inline]
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        let typed = Typed {
            visitor,
            hint: Hint::Any,
        };
        self.inner.deserialize_ignored_any(typed).map_err(uncarry)
    }
}

impl<V> Typed<V> {
    /// Notes a number perhaps buffered for a flattened structure.
    #[inline]
    fn note_number(&self, value: impl fmt::Display) {
        if let Hint::Any = self.hint
            && session::is_buffering()
        {
            session::note_buffered(&value.to_string(), false);
        }
    }
}

/// The target type's visitor, called by serde_json: it forwards every value, reads `null` as the
/// hint says, and wraps nested access so the path follows.
pub(crate) struct Typed<V> {
    pub visitor: V,
    pub hint: Hint,
}

macro_rules! forward {
    ($($method:ident($t:ty);)*) => {$(
        #[inline]
        fn $method<E: de::Error>(self, value: $t) -> Result<V::Value, E> {
            self.visitor.$method(value).map_err(carry)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Typed<V> {
    type Value = V::Value;

    #[inline]
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }

    forward! {
        visit_bool(bool);
        visit_i128(i128);
        visit_u128(u128);
        visit_char(char);
        visit_bytes(&[u8]);
        visit_borrowed_bytes(&'de [u8]);
        visit_byte_buf(Vec<u8>);
    }

    #[inline]
    fn visit_str<E: de::Error>(self, text: &str) -> Result<V::Value, E> {
        if let Hint::Any = self.hint {
            session::note_buffered(text, false);
        }
        if let Hint::Number | Hint::Bool = self.hint
            && input::reading_text()
        {
            let boolean = matches!(self.hint, Hint::Bool);
            return input::text_as_scalar(text, boolean, self.visitor).map_err(carry);
        }
        match self.hint {
            Hint::Enum { .. } => variant::unit(text.to_owned(), self.visitor).map_err(carry),
            _ => self.visitor.visit_str(text).map_err(carry),
        }
    }

    #[inline]
    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<V::Value, E> {
        if let Hint::Any = self.hint {
            // Perhaps a member serde buffers for a flattened structure: its place is noted.
            session::note_buffered(text, true);
        }
        if let Hint::Number | Hint::Bool = self.hint
            && input::reading_text()
        {
            // A label or query parameter: its text reads as the number or bool the member is.
            let boolean = matches!(self.hint, Hint::Bool);
            return input::text_as_scalar(text, boolean, self.visitor).map_err(carry);
        }
        match self.hint {
            Hint::Enum { .. } => variant::unit(text.to_owned(), self.visitor).map_err(carry),
            _ => self.visitor.visit_borrowed_str(text).map_err(carry),
        }
    }

    #[inline]
    fn visit_string<E: de::Error>(self, text: String) -> Result<V::Value, E> {
        match self.hint {
            Hint::Enum { .. } => variant::unit(text, self.visitor).map_err(carry),
            _ => self.visitor.visit_string(text).map_err(carry),
        }
    }

    #[inline]
    fn visit_i64<E: de::Error>(self, value: i64) -> Result<V::Value, E> {
        self.note_number(value);
        self.visitor.visit_i64(value).map_err(carry)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<V::Value, E> {
        self.note_number(value);
        self.visitor.visit_u64(value).map_err(carry)
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<V::Value, E> {
        self.note_number(value);
        self.visitor.visit_f64(value).map_err(carry)
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        match self.hint {
            Hint::Any => self.visitor.visit_unit().map_err(carry),
            hint => placeholder::required(hint, self.visitor).map_err(carry),
        }
    }

    #[inline]
    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.visitor.visit_none().map_err(carry)
    }

    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, inner: D) -> Result<V::Value, D::Error> {
        self.visitor.visit_some(Reader::new(inner)).map_err(carry)
    }

    #[inline]
    fn visit_newtype_struct<D: Deserializer<'de>>(self, inner: D) -> Result<V::Value, D::Error> {
        self.visitor
            .visit_newtype_struct(Reader::new(inner))
            .map_err(carry)
    }

    #[inline]
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_seq(Items::new(seq)).map_err(carry)
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        match self.hint {
            Hint::Struct { name, fields } => Entries::structure(map, name, fields)
                .visit(self.visitor)
                .map_err(carry),
            Hint::Enum { variants } => variant::member(map, variants, self.visitor),
            _ => Entries::map(map).visit(self.visitor).map_err(carry),
        }
    }

    #[inline]
    fn visit_enum<A: EnumAccess<'de>>(self, _: A) -> Result<V::Value, A::Error> {
        // JSON has no enum value of its own; serde_json never calls this from `deserialize_any`.
        let error: ReadError = de::Error::invalid_type(Unexpected::Enum, &self.visitor);
        Err(carry(error))
    }
}
