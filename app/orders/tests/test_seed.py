import io
from datetime import timedelta

from django.core.management import call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from orders import seeding
from orders.models import Customer, Order, OrderItem, Product, SeedInfo

SMALL = 0.05
# Checksum of the data at SMALL scale. Catches non-determinism that a
# single process cannot see (time, hash randomisation, RNG API drift).
# Changing the generator on purpose means bumping SEED_VERSION and this.
GOLDEN_SMALL_CHECKSUM = "f4664f892052acc0ce77203823d5e998b153cd6bd35bace2eeaa1db01766d873"


def quiet(*_):
    pass


def writes(queries):
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE", "TRUNCATE"))]


class SeedTests(TestCase):
    def test_deterministic_across_runs(self):
        self.assertTrue(seeding.seed(scale=SMALL, log=quiet))
        first = seeding.data_checksum()
        first_rows = list(Order.objects.order_by("id").values_list("id", "customer_id", "created_at", "status")[:50])
        self.assertTrue(seeding.seed(scale=SMALL, force=True, log=quiet))
        self.assertEqual(seeding.data_checksum(), first)
        self.assertEqual(
            list(Order.objects.order_by("id").values_list("id", "customer_id", "created_at", "status")[:50]),
            first_rows,
        )
        self.assertEqual(SeedInfo.objects.get().checksum, first)

    def test_matches_golden_checksum(self):
        seeding.seed(scale=SMALL, log=quiet)
        self.assertEqual(seeding.data_checksum(), GOLDEN_SMALL_CHECKSUM)

    def test_generation_is_pure_and_uses_fixed_timestamps(self):
        sizes = seeding.Sizes.for_scale(SMALL)
        a = seeding.generate(sizes)
        b = seeding.generate(sizes)
        def dump(objs):
            return [
                (type(o).__name__, tuple((k, v) for k, v in sorted(vars(o).items()) if k != "_state"))
                for o in objs
            ]

        for left, right in zip(a, b):
            self.assertEqual(dump(left), dump(right))
        orders = a[2]
        self.assertTrue(all(seeding.BASE_TIME < o.created_at < seeding.BASE_TIME + timedelta(days=400) for o in orders))
        stamps = [o.created_at for o in orders]
        self.assertEqual(len(set(stamps)), len(stamps))

    def test_second_run_is_a_no_op(self):
        self.assertTrue(seeding.seed(scale=SMALL, log=quiet))
        checksum = seeding.data_checksum()
        out = io.StringIO()
        with CaptureQueriesContext(connection) as ctx:
            call_command("seed", scale=SMALL, stdout=out)
        self.assertIn("nothing to do", out.getvalue())
        self.assertEqual(writes(ctx.captured_queries), [])
        self.assertEqual(seeding.data_checksum(), checksum)

    def test_partial_data_is_wiped_and_reseeded(self):
        seeding.seed(scale=SMALL, log=quiet)
        checksum = seeding.data_checksum()
        expected_items = OrderItem.objects.count()
        OrderItem.objects.filter(order_id__gt=1000).delete()
        Customer.objects.create(name="Intruder", email="x@example.com", city="Nowhere")
        out = io.StringIO()
        call_command("seed", scale=SMALL, stdout=out)
        self.assertIn("wiping", out.getvalue())
        self.assertEqual(OrderItem.objects.count(), expected_items)
        self.assertFalse(Customer.objects.filter(name="Intruder").exists())
        self.assertEqual(seeding.data_checksum(), checksum)

    def test_missing_marker_triggers_reseed(self):
        seeding.seed(scale=SMALL, log=quiet)
        SeedInfo.objects.all().delete()
        self.assertTrue(seeding.seed(scale=SMALL, log=quiet))
        self.assertEqual(SeedInfo.objects.get().version, seeding.SEED_VERSION)

    def test_sequences_continue_after_explicit_ids(self):
        seeding.seed(scale=SMALL, log=quiet)
        max_id = Customer.objects.order_by("-id").values_list("id", flat=True).first()
        new = Customer.objects.create(name="New", email="new@example.com", city="Kazan")
        self.assertGreater(new.id, max_id)

    def test_full_scale_volumes(self):
        out = io.StringIO()
        call_command("seed", stdout=out)
        self.assertEqual(Customer.objects.count(), 2_000)
        self.assertEqual(Product.objects.count(), 200)
        self.assertEqual(Order.objects.count(), 30_000)
        items = OrderItem.objects.count()
        self.assertTrue(85_000 <= items <= 95_000, items)
        self.assertEqual(SeedInfo.objects.get().items, items)
        self.assertIn("customer: 2000/2000", out.getvalue())
