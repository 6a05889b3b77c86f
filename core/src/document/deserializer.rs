//! The serde `Deserializer` over a `Document`: it moves the report session's path as it descends,
//! turns `null` where a value is required into a violation (and a placeholder, so reading goes
//! on), supplies members an earlier run found missing, and locates type errors.

use crate::document::session::{self, Step};
use crate::document::tree::{Document, Entry, NULL, Node, Value};
use crate::violation::{Rule, Violation};
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
    Unexpected, VariantAccess, Visitor,
};
use std::borrow::Cow;
use std::fmt;

/// Why reading a document into a type failed, other than by a rule.
#[derive(Debug)]
pub(crate) struct ReadError {
    pub message: String,
    pub kind: ReadErrorKind,
    pub offset: Option<usize>,
    pub path: Option<Vec<Step>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ReadErrorKind {
    /// The wrong JSON type, an unknown variant, a duplicate member: the document is malformed.
    Type,
    /// A required member is absent (already recorded as a violation).
    Missing,
    /// An error raised by the type's own code.
    Custom,
}

impl ReadError {
    fn new(kind: ReadErrorKind, message: String) -> Self {
        ReadError {
            message,
            kind,
            offset: None,
            path: None,
        }
    }

    /// Attaches the innermost position an error passes through.
    fn at(mut self, offset: usize) -> Self {
        if self.offset.is_none() {
            self.offset = Some(offset);
            self.path = Some(session::path());
        }
        self
    }
}

fn at<T>(offset: usize, result: Result<T, ReadError>) -> Result<T, ReadError> {
    result.map_err(|e| e.at(offset))
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ReadError {}

impl de::Error for ReadError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        ReadError::new(ReadErrorKind::Custom, message.to_string())
    }

    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        let message = format!("invalid type: {unexpected}, expected {expected}");
        ReadError::new(ReadErrorKind::Type, message)
    }

    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        let message = format!("invalid value: {unexpected}, expected {expected}");
        ReadError::new(ReadErrorKind::Type, message)
    }

    fn invalid_length(len: usize, expected: &dyn de::Expected) -> Self {
        let message = format!("invalid length {len}, expected {expected}");
        ReadError::new(ReadErrorKind::Type, message)
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        let message = format!("unknown variant `{variant}`, expected one of {expected:?}");
        ReadError::new(ReadErrorKind::Type, message)
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        let message = format!("unknown field `{field}`, expected one of {expected:?}");
        ReadError::new(ReadErrorKind::Type, message)
    }

    fn duplicate_field(field: &'static str) -> Self {
        ReadError::new(ReadErrorKind::Type, format!("duplicate field `{field}`"))
    }

    fn missing_field(field: &'static str) -> Self {
        session::missing_member(field);
        ReadError::new(ReadErrorKind::Missing, format!("missing field `{field}`"))
    }
}

/// Reads one value of a document.
pub(crate) struct NodeDeserializer<'d, 'de> {
    pub node: &'d Node<'de>,
    pub document: &'d Document<'de>,
}

impl<'d, 'de> NodeDeserializer<'d, 'de> {
    fn child(&self, node: &'d Node<'de>) -> Self {
        NodeDeserializer {
            node,
            document: self.document,
        }
    }

    fn is_null(&self) -> bool {
        matches!(self.node.value, Value::Null)
    }

    fn any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        let document = self.document;
        let result = match &self.node.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Unsigned(u) => visitor.visit_u64(*u),
            Value::Signed(i) => visitor.visit_i64(*i),
            Value::Float(f) => visitor.visit_f64(*f),
            Value::String(Cow::Borrowed(s)) => visitor.visit_borrowed_str(s),
            Value::String(Cow::Owned(s)) => visitor.visit_str(s),
            Value::Array(items) => visit_items(items, document, visitor),
            Value::Object(entries) => visitor.visit_map(Entries::new(entries, document, None)),
        };
        at(self.node.offset, result)
    }

    /// `null` where the type needs a value: a `Member must not be null` violation, then a
    /// placeholder built with nothing inside it recorded.
    fn required<V: Visitor<'de>>(
        self,
        visitor: V,
        build: impl FnOnce(V) -> Result<V::Value, ReadError>,
    ) -> Result<V::Value, ReadError> {
        session::required_here();
        at(self.node.offset, session::placeholder(|| build(visitor)))
    }
}

