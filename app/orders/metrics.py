"""Prometheus metrics, multi-process aware.

When ``PROMETHEUS_MULTIPROC_DIR`` is set (always under gunicorn, see
gunicorn.conf.py, and in tests), every worker writes its samples to mmap'ed
files in that directory and ``/metrics`` aggregates the files of all workers
of this container. Without it, the default in-process registry is used.
"""

import os

MULTIPROC_DIR = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
if MULTIPROC_DIR:
    # Must exist before the first sample is written.
    os.makedirs(MULTIPROC_DIR, exist_ok=True)

from prometheus_client import (  # noqa: E402  (env must be handled first)
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client import multiprocess  # noqa: E402
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily  # noqa: E402

from . import cgroup  # noqa: E402

# 1 ms .. 5 s, roughly x2 / x2.5 steps.
LATENCY_BUCKETS = (
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5,
    0.75, 1.0, 2.5, 5.0,
)

HTTP_REQUESTS = Counter(
    "http_requests_total",
    "HTTP requests handled, by method, route and status code.",
    ["method", "path", "status"],
)

HTTP_REQUEST_DURATION = Histogram(
    "http_request_duration_seconds",
    "Time spent handling an HTTP request inside Django, by method and route.",
    ["method", "path"],
    buckets=LATENCY_BUCKETS,
)

HTTP_REQUESTS_IN_PROGRESS = Gauge(
    "http_requests_in_progress",
    "Requests currently being handled (summed over the workers of this replica).",
    multiprocess_mode="livesum",
)

# Where a request's time goes (dbtiming.py): on the database vs. in Python.
# Both share the latency buckets, and db + python = the request's duration.
HTTP_REQUEST_DB_SECONDS = Histogram(
    "http_request_db_seconds",
    "Time a request spent waiting for PostgreSQL (all its SQL statements), by method and route.",
    ["method", "path"],
    buckets=LATENCY_BUCKETS,
)

HTTP_REQUEST_PYTHON_SECONDS = Histogram(
    "http_request_python_seconds",
    "Time a request spent in Django outside SQL statements, by method and route.",
    ["method", "path"],
    buckets=LATENCY_BUCKETS,
)

DB_QUERIES = Counter(
    "db_queries",
    "SQL statements run while handling requests, by method and route.",
    ["method", "path"],
)

DB_QUERIES_IN_PROGRESS = Gauge(
    "db_queries_in_progress",
    "SQL statements currently waiting for PostgreSQL (summed over the workers of this replica).",
    multiprocess_mode="livesum",
)


class ContainerCpuCollector:
    """This replica's CPU use and limit, read from its cgroup at scrape time (no DB needed)."""

    def collect(self):
        seconds = cgroup.cpu_seconds()
        if seconds is not None:
            usage = CounterMetricFamily("lab_container_cpu_seconds", "CPU seconds used by this container (its cgroup).")
            usage.add_metric([], seconds)
            yield usage
        limit = cgroup.cpu_limit_cores()
        if limit is not None:
            lim = GaugeMetricFamily("lab_container_cpu_limit_cores", "CPU limit of this container, cores.")
            lim.add_metric([], limit)
            yield lim


# Label value when .env names no variant: the dashboard's variant panel still has data (its gate needs it).
NO_VARIANT_LABEL = "нет варианта"


class VariantCollector:
    """lab_variant_info{variant="V17-K4QX"} 1: the stand's variant, shown big on the dashboard so that a Grafana
    screenshot can be tied to the student's stand (the grader reads the code with OCR)."""

    def collect(self):
        from . import variant

        try:
            v = variant.from_env()
            code = v.code if v else NO_VARIANT_LABEL
        except ValueError:
            code = NO_VARIANT_LABEL
        info = GaugeMetricFamily("lab_variant_info", "The variant of this stand (LAB_VARIANT in .env).", labels=["variant"])
        info.add_metric([code], 1)
        yield info


_CONTAINER_CPU = ContainerCpuCollector()
_VARIANT = VariantCollector()
if not MULTIPROC_DIR:
    REGISTRY.register(_CONTAINER_CPU)
    REGISTRY.register(_VARIANT)


def render():
    """Return (body, content_type) for the /metrics endpoint."""
    if MULTIPROC_DIR:
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry, path=MULTIPROC_DIR)
        registry.register(_CONTAINER_CPU)
        registry.register(_VARIANT)
    else:
        registry = REGISTRY
    return generate_latest(registry), CONTENT_TYPE_LATEST


def render_database_cpu():
    """Return (body, content_type) for /metrics/db: the database container's CPU (needs the database)."""
    from .dbcpu import DatabaseCpuCollector

    registry = CollectorRegistry()
    registry.register(DatabaseCpuCollector())
    return generate_latest(registry), CONTENT_TYPE_LATEST
