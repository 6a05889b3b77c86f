//! The `serve` program's service, driven by clients no one here wrote: the official AWS SDK for
//! Rust (`aws-sdk-deadline`, `aws-sdk-glue`), over plain HTTP on a free loopback port, with static
//! test credentials. Valid calls come back as the SDK's own output types; invalid ones as its
//! typed `ValidationException` (Deadline) and `InvalidInputException` (Glue). The SDK does not
//! validate constraints itself, so what it sends as given is what the service judges.

use aws_sdk_deadline::types::ValidationExceptionReason;
use examples::service::{Data, app};
use std::net::SocketAddr;

const FARM: &str = "farm-1f6d2a0e8c4b4a9f9d3e7c5b2a1f0e9d";
const QUEUE: &str = "queue-7e3c9b1a5d2f4e8c9a0b6d3f1e2c4a5b";
const JOB: &str = "job-4a2b8c6d0e1f3a5b7c9d2e4f6a8b0c1d";
const FLEET: &str = "fleet-2b3c4d5e6f708192a3b4c5d6e7f80912";
const WORKER: &str = "worker-9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a49";
const SESSION: &str = "session-0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const SESSION_ACTION: &str = "sessionaction-0a1b2c3d4e5f60718293a4b5c6d7e8f9-12";

/// Starts the service on a free loopback port.
async fn serve() -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        axum::serve(listener, app(Data::bundled())).await.unwrap();
    });
    addr
}

/// Deadline's operations carry a `management.` host prefix, which no loopback name has: this
/// takes it off the request's host before it is sent.
#[derive(Debug)]
struct NoHostPrefix;

impl aws_sdk_deadline::config::Intercept for NoHostPrefix {
    fn name(&self) -> &'static str {
        "NoHostPrefix"
    }

    fn modify_before_transmit(
        &self,
        context: &mut aws_sdk_deadline::config::interceptors::BeforeTransmitInterceptorContextMut<
            '_,
        >,
        _: &aws_sdk_deadline::config::RuntimeComponents,
        _: &mut aws_sdk_deadline::config::ConfigBag,
    ) -> Result<(), aws_sdk_deadline::error::BoxError> {
        let request = context.request_mut();
        let uri = request.uri().replacen("://management.", "://", 1);
        request.set_uri(uri)?;
        Ok(())
    }
}

fn deadline(addr: SocketAddr) -> aws_sdk_deadline::Client {
    let config = aws_sdk_deadline::Config::builder()
        .behavior_version(aws_sdk_deadline::config::BehaviorVersion::latest())
        .region(aws_sdk_deadline::config::Region::new("us-west-2"))
        .credentials_provider(aws_sdk_deadline::config::Credentials::new(
            "AKIDTEST",
            "test-secret",
            None,
            None,
            "tests",
        ))
        .endpoint_url(format!("http://{addr}"))
        .http_client(aws_smithy_http_client::Builder::new().build_http())
        .interceptor(NoHostPrefix)
        .build();
    aws_sdk_deadline::Client::from_conf(config)
}

fn glue(addr: SocketAddr) -> aws_sdk_glue::Client {
    let config = aws_sdk_glue::Config::builder()
        .behavior_version(aws_sdk_glue::config::BehaviorVersion::latest())
        .region(aws_sdk_glue::config::Region::new("us-west-2"))
        .credentials_provider(aws_sdk_glue::config::Credentials::new(
            "AKIDTEST",
            "test-secret",
            None,
            None,
            "tests",
        ))
        .endpoint_url(format!("http://{addr}"))
        .http_client(aws_smithy_http_client::Builder::new().build_http())
        .build();
    aws_sdk_glue::Client::from_conf(config)
}

/// The Deadline `ValidationException` an error is, with its reason and field names.
fn validation(error: aws_sdk_deadline::Error) -> (ValidationExceptionReason, Vec<String>) {
    match error {
        aws_sdk_deadline::Error::ValidationException(e) => (
            e.reason().clone(),
            e.field_list().iter().map(|f| f.name().to_owned()).collect(),
        ),
        other => panic!("expected a ValidationException, got {other:?}"),
    }
}

#[tokio::test]
async fn deadline_calls_read_as_the_sdks_own_types() {
    let client = deadline(serve().await);
    let sessions = client
        .list_sessions()
        .farm_id(FARM)
        .queue_id(QUEUE)
        .job_id(JOB)
        .max_results(10)
        .send()
        .await
        .unwrap();
    assert_eq!(sessions.sessions()[0].session_id(), SESSION);
    assert!(sessions.next_token().is_none());
    // Pages of one: the SDK follows the service's token to the second.
    let page = client
        .list_sessions_for_worker()
        .farm_id(FARM)
        .fleet_id(FLEET)
        .worker_id(WORKER)
        .max_results(1)
        .send()
        .await
        .unwrap();
    assert_eq!(page.sessions().len(), 1);
    let token = page.next_token().expect("a second page").to_owned();
    let rest = client
        .list_sessions_for_worker()
        .farm_id(FARM)
        .fleet_id(FLEET)
        .worker_id(WORKER)
        .max_results(1)
        .next_token(token)
        .send()
        .await
        .unwrap();
    assert_eq!(rest.sessions().len(), 1);
    assert_ne!(
        rest.sessions()[0].session_id(),
        page.sessions()[0].session_id()
    );
    assert!(rest.next_token().is_none());
    let session = client
        .get_session()
        .farm_id(FARM)
        .queue_id(QUEUE)
        .job_id(JOB)
        .session_id(SESSION)
        .send()
        .await
        .unwrap();
    assert_eq!(session.fleet_id(), FLEET);
    let action = client
        .get_session_action()
        .farm_id(FARM)
        .queue_id(QUEUE)
        .job_id(JOB)
        .session_action_id(SESSION_ACTION)
        .send()
        .await
        .unwrap();
    assert_eq!(action.session_action_id(), SESSION_ACTION);
}

