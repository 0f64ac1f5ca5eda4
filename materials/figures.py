#!/usr/bin/env python3
"""Figures for the printed materials, from their single sources: docker-compose.yml (limits),
rubric.yaml (criteria) and bench/results (measured numbers). Prints JSON: placeholder -> text."""
import json
import re
import statistics
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
# bench/lesson-repeats.sh DB_AT_LIMIT, when no lesson run says otherwise
DEFAULT_AT_LIMIT = 0.9


def ru(x, digits=2):
    if isinstance(x, float) and digits == 0:
        return str(round(x))
    return f"{x:.{digits}f}".rstrip("0").rstrip(".").replace(".", ",") if isinstance(x, float) else str(x)


def span(values, digits=0, unit=""):
    lo, hi = min(values), max(values)
    a, b = ru(round(lo, digits), digits) if digits else str(round(lo)), ru(round(hi, digits), digits) if digits else str(round(hi))
    return (a if a == b else f"{a}–{b}") + unit


def at_limit():
    """From which share of its CPU limit a service is «at its limit»: the lesson benchmark's own threshold."""
    lesson_file = ROOT / "bench/results/lesson-repeats-latest.json"
    if lesson_file.exists():
        lesson = json.loads(lesson_file.read_text(encoding="utf-8"))
        if "db_at_limit" in lesson:
            return float(lesson["db_at_limit"])
        m = re.search(r">= ([0-9.]+)", lesson["criteria"]["db_at_limit_web3"])
        if m:
            return float(m.group(1))
    return DEFAULT_AT_LIMIT


def main():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    svc = compose["services"]
    web_cpus = float(svc["web"]["deploy"]["resources"]["limits"]["cpus"])
    db_cpus = float(svc["db"]["deploy"]["resources"]["limits"]["cpus"])
    workers = int(svc["web"]["environment"]["WEB_WORKERS"])
    rubric = yaml.safe_load((ROOT / "rubric.yaml").read_text(encoding="utf-8"))

    rows = ["| Критерий | Проверка | Баллы |", "| --- | --- | --- |"]
    for c in rubric["criteria"]:
        rows.append(f"| **{c['title']}** | | **{ru(float(c['points']), 1)}** |")
        for check in c["checks"]:
            rows.append(f"| | {check['title']} | {ru(float(check['points']), 1)} |")
    rows.append(f"| **Итого** | | **{rubric['total']}** |")
    scale = "; ".join(f"от {g['min_points']} баллов — «{g['label']}»" for g in rubric["grade_scale"])
    criteria = "\n".join(rows) + f"\n\nШкала: {scale}. Баллы за письменные ответы, которые программа оценила " \
        "неуверенно, уточняет преподаватель на защите.\n"

    f = {"WEB_CPUS": ru(web_cpus), "DB_CPUS": ru(db_cpus), "WEB_WORKERS": str(workers),
         "WEB_PCT": str(round(web_cpus * 100)), "DB_PCT": str(round(db_cpus * 100)),
         "PASS_MARK": str(rubric["pass_mark"]), "TOTAL": str(rubric["total"]), "CRITERIA": criteria}

    # -c1 against -c30 at web=1, in the same run (bench/baseline-c1.sh)
    base = json.loads((ROOT / "bench/results/baseline-c1-latest.json").read_text(encoding="utf-8"))
    f["C1_RPS"] = ru(base["c1_rps_median"], 0)
    f["C1_LAT"] = ru(base["c1_latency_ms_median"], 0) + " мс"
    f["C1_WHO"] = (f"`web` ({round(100 * base['c1_web_share_median'])} % лимита)" if base["c1_web_share_median"] >= at_limit()
                   else "никто")
    f["C1_RPS_RATIO"] = ru(base["rps_c30_over_c1"])
    f["C1_LAT_RATIO"] = ru(float(round(base["latency_c30_over_c1"])), 0)
    f["C1_DATE"] = base["date"][:10]
    lesson_file = ROOT / "bench/results/lesson-repeats-latest.json"
    if lesson_file.exists():
        lesson = json.loads(lesson_file.read_text(encoding="utf-8"))
        reps = lesson["repeats"]
        f["W1_RPS"] = span([r["web1"]["rps"] for r in reps])
        f["W3_RPS"] = span([r["web3"]["rps"] for r in reps])
        f["W1_LAT"] = span([r["web1"]["latency_avg_ms"] for r in reps], unit=" мс")
        f["W3_LAT"] = span([r["web3"]["latency_avg_ms"] for r in reps], unit=" мс")
        f["W1_WEB"] = f"{round(100 * lesson['web_share_web1_median'])} %"
        f["W3_DB"] = f"{round(100 * lesson['db_share_web3_median'])} %"
        f["RATIO_MED"] = ru(lesson["ratio_median"])
        f["RATIO_MIN"] = ru(lesson["ratio_min"])
        f["RATIO_MAX"] = ru(lesson["ratio_max"])
        f["LESSON_N"], f["LESSON_OF"] = str(lesson["shows_lesson"]), str(lesson["of"])
        f["LESSON_DATE"] = lesson["date"][:10]
        f["BENCH_MACHINE"] = "замер " + lesson["date"][:10] + ", " + lesson["machine"].split(",")[0].replace("cores", "ядра")
    else:
        print("нет bench/results/lesson-repeats-latest.json (bash bench/lesson-repeats.sh): числа повторов пропущены",
              file=sys.stderr)
        for k in ("W1_RPS", "W3_RPS", "W1_LAT", "W3_LAT", "W1_WEB", "W3_DB", "RATIO_MED", "RATIO_MIN", "RATIO_MAX",
                  "LESSON_N", "LESSON_OF", "LESSON_DATE", "BENCH_MACHINE"):
            f[k] = "нет замера"
    print(json.dumps(f, ensure_ascii=False))


if __name__ == "__main__":
    main()
