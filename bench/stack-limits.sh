#!/usr/bin/env bash
# Boot time and memory of the stack with the limits of docker-compose.yml (project "labi15lim", loopback ports):
# seconds until every service is healthy after `up -d`, then memory per container at --scale web=3.
# Where the testbed has not yet built the stand-ins under the compose file's tags, IMAGE_MAP (old=new,...)
# runs the old tags in their place, said in the output. Writes bench/results/stack-limits.json.
set -Eeuo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
P=labi15lim
export LAB_HTTP_PORT=${LAB_HTTP_PORT:-18581} LAB_PROMETHEUS_PORT=${LAB_PROMETHEUS_PORT:-19581} LAB_GRAFANA_PORT=${LAB_GRAFANA_PORT:-13581}
files=(-f docker-compose.yml)
tmp=$(mktemp -d)
dc() { docker compose -p "$P" "${files[@]}" "$@"; }
cleanup() {
  dc down -v --remove-orphans >/dev/null 2>&1 || true; rm -rf "$tmp"
  # private tags this script built (IMAGE_MAP web=lab-bench-*/…) go too; shared images are never touched
  for pair in $(printf '%s' "${IMAGE_MAP:-}" | tr ',' ' '); do case "${pair#*=}" in lab-bench-*) docker image rm -f "${pair#*=}" >/dev/null 2>&1 || true;; esac; done
}
trap cleanup EXIT
mapped=""
if [ -n "${IMAGE_MAP:-}" ]; then
  echo "services:" > "$tmp/map.yml"
  for pair in ${IMAGE_MAP//,/ }; do
    svc=${pair%%=*}; img=${pair#*=}; printf '  %s:\n    image: %s\n' "$svc" "$img" >> "$tmp/map.yml"; mapped="$mapped $svc=$img"
  done
  files+=(-f "$tmp/map.yml")
fi
healthy() { ! dc ps -a --format '{{.Service}} {{.State}} {{.Health}}' | grep -v '^setup ' | grep -vE ' running (healthy|)$' | grep -q .; }
dc build -q >/dev/null
t0=$(date +%s.%N); dc up -d >/dev/null 2>&1
for i in $(seq 1 240); do healthy && break; sleep 0.5; done
healthy || { dc ps -a; echo "стенд не поднялся" >&2; exit 1; }
boot=$(python3 -c "import time;print(round(time.time()-$t0,1))")
curl -sf -o /dev/null "http://127.0.0.1:$LAB_HTTP_PORT/orders" && orders=200 || orders=fail
dc up -d --no-recreate --scale web=3 >/dev/null 2>&1
for i in $(seq 1 120); do healthy && [ "$(dc ps -q web | wc -l)" = 3 ] && break; sleep 0.5; done
sleep 10
docker stats --no-stream --format '{{.Name}};{{.MemUsage}}' $(dc ps -q) > "$tmp/stats"
docker inspect -f '{{.Name}};{{.HostConfig.NanoCpus}};{{.HostConfig.Memory}}' $(dc ps -q) > "$tmp/limits"
python3 - "$tmp" "$boot" "$orders" "$mapped" <<'PY'
import json, sys, datetime
tmp, boot, orders, mapped = sys.argv[1:5]
lim = {l.split(";")[0].strip("/"): (int(l.split(";")[1]) / 1e9, int(l.split(";")[2]) / 2**20) for l in open(tmp + "/limits")}
rows = []
for l in open(tmp + "/stats"):
    name, mem = l.strip().split(";"); used = mem.split("/")[0].strip()
    mib = float(used[:-3]) * {"KiB": 1/1024, "MiB": 1, "GiB": 1024}[used[-3:]]
    rows.append({"container": name, "memory_mib": round(mib, 1), "cpu_limit": lim[name][0], "memory_limit_mib": lim[name][1]})
res = {"date": datetime.datetime.now().isoformat(timespec="seconds"), "healthy_after_up_s": float(boot),
       "orders": orders, "web_replicas": 3, "total_memory_mib": round(sum(r["memory_mib"] for r in rows), 1),
       "total_memory_limit_mib": round(sum(r["memory_limit_mib"] for r in rows)), "containers": rows,
       "images_mapped": mapped.strip(), "note": "machine shared by six sessions; stand-in images (no real Grafana)"}
json.dump(res, open("bench/results/stack-limits.json", "w"), indent=1, ensure_ascii=False)
print(f"healthy after up: {boot} s, /orders {orders}; memory at web=3: {res['total_memory_mib']} MiB "
      f"(limits {res['total_memory_limit_mib']} MiB); mapped: {mapped.strip() or 'none'}")
for r in rows: print(f"  {r['container']:32} {r['memory_mib']:7.1f} MiB  limit {r['memory_limit_mib']:5.0f} MiB  {r['cpu_limit']} CPU")
PY
