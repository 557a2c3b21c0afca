#!/usr/bin/env bash
# Issue 13's side-by-side measurement, as whole processes on the same benchmark database, alternating,
# several runs each; prints medians and ratios:
#   1. `inclusiebench compare VIEW --format csv` and `--format json` (release build, database already current)
#   2. a pandas script doing the same work for that view (bench/peers.py: read_sql + groupby/pivot + to_csv)
#   3. for the theme matrix also `sqlite3` with one GROUP BY … group_concat query (the floor)
# pandas is installed into a throw-away virtual environment, never into the package.
# Usage: bench/peers.sh [MUNICIPALITIES=342] [RUNS=7] [VIEWS=themes,instruments,roles,budgets,proposals,similarity,timeline]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-342}
runs=${2:-7}
views=${3:-themes,instruments,roles,budgets,proposals,similarity,timeline}

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

query="SELECT t.label_nl, i.programme_key, group_concat(i.title, '; ') FROM item_theme it
  JOIN local_item i ON i.id = it.item_id JOIN theme t ON t.id = it.theme_id GROUP BY t.id, i.programme_key"

export BIN="$bin" DB="$db" PLUGINS="$work/municipalities" PY="$scratch/venv/bin/python" SCRIPT="bench/peers.py" QUERY="$query" RUNS="$runs" VIEWS="$views"
python3 - <<'PY'
import os, statistics, subprocess, time
env = os.environ
tool = [f"{env['BIN']}/inclusiebench", "compare"]
where = ["--db", env["DB"], "--municipalities", env["PLUGINS"]]
views = env["VIEWS"].split(",")
commands = {}
for view in views:
    for form in ("csv", "json"):
        commands[(view, f"tool {form}")] = tool + [view, "--format", form] + where
    commands[(view, "pandas")] = [env["PY"], env["SCRIPT"], view, env["DB"]]
if "themes" in views:
    commands[("themes", "sqlite3")] = ["sqlite3", "-csv", env["DB"], env["QUERY"]]
# One untimed run each: the tool must not be importing (the database is current), and caches are warm.
for name, command in commands.items():
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if result.returncode != 0:
        raise SystemExit(f"{name} failed: {result.stderr.decode()[-800:]}")
    print(f"{name[0]:12} {name[1]:9} {len(result.stdout) // 1024:7} KiB of output")
times = {name: [] for name in commands}
for _ in range(int(env["RUNS"])):
    for name, command in commands.items():
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times[name].append(time.perf_counter() - start)
median = {name: statistics.median(values) for name, values in times.items()}
print(f"\nmedians of {env['RUNS']} alternating runs, seconds; load average {os.getloadavg()[0]:.2f} at the end")
print(f"{'view':12} {'tool csv':>9} {'tool json':>9} {'pandas':>9} {'pandas ÷ csv':>13} {'pandas ÷ json':>14}")
worst = None
for view in views:
    csv, json, pandas = (median[(view, form)] for form in ("tool csv", "tool json", "pandas"))
    print(f"{view:12} {csv:9.3f} {json:9.3f} {pandas:9.3f} {pandas / csv:13.1f} {pandas / json:14.1f}")
    ratio = min(pandas / csv, pandas / json)
    worst = ratio if worst is None else min(worst, ratio)
print(f"\nslowest ratio: the tool is {worst:.1f}× faster than pandas (target ≥ 3 for every view and format, issue 30)")
if "themes" in views:
    floor = median[("themes", "sqlite3")]
    print(f"theme matrix: sqlite3 query {floor:.3f} s; tool csv is {median[('themes', 'tool csv')] / floor:.1f}× the floor (target ≤ 3)")
PY
