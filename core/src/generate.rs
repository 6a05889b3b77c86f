//! Generated test values for constrained types (feature `proptest`): strategies that produce
//! only valid values, drawn from the compiled pattern automaton within the lengths and ranges,
//! and near misses, each of which breaks a rule by construction.
//!
//! ```
//! use constrained::Constrained;
//! use constrained::generate::Generate;
//! use proptest::prelude::*;
//!
//! #[derive(Debug, Clone, Constrained)]
//! #[constrained(pattern = "farm-[0-9a-f]{32}")]
//! pub struct FarmId(String);
//!
//! proptest!(|(farm in FarmId::valid(), miss in FarmId::near_miss())| {
//!     prop_assert!(FarmId::new(farm.0.into_inner()).is_ok());
//!     prop_assert!(serde_json::from_value::<FarmId>(miss).is_err());
//! });
//! ```

use crate::pattern::{Automaton, Register};
use crate::rules::enumeration::EnumRules;
use crate::rules::length::LengthBounds;
use crate::rules::number::{Number, RangeRules};
use crate::rules::text::TextRules;
use proptest::prelude::*;
use serde_json::Value;

/// A constrained type's generated values. Implemented by the derive for every newtype and enum
/// when the `proptest` feature is on.
pub trait Generate: Sized {
    /// Values that satisfy every rule of the type.
    fn valid() -> BoxedStrategy<Generated<Self>>;
    /// JSON values close to valid ones that the type refuses: past a bound, off the pattern,
    /// outside the value set, or of the wrong JSON type.
    fn near_miss() -> BoxedStrategy<Value>;
}

/// A generated value. proptest needs `Debug` of what it generates, and a constrained type need
/// not have one: this prints the value as JSON (its `Serialize`), also for a sensitive type, whose
/// values in tests are generated, never real.
pub struct Generated<T>(pub T);

impl<T: serde::Serialize> std::fmt::Debug for Generated<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match serde_json::to_string(&self.0) {
            Ok(json) => f.write_str(&json),
            Err(_) => f.write_str("(a value that does not serialize)"),
        }
    }
}

impl<T: Clone> Clone for Generated<T> {
    fn clone(&self) -> Self {
        Generated(self.0.clone())
    }
}

/// A small deterministic generator, seeded by proptest, for walks over an automaton.
struct Walk(u64);

impl Walk {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Random walks over an automaton that stay where some input is still accepted: which states can
/// still reach an accepting one, and what a walk may read next from each. Over bytes a step is a
/// byte; over characters (an automaton with [`Automaton::wide`]) a whole character, one of each
/// interval the classes tell apart.
///
/// ```
/// use constrained::Constrained;
/// use constrained::generate::LiveWalk;
///
/// #[derive(Debug, Constrained)]
/// #[constrained(pattern = "ab?")]
/// pub struct Ab(String);
///
/// let automaton = Ab::RULES.pattern.unwrap().automaton.as_ref().unwrap();
/// let walk = LiveWalk::new(automaton);
/// let mut bytes = Vec::new();
/// let mut register = Default::default();
/// let state = walk.start();
/// let steps = walk.steps(state, &register);
/// assert_eq!(steps.len(), 1);
/// let state = walk.take(state, steps[0], &mut register, &mut bytes);
/// assert!(walk.accepting(state));
/// assert_eq!(bytes, b"a");
/// ```
#[derive(Clone, Debug)]
pub struct LiveWalk<'a> {
    automaton: &'a Automaton,
    /// By state number: the fewest steps to an accepting state (`u32::MAX`: dead).
    distance: Vec<u32>,
    /// Over characters, the candidates for a step.
    samples: Option<Vec<char>>,
    /// For a pattern cut in two, the walks over its tail.
    tail: Option<Box<LiveWalk<'a>>>,
}

/// One step of a [`LiveWalk`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WalkStep {
    /// A byte, over bytes (possibly part of a character).
    Byte(u8),
    /// A whole character, over characters.
    Char(char),
}

