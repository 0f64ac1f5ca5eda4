import socket
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from django.test import TestCase

from orders import seeding
from orders.models import Customer, Order, OrderItem, Product

from .helpers import expected_payload_rows

ORDER_KEYS = {"id", "created_at", "status", "customer", "items_count", "items_quantity", "total"}
CUSTOMER_KEYS = {"id", "name", "city", "orders_total", "lifetime_spend"}


class OrdersOnSeededDataTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        seeding.seed(scale=0.05, log=lambda *_: None)  # 100 customers, 1500 orders

    def test_shape_default_limit_and_served_by(self):
        response = self.client.get("/orders")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/json")
        self.assertEqual(response["X-Served-By"], socket.gethostname())
        data = response.json()
        self.assertEqual(set(data), {"served_by", "variant", "count", "orders", "variant_ballast"})
        self.assertEqual(data["served_by"], socket.gethostname())
        self.assertEqual(data["count"], 20)
        self.assertEqual(len(data["orders"]), 20)
        for row in data["orders"]:
            self.assertEqual(set(row), ORDER_KEYS)
            self.assertEqual(set(row["customer"]), CUSTOMER_KEYS)

    def test_ordering_and_aggregates_match_independent_computation(self):
        for limit in (1, 20, 100):
            with self.subTest(limit=limit):
                data = self.client.get(f"/orders?limit={limit}").json()
                self.assertEqual(data["count"], limit)
                self.assertEqual(data["orders"], expected_payload_rows(limit))

    def test_most_recent_first(self):
        rows = self.client.get("/orders?limit=50").json()["orders"]
        stamps = [datetime.fromisoformat(r["created_at"]) for r in rows]
        self.assertEqual(stamps, sorted(stamps, reverse=True))
        self.assertEqual(rows[0]["id"], Order.objects.latest("created_at").id)

    def test_single_sql_query(self):
        # All aggregates are computed by PostgreSQL in one statement.
        with self.assertNumQueries(1):
            self.client.get("/orders?limit=100")

    def test_invalid_limits_are_400_json(self):
        for raw in ("abc", "0", "-1", "100000", "101", "", "1.5", "1e2", "+5", "٣"):
            with self.subTest(limit=raw):
                response = self.client.get("/orders", {"limit": raw})
                self.assertEqual(response.status_code, 400)
                self.assertEqual(response["Content-Type"], "application/json")
                self.assertIn("error", response.json())
                self.assertEqual(response["X-Served-By"], socket.gethostname())

    def test_limit_bounds_accepted(self):
        self.assertEqual(self.client.get("/orders?limit=1").json()["count"], 1)
        self.assertEqual(self.client.get("/orders?limit=100").json()["count"], 100)


class OrdersOnHandBuiltDataTests(TestCase):
    """Small fixture whose expected numbers are written out by hand."""

    @classmethod
    def setUpTestData(cls):
        base = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
        alice = Customer.objects.create(name="Alice", email="a@example.com", city="Kazan")
        bob = Customer.objects.create(name="Bob", email="b@example.com", city="Omsk")
        kettle = Product.objects.create(name="Kettle", price=Decimal("10.50"))
        lamp = Product.objects.create(name="Lamp", price=Decimal("3.25"))
        cls.a1 = Order.objects.create(customer=alice, created_at=base, status="delivered")
        cls.b1 = Order.objects.create(customer=bob, created_at=base + timedelta(hours=1), status="paid")
        cls.a2 = Order.objects.create(customer=alice, created_at=base + timedelta(hours=2), status="new")
        cls.a3 = Order.objects.create(customer=alice, created_at=base + timedelta(hours=3), status="new")  # no items
        OrderItem.objects.create(order=cls.a1, product=kettle, quantity=2, unit_price=Decimal("10.50"))
        OrderItem.objects.create(order=cls.a1, product=lamp, quantity=1, unit_price=Decimal("3.25"))
        OrderItem.objects.create(order=cls.b1, product=lamp, quantity=4, unit_price=Decimal("3.00"))
        OrderItem.objects.create(order=cls.a2, product=kettle, quantity=3, unit_price=Decimal("9.99"))

    def test_exact_values(self):
        rows = self.client.get("/orders?limit=10").json()["orders"]
        self.assertEqual([r["id"] for r in rows], [self.a3.id, self.a2.id, self.b1.id, self.a1.id])
        by_id = {r["id"]: r for r in rows}

        # Alice: 3 orders, spend 2*10.50 + 3.25 + 3*9.99 = 54.22
        self.assertEqual(by_id[self.a3.id]["items_count"], 0)
        self.assertEqual(by_id[self.a3.id]["items_quantity"], 0)
        self.assertEqual(by_id[self.a3.id]["total"], "0.00")
        self.assertEqual(by_id[self.a3.id]["customer"]["orders_total"], 3)
        self.assertEqual(by_id[self.a3.id]["customer"]["lifetime_spend"], "54.22")

        self.assertEqual(
            (by_id[self.a1.id]["items_count"], by_id[self.a1.id]["items_quantity"], by_id[self.a1.id]["total"]),
            (2, 3, "24.25"),
        )
        self.assertEqual(by_id[self.a2.id]["total"], "29.97")

        self.assertEqual(by_id[self.b1.id]["customer"], {
            "id": self.b1.customer_id, "name": "Bob", "city": "Omsk",
            "orders_total": 1, "lifetime_spend": "12.00",
        })
        self.assertEqual(by_id[self.b1.id]["created_at"], "2024-05-01T13:00:00+00:00")
        self.assertEqual(by_id[self.b1.id]["status"], "paid")

    def test_fewer_orders_than_limit(self):
        data = self.client.get("/orders?limit=100").json()
        self.assertEqual(data["count"], 4)


class OtherEndpointsTests(TestCase):
    def test_healthz_does_not_touch_db(self):
        with self.assertNumQueries(0):
            response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), {"status": "ok"})
        self.assertEqual(response["X-Served-By"], socket.gethostname())

    def test_index(self):
        data = self.client.get("/").json()
        self.assertIn("/orders", data["endpoints"])

    def test_unknown_url_is_json_404_with_header(self):
        response = self.client.get("/no/such/page")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(response.json(), {"error": "not found"})
        self.assertEqual(response["X-Served-By"], socket.gethostname())

    def test_orders_with_trailing_slash_is_404_not_redirect(self):
        self.assertEqual(self.client.get("/orders/").status_code, 404)

    def test_post_not_allowed(self):
        self.assertEqual(self.client.post("/orders").status_code, 405)
