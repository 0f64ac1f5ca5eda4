#!/usr/bin/env bash
# Figures of the extension task (tasks/07-dopolnitelnoe.md): the student's two runs at web=3, wrk -c30 -t2 -d20s,
# with the /orders cache off (LAB_ORDERS_CACHE_SECONDS=0, the main lab) and on (CACHE_SECONDS, default 10),
# alternated REPEATS times (default 3, at most 10). For each run: wrk's figures, each container's CPU during the run
# as a share of its CPU limit (from the containers' cgroups, as docker stats does; helpers as in lesson-repeats.sh),
# and from Prometheus the app's own database time per /orders request and the SQL statements it ran.
# Writes bench/results/extension-task-<date>.json and prints the on/off ratios.
# Traffic goes only to 127.0.0.1 ports of the stack this script starts (project "labext"); always torn down.
set -Eeuo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v wrk >/dev/null || { echo "нужен wrk: apt-get install wrk" >&2; exit 2; }
P=labext
export LAB_HTTP_PORT=${LAB_HTTP_PORT:-18880} LAB_PROMETHEUS_PORT=${LAB_PROMETHEUS_PORT:-19890} LAB_GRAFANA_PORT=${LAB_GRAFANA_PORT:-13800}
URL="http://127.0.0.1:$LAB_HTTP_PORT/orders"
PROM="http://127.0.0.1:$LAB_PROMETHEUS_PORT"
REPEATS=${REPEATS:-3}; CACHE_SECONDS=${CACHE_SECONDS:-10}
[[ $REPEATS =~ ^[0-9]+$ ]] && (( REPEATS >= 1 && REPEATS <= 10 )) || { echo "REPEATS: от 1 до 10" >&2; exit 2; }
[[ $CACHE_SECONDS =~ ^[0-9]+$ ]] && (( CACHE_SECONDS >= 1 )) || { echo "CACHE_SECONDS: целое число секунд, не меньше 1" >&2; exit 2; }
OUT=bench/out; mkdir -p "$OUT" bench/results
dc() { docker compose -p "$P" ${COMPOSE_FILES:-} "$@"; }
trap 'dc down -v --remove-orphans >/dev/null 2>&1 || true' EXIT
log() { printf '[extension %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

. "$(dirname "${BASH_SOURCE[0]}")/lib/stack-cpu.sh"

promq() { # PromQL at a unix time → the first value, or "null"
  curl -sf --max-time 10 "$PROM/api/v1/query" --data-urlencode "query=$1" --data-urlencode "time=$2" \
    | python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else "null")' \
    2>/dev/null || echo null
}

cache() { # seconds → web=3 recreated with LAB_ORDERS_CACHE_SECONDS=seconds, every replica checked, nginx re-resolved
  local s=$1 i got
  # --no-deps: the one-shot `setup` is not re-run; the changed environment makes compose recreate web.
  LAB_ORDERS_CACHE_SECONDS=$s timeout 300 docker compose -p "$P" ${COMPOSE_FILES:-} up -d --no-deps --scale web=3 --wait web >/dev/null 2>&1 \
    || { dc ps -a; echo "web=3 с кэшем $s с не поднялся" >&2; exit 1; }
  for i in 1 2 3; do
    got=$(dc exec -T --index "$i" web printenv LAB_ORDERS_CACHE_SECONDS 2>/dev/null || true)
    [ "$got" = "$s" ] || { echo "реплика web-$i: LAB_ORDERS_CACHE_SECONDS=«$got», ожидалось $s" >&2; exit 1; }
  done
  sleep 5 # nginx re-resolves `web` every 2 s; the recreated replicas have new addresses
}

run() { # cache seconds, repeat → one JSON line: wrk figures, CPU share of limit per container, app's db time
  local s=$1 r=$2 ids t0 t1 dbq dbs dbn
  ids=$(dc ps -q db web)
  cpu_used $ids > "$OUT/extension-before.txt"
  t0=$(date +%s.%N); timeout 60 wrk -c30 -t2 -d20s "$URL" > "$OUT/extension-run.txt"; t1=$(date +%s.%N)
  cpu_snapshot $ids > "$OUT/extension-after.txt"
  cat "$OUT/extension-run.txt" >> "$OUT/extension-wrk.txt"
  sleep 6 # one more Prometheus scrape (every 5 s) so the window holds the whole run
  local w; w=$(python3 -c "import math,sys; print(math.ceil(float(sys.argv[2]) - float(sys.argv[1])) + 6)" "$t0" "$t1")
  local at; at=$(date +%s)
  dbq=$(promq "sum(increase(db_queries_total{job=\"web\",path=\"/orders\"}[${w}s]))" "$at")
  dbs=$(promq "sum(increase(http_request_db_seconds_sum{job=\"web\",path=\"/orders\"}[${w}s]))" "$at")
  dbn=$(promq "sum(increase(http_request_db_seconds_count{job=\"web\",path=\"/orders\"}[${w}s]))" "$at")
  run_figures "$OUT/extension-run.txt" "$OUT/extension-before.txt" "$OUT/extension-after.txt" "$t0" "$t1" \
    | python3 -c '
import json, sys
s, r = int(sys.argv[1]), int(sys.argv[2])
num = lambda v: None if v in ("null", "NaN", "") else float(v)
dbq, dbs, dbn = (num(v) for v in sys.argv[3:6])
print(json.dumps({"cache_seconds": s, "repeat": r, **json.load(sys.stdin),
                  "db_ms_per_request": round(dbs / dbn * 1000, 3) if dbs is not None and dbn else None,
                  "db_queries_in_window": round(dbq) if dbq is not None else None}))' "$s" "$r" "$dbq" "$dbs" "$dbn"
}

