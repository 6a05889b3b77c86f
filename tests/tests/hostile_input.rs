//! Hostile input is rejected before it is materialized, without panics: oversized strings and
//! collections, deep nesting, lone surrogates, out-of-range and non-finite numbers. Allocation
//! bounds are asserted with a counting allocator.

use constrained::Rule;
use constrained_tests::*;
use examples::deadline::{
    FarmId, MaxResults, ProcessExitCode, SessionActionProgressPercent, SessionLifecycleStatus,
};
use examples::glue::NameString;
use serde::de::IntoDeserializer;
use serde::de::value::Error as ValueError;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// Counts the bytes this thread allocates (tests run on several threads at once).
struct CountingAllocator;

thread_local! {
    static ALLOCATED: Cell<usize> = const { Cell::new(0) };
}

fn count(bytes: usize) {
    let _ = ALLOCATED.try_with(|a| a.set(a.get() + bytes));
}

// SAFETY: every call is forwarded to the system allocator unchanged; counting touches only a
// const-initialized thread-local `Cell`, which never allocates.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

/// Runs `f` and returns its result with the bytes it allocated on this thread.
fn allocated_by<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = ALLOCATED.with(Cell::get);
    let result = f();
    (result, ALLOCATED.with(Cell::get) - before)
}

const FEW_KB: usize = 4 * 1024;

#[test]
fn a_4_mb_string_is_rejected_without_being_copied() {
    let json = format!("\"{}\"", "a".repeat(4 << 20));
    let (result, bytes) = allocated_by(|| serde_json::from_str::<OrchestrationNameString>(&json));
    let err = result.unwrap_err();
    assert!(
        err.to_string()
            .starts_with("Member must have length between 1 and 128, inclusive")
    );
    assert!(bytes < FEW_KB, "allocated {bytes} bytes");

    let (result, bytes) = allocated_by(|| serde_json::from_slice::<FarmId>(json.as_bytes()));
    assert!(result.is_err());
    assert!(bytes < FEW_KB, "allocated {bytes} bytes");
}

#[test]
fn a_4_mb_string_keeps_only_a_short_echo() {
    let long = "a".repeat(4 << 20);
    let (result, bytes) = allocated_by(|| OrchestrationNameString::try_from(long.as_str()));
    let err = result.unwrap_err();
    assert_eq!(err.measured_length(), Some(4 << 20));
    assert!(err.value_truncated());
    assert!(bytes < FEW_KB, "allocated {bytes} bytes");
}

#[test]
fn a_million_entry_object_is_not_materialized() {
    let mut json = String::from("{");
    for i in 0..1_000_000 {
        if i > 0 {
            json.push(',');
        }
        json.push_str(&format!("\"k{i}\":\"v\""));
    }
    json.push('}');
    let (result, bytes) = allocated_by(|| serde_json::from_str::<TagsMap>(&json));
    let err = result.unwrap_err().to_string();
    assert!(
        err.starts_with("Member must have length between 0 and 50, inclusive"),
        "{err}"
    );
    assert!(
        bytes < 16 * 1024,
        "allocated {bytes} bytes for a 50-entry map"
    );
}

#[test]
fn a_million_item_list_keeps_at_most_max_items() {
    let json = format!("[{}\"\"]", "\"x\",".repeat(999_999));
    let (result, bytes) = allocated_by(|| serde_json::from_str::<ConnectionStringList>(&json));
    assert!(result.is_err());
    // 1000 one-byte strings and their vector, not a million.
    assert!(bytes < 128 * 1024, "allocated {bytes} bytes");
}

#[test]
fn the_real_size_is_reported_past_the_maximum() {
    let json = format!("[{}\"\"]", "\"x\",".repeat(1_499));
    let err = serde_json::from_str::<ConnectionStringList>(&json).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("Member must have length less than or equal to 1000")
    );
    let values: Vec<String> = vec![String::new(); 1500];
    let err = ConnectionStringList::new(values).unwrap_err();
    assert_eq!(err.measured_length(), Some(1500));
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(serde_json::from_str::<ConnectionStringList>(&deep).is_err());
    // Past the maximum, items are skipped rather than kept: skipping must be bounded too.
    let json = format!("[{}{deep}]", "\"\",".repeat(1000));
    assert!(serde_json::from_str::<ConnectionStringList>(&json).is_err());
    let deep_object = format!("{}1{}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
    assert!(serde_json::from_str::<TagsMap>(&deep_object).is_err());
}

