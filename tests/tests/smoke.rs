use constrained::Constrained;
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Constrained)]
#[constrained(pattern = "farm-[0-9a-f]{32}")]
pub struct FarmId(String);

#[derive(Debug, Clone, PartialEq, Eq, Hash, Constrained)]
#[constrained(length(min = 1, max = 128), pattern = r"[\.\-_A-Za-z0-9]+")]
pub struct RequestOrigin(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Constrained)]
#[constrained(range(min = 1, max = 100))]
pub struct MaxResults(i32);

#[derive(Debug, Clone, Copy, PartialEq, Constrained)]
#[constrained(range(min = 0, max = 100))]
pub struct ProgressPercent(f32);

#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(sensitive, length(max = 4096))]
pub struct ProgressMessage(String);

#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(
    length(max = 50),
    key(length(min = 1, max = 128)),
    value(length(max = 256))
)]
pub struct Tags(HashMap<String, String>);

#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(length(max = 1000), item(length(max = 255)))]
pub struct ConnectionStringList(Vec<String>);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Constrained)]
#[constrained(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SessionLifecycleStatus {
    Started,
    UpdateInProgress,
    UpdateSucceeded,
    UpdateFailed,
    Ended,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Constrained)]
pub enum WorkerType {
    Standard,
    #[constrained(rename = "G.1X")]
    G1X,
}

#[test]
fn smoke() {
    let id = "farm-0123456789abcdef0123456789abcdef";
    assert!(FarmId::new(id.into()).is_ok());
    assert_eq!(
        FarmId::new(format!("x{id}")).unwrap_err().to_string(),
        "Member must satisfy regular expression pattern: farm-[0-9a-f]{32}"
    );
    let e = serde_json::from_str::<MaxResults>("0").unwrap_err();
    println!("{e}");
    assert_eq!(
        serde_json::from_str::<WorkerType>("\"G.1X\"").unwrap(),
        WorkerType::G1X
    );
    println!(
        "{}",
        serde_json::from_str::<SessionLifecycleStatus>("\"X\"").unwrap_err()
    );
    println!(
        "{:?}",
        serde_json::from_str::<Tags>(r#"{"a": "b", "": "c"}"#)
    );
    println!("{:?}", serde_json::from_str::<ProgressPercent>("-0.0"));
    println!("{:?}", ProgressMessage::new("x".repeat(5000)));
    println!("{:?}", ConnectionStringList::new(vec!["a".repeat(300)]));
    println!("{:?}", RequestOrigin::try_from(""));
}