impl WalkStep {
    /// Whether the step begins a character (rather than continuing one).
    pub fn begins_character(self) -> bool {
        match self {
            WalkStep::Byte(byte) => byte & 0xC0 != 0x80,
            WalkStep::Char(_) => true,
        }
    }
}

impl<'a> LiveWalk<'a> {
    /// The walks over `automaton`.
    pub fn new(automaton: &'a Automaton) -> Self {
        LiveWalk {
            automaton,
            distance: distances(automaton),
            samples: automaton.sample_characters(),
            tail: automaton.tail.map(|tail| Box::new(LiveWalk::new(tail))),
        }
    }

    /// For a pattern cut in two ([`Automaton::tail`]), the walks over the tail: a value the
    /// pattern accepts is a value of a walk over this automaton, followed by one of the tail.
    pub fn tail(&self) -> Option<&LiveWalk<'a>> {
        self.tail.as_deref()
    }

    /// The (premultiplied) state a walk begins in.
    pub fn start(&self) -> usize {
        self.automaton.start as usize
    }

    /// Whether some input leads from the (premultiplied) `state` to an accepting state.
    pub fn is_live(&self, state: usize) -> bool {
        self.distance(state).is_some()
    }

    /// The fewest steps from `state` to an accepting state, its register aside (`None`: dead).
    /// A walk that has gone long enough takes steps that bring this down, so it ends: where
    /// a value must end with a long literal (or, read backwards, begin with one), random steps
    /// seldom spell it.
    ///
    /// ```
    /// use constrained::Constrained;
    /// use constrained::generate::LiveWalk;
    ///
    /// #[derive(Debug, Constrained)]
    /// #[constrained(pattern = "a+bc")]
    /// pub struct Abc(String);
    ///
    /// let walk = LiveWalk::new(Abc::RULES.pattern.unwrap().automaton.as_ref().unwrap());
    /// assert_eq!(walk.distance(walk.start()), Some(3));
    /// assert_eq!(walk.distance(0), None);
    /// ```
    pub fn distance(&self, state: usize) -> Option<u32> {
        match self.distance[state / self.automaton.stride as usize] {
            _ if state == 0 => None,
            u32::MAX => None,
            distance => Some(distance),
        }
    }

    /// Whether input that ends in `state` matches.
    pub fn accepting(&self, state: usize) -> bool {
        self.automaton.accepting[state / self.automaton.stride as usize] != 0
    }

    /// The steps from `state`, with the register at `register`, after which the walk is live.
    pub fn steps(&self, state: usize, register: &Register) -> Vec<WalkStep> {
        let automaton = self.automaton;
        match &self.samples {
            Some(samples) => samples
                .iter()
                .filter(|&&c| {
                    self.is_live(automaton.next_state_after(state, c, &mut register.clone()))
                })
                .map(|&c| WalkStep::Char(c))
                .collect(),
            None => (0..=255u8)
                .filter(|&b| self.is_live(automaton.next_state(state, b, &mut register.clone())))
                .map(WalkStep::Byte)
                .collect(),
        }
    }

    /// The value the bytes of a walk's steps spell, in the order [`take`](Self::take) appended
    /// them: an automaton that reads values backwards ([`Automaton::reversed`]) took them last
    /// first. `None` when they are not UTF-8 (a walk stopped within a character).
    ///
    /// ```
    /// use constrained::Constrained;
    /// use constrained::generate::LiveWalk;
    ///
    /// #[derive(Debug, Constrained)]
    /// #[constrained(pattern = "ab")]
    /// pub struct Ab(String);
    ///
    /// let walk = LiveWalk::new(Ab::RULES.pattern.unwrap().automaton.as_ref().unwrap());
    /// assert_eq!(walk.value(b"ab".to_vec()).as_deref(), Some("ab"));
    /// ```
    pub fn value(&self, mut bytes: Vec<u8>) -> Option<String> {
        if self.automaton.reversed {
            bytes.reverse();
        }
        String::from_utf8(bytes).ok()
    }

    /// The steps from `state` that lead closest to an accepting state (by
    /// [`distance`](Self::distance)): what a walk that has gone long enough takes, so it ends.
    ///
    /// ```
    /// use constrained::Constrained;
    /// use constrained::generate::{LiveWalk, WalkStep};
    ///
    /// #[derive(Debug, Constrained)]
    /// #[constrained(pattern = "a+bc")]
    /// pub struct Abc(String);
    ///
    /// let walk = LiveWalk::new(Abc::RULES.pattern.unwrap().automaton.as_ref().unwrap());
    /// let mut register = Default::default();
    /// let state = walk.take(walk.start(), WalkStep::Byte(b'a'), &mut register, &mut Vec::new());
    /// // More `a`s are allowed, but only `b` brings the end closer.
    /// assert_eq!(walk.steps(state, &register).len(), 2);
    /// assert_eq!(walk.steps_toward_acceptance(state, &register), [WalkStep::Byte(b'b')]);
    /// ```
    pub fn steps_toward_acceptance(&self, state: usize, register: &Register) -> Vec<WalkStep> {
        let after = |step: WalkStep| {
            let mut register = register.clone();
            let next = match step {
                WalkStep::Byte(byte) => self.automaton.next_state(state, byte, &mut register),
                WalkStep::Char(c) => self.automaton.next_state_after(state, c, &mut register),
            };
            self.distance(next).unwrap_or(u32::MAX)
        };
        let steps: Vec<(WalkStep, u32)> = self
            .steps(state, register)
            .into_iter()
            .map(|step| (step, after(step)))
            .collect();
        let closest = steps.iter().map(|&(_, distance)| distance).min();
        steps
            .into_iter()
            .filter(|&(_, distance)| Some(distance) == closest)
            .map(|(step, _)| step)
            .collect()
    }

    /// Takes `step` from `state`: appends what it reads to `bytes` and returns the next state.
    pub fn take(
        &self,
        state: usize,
        step: WalkStep,
        register: &mut Register,
        bytes: &mut Vec<u8>,
    ) -> usize {
        match step {
            WalkStep::Byte(byte) => {
                bytes.push(byte);
                self.automaton.next_state(state, byte, register)
            }
            WalkStep::Char(c) => {
                bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                self.automaton.next_state_after(state, c, register)
            }
        }
    }
}

