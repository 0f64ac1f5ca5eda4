"""Metrics that show where a request's time goes, and who is at their CPU limit."""

import tempfile
import time
from pathlib import Path
from unittest import mock

from django.db import OperationalError, connection
from django.test import TestCase
from prometheus_client.parser import text_string_to_metric_families

from orders import cgroup, dbcpu, dbtiming, metrics

from .test_metrics import scrape, value

ORDERS = {"method": "GET", "path": "/orders"}


def rendered(render=metrics.render):
    body, _ = render()
    samples = {}
    for family in text_string_to_metric_families(body.decode()):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


def fake_files(files):
    return lambda path: files.get(path)


class DatabaseAndPythonTimeTests(TestCase):
    def test_orders_time_splits_into_database_and_python(self):
        before = scrape(self.client)
        statements = []
        with connection.execute_wrapper(lambda execute, sql, *rest: statements.append(sql) or execute(sql, *rest)):
            self.assertEqual(self.client.get("/orders?limit=5").status_code, 200)
        after = scrape(self.client)
        delta = lambda name, **labels: value(after, name, **labels) - value(before, name, **labels)  # noqa: E731

        self.assertEqual(delta("http_request_db_seconds_count", **ORDERS), 1)
        self.assertEqual(delta("http_request_python_seconds_count", **ORDERS), 1)
        self.assertEqual(delta("db_queries_total", **ORDERS), len(statements))
        self.assertGreaterEqual(len(statements), 1)
        db, python = delta("http_request_db_seconds_sum", **ORDERS), delta("http_request_python_seconds_sum", **ORDERS)
        duration = delta("http_request_duration_seconds_sum", **ORDERS)
        self.assertGreater(db, 0)
        self.assertGreater(python, 0)
        # Both parts together are the request's duration (the outer middleware measures a little more).
        self.assertLessEqual(db + python, duration)
        self.assertGreater(db + python, 0.8 * duration)

    def test_a_request_without_sql_has_no_database_time(self):
        before = scrape(self.client)
        self.assertEqual(self.client.get("/").status_code, 200)
        after = scrape(self.client)
        labels = {"method": "GET", "path": "/"}
        self.assertEqual(value(after, "http_request_db_seconds_count", **labels)
                         - value(before, "http_request_db_seconds_count", **labels), 1)
        self.assertEqual(value(after, "http_request_db_seconds_sum", **labels)
                         - value(before, "http_request_db_seconds_sum", **labels), 0)
        self.assertEqual(value(after, "db_queries_total", **labels) - value(before, "db_queries_total", **labels), 0)

    def test_slow_sql_shows_as_database_time_not_python_time(self):
        before = scrape(self.client)
        real = dbtiming.QueryTimer.__call__

        def slow(timer, execute, sql, params, many, context):
            def sleepy(*args):
                time.sleep(0.2)  # a database that answers slowly
                return execute(*args)
            return real(timer, sleepy, sql, params, many, context)

        with mock.patch.object(dbtiming.QueryTimer, "__call__", slow):
            self.assertEqual(self.client.get("/orders?limit=1").status_code, 200)
        after = scrape(self.client)
        db = value(after, "http_request_db_seconds_sum", **ORDERS) - value(before, "http_request_db_seconds_sum", **ORDERS)
        python = (value(after, "http_request_python_seconds_sum", **ORDERS)
                  - value(before, "http_request_python_seconds_sum", **ORDERS))
        self.assertGreaterEqual(db, 0.2)
        self.assertLess(python, db)

    def test_scrapes_and_probes_are_not_timed(self):
        before = scrape(self.client)
        for url in ("/metrics", "/metrics/db", "/healthz"):
            self.client.get(url)
        after = scrape(self.client)
        total = lambda s: sum(v for (n, _), v in s.items() if n == "http_request_db_seconds_count")  # noqa: E731
        self.assertEqual(total(after), total(before))


class InProgressTests(TestCase):
    def test_requests_and_queries_in_progress_are_counted_while_they_run(self):
        seen = {}

        def during_orders(limit):
            seen["requests"] = value(rendered(), "http_requests_in_progress")
            with connection.cursor() as c:
                c.execute("SELECT 1")
            return []

        real = dbtiming.QueryTimer.__call__

        def observing(timer, execute, sql, params, many, context):
            def inside(*args):
                seen["queries"] = value(rendered(), "db_queries_in_progress")
                return execute(*args)
            return real(timer, inside, sql, params, many, context)

        with mock.patch("orders.views.recent_orders_queryset", side_effect=during_orders), \
                mock.patch.object(dbtiming.QueryTimer, "__call__", observing):
            self.assertEqual(self.client.get("/orders").status_code, 200)
        self.assertEqual(seen, {"requests": 1, "queries": 1})
        after = rendered()
        self.assertEqual(value(after, "http_requests_in_progress"), 0)
        self.assertEqual(value(after, "db_queries_in_progress"), 0)

    def test_a_failing_query_leaves_no_query_in_progress(self):
        with mock.patch(
            "django.db.backends.postgresql.base.DatabaseWrapper.create_cursor",
            side_effect=OperationalError("db is down"),
        ):
            self.assertEqual(self.client.get("/orders").status_code, 503)
        self.assertEqual(value(rendered(), "db_queries_in_progress"), 0)


