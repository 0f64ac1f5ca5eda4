#!/usr/bin/env bash
# Measures the lab's lessons on the running machine with real wrk (Debian package), real nginx,
# PostgreSQL and Prometheus, in one run, and writes bench/results/stack-<date>.json (+ prints it).
#   1. time until every service is healthy after `docker compose up -d` (images already built)
#   2. 300 requests after --scale web=3 (nginx not restarted): share per replica
#   3. seconds until Prometheus shows 3 web targets up; Prometheus rate vs wrk's Requests/sec
#   4. latency at -c30 vs -c1; Requests/sec web=3 vs web=1 (3 repeats of -d60s each, see REPEAT);
#      CPU per service vs its limit; CPU-milliseconds per request of web and db in every repeat
#   5. total memory of the stack at web=3 (docker stats)
#   6. errors of -c30 -d20s at web=1 and web=3
# Why 60 s repeats: on these shared machines the CPU time one request costs drifts by ±10 % over
# 10–30 s (web and db together, while each container gets exactly its quota), so 20 s runs differ by
# up to ~20 %; 60 s runs average the drift out. Task 3 of the lab uses -d60s as well.
# Traffic goes only to 127.0.0.1 ports of the stack this script starts (project "labbench").
set -Eeuo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v wrk >/dev/null || { echo "нужен wrk: apt-get install wrk" >&2; exit 2; }
P=labbench
export LAB_HTTP_PORT=${LAB_HTTP_PORT:-18080} LAB_PROMETHEUS_PORT=${LAB_PROMETHEUS_PORT:-19090} LAB_GRAFANA_PORT=${LAB_GRAFANA_PORT:-13000}
URL="http://127.0.0.1:$LAB_HTTP_PORT/orders"
PROM="http://127.0.0.1:$LAB_PROMETHEUS_PORT"
OUT=bench/out; mkdir -p "$OUT" bench/results
RUNS=${RUNS:-3}
REPEAT=${REPEAT:-60s}
dc() { docker compose -p "$P" "$@"; }
cleanup() { dc down -v --remove-orphans >/dev/null 2>&1 || true; }
trap cleanup EXIT
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

all_healthy() { # every service of the project running, and healthy where it has a check
  dc ps -a --format json | python3 -c '
import json,sys
rows=[json.loads(l) for l in sys.stdin if l.strip().startswith("{")]
svc={r["Service"]:r for r in rows}
need=["db","web","nginx","prometheus","grafana"]
ok=all(s in svc and svc[s]["State"]=="running" and svc[s].get("Health","") in ("","healthy") for s in need)
ok=ok and svc.get("setup",{}).get("State")=="exited" and svc["setup"].get("ExitCode")==0
sys.exit(0 if ok else 1)'
}
prom() { curl -sf --get "$PROM/api/v1/query" --data-urlencode "query=$1" | python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else "nan")'; }
wrk_json() { # wrk args… → one JSON line with the figures
  wrk "$@" | tee -a "$OUT/wrk-all.txt" | python3 -c '
import re,sys
t=sys.stdin.read()
def unit(v,u): return float(v)*{"us":1e-3,"ms":1,"s":1e3,"m":6e4}[u]
m=re.search(r"Latency\s+([\d.]+)(us|ms|s|m)",t); lat=unit(*m.groups())
rps=float(re.search(r"Requests/sec:\s+([\d.]+)",t).group(1))
se=re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)",t)
n2=re.search(r"Non-2xx or 3xx responses: (\d+)",t)
print({"latency_avg_ms":lat,"rps":rps,"socket_errors":sum(map(int,se.groups())) if se else 0,"non2xx":int(n2.group(1)) if n2 else 0})'
}
cpu_us() { # total CPU microseconds used so far by the containers given (cgroup v1 or v2)
  local total=0 id f
  for id in $(docker inspect -f '{{.Id}}' "$@"); do
    if [ -f "/sys/fs/cgroup/cpuacct/docker/$id/cpuacct.usage" ]; then
      total=$(( total + $(cat "/sys/fs/cgroup/cpuacct/docker/$id/cpuacct.usage") / 1000 ))
    else
      f=$(ls -d /sys/fs/cgroup/system.slice/docker-"$id".scope /sys/fs/cgroup/docker/"$id" 2>/dev/null | head -1)
      total=$(( total + $(awk '/^usage_usec/{print $2}' "$f/cpu.stat") ))
    fi
  done
  echo "$total"
}
wrk_costed() { # like wrk_json, plus CPU-ms per request of web (all replicas) and db during the run
  local w0 d0 line w1 d1
  w0=$(cpu_us $(dc ps -q web)); d0=$(cpu_us $(dc ps -q db))
  line=$(wrk_json "$@")
  w1=$(cpu_us $(dc ps -q web)); d1=$(cpu_us $(dc ps -q db))
  python3 -c "import ast,sys; r=ast.literal_eval(sys.argv[1]); n=r['rps']*float(sys.argv[2]); r['web_cpu_ms_per_req']=round(($w1-$w0)/1000/n,2); r['db_cpu_ms_per_req']=round(($d1-$d0)/1000/n,2); print(r)" "$line" "${REPEAT%s}"
}
stats() { docker stats --no-stream --format '{{.Name}};{{.CPUPerc}};{{.MemUsage}}' $(dc ps -q); }

