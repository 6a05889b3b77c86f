//! Replays every case of Smithy's restJson1 validation conformance tests
//! (`conformance/smithy/`, Apache-2.0, see its NOTICE.md): the input structures of
//! `operations.json` declared with the derive, each case's body validated with
//! `constrained::from_json_str`, and the rendered `ValidationException` body compared as JSON with
//! the expected one. Members bound to HTTP headers and query strings are replayed as the members
//! they bind to. `valid.json` must be accepted.

// The input structures mirror the Smithy model member for member; the test reads them only by
// validating into them, so most fields are never read back.
#![allow(dead_code)]

use constrained::{Blob, Constrained, DocumentError};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;

// ---- MalformedLength and MalformedLengthOverride ------------------------------------------

#[derive(Debug, Constrained)]
#[constrained(length(min = 2, max = 8))]
struct LengthBlob(Blob);

#[derive(Debug, PartialEq, Eq, Hash, Constrained)]
#[constrained(length(min = 2, max = 8))]
struct LengthString(String);

#[derive(Debug, Constrained)]
#[constrained(length(min = 2))]
struct MinLengthString(String);

#[derive(Debug, Constrained)]
#[constrained(length(max = 8))]
struct MaxLengthString(String);

#[derive(Debug, Constrained)]
#[constrained(length(min = 2, max = 8))]
struct LengthList(Vec<LengthString>);

#[derive(Debug, Constrained)]
#[constrained(length(min = 2, max = 8))]
struct LengthMap(HashMap<LengthString, LengthList>);

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct MalformedLengthInput {
    blob: Option<LengthBlob>,
    string: Option<LengthString>,
    min_string: Option<MinLengthString>,
    max_string: Option<MaxLengthString>,
    list: Option<LengthList>,
    map: Option<LengthMap>,
}

#[derive(Debug, Constrained)]
#[constrained(length(min = 4, max = 6))]
struct LengthBlobOverride(Blob);

#[derive(Debug, Constrained)]
#[constrained(length(min = 4, max = 6))]
struct LengthStringOverride(String);

#[derive(Debug, Constrained)]
#[constrained(length(min = 4))]
struct MinLengthStringOverride(String);

#[derive(Debug, Constrained)]
#[constrained(length(max = 6))]
struct MaxLengthStringOverride(String);

#[derive(Debug, Constrained)]
#[constrained(length(min = 4, max = 6))]
struct LengthListOverride(Vec<LengthString>);

#[derive(Debug, Constrained)]
#[constrained(length(min = 4, max = 6))]
struct LengthMapOverride(HashMap<LengthString, LengthList>);

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct MalformedLengthOverrideInput {
    blob: Option<LengthBlobOverride>,
    string: Option<LengthStringOverride>,
    min_string: Option<MinLengthStringOverride>,
    max_string: Option<MaxLengthStringOverride>,
    list: Option<LengthListOverride>,
    map: Option<LengthMapOverride>,
}

#[derive(Debug, Deserialize)]
struct MalformedLengthQueryStringInput {
    string: Option<LengthString>,
}

// ---- MalformedPattern, MalformedPatternOverride and SensitiveValidation --------------------

#[derive(Debug, PartialEq, Eq, Hash, Constrained)]
#[constrained(pattern = "^[a-m]+$")]
struct PatternString(String);

