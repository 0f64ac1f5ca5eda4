# Shared by the stack benchmarks (source it): each container's CPU from its cgroup, as docker stats reads it.
bench_stack() { # PROJECT HTTP PROMETHEUS GRAFANA → P, URL, OUT: the bench's own compose project on loopback ports (each overridable)
  command -v wrk >/dev/null || { echo "нужен wrk: apt-get install wrk" >&2; exit 2; }
  P=$1
  export LAB_HTTP_PORT=${LAB_HTTP_PORT:-$2} LAB_PROMETHEUS_PORT=${LAB_PROMETHEUS_PORT:-$3} LAB_GRAFANA_PORT=${LAB_GRAFANA_PORT:-$4}
  URL="http://127.0.0.1:$LAB_HTTP_PORT/orders"
  OUT=bench/out; mkdir -p "$OUT" bench/results
}
cpu_us() { # container → CPU microseconds used so far (cgroup v1 or v2 on the host)
  local id f; id=$(docker inspect -f '{{.Id}}' "$1")
  if [ -f "/sys/fs/cgroup/cpuacct/docker/$id/cpuacct.usage" ]; then
    echo $(( $(cat "/sys/fs/cgroup/cpuacct/docker/$id/cpuacct.usage") / 1000 ))
  else
    f=$(ls -d /sys/fs/cgroup/system.slice/docker-"$id".scope /sys/fs/cgroup/docker/"$id" 2>/dev/null | head -1)
    awk '/^usage_usec/{print $2}' "$f/cpu.stat"
  fi
}
limit_cores() { docker inspect -f '{{.HostConfig.NanoCpus}}' "$1" | awk '{print $1/1e9}'; }
cpu_used() { # container ids… → "id used_us" lines (cheap: taken right before a run starts)
  local id
  for id in "$@"; do echo "$id $(cpu_us "$id")"; done
}
cpu_snapshot() { # container ids… → "id used_us limit_cores service" lines
  local id
  for id in "$@"; do
    echo "$id $(cpu_us "$id") $(limit_cores "$id") $(docker inspect -f '{{index .Config.Labels "com.docker.compose.service"}}' "$id")"
  done
}
# run_figures WRK_OUTPUT_FILE BEFORE_FILE AFTER_FILE T0 T1 → one JSON object: wrk's figures and each service's
# CPU during the run as a share of its limit (db: a number, web: one per replica)
run_figures() { python3 "$(dirname "${BASH_SOURCE[0]}")/run_figures.py" "$@"; }
boot_until() { # URL → the caller's `dc` stack built and up, URL answering; retried on a loaded machine (its db
  # healthcheck may time out before it recovers), bounded: 40 tries, 10 s apart
  local i
  for i in $(seq 1 40); do
    dc up -d --build >/dev/null 2>&1 || true
    curl -sf -o /dev/null --max-time 10 "$1" && return 0
    sleep 10
  done
  dc ps -a; echo "стенд не поднялся" >&2; return 1
}
