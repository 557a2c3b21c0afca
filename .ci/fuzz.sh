#!/usr/bin/env bash
# The long fuzz runs of issues 8 and 29.
#
# Plugins (issue 8): mutates the bundled plugins CASES times (default 10000) from SEED and checks no crash,
# no hang, every refusal names its file, and refused imports leave the database alone.
#
# Draft (issue 29): runs `inclusiebench draft` DRAFT_CASES times (default 300) from SEED against hostile
# targets (the database, the taxonomy, devices, FIFOs, folders, symbolic links as the target or as the
# `sources/` folder, an existing source with other text, names with control characters) and hostile
# documents (empty, blank, binary, not UTF-8, no letters, too large, FIFOs, random bytes and lines). Checks:
# no crash (no exit by a signal), no hang (20 s a case), every refusal exits non-zero with a message, no
# protected file changes, nothing is written through a link or outside the case's folder.
#
# Server (issue 29, .ci/fuzz_server.py): hostile requests against a running `serve` on loopback —
# traversals, long fields, hostile queries, HEAD/405, wrong Host, half-sent headers, a search through a 1 MB
# source, SIGTERM in flight — about a minute.
#
# Usage: .ci/fuzz.sh [CASES] [SEED] [DRAFT_CASES]   (CASES 0 skips the plugin part, DRAFT_CASES 0 the draft
# part); .ci/fuzz.sh server [SEED] runs the server part alone. The result lines start with "fuzz:",
# "fuzz-server:" and "fuzz-draft:"; record them in docs/robustness.md.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzz_server() {
    swift build --product inclusiebench >/dev/null
    python3 .ci/fuzz_server.py "$(swift build --show-bin-path)/inclusiebench" "$1"
}
if [ "${1:-}" = server ]; then
    fuzz_server "${2:-20261206}"
    exit
fi
cases="${1:-10000}"
seed="${2:-20261202}"
draft_cases="${3:-300}"

if [ "$cases" -gt 0 ]; then
    INCLUSIEBENCH_FUZZ_CASES="$cases" INCLUSIEBENCH_FUZZ_SEED="$seed" \
        swift test --filter FuzzTests 2>&1 | grep -E "fuzz:|✘|passed after|failed after"
fi
fuzz_server "${2:-20261206}"
[ "$draft_cases" -gt 0 ] || exit 0

swift build --product inclusiebench >/dev/null 2>&1 || { echo "fuzz-draft: swift build failed; run it to see why" >&2; exit 1; }
bin="$(swift build --show-bin-path 2>/dev/null)/inclusiebench"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/template"
cp -R municipalities "$work/template/municipalities"
"$bin" import --municipalities "$work/template/municipalities" --db "$work/template/inclusiebench.sqlite" >/dev/null
plan="# Plan samen Havendam 2026-2028

## 1. Ontmoeten

We gaan in elke wijk een plek openen waar bewoners elkaar treffen. We onderzoeken of de bibliotheek langer open kan.
"

RANDOM=$seed
refused=0 accepted=0 crashes=0 hangs=0 silent=0 changed=0 escaped=0 wrong=0
failures=()

