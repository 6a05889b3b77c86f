//! Validates inbound JSON against the Deadline Cloud `ListSessions` request.
//!
//! `validate [FILE]`: validates FILE (or `-` for stdin); with no argument, the bundled documents
//! in `examples/data/`, printing what it found for each.

use examples::deadline::ListSessionsRequest;
use std::io::Read;
use std::process::ExitCode;

const BUNDLED: &[(&str, &str)] = &[
    (
        "deadline.ListSessionsRequest.valid.json",
        include_str!("../../data/deadline.ListSessionsRequest.valid.json"),
    ),
    (
        "deadline.ListSessionsRequest.invalid.json",
        include_str!("../../data/deadline.ListSessionsRequest.invalid.json"),
    ),
];

fn check(document: &str) -> Result<(), String> {
    serde_json::from_str::<ListSessionsRequest>(document)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [] => {
            println!("{:<45} result", "bundled document");
            for (name, document) in BUNDLED {
                let verdict = check(document).err().unwrap_or_else(|| "valid".into());
                println!("{name:<45} {verdict}");
            }
            ExitCode::SUCCESS
        }
        [path] => {
            let mut document = String::new();
            let read = if path == "-" {
                std::io::stdin().read_to_string(&mut document).map(|_| ())
            } else {
                std::fs::read_to_string(path).map(|text| document = text)
            };
            if let Err(e) = read {
                eprintln!("validate: cannot read {path}: {e}");
                return ExitCode::from(2);
            }
            match check(&document) {
                Ok(()) => {
                    println!("valid");
                    ExitCode::SUCCESS
                }
                Err(message) => {
                    println!("{message}");
                    ExitCode::from(1)
                }
            }
        }
        _ => {
            eprintln!("usage: validate [FILE]");
            ExitCode::from(2)
        }
    }
}