log "стенд labext: сборка и запуск"
export LAB_ORDERS_CACHE_SECONDS=0 # the main lab first; cache() sets it per run
boot_until "$URL"
rows=()
STAMP=$(date +%Y-%m-%dT%H-%M)
summary() { # rewritten after every pair, so an interrupted run still leaves its figures
python3 - "$STAMP" "$REPEATS" "$CACHE_SECONDS" <<PY
import json, sys, datetime, os, platform, statistics
stamp, planned, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rows = [json.loads(l) for l in '''$(printf '%s\n' "${rows[@]}")'''.splitlines() if l.strip()]
med = lambda xs: round(statistics.median(xs), 3) if xs else None
def side(on):
    runs = [r for r in rows if (r["cache_seconds"] > 0) == on]
    vals = lambda k: [r[k] for r in runs if r[k] is not None]
    return {"runs": len(runs), "rps_median": med(vals("rps")), "latency_avg_ms_median": med(vals("latency_avg_ms")),
            "db_share_median": med(vals("db_share_of_limit")),
            "web_share_median": med([min(r["web_share_of_limit"]) for r in runs if r["web_share_of_limit"]]),
            "db_ms_per_request_median": med(vals("db_ms_per_request")),
            "db_queries_median": med(vals("db_queries_in_window")), "errors_total": sum(vals("errors"))}
off, on = side(False), side(True)
ratio = lambda a, b: round(a / b, 2) if a is not None and b else None
pairs = []
for r in sorted({x["repeat"] for x in rows}):
    a = next((x for x in rows if x["repeat"] == r and x["cache_seconds"] == 0), None)
    b = next((x for x in rows if x["repeat"] == r and x["cache_seconds"] > 0), None)
    if a and b:
        pairs.append({"repeat": r, "rps_on_over_off": ratio(b["rps"], a["rps"]),
                      "db_share_off": a["db_share_of_limit"], "db_share_on": b["db_share_of_limit"]})
res = {
  "date": datetime.datetime.now().isoformat(timespec="seconds"),
  "machine": f"{os.cpu_count()} cores, {platform.system()} {platform.release()}, shared with other jobs",
  "run": f"web=3, wrk -c30 -t2 -d20s /orders, cache off (LAB_ORDERS_CACHE_SECONDS=0) then on ({seconds} s), alternated; repeated",
  "cache_seconds": seconds, "planned": planned, "runs": rows, "pairs": pairs, "cache_off": off, "cache_on": on,
  "rps_on_over_off_median": med([p["rps_on_over_off"] for p in pairs if p["rps_on_over_off"] is not None]),
  "latency_off_over_on_median": ratio(off["latency_avg_ms_median"], on["latency_avg_ms_median"]),
  "db_share_on_over_off": ratio(on["db_share_median"], off["db_share_median"]),
}
name = "bench/results/extension-task-" + stamp + ".json"
json.dump(res, open(name, "w"), indent=2, ensure_ascii=False)
print(f"Requests/sec с кэшем / без: медиана ×{res['rps_on_over_off_median']}; задержка без / с кэшем ×{res['latency_off_over_on_median']}; "
      f"db — {off['db_share_median']} лимита без кэша, {on['db_share_median']} с кэшем (×{res['db_share_on_over_off']}); "
      f"web (наименее загруженная реплика) — {off['web_share_median']} и {on['web_share_median']} лимита; "
      f"время в базе на запрос — {off['db_ms_per_request_median']} и {on['db_ms_per_request_median']} мс")
print("written", name)
PY
}
for r in $(seq 1 "$REPEATS"); do
  cache 0; one=$(run 0 "$r"); rows+=("$one"); log "#$r без кэша $one"
  cache "$CACHE_SECONDS"; two=$(run "$CACHE_SECONDS" "$r"); rows+=("$two"); log "#$r кэш $CACHE_SECONDS с $two"
  summary
done