fn visit_items<'d, 'de, V: Visitor<'de>>(
    items: &'d [Node<'de>],
    document: &'d Document<'de>,
    visitor: V,
) -> Result<V::Value, ReadError> {
    let mut access = Items {
        items: items.iter().enumerate(),
        document,
    };
    let value = visitor.visit_seq(&mut access)?;
    match access.items.len() {
        0 => Ok(value),
        left => Err(de::Error::invalid_length(
            items.len() - left,
            &"fewer elements in the array",
        )),
    }
}

macro_rules! null_as {
    ($($method:ident => $placeholder:expr;)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
            if self.is_null() {
                self.required(visitor, $placeholder)
            } else {
                self.any(visitor)
            }
        }
    )*};
}

impl<'d, 'de> Deserializer<'de> for NodeDeserializer<'d, 'de> {
    type Error = ReadError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.any(visitor)
    }

    null_as! {
        deserialize_bool => |v: V| v.visit_bool(false);
        deserialize_i8 => |v: V| v.visit_u64(0);
        deserialize_i16 => |v: V| v.visit_u64(0);
        deserialize_i32 => |v: V| v.visit_u64(0);
        deserialize_i64 => |v: V| v.visit_u64(0);
        deserialize_i128 => |v: V| v.visit_u64(0);
        deserialize_u8 => |v: V| v.visit_u64(0);
        deserialize_u16 => |v: V| v.visit_u64(0);
        deserialize_u32 => |v: V| v.visit_u64(0);
        deserialize_u64 => |v: V| v.visit_u64(0);
        deserialize_u128 => |v: V| v.visit_u64(0);
        deserialize_f32 => |v: V| v.visit_u64(0);
        deserialize_f64 => |v: V| v.visit_u64(0);
        deserialize_char => |v: V| v.visit_char(' ');
        deserialize_str => |v: V| v.visit_borrowed_str("");
        deserialize_string => |v: V| v.visit_borrowed_str("");
        deserialize_bytes => |v: V| v.visit_borrowed_bytes(b"");
        deserialize_byte_buf => |v: V| v.visit_borrowed_bytes(b"");
        deserialize_identifier => |v: V| v.visit_borrowed_str("");
        deserialize_seq => |v: V| v.visit_seq(Items { items: [].iter().enumerate(), document: &PLACEHOLDER_DOCUMENT });
        deserialize_map => |v: V| v.visit_map(Entries::new(&[], &PLACEHOLDER_DOCUMENT, None));
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        if self.is_null() {
            at(self.node.offset, visitor.visit_none())
        } else {
            let offset = self.node.offset;
            at(offset, visitor.visit_some(self))
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.any(visitor)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        self.any(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        let offset = self.node.offset;
        at(offset, visitor.visit_newtype_struct(self))
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        match &self.node.value {
            Value::Object(entries) => {
                session::enter_structure(name, fields);
                let access = Entries::new(entries, self.document, Some((name, fields)));
                let result = visitor.visit_map(access);
                session::leave_structure();
                at(self.node.offset, result)
            }
            Value::Null => self.required(visitor, |v| {
                v.visit_map(PlaceholderStructure(fields.iter()))
            }),
            _ => self.any(visitor),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        let offset = self.node.offset;
        match &self.node.value {
            Value::String(name) => {
                let key = KeyDeserializer::of(name, offset);
                at(offset, visitor.visit_enum(UnitVariant { key }))
            }
            Value::Object(entries) if entries.len() == 1 => {
                let entry = &entries[0];
                let name = &self.document.keys[entry.key];
                let step = match variants.iter().find(|v| **v == name) {
                    Some(variant) => Step::Member(variant),
                    None => Step::UnknownMember(entry.key),
                };
                let access = ContentVariant {
                    name: KeyDeserializer::of(name, entry.key_offset),
                    step,
                    content: self.child(&entry.value),
                };
                at(offset, visitor.visit_enum(access))
            }
            // A union must set exactly one member: zero or several is a violation, and reading
            // goes on with a placeholder.
            Value::Object(entries) if !variants.is_empty() => {
                let rule = Rule::UnionMembers {
                    members: variants,
                    set: entries.len(),
                };
                if let Err(violation) = session::record(Violation::new(rule)) {
                    return Err(de::Error::custom(violation));
                }
                at(
                    offset,
                    session::placeholder(|| {
                        visitor.visit_enum(first_variant_placeholder(variants, offset))
                    }),
                )
            }
            Value::Null if !variants.is_empty() => self.required(visitor, |v| {
                v.visit_enum(first_variant_placeholder(variants, offset))
            }),
            _ => self.any(visitor),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        visitor.visit_unit()
    }
}

/// A placeholder union: its first member, set to `null`.
fn first_variant_placeholder<'de>(
    variants: &'static [&'static str],
    offset: usize,
) -> ContentVariant<'static, 'de> {
    ContentVariant {
        name: KeyDeserializer::of_static(variants[0], offset),
        step: Step::Member(variants[0]),
        content: NodeDeserializer {
            node: &NULL,
            document: &PLACEHOLDER_DOCUMENT,
        },
    }
}

/// The document placeholders are read from: it has no keys and no source.
static PLACEHOLDER_DOCUMENT: Document<'static> = Document {
    root: Node {
        value: Value::Null,
        offset: 0,
    },
    keys: Vec::new(),
    source: None,
};