class CgroupTests(TestCase):
    def test_cgroup_v2_usage_and_limit(self):
        files = {"/cg/cpu.stat": "usage_usec 2500000\nuser_usec 2000000\n", "/cg/cpu.max": "40000 100000\n"}
        self.assertEqual(cgroup.cpu_seconds(fake_files(files), "/cg"), 2.5)
        self.assertEqual(cgroup.cpu_limit_cores(fake_files(files), "/cg"), 0.4)
        self.assertIsNone(cgroup.cpu_limit_cores(fake_files({"/cg/cpu.max": "max 100000\n"}), "/cg"))

    def test_cgroup_v1_usage_and_limit(self):
        files = {
            "/cg/cpu,cpuacct/cpuacct.usage": "1500000000\n",
            "/cg/cpu/cpu.cfs_quota_us": "50000\n",
            "/cg/cpu/cpu.cfs_period_us": "100000\n",
        }
        self.assertEqual(cgroup.cpu_seconds(fake_files(files), "/cg"), 1.5)
        self.assertEqual(cgroup.cpu_limit_cores(fake_files(files), "/cg"), 0.5)
        unlimited = {**files, "/cg/cpu/cpu.cfs_quota_us": "-1\n"}
        self.assertIsNone(cgroup.cpu_limit_cores(fake_files(unlimited), "/cg"))

    def test_no_cgroup_files_means_no_figure(self):
        self.assertIsNone(cgroup.cpu_seconds(fake_files({}), "/cg"))
        self.assertIsNone(cgroup.cpu_limit_cores(fake_files({}), "/cg"))

    def test_metrics_show_this_containers_cpu_from_its_cgroup(self):
        with tempfile.TemporaryDirectory() as root:
            Path(root, "cpu.stat").write_text("usage_usec 7000000\n")
            Path(root, "cpu.max").write_text("40000 100000\n")
            with mock.patch.object(cgroup, "ROOT", root):
                with self.assertNumQueries(0):
                    samples = scrape(self.client)
        self.assertEqual(value(samples, "lab_container_cpu_seconds_total"), 7.0)
        self.assertEqual(value(samples, "lab_container_cpu_limit_cores"), 0.4)

    def test_the_real_cgroup_of_this_container_is_readable(self):
        # Runs inside the web image: Docker always gives a container its cgroup.
        self.assertGreater(cgroup.cpu_seconds(), 0)


class DatabaseCpuTests(TestCase):
    def test_database_container_cpu_is_read_through_postgresql(self):
        # The stack's db: the lab user is the image's superuser, so pg_read_file reads its cgroup.
        response = self.client.get("/metrics/db")
        self.assertEqual(response.status_code, 200)
        samples = rendered(metrics.render_database_cpu)
        self.assertEqual(value(samples, "lab_db_cpu_readable"), 1)
        self.assertGreater(value(samples, "lab_container_cpu_seconds_total"), 0)
        self.assertGreater(value(samples, "lab_container_cpu_limit_cores"), 0)

    def test_database_cpu_costs_one_sql_statement(self):
        with self.assertNumQueries(1):
            self.assertEqual(self.client.get("/metrics/db").status_code, 200)

    def test_database_cpu_from_given_cgroup_files(self):
        files = {"/sys/fs/cgroup/cpu.stat": "usage_usec 9000000\n", "/sys/fs/cgroup/cpu.max": "50000 100000\n"}
        with mock.patch.object(dbcpu, "read_in_database", side_effect=lambda paths: {p: files[p] for p in paths if p in files}):
            samples = rendered(metrics.render_database_cpu)
        self.assertEqual(value(samples, "lab_container_cpu_seconds_total"), 9.0)
        self.assertEqual(value(samples, "lab_container_cpu_limit_cores"), 0.5)

    def test_database_down_gives_readable_zero_not_an_error(self):
        with mock.patch.object(dbcpu, "read_in_database", side_effect=OperationalError("db is down")):
            response = self.client.get("/metrics/db")
        self.assertEqual(response.status_code, 200)
        self.assertIn(b"lab_db_cpu_readable 0.0", response.content)
        self.assertNotIn(b"lab_container_cpu_seconds_total", response.content)
