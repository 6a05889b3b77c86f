//! The five seed operations served over HTTP, on in-memory data made from the bundled documents:
//! Deadline's four restJson1 routes and Glue's awsJson1.1 `ListSessions`. Every request is
//! validated with the model's types by `constrained::axum::Input`, answered in each service's own
//! error body; in debug builds every response is validated too.

use crate::{deadline, glue};
use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use constrained::axum::{Input, Rendering};
use constrained::{Echo, Malformed, Report};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::sync::Arc;
use std::time::Instant;

/// Deadline's answers: `400` `ValidationException`, `{message, reason, fieldList: [{name,
/// message}]}` with no value echoed, or `reason: CANNOT_PARSE` for input that cannot be read.
pub struct DeadlineValidation;

impl Rendering for DeadlineValidation {
    fn invalid(report: &Report) -> Response {
        let fields: Vec<serde_json::Value> = report
            .violations()
            .iter()
            .map(|entry| {
                serde_json::json!({
                    "name": entry.path().member_path(),
                    "message": entry.classic_message(Echo::Nothing),
                })
            })
            .collect();
        let body = serde_json::json!({
            "message": report.classic_message(Echo::Nothing),
            "reason": "FIELD_VALIDATION_FAILED",
            "fieldList": fields,
        });
        error(StatusCode::BAD_REQUEST, "ValidationException", &body)
    }

    fn malformed(malformed: &Malformed) -> Response {
        let body = serde_json::json!({"message": malformed.to_string(), "reason": "CANNOT_PARSE"});
        error(StatusCode::BAD_REQUEST, "ValidationException", &body)
    }
}

/// Glue's answers (awsJson1.1): `400` with `{"__type": "InvalidInputException", "Message": …}`,
/// values echoed as classic AWS services do, or `SerializationException` for input that cannot be
/// read.
pub struct GlueInvalidInput;

impl Rendering for GlueInvalidInput {
    fn invalid(report: &Report) -> Response {
        let body = serde_json::json!({
            "__type": "InvalidInputException",
            "Message": report.classic_message(Echo::Values),
        });
        error(StatusCode::BAD_REQUEST, "InvalidInputException", &body)
    }

    fn malformed(malformed: &Malformed) -> Response {
        let body = serde_json::json!({
            "__type": "SerializationException",
            "Message": malformed.to_string(),
        });
        error(StatusCode::BAD_REQUEST, "SerializationException", &body)
    }
}

/// An error answer: its status, `X-Amzn-Errortype` and JSON body.
fn error(status: StatusCode, error_type: &'static str, body: &serde_json::Value) -> Response {
    let mut response = (status, body.to_string()).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert("x-amzn-errortype", HeaderValue::from_static(error_type));
    response
}

fn not_found(service: Service, what: &str) -> Response {
    match service {
        Service::Deadline => error(
            StatusCode::NOT_FOUND,
            "ResourceNotFoundException",
            &serde_json::json!({"message": format!("{what} was not found")}),
        ),
        Service::Glue => error(
            StatusCode::BAD_REQUEST,
            "EntityNotFoundException",
            &serde_json::json!({
                "__type": "EntityNotFoundException",
                "Message": format!("{what} was not found"),
            }),
        ),
    }
}

#[derive(Clone, Copy)]
enum Service {
    Deadline,
    Glue,
}

