#!/usr/bin/env bash
# Per-student variants against real wrk (issue 16, item 3).
#   bash bench/variants-benchmark.sh            (20 students, wrk -c30 -t2 -d20s and -d5s each)
# One stack for all students: for each generated student web is recreated with their LAB_STUDENT_ID/LAB_VARIANT
# (what .env does), real wrk runs against it on loopback, curl measures the real response size. Then every
# captured output is checked against every student's variant with the grader's own code (VariantMatrix).
# Output: bench/results/variants-<date>.json and variants-latest.json. Needs docker, wrk, curl, python3, java.
set -Eeuo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
students="${VARIANTS_STUDENTS:-20}"
durations="${VARIANTS_DURATIONS:-20s 5s}"
# The lab's -c30; on a saturated machine fewer connections keep nginx from answering 502/504 (those runs are not judged).
wrk_args="${VARIANTS_WRK_ARGS:--c30 -t2}"
port="${VARIANTS_PORT:-18671}"
project="${VARIANTS_PROJECT:-lab-variants-bench-$$}"   # an existing project of this repo is reused and left running
image="${VARIANTS_IMAGE:-django-scaling-lab/web:variants-bench}"
reuse="${VARIANTS_PROJECT:+1}"
work="$(mktemp -d)"
command -v wrk >/dev/null || { echo "нет wrk: apt-get install -y wrk" >&2; exit 1; }
cat > "$work/override.yml" <<YML
services:
  setup: {image: "$image"}
  web: {image: "$image"}
