#!/usr/bin/env bash
# The offline kit: everything a classroom without internet needs for `docker compose up` and `./mvnw verify`.
# Run it once, on the teacher's computer with internet, in the teacher kit or the student template:
#   bash teacher/offline-kit.sh OUT
# OUT/lab-images.tar   every image of docker-compose.yml (profile tools too) and the bases the two builds use
# OUT/wheels/          the Python wheels of app/requirements.txt for the web image (linux, CPython 3.11)
# OUT/m2/              a Maven home: the repository and the Maven the wrapper runs, filled by one real
#                      `./mvnw verify` in report-only mode (no stack) with an empty local repository
# OUT/README.txt       what the student does with them (Russian)
# Images must already be here (docker compose --profile tools pull --ignore-buildable && ... build).
set -Eeuo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-}"
log() { printf '[offline-kit %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { printf 'offline-kit: %s\n' "$*" >&2; exit 2; }
[ -n "$out" ] || die "укажите папку комплекта: bash teacher/offline-kit.sh ПАПКА"
out="$(realpath -m "$out")"
case "$out/" in "$repo"/*) die "папка $out внутри репозитория: укажите папку вне его";; esac
[ ! -e "$out" ] || [ -z "$(ls -A "$out")" ] || die "папка $out не пуста: укажите новую или пустую папку"
mkdir -p "$out"
for tool in docker pip git; do command -v "$tool" >/dev/null || die "нужна программа $tool"; done
cd "$repo"

# --- images: what compose runs plus the FROM bases of its builds ------------------------------------------
mapfile -t images < <( { docker compose --profile tools config --images; \
  sed -n 's/^FROM[[:space:]]\+\([^[:space:]]\+\).*/\1/p' app/Dockerfile wrk/Dockerfile; } | sort -u)
missing=()
for image in "${images[@]}"; do docker image inspect "$image" >/dev/null 2>&1 || missing+=("$image"); done
[ ${#missing[@]} -eq 0 ] || die "нет образов: ${missing[*]}. Сначала: docker compose --profile tools pull --ignore-buildable && docker compose --profile tools build"
log "образы (${#images[@]}): ${images[*]}"
docker save -o "$out/lab-images.tar" "${images[@]}"

# --- wheels for the web image (linux/amd64; ARCH=aarch64 for ARM laptops) ---------------------------------
arch="${ARCH:-x86_64}"
log "колёса Python для linux/$arch, CPython 3.11"
pip download -q --retries 1 --only-binary=:all: --implementation cp --python-version 3.11 \
  --platform "manylinux_2_17_$arch" --platform "manylinux2014_$arch" --platform "manylinux_2_28_$arch" \
  -d "$out/wheels" -r app/requirements.txt 2> "$out/.pip.log" || { tail -20 "$out/.pip.log" >&2; die "pip download не прошёл"; }
rm -f "$out/.pip.log"

# --- Maven: one real self-check run fills an empty repository with exactly what it uses ---------------------
log "Maven: ./mvnw verify (только отчёт, без стенда) с пустым локальным репозиторием"
build="$(mktemp -d)"; trap 'rm -rf "$build"' EXIT
git clone -q "$repo" "$build/repo"
(cd "$build/repo" && MAVEN_USER_HOME="$out/m2" ./mvnw -B -ntp -Dmaven.repo.local="$out/m2/repository" \
   -Dlab.reportOnly=true verify > "$build/mvnw.log" 2>&1) || { tail -30 "$build/mvnw.log" >&2; die "./mvnw verify не прошёл"; }
cat > "$out/README.txt" <<'TXT'
Комплект для работы без интернета

1. Образы:  docker load -i lab-images.tar
2. Пакеты Python: скопируйте wheels/*.whl в папку app/wheels/ своего репозитория
   (тогда docker compose up собирает web без PyPI).
3. Maven: скопируйте содержимое папки m2 в папку .m2 в домашней папке
   (Windows: %USERPROFILE%\.m2, Linux и macOS: ~/.m2) и запускайте самопроверку так:
   ./mvnw -o verify      (Windows: mvnw.cmd -o verify)
TXT
du -sh "$out/lab-images.tar" "$out/wheels" "$out/m2" "$out" | sed 's/^/  /'
log "комплект готов: $out"
