#!/usr/bin/env bash
# The dashboard's panels under the student's load, at web=1 and at web=3: starts its own stack
# (project "labpanels"), runs wrk -c30 -t2 for DURATION at each size, then runs every panel's exact
# PromQL from grafana/dashboards/django-lab.json against this stack's real Prometheus
# (bench/dashboard_panels.py) and writes bench/results/dashboard-panels.{json,png}.
# Traffic goes only to 127.0.0.1 ports of the stack this script starts.
set -Eeuo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v wrk >/dev/null || { echo "нужен wrk: apt-get install wrk" >&2; exit 2; }
P=labpanels
export LAB_HTTP_PORT=${LAB_HTTP_PORT:-18180} LAB_PROMETHEUS_PORT=${LAB_PROMETHEUS_PORT:-19190} LAB_GRAFANA_PORT=${LAB_GRAFANA_PORT:-13100}
mkdir -p bench/out bench/results
URL="http://127.0.0.1:$LAB_HTTP_PORT/orders"
PROM="http://127.0.0.1:$LAB_PROMETHEUS_PORT"
DURATION=${DURATION:-60}
PY=${PY:-python3}
dc() { docker compose -p "$P" ${COMPOSE_FILES:-} "$@"; }
trap 'dc down -v --remove-orphans >/dev/null 2>&1 || true' EXIT
log() { printf '[panels %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
prom() { curl -sf --get "$PROM/api/v1/query" --data-urlencode "query=$1" | python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else "nan")'; }

dc up -d --build --wait >/dev/null 2>&1 || { dc ps -a; exit 1; }
until curl -sf -o /dev/null "$URL"; do sleep 0.5; done
wrk -c30 -t2 -d10s "$URL" >/dev/null   # warm-up
sleep 35                               # let the warm-up leave the 30 s rate() window
s1=$(date +%s); wrk -c30 -t2 -d${DURATION}s "$URL" | tee bench/out/panels-web1.txt; e1=$(date +%s)
log "web=1: $s1..$e1"
dc up -d --no-recreate --scale web=3 --wait >/dev/null 2>&1
until [ "$(prom 'count(up{job="web"} == 1)')" = 3 ]; do sleep 0.5; done
wrk -c30 -t2 -d5s "$URL" >/dev/null; sleep 35
s3=$(date +%s); wrk -c30 -t2 -d${DURATION}s "$URL" | tee bench/out/panels-web3.txt; e3=$(date +%s)
log "web=3: $s3..$e3"
sleep 6   # one more scrape after the end
$PY bench/dashboard_panels.py --prom "$PROM" --window "web=1:$s1:$e1" --window "web=3:$s3:$e3" \
   --out bench/results/dashboard-panels.json --png bench/results/dashboard-panels.png
