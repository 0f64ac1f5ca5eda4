#!/usr/bin/env bash
# Grades the labelled corpus of written answers (teacher/answers-corpus) with the claim grader (rubric.yaml)
# and the previous keyword grader (teacher/answers-corpus/legacy-rubric.yaml), prints per half (dev/test) and
# question the confusion matrix teacher verdict × grader verdict, agreement, wrong answers passed, share sent
# to review, the grader's start-up and the time to grade the answers of 100 reports; writes
# bench/results/answers-DATE.json (and answers-latest.json). Not a test: figures only.
#
# Usage: bench/answers-benchmark.sh [--trace id,id,...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/bench/out/answers
mkdir -p "$out" "$root/bench/results"
(cd "$root" && ./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/cp.txt" >/dev/null)
cp="$root/target/test-classes:$root/target/classes:$(cat "$out/cp.txt")"
stamp=$(date -u +%Y-%m-%dT%H%M%SZ)
java -cp "$cp" ru.mpgu.lab.answers.bench.AnswersBenchmark "$root/teacher/answers-corpus" "$root/rubric.yaml" \
  "$root/teacher/answers-corpus/legacy-rubric.yaml" "$root/bench/results/answers-$stamp.json" "$@"
cp "$root/bench/results/answers-$stamp.json" "$root/bench/results/answers-latest.json"
