#!/usr/bin/env python3
"""Runs every panel query of the Grafana dashboard, exactly as written in its JSON, against a real
Prometheus, over given time windows, and writes the series (+ plateau means) as JSON and, if
matplotlib is there, one PNG chart per window set.

The grafana image of the test bed is a stand-in that draws nothing, so this is how the panels are
looked at: same PromQL, same Prometheus, our own plotting.

  dashboard_panels.py --prom http://127.0.0.1:19090 --window web=1:START:END --window web=3:START:END \
      --out bench/results/dashboard-panels.json --png bench/results/dashboard-panels.png
"""
import argparse
import json
import math
import statistics
import sys
import urllib.parse
import urllib.request
from pathlib import Path

DASHBOARD = Path(__file__).resolve().parent.parent / "grafana/dashboards/django-lab.json"


def query_range(prom, expr, start, end, step):
    url = prom + "/api/v1/query_range?" + urllib.parse.urlencode(
        {"query": expr, "start": start, "end": end, "step": step})
    with urllib.request.urlopen(url, timeout=30) as r:
        body = json.load(r)
    if body.get("status") != "success":
        raise RuntimeError(f"{expr}: {body}")
    return body["data"]["result"]


def legend(fmt, labels):
    out = fmt
    for k, v in labels.items():
        out = out.replace("{{" + k + "}}", v)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--prom")
    ap.add_argument("--window", action="append", help="NAME:START:END (unix seconds)")
    ap.add_argument("--from-json", help="redraw the chart from a saved result (no Prometheus needed)")
    ap.add_argument("--plateau", type=float, default=20, help="seconds at the end of a window to average")
    ap.add_argument("--step", default="5")
    ap.add_argument("--out")
    ap.add_argument("--png")
    args = ap.parse_args()
    if args.from_json:
        if not args.png:
            ap.error("--from-json needs --png")
        draw(json.loads(Path(args.from_json).read_text(encoding="utf-8")), args.png)
        return
    if not args.prom or not args.window or not args.out:
        ap.error("--prom, --window and --out are required (or --from-json)")

    board = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    windows = []
    for w in args.window:
        name, start, end = w.rsplit(":", 2)
        windows.append((name, float(start), float(end)))

    result = {"dashboard": str(DASHBOARD.relative_to(DASHBOARD.parent.parent.parent)), "windows": [], "panels": []}
    for name, start, end in windows:
        result["windows"].append({"name": name, "start": start, "end": end})
    for panel in board["panels"]:
        entry = {"id": panel["id"], "title": panel["title"], "unit": panel["fieldConfig"]["defaults"].get("unit"),
                 "targets": []}
        for target in panel.get("targets", []):
            t = {"expr": target["expr"], "legend": target.get("legendFormat", ""), "windows": {}}
            for name, start, end in windows:
                series = []
                for s in query_range(args.prom, target["expr"], start, end, args.step):
                    points = [(float(ts), float(v)) for ts, v in s["values"]]
                    tail = [v for ts, v in points if ts >= end - args.plateau and not math.isnan(v)]
                    # Legend labels: instance addresses shortened to the replica's last octet.
                    labels = {k: (v.split(":")[0].rsplit(".", 1)[-1] if k == "instance" else v)
                              for k, v in s["metric"].items()}
                    series.append({"legend": legend(t["legend"], labels), "labels": s["metric"],
                                   "points": [(round(ts - start, 1), v) for ts, v in points],
                                   "plateau_mean": round(statistics.mean(tail), 4) if tail else None})
                t["windows"][name] = series
            entry["targets"].append(t)
        result["panels"].append(entry)
    Path(args.out).write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(summary(result))
    if args.png:
        draw(result, args.png)


def draw(result, png):
    """The chart, or a non-zero exit: an old PNG next to a new JSON would not match it."""
    if not chart(result, png):
        sys.exit(f"график {png} не обновлён: он не совпадёт с JSON")
    print("chart:", png)


def summary(result):
    lines = []
    for panel in result["panels"]:
        lines.append(f"[{panel['id']}] {panel['title']}")
        for t in panel["targets"]:
            for w, series in t["windows"].items():
                vals = ", ".join(f"{s['legend']}={s['plateau_mean']}" for s in series) or "нет данных"
                lines.append(f"    {w}: {vals}")
    return "\n".join(lines)


def chart(result, png):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib не установлен: график не нарисован (apt-get install python3-matplotlib; PY=/usr/bin/python3)")
        return False
    panels = result["panels"]
    names = [w["name"] for w in result["windows"]]
    fig, axes = plt.subplots(len(panels), len(names), figsize=(6 * len(names), 2.6 * len(panels)), squeeze=False)
    for i, panel in enumerate(panels):
        ymax = 0
        for j, name in enumerate(names):
            ax = axes[i][j]
            for t in panel["targets"]:
                for s in t["windows"].get(name, []):
                    xs = [p[0] for p in s["points"]]
                    ys = [p[1] * (100 if panel["unit"] == "percentunit" else 1000 if panel["unit"] == "s" else 1)
                          for p in s["points"]]
                    ax.plot(xs, ys, label=s["legend"], linewidth=1.6)
                    ymax = max([ymax] + [y for y in ys if not math.isnan(y)])
            unit = {"percentunit": "% лимита", "s": "мс", "reqps": "запр./с"}.get(panel["unit"], "")
            ax.set_title(f"{panel['title']} — {name}", fontsize=8)
            ax.set_xlabel("с от начала нагрузки", fontsize=7)
            ax.set_ylabel(unit, fontsize=7)
            ax.tick_params(labelsize=7)
            ax.grid(alpha=0.3)
            if panel["unit"] == "percentunit":
                ax.axhline(100, color="red", linewidth=0.8, linestyle="--")
            ax.legend(fontsize=6, loc="lower right")
        for j in range(len(names)):
            axes[i][j].set_ylim(0, ymax * 1.15 if ymax > 0 else 1)
    fig.tight_layout()
    fig.savefig(png, dpi=80)
    return True


if __name__ == "__main__":
    main()
