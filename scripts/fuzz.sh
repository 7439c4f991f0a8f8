#!/usr/bin/env bash
# scripts/fuzz.sh [SECONDS | RUNSr]   e.g. scripts/fuzz.sh 20   or   scripts/fuzz.sh 1000000r
#
# Builds the libFuzzer targets in Fuzz/ and runs each: store decoding and CSV import.
# A number is seconds per target; a number with a trailing "r" is executions per target.
# Crashes are written to Fuzz/crashes/<target>/. The seeds in Fuzz/corpus/ are read; what
# a run finds grows in Fuzz/.build/corpus/ (not committed), so the next run starts there.
set -euo pipefail
cd "$(dirname "$0")/.."
limit="${1:-20}"
if [[ "$limit" == *r ]]; then budget=(-runs="${limit%r}"); else budget=(-max_total_time="$limit"); fi

swift build -c release --sanitize=fuzzer --package-path Fuzz
bin="$(swift build -c release --sanitize=fuzzer --package-path Fuzz --show-bin-path)"

status=0
for target in fuzz-store fuzz-import; do
    seeds="Fuzz/corpus/${target#fuzz-}"
    grown="Fuzz/.build/corpus/${target#fuzz-}"
    mkdir -p "$grown" "Fuzz/crashes/$target"
    echo "== $target (${budget[*]})"
    # Swift's backtracer would swallow the crash; libFuzzer must see it to save the input.
    # New inputs go to the first folder given, so the seeds stay as committed.
    if ! SWIFT_BACKTRACE=enable=no "$bin/$target" "$grown" "$seeds" "${budget[@]}" \
        -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
        -artifact_prefix="Fuzz/crashes/$target/" 2>&1 | tail -25; then
        status=1
    fi
    [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
done
exit $status