/// By state number, the fewest steps from each state of `automaton` to an accepting one
/// (`u32::MAX`: none, the state is dead). A counting state's move to a twin (when its register
/// crosses a bound) is free and the register is otherwise ignored, so this is a guide for walks,
/// not an exact figure.
fn distances(automaton: &Automaton) -> Vec<u32> {
    let stride = automaton.stride as usize;
    let states = automaton.accepting.len();
    // Edges reversed: for each state, the states that step to it, and at what cost.
    let mut incoming: Vec<Vec<(usize, u32)>> = vec![Vec::new(); states];
    for state in 1..states {
        let row = &automaton.transitions[state * stride..state * stride + stride];
        for &next in row.iter().filter(|&&next| next != 0) {
            incoming[next as usize / stride].push((state, 1));
        }
        // A counting state also leads to its twin in the register's next region, or to its
        // twins for where a set of counts stands.
        let twins: &[u16] = match &automaton.counter {
            Some(counter) => match &counter.sets {
                Some(sets) => &sets.twins[state * 8..state * 8 + 8],
                None => std::slice::from_ref(&counter.boundaries[state]),
            },
            None => &[],
        };
        for &twin in twins.iter().filter(|&&twin| twin != 0) {
            incoming[twin as usize / stride].push((state, 0));
        }
    }
    let mut distance = vec![u32::MAX; states];
    let mut queue = std::collections::VecDeque::new();
    for (state, accepting) in automaton.accepting.iter().enumerate().skip(1) {
        if *accepting != 0 {
            distance[state] = 0;
            queue.push_back(state);
        }
    }
    // Breadth first, free moves at the front of the queue.
    while let Some(state) = queue.pop_front() {
        for &(from, cost) in &incoming[state] {
            let through = distance[state] + cost;
            if through < distance[from] {
                distance[from] = through;
                if cost == 0 {
                    queue.push_front(from);
                } else {
                    queue.push_back(from);
                }
            }
        }
    }
    distance
}

