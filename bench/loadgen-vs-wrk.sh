#!/usr/bin/env bash
# Compares the grader's load generator (lab load) with wrk on the same target:
# wrk and ours alternate ROUNDS times with the same -t/-c/-d; prints Requests/sec and
# average latency of each run and the ratios ours/wrk. No Docker involved.
#
# Usage: bench/loadgen-vs-wrk.sh URL [duration=5s] [connections=50] [threads=2] [rounds=3]
# Only point it at a server you started yourself on this machine (loopback).
set -euo pipefail

url=${1:?"usage: $0 URL [duration] [connections] [threads] [rounds]"}
duration=${2:-5s}
connections=${3:-50}
threads=${4:-2}
rounds=${5:-3}

command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk" >&2; exit 1; }
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/bench/out
mkdir -p "$out"

(cd "$root" && ./mvnw -q -o compile >/dev/null 2>&1 || ./mvnw -q compile)
(cd "$root" && { ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile="$out/cp.txt" >/dev/null 2>&1 \
  || ./mvnw -q dependency:build-classpath -Dmdep.outputFile="$out/cp.txt" >/dev/null; })
cp="$root/target/classes:$(cat "$out/cp.txt")"

# Requests/sec and Latency avg (in ms) from wrk-format text
figures() {
  awk '
    /^ *Latency / { v=$2; if (v ~ /us$/) { sub(/us$/,"",v); v/=1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v) }
                    else if (v ~ /s$/) { sub(/s$/,"",v); v*=1000 } lat=v }
    /^Requests\/sec:/ { rps=$2 }
    END { printf "%s %s\n", rps, lat }' "$1"
}

printf "%-5s %-4s %12s %12s\n" round tool "req/s" "avg ms"
sum_ratio_rps=0; sum_ratio_lat=0
for i in $(seq 1 "$rounds"); do
  wrk -t"$threads" -c"$connections" -d"$duration" "$url" >"$out/wrk-$i.txt"
  java -Xss512k -cp "$cp" ru.mpgu.lab.cli.LabCli load -t"$threads" -c"$connections" -d"$duration" "$url" >"$out/lab-$i.txt"
  read -r wrps wlat < <(figures "$out/wrk-$i.txt")
  read -r lrps llat < <(figures "$out/lab-$i.txt")
  printf "%-5s %-4s %12s %12s\n" "$i" wrk "$wrps" "$wlat" "$i" lab "$lrps" "$llat"
  sum_ratio_rps=$(awk -v a="$lrps" -v b="$wrps" -v s="$sum_ratio_rps" 'BEGIN { print s + a / b }')
  sum_ratio_lat=$(awk -v a="$llat" -v b="$wlat" -v s="$sum_ratio_lat" 'BEGIN { print s + a / b }')
done
awk -v r="$sum_ratio_rps" -v l="$sum_ratio_lat" -v n="$rounds" \
  'BEGIN { printf "mean ratio lab/wrk: Requests/sec %.3f, avg latency %.3f\n", r / n, l / n }'
