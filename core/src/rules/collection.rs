//! `MapRules` and `ListRules`: the size of a constrained map or list and the rules of its keys,
//! values and items, enforced as entries arrive.

use crate::document::reject::reject;
use crate::document::session;
use crate::rules::element::{ElementRules, ElementSeed};
use crate::rules::length::LengthBounds;
use crate::rules::sensitive;
use crate::violation::{ElementPosition, Rule, Violation};
use serde::Deserialize;
use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::hash::{BuildHasher, Hash};
use std::marker::PhantomData;

/// How many entries a collection reserves room for up front, whatever a format's size hint
/// claims: a hint is input, and input does not decide allocations.
const MAX_PREALLOCATED: usize = 4096;

/// The rules of a map: its number of entries, and the rules of each key and value.
#[derive(Debug)]
pub struct MapRules<KR: 'static, VR: 'static> {
    /// `length(min, max)` on the number of entries, if given.
    pub length: Option<LengthBounds>,
    /// The `key(…)` rules.
    pub key: KR,
    /// The `value(…)` rules.
    pub value: VR,
    /// Whether keys and values may never be echoed in an error.
    pub sensitive: bool,
}

/// The rules of a list: its number of items, the rules of each item, and whether items must be
/// unique.
#[derive(Debug)]
pub struct ListRules<IR: 'static> {
    /// `length(min, max)` on the number of items, if given.
    pub length: Option<LengthBounds>,
    /// The `item(…)` rules.
    pub item: IR,
    /// `unique_items`: no two items may be equal.
    pub unique_items: bool,
    /// Whether items may never be shown.
    pub sensitive: bool,
}

/// A map type a constrained map can wrap: `HashMap` (with any hasher) and `BTreeMap`.
pub trait Map<K, V>: Sized {
    /// An empty map with room for `capacity` entries where the map type supports it.
    fn with_capacity(capacity: usize) -> Self;
    /// Inserts an entry, replacing any entry with an equal key.
    fn insert_entry(&mut self, key: K, value: V);
    /// Removes the entry with a key equal to `key`, if there is one.
    fn remove_entry(&mut self, key: &K);
    /// Whether two keys are equal, as the map compares them.
    fn same_key(a: &K, b: &K) -> bool;
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
    fn remove_entry(&mut self, key: &K) {
        self.remove(key);
    }
    fn same_key(a: &K, b: &K) -> bool {
        a == b
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
    fn remove_entry(&mut self, key: &K) {
        self.remove(key);
    }
    fn same_key(a: &K, b: &K) -> bool {
        a == b
    }
    fn entry_count(&self) -> usize {
        self.len()
    }
    fn try_each<E>(&self, mut check: impl FnMut(&K, &V) -> Result<(), E>) -> Result<(), E> {
        self.iter().try_for_each(|(k, v)| check(k, v))
    }
}

/// Checks a map that already exists: its size first, then every key and value.
pub fn check_map<M, K, V, KR, VR>(rules: &MapRules<KR, VR>, map: &M) -> Result<(), Violation>
where
    M: Map<K, V>,
    KR: ElementRules<K>,
    VR: ElementRules<V>,
{
    if let Some(length) = &rules.length {
        length.check_count(map.entry_count())?;
    }
    map.try_each(|key, value| {
        rules
            .key
            .check_element(key)
            .map_err(|v| v.at_element(ElementPosition::Key))?;
        rules.value.check_element(value).map_err(|v| {
            let key = if rules.sensitive {
                None
            } else {
                rules.key.echo(key)
            };
            v.at_element(ElementPosition::Value { key })
        })
    })
}

/// Checks a list that already exists: its length first, then every item.
pub fn check_list<I, IR: ElementRules<I>>(
    rules: &ListRules<IR>,
    list: &[I],
) -> Result<(), Violation> {
    if let Some(length) = &rules.length {
        length.check_count(list.len())?;
    }
    list.iter().enumerate().try_for_each(|(index, item)| {
        rules
            .item
            .check_element(item)
            .map_err(|v| v.at_element(ElementPosition::Item { index }))
    })
}

/// The `unique_items` rule: the violation if two items are equal.
///
/// Hashing keeps this linear in the number of items, so a long list is no lever for slow work.
pub fn check_unique_items<I: Eq + Hash>(list: &[I]) -> Result<(), Violation> {
    let mut seen = HashSet::with_capacity(list.len().min(MAX_PREALLOCATED));
    if list.iter().all(|item| seen.insert(item)) {
        Ok(())
    } else {
        Err(Violation::new(Rule::UniqueItems))
    }
}

/// Deserializes a map under `rules`. Entries are built only up to the maximum size; past it the
/// rest are counted without being kept, so a million-entry object costs no more memory than
/// `max` entries, and the error still reports the real size.
pub fn deserialize_map<'de, D, M, K, V, KR, VR>(
    deserializer: D,
    rules: &'static MapRules<KR, VR>,
) -> Result<M, D::Error>
where
    D: Deserializer<'de>,
    M: Map<K, V>,
    K: Deserialize<'de>,
    V: Deserialize<'de>,
    KR: ElementRules<K>,
    VR: ElementRules<V>,
{
    sensitive::read(rules.sensitive, || {
        let read = deserializer.deserialize_map(MapVisitor {
            rules,
            produces: PhantomData,
        });
        session::recover_missing(read, || M::with_capacity(0))
    })
}

