//! What a Rust user reaches for first on a constrained type: `Deref`, `Borrow`, `From` into the
//! inner type, comparisons with `str`, checked literals and defaults, custom rules, sanitizers,
//! redacted sensitive formatting and a renamed crate path.

use constrained::{Constrained, DocumentError, Rule, Violation};
use constrained_tests::{ConnectionStringList, TagsMap};
use examples::deadline::{FarmId, MaxResults, SessionLifecycleStatus};
use std::borrow::Borrow;
use std::collections::{BTreeMap, HashMap, HashSet};

const FARM: &str = "farm-0123456789abcdef0123456789abcdef";

#[test]
fn strings_deref_borrow_and_compare_as_str() {
    let farm: FarmId = FARM.parse().unwrap();
    // Deref<Target = str>: every `str` method.
    assert_eq!(farm.len(), 37);
    assert!(farm.starts_with("farm-"));
    // Borrow<str>: a map keyed by the type is looked up by `&str`.
    let mut owners: HashMap<FarmId, &str> = HashMap::new();
    owners.insert(farm.clone(), "team");
    assert_eq!(owners.get(FARM), Some(&"team"));
    let set: HashSet<FarmId> = [farm.clone()].into();
    assert!(set.contains(FARM));
    let borrowed: &str = farm.borrow();
    assert_eq!(borrowed, FARM);
    // PartialEq with str, &str, both ways.
    assert!(farm == *FARM);
    assert!(farm == FARM);
    assert!(FARM == farm);
    assert!(*FARM == farm);
    assert!(farm != "farm-x");
    // From<FarmId> for String / Into<String>.
    let owned: String = farm.clone().into();
    assert_eq!(owned, FARM);
    assert_eq!(String::from(farm), FARM);
}

#[test]
fn numbers_lists_and_maps_convert_into_their_inner_types() {
    let page = MaxResults::new(25).unwrap();
    assert_eq!(i32::from(page), 25);
    let n: i32 = page.into();
    assert_eq!(n, 25);

    let list = ConnectionStringList::new(vec!["a".into(), "b".into()]).unwrap();
    // Deref<Target = [String]>, AsRef, IntoIterator for &T.
    assert_eq!(list.len(), 2);
    assert_eq!(list.first().map(String::as_str), Some("a"));
    assert_eq!((&list).into_iter().count(), 2);
    let as_slice: &[String] = list.as_ref();
    assert_eq!(as_slice.len(), 2);
    let items: Vec<String> = list.into();
    assert_eq!(items, ["a", "b"]);

    let tags = TagsMap::new(HashMap::from([("k".to_owned(), "v".to_owned())])).unwrap();
    assert_eq!(tags.get("k").map(String::as_str), Some("v"));
    assert_eq!((&tags).into_iter().count(), 1);
    let map: HashMap<String, String> = tags.into();
    assert_eq!(map.len(), 1);
}

#[derive(Debug, Clone, Copy, PartialEq, Constrained)]
#[constrained(range(min = -1.5, max = 2.5))]
struct Ratio(f64);

#[derive(Debug, Clone, PartialEq, Eq, Hash, Constrained)]
#[constrained(length(min = 1, max = 10), pattern = "[a-z]+")]
struct Word(String);

#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(length(max = 3))]
struct Short(String);

const PAGE: MaxResults = constrained::literal!(MaxResults, 100);
const NEGATIVE_ZERO: Ratio = constrained::literal!(Ratio, -0.0);
const ENDED: SessionLifecycleStatus = constrained::literal!(SessionLifecycleStatus, "ENDED");

#[test]
fn checked_literals_build_values_in_const_and_at_run_time() {
    assert_eq!(PAGE.into_inner(), 100);
    assert_eq!(ENDED, SessionLifecycleStatus::Ended);
    // -0.0 is stored as 0.0, as `new` stores it.
    assert!(NEGATIVE_ZERO.into_inner().is_sign_positive());
    let farm = constrained::literal!(FarmId, "farm-0123456789abcdef0123456789abcdef");
    assert_eq!(farm, FARM);
    let word = constrained::literal!(Word, "abc");
    assert_eq!(word, "abc");
    // Length counts characters, not bytes, in `const` evaluation too: six bytes, three chars.
    let short = constrained::literal!(Short, "ééé");
    assert_eq!(short.chars().count(), 3);
}

#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(length(min = 1, max = 8), default = "unnamed")]
struct Label(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Constrained)]
#[constrained(range(min = 1, max = 100), default = 25)]
struct PageSize(u8);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Constrained)]
#[constrained(rename_all = "SCREAMING_SNAKE_CASE", default = "RUNNING")]
enum Progress {
    Queued,
    Running,
    Done,
}

