//! Pattern matching speed beyond the simple IDs, side by side in one run:
//!
//! - a 10,000-record payload of the shapes that need more than a literal prefix and a run
//!   (`SessionActionId` and `TaskId`, alternations; an IAM role ARN with `[^:]*` and `.+`),
//!   deserialized into plain strings, into constrained types, and with the peers;
//! - every pattern of the AWS corpus that `regex` can also parse, matched by `constrained` and
//!   by `regex::Regex::is_match` on the same generated values: the distribution of the ratio;
//! - the two patterns cut in two on values too long for their relaxed automaton, which take
//!   the split walk.
//!
//! See BENCHMARKS.md for the numbers.

// The structures only need to be built; the benchmark never reads them back.
#![allow(dead_code)]

use constrained::Constrained;
#[macro_use]
#[path = "common/regex_newtype.rs"]
mod regex_newtype;

use criterion::{Criterion, criterion_group, criterion_main};
use serde::Deserialize;
use std::hint::black_box;
use std::sync::LazyLock;
use std::time::Instant;

#[path = "../tests/aws_patterns/types.rs"]
mod types;

#[path = "../tests/aws_patterns/values.rs"]
mod values;

const RECORDS: usize = 10_000;
const SESSION_ACTION: &str = "sessionaction-[0-9a-f]{32}-(0|([1-9][0-9]{0,9}))";
const TASK: &str = "task-[0-9a-f]{32}-(0|([1-9][0-9]{0,9}))";
const ROLE: &str = "arn:aws[^:]*:iam::[0-9]*:role/.+";

/// A deterministic payload: `{"actions":[{"sessionActionId":…,"taskId":…,"roleArn":…},…]}`.
fn payload() -> String {
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let records: Vec<String> = (0..RECORDS)
        .map(|i| {
            let (a, b, c, d) = (next(), next(), next(), next());
            format!(
                r#"{{"sessionActionId":"sessionaction-{a:016x}{b:016x}-{}","taskId":"task-{c:016x}{d:016x}-{}","roleArn":"arn:aws:iam::123456789012:role/service-role/Worker-{:x}"}}"#,
                i % 1000,
                i % 7,
                a >> 40
            )
        })
        .collect();
    format!(r#"{{"actions":[{}]}}"#, records.join(","))
}

mod plain {
    use super::*;

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Action {
        pub session_action_id: String,
        pub task_id: String,
        pub role_arn: String,
    }

    #[derive(Deserialize)]
    pub struct Actions {
        pub actions: Vec<Action>,
    }
}

mod ours {
    use super::*;

    #[derive(Debug, Constrained)]
    #[constrained(pattern = "sessionaction-[0-9a-f]{32}-(0|([1-9][0-9]{0,9}))")]
    pub struct SessionActionId(String);

    #[derive(Debug, Constrained)]
    #[constrained(pattern = "task-[0-9a-f]{32}-(0|([1-9][0-9]{0,9}))")]
    pub struct TaskId(String);

    #[derive(Debug, Constrained)]
    #[constrained(pattern = "arn:aws[^:]*:iam::[0-9]*:role/.+")]
    pub struct RoleArn(String);

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Action {
        pub session_action_id: SessionActionId,
        pub task_id: TaskId,
        pub role_arn: RoleArn,
    }

    #[derive(Deserialize)]
    pub struct Actions {
        pub actions: Vec<Action>,
    }
}

mod with_nutype {
    use super::*;
    use nutype::nutype;

    #[nutype(
        validate(regex = "^sessionaction-[0-9a-f]{32}-(0|([1-9][0-9]{0,9}))$"),
        derive(Deserialize)
    )]
    pub struct SessionActionId(String);

    #[nutype(
        validate(regex = "^task-[0-9a-f]{32}-(0|([1-9][0-9]{0,9}))$"),
        derive(Deserialize)
    )]
    pub struct TaskId(String);

    #[nutype(
        validate(regex = "^arn:aws[^:]*:iam::[0-9]*:role/.+$"),
        derive(Deserialize)
    )]
    pub struct RoleArn(String);

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Action {
        pub session_action_id: SessionActionId,
        pub task_id: TaskId,
        pub role_arn: RoleArn,
    }

    #[derive(Deserialize)]
    pub struct Actions {
        pub actions: Vec<Action>,
    }
}