# One case: a fresh copy of the template in $case; $1 says what must happen (refuse, accept, any).
run_case() {
    local expect="$1" name="$2"
    shift 2
    local status=0
    # Every file there is before the run (not what links point to) must be there with its bytes after it.
    (cd "$case" && find . -path ./outside -prune -o -type f -print0 | xargs -0 sha256sum >"$work/before")
    (cd "$case" && timeout 20 "$bin" draft "$@" --municipalities municipalities >"$case/.out" 2>"$case/.err") || status=$?
    if [ "$status" -eq 124 ]; then
        hangs=$((hangs + 1)); failures+=("hang: $name")
    elif [ "$status" -ge 128 ]; then
        crashes=$((crashes + 1)); failures+=("crash ($status): $name")
    elif [ "$status" -ne 0 ]; then
        refused=$((refused + 1))
        if ! grep -qE "(fout|error)" "$case/.err"; then silent=$((silent + 1)); failures+=("refused without a message: $name"); fi
        [ "$expect" != accept ] || { wrong=$((wrong + 1)); failures+=("refused, should be drafted: $name"); }
    else
        accepted=$((accepted + 1))
        [ "$expect" != refuse ] || { wrong=$((wrong + 1)); failures+=("drafted, should be refused: $name"); }
    fi
    if ! (cd "$case" && sha256sum -c --quiet "$work/before" >/dev/null 2>&1); then
        changed=$((changed + 1)); failures+=("a protected file changed: $name")
    fi
    if [ -n "$(ls -A "$case/outside")" ] || [ -e /dev/sources ]; then
        escaped=$((escaped + 1)); failures+=("written outside its folder or through a link: $name")
    fi
}

new_case() {
    case="$work/case"
    rm -rf "$case"
    cp -R "$work/template" "$case"
    mkdir -p "$case/outside" "$case/municipalities/havendam/sources"
    printf '%s' "$plan" >"$case/plan.md"
    printf 'Een nagekeken bron.\n' >"$case/municipalities/havendam/sources/plan.txt"
}

# The fixed hostile targets, each with and without --force.
for force in "" "--force"; do
    new_case; run_case refuse "out=db $force" plan.md --municipality havendam --out inclusiebench.sqlite $force
    new_case; run_case refuse "out=db-wal $force" plan.md --municipality havendam --out inclusiebench.sqlite-wal $force
    new_case; run_case refuse "out=taxonomy $force" plan.md --municipality havendam --out municipalities/taxonomy.yaml $force
    new_case; run_case refuse "out=/dev/null $force" plan.md --municipality havendam --out /dev/null $force
    new_case; run_case refuse "out=/dev/full $force" plan.md --municipality havendam --out /dev/full $force
    new_case; mkfifo "$case/fifo"; run_case refuse "out=fifo $force" plan.md --municipality havendam --out fifo $force
    new_case; run_case refuse "out=folder $force" plan.md --municipality havendam --out municipalities/almere $force
    new_case; run_case refuse "out=document $force" plan.md --municipality havendam --out plan.md $force
    new_case; ln -s ../inclusiebench.sqlite "$case/link.yaml"
    run_case refuse "out=link to db $force" plan.md --municipality havendam --out link.yaml $force
    new_case; rm -rf "$case/municipalities/havendam/sources"; ln -s ../../outside "$case/municipalities/havendam/sources"
    run_case refuse "sources/ is a link $force" plan.md --municipality havendam $force
    new_case; rm -f "$case/municipalities/havendam/sources/plan.txt"
    ln -s ../../../inclusiebench.sqlite "$case/municipalities/havendam/sources/plan.txt"
    run_case refuse "sources/plan.txt is a link $force" plan.md --municipality havendam $force
    new_case; rm -rf "$case/municipalities/havendam"; ln -s ../outside "$case/municipalities/havendam"
    run_case refuse "municipality folder is a link $force" plan.md --municipality havendam $force
done
new_case; run_case refuse "existing source with other text" plan.md --municipality havendam
new_case; cp "$case/plan.md" "$case/municipalities/havendam/sources/plan.txt"
run_case accept "existing source with the same text" plan.md --municipality havendam