#[test]
fn checked_defaults() {
    assert_eq!(Label::default().as_str(), "unnamed");
    assert_eq!(PageSize::default().into_inner(), 25);
    assert_eq!(Progress::default(), Progress::Running);
    // The default satisfies the rules, as `new` checks them.
    assert!(Label::new(Label::default().into_inner()).is_ok());
}

const RESERVED: &[&str] = &["admin", "root"];

fn not_reserved(name: &str) -> Result<(), String> {
    if RESERVED.contains(&name) {
        Err(format!(
            "Member must not be a reserved name ({})",
            RESERVED.join(", ")
        ))
    } else {
        Ok(())
    }
}

fn even(value: &i64) -> Result<(), &'static str> {
    if value % 2 == 0 {
        Ok(())
    } else {
        Err("Member must be even")
    }
}

fn distinct(values: &[String]) -> Result<(), String> {
    let unique: HashSet<&String> = values.iter().collect();
    if unique.len() == values.len() {
        Ok(())
    } else {
        Err("Member must not repeat a value".into())
    }
}

fn secret_not_reserved(value: &String) -> Result<(), String> {
    if value == "hunter2" {
        Err(format!("`{value}` is a well-known password"))
    } else {
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(length(min = 1, max = 16), check = not_reserved)]
struct UserName(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Constrained)]
#[constrained(range(min = 0, max = 100), check = "even")]
struct Even(i64);

#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(length(max = 3), item(length(min = 1)), check = distinct)]
struct Distinct(Vec<String>);

#[derive(Clone, PartialEq, Eq, Constrained)]
#[constrained(sensitive, length(min = 1), check = secret_not_reserved)]
struct Password(String);

#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)] // Read only through reports.
struct Account {
    name: UserName,
    even: Even,
    distinct: Distinct,
    password: Password,
}

#[test]
fn custom_checks_run_after_the_built_in_rules() {
    let err = UserName::new("admin".into()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Member must not be a reserved name (admin, root)"
    );
    assert!(matches!(
        err.rule(),
        Rule::Custom {
            check: "not_reserved",
            ..
        }
    ));
    assert_eq!(err.value(), Some("admin"));
    // Built-in rules first: an empty name breaks `length`, not the check.
    assert!(matches!(
        UserName::new(String::new()).unwrap_err().rule(),
        Rule::Length { .. }
    ));
    assert!(UserName::try_from("root").is_err());
    assert!("alice".parse::<UserName>().is_ok());
    assert_eq!(Even::new(3).unwrap_err().to_string(), "Member must be even");
    assert!(
        Even::new(102)
            .unwrap_err()
            .to_string()
            .contains("between 0 and 100")
    );
    assert!(Distinct::new(vec!["a".into(), "a".into()]).is_err());
    // Serde's first-error path runs the check too.
    let err = serde_json::from_str::<UserName>(r#""root""#).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("Member must not be a reserved name")
    );
}

#[test]
fn custom_violations_are_reported_like_any_other_and_redacted_when_sensitive() {
    let json = r#"{"name": "admin", "even": 7, "distinct": ["x", "x"], "password": "hunter2"}"#;
    let Err(DocumentError::Invalid(report)) = constrained::from_json_str::<Account>(json) else {
        panic!("four custom violations");
    };
    let paths: Vec<String> = report
        .violations()
        .iter()
        .map(|v| v.path().json_pointer())
        .collect();
    assert_eq!(paths, ["/name", "/even", "/distinct", "/password"]);
    let body = report.smithy_body();
    assert!(body.contains(
        r#"{"path":"/name","message":"Value at '/name' failed to satisfy constraint: Member must not be a reserved name (admin, root)"}"#
    ), "{body}");
    // The sensitive type's message (which quotes the value) is withheld; the rule is named.
    assert!(
        body.contains("Member must satisfy secret_not_reserved"),
        "{body}"
    );
    let classic = report.to_string();
    assert!(classic.contains("Value 'admin' at 'name'"), "{classic}");
    assert!(
        classic.contains("Value '7' at 'even' failed to satisfy constraint: Member must be even")
    );
    for rendering in [body, classic, format!("{report:?}")] {
        assert!(!rendering.contains("hunter2"), "{rendering}");
    }
}

