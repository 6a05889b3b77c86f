//! `serve`: the Deadline Cloud and Glue session operations over HTTP, on the bundled data.
//!
//! `cargo run -p examples --bin serve -- --addr 127.0.0.1:8080`

use examples::service::{Data, app};
use std::process::ExitCode;

const USAGE: &str = "usage: serve [--addr HOST:PORT]   (default 127.0.0.1:8080)";

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let addr = match args.as_slice() {
        [] => "127.0.0.1:8080".to_owned(),
        [flag, addr] if flag == "--addr" => addr.clone(),
        [flag] if flag == "--help" || flag == "-h" => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("serve: {USAGE}");
            return ExitCode::from(2);
        }
    };
    let listener = match tokio::net::TcpListener::bind(&addr).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("serve: cannot listen on {addr}: {e}");
            return ExitCode::from(2);
        }
    };
    let local = listener.local_addr().map_or(addr, |a| a.to_string());
    eprintln!("serving Deadline Cloud and Glue sessions on http://{local} (Ctrl-C stops)");
    let stopped = async {
        let _ = tokio::signal::ctrl_c().await;
        eprintln!("stopping");
    };
    match axum::serve(listener, app(Data::bundled()))
        .with_graceful_shutdown(stopped)
        .await
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("serve: {e}");
            ExitCode::FAILURE
        }
    }
}
