#!/usr/bin/env bash
# Times `inclusiebench draft` on generated action plans of the given sizes in MB of text (issue 29: 1 MB
# took 33 s). The document repeats a few paragraphs written for this script (headings, sentences with
# commitments and amounts, lists), numbered so that no two sections are the same; the drafter trains on a
# copy of the bundled plugins, as it does for a user.
# Usage: bench/draft.sh [MB ...]   (default 0.25 0.5 1; build first: swift build -c release)
# INCLUSIEBENCH_BIN picks another executable (default .build/release/inclusiebench).
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${INCLUSIEBENCH_BIN:-.build/release/inclusiebench}"
[ -x "$bin" ] || { echo "draft-bench: $bin is missing; run 'swift build -c release' first" >&2; exit 1; }
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(0.25 0.5 1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R municipalities "$work/municipalities"

for mb in "${sizes[@]}"; do
    document="$work/actieplan-havendam-$mb.md"
    python3 - "$mb" > "$document" <<'PYTHON'
import sys
target = int(float(sys.argv[1]) * 1_000_000)
parts = ["# Actieplan Samen Havendam 2025-2028\n\nDit actieplan zegt wat de gemeente de komende jaren doet.\n"]
size = len(parts[0].encode())
number = 0
while size < target:
    number += 1
    part = f"""
## {number}. Ontmoeten in wijk {number}

We gaan in wijk {number} een plek openen waar bewoners elkaar zonder drempel kunnen treffen. Wij willen dat het buurthuis ook 's avonds open is. Hiervoor is € {number * 1000 + 40000},- per jaar vanaf 2025 begroot.

- Een spreekuur voor nieuwe inwoners in de bibliotheek van wijk {number}.
- Taalmaatjes die elke week met een nieuwkomer oefenen.
- Een avond over geloof en levensbeschouwing voor jongeren.

We onderzoeken of sportclubs in wijk {number} hun velden vaker willen delen met scholen. Medewerkers van de gemeente volgen een training over vooroordelen bij het werven van personeel.
"""
    parts.append(part)
    size += len(part.encode())
sys.stdout.write("".join(parts))
PYTHON
    bytes=$(wc -c < "$document")
    start=$(date +%s.%N)
    "$bin" draft "$document" --municipality havendam --municipalities "$work/municipalities" \
        --db "$work/bench.sqlite" --out "$work/out-$mb/plan.yaml" >/dev/null
    end=$(date +%s.%N)
    items=$(grep -c '^ *- id: d-' "$work/out-$mb/plan.yaml" || true)
    echo "draft: $mb MB ($bytes bytes of text), $(echo "$end - $start" | bc) s, $items items"
done
