//! `Document`: a JSON text (or any self-describing serde input) read into a tree that keeps each
//! value's position, so a whole document can be validated into a report, re-read when a run must
//! be repeated, and malformed input located by line and column.
//!
//! The parser is strict RFC 8259 and follows serde_json's reading of numbers (an integer that
//! fits is an integer, `-0` is the float `-0.0`, a number past `f64` is an error), so a document
//! means the same here as it does to `serde_json::from_str`.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;

/// How deep arrays and objects may nest, as serde_json allows.
pub(crate) const MAX_DEPTH: usize = 128;

pub(crate) struct Document<'a> {
    pub root: Node<'a>,
    /// Every object key, by id: entries refer to their key by id so paths can name it cheaply.
    pub keys: Vec<Cow<'a, str>>,
    /// The JSON text, when the document was parsed from one (for lines and columns).
    pub source: Option<&'a str>,
}

pub(crate) struct Node<'a> {
    pub value: Value<'a>,
    /// The byte offset of the value in the source (0 when there is no source).
    pub offset: usize,
}

pub(crate) enum Value<'a> {
    Null,
    Bool(bool),
    Unsigned(u64),
    Signed(i64),
    Float(f64),
    String(Cow<'a, str>),
    Array(Vec<Node<'a>>),
    Object(Vec<Entry<'a>>),
}

pub(crate) struct Entry<'a> {
    pub key: usize,
    pub key_offset: usize,
    pub value: Node<'a>,
}

/// The synthetic `null` a placeholder or a supplied member is read from.
pub(crate) static NULL: Node<'static> = Node {
    value: Value::Null,
    offset: 0,
};

/// Why a text is not a JSON document, and where.
#[derive(Debug)]
pub(crate) struct SyntaxError {
    pub message: String,
    pub offset: usize,
}

impl Document<'_> {
    /// The 1-based line and column of a byte offset, when there is a source.
    pub(crate) fn line_column(&self, offset: usize) -> Option<(usize, usize)> {
        self.source.map(|source| line_column(source, offset))
    }
}

/// The 1-based line and column (in characters) of the byte `offset` of `source`.
pub(crate) fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(source.len());
    while !source.is_char_boundary(end) {
        end -= 1;
    }
    let before = &source[..end];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Parses `text` as one JSON document.
pub(crate) fn parse(text: &str) -> Result<Document<'_>, SyntaxError> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        keys: Vec::new(),
        depth: 0,
    };
    let root = parser.value()?;
    parser.skip_whitespace();
    if parser.pos < parser.bytes.len() {
        return Err(parser.error("trailing characters"));
    }
    Ok(Document {
        root,
        keys: parser.keys,
        source: Some(text),
    })
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    keys: Vec<Cow<'a, str>>,
    depth: usize,
}

