#!/usr/bin/env bash
# Measures what a crate of constrained types costs to build, next to the same crate with the
# peers: a clean `cargo build --release` of a tiny crate with 10 types, and an incremental
# rebuild of a crate with 100 types after touching its source. Prints seconds per variant.
#
#   bash tests/build_cost/measure.sh [WORK_DIR]
#
# Every variant gets its own target directory; crates come from the local cargo cache.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-$(mktemp -d)}
mkdir -p "$work"

ids=(farm fleet worker queue job session step limit task action)

manifest() { # name, extra dependency lines
    cat <<TOML
[package]
name = "$1"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
serde = { version = "1", features = ["derive"] }
serde_json = "1"
$2

[workspace]
TOML
}

types() { # variant, count
    local variant=$1 count=$2
    for ((i = 0; i < count; i++)); do
        local id=${ids[$((i % 10))]}
        case $variant in
        baseline) printf '#[derive(serde::Deserialize)]\npub struct Id%d(pub String);\n' "$i" ;;
        constrained) printf '#[derive(constrained::Constrained)]\n#[constrained(pattern = "%s-[0-9a-f]{32}")]\npub struct Id%d(String);\n' "$id" "$i" ;;
        nutype) printf '#[nutype::nutype(validate(regex = "^%s-[0-9a-f]{32}$"), derive(Deserialize))]\npub struct Id%d(String);\n' "$id" "$i" ;;
        garde) printf '#[derive(serde::Deserialize, garde::Validate)]\npub struct Id%d(#[garde(pattern(r"^%s-[0-9a-f]{32}$"))] pub String);\n' "$i" "$id" ;;
        validator) printf 'static RE%d: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| regex::Regex::new(r"^%s-[0-9a-f]{32}$").unwrap());\n#[derive(serde::Deserialize, validator::Validate)]\npub struct Id%d { #[validate(regex(path = *RE%d))] pub id: String }\n' "$i" "$id" "$i" "$i" ;;
        regex) printf 'static RE%d: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| regex::Regex::new(r"^%s-[0-9a-f]{32}$").unwrap());\n#[derive(serde::Deserialize)]\npub struct Id%d(pub String);\npub fn check%d(id: &Id%d) -> bool { RE%d.is_match(&id.0) }\n' "$i" "$id" "$i" "$i" "$i" "$i" ;;
        esac
    done
}

deps() {
    case $1 in
    baseline) ;;
    constrained) echo "constrained = { path = \"$repo/core\" }" ;;
    # nutype's generated code names `::regex`, so its users depend on regex themselves.
    nutype) printf 'nutype = { version = "0.8", features = ["regex", "serde"] }\nregex = "1"\n' ;;
    garde) echo 'garde = { version = "0.23", features = ["derive", "regex"] }' ;;
    validator) printf 'validator = { version = "0.21", features = ["derive"] }\nregex = "1"\n' ;;
    regex) echo 'regex = "1"' ;;
    esac
}

make_crate() { # variant, count
    local dir="$work/$1-$2"
    rm -rf "$dir"
    mkdir -p "$dir/src"
    manifest "cost_$1" "$(deps "$1")" > "$dir/Cargo.toml"
    types "$1" "$2" > "$dir/src/lib.rs"
    echo "$dir"
}

# shellcheck source=seconds.sh
source "$repo/tests/build_cost/seconds.sh"

echo "clean cargo build --release, 10 types (seconds)"
for variant in baseline regex constrained nutype garde validator; do
    dir=$(make_crate "$variant" 10)
    (cd "$dir" && cargo fetch -q > /dev/null 2>&1 || true)
    t=$(cd "$dir" && seconds cargo build --release --offline)
    echo "  $variant $t"
done

echo "incremental cargo build after touching the source, 100 types (seconds, median of 7)"
for variant in constrained nutype; do
    dir=$(make_crate "$variant" 100)
    (cd "$dir" && seconds cargo build --offline > /dev/null)
    runs=()
    for attempt in 1 2 3 4 5 6 7; do
        echo "// touched $attempt" >> "$dir/src/lib.rs"
        runs+=("$(cd "$dir" && seconds cargo build --offline)")
    done
    median=$(printf '%s\n' "${runs[@]}" | sort -n | sed -n 4p)
    echo "  $variant $median (runs: ${runs[*]})"
done
