import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

from django.db import OperationalError
from django.test import TestCase
from prometheus_client.parser import text_string_to_metric_families

from orders import metrics

APP_DIR = Path(__file__).resolve().parents[2]


def scrape(client):
    response = client.get("/metrics")
    assert response.status_code == 200, response.status_code
    samples = {}
    for family in text_string_to_metric_families(response.content.decode()):
        for sample in family.samples:
            key = (sample.name, tuple(sorted(sample.labels.items())))
            samples[key] = sample.value
    return samples


def value(samples, name, **labels):
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def label_values(samples, label):
    return {dict(labels).get(label) for (_, labels) in samples if label in dict(labels)}


class MetricsTests(TestCase):
    def test_runs_in_multiprocess_mode(self):
        self.assertTrue(metrics.MULTIPROC_DIR)
        self.assertEqual(os.environ["PROMETHEUS_MULTIPROC_DIR"], metrics.MULTIPROC_DIR)
        self.client.get("/orders")
        files = os.listdir(metrics.MULTIPROC_DIR)
        self.assertTrue(any(f.startswith("counter_") for f in files), files)

    def test_orders_request_is_counted_under_route_label(self):
        before = scrape(self.client)
        self.assertEqual(self.client.get("/orders?limit=3").status_code, 200)
        self.assertEqual(self.client.get("/orders?limit=abc").status_code, 400)
        after = scrape(self.client)

        labels = {"method": "GET", "path": "/orders"}
        self.assertEqual(
            value(after, "http_requests_total", status="200", **labels)
            - value(before, "http_requests_total", status="200", **labels),
            1,
        )
        self.assertEqual(
            value(after, "http_requests_total", status="400", **labels)
            - value(before, "http_requests_total", status="400", **labels),
            1,
        )
        self.assertEqual(
            value(after, "http_request_duration_seconds_count", **labels)
            - value(before, "http_request_duration_seconds_count", **labels),
            2,
        )
        # Exposed with the conventional names and bucket range.
        self.assertIn(("http_request_duration_seconds_bucket", tuple(sorted({**labels, "le": "0.001"}.items()))), after)
        self.assertIn(("http_request_duration_seconds_bucket", tuple(sorted({**labels, "le": "5.0"}.items()))), after)
        for path in label_values(after, "path"):
            self.assertNotIn("?", path)

    def test_metrics_and_healthz_are_not_counted(self):
        self.client.get("/healthz")
        self.client.get("/metrics")
        before = scrape(self.client)
        for _ in range(3):
            self.client.get("/metrics")
            self.client.get("/healthz")
        after = scrape(self.client)
        total = lambda s: sum(v for (n, _), v in s.items() if n == "http_requests_total")  # noqa: E731
        self.assertEqual(total(after), total(before))
        self.assertFalse({"/metrics", "/healthz"} & label_values(after, "path"))

    def test_unknown_urls_collapse_to_other(self):
        before = scrape(self.client)
        for url in ("/nope", "/nope/2", "/wp-admin.php?x=1"):
            self.assertEqual(self.client.get(url).status_code, 404)
        after = scrape(self.client)
        labels = {"method": "GET", "path": "other", "status": "404"}
        self.assertEqual(value(after, "http_requests_total", **labels) - value(before, "http_requests_total", **labels), 3)
        paths = label_values(after, "path")
        self.assertFalse({"/nope", "/nope/2", "/wp-admin.php"} & paths)

    def test_samples_of_other_worker_processes_are_summed(self):
        labels = {"method": "GET", "path": "/orders", "status": "200"}
        before = value(scrape(self.client), "http_requests_total", **labels)
        # Another process (like a second gunicorn worker) writes into the same dir.
        code = (
            "from orders import metrics;"
            "metrics.HTTP_REQUESTS.labels('GET', '/orders', '200').inc(5)"
        )
        env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": metrics.MULTIPROC_DIR}
        subprocess.run([sys.executable, "-c", code], cwd=APP_DIR, env=env, check=True)
        self.client.get("/orders")
        after = value(scrape(self.client), "http_requests_total", **labels)
        self.assertEqual(after - before, 6)

    def test_metrics_do_not_need_the_database(self):
        with mock.patch(
            "django.db.backends.postgresql.base.DatabaseWrapper.create_cursor",
            side_effect=OperationalError("db is down"),
        ):
            self.assertEqual(self.client.get("/orders").status_code, 503)
            with self.assertNumQueries(0):
                response = self.client.get("/metrics")
        self.assertEqual(response.status_code, 200)
        self.assertIn(b'http_requests_total{method="GET",path="/orders",status="503"}', response.content)


class VariantMetricTests(TestCase):
    """lab_variant_info: the dashboard's «Вариант стенда» panel shows the code, so a Grafana screenshot names the stand."""

    def test_the_variant_code_is_a_label_of_lab_variant_info(self):
        with mock.patch.dict(os.environ, {"LAB_STUDENT_ID": "ivanov", "LAB_VARIANT": ""}):
            samples = scrape(self.client)
        self.assertEqual(value(samples, "lab_variant_info", variant="V37-V3NC"), 1)
        self.assertEqual(label_values({k: v for k, v in samples.items() if k[0] == "lab_variant_info"}, "variant"),
                         {"V37-V3NC"})

    def test_without_a_variant_the_panel_still_has_data(self):
        with mock.patch.dict(os.environ, {"LAB_STUDENT_ID": "", "LAB_VARIANT": ""}):
            samples = scrape(self.client)
        self.assertEqual(value(samples, "lab_variant_info", variant=metrics.NO_VARIANT_LABEL), 1)
