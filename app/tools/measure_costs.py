"""Measure per-request CPU cost of /orders: Django process vs PostgreSQL backend.

Run from app/ against a seeded database on the same host (PostgreSQL must be
local so /proc/<backend pid>/stat is readable):

    POSTGRES_HOST=127.0.0.1 python tools/measure_costs.py [limit] [-v]

Django CPU  = time.process_time() of this process per test-client request
              (routing, ORM query compilation, JSON, middleware, metrics).
Postgres CPU = user+sys ticks of the backend serving this connection
              (parse, plan, execute, send).
"""
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import django  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "labsite.settings")
django.setup()
from django.test import Client
from django.db import connection
from orders.views import recent_orders_queryset

limit = int(sys.argv[1]) if len(sys.argv) > 1 else 20
N = 300
c = Client()
for _ in range(20):
    assert c.get(f"/orders?limit={limit}").status_code == 200
with connection.cursor() as cur:
    cur.execute("select pg_backend_pid()"); pid = cur.fetchone()[0]
tick = os.sysconf("SC_CLK_TCK")
def pg_cpu():
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / tick
p0, w0, d0 = time.process_time(), time.perf_counter(), pg_cpu()
for _ in range(N):
    c.get(f"/orders?limit={limit}")
p1, w1, d1 = time.process_time(), time.perf_counter(), pg_cpu()
print(f"limit={limit}: django cpu {1000*(p1-p0)/N:.2f} ms/req, postgres backend cpu {1000*(d1-d0)/N:.2f} ms/req, wall {1000*(w1-w0)/N:.2f} ms/req")
sql, params = recent_orders_queryset(limit).query.sql_with_params()
with connection.cursor() as cur:
    times = []
    for _ in range(30):
        cur.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, params)
        plan = cur.fetchone()[0][0]
        times.append((plan["Planning Time"], plan["Execution Time"]))
    times.sort(key=lambda t: t[0] + t[1])
    pt, et = times[len(times)//2]
    print(f"EXPLAIN ANALYZE median: planning {pt:.2f} ms, execution {et:.2f} ms")
    if "-v" in sys.argv:
        cur.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        print("\n".join(r[0] for r in cur.fetchall()))
        print(cur.mogrify(sql, params) if hasattr(cur, "mogrify") else sql)
