#!/usr/bin/env bash
# Issue 13's side-by-side measurement: the theme × programme matrix with local labels, made three ways on
# the same benchmark database, alternating, several runs each; prints medians and ratios.
#   1. `inclusiebench compare themes --format csv` (release build, database already current)
#   2. a pandas script: read_sql + pivot_table(aggfunc="; ".join) + to_csv
#   3. `sqlite3` with one GROUP BY … group_concat query (the floor)
# pandas is installed into a throw-away virtual environment, never into the package.
# Usage: bench/peers.sh [MUNICIPALITIES=342] [RUNS=7]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-342}
runs=${2:-7}

command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3; }
swift build -c release --product inclusiebench >/dev/null
swift build -c release --product inclusiebench-benchmark >/dev/null
bin=$(swift build -c release --show-bin-path)

scratch=$(mktemp -d /tmp/inclusiebench-peers.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
generated=$("$bin/inclusiebench-benchmark" --count "$count" --views "" --keep)
work=$(printf '%s\n' "$generated" | sed -n 's/^files kept in //p')
trap 'rm -rf "$scratch" "$work"' EXIT
db="$work/benchmark.sqlite"

python3 -m venv "$scratch/venv"
"$scratch/venv/bin/pip" install -q pandas

cat >"$scratch/themes.py" <<'PY'
import sqlite3, sys
import pandas as pd
con = sqlite3.connect(sys.argv[1])
rows = pd.read_sql(
    "SELECT t.label_nl AS theme, i.programme_key AS programme, i.title AS title "
    "FROM item_theme it JOIN local_item i ON i.id = it.item_id JOIN theme t ON t.id = it.theme_id "
    "ORDER BY i.programme_key, i.position", con)
matrix = rows.pivot_table(index="theme", columns="programme", values="title", aggfunc="; ".join)
matrix["programmes covering"] = matrix.notna().sum(axis=1)
matrix.to_csv(sys.stdout, sep=";", decimal=",")
PY

query="SELECT t.label_nl, i.programme_key, group_concat(i.title, '; ') FROM item_theme it
  JOIN local_item i ON i.id = it.item_id JOIN theme t ON t.id = it.theme_id GROUP BY t.id, i.programme_key"

export BIN="$bin" DB="$db" PLUGINS="$work/municipalities" PY="$scratch/venv/bin/python" SCRIPT="$scratch/themes.py" QUERY="$query" RUNS="$runs"
python3 - <<'PY'
import os, statistics, subprocess, time
env = os.environ
commands = {
    "inclusiebench compare themes --format csv": [f"{env['BIN']}/inclusiebench", "compare", "themes", "--format", "csv",
        "--db", env["DB"], "--municipalities", env["PLUGINS"]],
    "pandas script": [env["PY"], env["SCRIPT"], env["DB"]],
    "sqlite3 GROUP BY query": ["sqlite3", "-csv", env["DB"], env["QUERY"]],
}
# One untimed run each: the tool must not be importing (the database is current), and caches are warm.
for name, command in commands.items():
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if result.returncode != 0:
        raise SystemExit(f"{name} failed: {result.stderr.decode()[:500]}")
    print(f"{name}: {len(result.stdout) // 1024} KiB of output")
times = {name: [] for name in commands}
for _ in range(int(env["RUNS"])):
    for name, command in commands.items():
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times[name].append(time.perf_counter() - start)
medians = {name: statistics.median(values) for name, values in times.items()}
tool = medians["inclusiebench compare themes --format csv"]
print(f"\n{'command':45} {'median s':>9} {'tool ÷ this':>12}")
for name, median in medians.items():
    print(f"{name:45} {median:9.3f} {tool / median:12.2f}")
print(f"\ntool is {medians['pandas script'] / tool:.2f}× faster than pandas (target ≥ 5) and "
      f"{tool / medians['sqlite3 GROUP BY query']:.1f}× the sqlite3 floor (target ≤ 3)")
PY