struct Items<'d, 'de> {
    items: std::iter::Enumerate<std::slice::Iter<'d, Node<'de>>>,
    document: &'d Document<'de>,
}

impl<'d, 'de> SeqAccess<'de> for Items<'d, 'de> {
    type Error = ReadError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, ReadError> {
        let Some((index, node)) = self.items.next() else {
            return Ok(None);
        };
        session::push(Step::Index(index));
        let result = seed.deserialize(NodeDeserializer {
            node,
            document: self.document,
        });
        session::pop();
        result.map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// The entries of an object, read as a map or as a structure's members.
struct Entries<'d, 'de> {
    entries: std::slice::Iter<'d, Entry<'de>>,
    document: &'d Document<'de>,
    /// The structure's fields, when the object is read as a structure.
    fields: Option<&'static [&'static str]>,
    position: usize,
    current: Option<&'d Entry<'de>>,
    /// Required members absent here that an earlier run found missing: supplied as `null`.
    supplied: std::vec::IntoIter<&'static str>,
    current_supplied: Option<&'static str>,
}

impl<'d, 'de> Entries<'d, 'de> {
    fn new(
        entries: &'d [Entry<'de>],
        document: &'d Document<'de>,
        structure: Option<(&'static str, &'static [&'static str])>,
    ) -> Self {
        let supplied = match structure {
            Some((name, fields)) => session::injected(name, fields)
                .into_iter()
                .filter(|field| !entries.iter().any(|e| document.keys[e.key] == *field))
                .collect(),
            None => Vec::new(),
        };
        Entries {
            entries: entries.iter(),
            document,
            fields: structure.map(|(_, fields)| fields),
            position: 0,
            current: None,
            supplied: supplied.into_iter(),
            current_supplied: None,
        }
    }
}

impl<'d, 'de> MapAccess<'de> for Entries<'d, 'de> {
    type Error = ReadError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, ReadError> {
        if let Some(entry) = self.entries.next() {
            self.current = Some(entry);
            let key = KeyDeserializer::of(&self.document.keys[entry.key], entry.key_offset);
            if self.fields.is_some() {
                return seed.deserialize(key).map(Some);
            }
            session::push(Step::MapKey(self.position));
            let result = seed.deserialize(key);
            session::pop();
            return result.map(Some);
        }
        self.current = None;
        match self.supplied.next() {
            Some(field) => {
                self.current_supplied = Some(field);
                seed.deserialize(field.into_deserializer()).map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, ReadError> {
        let (step, node) = match (self.current.take(), self.current_supplied.take()) {
            (Some(entry), _) => {
                let step = match self.fields {
                    Some(fields) => {
                        let name = &self.document.keys[entry.key];
                        match fields.iter().find(|f| **f == name) {
                            Some(field) => Step::Member(field),
                            None => Step::UnknownMember(entry.key),
                        }
                    }
                    None => Step::MapValue {
                        key: entry.key,
                        position: self.position,
                    },
                };
                self.position += 1;
                (step, &entry.value)
            }
            (None, Some(field)) => (Step::Member(field), &NULL),
            (None, None) => return Err(de::Error::custom("value requested before its key")),
        };
        session::push(step);
        let result = seed.deserialize(NodeDeserializer {
            node,
            document: self.document,
        });
        session::pop();
        result
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len() + self.supplied.len())
    }
}

/// The members of a placeholder structure: every field, each `null`.
struct PlaceholderStructure(std::slice::Iter<'static, &'static str>);

impl<'de> MapAccess<'de> for PlaceholderStructure {
    type Error = ReadError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, ReadError> {
        match self.0.next() {
            Some(field) => seed.deserialize(field.into_deserializer()).map(Some),
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, ReadError> {
        seed.deserialize(NodeDeserializer {
            node: &NULL,
            document: &PLACEHOLDER_DOCUMENT,
        })
    }
}

/// A map key or variant name, which serde may read as a string, a number or a unit variant.
struct KeyDeserializer<'d, 'de> {
    text: &'d str,
    /// The same text borrowed from the input, when it is (no escapes), so it can be borrowed.
    borrowed: Option<&'de str>,
    offset: usize,
}

impl<'d, 'de> KeyDeserializer<'d, 'de> {
    fn of(key: &'d Cow<'de, str>, offset: usize) -> Self {
        let borrowed = match key {
            Cow::Borrowed(text) => Some(*text),
            Cow::Owned(_) => None,
        };
        KeyDeserializer {
            text: key,
            borrowed,
            offset,
        }
    }

    fn of_static(text: &'static str, offset: usize) -> Self {
        KeyDeserializer {
            text,
            borrowed: Some(text),
            offset,
        }
    }
}

macro_rules! key_as_number {
    ($($method:ident => $visit:ident : $t:ty;)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
            match self.text.parse::<$t>() {
                Ok(n) => at(self.offset, visitor.$visit(n)),
                Err(_) => {
                    let error: ReadError = de::Error::invalid_type(Unexpected::Str(self.text), &visitor);
                    Err(error.at(self.offset))
                }
            }
        }
    )*};
}

impl<'d, 'de> Deserializer<'de> for KeyDeserializer<'d, 'de> {
    type Error = ReadError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        let result = match self.borrowed {
            Some(key) => visitor.visit_borrowed_str(key),
            None => visitor.visit_str(self.text),
        };
        at(self.offset, result)
    }