/// A string the automaton accepts with a character count within `length`, by a random walk
/// over live states (a walk over the head and one over the tail, for a pattern cut in two);
/// `None` when the walk could not meet the length.
fn walk(walker: &LiveWalk<'_>, length: Option<LengthBounds>, seed: u64) -> Option<String> {
    let text = match walker.tail() {
        None => walked(walker, length, seed)?,
        Some(tail) => walked(walker, None, seed)? + &walked(tail, None, seed.rotate_left(29))?,
    };
    let accepted = walker.automaton.matches(text.as_bytes());
    let fits = length.is_none_or(|l| l.contains(text.chars().count()));
    (accepted && fits).then_some(text)
}

/// A walk over the one automaton `walker` walks to an accepting state, aiming at a character
/// count within `length`.
fn walked(walker: &LiveWalk<'_>, length: Option<LengthBounds>, seed: u64) -> Option<String> {
    let min = length.and_then(|l| l.min).unwrap_or(0);
    let max = length.and_then(|l| l.max).unwrap_or(usize::MAX);
    let mut random = Walk(seed | 1);
    // A length to aim for, so long values appear as often as short ones.
    let target = min + random.below(max.min(min + 40).saturating_sub(min) + 1);
    let mut bytes = Vec::new();
    let mut chars = 0usize;
    let mut state = walker.start();
    let mut register = Register::default();
    for _ in 0..4 * (target + 8) {
        let accepting = walker.accepting(state);
        if accepting && chars >= target.max(min) && (bytes.len() % 4 == 0 || chars >= max) {
            break;
        }
        if accepting && chars >= min && random.below(8) == 0 && chars >= target {
            break;
        }
        let steps = if chars >= target {
            walker.steps_toward_acceptance(state, &register)
        } else {
            walker.steps(state, &register)
        };
        if steps.is_empty() {
            break;
        }
        let step = steps[random.below(steps.len())];
        if step.begins_character() {
            if chars == max {
                break;
            }
            chars += 1;
        }
        state = walker.take(state, step, &mut register, &mut bytes);
    }
    walker.value(bytes)
}

/// Strings that satisfy `rules`' length and pattern (the type's own checks filter the rest).
pub fn text(rules: &'static TextRules) -> BoxedStrategy<String> {
    match rules.pattern.and_then(|p| p.automaton.as_ref()) {
        Some(automaton) => {
            let walker = LiveWalk::new(automaton);
            any::<u64>()
                .prop_filter_map("a walk that meets the length", move |seed| {
                    walk(&walker, rules.length, seed)
                })
                .boxed()
        }
        None => {
            let min = rules.length.and_then(|l| l.min).unwrap_or(0);
            let max = rules.length.and_then(|l| l.max).unwrap_or(64).min(min + 64);
            proptest::collection::vec(
                prop_oneof![
                    8 => proptest::char::range('a', 'z'),
                    1 => proptest::char::range('\u{e9}', '\u{ff}'),
                    1 => Just('😀'),
                ],
                min..=max,
            )
            .prop_map(|chars| chars.into_iter().collect())
            .boxed()
        }
    }
}

