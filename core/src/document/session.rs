//! The report session: while a document is validated into a report on this thread, violations are
//! recorded at their paths and deserialization goes on, instead of stopping at the first.
//!
//! Serde gives a `Deserialize` impl no context of its own, so the session is thread-local: the
//! document reader moves the path as it descends, and the rule visitors of this crate record into
//! it. Outside a session every function here is a no-op and rules fail as plain serde errors.
//!
//! The path is kept as steps; a key's text lives in one arena string, appended when the reader
//! enters an entry and cut back when it leaves, so descending allocates nothing once the arena has
//! grown. Text is copied out only when a violation or an error is located.

use crate::document::path::{Path, Segment};
use crate::violation::{Rule, Violation};
use std::cell::{Cell, RefCell};
use std::ops::Range;

/// One step from a value to a child, as the session tracks it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Step {
    /// A structure member named by the crate (a supplied one, a placeholder's), by its name.
    Field(&'static str),
    /// A structure member as the document names it, by its text in the key arena.
    Member(Range<usize>),
    /// A list item, by its 0-based index.
    Index(usize),
    /// A map key; the entry's 0-based position in the document.
    MapKey(usize),
    /// A map value: its key's text in the arena and the entry's 0-based position.
    MapValue { key: Range<usize>, position: usize },
    /// A value of a sensitive map, whose key is never shown.
    SensitiveMapValue { position: usize },
}

/// A required member that serde found absent, which the session could not replace in place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct MissingMember {
    pub structure: &'static str,
    pub fields: &'static [&'static str],
    pub field: &'static str,
}

impl MissingMember {
    /// Whether this names `field` of the structure `structure` with `fields`.
    pub(crate) fn is_in(&self, structure: &'static str, fields: &'static [&'static str]) -> bool {
        self.structure == structure && self.fields == fields
    }
}

/// What a run of the session recorded.
#[derive(Default)]
pub(crate) struct Recorded {
    /// Each violation at its path; `None` marks one withdrawn (a duplicate key's earlier value).
    pub violations: Vec<Option<(Path, Violation)>>,
    pub omitted: usize,
    /// A placeholder could not be built (a type's own `Deserialize` refused the stand-in value),
    /// so reading stopped before the end of the document.
    pub placeholder_failed: bool,
}

impl Recorded {
    /// The violations that stand, in document order.
    pub(crate) fn standing(self) -> Vec<(Path, Violation)> {
        self.violations.into_iter().flatten().collect()
    }