mod with_garde {
    use super::*;

    #[derive(Deserialize, garde::Validate)]
    #[serde(rename_all = "camelCase")]
    pub struct Action {
        #[garde(pattern(r"^sessionaction-[0-9a-f]{32}-(0|([1-9][0-9]{0,9}))$"))]
        pub session_action_id: String,
        #[garde(pattern(r"^task-[0-9a-f]{32}-(0|([1-9][0-9]{0,9}))$"))]
        pub task_id: String,
        #[garde(pattern(r"^arn:aws[^:]*:iam::[0-9]*:role/.+$"))]
        pub role_arn: String,
    }

    #[derive(Deserialize, garde::Validate)]
    pub struct Actions {
        #[garde(dive)]
        pub actions: Vec<Action>,
    }
}

mod with_validator {
    use super::*;
    use regex::Regex;
    use validator::Validate;

    static SESSION_ACTION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^sessionaction-[0-9a-f]{32}-(0|([1-9][0-9]{0,9}))$").unwrap()
    });
    static TASK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^task-[0-9a-f]{32}-(0|([1-9][0-9]{0,9}))$").unwrap());
    static ROLE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^arn:aws[^:]*:iam::[0-9]*:role/.+$").unwrap());

    #[derive(Deserialize, Validate)]
    #[serde(rename_all = "camelCase")]
    pub struct Action {
        #[validate(regex(path = *SESSION_ACTION))]
        pub session_action_id: String,
        #[validate(regex(path = *TASK))]
        pub task_id: String,
        #[validate(regex(path = *ROLE))]
        pub role_arn: String,
    }

    #[derive(Deserialize, Validate)]
    pub struct Actions {
        #[validate(nested)]
        pub actions: Vec<Action>,
    }
}

mod naive_regex {
    use super::*;
    regex_newtype!(
        SessionActionId,
        "^sessionaction-[0-9a-f]{32}-(0|([1-9][0-9]{0,9}))$"
    );
    regex_newtype!(TaskId, "^task-[0-9a-f]{32}-(0|([1-9][0-9]{0,9}))$");
    regex_newtype!(RoleArn, "^arn:aws[^:]*:iam::[0-9]*:role/.+$");

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Action {
        pub session_action_id: SessionActionId,
        pub task_id: TaskId,
        pub role_arn: RoleArn,
    }

    #[derive(Deserialize)]
    pub struct Actions {
        pub actions: Vec<Action>,
    }
}

