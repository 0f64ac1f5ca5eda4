#!/usr/bin/env bash
# Compares the grader's load generator (lab load) with real wrk on the same target, alternating
# them ROUNDS times with the same -t/-c/-d and --latency. Prints per-run figures and the mean
# ratios lab/wrk for Requests/sec, average latency, p99 and CPU time per request (user+sys of the
# whole process; the JVM's start-up is included), and writes them to bench/results/NAME.json.
#
# Usage: bench/loadgen-vs-wrk.sh URL NAME [duration=20s] [connections=30] [threads=2] [rounds=3]
#   ANALYZE_ONLY=1 re-reads the outputs of an earlier run of the same NAME instead of running.
# Only point it at a server you started yourself on this machine (loopback).
set -euo pipefail

url=${1:?"usage: $0 URL NAME [duration] [connections] [threads] [rounds]"}
name=${2:?"usage: $0 URL NAME [duration] [connections] [threads] [rounds]"}
duration=${3:-20s}
connections=${4:-30}
threads=${5:-2}
rounds=${6:-3}

command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found: apt-get install -y time" >&2; exit 1; }
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/bench/out/$name
mkdir -p "$out" "$root/bench/results"

(cd "$root" && ./mvnw -q -B compile dependency:build-classpath -Dmdep.outputFile="$out/cp.txt" >/dev/null)
# A private copy of the classes: a rebuild of target/ during the run must not change what is measured.
rm -rf "$out/classes"; cp -r "$root/target/classes" "$out/classes"
cp="$out/classes:$(cat "$out/cp.txt")"

# ANALYZE_ONLY=1: only the summary, from the runs already in bench/out/NAME
for i in $(seq 1 "$rounds"); do
  [ -n "${ANALYZE_ONLY:-}" ] && break
  /usr/bin/time -f "%U %S" -o "$out/wrk-$i.cpu" wrk --latency -t"$threads" -c"$connections" -d"$duration" "$url" >"$out/wrk-$i.txt"
  /usr/bin/time -f "%U %S" -o "$out/lab-$i.cpu" java -cp "$cp" ru.mpgu.lab.cli.LabCli load --latency \
      -t"$threads" -c"$connections" -d"$duration" "$url" >"$out/lab-$i.txt" || true
  echo "round $i done" >&2
done

python3 - "$out" "$rounds" "$url" "$duration" "$connections" "$threads" "$root/bench/results/$name.json" <<'PY'
import json, re, statistics, sys, datetime
out, rounds, url, duration, conns, threads, dest = sys.argv[1], int(sys.argv[2]), *sys.argv[3:]
def ms(v, u): return float(v) * {"us": 1e-3, "ms": 1, "s": 1e3, "m": 6e4}[u]
def figures(tool, i):
    t = open(f"{out}/{tool}-{i}.txt").read()
    lat = ms(*re.search(r"Latency\s+([\d.]+)(us|ms|s|m)", t).groups())
    p99 = ms(*re.search(r"99%\s+([\d.]+)(us|ms|s|m)", t).groups())
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
    n = int(re.search(r"(\d+) requests in", t).group(1))
    err = sum(map(int, re.search(r"connect (\d+), read (\d+), write (\d+), timeout (\d+)", t).groups())) if "Socket errors" in t else 0
    cpu = sum(map(float, open(f"{out}/{tool}-{i}.cpu").read().split()[-2:]))
    return {"rps": rps, "latency_avg_ms": lat, "p99_ms": p99, "requests": n, "socket_errors": err,
            "cpu_s": cpu, "cpu_us_per_request": cpu * 1e6 / max(n, 1)}
runs = [{"round": i, "wrk": figures("wrk", i), "lab": figures("lab", i)} for i in range(1, rounds + 1)]
def ratio(key):  # wrk prints 0 latency when every answer took longer than --timeout: such rounds are left out
    pairs = [r["lab"][key] / r["wrk"][key] for r in runs if r["wrk"][key] > 0]
    return round(statistics.mean(pairs), 3) if pairs else None
res = {"date": datetime.datetime.now().isoformat(timespec="seconds"), "url": url, "duration": duration,
       "connections": int(conns), "threads": int(threads), "runs": runs,
       "ratio_lab_over_wrk": {k: ratio(k) for k in ("rps", "latency_avg_ms", "p99_ms", "cpu_us_per_request", "socket_errors")},
       "ratio_rounds": {k: sum(r["wrk"][k] > 0 for r in runs) for k in ("latency_avg_ms", "p99_ms", "socket_errors")}}
json.dump(res, open(dest, "w"), indent=2)
for r in runs:
    for tool in ("wrk", "lab"):
        f = r[tool]
        print(f"round {r['round']} {tool}: {f['rps']:9.2f} req/s  avg {f['latency_avg_ms']:8.2f} ms  p99 {f['p99_ms']:8.2f} ms  "
              f"errors {f['socket_errors']}  cpu {f['cpu_us_per_request']:7.1f} us/req")
print("mean ratio lab/wrk:", json.dumps(res["ratio_lab_over_wrk"]))
print("written", dest)
PY
