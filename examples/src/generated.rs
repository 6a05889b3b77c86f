//! Generated JSON documents for every shape of the model, for property tests: valid ones, built
//! from the `proptest` strategies of the constrained types and the shapes around them, and near
//! misses, a valid document with one member that breaks a rule.

use crate::deadline;
use crate::timestamp::{DateTime, EpochSeconds};
use constrained::generate::Generate;
use proptest::prelude::*;
use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use serde_json::Value;
use std::cell::Cell;
use std::collections::HashMap;

/// A shape's generated documents.
pub trait Arbitrary {
    /// Documents the shape accepts.
    fn valid() -> BoxedStrategy<Value>;
    /// Documents the shape refuses for one member breaking a rule, when the shape has such a
    /// member.
    fn near_miss() -> Option<BoxedStrategy<Value>>;
}

/// Every constrained type: its own strategies, as JSON.
macro_rules! constrained_types {
    ($($ty:path),* $(,)?) => {$(
        impl Arbitrary for $ty {
            fn valid() -> BoxedStrategy<Value> {
                <$ty as Generate>::valid()
                    .prop_map(|value| serde_json::to_value(&value.0).unwrap_or(Value::Null))
                    .boxed()
            }
            fn near_miss() -> Option<BoxedStrategy<Value>> {
                Some(<$ty as Generate>::near_miss())
            }
        }
    )*};
}

crate::constrained_shapes!(constrained_types);

impl Arbitrary for String {
    fn valid() -> BoxedStrategy<Value> {
        "[a-zA-Z0-9 ._-]{0,12}".prop_map(Value::from).boxed()
    }
    fn near_miss() -> Option<BoxedStrategy<Value>> {
        None
    }
}

impl Arbitrary for f64 {
    fn valid() -> BoxedStrategy<Value> {
        (-1.0e6..1.0e6f64).prop_map(Value::from).boxed()
    }
    fn near_miss() -> Option<BoxedStrategy<Value>> {
        None
    }
}

impl Arbitrary for i32 {
    fn valid() -> BoxedStrategy<Value> {
        any::<i32>().prop_map(Value::from).boxed()
    }
    fn near_miss() -> Option<BoxedStrategy<Value>> {
        None
    }
}

impl Arbitrary for DateTime {
    fn valid() -> BoxedStrategy<Value> {
        (0u32..28, 0u32..24, 0u32..60, 0u32..1000)
            .prop_map(|(day, hour, minute, millis)| {
                Value::from(format!(
                    "2026-11-{:02}T{hour:02}:{minute:02}:30.{millis:03}Z",
                    day + 1
                ))
            })
            .boxed()
    }
    fn near_miss() -> Option<BoxedStrategy<Value>> {
        Some(Just(Value::from("2026-11-31T25:00:00Z")).boxed())
    }
}

impl Arbitrary for EpochSeconds {
    fn valid() -> BoxedStrategy<Value> {
        (0.0..2.0e9f64).prop_map(Value::from).boxed()
    }
    fn near_miss() -> Option<BoxedStrategy<Value>> {
        Some(Just(Value::from(1.0e300)).boxed())
    }
}

impl<T: Arbitrary> Arbitrary for Option<T> {
    fn valid() -> BoxedStrategy<Value> {
        prop_oneof![Just(Value::Null), T::valid()].boxed()
    }
    fn near_miss() -> Option<BoxedStrategy<Value>> {
        T::near_miss()
    }
}

impl<T: Arbitrary> Arbitrary for Vec<T> {
    fn valid() -> BoxedStrategy<Value> {
        proptest::collection::vec(T::valid(), 0..3)
            .prop_map(Value::Array)
            .boxed()
    }
    fn near_miss() -> Option<BoxedStrategy<Value>> {
        T::near_miss().map(|miss| miss.prop_map(|value| Value::Array(vec![value])).boxed())
    }
}

impl Arbitrary for HashMap<String, String> {
    fn valid() -> BoxedStrategy<Value> {
        proptest::collection::hash_map("[a-z]{1,6}", "[a-z]{0,6}", 0..3)
            .prop_map(|map| Value::Object(map.into_iter().map(|(k, v)| (k, v.into())).collect()))
            .boxed()
    }
    fn near_miss() -> Option<BoxedStrategy<Value>> {
        None
    }
}

