//! `Path`: where in a document a violation is, rendered as a JSON Pointer (RFC 6901, as Smithy
//! reports it) or as the dotted member path of classic AWS messages.

use std::fmt::Write;

/// One step from a value to a child.
///
/// ```
/// use constrained::{Path, Segment};
///
/// let path = Path::from(vec![Segment::Member("tags".into()), Segment::MapValue { key: "env".into(), position: 0 }]);
/// assert_eq!(path.json_pointer(), "/tags/env");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Segment {
    /// A structure member, by its serialized name.
    Member(String),
    /// A list item, by its 0-based index.
    Index(usize),
    /// A map's key: the 0-based position of its entry in the document.
    MapKey {
        /// The entry's position.
        position: usize,
    },
    /// A map's value: its key, and the 0-based position of its entry in the document.
    MapValue {
        /// The entry's key.
        key: String,
        /// The entry's position.
        position: usize,
    },
    /// A value of a `sensitive` map, whose key is never shown: `***` in a JSON Pointer.
    SensitiveMapValue {
        /// The entry's position.
        position: usize,
    },
}

/// What a JSON Pointer says in place of the key of a sensitive map.
pub const SENSITIVE_KEY: &str = "***";

/// The location of a value in a document: the steps from the root to it.
///
/// ```
/// use constrained::{Path, Segment};
///
/// let path = Path::from(vec![
///     Segment::Member("sessions".into()),
///     Segment::Index(3),
///     Segment::Member("sessionId".into()),
/// ]);
/// assert_eq!(path.json_pointer(), "/sessions/3/sessionId");
/// assert_eq!(path.member_path(), "sessions.4.member.sessionId");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Path {
    segments: Vec<Segment>,
}

impl From<Vec<Segment>> for Path {
    fn from(segments: Vec<Segment>) -> Self {
        Path { segments }
    }
}

impl Path {
    /// The steps from the root.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// The path as a JSON Pointer (RFC 6901): `/sessions/3/sessionId`, with `~` and `/` in names
    /// escaped as `~0` and `~1`. A map key's violation points at the map itself, as Smithy
    /// reports it; a map value's at `/map/<key>`. The root is the empty string.
    pub fn json_pointer(&self) -> String {
        let mut pointer = String::new();
        for segment in &self.segments {
            match segment {
                Segment::Member(name) | Segment::MapValue { key: name, .. } => {
                    pointer.push('/');
                    for c in name.chars() {
                        match c {
                            '~' => pointer.push_str("~0"),
                            '/' => pointer.push_str("~1"),
                            c => pointer.push(c),
                        }
                    }
                }
                Segment::Index(index) => {
                    let _ = write!(pointer, "/{index}");
                }
                Segment::SensitiveMapValue { .. } => {
                    pointer.push('/');
                    pointer.push_str(SENSITIVE_KEY);
                }
                Segment::MapKey { .. } => {}
            }
        }
        pointer
    }

    /// The path as classic AWS messages write it: members dotted, list items 1-based with
    /// `.member`, map entries 1-based with `.member.key` / `.member.value`:
    /// `sessions.4.member.sessionId`, `tags.1.member.value`.
    pub fn member_path(&self) -> String {
        let mut path = String::new();
        for segment in &self.segments {
            if !path.is_empty() {
                path.push('.');
            }
            match segment {
                Segment::Member(name) => path.push_str(name),
                Segment::Index(index) => {
                    let _ = write!(path, "{}.member", index + 1);
                }
                Segment::MapKey { position } => {
                    let _ = write!(path, "{}.member.key", position + 1);
                }
                Segment::MapValue { position, .. } | Segment::SensitiveMapValue { position } => {
                    let _ = write!(path, "{}.member.value", position + 1);
                }
            }
        }
        path
    }
}
