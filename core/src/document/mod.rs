//! Validating a whole document into a typed value or a report of every violation:
//! `from_json_str`, `from_json_slice` and `from_deserializer`.
//!
//! The document is read in one pass by serde_json's own deserializer, wrapped (`reader`) so the
//! session (`session`) knows the path of every value; rule visitors record violations into the
//! session (`reject`) and reading goes on. `null` where a value is required becomes a violation
//! and a placeholder (`placeholder`), unions are read member by member (`variant`), objects and
//! arrays step the path (`access`). Errors cross serde_json's own error type by a carrier
//! (`error`). Absent required members that stop a run are supplied in a rerun (`rerun`, whose
//! module documentation tells the protocol end to end). A request's labels, query and body are
//! read as one document by `input`.

mod access;
mod error;
mod input;
pub(crate) mod path;
mod placeholder;
mod reader;
pub(crate) mod reject;
mod rerun;
pub(crate) mod session;
mod variant;

use crate::document::error::uncarry;
use crate::document::reader::Reader;
use crate::report::{DocumentError, Malformed};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

/// Validates the JSON text `json` into a `T`, or reports **every** violation in it.
///
/// `T` is any type with `Deserialize` — typically a plain `#[derive(Deserialize)]` struct whose
/// fields are constrained types, `Option`s, `Vec`s, maps and nested structs. The error is
/// [`DocumentError::Invalid`] with a [`Report`](crate::Report) when the document breaks rules (a required member
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
    // Most documents are valid: serde_json alone reads them, at its own speed. Only a document
    // it refuses is read again, to find every violation and where it is. The rules are the same
    // on both paths, so a document the first accepts the second would accept too.
    if let Ok(value) = serde_json::from_str(json) {
        return Ok(value);
    }
    rerun::run(|| {
        let mut json = serde_json::Deserializer::from_str(json);
        let value = T::deserialize(Reader::new(&mut json))?;
        json.end().map_err(uncarry)?;
        Ok(value)
    })
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
    if let Ok(value) = serde_json::from_slice(json) {
        return Ok(value);
    }
    rerun::run(|| {
        let mut json = serde_json::Deserializer::from_slice(json);
        let value = T::deserialize(Reader::new(&mut json))?;
        json.end().map_err(uncarry)?;
        Ok(value)
    })
}

/// [`from_json_str`] over any self-describing serde input (YAML, CBOR, a `serde_json::Value`…):
/// the input is read into a `serde_json::Value` first (so objects come out in key order), then
/// validated the same way. Malformed input has no line and column here; the format's own error
/// message is kept.
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
    T: DeserializeOwned,
{
    let value = serde_json::Value::deserialize(deserializer)
        .map_err(|e| DocumentError::Malformed(Malformed::new(e.to_string(), None, None)))?;
    rerun::run(|| T::deserialize(Reader::new(&value)).map_err(|e| e.locate()))
}

/// Validates a request's input into a `T`, or reports **every** violation in it: its URI labels,
/// its query parameters and its JSON body's members, read as the members of one structure, as
/// Smithy binds an operation's input (restJson1).
///
/// Labels and query parameters are text, already percent-decoded, and read as whatever the member
/// is: `maxResults=0` is the integer 0, and breaks `range(min = 1)` like a JSON 0 would. An empty
/// body has no members; a body that is not a JSON object is malformed. Violations are located at
/// the member, whichever part of the request it came from (`/farmId` for a label). This is what
/// the `axum` feature's `Input` extractor calls; any other server can call it the same way.
///
/// ```
/// use constrained::{Constrained, DocumentError};
/// use serde::Deserialize;
///
/// #[derive(Debug, Constrained)]
/// #[constrained(pattern = "farm-[0-9a-f]{32}")]
/// pub struct FarmId(String);
///
/// #[derive(Debug, Constrained)]
/// #[constrained(range(min = 1, max = 100))]
/// pub struct MaxResults(i32);
///
/// #[derive(Debug, Deserialize)]
/// #[serde(rename_all = "camelCase")]
/// pub struct ListSessionsRequest {
///     farm_id: FarmId,
///     max_results: Option<MaxResults>,
/// }
///
/// let labels = [("farmId".to_owned(), "farm-1".to_owned())];
/// let query = [("maxResults".to_owned(), "0".to_owned())];
/// let Err(DocumentError::Invalid(report)) =
///     constrained::from_request_parts::<ListSessionsRequest>(&labels, &query, b"")
/// else {
///     panic!("two violations");
/// };
/// let paths: Vec<String> = report.violations().iter().map(|v| v.path().json_pointer()).collect();
/// assert_eq!(paths, ["/farmId", "/maxResults"]);
/// ```
pub fn from_request_parts<T: DeserializeOwned>(
    labels: &[(String, String)],
    query: &[(String, String)],
    body: &[u8],
) -> Result<T, DocumentError> {
    let body = (!body.iter().all(u8::is_ascii_whitespace)).then_some(body);
    let parts = input::Parts {
        labels,
        query,
        body,
    };
    if let Ok(value) = T::deserialize(&parts) {
        return Ok(value);
    }
    rerun::run(|| T::deserialize(Reader::new(&parts)).map_err(|e| e.locate()))
}