/// A successful answer, the response validated with the model's own type in debug builds.
fn answer<T: Serialize + DeserializeOwned>(response: &T) -> Response {
    let body = match serde_json::to_string(response) {
        Ok(body) => body,
        Err(e) => return internal(&format!("the response could not be written: {e}")),
    };
    if cfg!(debug_assertions)
        && let Err(e) = constrained::from_json_str::<T>(&body)
    {
        return internal(&format!("the response breaks the model: {e}"));
    }
    let mut response = (StatusCode::OK, body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

fn internal(message: &str) -> Response {
    error(
        StatusCode::INTERNAL_SERVER_ERROR,
        "InternalServerErrorException",
        &serde_json::json!({"message": message}),
    )
}

/// The data the service answers with, read from the bundled valid documents.
pub struct Data {
    farm: String,
    queue: String,
    job: String,
    fleet: String,
    worker: String,
    sessions: deadline::ListSessionsResponse,
    session: deadline::GetSessionResponse,
    session_action: deadline::GetSessionActionResponse,
    worker_sessions: deadline::ListSessionsForWorkerResponse,
    glue_sessions: glue::ListSessionsResponse,
}

fn bundled<T: DeserializeOwned>(json: &str) -> T {
    constrained::from_json_str(json).expect("the bundled documents are valid")
}

impl Data {
    /// The bundled documents' data: one farm, queue, job, fleet and worker.
    pub fn bundled() -> Data {
        let request: deadline::GetSessionRequest = bundled(include_str!(
            "../data/deadline.GetSessionRequest.valid.json"
        ));
        let worker: deadline::ListSessionsForWorkerRequest = bundled(include_str!(
            "../data/deadline.ListSessionsForWorkerRequest.valid.json"
        ));
        Data {
            farm: request.farm_id.to_string(),
            queue: request.queue_id.to_string(),
            job: request.job_id.to_string(),
            fleet: worker.fleet_id.to_string(),
            worker: worker.worker_id.to_string(),
            sessions: bundled(include_str!(
                "../data/deadline.ListSessionsResponse.valid.json"
            )),
            session: bundled(include_str!(
                "../data/deadline.GetSessionResponse.valid.json"
            )),
            session_action: bundled(include_str!(
                "../data/deadline.GetSessionActionResponse.valid.json"
            )),
            worker_sessions: bundled(include_str!(
                "../data/deadline.ListSessionsForWorkerResponse.valid.json"
            )),
            glue_sessions: bundled(include_str!("../data/glue.ListSessionsResponse.valid.json")),
        }
    }
}

/// The page of `items` a request asks for: `Err` with the answer when its token is not one this
/// service issued. Tokens are the offset of the page, as text.
fn page<T: Clone>(
    items: &[T],
    token: Option<&str>,
    max: usize,
) -> Result<(Vec<T>, Option<String>), String> {
    let start = match token {
        None => 0,
        Some(token) => match token.parse::<usize>() {
            Ok(offset) if offset <= items.len() => offset,
            _ => return Err(format!("`{token}` is not a token this service issued")),
        },
    };
    let end = (start + max).min(items.len());
    let next = (end < items.len()).then(|| end.to_string());
    Ok((items[start..end].to_vec(), next))
}

fn bad_token(service: Service, message: String) -> Response {
    match service {
        Service::Deadline => error(
            StatusCode::BAD_REQUEST,
            "ValidationException",
            &serde_json::json!({"message": message, "reason": "OTHER", "fieldList": []}),
        ),
        Service::Glue => error(
            StatusCode::BAD_REQUEST,
            "InvalidInputException",
            &serde_json::json!({"__type": "InvalidInputException", "Message": message}),
        ),
    }
}

type Shared = axum::extract::State<Arc<Data>>;

async fn list_sessions(
    state: Shared,
    Input(request, ..): Input<deadline::ListSessionsRequest, DeadlineValidation>,
) -> Response {
    let data = &state.0;
    if request.farm_id != *data.farm
        || request.queue_id != *data.queue
        || request.job_id != *data.job
    {
        return not_found(Service::Deadline, "The job");
    }
    let max = request.max_results.map_or(100, |m| m.into_inner()) as usize;
    let token = request.next_token.as_ref().map(|t| t.as_str());
    match page(&data.sessions.sessions, token, max) {
        Ok((sessions, next)) => answer(&deadline::ListSessionsResponse {
            sessions,
            next_token: next.map(|t| t.parse().expect("an offset is a valid token")),
        }),
        Err(message) => bad_token(Service::Deadline, message),
    }
}

async fn list_sessions_for_worker(
    state: Shared,
    Input(request, ..): Input<deadline::ListSessionsForWorkerRequest, DeadlineValidation>,
) -> Response {
    let data = &state.0;
    if request.farm_id != *data.farm
        || request.fleet_id != *data.fleet
        || request.worker_id != *data.worker
    {
        return not_found(Service::Deadline, "The worker");
    }
    let max = request.max_results.map_or(100, |m| m.into_inner()) as usize;
    let token = request.next_token.as_ref().map(|t| t.as_str());
    match page(&data.worker_sessions.sessions, token, max) {
        Ok((sessions, next)) => answer(&deadline::ListSessionsForWorkerResponse {
            sessions,
            next_token: next.map(|t| t.parse().expect("an offset is a valid token")),
        }),
        Err(message) => bad_token(Service::Deadline, message),
    }
}

async fn get_session(
    state: Shared,
    Input(request, ..): Input<deadline::GetSessionRequest, DeadlineValidation>,
) -> Response {
    let data = &state.0;
    if request.farm_id != *data.farm
        || request.queue_id != *data.queue
        || request.job_id != *data.job
        || request.session_id.as_str() != data.session.session_id.as_str()
    {
        return not_found(Service::Deadline, "The session");
    }
    answer(&data.session)
}

async fn get_session_action(
    state: Shared,
    Input(request, ..): Input<deadline::GetSessionActionRequest, DeadlineValidation>,
) -> Response {
    let data = &state.0;
    if request.farm_id != *data.farm
        || request.queue_id != *data.queue
        || request.job_id != *data.job
        || request.session_action_id.as_str() != data.session_action.session_action_id.as_str()
    {
        return not_found(Service::Deadline, "The session action");
    }
    answer(&data.session_action)
}

/// Glue's one endpoint: the operation is named by `X-Amz-Target`.
async fn glue(state: Shared, headers: HeaderMap, request: Request) -> Response {
    let target = headers
        .get("x-amz-target")
        .and_then(|t| t.to_str().ok())
        .unwrap_or_default();
    if target != "AWSGlue.ListSessions" {
        return error(
            StatusCode::BAD_REQUEST,
            "UnknownOperationException",
            &serde_json::json!({
                "__type": "UnknownOperationException",
                "Message": format!("`{target}` is not an operation of this service"),
            }),
        );
    }
    let input = <Input<glue::ListSessionsRequest, GlueInvalidInput> as axum::extract::FromRequest<()>>::from_request(request, &()).await;
    let request = match input {
        Ok(Input(request, ..)) => request,
        Err(rejection) => return rejection.into_response(),
    };
    let data = &state.0;
    let sessions = data.glue_sessions.sessions.clone().unwrap_or_default();
    let max = request.max_results.map_or(1000, |m| m.into_inner()) as usize;
    let token = request.next_token.as_ref().map(|t| t.as_str());
    match page(&sessions, token, max) {
        Ok((sessions, next)) => answer(&glue::ListSessionsResponse {
            ids: Some(sessions.iter().filter_map(|s| s.id.clone()).collect()),
            sessions: Some(sessions),
            next_token: next.map(|t| t.parse().expect("an offset is a valid token")),
        }),
        Err(message) => bad_token(Service::Glue, message),
    }
}

/// One line per request: method, path, status and time taken.
async fn log(request: Request, next: Next) -> Response {
    let (method, uri) = (request.method().clone(), request.uri().clone());
    let started = Instant::now();
    let response = next.run(request).await;
    eprintln!(
        "{method} {uri} {} {:.1} ms",
        response.status().as_u16(),
        started.elapsed().as_secs_f64() * 1e3
    );
    response
}

/// The service: the five operations on `data`.
pub fn app(data: Data) -> Router {
    Router::new()
        .route(
            "/2023-10-12/farms/{farmId}/queues/{queueId}/jobs/{jobId}/sessions",
            get(list_sessions),
        )
        .route(
            "/2023-10-12/farms/{farmId}/queues/{queueId}/jobs/{jobId}/sessions/{sessionId}",
            get(get_session),
        )
        .route(
            "/2023-10-12/farms/{farmId}/queues/{queueId}/jobs/{jobId}/session-actions/{sessionActionId}",
            get(get_session_action),
        )
        .route(
            "/2023-10-12/farms/{farmId}/fleets/{fleetId}/workers/{workerId}/sessions",
            get(list_sessions_for_worker),
        )
        .route("/", post(glue))
        .layer(middleware::from_fn(log))
        .with_state(Arc::new(data))
}
