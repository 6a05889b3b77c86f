# Sourced by the build-cost scripts: `seconds COMMAND…` runs a build with its output in
# "$work/last-build.log" and prints how many seconds it took. A failed build stops the
# measurement, since its time would mean nothing.
seconds() {
    local start end
    start=$(date +%s%N)
    if ! "$@" > "$work/last-build.log" 2>&1; then
        echo "build failed in $(pwd):" >&2
        tail -20 "$work/last-build.log" >&2
        exit 1
    fi
    end=$(date +%s%N)
    awk -v ns=$((end - start)) 'BEGIN { printf "%.2f\n", ns / 1e9 }'
}
