#!/usr/bin/env bash
# CPU cost of the web replica's healthcheck, as a share of one replica's CPU limit (web's cpus in
# docker-compose.yml, probe every 2 s). Builds (private tags lab-bench-hc/*, removed at the end):
#   standin  — the python stand-in as it was: Debian's python3 with the stdlib's .pyc in place (rebuilt with
#              compileall when the stand-in here is already the new recipe);
#   realike  — the stand-in as it is now: no stdlib .pyc, like the real python:3.11-slim-bookworm;
# and the web image on each (old app/Dockerfile, and the new one that compiles the stdlib and /app).
# Each probe runs N times inside a 0.4-CPU container next to a local HTTP server; CPU = children's user+sys
# from bash's `times`. Writes bench/results/healthcheck-cpu.json.
set -Eeuo pipefail
cd "$(dirname "$0")/.."
N="${N:-40}"; INTERVAL=2
# web's CPU limit, from the compose file the students run (the service block's `limits: {cpus: "X", …}`)
CPUS=$(awk '/^  web:/{w=1;next} /^  [a-z]/{w=0} w && /cpus:/{match($0,/cpus: *"?[0-9.]+/); v=substr($0,RSTART,RLENGTH); gsub(/[^0-9.]/,"",v); print v; exit}' docker-compose.yml)
[ -n "$CPUS" ] || { echo "no cpus limit for web in docker-compose.yml" >&2; exit 1; }
tmp=$(mktemp -d); tags=()
cleanup() { rm -rf "$tmp"; for t in "${tags[@]}"; do docker image rm -f "$t" >/dev/null 2>&1 || true; done; }
trap cleanup EXIT
build() { # tag, dockerfile, context
  DOCKER_BUILDKIT=0 docker build -q --force-rm -t "$1" -f "$2" "$3" >/dev/null 2>&1; tags+=("$1")
}
# python stand-ins: "standin" is the image testbed.sh built from the old recipe (stdlib .pyc in place);
# "realike" applies the new recipe's difference to it (no stdlib .pyc, as docker-library/python deletes them)
standin=python:3.11-slim-bookworm
mkdir -p "$tmp/py"
if [ "$(docker run --rm "$standin" bash -c 'find /usr/lib/python3* -name "*.pyc" | wc -l')" -gt 0 ]; then
  docker tag "$standin" lab-bench-hc/python:standin; tags+=(lab-bench-hc/python:standin)
else # the stand-in here is already the new recipe: put the old one's stdlib bytecode back
  printf 'FROM %s\nRUN python3 -m compileall -q /usr/lib/python3* >/dev/null 2>&1; find /usr/lib/python3* -name "*.pyc" | grep -q .\n' \
    "$standin" > "$tmp/py/Dockerfile.standin"
  build lab-bench-hc/python:standin "$tmp/py/Dockerfile.standin" "$tmp/py"
fi
printf 'FROM %s\nRUN %s\n' "$standin" \
  "find /usr/lib/python3* -depth -type d -name __pycache__ -exec rm -rf '{}' + && ! find /usr/lib/python3* -name '*.pyc' | grep -q ." \
  > "$tmp/py/Dockerfile.realike"
build lab-bench-hc/python:realike "$tmp/py/Dockerfile.realike" "$tmp/py"

# the old web image: today's app/Dockerfile without its two compileall steps (stdlib and /app)
python3 - app/Dockerfile "$tmp/web.old" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
text = re.sub(r" \\\n\s*&& python -m compileall[^\n]*stdlib[^\n]*", "", text)
text = re.sub(r" && python -m compileall -q -j 0 /app", "", text)
assert "compileall" not in text, "app/Dockerfile changed: update the old-image derivation"
open(sys.argv[2], "w").write(text)
PY
for py in standin realike; do
  sed "s#^FROM python:3.11-slim-bookworm#FROM lab-bench-hc/python:$py#" "$tmp/web.old" > "$tmp/web.old.$py"
  build "lab-bench-hc/web:old-$py" "$tmp/web.old.$py" app
done
sed "s#^FROM python:3.11-slim-bookworm#FROM lab-bench-hc/python:realike#" app/Dockerfile > "$tmp/web.new"
build lab-bench-hc/web:new-realike "$tmp/web.new" app
PY_PROBE="python -c \"import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status == 200 else 1)\""
BASH_PROBE="bash -c \"exec 3<>/dev/tcp/127.0.0.1/8000 && printf 'GET /healthz HTTP/1.0\\r\\nHost: 127.0.0.1\\r\\n\\r\\n' >&3 && read -r status <&3 && [[ \\\$status == *' 200 '* ]]\""
measure() { # image, probe -> cpu seconds per probe
  docker run --rm --cpus "$CPUS" --entrypoint bash "$1" -c "
    python -m http.server 8000 -b 127.0.0.1 >/dev/null 2>&1 & srv=\$!; sleep 2
    for i in \$(seq $N); do $2 >/dev/null 2>&1 || true; done
    kill \$srv; times" | awk -v n="$N" 'NR==2 { split($1,u,"m"); split($2,s,"m"); sub("s","",u[2]); sub("s","",s[2]);
      printf "%.5f\n", (u[1]*60+u[2]+s[1]*60+s[2])/n }'
}
mkdir -p bench/results; out=bench/results/healthcheck-cpu.json
echo "[" > "$out"; first=1
for row in "old-standin|python|before, as measured here (stand-in with stdlib .pyc)" \
           "old-realike|python|before, like the real image (no stdlib .pyc)" \
           "new-realike|python|python probe on the new web image (bytecode compiled)" \
           "new-realike|bash|after: new web image, bash /dev/tcp probe"; do
  IFS='|' read -r img probe what <<<"$row"
  p=$([ "$probe" = python ] && echo "$PY_PROBE" || echo "$BASH_PROBE")
  cpu=$(measure "lab-bench-hc/web:$img" "$p")
  share=$(awk -v c="$cpu" -v i="$INTERVAL" -v l="$CPUS" 'BEGIN{printf "%.1f", 100*c/i/l}')
  printf '%-62s %8.1f ms CPU per probe  %5s%% of a %s-CPU replica\n' "$what" "$(awk -v c="$cpu" 'BEGIN{print c*1000}')" "$share" "$CPUS"
  [ $first = 1 ] || echo "," >> "$out"; first=0
  printf '{"case":"%s","image":"%s","probe":"%s","cpu_seconds_per_probe":%s,"share_of_replica_limit_percent":%s,"interval_s":%s,"cpus":%s,"n":%s}' \
    "$what" "$img" "$probe" "$cpu" "$share" "$INTERVAL" "$CPUS" "$N" >> "$out"
done
echo "]" >> "$out"; echo "written: $out (machine shared by six sessions: figures are noisy, compare ratios)"
