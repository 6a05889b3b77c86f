//! Enums as JSON writes them: a bare string names a unit variant, an object with one member is a
//! union whose member names the variant. A union with zero or several members set is a violation
//! (`Member must set exactly one of: […]`) at the union, and reading goes on.

use crate::document::access::WrapSeed;
use crate::document::error::{ReadError, carry, uncarry};
use crate::document::placeholder::null_member;
use crate::document::session::{self, Step};
use crate::violation::{Rule, Violation};
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, IgnoredAny, IntoDeserializer, MapAccess,
    Unexpected, VariantAccess, Visitor,
};

type Name = de::value::StringDeserializer<ReadError>;

/// A unit variant written as a bare string.
pub(crate) fn unit<'de, V: Visitor<'de>>(name: String, visitor: V) -> Result<V::Value, ReadError> {
    visitor.visit_enum(UnitVariant(name.into_deserializer()))
}

/// A union written as an object: the first member names the variant and holds its content; any
/// further member is a violation.
pub(crate) fn member<'de, A, V>(
    mut map: A,
    variants: &'static [&'static str],
    visitor: V,
) -> Result<V::Value, A::Error>
where
    A: MapAccess<'de>,
    V: Visitor<'de>,
{
    let Some(name) = map.next_key::<String>()? else {
        return members_set(variants, 0)
            .and_then(|()| session::placeholder(|| first(variants, visitor)))
            .map_err(carry);
    };
    let step = variants
        .iter()
        .find(|variant| **variant == name)
        .map(|variant| Step::Field(variant));
    let access = ContentVariant {
        name: name.clone().into_deserializer(),
        map: &mut map,
        step,
        key: name,
    };
    let value = visitor.visit_enum(access).map_err(carry)?;
    let mut set = 1;
    while map.next_key::<IgnoredAny>()?.is_some() {
        map.next_value::<IgnoredAny>()?;
        set += 1;
    }
    if set > 1 {
        members_set(variants, set).map_err(carry)?;
    }
    Ok(value)
}

/// Records a union with `set` members set, or fails with it outside a report.
fn members_set(variants: &'static [&'static str], set: usize) -> Result<(), ReadError> {
    let rule = Rule::UnionMembers {
        members: variants,
        set,
    };
    session::record(Violation::new(rule)).map_err(de::Error::custom)
}

/// A placeholder union: its first member, set to `null`.
pub(crate) fn first<'de, V: Visitor<'de>>(
    variants: &'static [&'static str],
    visitor: V,
) -> Result<V::Value, ReadError> {
    let Some(&name) = variants.first() else {
        return Err(de::Error::custom("an enum with no variants has no value"));
    };
    visitor.visit_enum(FirstVariant(name))
}

struct UnitVariant(Name);

impl<'de> EnumAccess<'de> for UnitVariant {
    type Error = ReadError;
    type Variant = UnitOnly;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, UnitOnly), ReadError> {
        seed.deserialize(self.0).map(|v| (v, UnitOnly))
    }
}

/// The variant of a bare string: a unit variant and nothing else.
struct UnitOnly;

fn not_a_unit<T>() -> Result<T, ReadError> {
    Err(de::Error::invalid_type(
        Unexpected::UnitVariant,
        &"an object with one member",
    ))
}

impl<'de> VariantAccess<'de> for UnitOnly {
    type Error = ReadError;

    fn unit_variant(self) -> Result<(), ReadError> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _: T) -> Result<T::Value, ReadError> {
        not_a_unit()
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value, ReadError> {
        not_a_unit()
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, ReadError> {
        not_a_unit()
    }
}

/// A union's set member: its name, and its content still in the object.
struct ContentVariant<'m, A> {
    name: Name,
    map: &'m mut A,
    /// The member's step, when it names a variant (an unknown name fails before any content).
    step: Option<Step>,
    key: String,
}

impl<'de, 'm, A: MapAccess<'de>> EnumAccess<'de> for ContentVariant<'m, A> {
    type Error = ReadError;
    type Variant = Content<'m, A>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Content<'m, A>), ReadError> {
        let variant = seed.deserialize(self.name)?;
        let content = Content {
            map: self.map,
            step: self.step,
            key: self.key,
        };
        Ok((variant, content))
    }
}

struct Content<'m, A> {
    map: &'m mut A,
    step: Option<Step>,
    key: String,
}

impl<'de, A: MapAccess<'de>> Content<'_, A> {
    fn read<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, ReadError> {
        match self.step {
            Some(step) => session::push(step),
            None => session::push_key(&self.key, Step::Member),
        }
        let result = self.map.next_value_seed(WrapSeed(seed)).map_err(uncarry);
        session::pop();
        result
    }
}

impl<'de, A: MapAccess<'de>> VariantAccess<'de> for Content<'_, A> {
    type Error = ReadError;

    fn unit_variant(self) -> Result<(), ReadError> {
        self.read(std::marker::PhantomData::<()>)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, ReadError> {
        self.read(seed)
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, ReadError> {
        self.read(Shaped::Tuple(len, visitor))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        self.read(Shaped::Struct(fields, visitor))
    }
}

/// A tuple or struct variant's content, read by shape.
enum Shaped<V> {
    Tuple(usize, V),
    Struct(&'static [&'static str], V),
}

impl<'de, V: Visitor<'de>> DeserializeSeed<'de> for Shaped<V> {
    type Value = V::Value;

    fn deserialize<D: Deserializer<'de>>(self, inner: D) -> Result<V::Value, D::Error> {
        match self {
            Shaped::Tuple(len, visitor) => inner.deserialize_tuple(len, visitor),
            Shaped::Struct(fields, visitor) => inner.deserialize_struct("", fields, visitor),
        }
    }
}

/// A placeholder union's first member, with `null` content.
struct FirstVariant(&'static str);

impl<'de> EnumAccess<'de> for FirstVariant {
    type Error = ReadError;
    type Variant = NullContent;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, NullContent), ReadError> {
        let name: de::value::StrDeserializer<'_, ReadError> = self.0.into_deserializer();
        seed.deserialize(name).map(|v| (v, NullContent(self.0)))
    }
}

struct NullContent(&'static str);

impl<'de> VariantAccess<'de> for NullContent {
    type Error = ReadError;

    fn unit_variant(self) -> Result<(), ReadError> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, ReadError> {
        null_member(self.0, seed)
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, ReadError> {
        null_member(self.0, Shaped::Tuple(len, visitor))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        null_member(self.0, Shaped::Struct(fields, visitor))
    }
}
