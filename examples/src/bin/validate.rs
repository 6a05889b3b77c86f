//! `validate`: checks inbound JSON against the Deadline Cloud and Glue session APIs.
//!
//! ```text
//! validate [--shape NAME] [--format text|json|aws] [FILE]
//! validate --list-shapes
//! validate                      # the bundled examples, as a table
//! ```
//!
//! Exit status: 0 valid, 1 the document breaks rules, 2 the input is not JSON, the shape is
//! unknown, or the command line is wrong.

use examples::output::{self, Format};
use examples::shapes::{self, SHAPES};
use std::io::{Read, Write};
use std::process::ExitCode;

/// Each bundled file, by name, with its bytes compiled in, so the program runs from anywhere.
macro_rules! bundled {
    ($($name:literal),* $(,)?) => {
        [$(($name, include_bytes!(concat!("../../data/", $name)))),*]
    };
}

/// The bundled documents: valid and invalid requests and responses of the five operations.
const BUNDLED: &[(&str, &[u8])] = &bundled![
    "deadline.ListSessionsForWorkerRequest.valid.json",
    "deadline.ListSessionsForWorkerRequest.invalid.json",
    "deadline.ListSessionsForWorkerResponse.valid.json",
    "deadline.ListSessionsForWorkerResponse.invalid.json",
    "deadline.ListSessionsRequest.valid.json",
    "deadline.ListSessionsRequest.invalid.json",
    "deadline.ListSessionsResponse.valid.json",
    "deadline.ListSessionsResponse.invalid.json",
    "deadline.GetSessionRequest.valid.json",
    "deadline.GetSessionRequest.invalid.json",
    "deadline.GetSessionResponse.valid.json",
    "deadline.GetSessionResponse.invalid.json",
    "deadline.GetSessionActionRequest.valid.json",
    "deadline.GetSessionActionRequest.invalid.json",
    "deadline.GetSessionActionResponse.valid.json",
    "deadline.GetSessionActionResponse.invalid.json",
    "glue.ListSessionsRequest.valid.json",
    "glue.ListSessionsRequest.invalid.json",
    "glue.ListSessionsResponse.valid.json",
    "glue.ListSessionsResponse.invalid.json",
];

const USAGE: &str = "usage: validate [--shape NAME] [--format text|json|aws] [FILE]\n       validate --list-shapes\n       validate            (validates the bundled examples)";

/// A failure of the program itself: printed to stderr, exit status 2.
struct UsageError(String);

struct Options {
    shape: Option<String>,
    format: Format,
    file: Option<String>,
}

fn parse_options(args: &[String]) -> Result<Options, UsageError> {
    let mut options = Options {
        shape: None,
        format: Format::Text,
        file: None,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = |flag: &str| {
            args.next()
                .cloned()
                .ok_or_else(|| UsageError(format!("{flag} needs a value\n{USAGE}")))
        };
        match arg.as_str() {
            "--shape" => options.shape = Some(value("--shape")?),
            "--format" => {
                options.format = value("--format")?
                    .parse()
                    .map_err(|e| UsageError(format!("{e}\n{USAGE}")))?;
            }
            flag if flag.starts_with("--") => {
                return Err(UsageError(format!("unknown option `{flag}`\n{USAGE}")));
            }
            file if options.file.is_none() => options.file = Some(file.to_owned()),
            extra => {
                return Err(UsageError(format!(
                    "unexpected argument `{extra}`: give one FILE\n{USAGE}"
                )));
            }
        }
    }
    Ok(options)
}

/// `deadline.GetSessionRequest` from `…/deadline.GetSessionRequest.valid.json`.
fn shape_from_file_name(path: &str) -> Option<String> {
    let name = std::path::Path::new(path).file_name()?.to_str()?;
    let mut parts = name.split('.');
    let (service, shape) = (parts.next()?, parts.next()?);
    Some(format!("{service}.{shape}"))
}

