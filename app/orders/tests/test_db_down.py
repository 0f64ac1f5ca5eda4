import socket
import time
from unittest import mock

import psycopg
from django.db import InterfaceError, OperationalError, connection
from django.test import TransactionTestCase


def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class DatabaseDownTests(TransactionTestCase):
    """Not wrapped in a transaction: the app must really close/reopen connections."""

    def assert_503(self, response):
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response["Content-Type"], "application/json")
        self.assertEqual(response.json(), {"error": "database unavailable"})
        self.assertEqual(response["X-Served-By"], socket.gethostname())

    def test_unreachable_database_gives_fast_503_then_recovers(self):
        self.assertEqual(self.client.get("/orders").status_code, 200)
        settings = connection.settings_dict
        original_host, original_port = settings["HOST"], settings["PORT"]
        connection.close()
        settings["HOST"], settings["PORT"] = "127.0.0.1", str(closed_port())
        try:
            for _ in range(2):
                start = time.monotonic()
                response = self.client.get("/orders")
                self.assertLess(time.monotonic() - start, 1.5)
                self.assert_503(response)
            self.assertEqual(self.client.get("/healthz").status_code, 200)
            self.assertEqual(self.client.get("/metrics").status_code, 200)
        finally:
            settings["HOST"], settings["PORT"] = original_host, original_port
        # "DB is back": the very next request works.
        response = self.client.get("/orders")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["count"], 0)

    def test_query_errors_give_503_and_the_broken_connection_is_closed(self):
        self.assertEqual(self.client.get("/orders").status_code, 200)
        for exc in (OperationalError("server closed the connection"), InterfaceError("connection already closed")):
            with self.subTest(exc=type(exc).__name__):
                with mock.patch(
                    "django.db.backends.postgresql.base.DatabaseWrapper.create_cursor", side_effect=exc
                ):
                    self.assert_503(self.client.get("/orders"))
                self.assertIsNone(connection.connection)  # dropped, will reconnect
                self.assertEqual(self.client.get("/orders").status_code, 200)

    def test_terminated_backend_is_replaced_on_next_request(self):
        # Simulates a PostgreSQL restart behind a persistent connection.
        self.assertEqual(self.client.get("/orders").status_code, 200)
        old_pid = connection.connection.info.backend_pid
        params = connection.get_connection_params()
        params.pop("cursor_factory", None)
        params.pop("context", None)
        with psycopg.connect(**params, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", [old_pid])
        # Either the health check notices and reconnects (200), or the
        # request fails cleanly (503) and the one after it works.
        first = self.client.get("/orders")
        self.assertIn(first.status_code, (200, 503))
        self.assertEqual(self.client.get("/orders").status_code, 200)
        self.assertNotEqual(connection.connection.info.backend_pid, old_pid)
