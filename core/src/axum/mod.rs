//! axum integration (feature `axum`): the [`Input`] extractor validates a request's URI labels,
//! query parameters and JSON body against constrained types in one report, and a failure
//! answers with the error body the service defines, through a [`Rendering`].

mod rendering;

pub use rendering::{Rendering, SmithyValidation};

use crate::report::DocumentError;
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, RawPathParams, Request};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use std::marker::PhantomData;

/// An operation's input, read from the request's URI labels, query parameters and JSON body as
/// the members of one structure (as Smithy binds it), with every rule checked: a request that
/// breaks any is answered with every violation, from every part of the request, rendered by `R`.
///
/// ```
/// use axum::{Router, routing::get};
/// use constrained::Constrained;
/// use constrained::axum::Input;
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
/// pub struct ListQueuesRequest {
///     farm_id: FarmId,
///     max_results: Option<MaxResults>,
/// }
///
/// async fn list_queues(Input(request, ..): Input<ListQueuesRequest>) -> String {
///     format!("{} queues of {}", request.max_results.map_or(100, |m| m.into_inner()), request.farm_id)
/// }
///
/// let app: Router = Router::new().route("/2023-10-12/farms/{farmId}/queues", get(list_queues));
/// ```
pub struct Input<T, R = SmithyValidation>(pub T, pub PhantomData<R>);

impl<T, R> Input<T, R> {
    /// The validated input.
    pub fn into_inner(self) -> T {
        self.0
    }
}

/// Why an [`Input`] was refused: its rules were broken, or it could not be read. Answers as the
/// rendering `R` says.
pub struct InputRejection<R> {
    error: DocumentError,
    rendering: PhantomData<R>,
}

impl<R> InputRejection<R> {
    /// What was wrong: the report of every violation, or the malformation.
    pub fn error(&self) -> &DocumentError {
        &self.error
    }
}

impl<R> std::fmt::Debug for InputRejection<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("InputRejection").field(&self.error).finish()
    }
}

impl<R: Rendering> IntoResponse for InputRejection<R> {
    fn into_response(self) -> Response {
        match &self.error {
            DocumentError::Invalid(report) => R::invalid(report),
            DocumentError::Malformed(malformed) => R::malformed(malformed),
        }
    }
}

impl<S, T, R> FromRequest<S> for Input<T, R>
where
    S: Send + Sync,
    T: DeserializeOwned,
    R: Rendering,
{
    type Rejection = InputRejection<R>;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = request.into_parts();
        let malformed = |message: String| InputRejection {
            error: DocumentError::Malformed(crate::report::Malformed::new(message, None, None)),
            rendering: PhantomData,
        };
        // Routes without labels have no path parameters: that is no error.
        let labels: Vec<(String, String)> =
            match RawPathParams::from_request_parts(&mut parts, state).await {
                Ok(params) => params
                    .iter()
                    .map(|(name, value)| (name.to_owned(), value.to_owned()))
                    .collect(),
                Err(_) => Vec::new(),
            };
        let query: Vec<(String, String)> = parts
            .uri
            .query()
            .map(|query| {
                form_urlencoded::parse(query.as_bytes())
                    .into_owned()
                    .collect()
            })
            .unwrap_or_default();
        let body = Bytes::from_request(Request::from_parts(parts, body), state)
            .await
            .map_err(|e| malformed(format!("the body could not be read: {e}")))?;
        crate::document::from_request_parts(&labels, &query, &body)
            .map(|value| Input(value, PhantomData))
            .map_err(|error| InputRejection {
                error,
                rendering: PhantomData,
            })
    }
}