#[derive(Debug, Constrained)]
#[constrained(pattern = "^([0-9]+)+$")]
struct EvilString(String);

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
enum PatternUnion {
    First(PatternString),
    Second(PatternString),
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct MalformedPatternInput {
    string: Option<PatternString>,
    evil_string: Option<EvilString>,
    list: Option<Vec<PatternString>>,
    map: Option<HashMap<PatternString, PatternString>>,
    union: Option<PatternUnion>,
}

#[derive(Debug, PartialEq, Eq, Hash, Constrained)]
#[constrained(pattern = "^[g-m]+$")]
struct PatternStringOverride(String);

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
enum PatternUnionOverride {
    First(PatternStringOverride),
    Second(PatternStringOverride),
}

#[derive(Debug, Deserialize)]
struct MalformedPatternOverrideInput {
    string: Option<PatternStringOverride>,
    list: Option<Vec<PatternStringOverride>>,
    map: Option<HashMap<PatternStringOverride, PatternStringOverride>>,
    union: Option<PatternUnionOverride>,
}

#[derive(Constrained)]
#[constrained(sensitive, pattern = "^[a-m]+$")]
struct SensitivePatternString(String);

#[derive(Debug, Deserialize)]
struct SensitiveValidationInput {
    string: Option<SensitivePatternString>,
}

// ---- MalformedRange and MalformedRangeOverride ---------------------------------------------

macro_rules! ranges {
    ($($name:ident($t:ty) = ($($bounds:tt)*);)*) => {$(
        #[derive(Debug, Constrained)]
        #[constrained(range($($bounds)*))]
        struct $name($t);
    )*};
}

ranges! {
    RangeByte(i8) = (min = 2, max = 8);
    MinByte(i8) = (min = 2);
    MaxByte(i8) = (max = 8);
    RangeShort(i16) = (min = 2, max = 8);
    MinShort(i16) = (min = 2);
    MaxShort(i16) = (max = 8);
    RangeInteger(i32) = (min = 2, max = 8);
    MinInteger(i32) = (min = 2);
    MaxInteger(i32) = (max = 8);
    RangeLong(i64) = (min = 2, max = 8);
    MinLong(i64) = (min = 2);
    MaxLong(i64) = (max = 8);
    RangeFloat(f32) = (min = 2.2, max = 8.8);
    MinFloat(f32) = (min = 2.2);
    MaxFloat(f32) = (max = 8.8);
    RangeByteOverride(i8) = (min = 4, max = 6);
    MinByteOverride(i8) = (min = 4);
    MaxByteOverride(i8) = (max = 6);
    RangeShortOverride(i16) = (min = 4, max = 6);
    MinShortOverride(i16) = (min = 4);
    MaxShortOverride(i16) = (max = 6);
    RangeIntegerOverride(i32) = (min = 4, max = 6);
    MinIntegerOverride(i32) = (min = 4);
    MaxIntegerOverride(i32) = (max = 6);
    RangeLongOverride(i64) = (min = 4, max = 6);
    MinLongOverride(i64) = (min = 4);
    MaxLongOverride(i64) = (max = 6);
    RangeFloatOverride(f32) = (min = 4.4, max = 6.6);
    MinFloatOverride(f32) = (min = 4.4);
    MaxFloatOverride(f32) = (max = 6.6);
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct MalformedRangeInput {
    byte: Option<RangeByte>,
    min_byte: Option<MinByte>,
    max_byte: Option<MaxByte>,
    short: Option<RangeShort>,
    min_short: Option<MinShort>,
    max_short: Option<MaxShort>,
    integer: Option<RangeInteger>,
    min_integer: Option<MinInteger>,
    max_integer: Option<MaxInteger>,
    long: Option<RangeLong>,
    min_long: Option<MinLong>,
    max_long: Option<MaxLong>,
    float: Option<RangeFloat>,
    min_float: Option<MinFloat>,
    max_float: Option<MaxFloat>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct MalformedRangeOverrideInput {
    byte: Option<RangeByteOverride>,
    min_byte: Option<MinByteOverride>,
    max_byte: Option<MaxByteOverride>,
    short: Option<RangeShortOverride>,
    min_short: Option<MinShortOverride>,
    max_short: Option<MaxShortOverride>,
    integer: Option<RangeIntegerOverride>,
    min_integer: Option<MinIntegerOverride>,
    max_integer: Option<MaxIntegerOverride>,
    long: Option<RangeLongOverride>,
    min_long: Option<MinLongOverride>,
    max_long: Option<MaxLongOverride>,
    float: Option<RangeFloatOverride>,
    min_float: Option<MinFloatOverride>,
    max_float: Option<MaxFloatOverride>,
}

// ---- MalformedEnum and RecursiveStructures -------------------------------------------------

/// An enum shape whose `ghi` member is `@internal`: accepted, left out of messages. `jkl` only
/// carries `@tags(["internal"])`, which does not hide it.
#[derive(Debug, PartialEq, Eq, Hash, Constrained)]
#[constrained(rename_all = "lowercase")]
enum EnumString {
    Abc,
    Def,
    #[constrained(internal)]
    Ghi,
    Jkl,
}

/// The legacy `@enum` trait: its definitions tagged `internal` are left out of messages.
#[derive(Debug, Constrained)]
#[constrained(rename_all = "lowercase")]
enum EnumTraitString {
    Abc,
    Def,
    #[constrained(internal)]
    Ghi,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
enum EnumUnion {
    First(EnumString),
    Second(EnumString),
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct MalformedEnumInput {
    string: Option<EnumString>,
    string_with_enum_trait: Option<EnumTraitString>,
    list: Option<Vec<EnumString>>,
    map: Option<HashMap<EnumString, EnumString>>,
    union: Option<EnumUnion>,
}

#[derive(Debug, Constrained)]
#[constrained(rename_all = "lowercase")]
enum RecursiveEnumString {
    Abc,
    Def,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
enum RecursiveUnionOne {
    String(RecursiveEnumString),
    Union(Box<RecursiveUnionTwo>),
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
enum RecursiveUnionTwo {
    String(RecursiveEnumString),
    Union(Box<RecursiveUnionOne>),
}

#[derive(Debug, Deserialize)]
struct RecursiveStructuresInput {
    union: Option<RecursiveUnionOne>,
}

// ---- MalformedRequired ---------------------------------------------------------------------

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct MalformedRequiredInput {
    string: String,
    string_in_query: String,
    string_in_header: String,
}

// ---- MalformedUniqueItems ------------------------------------------------------------------

/// A timestamp in epoch seconds; equal when the instants are.
#[derive(Debug, PartialEq, Eq, Hash)]
struct EpochSeconds(time::OffsetDateTime);

impl<'de> Deserialize<'de> for EpochSeconds {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let seconds = f64::deserialize(deserializer)?;
        let nanos = (seconds * 1e9) as i128;
        time::OffsetDateTime::from_unix_timestamp_nanos(nanos)
            .map(EpochSeconds)
            .map_err(serde::de::Error::custom)
    }
}

/// A `date-time` (RFC 3339) timestamp; equal when the instants are.
#[derive(Debug, PartialEq, Eq, Hash)]
struct DateTime(time::OffsetDateTime);

impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        time::OffsetDateTime::parse(&text, &time::format_description::well_known::Rfc3339)
            .map(|t| DateTime(t.to_offset(time::UtcOffset::UTC)))
            .map_err(serde::de::Error::custom)
    }
}

/// An `http-date` (IMF-fixdate) timestamp; equal when the instants are.
#[derive(Debug, PartialEq, Eq, Hash)]
struct HttpDate(time::PrimitiveDateTime);

impl<'de> Deserialize<'de> for HttpDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        let format = time::macros::format_description!(
            "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
        );
        time::PrimitiveDateTime::parse(&text, format)
            .map(HttpDate)
            .map_err(serde::de::Error::custom)
    }
}

#[derive(Debug, PartialEq, Eq, Hash, Constrained)]
enum FooEnum {
    Foo,
    Baz,
    Bar,
    #[constrained(rename = "1")]
    One,
    #[constrained(rename = "0")]
    Zero,
}

/// An `intEnum` {A = 1, B = 2, C = 3}.
#[derive(Debug, PartialEq, Eq, Hash)]
struct IntegerEnum(i32);

impl<'de> Deserialize<'de> for IntegerEnum {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = i32::deserialize(deserializer)?;
        if (1..=3).contains(&value) {
            Ok(IntegerEnum(value))
        } else {
            Err(serde::de::Error::custom("not a value of IntegerEnum"))
        }
    }
}

#[derive(Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
struct GreetingStruct {
    hi: Option<String>,
}

#[derive(Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
struct MissingKeyStructure {
    hi: String,
}

#[derive(Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
enum FooUnion {
    String(String),
    Integer(i32),
}

/// Timestamps and the int enum serialize as the instant's Unix time or the integer: a constrained
/// list serializes its items, so they must be serializable.
macro_rules! serialize_as {
    ($($t:ty => |$v:ident| $e:expr;)*) => {$(
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let $v = self;
                $e.serialize(serializer)
            }
        }
    )*};
}

