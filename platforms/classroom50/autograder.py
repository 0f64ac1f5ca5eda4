#!/usr/bin/env python3
"""Classroom 50 autograder for the lab (the teacher's: it lives in CLASSROOM/autograders/ASSIGNMENT/).

The runner (runner.py) executes it once per submission in the student's checkout, on a GitHub runner,
which has Docker: the whole lab is graded, live checks included. Next to this file in the bundle
(CLASSROOM50_BUNDLE_DIR), make-bundle.sh puts:
  rubric.yaml        the teacher's PRIVATE rubric (the student's repository has only the public one);
  lab.tar.gz         the grader itself, so a student's edited copy of it is never what grades;
  overrides/OWNER.yaml  optional manual grades of one student (id -> {points, comment}).
The grader writes result.json (schema classroom50/result/v1, whole tenths of a point) in the checkout.
Exit 0 when result.json is written (even for an infrastructure failure, which its tests say);
non-zero otherwise, so that the runner records an error result instead of a score.
"""
from __future__ import annotations

import os
import pathlib
import subprocess
import sys
import tarfile

checkout = pathlib.Path.cwd()
bundle = pathlib.Path(os.environ.get("CLASSROOM50_BUNDLE_DIR") or pathlib.Path(__file__).resolve().parent)
work = pathlib.Path(os.environ.get("RUNNER_TEMP") or "/tmp") / "lab-grader"


def grader() -> pathlib.Path:
    archive = bundle / "lab.tar.gz"
    if not archive.is_file():
        sys.exit(f"autograder.py: в пакете нет lab.tar.gz ({bundle}); соберите его platforms/classroom50/make-bundle.sh")
    work.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive) as tar:
        tar.extractall(work, filter="data") if hasattr(tarfile, "data_filter") else tar.extractall(work)
    for exe in ("mvnw", "bin/lab"):
        (work / exe).chmod(0o755)
    return work


def main() -> int:
    rubric = bundle / "rubric.yaml"
    if not rubric.is_file():
        print(f"autograder.py: нет rubric.yaml преподавателя в {bundle}", file=sys.stderr)
        return 2
    lab = grader()
    result = checkout / "result.json"
    result.unlink(missing_ok=True)
    cmd = [str(lab / "bin" / "lab"), "grade", "--repo", str(checkout), "--rubric", str(rubric),
           "--format", "console,classroom50", "--result-json", str(result)]
    owner = os.environ.get("USERNAME") or os.environ.get("OWNER") or ""
    overrides = bundle / "overrides" / f"{owner}.yaml"
    if owner and overrides.is_file():
        cmd += ["--overrides", str(overrides)]
    print("autograder.py:", " ".join(cmd), flush=True)
    code = subprocess.call(cmd, cwd=lab)
    if not result.is_file():
        print(f"autograder.py: проверка не записала result.json (код {code})", file=sys.stderr)
        return code or 1
    if code == 1:
        print("autograder.py: сбой окружения, результат неполный (см. проверки со статусом infra_error)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
