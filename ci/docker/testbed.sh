#!/usr/bin/env bash
# Docker test bed for machines with no engine and no registry:
# installs the engine (Debian docker.io) and Compose v2 (trixie's static binary),
# builds Debian base images with debootstrap, then builds a local stand-in for
# every image the lab's docker-compose.yml needs, under the very same name:tag.
# Idempotent: each stand-in carries a recipe hash label and is rebuilt only when its recipe changes.
#
# Usage: ci/docker/testbed.sh [up|engine|images|mirror|list|save ARCHIVE]
#   mirror: a local Docker Hub mirror (Debian's docker-registry on 127.0.0.1:5000) holding the stand-ins,
#           so `docker compose pull` works with no registry on the internet (CI uses it; see README).
set -Eeuo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
STATE="${LAB_TESTBED_STATE:-/var/tmp/lab-testbed}"
DOCKERD_LOG="$STATE/dockerd.log"
COMPOSE_PLUGIN_DIR=/usr/local/lib/docker/cli-plugins
HUB_MIRROR="${LAB_HUB_MIRROR:-127.0.0.1:5000}"
T0=$(date +%s)

log()  { printf '[testbed %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die()  { printf '[testbed] ОШИБКА: %s\n' "$*" >&2; exit 1; }
since(){ echo $(( $(date +%s) - $1 ))s; }
mkdir -p "$STATE"

need_root() { [ "$(id -u)" = 0 ] || die "нужны права root (sudo $0 $*)"; }

apt_updated=""
apt_install() {
  need_root
  if [ -z "$apt_updated" ]; then apt-get update -q >"$STATE/apt-update.log" 2>&1 || { tail -20 "$STATE/apt-update.log"; die "apt-get update не прошёл"; }; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >"$STATE/apt-install.log" 2>&1 \
    || { tail -20 "$STATE/apt-install.log"; die "apt-get install $* не прошёл"; }
}

# The Debian mirror the host already uses; containers reach the same one.
debian_mirror() {
  local uri
  uri=$(grep -hsE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -1)
  [ -n "$uri" ] || uri=$(grep -hsE '^deb ' /etc/apt/sources.list 2>/dev/null | awk '{print $2}' | grep -v security | head -1)
  echo "${uri:-http://deb.debian.org/debian}"
}
MIRROR="${LAB_DEBIAN_MIRROR:-$(debian_mirror)}"

ensure_engine() {
  local t; t=$(date +%s)
  if docker info >/dev/null 2>&1; then
    log "Docker engine уже отвечает: $(docker version -f '{{.Server.Version}}' 2>/dev/null)"; return
  fi
  if ! command -v dockerd >/dev/null 2>&1; then
    log "устанавливаю Docker engine из пакетов Debian (docker.io)…"
    apt_install docker.io iptables ca-certificates
  fi
  need_root
  log "запускаю dockerd (журнал: $DOCKERD_LOG)…"
  # Docker Hub pulls try the local mirror first (`testbed.sh mirror` starts it), then Docker Hub.
  setsid nohup dockerd --registry-mirror "http://$HUB_MIRROR" >"$DOCKERD_LOG" 2>&1 < /dev/null &
  local pid=$! i
  for i in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "--- хвост журнала dockerd ---" >&2; tail -30 "$DOCKERD_LOG" >&2
      die "dockerd завершился при старте (см. выше)"
    fi
    sleep 1
  done
  docker info >/dev/null 2>&1 || { tail -30 "$DOCKERD_LOG" >&2; die "dockerd не ответил за 60 с"; }
  log "Docker engine $(docker version -f '{{.Server.Version}}') (API $(docker version -f '{{.Server.APIVersion}}')), запуск за $(since "$t")"
}

ensure_compose() {
  if docker compose version >/dev/null 2>&1; then
    log "Docker Compose: $(docker compose version --short)"; return
  fi
  need_root
  local t d; t=$(date +%s); d="$STATE/compose-deb"
  log "скачиваю Compose v2 (пакет docker-compose из Debian trixie)…"
  rm -rf "$d"; mkdir -p "$d/lists/partial" "$d/archives/partial"
  printf 'deb [trusted=yes] %s trixie main\n' "$MIRROR" > "$d/sources.list"
  local aptopts=(-o Dir::Etc::SourceList="$d/sources.list" -o Dir::Etc::SourceParts=/dev/null
                 -o Dir::State::Lists="$d/lists" -o Dir::Cache::Archives="$d/archives"
                 -o Acquire::Check-Valid-Until=false -o APT::Get::List-Cleanup=false)
  apt-get "${aptopts[@]}" update -q >"$d/update.log" 2>&1 || { tail "$d/update.log"; die "apt-get update (trixie) не прошёл"; }
  (cd "$d" && apt-get "${aptopts[@]}" download docker-compose >"$d/download.log" 2>&1) || { tail "$d/download.log"; die "не удалось скачать docker-compose"; }
  dpkg-deb -x "$d"/docker-compose_*.deb "$d/x"
  mkdir -p "$COMPOSE_PLUGIN_DIR"
  install -m 0755 "$d/x/usr/libexec/docker/cli-plugins/docker-compose" "$COMPOSE_PLUGIN_DIR/docker-compose"
  docker compose version >/dev/null || die "docker compose не запускается после установки"
  log "Docker Compose $(docker compose version --short), установка за $(since "$t")"
}

image_label() { docker image inspect -f "{{index .Config.Labels \"$2\"}}" "$1" 2>/dev/null || true; }

# Base images: debootstrap minbase rootfs → docker import.
BASES=(bookworm trixie forky)
ensure_bases() {
  local pending=() suite
  for suite in "${BASES[@]}"; do
    local h; h=$(printf '%s|%s|minbase|v1' "$suite" "$MIRROR" | sha256sum | cut -c1-16)
    if [ "$(image_label "lab-base:$suite" lab.recipe-hash)" = "$h" ]; then
      log "база lab-base:$suite уже есть (рецепт $h)"
    else
      pending+=("$suite:$h")
    fi
  done
  [ ${#pending[@]} -eq 0 ] && return
  command -v debootstrap >/dev/null || { log "устанавливаю debootstrap…"; apt_install debootstrap; }
  local t; t=$(date +%s); local pids=() item
  log "debootstrap --variant=minbase: ${pending[*]%%:*} (параллельно, около минуты; журналы в $STATE)…"
  for item in "${pending[@]}"; do
    suite=${item%%:*}
    (
      # The host's debootstrap knows 'testing' but not 'forky'; both name the same suite today.
      ds=$suite; [ "$suite" = forky ] && ds=testing
      root="$STATE/rootfs-$suite"; rm -rf "$root"
      debootstrap --variant=minbase --no-check-gpg "$ds" "$root" "$MIRROR" >"$STATE/debootstrap-$suite.log" 2>&1
    ) & pids+=("$!:$item")
  done
  local failed=""
  for p in "${pids[@]}"; do
    local pid=${p%%:*} rest=${p#*:}; suite=${rest%%:*}
    if ! wait "$pid"; then tail -15 "$STATE/debootstrap-$suite.log" >&2; failed="$failed $suite"; fi
  done
  [ -z "$failed" ] || die "debootstrap не прошёл для:$failed (журналы в $STATE)"
  for item in "${pending[@]}"; do
    suite=${item%%:*}; local h=${item#*:} root="$STATE/rootfs-$suite"
    printf 'deb %s %s main\n' "$MIRROR" "$suite" > "$root/etc/apt/sources.list"
    rm -f "$root"/etc/apt/sources.list.d/*
    # Trixie/forky Release files on the mirror may be reported expired.
    echo 'Acquire::Check-Valid-Until "false";' > "$root/etc/apt/apt.conf.d/99lab-no-valid-until"
    printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' > "$root/etc/apt/apt.conf.d/99lab-no-recommends"
    rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
    tar -C "$root" -c . | docker import -c "LABEL lab.recipe-hash=$h" -c 'CMD ["bash"]' - "lab-base:$suite" >/dev/null
    rm -rf "$root"
    log "база lab-base:$suite импортирована ($(docker image inspect -f '{{.Size}}' "lab-base:$suite" | awk '{printf "%.0f MB", $1/1e6}'))"
  done
  log "базовые образы собраны за $(since "$t")"
}

# Stand-ins: ci/docker/images.tsv maps each image reference to a recipe folder.
MANIFEST="$HERE/images.tsv"
standins() { grep -vE '^\s*(#|$)' "$MANIFEST"; }

# Every image the lab uses: compose images without a build, plus FROM lines of the build contexts.
required_images() {
  local f="$REPO/docker-compose.yml"
  local cfg; cfg=$(docker compose -f "$f" --profile tools config --format json 2>"$STATE/compose-config.err") \
    || { cat "$STATE/compose-config.err" >&2; return 1; }
  printf '%s' "$cfg" | python3 -c '
import json, os, re, sys
cfg = json.load(sys.stdin)
out = set()
for name, svc in cfg.get("services", {}).items():
    b = svc.get("build")
    if b:
        ctx = b.get("context", "."); df = os.path.join(ctx, b.get("dockerfile", "Dockerfile"))
        if not os.path.isfile(df):
            sys.exit(f"service {name}: no Dockerfile at {df}")
        for line in open(df, encoding="utf-8"):
            m = re.match(r"\s*FROM\s+(?:--\S+\s+)*(\S+)", line, re.I)
            if m: out.add(m.group(1))
    elif svc.get("image"):
        out.add(svc["image"])
print("\n".join(sorted(out)))'
}

recipe_hash() { # folder, base image
  { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum); image_label "$2" lab.recipe-hash; echo "$MIRROR"; } | sha256sum | cut -c1-16
}

prepare_wheels() { # the python stand-in bakes in the wheels of the app's requirements
  local dir="$1/wheels" req="$REPO/app/requirements.txt"
  [ -f "$req" ] || die "нет app/requirements.txt: не из чего собрать колёса для образа python"
  # Cached per requirements file, so a fresh clone on the same machine does not download again.
  local cache="$STATE/wheels-$(sha256sum "$req" | cut -c1-16)"
  if ! ls "$cache"/*.whl >/dev/null 2>&1; then
    mkdir -p "$cache"
    # No retries: an unreachable default index must fail at once, not after minutes of back-off.
    pip download -q --retries 0 --timeout 10 --only-binary=:all: -d "$cache" -r "$req" >/dev/null 2>"$STATE/pip-download.log" \
      || { rm -rf "$cache"; cat "$STATE/pip-download.log" >&2; die "pip download для образа python не прошёл (нужны колёса CPython 3.11 для $req)"; }
  fi
  rm -rf "$dir"; mkdir -p "$dir"; cp "$cache"/*.whl "$dir"/
}

build_standins() {
  local missing=() req reqs
  reqs=$(required_images) || die "не удалось прочитать список образов из docker-compose.yml (проверьте: docker compose config)"
  for req in $reqs; do
    standins | awk -F'\t' -v r="$req" '$1==r{f=1} END{exit !f}' || missing+=("$req")
  done
  # Images built by the lab itself (lab-*) come from compose; the rest need a stand-in.
  [ ${#missing[@]} -eq 0 ] || die "нет рецепта заглушки для образов: ${missing[*]} (добавьте строку в ci/docker/images.tsv)"
  local ref dir base t h
  while IFS=$'\t' read -r ref dir base; do
    local ctx="$HERE/images/$dir"
    [ "$dir" = python ] && prepare_wheels "$ctx"
    h=$(recipe_hash "$ctx" "$base")
    if [ "$(image_label "$ref" lab.recipe-hash)" = "$h" ]; then
      log "образ $ref уже собран (рецепт $h)"; continue
    fi
    t=$(date +%s)
    log "собираю $ref из ci/docker/images/$dir …"
    if ! DOCKER_BUILDKIT=0 docker build -q --build-arg "BASE=$base" --build-arg "MIRROR=$MIRROR" \
         --label "lab.recipe-hash=$h" --label "lab.standin=true" -t "$ref" "$ctx" >"$STATE/build-$dir.log" 2>&1; then
      echo "--- сборка $ref: последние строки ---" >&2; tail -25 "$STATE/build-$dir.log" >&2
      die "не собрался образ $ref (рецепт ci/docker/images/$dir, шаг указан выше)"
    fi
    docker image prune -f --filter label=lab.standin=true >/dev/null 2>&1 || true
    log "собран $ref за $(since "$t") ($(docker image inspect -f '{{.Size}}' "$ref" | awk '{printf "%.0f MB", $1/1e6}'))"
  done < <(standins)
}

# Images `docker compose pull` fetches: those of services without a build.
pulled_images() {
  docker compose -f "$REPO/docker-compose.yml" --profile tools config --format json | python3 -c '
import json, sys
svcs = json.load(sys.stdin).get("services", {})
print("\n".join(sorted({s["image"] for s in svcs.values() if s.get("image") and not s.get("build")})))'
}

# A Docker Hub mirror on this machine (Debian's docker-registry) holding the stand-ins, so that
# `docker compose pull` works with no registry on the internet, as in a classroom with a mirror.
ensure_hub_mirror() {
  need_root
  local t; t=$(date +%s)
  if ! docker info -f '{{json .RegistryConfig.Mirrors}}' 2>/dev/null | grep -q "$HUB_MIRROR"; then
    die "dockerd запущен без зеркала http://$HUB_MIRROR (его запускал не testbed.sh): добавьте в /etc/docker/daemon.json \"registry-mirrors\": [\"http://$HUB_MIRROR\"] и перезапустите Docker"
  fi
  command -v docker-registry >/dev/null || { log "устанавливаю docker-registry (пакет Debian)…"; apt_install docker-registry; }
  if ! curl -sf "http://$HUB_MIRROR/v2/" >/dev/null; then
    mkdir -p "$STATE/hub-mirror"
    printf 'version: 0.1\nlog: {level: warn}\nstorage: {filesystem: {rootdirectory: %s}}\nhttp: {addr: %s}\n' \
      "$STATE/hub-mirror" "$HUB_MIRROR" > "$STATE/hub-mirror.yml"
    setsid nohup docker-registry serve "$STATE/hub-mirror.yml" >"$STATE/hub-mirror.log" 2>&1 < /dev/null &
    local i; for i in $(seq 1 20); do curl -sf "http://$HUB_MIRROR/v2/" >/dev/null && break; sleep 0.5; done
    curl -sf "http://$HUB_MIRROR/v2/" >/dev/null || { tail -20 "$STATE/hub-mirror.log" >&2; die "docker-registry не ответил на $HUB_MIRROR"; }
    log "зеркало Docker Hub: docker-registry на $HUB_MIRROR (хранилище $STATE/hub-mirror)"
  fi
  local ref path id mark
  mkdir -p "$STATE/hub-mirror-pushed"
  for ref in $(pulled_images); do
    docker image inspect "$ref" >/dev/null 2>&1 || die "нет образа $ref: сначала ci/docker/testbed.sh up"
    path=$ref; [[ "$path" == */* ]] || path="library/$path"   # Docker Hub's name for official images
    id=$(docker image inspect -f '{{.Id}}' "$ref"); mark="$STATE/hub-mirror-pushed/$(echo "$path" | tr '/:' '__')"
    if [ "$(cat "$mark" 2>/dev/null)" = "$id" ] && curl -sf -o /dev/null \
         -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
         "http://$HUB_MIRROR/v2/${path%:*}/manifests/${path##*:}"; then
      log "в зеркале уже есть $ref"; continue
    fi
    log "кладу $ref в зеркало…"
    docker tag "$ref" "$HUB_MIRROR/$path"
    docker push -q "$HUB_MIRROR/$path" >"$STATE/hub-mirror-push.log" 2>&1 \
      || { tail -20 "$STATE/hub-mirror-push.log" >&2; die "docker push $ref в зеркало не прошёл"; }
    docker rmi "$HUB_MIRROR/$path" >/dev/null
    echo "$id" > "$mark"
  done
  log "зеркало готово за $(since "$t"): docker compose pull берёт образы из него"
}

cmd="${1:-up}"
case "$cmd" in
  up)      ensure_engine; ensure_compose; ensure_bases; build_standins
           log "стенд готов за $(since "$T0")";;
  engine)  ensure_engine; ensure_compose;;
  images)  ensure_bases; build_standins; log "образы готовы за $(since "$T0")";;
  mirror)  ensure_hub_mirror;;
  list)    required_images;;
  save)    out="${2:?укажите файл архива, например lab-images.tar}"
           # Offline kit: every image the lab needs (the wrk tool included) in one archive.
           # Each one is taken from the local engine, pulled where a registry answers, and otherwise
           # built here from the Debian mirror (the stand-ins above).
           imgs=$(required_images) || die "docker-compose.yml не читается"
           missing=()
           for img in $imgs; do
             docker image inspect "$img" >/dev/null 2>&1 && continue
             log "скачиваю $img…"
             timeout 300 docker pull -q "$img" >/dev/null 2>&1 || missing+=("$img")
           done
           if [ ${#missing[@]} -gt 0 ]; then
             log "реестр недоступен для: ${missing[*]} — собираю замены из зеркала Debian"
             ensure_bases; build_standins
           fi
           docker compose -f "$REPO/docker-compose.yml" --profile tools build -q >/dev/null || die "не собрались образы web и wrk"
           built=$(docker compose -f "$REPO/docker-compose.yml" --profile tools config --images)
           all=$(printf '%s\n' $imgs $built | sort -u)
           log "сохраняю в $out: $(echo $all)"
           docker save -o "$out" $all
           log "архив $out: $(du -h "$out" | cut -f1); на компьютере студента: docker load -i $(basename "$out")";;
  *) die "неизвестная команда '$cmd' (up|engine|images|mirror|list|save ARCHIVE)";;
esac