    key_as_number! {
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
        deserialize_bool => visit_bool: bool;
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        let offset = self.offset;
        at(offset, visitor.visit_some(self))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        let offset = self.offset;
        at(offset, visitor.visit_newtype_struct(self))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        let offset = self.offset;
        at(offset, visitor.visit_enum(UnitVariant { key: self }))
    }

    serde::forward_to_deserialize_any! {
        char str string bytes byte_buf unit unit_struct seq tuple tuple_struct map struct
        identifier ignored_any
    }
}

/// An enum written as a bare string: a unit variant.
struct UnitVariant<'d, 'de> {
    key: KeyDeserializer<'d, 'de>,
}

impl<'d, 'de> EnumAccess<'de> for UnitVariant<'d, 'de> {
    type Error = ReadError;
    type Variant = UnitOnly;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, UnitOnly), ReadError> {
        seed.deserialize(self.key).map(|v| (v, UnitOnly))
    }
}

struct UnitOnly;

impl<'de> VariantAccess<'de> for UnitOnly {
    type Error = ReadError;

    fn unit_variant(self) -> Result<(), ReadError> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _: T) -> Result<T::Value, ReadError> {
        Err(de::Error::invalid_type(
            Unexpected::UnitVariant,
            &"an object with one member",
        ))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value, ReadError> {
        Err(de::Error::invalid_type(
            Unexpected::UnitVariant,
            &"an object with one member",
        ))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, ReadError> {
        Err(de::Error::invalid_type(
            Unexpected::UnitVariant,
            &"an object with one member",
        ))
    }
}

/// An enum written as an object with one member: the member names the variant (a union member).
struct ContentVariant<'d, 'de> {
    name: KeyDeserializer<'d, 'de>,
    step: Step,
    content: NodeDeserializer<'d, 'de>,
}

impl<'d, 'de> EnumAccess<'de> for ContentVariant<'d, 'de> {
    type Error = ReadError;
    type Variant = Content<'d, 'de>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Content<'d, 'de>), ReadError> {
        let variant = seed.deserialize(self.name)?;
        Ok((
            variant,
            Content {
                step: self.step,
                content: self.content,
            },
        ))
    }
}

struct Content<'d, 'de> {
    step: Step,
    content: NodeDeserializer<'d, 'de>,
}

impl<'d, 'de> Content<'d, 'de> {
    fn within<R>(self, read: impl FnOnce(NodeDeserializer<'d, 'de>) -> R) -> R {
        session::push(self.step);
        let result = read(self.content);
        session::pop();
        result
    }
}

impl<'d, 'de> VariantAccess<'de> for Content<'d, 'de> {
    type Error = ReadError;

    fn unit_variant(self) -> Result<(), ReadError> {
        self.within(<() as de::Deserialize>::deserialize)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, ReadError> {
        self.within(|content| seed.deserialize(content))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, ReadError> {
        self.within(|content| content.deserialize_seq(visitor))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        self.within(|content| content.deserialize_struct("", fields, visitor))
    }
}
