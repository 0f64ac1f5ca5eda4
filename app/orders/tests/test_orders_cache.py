"""The extension task's switch (tasks/07-dopolnitelnoe.md): LAB_ORDERS_CACHE_SECONDS keeps /orders bodies in the
worker's memory. Off by default; when on, a repeat is the same bytes with no SQL, and the db-time metric shows it."""

import json
import os
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from unittest import mock

from django.core.cache import cache
from django.test import TestCase, override_settings

from orders import variant, views
from orders.models import Customer, Order, OrderItem, Product

from .test_metrics import APP_DIR, scrape, value

ORDERS = {"method": "GET", "path": "/orders"}


def setting_under(env_value):
    """ORDERS_CACHE_SECONDS as the settings module computes it from the environment (None: variable unset)."""
    env = {k: v for k, v in os.environ.items() if k != "LAB_ORDERS_CACHE_SECONDS"}
    if env_value is not None:
        env["LAB_ORDERS_CACHE_SECONDS"] = env_value
    code = "from labsite import settings; print(settings.ORDERS_CACHE_SECONDS)"
    out = subprocess.run([sys.executable, "-c", code], cwd=APP_DIR, env=env, check=True, capture_output=True, text=True)
    return int(out.stdout.strip())


class CacheSwitchTests(TestCase):
    def test_off_unless_a_positive_number_of_seconds_is_given(self):
        self.assertEqual(setting_under(None), 0)
        self.assertEqual(setting_under(""), 0)
        self.assertEqual(setting_under("0"), 0)
        self.assertEqual(setting_under("10"), 10)
        self.assertEqual(setting_under("-5"), 0)
        self.assertEqual(setting_under("ten"), 0)


class OrdersCacheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        base = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
        kettle = Product.objects.create(name="Kettle", price=Decimal("10.50"))
        for i in range(12):
            customer = Customer.objects.create(name=f"C{i}", email=f"c{i}@example.com", city="Kazan")
            order = Order.objects.create(customer=customer, created_at=base + timedelta(hours=i), status="new")
            OrderItem.objects.create(order=order, product=kettle, quantity=i + 1, unit_price=Decimal("10.50"))

    def setUp(self):
        cache.clear()
        self.addCleanup(cache.clear)
        views._VARIANT.clear()
        self.addCleanup(views._VARIANT.clear)

    def get(self, url, seconds, queries):
        with override_settings(ORDERS_CACHE_SECONDS=seconds), self.assertNumQueries(queries):
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return response

    def test_off_every_request_runs_its_query(self):
        for _ in range(3):
            self.get("/orders?limit=5", 0, 1)

    def test_a_repeat_is_served_without_sql_and_is_byte_identical(self):
        uncached = self.get("/orders?limit=5", 0, 1)
        first = self.get("/orders?limit=5", 30, 1)
        repeat = self.get("/orders?limit=5", 30, 0)
        for response in (first, repeat):
            self.assertEqual(response.content, uncached.content)
            self.assertEqual(dict(response.headers), dict(uncached.headers))
        self.assertEqual(repeat["Content-Length"], str(len(uncached.content)))
        self.assertEqual(repeat.json()["count"], 5)

    def test_each_limit_and_each_variant_has_its_own_entry(self):
        five = self.get("/orders?limit=5", 30, 1)
        seven = self.get("/orders?limit=7", 30, 1)
        self.assertEqual((five.json()["count"], seven.json()["count"]), (5, 7))
        sizes = {}
        for n in (2, 3):
            views._VARIANT.clear()
            code = variant.code_for("ivanov", n)
            with mock.patch.dict("os.environ", {"LAB_STUDENT_ID": "ivanov", "LAB_VARIANT": code}):
                body = self.get("/orders?limit=5", 30, 1).content
                self.assertEqual(self.get("/orders?limit=5", 30, 0).content, body)
            self.assertEqual(json.loads(body)["variant"], code)
            sizes[n] = len(body)
        self.assertEqual(sizes[3] - sizes[2], variant.STEP_BYTES)

    def test_an_entry_lives_for_the_given_seconds(self):
        self.get("/orders?limit=5", 1, 1)
        self.get("/orders?limit=5", 1, 0)
        time.sleep(1.2)
        self.get("/orders?limit=5", 1, 1)

    def test_errors_are_not_cached(self):
        with override_settings(ORDERS_CACHE_SECONDS=30):
            for _ in range(2):
                self.assertEqual(self.client.get("/orders?limit=abc").status_code, 400)

    def test_database_time_metric_shows_the_drop(self):
        def delta_after(seconds, requests=4):
            before = scrape(self.client)
            for _ in range(requests):
                self.get("/orders?limit=5", seconds, 0 if seconds else 1)
            after = scrape(self.client)
            return {name: value(after, name, **ORDERS) - value(before, name, **ORDERS)
                    for name in ("db_queries_total", "http_request_db_seconds_count", "http_request_db_seconds_sum")}

        off = delta_after(0)
        self.assertEqual(off["db_queries_total"], 4)
        self.assertGreater(off["http_request_db_seconds_sum"], 0)
        self.get("/orders?limit=5", 30, 1)  # fills the entry
        on = delta_after(30)
        self.assertEqual(on, {"db_queries_total": 0, "http_request_db_seconds_count": 4, "http_request_db_seconds_sum": 0})
