#!/usr/bin/env bash
# Grades a class of 100 submissions with `bin/lab batch` and writes bench/results/batch-class-<date>.json:
#   - 95 submissions with the template's stack files (reports varied: model, partial, fabricated, empty;
#     names and a per-student .env differ), 5 with changed stack files (a harmless edit each, so 6 stacks);
#   - total wall time and cost per submission; cost against class size from the same run (the first 10,
#     50, 100 submissions: changed stacks sit at positions 5, 25, 45, 65, 85, so the prefixes hold 2, 4, 6 stacks);
#   - today's cost per submission (before stack facts: `bin/lab batch` of BASELINE, a clone of the code
#     before this change) on 6 of the same submissions (5 template, 1 changed);
#   - `./mvnw verify` wall time for one repository, with BASELINE's code and with this one.
# Each submission is the exported student template (`bin/lab template`: the grader's src/, pom.xml, mvnw, .mvn/ and the
# public rubric, exactly what the integrity manifest hashes), so no row is flagged for changed tests by mistake.
# Usage: BASELINE=/tmp/baseline-11 bash bench/batch-class-benchmark.sh   (SKIP_BASELINE=1 skips its parts)
#        JOBS=N passes --jobs N to this code's batch (default: the batch's own, the number of cores)
# Traffic goes only to the stacks the grader starts on this machine's loopback ports.
set -Eeuo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
N=${N:-100}
JOBS=${JOBS:-}
BASELINE=${BASELINE:-}
WORK=${WORK:-$(mktemp -d /tmp/lab-batch-bench.XXXXXX)}
stamp=$(date -u +%Y-%m-%dT%H-%M)
mkdir -p bench/results
log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
now() { date +%s.%N; }
since() { python3 -c "import sys; print(round($(now) - $1, 1))"; }

# --- the class -------------------------------------------------------------------------------------------
subs="$WORK/subs"
if [ -n "${REUSE_CLASS:-}" ] && [ -d "$subs" ]; then reuse=1; else reuse=; rm -rf "$subs"; mkdir -p "$subs"; fi
fixtures=(model partial fabricated "")
changed_at=" 5 25 45 65 85 "
template="$WORK/template"
make_submission() { # index → folder
  local i=$1 dir fixture
  dir="$subs/$(printf 's%03d' "$i")"
  mkdir -p "$dir"
  cp -a "$template/." "$dir"/
  rm -rf "$dir/.git"
  fixture=${fixtures[$((i % 4))]}
  if [ -n "$fixture" ]; then cp -r "src/test/resources/fixtures/$fixture/." "$dir"/; fi
  sed -i "s/^ФИО:.*/ФИО: Студент Номер $i/" "$dir/report/REPORT.md"
  printf 'LAB_STUDENT_ID=%d\n' "$i" > "$dir/.env"
  if [[ "$changed_at" == *" $i "* ]]; then # a changed stack: still boots, hashes differently
    printf '\n# student %d: own tuning\n' "$i" >> "$dir/nginx/default.conf"
  fi
  (cd "$dir" && git init -q && git add -A && git -c user.email=b@x -c user.name=bench commit -qm work)
}
# The teacher's rubric, with a longer boot timeout when BOOT_TIMEOUT is set (a machine shared by many builds
# boots a stack in 3-5 min instead of ~70 s; a timed-out boot would be an infrastructure failure, not a figure).
rubric="$WORK/rubric.yaml"
sed "s/boot_timeout_seconds: 180/boot_timeout_seconds: ${BOOT_TIMEOUT:-180}/" rubric.yaml > "$rubric"
log "класс из $N работ в $subs"
if [ -z "$reuse" ]; then
  rm -rf "$template"
  bin/lab template --out "$template" > "$WORK/template.log" 2>&1 || { cat "$WORK/template.log" >&2; exit 1; }
  for i in $(seq 1 "$N"); do make_submission "$i"; done
fi

# --- the old code on 6 submissions: after the new code by default (a quiet machine for each);
#     PARALLEL_BASELINE=1 runs both at once (the same machine load for both, on a shared machine) -----------
base_total=null; base_n=0; verify_before=null; old_pid=
run_old() {
  six="$WORK/subs-six"; rm -rf "$six"; mkdir -p "$six"
  for i in 1 2 3 4 6 5; do cp -r "$subs/$(printf 's%03d' "$i")" "$six/"; done
  (cd "$BASELINE" && bin/lab --help >/dev/null 2>&1 || true)
  # the old code reads only its own rubric format (no gates, no params records)
  sed "s/boot_timeout_seconds: 180/boot_timeout_seconds: ${BOOT_TIMEOUT:-180}/" "$BASELINE/rubric.yaml" > "$WORK/rubric-old.yaml"
  log "старый код ($BASELINE): bin/lab batch, 6 работ"
  t=$(now); (cd "$BASELINE" && bin/lab batch --submissions "$six" --out "$WORK/out-old" --rubric "$WORK/rubric-old.yaml" --budget 900s \
      > "$WORK/batch-old.log" 2>&1) || true; since "$t" > "$WORK/old-seconds"
}
with_baseline=; [ -n "$BASELINE" ] && [ -z "${SKIP_BASELINE:-}" ] && with_baseline=1 && base_n=6
if [ -n "$with_baseline" ] && [ -n "${PARALLEL_BASELINE:-}" ]; then run_old & old_pid=$!; fi

