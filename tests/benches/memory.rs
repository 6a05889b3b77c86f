//! Peak memory of reading a document, side by side in one run: plain serde_json into unvalidated
//! structures, the serde path into `constrained` types, and the report path
//! (`constrained::from_json_str`), on the 10,000-session payload (valid, and with its last ID
//! broken) and on large members the target type ignores. A counting allocator measures the peak
//! of live heap bytes above what was live before each read, input excluded; each figure is also
//! given per input byte. See BENCHMARKS.md.

#![allow(dead_code)]

#[path = "common/payload.rs"]
mod payload;

use payload::{broken_payload, ours, payload, plain};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            let grown = new_size - layout.size();
            let live = LIVE.fetch_add(grown, Ordering::Relaxed) + grown;
            PEAK.fetch_max(live, Ordering::Relaxed);
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The peak of live heap bytes while `read` runs and its result is alive, above what was live
/// before.
fn peak<T>(read: impl FnOnce() -> T) -> usize {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let value = read();
    let peak = PEAK.load(Ordering::Relaxed) - before;
    drop(value);
    peak
}

fn row(name: &str, input: usize, bytes: usize) {
    println!(
        "| {name} | {:.1} MB | {:.2} |",
        bytes as f64 / 1e6,
        bytes as f64 / input as f64
    );
}

/// A request whose only read member is `farmId`; everything else is ignored.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Narrow {
    farm_id: ours::FarmId,
}

fn main() {
    // `cargo test` runs benches once in test mode; the figures are for `cargo bench`.
    if std::env::args().any(|a| a == "--test") {
        return;
    }
    let json = payload();
    let broken = broken_payload(&json);
    println!(
        "\n## Peak heap, 10,000-session ListSessionsResponse ({} bytes)\n",
        json.len()
    );
    println!("| read | peak live heap | bytes per input byte |");
    println!("|---|---:|---:|");
    row(
        "plain structs, no checks (serde_json)",
        json.len(),
        peak(|| serde_json::from_str::<plain::ListSessionsResponse>(&json).unwrap()),
    );
    row(
        "constrained, serde path",
        json.len(),
        peak(|| serde_json::from_str::<ours::ListSessionsResponse>(&json).unwrap()),
    );
    row(
        "constrained report (from_json_str)",
        json.len(),
        peak(|| constrained::from_json_str::<ours::ListSessionsResponse>(&json).unwrap()),
    );
    row(
        "constrained report, last ID broken",
        broken.len(),
        peak(|| constrained::from_json_str::<ours::ListSessionsResponse>(&broken).is_err()),
    );

    let farm = "farm-0123456789abcdef0123456789abcdef";
    let zeros = format!(
        r#"{{"farmId": "{farm}", "ignored": [{}0]}}"#,
        "0,".repeat(5_000_000)
    );
    let objects = format!(
        r#"{{"farmId": "{farm}", "ignored": [{}{{}}]}}"#,
        "{},".repeat(3_333_333)
    );
    let broken_zeros = zeros.replace(farm, "farm-x");
    println!("\n## Peak heap, 10 MB inside a member the type ignores\n");
    println!("| document | read | peak live heap | bytes per input byte |");
    println!("|---|---|---:|---:|");
    for (name, document) in [
        ("`0,` × 5,000,000", &zeros),
        ("`{},` × 3,333,333", &objects),
        ("`0,` × 5,000,000, farmId broken", &broken_zeros),
    ] {
        let serde = peak(|| serde_json::from_str::<Narrow>(document).is_ok());
        let report = peak(|| constrained::from_json_str::<Narrow>(document).is_ok());
        println!(
            "| {name} | serde_json | {:.2} MB | {:.3} |",
            serde as f64 / 1e6,
            serde as f64 / document.len() as f64
        );
        println!(
            "| {name} | constrained report | {:.2} MB | {:.3} |",
            report as f64 / 1e6,
            report as f64 / document.len() as f64
        );
    }
}
