#!/usr/bin/env bash
# Tries the Gradescope autograder in a simulated /autograder layout (a temporary folder, AUTOGRADER_ROOT):
# unpacks the zip into source/, copies a submission (default: the model fixture) into submission/,
# runs setup.sh and run_autograder as Gradescope would (working directory = the root), prints results.json.
# Usage: bash platforms/gradescope/try-locally.sh [SUBMISSION_DIR] [ROOT]
set -Eeuo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
submission="${1:-$here/src/test/resources/fixtures/model}"
root="${2:-$(mktemp -d /tmp/autograder-sim.XXXXXX)}"
zip="$root/autograder.zip"
bash "$here/platforms/gradescope/make-zip.sh" "$zip" >/dev/null
mkdir -p "$root/source" "$root/submission" "$root/results"
unzip -q "$zip" -d "$root/source"
cp "$root/source/run_autograder" "$root/run_autograder"
cp -r "$submission/." "$root/submission/"
# reuse this machine's Maven cache, as Gradescope's image keeps what setup.sh downloaded
export AUTOGRADER_ROOT="$root"
(cd "$root" && bash source/setup.sh)
(cd "$root" && ./run_autograder) > "$root/results/stdout" 2>&1
echo "root: $root"
echo "results: $root/results/results.json"
# check the file against Gradescope's stated rules (PlatformCasesTest.gradescopeRules)
(cd "$here" && ./mvnw -B -ntp -q -Pselftest test -Dtest='PlatformCasesTest#aGivenGradescopeResultsFileFollowsTheSpec' \
  -Dlab.gradescope.results="$root/results/results.json" -Dsurefire.failIfNoSpecifiedTests=false) \
  && echo "results.json: по правилам Gradescope — без ошибок"