cleanup
log "образы: docker compose build (не входит в замер)"; dc build -q >/dev/null
t0=$(date +%s.%N); dc up -d >/dev/null 2>&1
for i in $(seq 1 120); do all_healthy && break; sleep 0.5; done
all_healthy || { dc ps -a; echo "стенд не поднялся" >&2; exit 1; }
healthy_s=$(python3 -c "import time;print(round(time.time()-$t0,1))")
until curl -sf -o /dev/null "$URL"; do sleep 0.5; done
log "все сервисы healthy за $healthy_s с"

wrk -c30 -t2 -d10s "$URL" >/dev/null   # warm-up: database caches, gunicorn workers
c1=$(wrk_json -c1 -t1 -d10s "$URL"); log "web=1 -c1: $c1"
e1=$(wrk_json -c30 -t2 -d20s "$URL"); log "web=1 -c30 -d20s: $e1"
web1=(); for r in $(seq 1 "$RUNS"); do web1+=("$(wrk_costed -c30 -t2 -d"$REPEAT" "$URL")"); log "web=1 -c30 -d$REPEAT #$r: ${web1[-1]}"; done

t1=$(date +%s.%N)
dc up -d --no-recreate --scale web=3 >/dev/null 2>&1
until [ "$(prom 'count(up{job="web"} == 1)')" = 3 ]; do sleep 0.5; done
targets_s=$(python3 -c "import time;print(round(time.time()-$t1,1))")
log "Prometheus видит 3 цели web через $targets_s с после --scale"
sleep 3
spread=$(for i in $(seq 1 300); do curl -s -o /dev/null -D - "$URL?limit=1" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-served-by"{print $2}'; done | sort | uniq -c | awk '{printf "%s%s:%s", (NR>1?",":""), $2, $1}')
log "300 запросов по репликам: $spread"

e3=$(wrk_json -c30 -t2 -d20s "$URL"); log "web=3 -c30 -d20s: $e3"
web3=(); for r in $(seq 1 "$RUNS"); do
  if [ "$r" = 1 ]; then (sleep 10; stats > "$OUT/stats-web3.txt") & fi
  web3+=("$(wrk_costed -c30 -t2 -d"$REPEAT" "$URL")"); log "web=3 -c30 -d$REPEAT #$r: ${web3[-1]}"
done
wait
# Prometheus' view of the rate during a steady run, against wrk's own figure.
( sleep 35; prom 'sum(rate(http_requests_total{job="web",path="/orders"}[30s]))' > "$OUT/prom-rate.txt" ) &
steady=$(wrk_json -c30 -t2 -d40s "$URL"); wait
prom_rate=$(cat "$OUT/prom-rate.txt"); log "Prometheus rate $prom_rate против wrk ${steady}"
limits=$(docker inspect -f '{{.Name}};{{.HostConfig.NanoCpus}};{{.HostConfig.Memory}}' $(dc ps -q))

python3 - "$OUT" <<PY
import ast, json, statistics, sys, datetime, platform, os
out = sys.argv[1]
c1 = ast.literal_eval('''$c1'''); web1 = [ast.literal_eval(x) for x in '''$(printf '%s\n' "${web1[@]}")'''.splitlines()]
web3 = [ast.literal_eval(x) for x in '''$(printf '%s\n' "${web3[@]}")'''.splitlines()]; steady = ast.literal_eval('''$steady''')
e1 = ast.literal_eval('''$e1'''); e3 = ast.literal_eval('''$e3''')
spread = dict((k, int(v)) for k, v in (p.split(":") for p in "$spread".split(",") if p))
limits = {}
for line in '''$limits'''.splitlines():
    name, cpu, mem = line.split(";"); limits[name.strip("/")] = (int(cpu) / 1e9, int(mem))
stats = []
for line in open(os.path.join(out, "stats-web3.txt")):
    name, cpu, mem = line.strip().split(";")
    used = mem.split("/")[0].strip()
    mib = float(used[:-3]) * {"KiB": 1/1024, "MiB": 1, "GiB": 1024}[used[-3:]]
    cpus, _ = limits.get(name, (0, 0))
    stats.append({"container": name, "cpu_percent": float(cpu.rstrip("%")), "cpu_limit_percent": cpus * 100,
                  "share_of_limit": round(float(cpu.rstrip("%")) / (cpus * 100), 2) if cpus else None, "memory_mib": round(mib, 1)})
def med(xs): return statistics.median(xs)
def spread_of(xs): return round((max(xs) - min(xs)) / med(xs), 3)
rps1 = [r["rps"] for r in web1]; rps3 = [r["rps"] for r in web3]
nearest = max((s for s in stats if s["share_of_limit"] is not None), key=lambda s: s["share_of_limit"])
res = {
  "date": datetime.datetime.now().isoformat(timespec="seconds"),
  "machine": f"{os.cpu_count()} cores, {platform.system()} {platform.release()}",
  "healthy_after_up_s": $healthy_s,
  "prometheus_3_targets_after_scale_s": $targets_s,
  "spread_300_requests": spread,
  "min_share_per_replica": round(min(spread.values()) / sum(spread.values()), 3) if spread else 0,
  "repeat_duration": "$REPEAT",
  "web1_c1": c1, "web1_c30": web1, "web3_c30": web3, "web1_c30_20s": e1, "web3_c30_20s": e3,
  "latency_ratio_c30_over_c1": round(med([r["latency_avg_ms"] for r in web1]) / c1["latency_avg_ms"], 1),
  "rps_ratio_web3_over_web1": round(med(rps3) / med(rps1), 2),
  "rps_spread_web1": round((max(rps1) - min(rps1)) / med(rps1), 3),
  "rps_spread_web3": round((max(rps3) - min(rps3)) / med(rps3), 3),
  # The machine's share of the spread: how much the CPU cost of one request moved between repeats.
  "web_cpu_ms_per_req_spread_web1": spread_of([r["web_cpu_ms_per_req"] for r in web1]),
  "db_cpu_ms_per_req_spread_web3": spread_of([r["db_cpu_ms_per_req"] for r in web3]),
  "prometheus_rate_vs_wrk": round(float("$prom_rate") / steady["rps"], 3) if "$prom_rate" != "nan" else None,
  "steady_wrk_40s": steady,
  "errors_web1": sum(r["socket_errors"] + r["non2xx"] for r in web1 + [e1]),
  "errors_web3": sum(r["socket_errors"] + r["non2xx"] for r in web3 + [e3]),
  "cpu_at_web3": stats,
  "nearest_to_cpu_limit": nearest["container"],
  "stack_memory_mib_web3": round(sum(s["memory_mib"] for s in stats), 1),
}
name = "bench/results/stack-" + res["date"][:16].replace(":", "-") + ".json"
json.dump(res, open(name, "w"), indent=2, ensure_ascii=False)
json.dump(res, open("bench/results/stack-latest.json", "w"), indent=2, ensure_ascii=False)
print(json.dumps(res, indent=2, ensure_ascii=False))
print("written", name)
PY