    pub(crate) fn is_clean(&self) -> bool {
        self.omitted == 0 && self.violations.iter().all(Option::is_none)
    }
}

struct Session {
    path: Vec<Step>,
    keys: String,
    recorded: Recorded,
    /// Violations recorded so far, kept or counted: what `recorded_count` reports.
    count: usize,
    limit: usize,
    placeholder_depth: usize,
    sensitive_depth: usize,
    /// How deep the reader is in members serde buffers for a `#[serde(flatten)]` structure.
    buffering: usize,
    /// Each value read into such a buffer, and its path: serde later reads the flattened
    /// structure from the buffer, out of the reader's sight, and a rule breaking one of those
    /// values is located by matching it here.
    buffered: Vec<Buffered>,
    missing_at: Option<usize>,
    /// Members to supply as `null` where a structure lacks them (learned from earlier runs).
    injected: Vec<MissingMember>,
}

thread_local! {
    static ACTIVE: RefCell<Option<Session>> = const { RefCell::new(None) };
    /// Whether this run supplies members: read once per structure, so it is a plain flag with no
    /// destructor, which costs a load where the session would cost a borrow.
    static SUPPLYING: Cell<bool> = const { Cell::new(false) };
    /// Whether a session is active: read for every string a type deserializes, so it is a plain
    /// flag, a load where `ACTIVE` would cost a borrow.
    static IN_SESSION: Cell<bool> = const { Cell::new(false) };
}

#[inline]
fn with<R>(f: impl FnOnce(&mut Session) -> R) -> Option<R> {
    ACTIVE
        .try_with(|active| active.borrow_mut().as_mut().map(f))
        .ok()
        .flatten()
}

/// An active session; dropping it (even by a panic) restores what was active before.
pub(crate) struct Guard {
    previous: Option<Session>,
    finished: bool,
}

/// Starts a session that keeps at most `limit` violations and supplies `injected` members.
pub(crate) fn begin(limit: usize, injected: Vec<MissingMember>) -> Guard {
    let session = Session {
        path: Vec::new(),
        keys: String::new(),
        recorded: Recorded::default(),
        count: 0,
        limit,
        placeholder_depth: 0,
        sensitive_depth: 0,
        buffering: 0,
        buffered: Vec::new(),
        missing_at: None,
        injected,
    };
    SUPPLYING.with(|supplying| supplying.set(!session.injected.is_empty()));
    let previous = ACTIVE.with(|active| active.borrow_mut().replace(session));
    IN_SESSION.with(|in_session| in_session.set(true));
    Guard {
        previous,
        finished: false,
    }
}

impl Guard {
    /// Ends the session and returns what it recorded.
    pub(crate) fn finish(mut self) -> Recorded {
        self.finished = true;
        let previous = self.previous.take();
        IN_SESSION.with(|in_session| in_session.set(previous.is_some()));
        let session = ACTIVE.with(|active| std::mem::replace(&mut *active.borrow_mut(), previous));
        SUPPLYING.with(|supplying| supplying.set(false));
        session.map(|s| s.recorded).unwrap_or_default()
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        if !self.finished {
            let previous = self.previous.take();
            let _ = IN_SESSION.try_with(|in_session| in_session.set(previous.is_some()));
            let _ = ACTIVE.try_with(|active| *active.borrow_mut() = previous);
        }
    }
}

/// Whether a report is collecting on this thread.
#[inline]
pub(crate) fn active() -> bool {
    IN_SESSION.with(Cell::get)
}

/// Records `violation` at the current path, or gives it back when no session is active.
pub(crate) fn record(violation: Violation) -> Result<(), Violation> {
    let mut pending = Some(violation);
    let _ = ACTIVE.try_with(|active| {
        if let Some(session) = active.borrow_mut().as_mut()
            && let Some(violation) = pending.take()
            && session.placeholder_depth == 0
        {
            session.keep(violation);
        }
    });
    match pending {
        Some(violation) => Err(violation),
        None => Ok(()),
    }
}

impl Session {
    fn keep(&mut self, violation: Violation) {
        let path = self.resolve();
        self.keep_at(path, violation);
    }

    fn keep_at(&mut self, path: Path, violation: Violation) {
        self.count += 1;
        // Inside a sensitive value, nothing found may echo a value.
        let violation = if self.sensitive_depth > 0 {
            violation.without_value()
        } else {
            violation
        };
        if self.recorded.violations.len() < self.limit {
            self.recorded.violations.push(Some((path, violation)));
        } else {
            self.recorded.omitted += 1;
        }
    }

    fn resolve(&self) -> Path {
        let key = |range: &Range<usize>| self.keys.get(range.clone()).unwrap_or("").to_owned();
        Path::from(
            self.path
                .iter()
                .map(|step| match step {
                    Step::Field(name) => Segment::Member((*name).to_owned()),
                    Step::Member(range) => Segment::Member(key(range)),
                    Step::Index(index) => Segment::Index(*index),
                    Step::MapKey(position) => Segment::MapKey {
                        position: *position,
                    },
                    Step::MapValue {
                        key: range,
                        position,
                    } => Segment::MapValue {
                        key: key(range),
                        position: *position,
                    },
                    Step::SensitiveMapValue { position } => Segment::SensitiveMapValue {
                        position: *position,
                    },
                })
                .collect::<Vec<_>>(),
        )
    }

