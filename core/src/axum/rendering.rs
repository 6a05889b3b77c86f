//! `Rendering`: how a refused input is answered. `SmithyValidation` is Smithy's restJson1
//! `ValidationException`; a service with its own error body (Deadline's, Glue's) implements the
//! trait beside its model.

use crate::report::{Malformed, Report};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// How a service answers a request whose input breaks rules or cannot be read.
///
/// ```
/// use axum::http::StatusCode;
/// use axum::response::{IntoResponse, Response};
/// use constrained::axum::Rendering;
/// use constrained::{Echo, Malformed, Report};
///
/// /// A service answering in plain text, values not echoed.
/// pub struct PlainText;
///
/// impl Rendering for PlainText {
///     fn invalid(report: &Report) -> Response {
///         (StatusCode::BAD_REQUEST, report.classic_message(Echo::Nothing)).into_response()
///     }
///     fn malformed(malformed: &Malformed) -> Response {
///         (StatusCode::BAD_REQUEST, malformed.to_string()).into_response()
///     }
/// }
/// ```
pub trait Rendering {
    /// The answer to a request that breaks rules: every violation in `report`.
    fn invalid(report: &Report) -> Response;
    /// The answer to a request that cannot be read at all.
    fn malformed(malformed: &Malformed) -> Response;
}

/// Smithy's restJson1 answers: `400` with `X-Amzn-Errortype: ValidationException` and
/// `{"message": …, "fieldList": [{"path": …, "message": …}]}` (byte-exact, as
/// [`Report::smithy_body`] writes it) for broken rules, and `400` with
/// `X-Amzn-Errortype: SerializationException` for input that cannot be read. No value is echoed.
///
/// ```
/// use axum::http::StatusCode;
/// use constrained::axum::{Rendering, SmithyValidation};
///
/// # #[derive(Debug, constrained::Constrained)]
/// # #[constrained(range(min = 1, max = 100))]
/// # pub struct MaxResults(i32);
/// let report = constrained::from_json_str::<MaxResults>("0").unwrap_err().report().cloned().unwrap();
/// let response = SmithyValidation::invalid(&report);
/// assert_eq!(response.status(), StatusCode::BAD_REQUEST);
/// assert_eq!(response.headers()["x-amzn-errortype"], "ValidationException");
/// ```
pub struct SmithyValidation;

fn json(status: StatusCode, error_type: &'static str, body: String) -> Response {
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert("x-amzn-errortype", HeaderValue::from_static(error_type));
    response
}

impl Rendering for SmithyValidation {
    fn invalid(report: &Report) -> Response {
        json(
            StatusCode::BAD_REQUEST,
            "ValidationException",
            report.smithy_body(),
        )
    }

    fn malformed(malformed: &Malformed) -> Response {
        let body = serde_json::json!({ "message": malformed.to_string() }).to_string();
        json(StatusCode::BAD_REQUEST, "SerializationException", body)
    }
}
