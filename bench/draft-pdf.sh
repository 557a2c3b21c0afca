#!/usr/bin/env bash
# Times `inclusiebench draft` on a real 40-page PDF (issue 31: under 2 s). The PDF is printed by headless
# Chromium from HTML made of the development set's fictional documents (docs/examples/devset), each page
# with a running header and a page number, so that the drafter reads pdftotext's output with the noise of a
# real PDF. Needs chromium and pdftotext (poppler-utils).
# Usage: bench/draft-pdf.sh [pages]   (default 40; build first: swift build -c release)
# INCLUSIEBENCH_BIN picks another executable (default .build/release/inclusiebench).
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${INCLUSIEBENCH_BIN:-.build/release/inclusiebench}"
[ -x "$bin" ] || { echo "draft-pdf-bench: $bin is missing; run 'swift build -c release' first" >&2; exit 1; }
command -v chromium >/dev/null || { echo "draft-pdf-bench: chromium is not installed" >&2; exit 1; }
command -v pdftotext >/dev/null || { echo "draft-pdf-bench: pdftotext (poppler-utils) is not installed" >&2; exit 1; }
pages="${1:-40}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R municipalities "$work/municipalities"

python3 - "$pages" docs/examples/devset > "$work/plan.html" <<'PYTHON'
import html, pathlib, sys
pages, folder = int(sys.argv[1]), pathlib.Path(sys.argv[2])
texts = [p.read_text(encoding="utf-8").replace("\f", "\n") for p in sorted(folder.glob("*.txt"))]
out = ["<html><head><meta charset='utf-8'><style>",
       "@page { size: A4; margin: 2cm } body { font: 10pt sans-serif } .page { page-break-after: always }",
       ".head { font-size: 8pt; border-bottom: 1px solid #999 } .foot { font-size: 8pt; text-align: right }",
       "</style></head><body>"]
for number in range(1, pages + 1):
    text = texts[(number - 1) % len(texts)]
    out.append("<div class='page'><div class='head'>Bundel inclusiebeleid, deel %d</div>" % ((number - 1) // len(texts) + 1))
    for paragraph in text.split("\n\n"):
        out.append("<p>%s</p>" % html.escape(paragraph).replace("\n", "<br>"))
    out.append("<div class='foot'>Pagina %d van %d</div></div>" % (number, pages))
out.append("</body></html>")
sys.stdout.write("\n".join(out))
PYTHON
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$work/plan.pdf" "file://$work/plan.html" >/dev/null 2>&1
printed=$(pdfinfo "$work/plan.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }' || echo "?")
start=$(date +%s.%N)
"$bin" draft "$work/plan.pdf" --municipality bundeldorp --municipalities "$work/municipalities" \
    --db "$work/bench.sqlite" --out "$work/out/plan.yaml" >/dev/null
end=$(date +%s.%N)
items=$(grep -c '^ *- id: d-' "$work/out/plan.yaml" || true)
echo "draft-pdf: $printed pages, $(wc -c < "$work/out/sources/plan.txt" 2>/dev/null || echo '?') bytes of text, $(echo "$end - $start" | bc) s, $items items"
