//! Validating a whole document into a typed value or a report of every violation:
//! `from_json_str`, `from_json_slice` and `from_deserializer`.

pub(crate) mod deserializer;
pub(crate) mod path;
pub(crate) mod reject;
pub(crate) mod session;
pub(crate) mod tree;

use crate::document::deserializer::{NodeDeserializer, ReadErrorKind};
use crate::document::path::{Path, Segment};
use crate::document::session::{MissingMember, Step};
use crate::document::tree::Document;
use crate::report::{DocumentError, FieldViolation, Malformed, Report};
use serde::{Deserialize, Deserializer};

/// How many distinct required members may be absent before validation stops supplying them. Each
/// absent member type costs one more pass over the document (see [`from_json_str`]), so this
/// bounds the work a document can cause by the schema, not by the document.
const MAX_SUPPLIED_MEMBERS: usize = 64;

/// Validates the JSON text `json` into a `T`, or reports **every** violation in it.
///
/// `T` is any type with `Deserialize` — typically a plain `#[derive(Deserialize)]` struct whose
/// fields are constrained types, `Option`s, `Vec`s, maps and nested structs. The error is
/// [`DocumentError::Invalid`] with a [`Report`] when the document breaks rules (a required member
/// absent or `null` among them), or [`DocumentError::Malformed`] when it is not well-formed JSON
/// or has the wrong JSON type where a value is expected.
///
/// Unknown members are ignored, as AWS services ignore them.
///
/// ```
/// use constrained::{Constrained, DocumentError};
/// use serde::Deserialize;
///
/// #[derive(Debug, Constrained)]
/// #[constrained(length(min = 1, max = 128))]
/// pub struct TagKey(String);
///
/// #[derive(Debug, Deserialize)]
/// pub struct Tag {
///     #[serde(rename = "Key")]
///     key: TagKey,
/// }
///
/// #[derive(Debug, Deserialize)]
/// pub struct Request {
///     #[serde(rename = "Tags")]
///     tags: Vec<Tag>,
/// }
///
/// let json = r#"{"Tags": [{"Key": "team"}, {"Key": ""}, {}]}"#;
/// let report = match constrained::from_json_str::<Request>(json) {
///     Err(DocumentError::Invalid(report)) => report,
///     other => panic!("{other:?}"),
/// };
/// let paths: Vec<String> = report.violations().iter().map(|v| v.path().json_pointer()).collect();
/// assert_eq!(paths, ["/Tags/1/Key", "/Tags/2/Key"]);
/// assert_eq!(
///     report.smithy_body(),
///     concat!(
///         r#"{"message":"2 validation errors detected. "#,
///         r#"Value with length 0 at '/Tags/1/Key' failed to satisfy constraint: Member must have length between 1 and 128, inclusive; "#,
///         r#"Value at '/Tags/2/Key' failed to satisfy constraint: Member must not be null","#,
///         r#""fieldList":[{"path":"/Tags/1/Key","message":"Value with length 0 at '/Tags/1/Key' failed to satisfy constraint: Member must have length between 1 and 128, inclusive"},"#,
///         r#"{"path":"/Tags/2/Key","message":"Value at '/Tags/2/Key' failed to satisfy constraint: Member must not be null"}]}"#,
///     )
/// );
/// ```
pub fn from_json_str<'a, T: Deserialize<'a>>(json: &'a str) -> Result<T, DocumentError> {
    let document = tree::parse(json).map_err(|e| {
        let line_column = tree::line_column(json, e.offset);
        DocumentError::Malformed(Malformed::new(e.message, Some(line_column), None))
    })?;
    validate(&document)
}

/// [`from_json_str`] over bytes, which must be UTF-8.
///
/// ```
/// use constrained::{Constrained, DocumentError};
///
/// #[derive(Debug, Constrained)]
/// #[constrained(range(min = 1, max = 100))]
/// pub struct MaxResults(i32);
///
/// let page: MaxResults = constrained::from_json_slice(b"25").unwrap();
/// assert_eq!(page.into_inner(), 25);
/// assert!(matches!(
///     constrained::from_json_slice::<MaxResults>(b"\"\xff\""),
///     Err(DocumentError::Malformed(_))
/// ));
/// ```
pub fn from_json_slice<'a, T: Deserialize<'a>>(json: &'a [u8]) -> Result<T, DocumentError> {
    match std::str::from_utf8(json) {
        Ok(text) => from_json_str(text),
        Err(e) => {
            let valid = std::str::from_utf8(&json[..e.valid_up_to()]).unwrap_or_default();
            let line_column = tree::line_column(valid, valid.len());
            Err(DocumentError::Malformed(Malformed::new(
                "invalid UTF-8".into(),
                Some(line_column),
                None,
            )))
        }
    }
}

