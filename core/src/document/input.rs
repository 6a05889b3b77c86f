//! A request's input as one document: its URI labels, query parameters and JSON body members,
//! read as the members of one structure, as Smithy binds an operation's input. Labels and query
//! parameters are text that reads as whatever the member is (`maxResults=0` as an integer), so
//! one report holds every violation from every place in the request.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Unexpected, Visitor};
use std::cell::Cell;
use std::marker::PhantomData;

thread_local! {
    /// Whether a label or query parameter is being read: the report path's reader asks for
    /// anything (to see JSON's `null`), and a text parameter then gets the chance to read as the
    /// number or bool the member is.
    static READING_TEXT: Cell<bool> = const { Cell::new(false) };
}

/// Marks a label or query parameter being read, until dropped (even by a panic, so no later
/// JSON string is ever taken for a number).
struct ReadingText;

impl ReadingText {
    fn start() -> Self {
        READING_TEXT.with(|reading| reading.set(true));
        ReadingText
    }
}

impl Drop for ReadingText {
    fn drop(&mut self) {
        READING_TEXT.with(|reading| reading.set(false));
    }
}

/// Whether the value being read is a label's or query parameter's text.
pub(crate) fn reading_text() -> bool {
    READING_TEXT.with(Cell::get)
}

/// Hands `text`, read where a number or bool was asked for, to `visitor` as one.
pub(crate) fn text_as_scalar<'de, V: Visitor<'de>, E: de::Error>(
    text: &str,
    boolean: bool,
    visitor: V,
) -> Result<V::Value, E> {
    if boolean {
        return match text.parse::<bool>() {
            Ok(value) => visitor.visit_bool(value),
            Err(_) => Err(E::invalid_type(Unexpected::Str(text), &visitor)),
        };
    }
    if let Ok(value) = text.parse::<i64>() {
        visitor.visit_i64(value)
    } else if let Ok(value) = text.parse::<u64>() {
        visitor.visit_u64(value)
    } else if let Ok(value) = text.parse::<i128>() {
        visitor.visit_i128(value)
    } else if let Ok(value) = text.parse::<u128>() {
        visitor.visit_u128(value)
    } else if let Ok(value) = text.parse::<f64>() {
        visitor.visit_f64(value)
    } else {
        Err(E::invalid_type(Unexpected::Str(text), &visitor))
    }
}

/// The parts of a request, already split: labels and query parameters decoded, the body as
/// sent (read anew on every run, members in document order).
pub(crate) struct Parts<'a> {
    pub labels: &'a [(String, String)],
    pub query: &'a [(String, String)],
    pub body: Option<&'a [u8]>,
}

impl<'de> Deserializer<'de> for &'de Parts<'de> {
    type Error = serde_json::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        let texts = self.labels.iter().chain(self.query.iter());
        let Some(body) = self.body else {
            return visitor.visit_map(Members::<Empty> {
                texts,
                body: None,
                pending: None,
            });
        };
        let mut json = serde_json::Deserializer::from_slice(body);
        let value = json.deserialize_map(BodyVisitor { texts, visitor })?;
        json.end()?;
        Ok(value)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier
        ignored_any
    }
}

type Texts<'a> = std::iter::Chain<
    std::slice::Iter<'a, (String, String)>,
    std::slice::Iter<'a, (String, String)>,
>;

/// The body's object, read by serde_json, with the labels and query parameters before its
/// members.
struct BodyVisitor<'de, V> {
    texts: Texts<'de>,
    visitor: V,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for BodyVisitor<'de, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.visitor.expecting(f)
    }

    fn visit_map<A: MapAccess<'de>>(self, body: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_map(Members {
            texts: self.texts,
            body: Some(body),
            pending: None,
        })
    }
}

/// No body.
struct Empty;

impl<'de> MapAccess<'de> for Empty {
    type Error = serde_json::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        _: K,
    ) -> Result<Option<K::Value>, serde_json::Error> {
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        _: V,
    ) -> Result<V::Value, serde_json::Error> {
        Err(de::Error::custom("value requested before its key"))
    }
}

/// Labels and query parameters first, then the body's members.
struct Members<'de, A> {
    texts: Texts<'de>,
    body: Option<A>,
    pending: Option<&'de str>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Members<'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        if let Some((name, value)) = self.texts.next() {
            self.pending = Some(value);
            let key = de::value::BorrowedStrDeserializer::<A::Error>::new(name);
            return seed.deserialize(key).map(Some);
        }
        match &mut self.body {
            Some(body) => body.next_key_seed(seed),
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        if let Some(text) = self.pending.take() {
            let _reading = ReadingText::start();
            return seed.deserialize(Text::<A::Error>(text, PhantomData));
        }
        match &mut self.body {
            Some(body) => body.next_value_seed(seed),
            None => Err(de::Error::custom("value requested before its key")),
        }
    }
}

/// A label or query parameter: text, read as the type asks (`0` as a number, `true` as a bool).
struct Text<'de, E>(&'de str, PhantomData<E>);

macro_rules! text_as {
    ($($method:ident => $visit:ident : $t:ty;)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
            match self.0.parse::<$t>() {
                Ok(value) => visitor.$visit(value),
                Err(_) => Err(de::Error::invalid_type(Unexpected::Str(self.0), &visitor)),
            }
        }
    )*};
}

impl<'de, E: de::Error> Deserializer<'de> for Text<'de, E> {
    type Error = E;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        visitor.visit_borrowed_str(self.0)
    }

    text_as! {
        deserialize_bool => visit_bool: bool;
        deserialize_i8 => visit_i8: i8;
        deserialize_i16 => visit_i16: i16;
        deserialize_i32 => visit_i32: i32;
        deserialize_i64 => visit_i64: i64;
        deserialize_i128 => visit_i128: i128;
        deserialize_u8 => visit_u8: u8;
        deserialize_u16 => visit_u16: u16;
        deserialize_u32 => visit_u32: u32;
        deserialize_u64 => visit_u64: u64;
        deserialize_u128 => visit_u128: u128;
        deserialize_f32 => visit_f32: f32;
        deserialize_f64 => visit_f64: f64;
    }

    /// A parameter that is present has a value.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, E> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, E> {
        let name = de::value::BorrowedStrDeserializer::<E>::new(self.0);
        visitor.visit_enum(name)
    }

    serde::forward_to_deserialize_any! {
        char str string bytes byte_buf unit unit_struct seq tuple tuple_struct map struct
        identifier ignored_any
    }
}
