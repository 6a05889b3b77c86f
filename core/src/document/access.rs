//! The objects and arrays of a document as the target type walks them: each member, entry and
//! item is read through a `Reader` with its step on the session's path, and a structure is given
//! the members an earlier run found missing, as `null`.

use crate::document::error::{ReadError, carry, uncarry};
use crate::document::placeholder::Null;
use crate::document::reader::Reader;
use crate::document::session::{self, Current, Level};
use serde::de::{
    self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor,
};
use std::fmt;

/// A seed of the target type, handed to serde_json: it reads through a `Reader`.
pub(crate) struct WrapSeed<S>(pub S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for WrapSeed<S> {
    type Value = S::Value;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, inner: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(Reader::new(inner)).map_err(carry)
    }
}

/// A seed for a member of an object read as a map by way of identifiers: a structure with a
/// `#[serde(flatten)]` member. What serde reads with `deserialize_any` there it buffers for the
/// flattened structure.
struct MaybeBuffered<S>(S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for MaybeBuffered<S> {
    type Value = S::Value;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, inner: D) -> Result<S::Value, D::Error> {
        let reader = Reader {
            inner,
            buffered: true,
        };
        self.0.deserialize(reader).map_err(carry)
    }
}

/// The items of an array.
pub(crate) struct Items<A> {
    inner: A,
    index: usize,
    level: Level,
}