/// Strings `rules` refuses: one character past the maximum or short of the minimum, or a walk of
/// the automaton led into its dead state, or not a string at all.
pub fn text_near_miss(rules: &'static TextRules) -> BoxedStrategy<Value> {
    let mut misses: Vec<BoxedStrategy<Value>> = vec![Just(Value::from(1)).boxed()];
    let length = rules.length;
    if let Some(max) = length.and_then(|l| l.max)
        && max < 100_000
    {
        misses.push(Just(Value::from("a".repeat(max + 1))).boxed());
    }
    if let Some(min) = length.and_then(|l| l.min).filter(|&m| m > 0) {
        misses.push(Just(Value::from("a".repeat(min - 1))).boxed());
    }
    if let Some(automaton) = rules.pattern.and_then(|p| p.automaton.as_ref()) {
        let walker = LiveWalk::new(automaton);
        misses.push(
            any::<u64>()
                .prop_map(move |seed| {
                    // A pattern that no character can leave (`.*`) has no such miss: a
                    // string's wrong type stands in.
                    off_pattern(&walker, length, seed).map_or(Value::from(1), Value::from)
                })
                .boxed(),
        );
    }
    proptest::strategy::Union::new(misses).boxed()
}

/// A string within the length that the automaton refuses: a valid walk cut short where a
/// character leads to the dead state, and that character appended.
fn off_pattern(walker: &LiveWalk<'_>, length: Option<LengthBounds>, seed: u64) -> Option<String> {
    let automaton = walker.automaton;
    let mut random = Walk(seed | 1);
    let valid = walk(walker, None, seed).unwrap_or_default();
    let cut = random.below(valid.chars().count() + 1);
    // What the walk reads first of the valid value: its beginning, or its end for an automaton
    // that reads values backwards, where the dead character then goes in front.
    let kept: Vec<char> = match automaton.reversed {
        false => valid.chars().take(cut).collect(),
        true => valid.chars().rev().take(cut).collect(),
    };
    let mut state = automaton.start as usize;
    let mut register = Register::default();
    for &c in &kept {
        state = automaton.next_state_after(state, c, &mut register);
    }
    let candidates = ('\u{0}'..='\u{7f}').chain(['\u{85}', '\u{2028}', '\u{fffe}', 'é', '😀']);
    let dead: Vec<char> = candidates
        .filter(|&c| !walker.is_live(automaton.next_state_after(state, c, &mut register.clone())))
        .collect();
    if dead.is_empty() {
        return None;
    }
    let dead = dead[random.below(dead.len())];
    let text: String = match automaton.reversed {
        false => kept.iter().chain([&dead]).collect(),
        true => [&dead].into_iter().chain(kept.iter().rev()).collect(),
    };
    let fits = length.is_none_or(|l| l.contains(text.chars().count()));
    (fits && !automaton.matches(text.as_bytes())).then_some(text)
}

/// Numbers within `rules`' bounds: integers drawn evenly from the bounds (within a million of
/// an open side), floats likewise.
pub fn number<T: Number + std::fmt::Debug + serde::Serialize + serde::de::DeserializeOwned>(
    rules: &'static RangeRules<T>,
) -> BoxedStrategy<T> {
    let as_f64 = |v: T| serde_json::to_value(v).ok().and_then(|v| v.as_f64());
    let integer = serde_json::to_value(T::default()).is_ok_and(|v| v.is_i64() || v.is_u64());
    let min = rules.min.and_then(as_f64);
    let max = rules.max.and_then(as_f64);
    let (low, high) = match (min, max) {
        (Some(low), Some(high)) => (low, high),
        (Some(low), None) => (low, low + 1.0e6),
        (None, Some(high)) => (high - 1.0e6, high),
        (None, None) => (-1.0e6, 1.0e6),
    };
    any::<u64>()
        .prop_filter_map("a number of the type within the bounds", move |seed| {
            let fraction = (seed >> 11) as f64 / (1u64 << 53) as f64;
            let value = if integer {
                let span = (high - low).floor() as u128 + 1;
                let offset = (u128::from(seed) % span) as f64;
                serde_json::json!((low + offset) as i128)
            } else {
                serde_json::json!(low + (high - low) * fraction)
            };
            let value: T = serde_json::from_value(value).ok()?;
            let value = value.normalized();
            rules.check(value).is_ok().then_some(value)
        })
        .boxed()
}

