//! `MapRules` and `ListRules`: the size of a constrained map or list and the rules of its keys,
//! values and items, enforced as entries arrive.

use crate::element::{Element, ElementSeed};
use crate::length::LengthBounds;
use crate::reject::reject;
use crate::violation::{ElementPosition, Violation};
use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::hash::{BuildHasher, Hash};
use std::marker::PhantomData;

/// How many entries a collection reserves room for up front, whatever a format's size hint
/// claims: a hint is input, and input does not decide allocations.
const MAX_PREALLOCATED: usize = 4096;

/// The rules of a map: its number of entries, and the rules of each key and value.
#[derive(Debug)]
pub struct MapRules<K: 'static, V: 'static> {
    /// `length(min, max)` on the number of entries, if given.
    pub length: Option<LengthBounds>,
    /// The `key(…)` rules.
    pub key: K,
    /// The `value(…)` rules.
    pub value: V,
    /// Whether keys and values may never be echoed in an error.
    pub sensitive: bool,
}

/// The rules of a list: its number of items, and the rules of each item.
#[derive(Debug)]
pub struct ListRules<I: 'static> {
    /// `length(min, max)` on the number of items, if given.
    pub length: Option<LengthBounds>,
    /// The `item(…)` rules.
    pub item: I,
}

/// A map type a constrained map can wrap: `HashMap` (with any hasher) and `BTreeMap`.
pub trait Map<K, V>: Sized {
    /// An empty map with room for `capacity` entries where the map type supports it.
    fn with_capacity(capacity: usize) -> Self;
    /// Inserts an entry, replacing any entry with an equal key.
    fn insert_entry(&mut self, key: K, value: V);
    /// The number of entries.
    fn entry_count(&self) -> usize;
    /// Calls `check` on each entry, stopping at the first error.
    fn try_each<E>(&self, check: impl FnMut(&K, &V) -> Result<(), E>) -> Result<(), E>;
}

impl<K: Eq + Hash, V, S: BuildHasher + Default> Map<K, V> for HashMap<K, V, S> {
    fn with_capacity(capacity: usize) -> Self {
        HashMap::with_capacity_and_hasher(capacity, S::default())
    }
    fn insert_entry(&mut self, key: K, value: V) {
        self.insert(key, value);
    }
    fn entry_count(&self) -> usize {
        self.len()
    }
    fn try_each<E>(&self, mut check: impl FnMut(&K, &V) -> Result<(), E>) -> Result<(), E> {
        self.iter().try_for_each(|(k, v)| check(k, v))
    }
}

impl<K: Ord, V> Map<K, V> for BTreeMap<K, V> {
    fn with_capacity(_: usize) -> Self {
        BTreeMap::new()
    }
    fn insert_entry(&mut self, key: K, value: V) {
        self.insert(key, value);
    }
    fn entry_count(&self) -> usize {
        self.len()
    }
    fn try_each<E>(&self, mut check: impl FnMut(&K, &V) -> Result<(), E>) -> Result<(), E> {
        self.iter().try_for_each(|(k, v)| check(k, v))
    }
}

/// Checks a map that already exists: its size first, then every key and value.
pub fn check_map<M, K, V>(rules: &MapRules<K::Rules, V::Rules>, map: &M) -> Result<(), Violation>
where
    M: Map<K, V>,
    K: Element,
    V: Element,
{
    if let Some(length) = &rules.length {
        length.check_count(map.entry_count())?;
    }
    map.try_each(|key, value| {
        key.check_element(&rules.key)
            .map_err(|v| v.at_element(ElementPosition::Key))?;
        value.check_element(&rules.value).map_err(|v| {
            let key = if rules.sensitive { None } else { key.echo() };
            v.at_element(ElementPosition::Value { key })
        })
    })
}

/// Checks a list that already exists: its length first, then every item.
pub fn check_list<I: Element>(rules: &ListRules<I::Rules>, list: &[I]) -> Result<(), Violation> {
    if let Some(length) = &rules.length {
        length.check_count(list.len())?;
    }
    list.iter().enumerate().try_for_each(|(index, item)| {
        item.check_element(&rules.item)
            .map_err(|v| v.at_element(ElementPosition::Item { index }))
    })
}

/// Deserializes a map under `rules`. Entries are built only up to the maximum size; past it the
/// rest are counted without being kept, so a million-entry object costs no more memory than
/// `max` entries, and the error still reports the real size.
pub fn deserialize_map<'de, D, M, K, V>(
    deserializer: D,
    rules: &'static MapRules<K::Rules, V::Rules>,
) -> Result<M, D::Error>
where
    D: Deserializer<'de>,
    M: Map<K, V>,
    K: Element,
    V: Element,
{
    deserializer.deserialize_map(MapVisitor {
        rules,
        map: PhantomData,
    })
}

/// What a map visitor produces: the map and its entry types, carried only as types.
type Produces<M, K, V> = PhantomData<fn() -> (M, K, V)>;

struct MapVisitor<M, K: Element, V: Element> {
    rules: &'static MapRules<K::Rules, V::Rules>,
    map: Produces<M, K, V>,
}

impl<'de, M: Map<K, V>, K: Element, V: Element> Visitor<'de> for MapVisitor<M, K, V> {
    type Value = M;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<M, A::Error> {
        let length = self.rules.length;
        let max = length.and_then(|l| l.max).unwrap_or(usize::MAX);
        let mut map = M::with_capacity(preallocation(access.size_hint(), max));
        let mut arrived = 0usize;
        while arrived < max {
            let Some(key) = access.next_key_seed(ElementSeed::<K>::new(&self.rules.key))? else {
                break;
            };
            let value = access.next_value_seed(ElementSeed::<V>::new(&self.rules.value))?;
            map.insert_entry(key, value);
            arrived += 1;
        }
        let mut size = map.entry_count();
        while access.next_key::<IgnoredAny>()?.is_some() {
            access.next_value::<IgnoredAny>()?;
            size += 1;
        }
        if let Some(length) = length {
            length.check_count(size).map_err(reject)?;
        }
        Ok(map)
    }
}

/// Deserializes a list under `rules`, keeping at most `max` items (see [`deserialize_map`]).
pub fn deserialize_list<'de, D, I>(
    deserializer: D,
    rules: &'static ListRules<I::Rules>,
) -> Result<Vec<I>, D::Error>
where
    D: Deserializer<'de>,
    I: Element,
{
    deserializer.deserialize_seq(ListVisitor { rules })
}

struct ListVisitor<I: Element> {
    rules: &'static ListRules<I::Rules>,
}

impl<'de, I: Element> Visitor<'de> for ListVisitor<I> {
    type Value = Vec<I>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut access: A) -> Result<Vec<I>, A::Error> {
        let length = self.rules.length;
        let max = length.and_then(|l| l.max).unwrap_or(usize::MAX);
        let mut list = Vec::with_capacity(preallocation(access.size_hint(), max));
        while list.len() < max {
            match access.next_element_seed(ElementSeed::<I>::new(&self.rules.item))? {
                Some(item) => list.push(item),
                None => break,
            }
        }
        let mut size = list.len();
        while access.next_element::<IgnoredAny>()?.is_some() {
            size += 1;
        }
        if let Some(length) = length {
            length.check_count(size).map_err(reject)?;
        }
        Ok(list)
    }
}

fn preallocation(hint: Option<usize>, max: usize) -> usize {
    hint.unwrap_or(0).min(max).min(MAX_PREALLOCATED)
}
