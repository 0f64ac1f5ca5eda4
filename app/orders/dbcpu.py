"""The database container's CPU use against its limit, with no extra service.

PostgreSQL runs in its own container, so its server process sees that
container's cgroup at /sys/fs/cgroup. The lab's database user is the
superuser the image creates, so ``pg_read_file`` can read those files.
Served at /metrics/db (a separate Prometheus job, ``db``) so that /metrics
itself never needs the database. Every replica reports the same counter;
dashboard panels take max() over them.
"""

from django.db import Error, connection
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily

from . import cgroup


def read_in_database(path):
    # missing_ok=true: NULL for a file that does not exist (the other cgroup layout).
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_read_file(%s, true)", [path])
        row = cursor.fetchone()
    return row[0] if row else None


class DatabaseCpuCollector:
    def collect(self):
        up = GaugeMetricFamily("lab_db_cpu_readable", "1 if the database container's cgroup could be read.")
        try:
            seconds = cgroup.cpu_seconds(read_in_database)
            limit = cgroup.cpu_limit_cores(read_in_database)
        except Error:
            seconds = limit = None
        up.add_metric([], 0.0 if seconds is None else 1.0)
        yield up
        if seconds is not None:
            usage = CounterMetricFamily(
                "lab_container_cpu_seconds",
                "CPU seconds used by the database container (its cgroup).",
            )
            usage.add_metric([], seconds)
            yield usage
        if limit is not None:
            lim = GaugeMetricFamily("lab_container_cpu_limit_cores", "CPU limit of the database container, cores.")
            lim.add_metric([], limit)
            yield lim