# Hostile documents.
new_case; : >"$case/leeg.txt"; run_case refuse "empty document" leeg.txt --municipality havendam
new_case; printf '  \n\t\n\n' >"$case/wit.txt"; run_case refuse "blank document" wit.txt --municipality havendam
new_case; printf '2026 - 12,5 %% - 3.000\n' >"$case/cijfers.txt"; run_case refuse "no letters" cijfers.txt --municipality havendam
new_case; head -c 4096 /dev/urandom >"$case/ruis.bin"; run_case refuse "random bytes" ruis.bin --municipality havendam
new_case; printf 'Tekst\0met een NUL\n' >"$case/nul.txt"; run_case refuse "NUL byte" nul.txt --municipality havendam
new_case; printf 'Caf\xe9 in Latin-1\n' >"$case/latin1.txt"; run_case refuse "not UTF-8" latin1.txt --municipality havendam
new_case; mkfifo "$case/wacht.txt"; run_case refuse "FIFO as document" wacht.txt --municipality havendam
new_case; run_case refuse "/dev/zero as document" /dev/zero --municipality havendam
new_case; run_case refuse "folder as document" municipalities --municipality havendam
new_case; head -c 5000001 /dev/zero | tr '\0' 'a' >"$case/groot.txt"; run_case refuse "text over 5 MB" groot.txt --municipality havendam
new_case; printf '%%PDF-1.4\n' >"$case/groot.pdf"; truncate -s 20000001 "$case/groot.pdf"
run_case refuse "PDF over 20 MB" groot.pdf --municipality havendam
new_case; printf '%%PDF-1.4\nkapot\n' >"$case/kapot.pdf"; run_case refuse "broken PDF" kapot.pdf --municipality havendam
new_case; cp "$case/plan.md" "$case/$(printf 'plan\033]0;titel\007\033[2J.md')"
run_case accept "control characters in the document's name" "$(printf 'plan\033]0;titel\007\033[2J.md')" --municipality havendam
new_case; run_case any "control characters in --out" plan.md --municipality havendam --out "$(printf 'uit\033[2J\r.yaml')"

# Random documents: lines of plan text, headings, lists, tables and random bytes, from the seed.
fixed=$((refused + accepted + crashes + hangs))
python3 - "$seed" "$draft_cases" "$work/random" <<'PYTHON'
import os, random, sys
seed, count, folder = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
os.makedirs(folder, exist_ok=True)
rng = random.Random(seed)
pieces = ["# Plan", "## 2.1 Ontmoeten", "WERK EN INKOMEN", "We gaan een meldpunt openen.", "We onderzoeken of het helpt?",
          "- een spreekuur", "1. Taalmaatjes die oefenen", "Budget\t2026\t2027", "Meldpunt\t€ 20.000\t€ 30.000,-",
          "Hiervoor is 1,7 miljoen per jaar vanaf 2025.", "Beschrijf de ideale wijk", "Uitvoeringslijn 3: EDUCATIE, werk",
          "\u202eomgekeerd", "\x1b[2J\x1b]0;titel\x07", "'\"<script>alert(1)</script>", "=HYPERLINK(\"x\")", "2.1.", "a. b. c. " * 50,
          "€" * 30, "2024-2026 t/m 2049", "", "", ""]
for number in range(count):
    kind = rng.random()
    if kind < 0.15:
        data = bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 3000)))
    else:
        lines = [rng.choice(pieces) for _ in range(rng.randint(0, 200))]
        if kind < 0.3:
            lines = [line[: rng.randint(0, len(line))] for line in lines]
        data = "\n".join(lines).encode()
        if kind > 0.9:
            data = data.replace(b"\n", b"\r\n")
    with open(os.path.join(folder, f"doc-{number}.{rng.choice(['txt', 'md', 'pdf'])}"), "wb") as file:
        file.write(data)
PYTHON
for document in "$work"/random/*; do
    new_case
    cp "$document" "$case/"
    run_case any "random $(basename "$document")" "$(basename "$document")" --municipality havendam $([ $((RANDOM % 3)) -eq 0 ] && echo --force)
done
total=$((refused + accepted + crashes + hangs))
echo "fuzz-draft: $total cases ($fixed fixed, $((total - fixed)) random, seed $seed): $refused refused, $accepted drafted; $crashes crashes, $hangs hangs, $silent refusals without a message, $wrong wrong outcomes, $changed protected files changed, $escaped writes outside or through a link"
for failure in "${failures[@]+"${failures[@]}"}"; do echo "  ✘ $failure"; done
[ ${#failures[@]} -eq 0 ]