/// Numbers `rules` refuses: one past a bound, a fraction for an integer, a string.
pub fn number_near_miss<T: Number + serde::Serialize>(
    rules: &'static RangeRules<T>,
    integer: bool,
) -> BoxedStrategy<Value> {
    let mut misses: Vec<Value> = vec![Value::from("1")];
    let as_f64 = |v: T| serde_json::to_value(v).ok().and_then(|v| v.as_f64());
    if let Some(min) = rules.min.and_then(as_f64) {
        misses.push(serde_json::json!(if integer {
            min - 1.0
        } else {
            min - min.abs().max(1.0) * 0.5
        }));
    }
    if let Some(max) = rules.max.and_then(as_f64) {
        misses.push(serde_json::json!(if integer {
            max + 1.0
        } else {
            max + max.abs().max(1.0) * 0.5
        }));
    }
    if integer {
        misses.push(serde_json::json!(1.5));
    }
    let misses: Vec<Value> = misses
        .into_iter()
        .map(|v| match (integer, v.as_f64()) {
            // Whole numbers as integers: `101`, not `101.0`.
            (true, Some(f)) if f.fract() == 0.0 && f.abs() < 9.0e15 => Value::from(f as i64),
            _ => v,
        })
        .collect();
    proptest::sample::select(misses).boxed()
}

/// An enum's known wire values.
pub fn wire_value(rules: &'static EnumRules) -> BoxedStrategy<&'static str> {
    proptest::sample::select(rules.accepted).boxed()
}

/// Values an enum refuses: outside a closed set, or not a string.
pub fn wire_value_near_miss(rules: &'static EnumRules) -> BoxedStrategy<Value> {
    let mut misses = vec![Value::from(7)];
    if !rules.open {
        misses.push(Value::from(format!(
            "{}_NOT_A_VALUE",
            rules.accepted.first().copied().unwrap_or("X")
        )));
        misses.push(Value::from(""));
    }
    proptest::sample::select(misses).boxed()
}

/// Sizes within `length`, kept small.
pub fn size(length: Option<LengthBounds>) -> std::ops::RangeInclusive<usize> {
    let min = length.and_then(|l| l.min).unwrap_or(0);
    let max = length.and_then(|l| l.max).unwrap_or(min + 4).min(min + 4);
    min..=max
}

/// Collections `length` refuses: one entry past the maximum, one short of the minimum (made from
/// `entry`), or not a collection.
pub fn size_near_miss(
    length: Option<LengthBounds>,
    entry: impl Fn(usize) -> Value + 'static,
    object: bool,
) -> BoxedStrategy<Value> {
    let mut misses: Vec<Value> = vec![Value::from("x")];
    let build = |n: usize| -> Value {
        if object {
            Value::Object((0..n).map(|i| (format!("k{i}"), entry(i))).collect())
        } else {
            Value::Array((0..n).map(&entry).collect())
        }
    };
    if let Some(max) = length.and_then(|l| l.max).filter(|&m| m < 2000) {
        misses.push(build(max + 1));
    }
    if let Some(min) = length.and_then(|l| l.min).filter(|&m| m > 0) {
        misses.push(build(min - 1));
    }
    proptest::sample::select(misses).boxed()
}

/// The strategy of an element type that carries its own rules: its own when it is a constrained
/// type, else none (the collection is then generated empty). Chosen on the concrete type where
/// the derive expands, as `schema::Probe` is.
pub struct Probe<T>(std::marker::PhantomData<fn() -> T>);

impl<T> Probe<T> {
    /// The probe for `T`.
    #[allow(clippy::new_without_default)]
    pub fn new() -> Self {
        Probe(std::marker::PhantomData)
    }
}

/// `T: Generate`: its valid values.
pub trait ViaGenerate<T> {
    /// The element's strategy, if it has one.
    fn element_strategy(&self) -> Option<BoxedStrategy<Generated<T>>>;
}

impl<T: Generate + 'static> ViaGenerate<T> for Probe<T> {
    fn element_strategy(&self) -> Option<BoxedStrategy<Generated<T>>> {
        Some(T::valid())
    }
}

