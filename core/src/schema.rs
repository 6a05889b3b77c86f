//! JSON Schema for constrained types (feature `schemars`): every rule the schema language can say
//! — pattern (anchored ECMA-262, translated from the Java dialect when the derive expanded),
//! lengths, bounds, enum values, map sizes with key and value schemas, list sizes and unique
//! items — and `writeOnly` for a sensitive value.

use crate::rules::blob::BlobRules;
use crate::rules::enumeration::EnumRules;
use crate::rules::length::LengthBounds;
use crate::rules::number::{Number, RangeRules};
use crate::rules::text::TextRules;
use schemars::Schema;
use serde_json::{Map, Value};

fn object(kind: &str) -> Map<String, Value> {
    let mut schema = Map::new();
    schema.insert("type".into(), kind.into());
    schema
}

fn bounds(schema: &mut Map<String, Value>, length: Option<LengthBounds>, min: &str, max: &str) {
    if let Some(length) = length {
        if let Some(least) = length.min {
            schema.insert(min.into(), least.into());
        }
        if let Some(most) = length.max {
            schema.insert(max.into(), most.into());
        }
    }
}

fn sensitive(schema: &mut Map<String, Value>, sensitive: bool) {
    if sensitive {
        schema.insert("writeOnly".into(), true.into());
        schema.insert(
            "description".into(),
            "Sensitive: never echoed in errors or logs.".into(),
        );
    }
}

/// A string: `minLength`/`maxLength` in characters, `pattern` (anchored ECMA-262).
pub fn text(rules: &TextRules, pattern: Option<&str>) -> Schema {
    let mut schema = object("string");
    bounds(&mut schema, rules.length, "minLength", "maxLength");
    if let Some(pattern) = pattern {
        schema.insert("pattern".into(), pattern.into());
    }
    sensitive(&mut schema, rules.sensitive);
    Schema::from(schema)
}

/// A number: `integer` or `number`, with `minimum`/`maximum`.
pub fn number<T: Number + serde::Serialize>(rules: &RangeRules<T>, integer: bool) -> Schema {
    let mut schema = object(if integer { "integer" } else { "number" });
    for (name, bound) in [("minimum", rules.min), ("maximum", rules.max)] {
        if let Some(Ok(value)) = bound.map(serde_json::to_value) {
            schema.insert(name.into(), value);
        }
    }
    sensitive(&mut schema, rules.sensitive);
    Schema::from(schema)
}

/// An enum: its wire values, or any string for one with a catch-all variant.
pub fn enumeration(rules: &EnumRules) -> Schema {
    let mut schema = object("string");
    if !rules.open {
        let values: Vec<Value> = rules.accepted.iter().map(|v| (*v).into()).collect();
        schema.insert("enum".into(), values.into());
    }
    sensitive(&mut schema, rules.sensitive);
    Schema::from(schema)
}

/// A blob: base64 text. Its length rule counts decoded bytes, which no schema keyword says.
pub fn blob(rules: &BlobRules) -> Schema {
    let mut schema = object("string");
    schema.insert("contentEncoding".into(), "base64".into());
    sensitive(&mut schema, rules.sensitive);
    Schema::from(schema)
}

/// A list of `items`: `minItems`/`maxItems`, `uniqueItems`.
pub fn list(
    length: Option<LengthBounds>,
    unique_items: bool,
    sensitive_list: bool,
    items: Schema,
) -> Schema {
    let mut schema = object("array");
    schema.insert("items".into(), items.to_value());
    bounds(&mut schema, length, "minItems", "maxItems");
    if unique_items {
        schema.insert("uniqueItems".into(), true.into());
    }
    sensitive(&mut schema, sensitive_list);
    Schema::from(schema)
}

/// A map: `minProperties`/`maxProperties`, `propertyNames` for its keys, `additionalProperties`
/// for its values.
pub fn map(
    length: Option<LengthBounds>,
    sensitive_map: bool,
    keys: Schema,
    values: Schema,
) -> Schema {
    let mut schema = object("object");
    schema.insert("propertyNames".into(), keys.to_value());
    schema.insert("additionalProperties".into(), values.to_value());
    bounds(&mut schema, length, "minProperties", "maxProperties");
    sensitive(&mut schema, sensitive_map);
    Schema::from(schema)
}

/// The `impl schemars::JsonSchema` the derive writes for every type, kept only with the feature.
#[doc(hidden)]
#[macro_export]
macro_rules! __schema_impl {
    ($($item:tt)*) => {
        $($item)*
    };
}

/// The schema of an element type that carries its own rules: its own `JsonSchema` when it has one
/// (another constrained type, a type of the user's that derives it), else any value. Chosen by
/// method resolution on the concrete type where the derive expands (`(&Probe::<T>::new())
/// .element_schema(generator)`), so a map of a type without a schema still compiles.
pub struct Probe<T>(std::marker::PhantomData<fn() -> T>);

impl<T> Probe<T> {
    /// The probe for `T`.
    #[allow(clippy::new_without_default)]
    pub fn new() -> Self {
        Probe(std::marker::PhantomData)
    }
}

/// `T: JsonSchema`: its own schema.
pub trait ViaJsonSchema {
    /// The element's schema.
    fn element_schema(&self, generator: &mut schemars::SchemaGenerator) -> Schema;
}

impl<T: schemars::JsonSchema> ViaJsonSchema for Probe<T> {
    fn element_schema(&self, generator: &mut schemars::SchemaGenerator) -> Schema {
        generator.subschema_for::<T>()
    }
}

/// Any other `T`: any value.
pub trait ViaAnything {
    /// The element's schema.
    fn element_schema(&self, generator: &mut schemars::SchemaGenerator) -> Schema;
}

impl<T> ViaAnything for &Probe<T> {
    fn element_schema(&self, _: &mut schemars::SchemaGenerator) -> Schema {
        Schema::from(true)
    }
}