#[tokio::test]
async fn deadline_refusals_are_the_sdks_typed_validation_exception() {
    let client = deadline(serve().await);
    for max in [0, 101] {
        let error = client
            .list_sessions()
            .farm_id(FARM)
            .queue_id(QUEUE)
            .job_id(JOB)
            .max_results(max)
            .send()
            .await
            .unwrap_err();
        let (reason, fields) = validation(error.into());
        assert_eq!(reason, ValidationExceptionReason::FieldValidationFailed);
        assert_eq!(fields, ["maxResults"], "maxResults = {max}");
    }
    // A malformed label, and two bad fields at once.
    let error = client
        .list_sessions()
        .farm_id("farm-NOTHEX")
        .queue_id(QUEUE)
        .job_id(JOB)
        .next_token("t".repeat(4097))
        .send()
        .await
        .unwrap_err();
    let (_, fields) = validation(error.into());
    assert_eq!(fields, ["farmId", "nextToken"]);
    let error = client
        .get_session_action()
        .farm_id(FARM)
        .queue_id(QUEUE)
        .job_id(JOB)
        .session_action_id("sessionaction-x-1")
        .send()
        .await
        .unwrap_err();
    let (_, fields) = validation(error.into());
    assert_eq!(fields, ["sessionActionId"]);
    // An unknown resource is the SDK's ResourceNotFoundException.
    let error = client
        .get_session()
        .farm_id(FARM)
        .queue_id(QUEUE)
        .job_id(JOB)
        .session_id("session-ffffffffffffffffffffffffffffffff")
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(
            aws_sdk_deadline::Error::from(error),
            aws_sdk_deadline::Error::ResourceNotFoundException(_)
        ),
        "an unknown session"
    );
}

#[tokio::test]
async fn glue_calls_and_refusals() {
    let client = glue(serve().await);
    let sessions = client.list_sessions().max_results(10).send().await.unwrap();
    assert!(!sessions.ids().is_empty());
    assert_eq!(sessions.ids().len(), sessions.sessions().len());
    let mut request = client.list_sessions();
    for i in 0..51 {
        request = request.tags(format!("k{i}"), "v");
    }
    let error = request.send().await.unwrap_err();
    match aws_sdk_glue::Error::from(error) {
        aws_sdk_glue::Error::InvalidInputException(e) => {
            let message = e.message().unwrap_or_default();
            assert!(
                message.contains("'tags'") || message.contains("Tags"),
                "{message}"
            );
        }
        other => panic!("expected an InvalidInputException, got {other:?}"),
    }
    let error = client
        .list_sessions()
        .request_origin("not an origin!")
        .send()
        .await
        .unwrap_err();
    assert!(matches!(
        aws_sdk_glue::Error::from(error),
        aws_sdk_glue::Error::InvalidInputException(_)
    ));
}

/// Sends `request` as raw HTTP/1.1 and reads the whole answer.
async fn raw(addr: SocketAddr, request: String) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.unwrap();
    answer
}

fn glue_post(body: &str, target: Option<&str>) -> String {
    let target = target.map_or(String::new(), |t| format!("X-Amz-Target: {t}\r\n"));
    format!(
        "POST / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/x-amz-json-1.1\r\n{target}Content-Length: {}\r\n\r\n{body}",
        body.len()
    )
}

#[tokio::test]
async fn a_plain_http_client_gets_serialization_errors_for_malformed_input() {
    let addr = serve().await;
    let answer = raw(
        addr,
        glue_post("{\"MaxResults\": ", Some("AWSGlue.ListSessions")),
    )
    .await;
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    assert!(answer.contains("SerializationException"), "{answer}");
    let answer = raw(addr, glue_post("{}", None)).await;
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    assert!(answer.contains("UnknownOperationException"), "{answer}");
    let answer = raw(addr, glue_post("[]", Some("AWSGlue.ListSessions"))).await;
    assert!(answer.contains("SerializationException"), "{answer}");
    let path =
        format!("/2023-10-12/farms/{FARM}/queues/{QUEUE}/jobs/{JOB}/sessions?maxResults=many");
    let answer = raw(
        addr,
        format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
    )
    .await;
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    assert!(answer.contains("CANNOT_PARSE"), "{answer}");
}
