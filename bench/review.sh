#!/usr/bin/env bash
# Issue 33: how long a review page takes among the 342 municipalities' synthetic plugins. Every page
# validates the whole folder, quotes included, as `validate` does. The first page reads every folder (as
# each page did before the review kept each folder's outcome); later pages read the draft's own folder
# again and the others only when one of their files changed. Prints the first page, the median and the
# slowest of the next ones, and a page after a file of another municipality was written, side by side;
# and the start page, which lists every programme file (read once, while the server starts).
# `swift run` builds for debugging, as the README starts `review`: CONFIG=debug times that build.
# Usage: [CONFIG=debug] bench/review.sh [MUNICIPALITIES=342] [PAGES=10]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-342}
pages=${2:-10}
config=${CONFIG:-release}

swift build -c "$config" --product inclusiebench >/dev/null
swift build -c "$config" --product inclusiebench-benchmark >/dev/null
bin=$(swift build -c "$config" --show-bin-path)

generated=$("$bin/inclusiebench-benchmark" --count "$count" --views "" --keep)
work=$(printf '%s\n' "$generated" | sed -n 's/^files kept in //p')
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
plugins="$work/municipalities"
# Each source document into its plugin folder's sources/, where `draft` keeps them and the review looks.
for source in "$work"/sources/*.txt; do
    slug=$(basename "$source" | cut -d- -f1-2)
    mkdir -p "$plugins/$slug/sources"
    mv "$source" "$plugins/$slug/sources/"
done
"$bin/inclusiebench" draft docs/examples/havendam-actieplan-2025-2027.txt --municipality havendam --municipalities "$plugins" >/dev/null
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin/inclusiebench" review --municipalities "$plugins" --db "$work/review.sqlite" --port "$port" >/dev/null &
server=$!
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done

page="http://127.0.0.1:$port/review/havendam/havendam-actieplan-2025-2027.yaml"
seconds() { curl -s -o /dev/null -w '%{time_total}\n' -H "Host: 127.0.0.1:$port" "${1:-$page}"; }
listing=$(seconds "http://127.0.0.1:$port/")
first=$(seconds)
next=$(for _ in $(seq 1 "$pages"); do seconds; done | sort -n)
# Another municipality's programme written again, as an editor saves it: that folder is read again.
other=$(ls "$plugins"/synthetisch-001/*.yaml | grep -v municipality.yaml | head -1)
cp "$other" "$other.new" && mv "$other.new" "$other"
changed=$(seconds)

echo "review page, $config build, $count municipalities ($(nproc) cores, $(date -u +%F))"
echo "  start page (every programme file listed): $listing s"
echo "  first page (every folder read):          $first s"
echo "  next $pages pages, median (own folder read):  $(printf '%s\n' "$next" | sed -n "$(((pages + 1) / 2))p") s"
echo "  next $pages pages, slowest:                   $(printf '%s\n' "$next" | tail -1) s"
echo "  after another folder's file was written: $changed s"