    #[inline]
    fn pop(&mut self) {
        if let Some(Step::Member(range) | Step::MapValue { key: range, .. }) = self.path.pop() {
            self.keys.truncate(range.start);
        }
    }
}

/// A value serde buffered for a flattened structure, and where it was.
struct Buffered {
    /// A string borrowed from the input: its address range, which identifies it exactly.
    address: Option<Range<usize>>,
    /// Its text (a copied string's, or a number's), matched in document order otherwise.
    text: Option<String>,
    path: Path,
    used: bool,
}

/// Records `violation` of the value written `text` (a string's text, or a number rendered with
/// `Display`): at the path the value was read at, when serde buffered it for a flattened
/// structure, else at the current path.
pub(crate) fn record_value(violation: Violation, text: &str) -> Result<(), Violation> {
    let address = text.as_ptr() as usize;
    let located = with(|s| {
        if s.buffered.is_empty() || s.placeholder_depth > 0 {
            return None;
        }
        let by_address = s
            .buffered
            .iter()
            .position(|b| b.address.as_ref().is_some_and(|r| r.contains(&address)));
        let found = by_address.or_else(|| {
            s.buffered
                .iter()
                .position(|b| !b.used && b.text.as_deref() == Some(text))
        })?;
        s.buffered[found].used = true;
        Some(s.buffered[found].path.clone())
    })
    .flatten();
    match located {
        Some(path) => {
            with(|s| s.keep_at(path, violation));
            Ok(())
        }
        None => record(violation),
    }
}

/// Runs `read`, a member serde buffers for a flattened structure.
pub(crate) fn buffering<T>(read: impl FnOnce() -> T) -> T {
    with(|s| s.buffering += 1);
    let result = read();
    with(|s| s.buffering -= 1);
    result
}

/// Notes a value read into a buffer for a flattened structure, and its path: a string borrowed
/// from the input by its address, anything else by its text.
pub(crate) fn note_buffered(text: &str, borrowed: bool) {
    with(|s| {
        if s.buffering > 0 {
            let start = text.as_ptr() as usize;
            let path = s.resolve();
            s.buffered.push(Buffered {
                address: borrowed.then(|| start..start + text.len().max(1)),
                text: (!borrowed).then(|| text.to_owned()),
                path,
                used: false,
            });
        }
    });
}

/// Whether values read now are buffered for a flattened structure.
pub(crate) fn is_buffering() -> bool {
    with(|s| s.buffering > 0).unwrap_or(false)
}

/// How many violations this thread's session has recorded so far (kept or counted), or `None`
/// outside a session: a rule that must see a value whole, such as a custom check, runs only when
/// nothing inside the value was rejected.
pub(crate) fn recorded_count() -> Option<usize> {
    with(|s| s.count)
}

/// Withdraws the violations recorded while the count went through `range` (a map entry whose key
/// came again later, and whose value AWS therefore does not keep). Those already past the limit
/// are only uncounted.
pub(crate) fn withdraw(range: Range<usize>) {
    with(|s| {
        for index in range {
            match s.recorded.violations.get_mut(index) {
                Some(slot) => *slot = None,
                None => s.recorded.omitted = s.recorded.omitted.saturating_sub(1),
            }
        }
    });
}

#[inline]
pub(crate) fn push(step: Step) {
    with(|s| s.path.push(step));
}

/// Enters a key or member named by `text`: `step` builds the step from the text's arena range.
#[inline]
pub(crate) fn push_key(text: &str, step: impl FnOnce(Range<usize>) -> Step) {
    with(|s| {
        let start = s.keys.len();
        s.keys.push_str(text);
        let end = s.keys.len();
        s.path.push(step(start..end));
    });
}

#[inline]
pub(crate) fn pop() {
    with(Session::pop);
}

/// Where an object or array keeps its step: entered with its first member or item, replaced in
/// place by each next one (one session access per member, where a push and a pop would take
/// two), left when the object or array is dropped.
#[derive(Default)]
pub(crate) struct Level {
    entered: bool,
}

/// What the step of a level's current member or item is.
pub(crate) enum Current<'t> {
    /// A member named by the crate: one supplied as `null`.
    Field(&'static str),
    /// A member as the document names it.
    Member(&'t str),
    /// A map key being read (violations of key rules are reported at the map).
    Key { position: usize },
    /// A map value, with its key's text.
    Value { key: &'t str, position: usize },
    /// A list item.
    Item(usize),
}

impl Level {
    /// Makes `current` the level's step.
    #[inline]
    pub(crate) fn set(&mut self, current: Current<'_>) {
        let entered = self.entered;
        self.entered = true;
        with(|s| {
            if entered {
                s.pop();
            }
            let step = match current {
                Current::Field(name) => Step::Field(name),
                Current::Member(text) => {
                    let start = s.keys.len();
                    s.keys.push_str(text);
                    Step::Member(start..s.keys.len())
                }
                Current::Key { position } => Step::MapKey(position),
                Current::Value { position, .. } if s.sensitive_depth > 0 => {
                    Step::SensitiveMapValue { position }
                }
                // Inside a buffered member, objects are a flattened structure's members.
                Current::Value { key, .. } if s.buffering > 0 => {
                    let start = s.keys.len();
                    s.keys.push_str(key);
                    Step::Member(start..s.keys.len())
                }
                Current::Value { key, position } => {
                    let start = s.keys.len();
                    s.keys.push_str(key);
                    Step::MapValue {
                        key: start..s.keys.len(),
                        position,
                    }
                }
                Current::Item(index) => Step::Index(index),
            };
            s.path.push(step);
        });
    }
}

impl Level {
    /// Leaves the level: the object or array has ended (members missing from it are reported
    /// at the object, not at its last member).
    #[inline]
    pub(crate) fn leave(&mut self) {
        if std::mem::take(&mut self.entered) {
            with(Session::pop);
        }
    }
}

impl Drop for Level {
    fn drop(&mut self) {
        self.leave();
    }
}

/// The current path, resolved (an error is being located).
pub(crate) fn path() -> Option<Path> {
    with(|s| s.resolve())
}

/// The members to supply as `null` in the structure `name` with `fields`.
#[inline]
pub(crate) fn injected(name: &'static str, fields: &'static [&'static str]) -> Vec<&'static str> {
    if !SUPPLYING.with(Cell::get) {
        return Vec::new();
    }
    with(|s| {
        s.injected
            .iter()
            .filter(|m| m.is_in(name, fields))
            .map(|m| m.field)
            .collect()
    })
    .unwrap_or_default()
}

/// Records that the value at the current path is `null` where a value is required.
pub(crate) fn required_here() {
    let _ = record(Violation::new(Rule::Required));
}

/// Runs `build` to make a placeholder for a value that is absent: nothing inside it is recorded.
pub(crate) fn placeholder<T, E>(build: impl FnOnce() -> Result<T, E>) -> Result<T, E> {
    with(|s| s.placeholder_depth += 1);
    let result = build();
    with(|s| {
        s.placeholder_depth -= 1;
        if result.is_err() {
            s.recorded.placeholder_failed = true;
        }
    });
    result
}

/// Runs `read` inside a sensitive value: map keys met inside are not kept in paths, and errors
/// located inside have their messages withheld.
pub(crate) fn sensitive<T>(read: impl FnOnce() -> T) -> T {
    with(|s| s.sensitive_depth += 1);
    let result = read();
    with(|s| s.sensitive_depth -= 1);
    result
}

/// Whether the reader is inside a sensitive value.
#[inline]
pub(crate) fn in_sensitive() -> bool {
    with(|s| s.sensitive_depth > 0).unwrap_or(false)
}

/// Serde found the required member `field` absent from the structure being deserialized: record
/// it, and remember where, so the member's own deserializer can stand in a placeholder (see
/// [`recover_missing`]); if none does, the error names the structure on its way out and the next
/// run supplies the member (`rerun`).
pub(crate) fn missing_member(field: &'static str) {
    with(|s| {
        if s.placeholder_depth == 0 {
            s.path.push(Step::Field(field));
            s.keep(Violation::new(Rule::Required));
            s.path.pop();
        }
        s.missing_at = Some(s.path.len());
    });
}

/// Turns the error of a value whose member was just found missing into `placeholder()`, when a
/// session recorded that absence; any other result passes through.
///
/// Inlined so that a value read without error is not copied through a call: that copy of a
/// just-written `Result` stalls on store forwarding, which showed as several percent of a
/// string-heavy payload.
#[inline(always)]
pub(crate) fn recover_missing<T, E>(
    result: Result<T, E>,
    placeholder: impl FnOnce() -> T,
) -> Result<T, E> {
    match result {
        Err(e) => recover_missing_error(e, placeholder),
        ok => ok,
    }
}

#[cold]
#[inline(never)]
fn recover_missing_error<T, E>(error: E, placeholder: impl FnOnce() -> T) -> Result<T, E> {
    let recovered = with(|s| {
        let here = s.missing_at == Some(s.path.len());
        if here {
            s.missing_at = None;
        }
        here
    });
    if recovered == Some(true) {
        Ok(placeholder())
    } else {
        Err(error)
    }
}
