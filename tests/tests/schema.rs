//! The `schemars` feature's JSON Schemas, checked against a real validator (the `jsonschema`
//! crate): on every constrained type of the model, its sample and values mutated from it, the
//! schema accepts exactly what the type's `Deserialize` accepts.

use examples::{deadline, glue};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

/// The sample of `shape` in the examples' samples.
fn sample(shape: &str) -> Value {
    let samples: Value = serde_json::from_str(include_str!("../../examples/tests/samples.json"))
        .expect("the samples are JSON");
    samples[shape].clone()
}

/// Values near `sample`: each one a small change that may or may not break a rule.
fn mutations(sample: &Value) -> Vec<Value> {
    let mut values = vec![
        sample.clone(),
        Value::Null,
        json!(true),
        json!(""),
        json!(0),
        json!(-1),
        json!(1.5),
        json!([]),
        json!({}),
    ];
    match sample {
        Value::String(text) => {
            values.push(json!(format!("{text}x")));
            values.push(json!(format!("x{text}")));
            values.push(json!(text.to_uppercase()));
            values.push(json!(text.repeat(300)));
            values.push(json!(&text[..text.len() / 2]));
            values.push(json!(text.replace('-', "_")));
            values.push(json!(format!("{text}\n")));
            values.push(json!(format!("{text}é")));
        }
        Value::Number(number) => {
            let n = number.as_f64().unwrap_or(0.0);
            for v in [
                n + 1.0,
                n - 1.0,
                n * 1000.0,
                -n,
                101.0,
                1001.0,
                2147483648.0,
            ] {
                values.push(json!(v));
            }
            values.push(json!(100));
            values.push(json!(1000));
        }
        Value::Array(items) => {
            let mut twice = items.clone();
            twice.extend(items.iter().cloned());
            values.push(Value::Array(twice));
            values.push(json!([""]));
            values.push(Value::Array(vec![json!("x".repeat(300)); 2]));
            values.push(Value::Array(
                (0..1001).map(|i| json!(format!("c{i}"))).collect(),
            ));
        }
        Value::Object(members) => {
            let mut big = members.clone();
            for i in 0..80 {
                big.insert(
                    format!("k{i}"),
                    members.values().next().cloned().unwrap_or(json!("v")),
                );
            }
            values.push(Value::Object(big));
            let mut bad_key = members.clone();
            bad_key.insert(String::new(), json!("v"));
            bad_key.insert("k".repeat(200), json!("v"));
            values.push(Value::Object(bad_key));
            let mut bad_value = members.clone();
            if let Some(key) = members.keys().next() {
                bad_value.insert(key.clone(), json!("v".repeat(5000)));
            }
            values.push(Value::Object(bad_value));
        }
        _ => {}
    }
    values
}

/// Checks `T`'s schema against its `Deserialize` on `shape`'s sample and mutations; returns how
/// many values were compared.
fn agrees<T: schemars::JsonSchema + DeserializeOwned>(shape: &str) -> usize {
    let schema = schemars::SchemaGenerator::default().into_root_schema_for::<T>();
    let schema = schema.to_value();
    let validator = jsonschema::validator_for(&schema)
        .unwrap_or_else(|e| panic!("{shape}: the schema {schema} is not valid: {e}"));
    let values = mutations(&sample(shape));
    let integer = schema["type"] == "integer";
    // An element type with no schema of its own (a union of the model) is `true`: the schema
    // then says less than the type, and can only be checked to accept what the type accepts.
    let exact = schema["items"] != true && schema["additionalProperties"] != true;
    for value in &values {
        // JSON Schema's `integer` admits `51.0`, which an integer type reads as a float and
        // refuses: no schema keyword tells the two apart (documented in the README).
        if integer && value.as_f64().is_some_and(|v| v.fract() == 0.0) && value.is_f64() {
            continue;
        }
        let by_schema = validator.is_valid(value);
        let by_type = serde_json::from_value::<T>(value.clone()).is_ok();
        if !exact {
            assert!(
                by_schema || !by_type,
                "{shape}: the type accepts {value}, the schema does not\nschema: {schema}"
            );
            continue;
        }
        assert_eq!(
            by_schema, by_type,
            "{shape}: the schema says {by_schema}, the type {by_type}, for {value}\nschema: {schema}"
        );
    }
    values.len()
}

/// Runs the check on every listed type, named as its shape (`deadline.FarmId`); counts values.
macro_rules! check {
    ($($ty:path),* $(,)?) => {{
        let mut count = 0;
        $(count += agrees::<$ty>(&shape_name(stringify!($ty)));)*
        count
    }};
}

/// `deadline.FarmId` for the path `stringify!` writes (`$crate :: deadline :: FarmId`).
fn shape_name(path: &str) -> String {
    let parts: Vec<&str> = path.split("::").map(str::trim).collect();
    parts[parts.len() - 2..].join(".")
}

#[test]
fn schemas_accept_what_the_types_accept() {
    let compared = examples::constrained_shapes!(check);
    assert!(compared > 700, "{compared} values compared");
}

#[test]
fn schemas_carry_the_rules() {
    let schema = schemars::SchemaGenerator::default()
        .into_root_schema_for::<deadline::FarmId>()
        .to_value();
    assert_eq!(schema["type"], "string");
    assert_eq!(schema["pattern"], "^(?:farm-[0-9a-f]{32})$");
    let schema = schemars::SchemaGenerator::default()
        .into_root_schema_for::<deadline::MaxResults>()
        .to_value();
    assert_eq!(
        (schema["minimum"].clone(), schema["maximum"].clone()),
        (json!(1), json!(100))
    );
    assert_eq!(schema["type"], "integer");
    let schema = schemars::SchemaGenerator::default()
        .into_root_schema_for::<glue::TagsMap>()
        .to_value();
    assert_eq!(schema["maxProperties"], 50);
    // Keys and values are constrained types of their own: referenced, with their own rules.
    assert_eq!(schema["propertyNames"]["$ref"], "#/$defs/TagKey");
    assert_eq!(schema["$defs"]["TagKey"]["maxLength"], 128);
    let schema = schemars::SchemaGenerator::default()
        .into_root_schema_for::<deadline::SessionActionProgressMessage>()
        .to_value();
    assert_eq!(schema["writeOnly"], true);
}
