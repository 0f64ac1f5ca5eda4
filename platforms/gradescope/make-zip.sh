#!/usr/bin/env bash
# Builds the Gradescope autograder zip from the teacher's kit (this repository, committed state):
#   setup.sh and run_autograder at the zip's root, the kit under lab/ (with the teacher's private rubric.yaml).
# Usage: bash platforms/gradescope/make-zip.sh [OUT.zip]
set -Eeuo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$(realpath -m "${1:-$here/target/gradescope-autograder.zip}")"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp "$here/platforms/gradescope/setup.sh" "$here/platforms/gradescope/run_autograder" "$tmp/"
mkdir "$tmp/lab"
git -C "$here" archive HEAD | tar -x -C "$tmp/lab"
mkdir -p "$(dirname "$out")"; rm -f "$out"
(cd "$tmp" && zip -q -r "$out" setup.sh run_autograder lab)  # zip keeps the executable bits
echo "$out ($(du -h "$out" | cut -f1))"