impl<A> Items<A> {
    #[inline]
    pub(crate) fn new(inner: A) -> Self {
        Items {
            inner,
            index: 0,
            level: Level::default(),
        }
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Items<A> {
    type Error = ReadError;

    #[inline]
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, ReadError> {
        self.level.set(Current::Item(self.index));
        self.index += 1;
        let next = self.inner.next_element_seed(WrapSeed(seed));
        if let Ok(None) = next {
            // The list has ended: its own size is reported at the list.
            self.level.leave();
        }
        next.map_err(uncarry)
    }

    #[inline]
    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// How an object is read: as a structure's members, or as a map's entries.
enum Mode {
    Structure,
    Map,
}

/// What the last key read was, and so the step its value is read at.
enum Key {
    None,
    /// A member, read as an identifier (a structure's field, a flattened structure's, an ignored
    /// one): its text is in `Entries::text`. Its text is kept rather than matched against the
    /// fields, which costs a copy where matching would cost a comparison per field.
    Member,
    /// A map key read as a value: its text is in `Entries::text`.
    Entry,
    /// A member an earlier run found missing, supplied as `null`.
    Supplied,
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
    level: Level,
}

impl<A> Entries<A> {
    #[inline]
    pub(crate) fn structure(
        inner: A,
        name: &'static str,
        fields: &'static [&'static str],
    ) -> Structure<A> {
        Structure {
            entries: Entries {
                inner,
                mode: Mode::Structure,
                key: Key::None,
                text: String::new(),
                position: 0,
                supplied: session::injected(name, fields),
                level: Level::default(),
            },
            name,
            fields,
        }
    }

    #[inline]
    pub(crate) fn map(inner: A) -> Self {
        Entries {
            inner,
            mode: Mode::Map,
            key: Key::None,
            text: String::new(),
            position: 0,
            supplied: Vec::new(),
            level: Level::default(),
        }
    }

    #[inline]
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
    #[inline]
    pub(crate) fn visit<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError>
    where
        A: MapAccess<'de>,
    {
        let (name, fields) = (self.name, self.fields);
        visitor
            .visit_map(self.entries)
            .map_err(|e| e.missing_from(name, fields))
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Entries<A> {
    type Error = ReadError;

    #[inline]
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, ReadError> {
        // The seed stays here until serde_json reads a key with it, so when the object has no
        // more keys it can still read a supplied member's name.
        let mut slot = Some(seed);
        let mut key = Key::None;
        if let Mode::Map = self.mode {
            // A key breaking a `key(…)` rule is reported at the map, as Smithy reports it.
            self.level.set(Current::Key {
                position: self.position,
            });
        }
        let supplying = !self.supplied.is_empty();
        let key_seed = KeySeed {
            seed: &mut slot,
            read: KeyRead {
                key: &mut key,
                level: &mut self.level,
                position: self.position,
                text: supplying.then_some(&mut self.text),
            },
        };
        if let Some(value) = self.inner.next_key_seed(key_seed).map_err(uncarry)? {
            if supplying {
                let text = &self.text;
                self.supplied.retain(|supplied| supplied != text);
            }
            if let Key::Entry = key {
                self.position += 1;
            }
            self.key = key;
            return Ok(Some(value));
        }
        let supplied = (!self.supplied.is_empty()).then(|| self.supplied.remove(0));
        match (slot.take(), supplied) {
            (Some(seed), Some(field)) => {
                self.level.set(Current::Field(field));
                self.key = Key::Supplied;
                let name: de::value::StrDeserializer<'_, ReadError> = field.into_deserializer();
                seed.deserialize(name).map(Some)
            }
            _ => {
                self.level.leave();
                Ok(None)
            }
        }
    }

    #[inline]
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, ReadError> {
        match (std::mem::replace(&mut self.key, Key::None), &self.mode) {
            (Key::Supplied, _) => return seed.deserialize(Null),
            // A member of an object read as a map: a structure with a `#[serde(flatten)]` member,
            // whose unknown members serde buffers for the flattened structure.
            (Key::Member, Mode::Map) => {
                return self
                    .inner
                    .next_value_seed(MaybeBuffered(seed))
                    .map_err(uncarry);
            }
            (Key::Member | Key::Entry, _) => {}
            (Key::None, _) => return Err(de::Error::custom("value requested before its key")),
        }
        self.inner.next_value_seed(WrapSeed(seed)).map_err(uncarry)
    }

    #[inline]
    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// A key's seed, handed to serde_json: it reads the key through a `KeyReader` that notes which
/// step the key's value is read at.
struct KeySeed<'a, K> {
    seed: &'a mut Option<K>,
    read: KeyRead<'a>,
}

/// Where a key reader notes what it read: the member's or entry's step is taken as soon as its
/// key is read (so an error about the key itself, a duplicate member, is located at it), with the
/// key's text copied once, into the session.
struct KeyRead<'a> {
    key: &'a mut Key,
    level: &'a mut Level,
    position: usize,
    /// Where to keep the key's text too, when members are being supplied and it must be matched.
    text: Option<&'a mut String>,
}

impl KeyRead<'_> {
    #[inline]
    fn note(&mut self, text: &str, identifier: bool) {
        if identifier {
            self.level.set(Current::Member(text));
            *self.key = Key::Member;
        } else {
            self.level.set(Current::Value {
                key: text,
                position: self.position,
            });
            *self.key = Key::Entry;
        }
        if let Some(kept) = &mut self.text {
            kept.clear();
            kept.push_str(text);
        }
    }

    fn note_other(&mut self, value: impl fmt::Display) {
        self.note(&value.to_string(), false);
    }
}

impl<'de, K: DeserializeSeed<'de>> DeserializeSeed<'de> for KeySeed<'_, K> {
    type Value = K::Value;

    #[inline]
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
        #[inline]
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
    #[inline]
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        let visitor = KeyVisitor {
            visitor,
            read: self.read,
            identifier: true,
        };
        self.inner.deserialize_identifier(visitor).map_err(uncarry)
    }

    #[inline]
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

    #[inline]
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

    #[inline]
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

    #[inline]
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
        #[inline]
        fn $method<E: de::Error>(mut self, value: $t) -> Result<V::Value, E> {
            let result = self.visitor.$method(value).map_err(carry);
            self.read.note_other(value);
            result
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for KeyVisitor<'_, V> {
    type Value = V::Value;

    #[inline]
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

    #[inline]
    fn visit_str<E: de::Error>(mut self, text: &str) -> Result<V::Value, E> {
        // Noted after the key's own rules ran, which report at the map.
        let result = self.visitor.visit_str(text).map_err(carry);
        self.read.note(text, self.identifier);
        result
    }

    #[inline]
    fn visit_borrowed_str<E: de::Error>(mut self, text: &'de str) -> Result<V::Value, E> {
        // Noted after the key's own rules ran, which report at the map.
        let result = self.visitor.visit_borrowed_str(text).map_err(carry);
        self.read.note(text, self.identifier);
        result
    }

    #[inline]
    fn visit_string<E: de::Error>(mut self, text: String) -> Result<V::Value, E> {
        // serde_json never hands a key over owned; another reader may, once per key.
        let result = self.visitor.visit_string(text.clone()).map_err(carry);
        self.read.note(&text, self.identifier);
        result
    }

    #[inline]
    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<V::Value, E> {
        self.visitor.visit_bytes(bytes).map_err(carry)
    }

    #[inline]
    fn visit_borrowed_bytes<E: de::Error>(self, bytes: &'de [u8]) -> Result<V::Value, E> {
        self.visitor.visit_borrowed_bytes(bytes).map_err(carry)
    }

    #[inline]
    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.visitor.visit_unit().map_err(carry)
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
        self.visitor.visit_map(Entries::map(map)).map_err(carry)
    }
}