YML
compose() { docker compose -p "$project" -f docker-compose.yml -f "$work/override.yml" "$@"; }
cleanup() {
  if [ -z "$reuse" ]; then
    compose down -v --remove-orphans >/dev/null 2>&1 || true
    docker image rm "$image" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
export LAB_HTTP_PORT="$port" LAB_PROMETHEUS_PORT=$((port + 1)) LAB_GRAFANA_PORT=$((port + 2))

# The class: N generated students in a roster as Excel writes it on a Russian Windows (cp1251, ";").
python3 - "$work/roster.csv" "$students" <<'PY'
import sys
first = ["Анна", "Борис", "Дарья", "Егор", "Елена", "Фёдор", "Галина", "Игорь", "Ирина", "Кирилл"]
last = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров"]
rows = ["id;ФИО;Группа;E-mail"]
for i in range(int(sys.argv[2])):
    sid = f"2023{i + 101:03d}"
    rows.append(f"{sid};{last[i % 10]} {first[(i * 3) % 10]};ИВТ-2{1 + i % 2};s{sid}@mpgu.example")
open(sys.argv[1], "w", encoding="cp1251", newline="\r\n").write("\n".join(rows) + "\n")
PY
./mvnw -q -B compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >&2
cp="target/classes:$(cat "$work/cp.txt")"
java -cp "$cp" ru.mpgu.lab.cli.LabCli roster --roster "$work/roster.csv" --out "$work/codes.csv"

echo "стенд: сборка и запуск ($project, порт $port) ..." >&2
t0=$(date +%s)
if [ -z "$reuse" ]; then compose up -d --build nginx >&2; fi
for _ in $(seq 1 120); do curl -fsS -o /dev/null "http://127.0.0.1:$port/orders" 2>/dev/null && break; sleep 1; done
echo "стенд готов за $(( $(date +%s) - t0 )) с" >&2

mkdir -p "$work/runs"
tail -n +2 "$work/codes.csv" | tr -d '\r' | while IFS=';' read -r sid name group email code cmd; do
  sid="${sid#$'\xEF\xBB\xBF'}"
  dir="$work/runs/$sid"; mkdir -p "$dir"; echo "$code" > "$dir/code.txt"
  LAB_STUDENT_ID="$sid" LAB_VARIANT="$code" compose up -d --no-deps --force-recreate web >/dev/null 2>&1
  ok=""
  for _ in $(seq 1 90); do   # nginx re-resolves web every 2 s
    if curl -fsS "http://127.0.0.1:$port/orders" 2>/dev/null | grep -q "\"variant\": \"$code\""; then ok=1; break; fi
    sleep 1
  done
  if [ -z "$ok" ]; then   # a saturated machine: record and go on with the next student
    echo "$sid: стенд не показал вариант $code за 90 с — пропускаю" >&2; rm -rf "$dir"; continue
  fi
  # real size of one response as wrk reads it: status line + headers + body
  curl -s -D "$dir/headers.txt" -o "$dir/body.txt" "http://127.0.0.1:$port/orders"
  echo $(( $(wc -c < "$dir/headers.txt") + $(wc -c < "$dir/body.txt") )) > "$dir/measured.txt"
  i=1
  for d in $durations; do
    # shellcheck disable=SC2086
    wrk $wrk_args -d"$d" "http://127.0.0.1:$port/orders" > "$dir/wrk-$i.txt"
    i=$((i + 1))
  done
  echo "$sid $code: ответ $(cat "$dir/measured.txt") байт; $(grep -h 'requests in' "$dir"/wrk-*.txt | tr -s ' ' | tr '\n' ' ')" >&2
done

java -cp "$cp" ru.mpgu.lab.variant.VariantMatrix "$work/runs" > "$work/matrix.json"
mkdir -p bench/results
stamp="$(date -u +%Y-%m-%dT%H-%M)"
VARIANTS_WRK_ARGS="$wrk_args" python3 - "$work" "bench/results/variants-$stamp.json" "$durations" <<'PY'
import json, os, sys, datetime
work, out, durations = sys.argv[1], sys.argv[2], sys.argv[3]
m = json.load(open(os.path.join(work, "matrix.json")))
runs = os.path.join(work, "runs")
sizes = {}
for sid in sorted(os.listdir(runs)):
    code = open(os.path.join(runs, sid, "code.txt")).read().strip()
    sizes[code] = int(open(os.path.join(runs, sid, "measured.txt")).read())
for o in m["outputs"]:
    o["measured_bytes_curl"] = sizes[o["variant"]]
    o["formula_minus_measured"] = o["expected_bytes"] - o["measured_bytes_curl"]
codes = sorted(sizes)
gaps = sorted(sizes[b] - sizes[a] for a in codes for b in codes if sizes[b] > sizes[a])
result = {
    "date": datetime.datetime.utcnow().isoformat(timespec="seconds") + "Z",
    "what": "real wrk (host, loopback) against one lab stack, web recreated per student's variant; every output checked against every student's variant",
    "machine": "2 cores, shared by six engineers at the time: request counts are low and noisy",
    "wrk_durations": durations.split(),
    "wrk_args": os.environ.get("VARIANTS_WRK_ARGS", "-c30 -t2"),
    "min_size_gap_between_students_bytes": gaps[0] if gaps else None,
    "max_interval_width_bytes": max(o["high"] - o["low"] for o in m["outputs"]),
    "verdicts": "MATCHES = accepted; MISMATCH = flagged with a message; SUSPICIOUS = fits only with a cut-off response "
                "and fits another variant exactly: sent to the teacher; UNCHECKABLE = the output has Non-2xx responses "
                "(other size), not judged",
    **{k: v for k, v in m.items()},
}
json.dump(result, open(out, "w"), ensure_ascii=False, indent=2)
print(json.dumps({k: result[k] for k in ("students", "own_outputs", "own_accepted", "swaps", "swaps_flagged",
      "swaps_uncheckable", "own_verdicts", "swap_verdicts", "min_size_gap_between_students_bytes",
      "max_interval_width_bytes")}, ensure_ascii=False))
PY
cp "bench/results/variants-$stamp.json" bench/results/variants-latest.json
echo "записано: bench/results/variants-$stamp.json" >&2
