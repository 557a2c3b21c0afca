#!/bin/sh
# The long fuzz run of issue 8: mutates the bundled plugins CASES times (default 10000) from SEED and
# checks no crash, no hang, every refusal names its file, and refused imports leave the database alone.
# Usage: .ci/fuzz.sh [CASES] [SEED]   — the result line starts with "fuzz:"; record it in docs/robustness.md.
set -eu
cd "$(dirname "$0")/.."
INCLUSIEBENCH_FUZZ_CASES="${1:-10000}" INCLUSIEBENCH_FUZZ_SEED="${2:-20261202}" \
    swift test --filter FuzzTests 2>&1 | grep -E "fuzz:|✘|passed after|failed after"