/// What a map visitor produces: the map and its entry types, carried only as types.
type Produces<M, K, V> = PhantomData<fn() -> (M, K, V)>;

struct MapVisitor<M, K, V, KR: 'static, VR: 'static> {
    rules: &'static MapRules<KR, VR>,
    produces: Produces<M, K, V>,
}

impl<'de, M, K, V, KR, VR> Visitor<'de> for MapVisitor<M, K, V, KR, VR>
where
    M: Map<K, V>,
    K: Deserialize<'de>,
    V: Deserialize<'de>,
    KR: ElementRules<K>,
    VR: ElementRules<V>,
{
    type Value = M;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<M, A::Error> {
        let length = self.rules.length;
        let max = length.and_then(|l| l.max).unwrap_or(usize::MAX);
        let mut map = M::with_capacity(preallocation(access.size_hint(), max));
        let mut arrived = 0usize;
        // Entries whose key or value broke a rule, with the violations they recorded, while a
        // report collects: a later entry with the same key replaces them, as AWS keeps the last
        // value of a repeated key, and their violations are withdrawn.
        let mut broken: Vec<(K, std::ops::Range<usize>)> = Vec::new();
        // Entries whose key itself broke a rule: their key is a placeholder, so each is distinct.
        let mut broken_keys = 0usize;
        while arrived < max {
            let before = session::recorded_count();
            let key_seed = ElementSeed::<K, KR>::new(&self.rules.key);
            let Some(key) = access.next_key_seed(key_seed)? else {
                break;
            };
            let after_key = session::recorded_count();
            let value = access.next_value_seed(ElementSeed::<V, VR>::new(&self.rules.value))?;
            arrived += 1;
            if let (Some(before), Some(after_key), Some(after)) =
                (before, after_key, session::recorded_count())
            {
                if after_key > before {
                    broken_keys += 1;
                    continue;
                }
                if let Some(at) = broken.iter().position(|(k, _)| M::same_key(k, &key)) {
                    session::withdraw(broken.swap_remove(at).1);
                }
                if after > after_key {
                    map.remove_entry(&key);
                    broken.push((key, after_key..after));
                    continue;
                }
            }
            map.insert_entry(key, value);
        }
        let mut size = map.entry_count() + broken.len() + broken_keys;
        while access.next_key::<IgnoredAny>()?.is_some() {
            access.next_value::<IgnoredAny>()?;
            size += 1;
        }
        check_size(length, size)?;
        Ok(map)
    }
}

/// Deserializes a list under `rules`, keeping at most `max` items (see [`deserialize_map`]).
pub fn deserialize_list<'de, D, I, IR>(
    deserializer: D,
    rules: &'static ListRules<IR>,
) -> Result<Vec<I>, D::Error>
where
    D: Deserializer<'de>,
    I: Deserialize<'de>,
    IR: ElementRules<I>,
{
    sensitive::read(rules.sensitive, || {
        let read = deserializer.deserialize_seq(ListVisitor {
            rules,
            produces: PhantomData,
        });
        session::recover_missing(read, Vec::new)
    })
}

/// Deserializes a list under `rules` whose items must also be unique.
pub fn deserialize_unique_list<'de, D, I, IR>(
    deserializer: D,
    rules: &'static ListRules<IR>,
) -> Result<Vec<I>, D::Error>
where
    D: Deserializer<'de>,
    I: Deserialize<'de> + Eq + Hash,
    IR: ElementRules<I>,
{
    let list = deserialize_list(deserializer, rules)?;
    if let Err(violation) = check_unique_items(&list) {
        reject(violation)?;
    }
    Ok(list)
}

struct ListVisitor<I, IR: 'static> {
    rules: &'static ListRules<IR>,
    produces: PhantomData<fn() -> I>,
}

impl<'de, I: Deserialize<'de>, IR: ElementRules<I>> Visitor<'de> for ListVisitor<I, IR> {
    type Value = Vec<I>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut access: A) -> Result<Vec<I>, A::Error> {
        let length = self.rules.length;
        let max = length.and_then(|l| l.max).unwrap_or(usize::MAX);
        let mut list = Vec::with_capacity(preallocation(access.size_hint(), max));
        while list.len() < max {
            match access.next_element_seed(ElementSeed::<I, IR>::new(&self.rules.item))? {
                Some(item) => list.push(item),
                None => break,
            }
        }
        let mut size = list.len();
        while access.next_element::<IgnoredAny>()?.is_some() {
            size += 1;
        }
        check_size(length, size)?;
        Ok(list)
    }
}

/// Rejects a collection of `size` entries outside `length`, once all of them have been counted.
fn check_size<E: serde::de::Error>(length: Option<LengthBounds>, size: usize) -> Result<(), E> {
    match length {
        Some(length) if !length.contains(size) => reject(length.violation(size)),
        _ => Ok(()),
    }
}

fn preallocation(hint: Option<usize>, max: usize) -> usize {
    hint.unwrap_or(0).min(max).min(MAX_PREALLOCATED)
}
