#!/usr/bin/env bash
# Gradescope autograder: image build step (runs once, as root, on Gradescope's Ubuntu image, with internet).
# The zip holds this file, run_autograder and lab/ (the teacher's kit with the PRIVATE rubric.yaml), see make-zip.sh.
# Gradescope containers have no Docker: run_autograder grades the report only (--report-only).
set -Eeuo pipefail
root="${AUTOGRADER_ROOT:-/autograder}"
lab="$root/source/lab"
if ! command -v java >/dev/null 2>&1; then
  apt-get install -y --no-install-recommends openjdk-17-jdk-headless
fi
chmod +x "$lab/mvnw" "$lab/bin/lab"
# compile the grader and fetch its dependencies now, so that grading needs no network
(cd "$lab" && ./mvnw -B -ntp -q compile dependency:build-classpath -Dmdep.outputFile=target/lab-classpath.txt)
"$lab/bin/lab" grade --help >/dev/null
echo "setup.sh: программа проверки собрана в $lab"