fn payload_benchmarks(c: &mut Criterion) {
    let json = payload();
    assert!(serde_json::from_str::<ours::Actions>(&json).is_ok());
    assert!(serde_json::from_str::<with_nutype::Actions>(&json).is_ok());
    assert!(serde_json::from_str::<naive_regex::Actions>(&json).is_ok());
    let mut group = c.benchmark_group("actions_10k");
    group.sample_size(30);
    group.bench_function("plain (no checks)", |b| {
        b.iter(|| serde_json::from_str::<plain::Actions>(black_box(&json)).unwrap())
    });
    group.bench_function("constrained", |b| {
        b.iter(|| serde_json::from_str::<ours::Actions>(black_box(&json)).unwrap())
    });
    group.bench_function("nutype", |b| {
        b.iter(|| serde_json::from_str::<with_nutype::Actions>(black_box(&json)).unwrap())
    });
    group.bench_function("garde", |b| {
        use garde::Validate as _;
        b.iter(|| {
            let r: with_garde::Actions = serde_json::from_str(black_box(&json)).unwrap();
            r.validate().unwrap();
            r
        })
    });
    group.bench_function("validator", |b| {
        use validator::Validate as _;
        b.iter(|| {
            let r: with_validator::Actions = serde_json::from_str(black_box(&json)).unwrap();
            r.validate().unwrap();
            r
        })
    });
    group.bench_function("LazyLock<Regex> newtype", |b| {
        b.iter(|| serde_json::from_str::<naive_regex::Actions>(black_box(&json)).unwrap())
    });
    group.finish();

    let mut group = c.benchmark_group("one_id");
    let ids = [
        (
            SESSION_ACTION,
            "sessionaction-0123456789abcdef0123456789abcdef-12",
            ours::SessionActionId::RULES.pattern.unwrap(),
        ),
        (
            TASK,
            "task-0123456789abcdef0123456789abcdef-3",
            ours::TaskId::RULES.pattern.unwrap(),
        ),
        (
            ROLE,
            "arn:aws:iam::123456789012:role/service-role/Worker-1a2b3c",
            ours::RoleArn::RULES.pattern.unwrap(),
        ),
    ];
    for (source, id, pattern) in ids {
        let regex = regex::Regex::new(&format!("^(?:{source})$")).unwrap();
        assert!(pattern.is_match(id) && regex.is_match(id));
        group.bench_function(format!("{source}: constrained"), |b| {
            b.iter(|| pattern.is_match(black_box(id)))
        });
        group.bench_function(format!("{source}: regex::Regex::is_match"), |b| {
            b.iter(|| regex.is_match(black_box(id)))
        });
    }
    group.finish();
}

/// Every corpus pattern `regex` parses (written as Java writes it, anchored), on the same values
/// for both: the ratio of `constrained`'s time to `regex`'s, per pattern. `CORPUS_ONLY=text`
/// times only the patterns that contain `text`.
fn corpus_distribution(_: &mut Criterion) {
    let mut rng = values::Rng(0x2545_f491_4f6c_dd1d);
    let mut ratios: Vec<(f64, &str)> = Vec::new();
    let mut skipped = 0;
    let only = std::env::var("CORPUS_ONLY").ok();
    for (pattern, source) in types::DECLARED {
        if only
            .as_ref()
            .is_some_and(|text| !source.contains(text.as_str()))
        {
            continue;
        }
        let pattern = pattern.unwrap();
        let Ok(regex) = regex::Regex::new(&format!("^(?:{source})$")) else {
            skipped += 1;
            continue;
        };
        let mut inputs: Vec<String> = values::POOL.iter().map(|s| s.to_string()).collect();
        if let Some(automaton) = &pattern.automaton {
            let walker = constrained::generate::LiveWalk::new(automaton);
            for limit in [8, 24, 48] {
                if let Some(word) = values::walk(&walker, &mut rng, limit) {
                    values::mutations(&word, &mut rng, &mut inputs);
                    inputs.push(word);
                }
            }
        }
        let ratio = time_ratio(&inputs, 40, &|s| pattern.is_match(s), &|s| {
            regex.is_match(s)
        });
        ratios.push((ratio, source));
    }
    if ratios.is_empty() {
        println!("corpus: no pattern contains {only:?}");
        return;
    }
    ratios.sort_by(|a, b| a.0.total_cmp(&b.0));
    let at = |q: f64| ratios[((ratios.len() - 1) as f64 * q) as usize].0;
    let slower = ratios.iter().filter(|r| r.0 > 1.0).count();
    println!(
        "corpus: {} patterns against regex ({skipped} regex cannot parse); time ratio constrained / \
         regex: median {:.2}, p90 {:.2}, p99 {:.2}, worst {:.2}; slower than regex: {slower}",
        ratios.len(),
        at(0.5),
        at(0.9),
        at(0.99),
        at(1.0),
    );
    // Every pattern slower than regex, and at least the ten slowest.
    for (ratio, source) in ratios.iter().rev().take(slower.max(10)) {
        println!("  {ratio:.2} {source}");
    }
}