serialize_as! {
    EpochSeconds => |t| t.0.unix_timestamp();
    DateTime => |t| t.0.unix_timestamp();
    HttpDate => |t| t.0.assume_utc().unix_timestamp();
    IntegerEnum => |e| e.0;
}

macro_rules! sets {
    ($($name:ident($item:ty);)*) => {$(
        #[derive(Debug, Constrained)]
        #[constrained(unique_items)]
        struct $name(Vec<$item>);
    )*};
}

sets! {
    BlobSet(Blob);
    BooleanSet(bool);
    StringSet(String);
    ByteSet(i8);
    ShortSet(i16);
    IntegerSet(i32);
    LongSet(i64);
    TimestampSet(EpochSeconds);
    DateTimeSet(DateTime);
    HttpDateSet(HttpDate);
    FooEnumSet(FooEnum);
    IntegerEnumSet(IntegerEnum);
    ListSet(Vec<String>);
    StructureSet(GreetingStruct);
    StructureSetWithNoKey(MissingKeyStructure);
    UnionSet(FooUnion);
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct MalformedUniqueItemsInput {
    blob_list: Option<BlobSet>,
    boolean_list: Option<BooleanSet>,
    string_list: Option<StringSet>,
    byte_list: Option<ByteSet>,
    short_list: Option<ShortSet>,
    integer_list: Option<IntegerSet>,
    long_list: Option<LongSet>,
    timestamp_list: Option<TimestampSet>,
    date_time_list: Option<DateTimeSet>,
    http_date_list: Option<HttpDateSet>,
    enum_list: Option<FooEnumSet>,
    int_enum_list: Option<IntegerEnumSet>,
    list_list: Option<ListSet>,
    structure_list: Option<StructureSet>,
    structure_list_with_no_key: Option<StructureSetWithNoKey>,
    union_list: Option<UnionSet>,
}

// ---- The replay ----------------------------------------------------------------------------

fn validate_as<T: DeserializeOwned + std::fmt::Debug>(body: &str) -> Result<(), DocumentError> {
    constrained::from_json_str::<T>(body).map(|_| ())
}

fn validate(operation: &str, body: &str) -> Result<(), DocumentError> {
    match operation {
        "MalformedLength" => validate_as::<MalformedLengthInput>(body),
        "MalformedLengthOverride" => validate_as::<MalformedLengthOverrideInput>(body),
        "MalformedLengthQueryString" => validate_as::<MalformedLengthQueryStringInput>(body),
        "MalformedPattern" => validate_as::<MalformedPatternInput>(body),
        "MalformedPatternOverride" => validate_as::<MalformedPatternOverrideInput>(body),
        "SensitiveValidation" => validate_as::<SensitiveValidationInput>(body),
        "MalformedRange" => validate_as::<MalformedRangeInput>(body),
        "MalformedRangeOverride" => validate_as::<MalformedRangeOverrideInput>(body),
        "MalformedEnum" => validate_as::<MalformedEnumInput>(body),
        "RecursiveStructures" => validate_as::<RecursiveStructuresInput>(body),
        "MalformedRequired" => validate_as::<MalformedRequiredInput>(body),
        "MalformedUniqueItems" => validate_as::<MalformedUniqueItemsInput>(body),
        other => panic!("no input structure declared for operation {other}"),
    }
}

fn load(file: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("conformance/smithy")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

/// The body a service sees once HTTP bindings are read: the JSON body, plus each query parameter
/// and header as the member it binds to (`?string` with no value is the empty string).
fn bound_body(case: &Value, operations: &Value) -> String {
    let request = &case["request"];
    let members = &operations[case["operation"].as_str().unwrap()]["input"]["members"];
    let mut body = case["bodyJson"].clone();
    if !body.is_object() {
        body = Value::Object(Default::default());
    }
    let object = body.as_object_mut().unwrap();
    let member_bound_to = |binding: &str, name: &str| {
        members
            .as_object()
            .unwrap()
            .iter()
            .find_map(|(member, shape)| {
                shape[binding]
                    .as_str()
                    .filter(|bound| bound.eq_ignore_ascii_case(name))
                    .map(|_| member.clone())
            })
    };
    for param in request["queryParams"].as_array().into_iter().flatten() {
        let param = param.as_str().unwrap();
        let (name, value) = param.split_once('=').unwrap_or((param, ""));
        if let Some(member) = member_bound_to("httpQuery", name) {
            object.insert(member, Value::String(value.to_owned()));
        }
    }
    for (name, value) in request["headers"].as_object().into_iter().flatten() {
        if let Some(member) = member_bound_to("httpHeader", name) {
            object.insert(member, value.clone());
        }
    }
    // Bodies without bindings are replayed byte for byte, as sent.
    if request["queryParams"]
        .as_array()
        .is_none_or(|q| q.is_empty())
        && !members
            .as_object()
            .unwrap()
            .values()
            .any(|m| m.get("httpHeader").is_some())
    {
        return case["body"].as_str().unwrap().to_owned();
    }
    serde_json::to_string(&body).unwrap()
}

#[test]
fn smithy_validation_conformance() {
    let operations = load("operations.json");
    let mut total = 0;
    let mut failures = Vec::new();
    for file in [
        "length.json",
        "pattern.json",
        "range.json",
        "enum.json",
        "required.json",
        "unique-items.json",
    ] {
        for case in load(file).as_array().unwrap() {
            total += 1;
            let id = case["id"].as_str().unwrap();
            let body = bound_body(case, &operations);
            let expected: Value =
                serde_json::from_str(case["expected"]["responseBody"].as_str().unwrap()).unwrap();
            let outcome = match validate(case["operation"].as_str().unwrap(), &body) {
                Err(DocumentError::Invalid(report)) => {
                    let actual: Value = serde_json::from_str(&report.smithy_body()).unwrap();
                    if actual == expected {
                        Ok(())
                    } else {
                        Err(format!("got {actual}\n   want {expected}"))
                    }
                }
                Err(DocumentError::Malformed(m)) => Err(format!("malformed: {m}")),
                Ok(()) => Err("accepted".to_owned()),
            };
            if let Err(why) = outcome {
                failures.push(format!("{id}: {why}"));
            }
        }
    }
    for case in load("valid.json").as_array().unwrap() {
        total += 1;
        let body = case["body"].as_str().unwrap();
        if let Err(e) = validate(case["operation"].as_str().unwrap(), body) {
            failures.push(format!("{}: rejected a valid request: {e}", case["id"]));
        }
    }
    let passed = total - failures.len();
    println!("smithy conformance: {passed}/{total} passed");
    for failure in &failures {
        println!("  FAILED {failure}");
    }
    assert_eq!(total, 126, "every case of the data is replayed");
    assert!(
        failures.is_empty(),
        "{} of {total} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
