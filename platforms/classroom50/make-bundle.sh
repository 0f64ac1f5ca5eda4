#!/usr/bin/env bash
# Makes the Classroom 50 bundle folder: copy its contents into CLASSROOM/autograders/ASSIGNMENT/ of the
# classroom's config repository (publish-pages packs it; the runner's limit is 10 MB).
# Usage: bash platforms/classroom50/make-bundle.sh [OUT_DIR] [RUBRIC]   (RUBRIC: the teacher's private one)
set -Eeuo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$(realpath -m "${1:-$here/target/classroom50-bundle}")"
rubric="${2:-$here/rubric.yaml}"
mkdir -p "$out"
cp "$here/platforms/classroom50/autograder.py" "$out/"
cp "$rubric" "$out/rubric.yaml"
# the grader without its own tests and benchmarks: what grading needs
git -C "$here" archive --format=tar.gz -o "$out/lab.tar.gz" HEAD -- . ':!src/test' ':!bench'
echo "$out: $(du -sh "$out" | cut -f1) (autograder.py, rubric.yaml, lab.tar.gz)"
