#!/usr/bin/env bash
# What gunicorn's preload_app saves when --scale adds replicas: for WEB_PRELOAD=0 and 1 (twice each), the time
# from `up --scale web=3 --wait` to healthy and the CPU seconds each new replica used to get there (its cgroup).
# Writes bench/results/preload-boot-<date>.json. Loopback only (project "labpre"); the stack is removed at the end.
set -Eeuo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export LAB_HTTP_PORT=${LAB_HTTP_PORT:-18280} LAB_PROMETHEUS_PORT=${LAB_PROMETHEUS_PORT:-19290} LAB_GRAFANA_PORT=${LAB_GRAFANA_PORT:-13200}
ov=$(mktemp); rows=$(mktemp)
dc() { docker compose -p labpre -f docker-compose.yml -f "$ov" "$@"; }
trap 'dc down -v --remove-orphans >/dev/null 2>&1 || true; rm -f "$ov" "$rows"' EXIT
. "$(dirname "${BASH_SOURCE[0]}")/lib/stack-cpu.sh"
for mode in 0 1 0 1; do
  printf 'services:\n  web:\n    environment:\n      WEB_PRELOAD: "%s"\n' "$mode" > "$ov"
  dc up -d --build --wait >/dev/null 2>&1
  t0=$(date +%s.%N); dc up -d --no-deps --no-recreate --scale web=3 --wait web >/dev/null 2>&1; t1=$(date +%s.%N)
  for c in $(dc ps -q web | tail -n +2); do
    name=$(docker inspect -f '{{.Name}}' "$c"); name=${name#/}
    [ "$name" = labpre-web-1 ] && continue
    printf '{"preload": %s, "replica": "%s", "healthy_after_scale_s": %.1f, "boot_cpu_s": %.2f}\n' \
      "$mode" "$name" "$(echo "$t1 - $t0" | bc)" "$(awk -v u="$(cpu_us "$c")" 'BEGIN{print u/1e6}')" | tee -a "$rows"
  done
  dc down -v --remove-orphans >/dev/null 2>&1
done
out=bench/results/preload-boot-$(date -u +%Y-%m-%dT%H-%M).json
python3 - "$rows" "$out" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
res = {"what": "replicas added by --scale web=3: time to healthy and CPU used to boot, gunicorn preload_app off/on",
       "rows": rows}
for m in (0, 1):
    sel = [r for r in rows if r["preload"] == m]
    res[f"preload_{m}"] = {"boot_cpu_s_median": statistics.median(r["boot_cpu_s"] for r in sel),
                           "healthy_after_scale_s_median": statistics.median(r["healthy_after_scale_s"] for r in sel)}
json.dump(res, open(sys.argv[2], "w"), indent=1)
print(json.dumps({k: v for k, v in res.items() if k.startswith("preload")}), "→", sys.argv[2])
PY