#[test]
fn a_custom_check_never_runs_on_a_value_that_broke_a_built_in_rule() {
    // The item breaks `item(length(min = 1))`; the list holds a placeholder for it, on which
    // `distinct` must not report a second, spurious violation.
    let json = r#"{"name": "ok", "even": 2, "distinct": ["", ""], "password": "p"}"#;
    let Err(DocumentError::Invalid(report)) = constrained::from_json_str::<Account>(json) else {
        panic!("two item violations");
    };
    let rules: Vec<&Rule> = report
        .violations()
        .iter()
        .map(|v| v.violation().rule())
        .collect();
    assert_eq!(rules.len(), 2, "{report}");
    assert!(rules.iter().all(|r| matches!(r, Rule::Length { .. })));
}

#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(
    sanitize(trim, lowercase),
    length(min = 1, max = 5),
    pattern = "[a-z]+"
)]
struct Tag(String);

#[derive(Debug, Clone, PartialEq, Eq, Constrained)]
#[constrained(sanitize(uppercase), pattern = "[A-Z]{3}")]
struct Currency(String);

#[test]
fn sanitizers_rewrite_before_the_rules() {
    assert_eq!(Tag::new("  Rust \n".into()).unwrap(), "rust");
    assert_eq!(Tag::try_from("RUST").unwrap(), "rust");
    // Length is measured after trimming.
    assert!(Tag::new("   abcde   ".into()).is_ok());
    assert!(Tag::new("  ".into()).is_err());
    assert_eq!(serde_json::from_str::<Currency>(r#""eur""#).unwrap(), "EUR");
    let err = Currency::new("euro".into()).unwrap_err();
    // The echoed value is the one the rules saw.
    assert_eq!(err.value(), Some("EURO"));
}

#[derive(Clone, PartialEq, Eq, Constrained)]
#[constrained(sensitive, length(max = 64))]
struct ProgressMessage(String);

#[derive(Clone, Copy, PartialEq, Eq, Constrained)]
#[constrained(sensitive, range(min = 0))]
struct Pin(u32);

#[derive(Clone, Copy, PartialEq, Eq, Constrained)]
#[constrained(sensitive)]
enum Clearance {
    Low,
    High,
}

#[test]
fn sensitive_types_never_format_their_value() {
    let message = ProgressMessage::new("correct horse".into()).unwrap();
    assert_eq!(format!("{message:?}"), "ProgressMessage(*** sensitive ***)");
    assert_eq!(format!("{message}"), "*** sensitive ***");
    assert_eq!(
        format!("{:#?}", Some(&message)),
        "Some(\n    ProgressMessage(*** sensitive ***),\n)"
    );
    assert_eq!(
        format!("{:?}", Pin::new(1234).unwrap()),
        "Pin(*** sensitive ***)"
    );
    assert_eq!(Pin::new(1234).unwrap().to_string(), "*** sensitive ***");
    assert_eq!(
        format!("{:?}", Clearance::High),
        "Clearance(*** sensitive ***)"
    );
    assert_eq!(Clearance::High.to_string(), "*** sensitive ***");
    // The value is still there for code that asks for it.
    assert_eq!(message.as_str(), "correct horse");
    assert_eq!(Clearance::High.as_str(), "High");
}

mod renamed {
    //! The crate reached by another path, as a renamed dependency would be.
    pub use constrained as aws_rules;
}

#[derive(Debug, Clone, PartialEq, Eq, renamed::aws_rules::Constrained)]
#[constrained(crate = "renamed::aws_rules", length(min = 1, max = 4), default = "x")]
struct ShortCode(String);

#[derive(Debug, Clone, PartialEq, Eq, renamed::aws_rules::Constrained)]
#[constrained(crate = "renamed::aws_rules")]
enum Side {
    Left,
    Right,
}

#[test]
fn generated_code_follows_the_crate_path() {
    assert!(ShortCode::new("toolong".into()).is_err());
    assert_eq!(ShortCode::default(), "x");
    assert_eq!("Left".parse::<Side>().unwrap(), Side::Left);
}

#[test]
fn violations_of_custom_rules_compare_and_clone() {
    let a = UserName::new("admin".into()).unwrap_err();
    let b: Violation = a.clone();
    assert_eq!(a, b);
    let _ = BTreeMap::from([(1, a)]);
}

#[test]
fn a_crate_with_no_other_dependency_uses_every_new_rule() {
    use constrained_tests::{AccountName, FIRST_PAGE, PageSize};
    assert_eq!(AccountName::new("  alice ".into()).unwrap(), "alice");
    assert!(AccountName::new(" ROOT ".into()).is_err());
    assert_eq!(PageSize::default().into_inner(), 25);
    assert_eq!(FIRST_PAGE.into_inner(), 1);
}
