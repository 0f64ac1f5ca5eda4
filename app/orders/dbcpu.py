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


def read_in_database(paths):
    """{path: text} for the files the database server can read; one SQL statement for all of them.

    missing_ok=true gives NULL for a file that does not exist (the other cgroup layout).
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT p, pg_read_file(p, true) FROM unnest(%s::text[]) AS p", [list(paths)])
        return {path: text for path, text in cursor.fetchall() if text is not None}


class DatabaseCpuCollector:
    def collect(self):
        up = GaugeMetricFamily("lab_db_cpu_readable", "1 if the database container's cgroup could be read.")
        try:
            files = read_in_database(cgroup.candidate_paths("/sys/fs/cgroup"))
            seconds = cgroup.cpu_seconds(files.get, "/sys/fs/cgroup")
            limit = cgroup.cpu_limit_cores(files.get, "/sys/fs/cgroup")
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
