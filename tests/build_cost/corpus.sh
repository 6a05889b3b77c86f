#!/usr/bin/env bash
# Measures what the AWS pattern corpus costs to build: a crate declaring every pattern of the
# botocore models that compiles at build time (tests/tests/aws_patterns/types.rs) as a
# constrained type, built in the debug profile from nothing, then rebuilt after touching it;
# once with the proc macro as cargo builds it by default (unoptimized in debug), once with
# `[profile.dev.build-override] opt-level = 3`. Also prints the compile time per pattern.
#
#   bash tests/build_cost/corpus.sh [WORK_DIR]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-$(mktemp -d)}
mkdir -p "$work"

# shellcheck source=seconds.sh
source "$repo/tests/build_cost/seconds.sh"

types=$(grep -c '^#\[derive(Constrained)\]' "$repo/tests/tests/aws_patterns/types.rs")
for variant in default optimized-macro; do
    dir="$work/corpus-$variant"
    rm -rf "$dir"
    mkdir -p "$dir/src"
    {
        printf '[package]\nname = "aws_corpus"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n'
        printf '[dependencies]\nconstrained = { path = "%s/core" }\n\n' "$repo"
        if [ "$variant" = optimized-macro ]; then
            printf '[profile.dev.build-override]\nopt-level = 3\n\n'
        fi
        printf '[workspace]\n'
    } > "$dir/Cargo.toml"
    cp "$repo/tests/tests/aws_patterns/types.rs" "$dir/src/lib.rs"
    clean=$(cd "$dir" && seconds cargo build --offline)
    echo "// touched" >> "$dir/src/lib.rs"
    touched=$(cd "$dir" && seconds cargo build --offline)
    echo "$variant: $types types; clean cargo build ${clean}s, after touching the source ${touched}s"
done

echo "compile time per pattern (optimized, as the workspace builds the macro):"
(cd "$repo" && CORPUS_TIMES=1 cargo test --release -q -p constrained-macros corpus -- --nocapture 2>/dev/null | grep 'compile time')
