#!/usr/bin/env bash
# Runs the real GitHub Classroom reporter (classroom-resources/autograding-grading-reporter, its dist/main.js)
# on the five platform cases that PlatformCasesTest writes to target/platform-samples, and checks that its
# console table total and its «Points» line say the same, with no float noise.
# The reporter is NOT part of this repository: pass a checkout of it (REPORTER_REPO, a git dir or work tree).
# Usage: REPORTER_REPO=/path/to/autograding-grading-reporter bash bench/platform-reporter.sh
set -euo pipefail
cd "$(dirname "$0")/.."
: "${REPORTER_REPO:?set REPORTER_REPO to a clone of classroom-resources/autograding-grading-reporter}"
REF="${REPORTER_REF:-v1}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
if [ -f "$REPORTER_REPO/dist/main.js" ]; then cp "$REPORTER_REPO/dist/main.js" "$tmp/main.js"
else git --git-dir="$REPORTER_REPO" show "$REF:dist/main.js" > "$tmp/main.js"; fi
if [ ! -d target/platform-samples ]; then ./mvnw -B -ntp -q -Pselftest test -Dtest=PlatformCasesTest; fi
mkdir -p bench/results
out=bench/results/platform-reporter.json
echo "[" > "$out"; first=1; fail=0
for dir in target/platform-samples/*/; do
  name=$(basename "$dir")
  env_json="$dir/github-reporter-env.json"
  log="$tmp/$name.log"
  env -i PATH="$PATH" INPUT_RUNNERS="earned,missed" \
      EARNED_RESULTS="$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["EARNED_RESULTS"])' "$env_json")" \
      MISSED_RESULTS="$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["MISSED_RESULTS"])' "$env_json")" \
      node "$tmp/main.js" > "$log" 2>&1 || true
  python3 - "$name" "$log" "$env_json" "$out" "$first" <<'PY' || fail=1
import json, re, sys
name, log, env_json, out, first = sys.argv[1:6]
text = re.sub(r"\x1b\[[0-9;]*m", "", open(log, encoding="utf-8").read())
table = re.search(r"Total:\s*│\s*([^\s│]+)\s*│\s*([^\s│]+)", text)
points = re.search(r"::notice title=Autograding complete::Points ([^/\s]+)/(\S+)", text)
ours = json.load(open(env_json))["points_line"]
rec = {"case": name, "table_total": table and f"{table.group(1)}/{table.group(2)}",
       "points_line": points and f"{points.group(1)}/{points.group(2)}", "grader_points_line": ours}
noise = any(re.search(r"\.\d{5,}", v or "") for v in (rec["table_total"], rec["points_line"]))
rec["agree"] = bool(table and points) and rec["table_total"] == rec["points_line"] == ours.split()[1] and not noise
with open(out, "a") as f:
    f.write(("" if first == "1" else ",\n") + json.dumps(rec, ensure_ascii=False))
print(f"{name:17} table {rec['table_total']:>7}  Points {rec['points_line']:>7}  grader {ours:>12}  agree={rec['agree']}")
sys.exit(0 if rec["agree"] else 1)
PY
  first=0
done
echo "]" >> "$out"
echo "written: $out"
exit $fail
