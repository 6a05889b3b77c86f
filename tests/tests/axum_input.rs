//! The `axum` feature's `Input` extractor, driven through a router as a server drives it: labels,
//! query and body validated in one report, answered with Smithy's restJson1 errors.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::routing::{get, post};
use constrained::axum::Input;
use examples::{deadline, glue};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

const HEX: &str = "0123456789abcdef0123456789abcdef";

async fn list_sessions(Input(request, ..): Input<deadline::ListSessionsRequest>) -> String {
    format!(
        "{} {}",
        request.farm_id,
        request.max_results.map_or(0, |m| m.into_inner())
    )
}

async fn glue_list_sessions(Input(request, ..): Input<glue::ListSessionsRequest>) -> String {
    format!("{:?}", request.max_results.map(|m| m.into_inner()))
}

fn app() -> Router {
    Router::new()
        .route(
            "/2023-10-12/farms/{farmId}/queues/{queueId}/jobs/{jobId}/sessions",
            get(list_sessions),
        )
        .route("/", post(glue_list_sessions))
}

async fn call(request: Request<Body>) -> (StatusCode, Option<String>, String) {
    let response = app().oneshot(request).await.unwrap();
    let status = response.status();
    let error_type = response
        .headers()
        .get("x-amzn-errortype")
        .map(|v| v.to_str().unwrap().to_owned());
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        error_type,
        String::from_utf8(body.to_vec()).unwrap(),
    )
}

fn get_uri(uri: &str) -> Request<Body> {
    Request::get(uri).body(Body::empty()).unwrap()
}

fn sessions_uri(farm: &str, query: &str) -> String {
    format!("/2023-10-12/farms/{farm}/queues/queue-{HEX}/jobs/job-{HEX}/sessions{query}")
}

#[tokio::test]
async fn a_valid_request_reaches_the_handler() {
    let (status, _, body) = call(get_uri(&sessions_uri(
        &format!("farm-{HEX}"),
        "?maxResults=25&nextToken=abc",
    )))
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, format!("farm-{HEX} 25"));
}

#[tokio::test]
async fn every_violation_from_labels_and_query_in_one_answer() {
    let (status, error_type, body) = call(get_uri(&sessions_uri("farm-1", "?maxResults=0"))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error_type.as_deref(), Some("ValidationException"));
    let body: Value = serde_json::from_str(&body).unwrap();
    let paths: Vec<&str> = body["fieldList"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["/farmId", "/maxResults"]);
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .starts_with("2 validation errors detected.")
    );
    // 101 is past the maximum as well, a label percent-decoded before it is checked.
    let (status, _, body) = call(get_uri(&sessions_uri("farm%2D1", "?maxResults=101"))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("/maxResults"), "{body}");
    assert!(body.contains("Member must be between 1 and 100"), "{body}");
}

#[tokio::test]
async fn a_query_parameter_that_is_not_a_number_is_a_serialization_error() {
    let (status, error_type, body) = call(get_uri(&sessions_uri(
        &format!("farm-{HEX}"),
        "?maxResults=ten",
    )))
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error_type.as_deref(), Some("SerializationException"));
    assert!(body.contains("maxResults"), "{body}");
}

#[tokio::test]
async fn a_json_body_is_validated_with_the_rest() {
    let tags: Vec<String> = (0..51).map(|i| format!("\"k{i}\": \"v\"")).collect();
    // Members in document order, as written (not as a JSON map would sort them).
    let body = format!(
        r#"{{"MaxResults": 0, "Tags": {{{}}}, "RequestOrigin": "bad origin"}}"#,
        tags.join(", ")
    );
    let request = Request::post("/")
        .header("content-type", "application/x-amz-json-1.1")
        .body(Body::from(body))
        .unwrap();
    let (status, error_type, body) = call(request).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error_type.as_deref(), Some("ValidationException"));
    let body: Value = serde_json::from_str(&body).unwrap();
    let paths: Vec<&str> = body["fieldList"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["/MaxResults", "/Tags", "/RequestOrigin"]);
}

#[tokio::test]
async fn a_malformed_body_is_a_serialization_error_with_a_position() {
    for body in ["{\"MaxResults\": }", "[1, 2]", "\"text\""] {
        let request = Request::post("/").body(Body::from(body)).unwrap();
        let (status, error_type, answer) = call(request).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(
            error_type.as_deref(),
            Some("SerializationException"),
            "{body}"
        );
        let answer: Value = serde_json::from_str(&answer).unwrap();
        assert!(
            answer["message"].as_str().unwrap().contains("line 1"),
            "{answer}"
        );
    }
    // An empty body has no members: Glue's are all optional.
    let request = Request::post("/").body(Body::empty()).unwrap();
    let (status, _, answer) = call(request).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(answer, "None");
}