/// Any other `T`: none.
pub trait ViaNothing<T> {
    /// The element's strategy, if it has one.
    fn element_strategy(&self) -> Option<BoxedStrategy<Generated<T>>>;
}

impl<T> ViaNothing<T> for &Probe<T> {
    fn element_strategy(&self) -> Option<BoxedStrategy<Generated<T>>> {
        None
    }
}

/// Strings and numbers as generated values, so every element strategy has one shape.
pub fn wrapped<T: serde::Serialize + std::fmt::Debug + 'static>(
    strategy: BoxedStrategy<T>,
) -> BoxedStrategy<Generated<T>> {
    strategy.prop_map(Generated).boxed()
}

/// The `impl Generate` the derive writes for every type, kept only with the feature.
#[doc(hidden)]
#[macro_export]
macro_rules! __generate_impl {
    ($($item:tt)*) => {
        $($item)*
    };
}

/// A constrained type's valid values: `inner` values the type's own `new` accepts (its custom
/// check included).
pub fn accepted<I, T>(
    inner: BoxedStrategy<Generated<I>>,
    new: fn(I) -> Result<T, crate::Violation>,
) -> BoxedStrategy<Generated<T>>
where
    I: serde::Serialize + 'static,
    T: serde::Serialize + 'static,
{
    inner
        .prop_filter_map("a value the type accepts", move |inner| {
            new(inner.0).ok().map(Generated)
        })
        .boxed()
}

/// Lists within `length` of `item`'s values; only the empty list for an item type with no
/// strategy.
pub fn list<I: serde::Serialize + 'static>(
    item: Option<BoxedStrategy<Generated<I>>>,
    length: Option<LengthBounds>,
) -> BoxedStrategy<Generated<Vec<I>>> {
    match item {
        Some(item) => proptest::collection::vec(item, size(length))
            .prop_map(|items| Generated(items.into_iter().map(|item| item.0).collect()))
            .boxed(),
        None => proptest::strategy::LazyJust::new(|| Generated(Vec::new())).boxed(),
    }
}

/// Maps within `length` of `keys`' and `values`' values; only the empty map for a key or value
/// type with no strategy.
pub fn map<M, K, V>(
    keys: Option<BoxedStrategy<Generated<K>>>,
    values: Option<BoxedStrategy<Generated<V>>>,
    length: Option<LengthBounds>,
) -> BoxedStrategy<Generated<M>>
where
    M: FromIterator<(K, V)> + Default + serde::Serialize + 'static,
    K: serde::Serialize + 'static,
    V: serde::Serialize + 'static,
{
    match (keys, values) {
        (Some(keys), Some(values)) => proptest::collection::vec((keys, values), size(length))
            .prop_map(|entries| Generated(entries.into_iter().map(|(k, v)| (k.0, v.0)).collect()))
            .boxed(),
        _ => proptest::strategy::LazyJust::new(|| Generated(M::default())).boxed(),
    }
}

/// An enum's values: its known wire values, read by the enum's own `FromStr`.
pub fn enumeration<T: serde::Serialize + 'static>(
    rules: &'static EnumRules,
    parse: fn(&str) -> Result<T, crate::Violation>,
) -> BoxedStrategy<Generated<T>> {
    wire_value(rules)
        .prop_filter_map("a known value", move |wire| parse(wire).ok().map(Generated))
        .boxed()
}

/// Blobs of a length within `length`.
pub fn blob(length: Option<LengthBounds>) -> BoxedStrategy<Generated<crate::Blob>> {
    proptest::collection::vec(any::<u8>(), size(length))
        .prop_map(|bytes| Generated(crate::Blob::new(bytes)))
        .boxed()
}
