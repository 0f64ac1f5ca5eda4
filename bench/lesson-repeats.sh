#!/usr/bin/env bash
# How robust is the lesson of tasks 2, 4 and 5? Repeats the student's two runs REPEATS times
# (default 10): wrk -c30 -t2 -d20s at web=1, then --scale web=3 and the same run, as the task
# sheets say (no warm-up beyond waiting for healthy replicas). For each pair it records
# web3/web1 Requests/sec and each container's CPU during the run as a share of its CPU limit
# (from the containers' cgroups, as docker stats does), and whether the pair shows the lesson:
#   scaling helps (ratio >= MIN_RATIO), far from 3x (ratio <= MAX_RATIO),
#   and the database at its limit at web=3 (db share >= DB_AT_LIMIT).
# Writes bench/results/lesson-repeats-<date>.json and lesson-repeats-latest.json.
# Traffic goes only to 127.0.0.1 ports of the stack this script starts (project "lablesson").
set -Eeuo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bench/lib/stack-cpu.sh
bench_stack lablesson 18280 19290 13200
REPEATS=${REPEATS:-10}
MIN_RATIO=${MIN_RATIO:-1.2} MAX_RATIO=${MAX_RATIO:-2.5} DB_AT_LIMIT=${DB_AT_LIMIT:-0.9}
dc() { docker compose -p "$P" ${COMPOSE_FILES:-} "$@"; }
# KEEP=1 leaves the stack running (e.g. for bin/lab demo --url against it); then stop it yourself.
[ "${KEEP:-0}" = 1 ] || trap 'dc down -v --remove-orphans >/dev/null 2>&1 || true' EXIT
log() { printf '[lesson %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

run() { # web count → one JSON line: wrk figures + CPU share of limit per container during the run
  local n=$1 ids t0 t1
  ids=$(dc ps -q db web)
  cpu_used $ids > "$OUT/lesson-before.txt"
  t0=$(date +%s.%N); wrk -c30 -t2 -d20s "$URL" > "$OUT/lesson-run.txt"; t1=$(date +%s.%N)
  cpu_snapshot $ids > "$OUT/lesson-after.txt"
  cat "$OUT/lesson-run.txt" >> "$OUT/lesson-wrk.txt"
  run_figures "$OUT/lesson-run.txt" "$OUT/lesson-before.txt" "$OUT/lesson-after.txt" "$t0" "$t1" \
    | python3 -c 'import json, sys; print(json.dumps({"web": int(sys.argv[1]), **json.load(sys.stdin)}))' "$n"
}

scale() { # n → replicas up, healthy, and nginx has re-resolved `web`
  # --no-deps: the one-shot `setup` is not re-run (it would reseed the database between runs).
  dc up -d --no-deps --no-recreate --scale web="$1" --wait web >/dev/null 2>&1
  sleep 3
}

log "стенд lablesson: сборка и запуск"
boot_until "$URL"
rows=()
STAMP=$(date +%Y-%m-%dT%H-%M)
summary() { # rewritten after every pair, so an interrupted run still leaves its figures
python3 - "$MIN_RATIO" "$MAX_RATIO" "$DB_AT_LIMIT" "$STAMP" "$REPEATS" <<PY
import json, sys, datetime, os, platform, statistics
lo, hi, at = map(float, sys.argv[1:4]); stamp, planned = sys.argv[4], int(sys.argv[5])
rows = [json.loads(l) for l in '''$(printf '%s\n' "${rows[@]}")'''.splitlines() if l.strip()]
for row in rows:
    ratio = row["web3"]["rps"] / row["web1"]["rps"]
    row["ratio_web3_over_web1"] = round(ratio, 2)
    row["scaling_helps"] = ratio >= lo
    row["far_from_3x"] = ratio <= hi
    row["db_at_limit_web3"] = (row["web3"]["db_share_of_limit"] or 0) >= at
    row["web_at_limit_web1"] = min(row["web1"]["web_share_of_limit"]) >= at
    row["shows_lesson"] = row["scaling_helps"] and row["far_from_3x"] and row["db_at_limit_web3"]
ratios = [r["ratio_web3_over_web1"] for r in rows]
res = {
  "date": datetime.datetime.now().isoformat(timespec="seconds"),
  "machine": f"{os.cpu_count()} cores, {platform.system()} {platform.release()}, shared with other jobs",
  "run": "wrk -c30 -t2 -d20s /orders at web=1, then --scale web=3 and the same; repeated",
  "criteria": {"scaling_helps": f"ratio >= {lo}", "far_from_3x": f"ratio <= {hi}", "db_at_limit_web3": f"db CPU >= {at} of its limit"},
  "db_at_limit": at,
  "repeats": rows,
  "shows_lesson": sum(r["shows_lesson"] for r in rows),
  "of": len(rows), "planned": planned,
  "ratio_median": round(statistics.median(ratios), 2), "ratio_min": min(ratios), "ratio_max": max(ratios),
  "db_share_web3_median": round(statistics.median(r["web3"]["db_share_of_limit"] for r in rows), 2),
  "web_share_web1_median": round(statistics.median(min(r["web1"]["web_share_of_limit"]) for r in rows), 2),
}
name = "bench/results/lesson-repeats-" + stamp + ".json"
for f in (name, "bench/results/lesson-repeats-latest.json"):
    json.dump(res, open(f, "w"), indent=2, ensure_ascii=False)
print(f"урок виден в {res['shows_lesson']} из {res['of']}; web3/web1 медиана {res['ratio_median']} ({res['ratio_min']}–{res['ratio_max']}); "
      f"db при web=3 — {res['db_share_web3_median']} лимита; web при web=1 — {res['web_share_web1_median']} лимита")
print("written", name)
PY
}
if [ "${PANELS:-1}" = 1 ]; then # the dashboard's panels at web=1 and web=3 (bench/dashboard_panels.py), 40 s runs
  scale 1; wrk -c30 -t2 -d5s "$URL" >/dev/null
  s1=$(date +%s); wrk -c30 -t2 -d40s "$URL" > "$OUT/panels-web1.txt"; e1=$(date +%s)
  scale 3; wrk -c30 -t2 -d5s "$URL" >/dev/null
  s3=$(date +%s); wrk -c30 -t2 -d40s "$URL" > "$OUT/panels-web3.txt"; e3=$(date +%s)
  sleep 6
  ${PY:-python3} bench/dashboard_panels.py --prom "http://127.0.0.1:$LAB_PROMETHEUS_PORT" --plateau 10 \
    --window "web=1:$s1:$e1" --window "web=3:$s3:$e3" \
    --out bench/results/dashboard-panels.json --png bench/results/dashboard-panels.png || log "панели не сняты"
fi
for r in $(seq 1 "$REPEATS"); do
  scale 1; one=$(run 1)
  scale 3; three=$(run 3)
  rows+=("{\"repeat\": $r, \"web1\": $one, \"web3\": $three}")
  log "#$r web=1 $one"
  log "#$r web=3 $three"
  summary
done