#[test]
fn lone_surrogates_are_parse_errors() {
    for json in [
        r#""\ud800""#,
        r#""\udc00""#,
        r#""a\ud800b""#,
        r#""\udbff\u0041""#,
    ] {
        let err = serde_json::from_str::<NameString>(json).expect_err(json);
        assert!(!err.to_string().starts_with("Member"), "{json}: {err}");
    }
    // A properly paired escape is the astral character it encodes.
    let ok: NameString = serde_json::from_str(r#""\ud83d\ude00""#).unwrap();
    assert_eq!(ok.as_str(), "😀");
}

#[test]
fn invalid_utf8_is_a_parse_error() {
    let bytes = b"\"farm-\xff\"";
    assert!(serde_json::from_slice::<FarmId>(bytes).is_err());
    assert!(serde_json::from_slice::<SessionLifecycleStatus>(b"\"\xc3\x28\"").is_err());
}

#[test]
fn numbers_out_of_every_range() {
    for json in ["1e400", "-1e400", "NaN", "Infinity", "1e39"] {
        assert!(
            serde_json::from_str::<SessionActionProgressPercent>(json).is_err(),
            "{json}"
        );
    }
    for json in [
        "99999999999999999999999",
        "-99999999999999999999999",
        "1e400",
        "2147483648",
    ] {
        assert!(
            serde_json::from_str::<ProcessExitCode>(json).is_err(),
            "{json}"
        );
    }
    // JSON's `-0` is an integer (serde_json hands it over as `-0.0`); other floats are not.
    assert_eq!(
        serde_json::from_str::<ProcessExitCode>("-0")
            .unwrap()
            .into_inner(),
        0
    );
    assert_eq!(
        serde_json::from_str::<ProcessExitCode>("-0.0")
            .unwrap()
            .into_inner(),
        0
    );
    for json in ["0.0", "1.0", "1e2", "-1.5"] {
        assert!(
            serde_json::from_str::<ProcessExitCode>(json).is_err(),
            "{json}"
        );
    }
    let err = serde_json::from_str::<MaxResults>("-0").unwrap_err();
    assert!(
        err.to_string()
            .starts_with("Member must be between 1 and 100")
    );
}

#[test]
fn non_finite_floats_from_other_formats() {
    for special in [f32::NAN, f32::INFINITY, f32::NEG_INFINITY] {
        let deserializer: serde::de::value::F32Deserializer<ValueError> =
            special.into_deserializer();
        let err = serde::Deserialize::deserialize(deserializer)
            .map(|p: SessionActionProgressPercent| p.into_inner())
            .unwrap_err();
        assert_eq!(err.to_string(), "Member must be a finite number");
    }
    let err = SessionActionProgressPercent::new(f32::NAN).unwrap_err();
    assert_eq!(*err.rule(), Rule::NotFinite);
}

#[test]
fn a_huge_map_key_is_not_copied() {
    let json = format!("{{\"{}\":\"v\"}}", "k".repeat(4 << 20));
    let (result, bytes) = allocated_by(|| serde_json::from_str::<TagsMap>(&json));
    assert!(result.is_err());
    assert!(bytes < FEW_KB, "allocated {bytes} bytes");
}

/// A sequence that claims to hold far more items than it does.
struct LyingSeq(std::vec::IntoIter<&'static str>);

impl<'de> serde::de::SeqAccess<'de> for LyingSeq {
    type Error = ValueError;

    fn next_element_seed<T: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, ValueError> {
        self.0
            .next()
            .map(|item| seed.deserialize(item.into_deserializer()))
            .transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(usize::MAX / 2)
    }
}

#[test]
fn a_size_hint_does_not_decide_allocations() {
    // A format may claim any size up front; the claim is input and must not be trusted.
    let access = LyingSeq(vec!["x"; 3].into_iter());
    let deserializer = serde::de::value::SeqAccessDeserializer::new(access);
    let (result, bytes) =
        allocated_by(|| <ConnectionStringList as serde::Deserialize>::deserialize(deserializer));
    assert_eq!(result.unwrap().into_inner().len(), 3);
    assert!(bytes < 64 * 1024, "allocated {bytes} bytes");
}

#[test]
fn unknown_enum_values_are_not_copied_when_rejected() {
    let json = format!("\"{}\"", "X".repeat(4 << 20));
    let (result, bytes) = allocated_by(|| serde_json::from_str::<SessionLifecycleStatus>(&json));
    assert!(result.is_err());
    assert!(bytes < FEW_KB, "allocated {bytes} bytes");
}

#[test]
fn validating_allocates_nothing_beyond_the_value() {
    assert_eq!(size_of::<FarmId>(), size_of::<String>());
    assert_eq!(size_of::<Option<FarmId>>(), size_of::<Option<String>>());
    assert_eq!(size_of::<MaxResults>(), size_of::<i32>());
    assert_eq!(size_of::<SessionLifecycleStatus>(), 1);
    let json = "\"farm-0123456789abcdef0123456789abcdef\"";
    let (farm, bytes) = allocated_by(|| serde_json::from_str::<FarmId>(json).unwrap());
    assert_eq!(bytes, farm.as_str().len(), "only the string itself");
    let (_, bytes) =
        allocated_by(|| serde_json::from_str::<SessionLifecycleStatus>("\"ENDED\"").unwrap());
    assert_eq!(bytes, 0);
    let (_, bytes) = allocated_by(|| serde_json::from_str::<MaxResults>("50").unwrap());
    assert_eq!(bytes, 0);
    let (_, bytes) = allocated_by(|| FarmId::RULES.check("farm-0123456789abcdef0123456789abcdef"));
    assert_eq!(bytes, 0);
}
