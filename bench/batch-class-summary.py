#!/usr/bin/env python3
"""Figures of a class benchmark from its logs (also usable on a batch that was stopped early).

usage: batch-class-summary.py BATCH_NEW_LOG START_EPOCH CLASS_SIZE [OLD_BATCH_LOG] > result.json
BATCH_NEW_LOG lines are "<epoch> <line of bin/lab batch>"; OLD_BATCH_LOG is plain `bin/lab batch` output.
"""
import json, re, sys, time

new_log, start, n = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
old_log = sys.argv[4] if len(sys.argv) > 4 else None
rows = [l.rstrip("\n").split(" ", 1) for l in open(new_log, encoding="utf-8") if " " in l]
done, measured, last = {}, [], start
for ts, text in rows:
    m = re.match(r"\[(\d+)/(\d+)\] (\S+): (.*)", text)
    if m:
        i, t = int(m.group(1)), float(ts)
        done[i] = t
        if "измерен стенд" in text:
            measured.append({"submission": m.group(3), "seconds": round(t - last, 1)})
        last = t
finished = max(done) if done else 0
def prefix(k):
    if k not in done:
        return None
    t = done[k] - start
    return {"submissions": k, "seconds": round(t, 1), "seconds_per_submission": round(t / k, 2)}

def duration(text):  # "7 мин 58 с" / "1 ч 2 мин" / "45 с"
    s = 0
    for v, u in re.findall(r"(\d+)\s*(ч|мин|с)\b", text):
        s += int(v) * {"ч": 3600, "мин": 60, "с": 1}[u]
    return s

old = None
if old_log:
    secs = []
    for l in open(old_log, encoding="utf-8"):
        if re.match(r"\[\d+/\d+\] ", l):
            m = re.search(r"\), ((?:\d+ (?:ч|мин|с) ?)+)", l)
            if m:
                secs.append(duration(m.group(1)))
    if secs:
        old = {"command": "bin/lab batch of the code before this change (a clone of main), same submissions",
               "submissions_graded": len(secs), "seconds_each": secs,
               "seconds_per_submission": round(sum(secs) / len(secs), 1)}

result = {
    "machine": "2 cores, 24 GiB, shared with six other helpers' builds and stacks (load average 40-190 during the run)",
    "class_size": n, "graded": len(done), "complete": finished >= n,
    "elapsed_seconds": round((done[finished] if done else time.time()) - start, 1),
    "seconds_per_submission": round((done[finished] - start) / finished, 2) if done else None,
    "stacks_measured": measured,
    "by_class_size": [p for p in (prefix(10), prefix(50), prefix(n)) if p],
    "old": old,
}
print(json.dumps(result, ensure_ascii=False, indent=2))