/// [`from_json_str`] over any self-describing serde input (YAML, CBOR, a `serde_json::Value`…):
/// the input is read into a document first, then validated the same way. Malformed input has no
/// line and column here; the format's own error message is kept.
///
/// ```
/// use constrained::{Constrained, DocumentError};
///
/// #[derive(Debug, Constrained)]
/// #[constrained(range(min = 1, max = 100))]
/// pub struct MaxResults(i32);
///
/// let value = serde_json::json!(0);
/// let Err(DocumentError::Invalid(report)) = constrained::from_deserializer::<_, MaxResults>(value) else {
///     panic!("0 is below the minimum");
/// };
/// assert_eq!(report.total(), 1);
/// ```
pub fn from_deserializer<'de, D, T>(deserializer: D) -> Result<T, DocumentError>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let document = tree::read(deserializer)
        .map_err(|e| DocumentError::Malformed(Malformed::new(e.to_string(), None, None)))?;
    validate(&document)
}

fn validate<'d, 'de, T: Deserialize<'de>>(document: &'d Document<'de>) -> Result<T, DocumentError>
where
    'de: 'd,
{
    let mut supplied: Vec<MissingMember> = Vec::new();
    loop {
        let guard = session::begin(Report::LIMIT, supplied.clone());
        let result = T::deserialize(NodeDeserializer {
            node: &document.root,
            document,
        });
        let recorded = guard.finish();
        let report = || {
            let violations = recorded
                .violations
                .iter()
                .map(|(steps, v)| FieldViolation::new(resolve(steps, document), v.clone()))
                .collect();
            let report = Report::new(violations, recorded.omitted);
            DocumentError::Invalid(if recorded.placeholder_failed {
                report.stopped_early()
            } else {
                report
            })
        };
        match result {
            Ok(value) if recorded.violations.is_empty() && recorded.omitted == 0 => {
                return Ok(value);
            }
            Ok(_) => return Err(report()),
            Err(e) => match (e.kind, recorded.unreplaced_missing) {
                // A required member stopped this run: supply it as `null` next time, so the run
                // records it and goes on to the rest of the document.
                (ReadErrorKind::Missing, Some(missing))
                    if !supplied.contains(&missing) && supplied.len() < MAX_SUPPLIED_MEMBERS =>
                {
                    supplied.push(missing);
                }
                (ReadErrorKind::Missing, _) => return Err(report()),
                // A stand-in for an absent value was refused: the absence is recorded, and the
                // report says it covers the document only up to there.
                _ if recorded.placeholder_failed && !recorded.violations.is_empty() => {
                    return Err(report());
                }
                (ReadErrorKind::Type | ReadErrorKind::Custom, _) => {
                    let line_column = e.offset.and_then(|o| document.line_column(o));
                    let path = e.path.as_deref().map(|steps| resolve(steps, document));
                    return Err(DocumentError::Malformed(Malformed::new(
                        e.message,
                        line_column,
                        path,
                    )));
                }
            },
        }
    }
}

fn resolve(steps: &[Step], document: &Document<'_>) -> Path {
    let key = |id: usize| {
        document
            .keys
            .get(id)
            .map(|k| k.to_string())
            .unwrap_or_default()
    };
    Path::from(
        steps
            .iter()
            .map(|step| match *step {
                Step::Member(name) => Segment::Member(name.to_owned()),
                Step::UnknownMember(id) => Segment::Member(key(id)),
                Step::Index(index) => Segment::Index(index),
                Step::MapKey(position) => Segment::MapKey { position },
                Step::MapValue { key: id, position } => Segment::MapValue {
                    key: key(id),
                    position,
                },
            })
            .collect::<Vec<_>>(),
    )
}
