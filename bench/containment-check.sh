#!/usr/bin/env bash
# Containment of a graded stack, measured on a real grading (issue 13). Needs root (ip netns) and Docker.
#   bash bench/containment-check.sh [REPO]      (default: a copy of this template)
# 1. Creates a network namespace with a listener on 198.18.0.2:8099 (benchmark range, never routed out):
#    the "address outside the machine". Traffic goes only there: nothing leaves this computer.
# 2. Shows the target is real: reachable from the host and from a plain container on Docker's default bridge.
# 3. Starts `bin/lab grade` in the background; while the stack runs: `ss -ltn` and `docker ps` for its ports,
#    and a connection attempt from the stack's web and grafana containers to 198.18.0.2:8099.
# 4. Writes bench/results/containment-latest.json. Everything it creates is removed at the end.
set -Eeuo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ns=i13egress$$; veth_host=v13h$$; veth_ns=v13n$$
target_ip=198.18.0.2; target_port=8099
work="$(mktemp -d /tmp/containment.XXXXXX)"
listener_pid=""; grade_pid=""
py="$(command -v python3)"
cleanup() {
  [[ -n "$grade_pid" ]] && kill "$grade_pid" 2>/dev/null && wait "$grade_pid" 2>/dev/null || true
  [[ -n "$listener_pid" ]] && kill "$listener_pid" 2>/dev/null || true
  ip link del "$veth_host" 2>/dev/null || true
  ip netns del "$ns" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

repo="${1:-}"
if [[ -z "$repo" ]]; then
  repo="$work/template"; mkdir -p "$repo"
  (cd "$here" && cp -r docker-compose.yml rubric.yaml app nginx prometheus grafana wrk report "$repo/")
fi

ip netns add "$ns"
ip link add "$veth_host" type veth peer name "$veth_ns"
ip link set "$veth_ns" netns "$ns"
ip addr add 198.18.0.1/30 dev "$veth_host"; ip link set "$veth_host" up
ip netns exec "$ns" ip addr add "$target_ip/30" dev "$veth_ns"
ip netns exec "$ns" ip link set "$veth_ns" up
ip netns exec "$ns" ip link set lo up
mkdir -p "$work/www"; echo "reached the test namespace" > "$work/www/index.html"
ip netns exec "$ns" "$py" -m http.server "$target_port" --bind "$target_ip" --directory "$work/www" >/dev/null 2>&1 &
listener_pid=$!
probe='import socket,sys
try:
    socket.create_connection(("'$target_ip'", '$target_port'), timeout=3).close(); print("connected")
except OSError as e:
    print("failed:", e); sys.exit(1)'
host_result="failed"
for _ in $(seq 1 20); do
  if curl -s -m 2 "http://$target_ip:$target_port/" | grep -q reached; then host_result="connected"; break; fi
  sleep 0.5
done
echo "host -> $target_ip:$target_port: $host_result"
bridge_result="$(docker run --rm --network bridge --entrypoint python django-scaling-lab/web:1.0 -c "$probe" 2>&1 || true)"
echo "plain container on the default bridge -> $target_ip:$target_port: $bridge_result"

# A shared, overloaded machine boots slowly: the same rubric with a longer boot timeout (only for this measurement).
sed -E 's/(boot_timeout_seconds:) *[0-9]+/\1 420/' "$here/rubric.yaml" > "$work/rubric.yaml"
(cd "$here" && exec bin/lab grade --repo "$repo" --rubric "$work/rubric.yaml" --out "$work/out" > "$work/grade.log" 2>&1) &
grade_pid=$!
project=""; web=""; grafana=""
for _ in $(seq 1 600); do
  # bin/lab execs java, so the grader's pid is $grade_pid and its project is labgrade<pid>x…
  project="$(docker ps --format '{{.Label "com.docker.compose.project"}}' | grep -m1 "^labgrade${grade_pid}x" || true)"
  if [[ -n "$project" ]]; then
    grafana="$(docker ps -q --filter "label=com.docker.compose.project=$project" --filter label=com.docker.compose.service=grafana | head -1)"
    [[ -n "$grafana" ]] && break
  fi
  sleep 1
done
[[ -n "$grafana" ]] || { echo "no container of the graded stack appeared"; tail -20 "$work/grade.log"; exit 1; }
sleep 3
echo "graded stack: $project"
ports="$(docker ps --filter "label=com.docker.compose.project=$project" --format '{{.Label "com.docker.compose.service"}}: {{.Ports}}')"
echo "$ports"
host_ports="$(echo "$ports" | grep -o '[0-9.]*:[0-9]*->' | sed 's/->//' || true)"
echo "ss -ltn, the stack's ports:"
ss_lines=""
for hp in $host_ports; do ss_lines+="$(ss -ltn "sport = :${hp##*:}" | tail -n +2)"$'\n'; done
echo -n "$ss_lines"
non_loopback="$(echo "$host_ports" | grep -vc '^127\.0\.0\.1:' || true)"
grafana_result="$(docker exec "$grafana" python3 -c "$probe" 2>&1 || true)"
echo "graded grafana -> $target_ip:$target_port: $grafana_result"
# web starts last (after db and the one-shot setup); on an overloaded machine it may take minutes.
for _ in $(seq 1 240); do
  web="$(docker ps -q --filter "label=com.docker.compose.project=$project" --filter label=com.docker.compose.service=web --filter health=healthy | head -1)"
  [[ -n "$web" ]] && break
  kill -0 "$grade_pid" 2>/dev/null || break
  sleep 1
done
web_result="not started (setup or web did not come up in time on this machine)"
[[ -n "$web" ]] && web_result="$(docker exec "$web" python -c "$probe" 2>&1 || true)"
echo "graded web -> $target_ip:$target_port: $web_result"
wait "$grade_pid" || true; grade_pid=""
total="$(grep -m1 -o 'Итого: .*' "$work/grade.log" || true)"
echo "grading: $total"
left="$(docker ps -aq --filter "label=com.docker.compose.project=$project" | wc -l)"
mkdir -p "$here/bench/results"
"$py" - "$here/bench/results/containment-latest.json" <<PY
import json, sys
json.dump({
  "date": "$(date -u +%FT%TZ)", "machine": "2 cores, shared by six helpers, Docker $(docker version --format '{{.Server.Version}}')",
  "target": "$target_ip:$target_port in network namespace $ns",
  "host_to_target": "$host_result", "default_bridge_container_to_target": """$bridge_result""",
  "graded_project": "$project", "published": """$ports""".splitlines(), "ss_ltn": """$ss_lines""".strip().splitlines(),
  "published_not_on_loopback": int("$non_loopback" or 0),
  "graded_web_to_target": """$web_result""", "graded_grafana_to_target": """$grafana_result""",
  "grading": """$total""", "containers_left_after_grading": int("$left"),
}, open(sys.argv[1], "w"), ensure_ascii=False, indent=2)
PY
echo "written: bench/results/containment-latest.json"
[[ "$host_result" == connected && "$grafana_result" == failed* && "$web_result" != connected && "$non_loopback" == 0 && "$left" == 0 ]]