impl<'a> Parser<'a> {
    fn error(&self, message: &str) -> SyntaxError {
        SyntaxError {
            message: message.to_owned(),
            offset: self.pos,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn value(&mut self) -> Result<Node<'a>, SyntaxError> {
        self.skip_whitespace();
        let offset = self.pos;
        let value = match self.peek() {
            None => return Err(self.error("EOF while parsing a value")),
            Some(b'n') => self.literal("null", Value::Null)?,
            Some(b't') => self.literal("true", Value::Bool(true))?,
            Some(b'f') => self.literal("false", Value::Bool(false))?,
            Some(b'"') => Value::String(self.string()?),
            Some(b'[') => self.array()?,
            Some(b'{') => self.object()?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(_) => return Err(self.error("expected value")),
        };
        Ok(Node { value, offset })
    }

    fn literal(&mut self, word: &str, value: Value<'a>) -> Result<Value<'a>, SyntaxError> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("expected value"))
        }
    }

    fn nest(&mut self) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("recursion limit exceeded"));
        }
        self.pos += 1;
        Ok(())
    }

    fn array(&mut self) -> Result<Value<'a>, SyntaxError> {
        self.nest()?;
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
        } else {
            loop {
                items.push(self.value()?);
                self.skip_whitespace();
                match self.peek() {
                    Some(b',') => self.pos += 1,
                    Some(b']') => {
                        self.pos += 1;
                        break;
                    }
                    None => return Err(self.error("EOF while parsing a list")),
                    Some(_) => return Err(self.error("expected `,` or `]`")),
                }
            }
        }
        self.depth -= 1;
        Ok(Value::Array(items))
    }

    fn object(&mut self) -> Result<Value<'a>, SyntaxError> {
        self.nest()?;
        let mut entries = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
        } else {
            loop {
                self.skip_whitespace();
                let key_offset = self.pos;
                match self.peek() {
                    Some(b'"') => {}
                    None => return Err(self.error("EOF while parsing an object")),
                    Some(_) => return Err(self.error("key must be a string")),
                }
                let key = self.string()?;
                self.skip_whitespace();
                if self.peek() != Some(b':') {
                    return Err(self.error("expected `:`"));
                }
                self.pos += 1;
                let value = self.value()?;
                self.keys.push(key);
                entries.push(Entry {
                    key: self.keys.len() - 1,
                    key_offset,
                    value,
                });
                self.skip_whitespace();
                match self.peek() {
                    Some(b',') => self.pos += 1,
                    Some(b'}') => {
                        self.pos += 1;
                        break;
                    }
                    None => return Err(self.error("EOF while parsing an object")),
                    Some(_) => return Err(self.error("expected `,` or `}`")),
                }
            }
        }
        self.depth -= 1;
        Ok(Value::Object(entries))
    }

    fn number(&mut self) -> Result<Value<'a>, SyntaxError> {
        let start = self.pos;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error("invalid number")),
        }
        let mut integer = true;
        if self.peek() == Some(b'.') {
            integer = false;
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("invalid number"));
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            integer = false;
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("invalid number"));
            }
            self.digits();
        }
        let text = &self.text[start..self.pos];
        if integer {
            if negative {
                if text == "-0" {
                    return Ok(Value::Float(-0.0));
                }
                if let Ok(v) = text.parse::<i64>() {
                    return Ok(Value::Signed(v));
                }
            } else if let Ok(v) = text.parse::<u64>() {
                return Ok(Value::Unsigned(v));
            }
        }
        match text.parse::<f64>() {
            Ok(v) if v.is_finite() => Ok(Value::Float(v)),
            _ => Err(SyntaxError {
                message: "number out of range".into(),
                offset: start,
            }),
        }
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    fn string(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        self.pos += 1;
        let start = self.pos;
        loop {
            match self.peek() {
                None => return Err(self.error("EOF while parsing a string")),
                Some(b'"') => {
                    let text = &self.text[start..self.pos];
                    self.pos += 1;
                    return Ok(Cow::Borrowed(text));
                }
                Some(b'\\') => break,
                Some(0..=0x1F) => return Err(self.control_character()),
                Some(_) => self.pos += 1,
            }
        }
        let mut owned = String::from(&self.text[start..self.pos]);
        loop {
            match self.peek() {
                None => return Err(self.error("EOF while parsing a string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(owned));
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(&mut owned)?;
                }
                Some(0..=0x1F) => return Err(self.control_character()),
                Some(_) => {
                    let run = self.pos;
                    while let Some(b) = self.peek() {
                        if b == b'"' || b == b'\\' || b < 0x20 {
                            break;
                        }
                        self.pos += 1;
                    }
                    owned.push_str(&self.text[run..self.pos]);
                }
            }
        }
    }

    fn control_character(&self) -> SyntaxError {
        self.error("control character (\\u0000-\\u001F) found while parsing a string")
    }

    fn escape(&mut self, out: &mut String) -> Result<(), SyntaxError> {
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{C}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let unit = self.hex4()?;
                let code_point = match unit {
                    0xD800..=0xDBFF => {
                        if !self.bytes[self.pos..].starts_with(b"\\u") {
                            return Err(self.error("lone leading surrogate in hex escape"));
                        }
                        self.pos += 2;
                        let low = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return Err(self.error("lone leading surrogate in hex escape"));
                        }
                        0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    }
                    0xDC00..=0xDFFF => {
                        return Err(self.error("lone trailing surrogate in hex escape"));
                    }
                    unit => unit,
                };
                out.push(char::from_u32(code_point).unwrap_or(char::REPLACEMENT_CHARACTER));
                return Ok(());
            }
            _ => return Err(self.error("invalid escape")),
        };
        self.pos += 1;
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self
            .text
            .get(self.pos..self.pos + 4)
            .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| self.error("invalid escape"))?;
        self.pos += 4;
        u32::from_str_radix(digits, 16).map_err(|_| self.error("invalid escape"))
    }
}

