"""wrk's figures and each container's CPU share of its limit during a run (see stack-cpu.sh: run_figures)."""
import json
import re
import sys


def figures(out, before, after, t0, t1):
    used0 = {line.split()[0]: int(line.split()[1]) for line in before.splitlines() if line.strip()}
    shares = {"web": []}
    for line in after.splitlines():
        if not line.strip():
            continue
        cid, used, limit, svc = line.split()
        share = round((int(used) - used0[cid]) / 1e6 / (t1 - t0) / float(limit), 3)
        if svc == "db":
            shares["db"] = share
        elif svc == "web":
            shares["web"].append(share)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    m = re.search(r"Latency\s+([\d.]+)(us|ms|s)", out)
    lat = float(m.group(1)) * {"us": 1e-3, "ms": 1, "s": 1e3}[m.group(2)]
    errors = sum(map(int, re.findall(r"(?:connect|read|write|timeout) (\d+)", out)))
    n2 = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": rps, "latency_avg_ms": lat, "errors": errors + (int(n2.group(1)) if n2 else 0),
            "db_share_of_limit": shares.get("db"), "web_share_of_limit": shares["web"]}


if __name__ == "__main__":
    out, before, after = (open(p, encoding="utf-8").read() for p in sys.argv[1:4])
    print(json.dumps(figures(out, before, after, float(sys.argv[4]), float(sys.argv[5]))))