/// The ratio of the time `ours` takes to match every one of `inputs`, `passes` times over, to
/// the time `theirs` takes: the best of five rounds each, taken in turns so that a pause of the
/// machine does not fall on one side's rounds only.
fn time_ratio(
    inputs: &[String],
    passes: usize,
    ours: &dyn Fn(&str) -> bool,
    theirs: &dyn Fn(&str) -> bool,
) -> f64 {
    let time = |matches: &dyn Fn(&str) -> bool| {
        let started = Instant::now();
        for _ in 0..passes {
            for input in inputs {
                black_box(matches(black_box(input)));
            }
        }
        started.elapsed().as_nanos() as f64
    };
    let (mut best_ours, mut best_theirs) = (f64::MAX, f64::MAX);
    for _ in 0..5 {
        best_ours = best_ours.min(time(ours));
        best_theirs = best_theirs.min(time(theirs));
    }
    best_ours / best_theirs
}

/// The two corpus patterns cut in two, on values long enough to take the split walk (a head
/// walk and a tail walk) rather than the relaxed automaton: the ratio of `constrained`'s time
/// to `regex`'s on each value.
fn cut_patterns_on_long_values(_: &mut Criterion) {
    let declared = |start: &str| {
        types::DECLARED
            .iter()
            .find(|(_, source)| source.starts_with(start))
            .map(|&(pattern, source)| (pattern.unwrap(), source))
            .unwrap()
    };
    let cycle = |text: &str, n: usize| text.chars().cycle().take(n).collect::<String>();
    let domain = "arn:aws:cases:us-east-1:123456789012:domain/";
    // (the part before `/case/`, the part after), each as a match and with a line feed after.
    let cases = [(300, 300), (500, 500), (100, 500), (20, 480), (700, 10)]
        .iter()
        .flat_map(|&(head, tail)| {
            let value = format!(
                "{domain}{}/case/{}",
                cycle("ab/c:Z", head),
                cycle("xY/.:9", tail)
            );
            [value.clone(), value + "\n"]
        });
    // (host, what follows the domain), with and without `www.`.
    let urls = [(20, 300), (250, 10), (250, 1000), (40, 2000), (300, 10)]
        .iter()
        .flat_map(|&(host, rest)| {
            let (host, rest) = (cycle("exa.mple-9", host), cycle("/p?q=1&x.y", rest));
            [
                format!("https://www.{host}.com{rest}"),
                format!("https://{host}.com{rest} "),
            ]
        });
    let mut slower = 0;
    let mut total = 0;
    for ((pattern, source), values) in [
        (declared("arn:[a-z-]*?:cases:"), cases.collect::<Vec<_>>()),
        (declared("https?://(?:www.)?"), urls.collect()),
    ] {
        let regex = regex::Regex::new(&format!("^(?:{source})$")).unwrap();
        let below = pattern
            .automaton
            .as_ref()
            .unwrap()
            .relaxed
            .as_ref()
            .unwrap()
            .below;
        for value in &values {
            assert!(value.len() >= below);
            assert_eq!(pattern.is_match(value), regex.is_match(value), "{value}");
            let ratio = time_ratio(
                std::slice::from_ref(value),
                400,
                &|s| pattern.is_match(s),
                &|s| regex.is_match(s),
            );
            slower += usize::from(ratio > 1.0);
            total += 1;
            println!(
                "cut, long: {ratio:.2} on {} bytes ({}) of {source}",
                value.len(),
                if regex.is_match(value) {
                    "a match"
                } else {
                    "no match"
                }
            );
        }
    }
    println!("cut, long: slower than regex on {slower} of {total} values");
}

criterion_group!(
    benches,
    payload_benchmarks,
    corpus_distribution,
    cut_patterns_on_long_values
);
criterion_main!(benches);
