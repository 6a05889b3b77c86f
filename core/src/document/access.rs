//! The objects and arrays of a document as the target type walks them: each member, entry and
//! item is read through a `Reader` with its step on the session's path, and a structure is given
//! the members an earlier run found missing, as `null`.

use crate::document::error::{ReadError, carry, uncarry};
use crate::document::placeholder::Null;
use crate::document::reader::Reader;
use crate::document::session::{self, Step};
use serde::de::{
    self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor,
};
use std::fmt;

/// A seed of the target type, handed to serde_json: it reads through a `Reader`.
pub(crate) struct WrapSeed<S>(pub S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for WrapSeed<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, inner: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(Reader::new(inner)).map_err(carry)
    }
}

/// The items of an array.
pub(crate) struct Items<A> {
    inner: A,
    index: usize,
}

impl<A> Items<A> {
    pub(crate) fn new(inner: A) -> Self {
        Items { inner, index: 0 }
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Items<A> {
    type Error = ReadError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, ReadError> {
        session::push(Step::Index(self.index));
        let result = self.inner.next_element_seed(WrapSeed(seed));
        session::pop();
        self.index += 1;
        result.map_err(uncarry)
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// How an object is read: as a structure's members, or as a map's entries.
enum Mode {
    Structure(&'static [&'static str]),
    Map,
}

/// What the last key read was, and so the step its value is read at.
enum Key {
    None,
    /// A structure's field, or a variant, by its static name.
    Field(&'static str),
    /// A member read as an identifier that is not a known field (a flattened structure's, an
    /// ignored one): its text is in `Entries::text`.
    Member,
    /// A map key read as a value: its text is in `Entries::text`.
    Entry,
    /// A member an earlier run found missing, supplied as `null`.
    Supplied(&'static str),
}

/// The members or entries of an object.
pub(crate) struct Entries<A> {
    inner: A,
    mode: Mode,
    key: Key,
    /// The text of the last key, when its step needs it.
    text: String,
    position: usize,
    /// Members to supply as `null` when the object ends, less those it turns out to have.
    supplied: Vec<&'static str>,
}

impl<A> Entries<A> {
    pub(crate) fn structure(
        inner: A,
        name: &'static str,
        fields: &'static [&'static str],
    ) -> Structure<A> {
        Structure {
            entries: Entries {
                inner,
                mode: Mode::Structure(fields),
                key: Key::None,
                text: String::new(),
                position: 0,
                supplied: session::injected(name, fields),
            },
            name,
            fields,
        }
    }

    pub(crate) fn map(inner: A) -> Self {
        Entries {
            inner,
            mode: Mode::Map,
            key: Key::None,
            text: String::new(),
            position: 0,
            supplied: Vec::new(),
        }
    }

    pub(crate) fn visit<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError>
    where
        A: MapAccess<'de>,
    {
        visitor.visit_map(self)
    }
}

/// A structure's members, entered as a structure so a missing member can be named.
pub(crate) struct Structure<A> {
    entries: Entries<A>,
    name: &'static str,
    fields: &'static [&'static str],
}

impl<A> Structure<A> {
    pub(crate) fn visit<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError>
    where
        A: MapAccess<'de>,
    {
        session::enter_structure(self.name, self.fields);
        let result = visitor.visit_map(self.entries);
        session::leave_structure();
        result
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Entries<A> {
    type Error = ReadError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, ReadError> {
        let fields = match self.mode {
            Mode::Structure(fields) => fields,
            Mode::Map => &[],
        };
        // The seed stays here until serde_json reads a key with it, so when the object has no
        // more keys it can still read a supplied member's name.
        let mut slot = Some(seed);
        let mut key = Key::None;
        let key_seed = KeySeed {
            seed: &mut slot,
            read: KeyRead {
                fields,
                key: &mut key,
                text: &mut self.text,
            },
        };
        let next = match self.mode {
            Mode::Structure(_) => self.inner.next_key_seed(key_seed),
            Mode::Map => {
                // A key breaking a `key(…)` rule is reported at the map, as Smithy reports it.
                session::push(Step::MapKey(self.position));
                let next = self.inner.next_key_seed(key_seed);
                session::pop();
                next
            }
        };
        if let Some(value) = next.map_err(uncarry)? {
            if let Key::Field(field) = key
                && !self.supplied.is_empty()
            {
                self.supplied.retain(|supplied| *supplied != field);
            }
            self.key = key;
            return Ok(Some(value));
        }
        let supplied = (!self.supplied.is_empty()).then(|| self.supplied.remove(0));
        match (slot.take(), supplied) {
            (Some(seed), Some(field)) => {
                self.key = Key::Supplied(field);
                let name: de::value::StrDeserializer<'_, ReadError> = field.into_deserializer();
                seed.deserialize(name).map(Some)
            }
            _ => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, ReadError> {
        let step = match std::mem::replace(&mut self.key, Key::None) {
            Key::Field(name) => Step::Member(name),
            Key::Supplied(name) => {
                session::push(Step::Member(name));
                let result = seed.deserialize(Null);
                session::pop();
                return result;
            }
            Key::Member => {
                return self.read_value_at(seed, |range| Step::UnknownMember(range));
            }
            Key::Entry => {
                let position = self.position;
                self.position += 1;
                if session::in_sensitive() {
                    session::push(Step::SensitiveMapValue { position });
                    let result = self.inner.next_value_seed(WrapSeed(seed));
                    session::pop();
                    return result.map_err(uncarry);
                }
                return self.read_value_at(seed, |key| Step::MapValue { key, position });
            }
            Key::None => return Err(de::Error::custom("value requested before its key")),
        };
        session::push(step);
        let result = self.inner.next_value_seed(WrapSeed(seed));
        session::pop();
        result.map_err(uncarry)
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

impl<'de, A: MapAccess<'de>> Entries<A> {
    fn read_value_at<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
        step: impl FnOnce(std::ops::Range<usize>) -> Step,
    ) -> Result<V::Value, ReadError> {
        session::push_key(&self.text, step);
        let result = self.inner.next_value_seed(WrapSeed(seed));
        session::pop();
        result.map_err(uncarry)
    }
}

/// A key's seed, handed to serde_json: it reads the key through a `KeyReader` that notes which
/// step the key's value is read at.
struct KeySeed<'a, K> {
    seed: &'a mut Option<K>,
    read: KeyRead<'a>,
}

/// Where a key reader notes what it read.
struct KeyRead<'a> {
    fields: &'static [&'static str],
    key: &'a mut Key,
    text: &'a mut String,
}

impl KeyRead<'_> {
    fn note(&mut self, text: &str, identifier: bool) {
        if let Some(field) = self.fields.iter().find(|field| **field == text) {
            *self.key = Key::Field(field);
            return;
        }
        self.text.clear();
        self.text.push_str(text);
        *self.key = if identifier { Key::Member } else { Key::Entry };
    }

    fn note_other(&mut self, value: impl fmt::Display) {
        self.text.clear();
        use std::fmt::Write;
        let _ = write!(self.text, "{value}");
        *self.key = Key::Entry;
    }
}

impl<'de, K: DeserializeSeed<'de>> DeserializeSeed<'de> for KeySeed<'_, K> {
    type Value = K::Value;

    fn deserialize<D: Deserializer<'de>>(self, inner: D) -> Result<K::Value, D::Error> {
        let Some(seed) = self.seed.take() else {
            return Err(de::Error::custom("a key was read twice"));
        };
        seed.deserialize(KeyReader {
            inner,
            read: self.read,
        })
        .map_err(carry)
    }
}

/// A key, read through serde_json's key deserializer.
struct KeyReader<'a, D> {
    inner: D,
    read: KeyRead<'a>,
}

macro_rules! key_forward {
    ($($method:ident;)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
            let visitor = KeyVisitor { visitor, read: self.read, identifier: false };
            self.inner.$method(visitor).map_err(uncarry)
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for KeyReader<'_, D> {
    type Error = ReadError;

    key_forward! {
        deserialize_any; deserialize_bool; deserialize_i8; deserialize_i16; deserialize_i32;
        deserialize_i64; deserialize_i128; deserialize_u8; deserialize_u16; deserialize_u32;
        deserialize_u64; deserialize_u128; deserialize_f32; deserialize_f64; deserialize_char;
        deserialize_str; deserialize_string; deserialize_bytes; deserialize_byte_buf;
        deserialize_option; deserialize_unit; deserialize_seq; deserialize_map;
        deserialize_ignored_any;
    }

    /// Structures and enums name their members by identifier; maps read their keys as values.
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        let visitor = KeyVisitor {
            visitor,
            read: self.read,
            identifier: true,
        };
        self.inner.deserialize_identifier(visitor).map_err(uncarry)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        let visitor = KeyVisitor {
            visitor,
            read: self.read,
            identifier: false,
        };
        self.inner
            .deserialize_unit_struct(name, visitor)
            .map_err(uncarry)
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
        len: usize,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        let visitor = KeyVisitor {
            visitor,
            read: self.read,
            identifier: false,
        };
        self.inner.deserialize_tuple(len, visitor).map_err(uncarry)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        let visitor = KeyVisitor {
            visitor,
            read: self.read,
            identifier: false,
        };
        self.inner
            .deserialize_tuple_struct(name, len, visitor)
            .map_err(uncarry)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        let visitor = KeyVisitor {
            visitor,
            read: self.read,
            identifier: false,
        };
        self.inner
            .deserialize_struct(name, fields, visitor)
            .map_err(uncarry)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        let visitor = KeyVisitor {
            visitor,
            read: self.read,
            identifier: false,
        };
        self.inner
            .deserialize_enum(name, variants, visitor)
            .map_err(uncarry)
    }
}

/// The key's visitor: notes the key, then hands it to the target type's visitor.
struct KeyVisitor<'a, V> {
    visitor: V,
    read: KeyRead<'a>,
    identifier: bool,
}

macro_rules! key_value {
    ($($method:ident($t:ty);)*) => {$(
        fn $method<E: de::Error>(mut self, value: $t) -> Result<V::Value, E> {
            self.read.note_other(value);
            self.visitor.$method(value).map_err(carry)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for KeyVisitor<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }

    key_value! {
        visit_bool(bool);
        visit_i64(i64);
        visit_i128(i128);
        visit_u64(u64);
        visit_u128(u128);
        visit_f64(f64);
        visit_char(char);
    }

    fn visit_str<E: de::Error>(mut self, text: &str) -> Result<V::Value, E> {
        self.read.note(text, self.identifier);
        self.visitor.visit_str(text).map_err(carry)
    }

    fn visit_borrowed_str<E: de::Error>(mut self, text: &'de str) -> Result<V::Value, E> {
        self.read.note(text, self.identifier);
        self.visitor.visit_borrowed_str(text).map_err(carry)
    }

    fn visit_string<E: de::Error>(mut self, text: String) -> Result<V::Value, E> {
        self.read.note(&text, self.identifier);
        self.visitor.visit_string(text).map_err(carry)
    }

    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<V::Value, E> {
        self.visitor.visit_bytes(bytes).map_err(carry)
    }

    fn visit_borrowed_bytes<E: de::Error>(self, bytes: &'de [u8]) -> Result<V::Value, E> {
        self.visitor.visit_borrowed_bytes(bytes).map_err(carry)
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.visitor.visit_unit().map_err(carry)
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.visitor.visit_none().map_err(carry)
    }

    fn visit_some<D: Deserializer<'de>>(self, inner: D) -> Result<V::Value, D::Error> {
        self.visitor.visit_some(Reader::new(inner)).map_err(carry)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, inner: D) -> Result<V::Value, D::Error> {
        self.visitor
            .visit_newtype_struct(Reader::new(inner))
            .map_err(carry)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_seq(Items::new(seq)).map_err(carry)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_map(Entries::map(map)).map_err(carry)
    }
}
