#!/bin/sh
# The long fuzz run of issue 8: mutates the bundled plugins CASES times (default 10000) from SEED and
# checks no crash, no hang, every refusal names its file, and refused imports leave the database alone.
# Then the server part of issue 29 (.ci/fuzz_server.py): hostile requests against a running `serve` on
# loopback — traversals, long fields, hostile queries, HEAD/405, wrong Host, half-sent headers, a search
# through a 1 MB source, SIGTERM in flight — about a minute.
# Usage: .ci/fuzz.sh [CASES] [SEED]   — result lines start with "fuzz:" and "fuzz-server:"; record them in
#        docs/robustness.md.       .ci/fuzz.sh server [SEED]   — the server part alone.
set -eu
cd "$(dirname "$0")/.."
if [ "${1:-}" != "server" ]; then
    INCLUSIEBENCH_FUZZ_CASES="${1:-10000}" INCLUSIEBENCH_FUZZ_SEED="${2:-20261202}" \
        swift test --filter FuzzTests 2>&1 | grep -E "fuzz:|✘|passed after|failed after"
    server_seed=${2:-20261206}
else
    server_seed=${2:-20261206}
fi
swift build --product inclusiebench >/dev/null
python3 .ci/fuzz_server.py "$(swift build --show-bin-path)/inclusiebench" "$server_seed"
