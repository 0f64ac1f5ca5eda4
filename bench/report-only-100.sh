#!/usr/bin/env bash
# Wall time to grade the written answers of 100 reports with `grade --report-only` (no stack), one grader
# process per report, as a teacher's loop or a Gradescope container runs it. Each report is the model
# fixture's report with answers 1-5 replaced by corpus answers (teacher/answers-corpus, `text` items, taken in
# turn per question), so the 100 reports differ. Also times `bin/lab grade --report-only` itself on 3 of them:
# bin/lab checks its build (./mvnw compile) on every call, which the loop avoids by calling java directly.
# Writes bench/results/report-only-100-DATE.json. Not a test: figures only. No Docker, no network.
set -Eeuo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
N=${N:-100}
WORK=${WORK:-$(mktemp -d /tmp/lab-report-only.XXXXXX)}
stamp=$(date -u +%Y-%m-%dT%H-%M)
mkdir -p bench/results "$WORK"
log() { printf '[report-only %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
./mvnw -q -B -ntp -o compile dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
cp="$root/target/classes:$(cat "$WORK/cp.txt")"

# --- 100 submissions: the template's files, the model report with corpus answers --------------------------
python3 - "$root" "$WORK/subs" "$N" <<'PY'
import json, re, shutil, sys
from pathlib import Path
root, subs, n = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
items = [json.loads(l) for l in open(root / "teacher/answers-corpus/corpus.jsonl", encoding="utf-8")]
by_q = {q: [i for i in items if i["q"] == q and "text" in i] for q in range(1, 6)}
model = (root / "src/test/resources/fixtures/model/report/REPORT.md").read_text(encoding="utf-8")
shutil.rmtree(subs, ignore_errors=True)
for k in range(n):
    d = subs / f"r{k:03d}"
    for entry in ("docker-compose.yml", "rubric.yaml", "app", "nginx", "prometheus", "grafana", "wrk"):
        src = root / entry
        if src.is_dir():
            shutil.copytree(src, d / entry, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            d.mkdir(parents=True, exist_ok=True)
            shutil.copy(src, d / entry)
    shutil.copytree(root / "src/test/resources/fixtures/model/screenshots", d / "screenshots")
    text = model
    for q in range(1, 6):
        answer = by_q[q][k % len(by_q[q])]["text"]
        text = re.sub(rf"(## Ответ {q}\n\n>[^\n]*\n\n)(.*?)(?=\n## )", lambda m: m.group(1) + answer + "\n", text, count=1, flags=re.S)
    (d / "report").mkdir(parents=True, exist_ok=True)
    (d / "report/REPORT.md").write_text(text, encoding="utf-8")
print(f"{n} reports in {subs}")
PY

now() { date +%s.%N; }
since() { python3 -c "print(round($(now) - $1, 2))"; }
log "grade --report-only: $N reports, one JVM each"
t0=$(now); points=()
for d in "$WORK"/subs/r*; do
  java -Djava.awt.headless=true -cp "$cp" ru.mpgu.lab.cli.LabCli grade --report-only --quiet --repo "$d" \
    --rubric "$root/rubric.yaml" --out "$d/out" > "$d/grade.log" 2>&1 || true
  points+=("$(python3 -c "import json,sys; print(json.load(open(sys.argv[1])).get('score', 'null'))" "$d/out/results.json" 2>/dev/null || echo null)")
done
total=$(since "$t0")
log "готово за $total с"
log "bin/lab grade --report-only на 3 отчётах (с проверкой сборки)"
t1=$(now)
for d in "$WORK"/subs/r000 "$WORK"/subs/r001 "$WORK"/subs/r002; do
  bin/lab grade --report-only --quiet --repo "$d" --rubric "$root/rubric.yaml" --out "$d/out-binlab" > /dev/null 2>&1 || true
done
binlab=$(since "$t1")
python3 - "$total" "$binlab" "$N" "${points[@]}" <<PY > "bench/results/report-only-100-$stamp.json"
import json, sys, os
total, binlab, n = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
pts = [None if p in ("null", "None") else float(p) for p in sys.argv[4:]]
graded = [p for p in pts if p is not None]
print(json.dumps({
  "when_utc": "$stamp", "machine": os.environ.get("MACHINE", "2 cores, 24 GiB"),
  "command": "java ... LabCli grade --report-only --quiet --repo R --rubric rubric.yaml --out R/out (one JVM per report; score read from R/out/results.json)",
  "reports": n, "graded": len(graded), "total_seconds": total, "seconds_per_report": round(total / n, 2),
  "points_min": min(graded) if graded else None, "points_max": max(graded) if graded else None,
  "bin_lab_seconds_per_report": round(binlab / 3, 2),
}, ensure_ascii=False, indent=1))
PY
cat "bench/results/report-only-100-$stamp.json"