/// Reads a document from any self-describing serde input. It has no source text, so values
/// carry no positions.
pub(crate) fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Document<'de>, D::Error> {
    let mut keys = Vec::new();
    let root = TreeSeed {
        keys: &mut keys,
        depth: 0,
    }
    .deserialize(deserializer)?;
    Ok(Document {
        root,
        keys,
        source: None,
    })
}

struct TreeSeed<'k, 'de> {
    keys: &'k mut Vec<Cow<'de, str>>,
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for TreeSeed<'_, 'de> {
    type Value = Node<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Node<'de>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

fn node(value: Value<'_>) -> Node<'_> {
    Node { value, offset: 0 }
}

impl<'de> Visitor<'de> for TreeSeed<'_, 'de> {
    type Value = Node<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_unit<E>(self) -> Result<Node<'de>, E> {
        Ok(node(Value::Null))
    }

    fn visit_none<E>(self) -> Result<Node<'de>, E> {
        Ok(node(Value::Null))
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Node<'de>, D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_bool<E>(self, v: bool) -> Result<Node<'de>, E> {
        Ok(node(Value::Bool(v)))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Node<'de>, E> {
        Ok(node(if v >= 0 {
            Value::Unsigned(v as u64)
        } else {
            Value::Signed(v)
        }))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Node<'de>, E> {
        Ok(node(Value::Unsigned(v)))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Node<'de>, E> {
        Ok(node(Value::Float(v)))
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Node<'de>, E> {
        Ok(node(Value::String(Cow::Borrowed(v))))
    }

    fn visit_str<E>(self, v: &str) -> Result<Node<'de>, E> {
        Ok(node(Value::String(Cow::Owned(v.to_owned()))))
    }

    fn visit_string<E>(self, v: String) -> Result<Node<'de>, E> {
        Ok(node(Value::String(Cow::Owned(v))))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut access: A) -> Result<Node<'de>, A::Error> {
        let depth = self.depth + 1;
        if depth > MAX_DEPTH {
            return Err(de::Error::custom("recursion limit exceeded"));
        }
        let mut items = Vec::new();
        while let Some(item) = access.next_element_seed(TreeSeed {
            keys: &mut *self.keys,
            depth,
        })? {
            items.push(item);
        }
        Ok(node(Value::Array(items)))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Node<'de>, A::Error> {
        let depth = self.depth + 1;
        if depth > MAX_DEPTH {
            return Err(de::Error::custom("recursion limit exceeded"));
        }
        let mut entries = Vec::new();
        while let Some(key) = access.next_key::<Cow<'de, str>>()? {
            let value = access.next_value_seed(TreeSeed {
                keys: &mut *self.keys,
                depth,
            })?;
            self.keys.push(key);
            entries.push(Entry {
                key: self.keys.len() - 1,
                key_offset: 0,
                value,
            });
        }
        Ok(node(Value::Object(entries)))
    }
}