/// A union: one member set, named as serde names the variant.
fn union(members: Vec<(&'static str, BoxedStrategy<Value>)>) -> BoxedStrategy<Value> {
    let branches: Vec<BoxedStrategy<Value>> = members
        .into_iter()
        .map(|(name, content)| {
            content
                .prop_map(move |value| {
                    Value::Object([(name.to_owned(), value)].into_iter().collect())
                })
                .boxed()
        })
        .collect();
    proptest::strategy::Union::new(branches).boxed()
}

impl Arbitrary for deadline::TaskParameterValue {
    fn valid() -> BoxedStrategy<Value> {
        union(vec![
            ("int", <deadline::IntString as Arbitrary>::valid()),
            ("float", <deadline::FloatString as Arbitrary>::valid()),
            ("string", <deadline::ParameterString as Arbitrary>::valid()),
            ("path", <deadline::PathString as Arbitrary>::valid()),
            ("chunkInt", <String as Arbitrary>::valid()),
        ])
    }
    fn near_miss() -> Option<BoxedStrategy<Value>> {
        // No member set: a union's own violation.
        Some(Just(Value::Object(Default::default())).boxed())
    }
}

impl Arbitrary for deadline::SessionActionDefinition {
    fn valid() -> BoxedStrategy<Value> {
        union(vec![
            (
                "envEnter",
                <deadline::EnvironmentEnterSessionActionDefinition as Arbitrary>::valid(),
            ),
            (
                "envExit",
                <deadline::EnvironmentExitSessionActionDefinition as Arbitrary>::valid(),
            ),
            (
                "taskRun",
                <deadline::TaskRunSessionActionDefinition as Arbitrary>::valid(),
            ),
            (
                "syncInputJobAttachments",
                <deadline::SyncInputJobAttachmentsSessionActionDefinition as Arbitrary>::valid(),
            ),
        ])
    }
    fn near_miss() -> Option<BoxedStrategy<Value>> {
        Some(Just(Value::Object(Default::default())).boxed())
    }
}

/// The serialized names of a structure's members, in declaration order, as its derived
/// `Deserialize` lists them.
pub fn member_names<T: DeserializeOwned>() -> &'static [&'static str] {
    struct Probe<'a>(&'a Cell<&'static [&'static str]>);

    impl<'de> Deserializer<'de> for Probe<'_> {
        type Error = de::value::Error;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("not a structure"))
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            self.0.set(fields);
            Err(de::Error::custom("probed"))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
            ignored_any
        }
    }

    let names = Cell::new(&[][..]);
    let _ = T::deserialize(Probe(&names));
    names.get()
}

/// A structure's documents from its members' strategies (in declaration order): every member
/// valid, or one member's near miss.
pub fn structure<T: DeserializeOwned>(
    members: Vec<(BoxedStrategy<Value>, Option<BoxedStrategy<Value>>)>,
) -> (BoxedStrategy<Value>, Option<BoxedStrategy<Value>>) {
    let names = member_names::<T>();
    let object = |values: Vec<Value>| {
        Value::Object(
            names
                .iter()
                .zip(values)
                .filter(|(_, value)| !value.is_null())
                .map(|(name, value)| ((*name).to_owned(), value))
                .collect(),
        )
    };
    let valid: Vec<BoxedStrategy<Value>> = members.iter().map(|(valid, _)| valid.clone()).collect();
    let documents = valid.clone().prop_map(object).boxed();
    let misses: Vec<BoxedStrategy<Value>> = members
        .iter()
        .enumerate()
        .filter_map(|(i, (_, miss))| {
            let miss = miss.clone()?;
            let mut with_miss = valid.clone();
            with_miss[i] = miss;
            Some(with_miss.prop_map(object).boxed())
        })
        .collect();
    let near_miss = (!misses.is_empty()).then(|| proptest::strategy::Union::new(misses).boxed());
    (documents, near_miss)
}