# --- this code: the whole class --------------------------------------------------------------------------
[ -n "${REUSE_CLASS:-}" ] || bin/lab --help >/dev/null 2>&1 || true # compile once, outside the timing
out="$WORK/out-new"
jobs_args=(); [ -z "$JOBS" ] || jobs_args=(--jobs "$JOBS")
t0=$(now); tnew=$t0
if [ -z "${ONLY_BASELINE:-}" ]; then # ONLY_BASELINE=1: just the old code's figures and the verify times
  log "bin/lab batch, $N работ${JOBS:+, --jobs $JOBS}"
  bin/lab batch --submissions "$subs" --out "$out" --rubric "$rubric" --budget 900s "${jobs_args[@]}" 2>&1 \
    | while IFS= read -r line; do printf '%s %s\n' "$(date +%s.%N)" "$line"; done | tee "$WORK/batch-new.log"
else
  : > "$WORK/batch-new.log"
fi
total_new=$(since "$t0")
log "готово за $total_new с"
if [ -n "$old_pid" ]; then wait "$old_pid" || true; elif [ -n "$with_baseline" ]; then run_old; fi
if [ -n "$with_baseline" ]; then base_total=$(cat "$WORK/old-seconds"); log "старый код: $base_total с"; fi

verify_after=null
if [ -n "$BASELINE" ] && [ -z "${SKIP_VERIFY:-}" ]; then
  one="$WORK/verify-old"; rm -rf "$one"; git clone -q "$BASELINE" "$one"
  t0=$(now); (cd "$one" && ./mvnw -B -ntp -q -o verify > "$WORK/verify-old.log" 2>&1) || true; verify_before=$(since "$t0")
  log "./mvnw verify, старый код: $verify_before с"
  one="$WORK/verify-new"; rm -rf "$one"; git clone -q "$here" "$one" # the committed code
  t0=$(now); (cd "$one" && ./mvnw -B -ntp -q -o verify > "$WORK/verify-new.log" 2>&1) || true; verify_after=$(since "$t0")
  log "./mvnw verify, новый код: $verify_after с"
fi

# --- figures -----------------------------------------------------------------------------------------------
python3 - "$WORK/batch-new.log" "$tnew" <<EOF > "bench/results/batch-class-$stamp.json"
import json, re, sys
null = None  # the shell writes null for the figures it did not measure
rows = [l.rstrip("\n").split(" ", 1) for l in open(sys.argv[1], encoding="utf-8") if " " in l]
start = float(sys.argv[2])
done = {}
for ts, text in rows:
    m = re.match(r"\[(\d+)/(\d+)\] ", text)
    if m:
        done[int(m.group(1))] = float(ts)
total = $total_new
def prefix(n):
    # submissions finish out of order (a pool grades against measured stacks): the first n are done when the last is
    if any(k not in done for k in range(1, n + 1)):
        return None
    t = max(done[k] for k in range(1, n + 1)) - start
    return {"submissions": n, "seconds": round(t, 1), "seconds_per_submission": round(t / n, 2)}
measured = sum(1 for _, t in rows if "измерен стенд" in t)
flagged_tests = sum(1 for _, t in rows if re.match(r"\[\d+/\d+\] ", t) and "изменены тесты" in t)
stack_phases = sorted({t.strip() for _, t in rows if t.strip().startswith("замер стенда ")})
base_total = $base_total
result = {
    "when_utc": "$stamp",
    "machine": "${MACHINE:-2 cores, 24 GiB}",
    "class": {"submissions": $N, "template_stack": $N - 5, "changed_stack": 5, "distinct_stacks_measured": measured},
    "new": {"command": "bin/lab batch --submissions SUBS --out OUT --rubric RUBRIC --budget 900s${JOBS:+ --jobs $JOBS}",
            "jobs": "${JOBS:-default (cores)}", "rows_flagged_changed_tests": flagged_tests,
            "stack_measurement_phases": stack_phases,
            "total_seconds": total, "seconds_per_submission": round(total / $N, 2),
            "target_seconds": 600, "within_target": total <= 600,
            "by_class_size": [p for p in (prefix(10), prefix(50), prefix($N)) if p]},
    "old": None if base_total is None else {"command": "BASELINE/bin/lab batch (code before stack facts) on 6 of the submissions",
            "submissions": $base_n, "total_seconds": base_total, "seconds_per_submission": round(base_total / $base_n, 1)},
    "mvnw_verify_one_repository_seconds": {"before": $verify_before, "after": $verify_after},
}
print(json.dumps(result, ensure_ascii=False, indent=2))
EOF
cat "bench/results/batch-class-$stamp.json"
[ -n "${ONLY_BASELINE:-}" ] || cp "bench/results/batch-class-$stamp.json" bench/results/batch-class-latest.json
log "результаты: bench/results/batch-class-$stamp.json (рабочая папка $WORK)"
