#!/usr/bin/env bash
# The student's baseline run against run 1, on one replica: wrk -c1 -t1 -d10s, then wrk -c30 -t2 -d20s,
# REPEATS times (default 3), with each container's CPU during the run as a share of its limit (its cgroup,
# as docker stats). It answers what answer 1 of the lab may claim about -c1: is anything at its limit?
# Writes bench/results/baseline-c1-<date>.json and baseline-c1-latest.json (read by materials/figures.py).
# Traffic goes only to 127.0.0.1 ports of the stack this script starts (project "labbaseline").
set -Eeuo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bench/lib/stack-cpu.sh
bench_stack labbaseline 18380 19390 13300
REPEATS=${REPEATS:-3}
dc() { docker compose -p "$P" "$@"; }
trap 'dc down -v --remove-orphans >/dev/null 2>&1 || true' EXIT
log() { printf '[baseline %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

run() { # wrk args… → one JSON line: wrk's figures and the CPU share of limit of db and web
  local ids t0 t1
  ids=$(dc ps -q db web)
  cpu_used $ids > "$OUT/baseline-before.txt"
  t0=$(date +%s.%N); wrk "$@" "$URL" > "$OUT/baseline-run.txt"; t1=$(date +%s.%N)
  cpu_snapshot $ids > "$OUT/baseline-after.txt"
  run_figures "$OUT/baseline-run.txt" "$OUT/baseline-before.txt" "$OUT/baseline-after.txt" "$t0" "$t1"
}

log "стенд $P: сборка и запуск (web=1)"
boot_until "$URL"
rows=()
for i in $(seq 1 "$REPEATS"); do
  c1=$(run -c1 -t1 -d10s); c30=$(run -c30 -t2 -d20s)
  rows+=("{\"repeat\": $i, \"c1\": $c1, \"c30\": $c30}")
  log "повтор $i из $REPEATS: $c1 | $c30"
done
STAMP=$(date +%Y-%m-%dT%H-%M)
python3 - "$STAMP" <<PY
import json, sys, datetime, os, platform, statistics
rows = [json.loads(l) for l in '''$(printf '%s\n' "${rows[@]}")'''.splitlines() if l.strip()]
med = lambda xs: round(statistics.median(xs), 3)
res = {
  "date": datetime.datetime.now().isoformat(timespec="seconds"),
  "machine": f"{os.cpu_count()} cores, {platform.system()} {platform.release()}, shared with other jobs",
  "run": "web=1: wrk -c1 -t1 -d10s, then wrk -c30 -t2 -d20s /orders; repeated",
  "repeats": rows,
  "c1_rps_median": med([r["c1"]["rps"] for r in rows]),
  "c1_latency_ms_median": med([r["c1"]["latency_avg_ms"] for r in rows]),
  "c30_rps_median": med([r["c30"]["rps"] for r in rows]),
  "c30_latency_ms_median": med([r["c30"]["latency_avg_ms"] for r in rows]),
  "c1_web_share_median": med([r["c1"]["web_share_of_limit"][0] for r in rows]),
  "c1_db_share_median": med([r["c1"]["db_share_of_limit"] for r in rows]),
  "c30_web_share_median": med([r["c30"]["web_share_of_limit"][0] for r in rows]),
}
res["rps_c30_over_c1"] = round(res["c30_rps_median"] / res["c1_rps_median"], 2)
res["latency_c30_over_c1"] = round(res["c30_latency_ms_median"] / res["c1_latency_ms_median"], 1)
for f in ("bench/results/baseline-c1-" + sys.argv[1] + ".json", "bench/results/baseline-c1-latest.json"):
    json.dump(res, open(f, "w"), indent=2, ensure_ascii=False)
print(f"-c1: {res['c1_rps_median']} запр./с, {res['c1_latency_ms_median']} мс, web {res['c1_web_share_median']} лимита, "
      f"db {res['c1_db_share_median']}; -c30: ×{res['rps_c30_over_c1']} запр./с, задержка ×{res['latency_c30_over_c1']}")
PY