fn read_input(file: Option<&str>) -> Result<Vec<u8>, UsageError> {
    match file {
        None | Some("-") => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| UsageError(format!("cannot read standard input: {e}")))?;
            Ok(bytes)
        }
        Some(path) => {
            std::fs::read(path).map_err(|e| UsageError(format!("cannot read {path}: {e}")))
        }
    }
}

fn validate_one(options: &Options) -> Result<ExitCode, UsageError> {
    let name = match (&options.shape, options.file.as_deref()) {
        (Some(shape), _) => shape.clone(),
        (None, Some(file)) if file != "-" => shape_from_file_name(file)
            .filter(|name| shapes::find(name).is_some())
            .ok_or_else(|| {
                UsageError(format!(
                    "cannot tell the shape from the file name `{file}`; name it with --shape (see --list-shapes)"
                ))
            })?,
        (None, _) => {
            return Err(UsageError(
                "name the shape of standard input with --shape (see --list-shapes)".into(),
            ));
        }
    };
    let shape = shapes::find(&name).ok_or_else(|| {
        UsageError(format!(
            "unknown shape `{name}`; see --list-shapes for every name"
        ))
    })?;
    let input = read_input(options.file.as_deref())?;
    let outcome = shape.validate(&input);
    // A reader that closed the pipe early (`| head`) has what it wanted: nothing to report.
    let _ = writeln!(
        std::io::stdout().lock(),
        "{}",
        output::render(&outcome, options.format, shape.service)
    );
    Ok(match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(constrained::DocumentError::Invalid(_)) => ExitCode::from(1),
        Err(constrained::DocumentError::Malformed(_)) => ExitCode::from(2),
    })
}

fn validate_bundled() -> ExitCode {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{:<52} {:<10} result", "bundled document", "expected");
    let mut surprises = 0;
    for (name, document) in BUNDLED {
        let expected_valid = name.ends_with(".valid.json");
        let outcome = shape_from_file_name(name)
            .and_then(|shape| shapes::find(&shape))
            .map(|shape| shape.validate(document));
        let (result, valid) = match &outcome {
            Some(Ok(())) => ("valid".to_owned(), true),
            Some(Err(constrained::DocumentError::Invalid(report))) => {
                (format!("{} violation(s)", report.total()), false)
            }
            Some(Err(constrained::DocumentError::Malformed(m))) => {
                (format!("malformed: {m}"), false)
            }
            None => ("no such shape".to_owned(), false),
        };
        if valid != expected_valid {
            surprises += 1;
        }
        let expected = if expected_valid { "valid" } else { "invalid" };
        let _ = writeln!(out, "{name:<52} {expected:<10} {result}");
    }
    let _ = writeln!(
        out,
        "\n{} documents, {} as expected. See one in detail: cargo run -p examples --bin validate -- examples/data/{}",
        BUNDLED.len(),
        BUNDLED.len() - surprises,
        BUNDLED[1].0
    );
    if surprises == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        return validate_bundled();
    }
    if args.iter().any(|a| a == "--list-shapes") {
        if args.len() > 1 {
            eprintln!("--list-shapes takes no other argument\n{USAGE}");
            return ExitCode::from(2);
        }
        let mut out = std::io::stdout().lock();
        for shape in SHAPES {
            // A closed pipe (`--list-shapes | head`) ends the listing quietly.
            if writeln!(out, "{}", shape.name).is_err() {
                break;
            }
        }
        return ExitCode::SUCCESS;
    }
    if args.iter().any(|a| a == "--help" || a == "-h") {
        let _ = writeln!(std::io::stdout().lock(), "{USAGE}");
        return ExitCode::SUCCESS;
    }
    match parse_options(&args).and_then(|options| validate_one(&options)) {
        Ok(code) => code,
        Err(UsageError(message)) => {
            eprintln!("validate: {message}");
            ExitCode::from(2)
        }
    }
}
