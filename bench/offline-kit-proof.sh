#!/usr/bin/env bash
# Proof of the offline kit (issue 15): builds the kit (teacher/offline-kit.sh), prints its size, then, with the
# Docker Hub mirror stopped, Maven Central unreachable (a settings.xml mirror to a closed port and `-o`) and pip given only the kit's wheels (the Dockerfile's offline branch: no index, no pip config):
#   fresh clone of the exported student template -> wheels into app/wheels -> docker load -> docker compose up
#   -> /orders 200; then the self-check (./mvnw -o verify) from the kit's Maven home alone -> «Итого: X из 10».
# Writes bench/results/offline-kit-DATE.json. Traffic only to this machine's loopback. The stand-in python image
# of this test bed carries wheels of its own: the offline branch ignores them (PIP_CONFIG_FILE=/dev/null,
# --find-links /tmp/wheels only), and the build log below shows pip looking only at the kit's wheels.
set -Eeuo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
W=${WORK:-$(mktemp -d /tmp/lab-offline.XXXXXX)}
KIT=${KIT:-$W/kit}
P=labkitproof
export LAB_HTTP_PORT=${LAB_HTTP_PORT:-18780} LAB_PROMETHEUS_PORT=${LAB_PROMETHEUS_PORT:-19780} LAB_GRAFANA_PORT=${LAB_GRAFANA_PORT:-13780}
stamp=$(date -u +%Y-%m-%dT%H-%M)
mkdir -p bench/results
log() { printf '[offline-proof %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
now() { date +%s.%N; }
since() { python3 -c "print(round($(now) - $1, 1))"; }
mirror_was_up=
cleanup() {
  [ -d "$W/clone" ] && (cd "$W/clone" && docker compose -p "$P" down -v --remove-orphans >/dev/null 2>&1 || true)
  if [ -n "$mirror_was_up" ]; then bash ci/docker/testbed.sh mirror >/dev/null 2>&1 || echo "зеркало не перезапущено: bash ci/docker/testbed.sh mirror" >&2; fi
}
trap cleanup EXIT

if [ ! -f "$KIT/lab-images.tar" ]; then
  log "комплект: bash teacher/offline-kit.sh $KIT"
  t=$(now); bash teacher/offline-kit.sh "$KIT"; kit_seconds=$(since "$t")
else kit_seconds=None; fi
size() { du -sb "$1" | cut -f1; }

# --- the classroom: no registry, no Maven Central, no PyPI ---------------------------------------------------
if curl -sf -o /dev/null --max-time 2 http://127.0.0.1:5000/v2/; then
  mirror_was_up=1; pkill -f "docker-registry serve" || true; sleep 1
fi
curl -sf -o /dev/null --max-time 2 http://127.0.0.1:5000/v2/ && { echo "зеркало Docker Hub всё ещё отвечает" >&2; exit 1; }
log "зеркало Docker Hub остановлено; Docker Hub с этой машины недоступен"
rm -rf "$W/template" "$W/clone" "$W/home"
bin/lab template --out "$W/template" >/dev/null
git clone -q "$W/template" "$W/clone"
cp "$KIT"/wheels/*.whl "$W/clone/app/wheels/"
docker load -q -i "$KIT/lab-images.tar" >/dev/null
cd "$W/clone"
log "docker compose build web (журнал pip: $W/build.log)"
docker compose -p "$P" build --no-cache --progress plain web > "$W/build.log" 2>&1 || { tail -30 "$W/build.log"; exit 1; }
looked_in=$(grep -c "Looking in links: /tmp/wheels" "$W/build.log" || true)
index_hits=$(grep -ciE "Looking in indexes|pypi.org|files.pythonhosted" "$W/build.log" || true)
t=$(now)
docker compose -p "$P" up -d --wait > "$W/up.log" 2>&1 || { tail -30 "$W/up.log"; docker compose -p "$P" ps -a; exit 1; }
orders=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$LAB_HTTP_PORT/orders")
up_seconds=$(since "$t")
log "/orders: $orders (стенд поднялся за $up_seconds с)"
docker compose -p "$P" down -v --remove-orphans >/dev/null 2>&1

# --- the self-check from the kit's Maven home only ---------------------------------------------------------
mkdir -p "$W/home/.m2"; cp -r "$KIT/m2/." "$W/home/.m2/"
cat > "$W/home/.m2/settings.xml" <<'XML'
<settings><mirrors><mirror><id>unreachable</id><mirrorOf>*</mirrorOf><url>http://127.0.0.1:9/closed</url></mirror></mirrors></settings>
XML
log "самопроверка: ./mvnw -o verify (HOME=$W/home, Maven Central недоступен)"
t=$(now)
# MVNW_REPOURL is left alone: the wrapper finds its Maven by a hash of the distribution URL
HOME="$W/home" ./mvnw -o -B -ntp verify > "$W/verify.log" 2>&1 || true
verify_seconds=$(since "$t")
total_line=$(grep -m1 -oE "Итого: [0-9.,]+ из [0-9]+" "$W/verify.log" || echo "")
build_ok=$(grep -c "BUILD SUCCESS" "$W/verify.log" || true)
log "самопроверка: ${total_line:-нет строки «Итого»} за $verify_seconds с (журнал $W/verify.log)"
cd "$here"
python3 - <<PY > "bench/results/offline-kit-$stamp.json"
import json
print(json.dumps({
  "when_utc": "$stamp",
  "kit": {"dir": "$(basename "$KIT")", "build_seconds": $kit_seconds,
          "bytes": {"lab-images.tar": $(size "$KIT/lab-images.tar"), "wheels": $(size "$KIT/wheels"), "m2": $(size "$KIT/m2"), "total": $(size "$KIT")}},
  "classroom": {"docker_hub_mirror": "stopped", "maven": "-o, settings.xml mirror * -> 127.0.0.1:9 (closed), the wrapper's Maven from the kit",
                "pip": "kit wheels only (Dockerfile offline branch)"},
  "web_build": {"pip_looked_in_kit_wheels": $looked_in, "pip_index_lines": $index_hits},
  "compose_up": {"orders_status": "$orders", "seconds": $up_seconds},
  "self_check": {"total_line": "$total_line", "build_success": $build_ok > 0, "seconds": $verify_seconds},
  "not_run_here": "the real python:3.11-slim-bookworm and Docker Hub (no registry reachable); the stand-ins under the same tags",
}, ensure_ascii=False, indent=1))
PY
cat "bench/results/offline-kit-$stamp.json"
