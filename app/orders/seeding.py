"""Deterministic demo data for the lab.

Every value is derived from one ``random.Random(SEED)`` stream using only
``rng.random()`` (whose output is guaranteed stable across Python versions)
and from a fixed base timestamp, so two runs produce byte-identical tables:
same ids, same timestamps, same prices.
"""

import bisect
import hashlib
import random
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from django.core.management.color import no_style
from django.db import connection, transaction

from .models import Customer, Order, OrderItem, Product, SeedInfo

SEED_VERSION = "orders-seed-v1"
SEED = 20240501
BASE_TIME = datetime(2024, 1, 1, tzinfo=timezone.utc)
ORDER_SPACING_SECONDS = 1051  # orders are strictly increasing in time

BASE_CUSTOMERS = 2_000
BASE_PRODUCTS = 200
BASE_ORDERS = 30_000
BATCH_SIZE = 5_000
ADVISORY_LOCK_ID = 7_345_001  # serialises concurrent `seed` runs

FIRST_NAMES = [
    "Anna", "Boris", "Daria", "Egor", "Elena", "Fedor", "Galina", "Igor",
    "Irina", "Kirill", "Maria", "Maxim", "Natalia", "Oleg", "Olga", "Pavel",
    "Polina", "Roman", "Sofia", "Timur", "Vera", "Viktor", "Yulia", "Zakhar",
]
LAST_NAMES = [
    "Ivanov", "Smirnov", "Kuznetsov", "Popov", "Vasiliev", "Petrov", "Sokolov",
    "Mikhailov", "Novikov", "Fedorov", "Morozov", "Volkov", "Alekseev",
    "Lebedev", "Semenov", "Egorov", "Pavlov", "Kozlov", "Stepanov", "Nikolaev",
]
CITIES = [
    "Moscow", "Saint Petersburg", "Novosibirsk", "Yekaterinburg", "Kazan",
    "Nizhny Novgorod", "Chelyabinsk", "Samara", "Omsk", "Rostov-on-Don",
    "Ufa", "Krasnoyarsk", "Voronezh", "Perm", "Volgograd", "Tomsk",
]
ADJECTIVES = ["Compact", "Smart", "Classic", "Ultra", "Eco", "Pro", "Mini", "Heavy", "Silent", "Rapid"]
NOUNS = ["Kettle", "Lamp", "Chair", "Backpack", "Headphones", "Keyboard", "Mug", "Drill", "Tent", "Scarf"]
STATUSES = [("new", 5), ("paid", 10), ("shipped", 15), ("delivered", 65), ("cancelled", 5)]

TABLES = (OrderItem, Order, Customer, Product, SeedInfo)


@dataclass(frozen=True)
class Sizes:
    customers: int
    products: int
    orders: int

    @classmethod
    def for_scale(cls, scale):
        return cls(
            customers=max(1, round(BASE_CUSTOMERS * scale)),
            products=max(5, round(BASE_PRODUCTS * scale)),
            orders=max(1, round(BASE_ORDERS * scale)),
        )


class Rng:
    """Tiny helpers built on random() only (stable across Python versions)."""

    def __init__(self, seed):
        self._random = random.Random(seed).random

    def random(self):
        return self._random()

    def int_between(self, low, high):
        return low + int(self._random() * (high - low + 1))

    def pick(self, seq):
        return seq[int(self._random() * len(seq))]


def _weighted_picker(rng, weights):
    cumulative = []
    total = 0.0
    for w in weights:
        total += w
        cumulative.append(total)

    def pick():
        return bisect.bisect_right(cumulative, rng.random() * total)

    return pick


def generate(sizes):
    """Build unsaved model instances (with explicit ids) for all tables."""
    rng = Rng(SEED)

    customers = []
    for i in range(1, sizes.customers + 1):
        first, last = rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES)
        customers.append(
            Customer(
                id=i,
                name=f"{first} {last}",
                email=f"{first}.{last}.{i}@example.com".lower(),
                city=rng.pick(CITIES),
            )
        )

    products = []
    for i in range(1, sizes.products + 1):
        cents = rng.int_between(199, 49_999)
        products.append(
            Product(
                id=i,
                name=f"{rng.pick(ADJECTIVES)} {rng.pick(NOUNS)} {i:03d}",
                price=Decimal(cents).scaleb(-2),
            )
        )

    # Skewed activity: a few customers order a lot, most order a little.
    pick_customer = _weighted_picker(rng, [rng.random() ** 3 + 0.05 for _ in customers])
    status_names = [name for name, _ in STATUSES]
    pick_status = _weighted_picker(rng, [weight for _, weight in STATUSES])

    orders = []
    items = []
    item_id = 0
    for i in range(1, sizes.orders + 1):
        offset = i * ORDER_SPACING_SECONDS + rng.int_between(0, ORDER_SPACING_SECONDS - 51)
        orders.append(
            Order(
                id=i,
                customer_id=customers[pick_customer()].id,
                created_at=BASE_TIME + timedelta(seconds=offset),
                status=status_names[pick_status()],
            )
        )
        n_items = rng.int_between(1, 5)
        chosen = set()
        while len(chosen) < min(n_items, len(products)):
            chosen.add(rng.int_between(0, len(products) - 1))
        for p_index in sorted(chosen):
            product = products[p_index]
            unit_price = product.price
            if rng.random() < 0.2:  # 10% promo discount on some lines
                unit_price = (unit_price * Decimal("0.90")).quantize(Decimal("0.01"))
            item_id += 1
            items.append(
                OrderItem(
                    id=item_id,
                    order_id=i,
                    product_id=product.id,
                    quantity=1 + int(rng.random() ** 2 * 4),  # mostly 1-2
                    unit_price=unit_price,
                )
            )
    return customers, products, orders, items


CHECKSUM_QUERIES = (
    "SELECT count(*), coalesce(md5(string_agg(concat_ws('|', id, name, email, city), ',' ORDER BY id)), '') "
    "FROM orders_customer",
    "SELECT count(*), coalesce(md5(string_agg(concat_ws('|', id, name, price), ',' ORDER BY id)), '') "
    "FROM orders_product",
    "SELECT count(*), coalesce(md5(string_agg(concat_ws('|', id, customer_id, "
    "extract(epoch FROM created_at)::bigint, status), ',' ORDER BY id)), '') FROM orders_order",
    "SELECT count(*), coalesce(md5(string_agg(concat_ws('|', id, order_id, product_id, quantity, unit_price), "
    "',' ORDER BY id)), '') FROM orders_orderitem",
)


def data_checksum():
    """sha256 over per-table md5s of sorted dumps; computed in PostgreSQL."""
    digest = hashlib.sha256()
    with connection.cursor() as cursor:
        for sql in CHECKSUM_QUERIES:
            cursor.execute(sql)
            count, md5 = cursor.fetchone()
            digest.update(f"{count}:{md5};".encode())
    return digest.hexdigest()


def current_counts():
    return {
        "customers": Customer.objects.count(),
        "products": Product.objects.count(),
        "orders": Order.objects.count(),
        "items": OrderItem.objects.count(),
    }


def existing_seed_matches(scale):
    """True when a complete seed of this version and scale is present."""
    info = SeedInfo.objects.filter(pk=1).first()
    if info is None or info.version != SEED_VERSION or info.scale != scale:
        return False
    sizes = Sizes.for_scale(scale)
    expected = {
        "customers": sizes.customers,
        "products": sizes.products,
        "orders": sizes.orders,
        "items": info.items,
    }
    if current_counts() != expected:
        return False
    return data_checksum() == info.checksum


def _truncate_all():
    names = ", ".join(connection.ops.quote_name(m._meta.db_table) for m in TABLES)
    with connection.cursor() as cursor:
        # Django's FKs are DEFERRABLE INITIALLY DEFERRED; rows written earlier
        # in the same transaction leave pending checks that block TRUNCATE.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _bulk_insert(model, objects, log):
    for start in range(0, len(objects), BATCH_SIZE):
        model.objects.bulk_create(objects[start:start + BATCH_SIZE], batch_size=BATCH_SIZE)
        done = min(start + BATCH_SIZE, len(objects))
        if done == len(objects) or (done // BATCH_SIZE) % 4 == 0:
            log(f"  {model._meta.model_name}: {done}/{len(objects)}")


def seed(scale=1.0, force=False, log=print):
    """Seed the database; returns True if data was (re)written."""
    t0 = time.perf_counter()
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [ADVISORY_LOCK_ID])
        if not force and existing_seed_matches(scale):
            log(f"seed: data already present ({SEED_VERSION}, scale={scale}); nothing to do")
            return False

        if current_counts() != dict.fromkeys(("customers", "products", "orders", "items"), 0):
            log("seed: existing data is partial or different; wiping it")
        _truncate_all()

        sizes = Sizes.for_scale(scale)
        log(
            f"seed: generating {sizes.customers} customers, {sizes.products} products, "
            f"{sizes.orders} orders (seed={SEED}) ..."
        )
        customers, products, orders, items = generate(sizes)
        log(f"seed: generated {len(items)} order items in {time.perf_counter() - t0:.1f}s; inserting ...")

        for model, objects in ((Customer, customers), (Product, products), (Order, orders), (OrderItem, items)):
            _bulk_insert(model, objects, log)

        # Explicit ids were inserted: move the sequences past them.
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [Customer, Product, Order, OrderItem]):
                cursor.execute(sql)

        checksum = data_checksum()
        SeedInfo.objects.create(
            id=1,
            version=SEED_VERSION,
            scale=scale,
            customers=len(customers),
            products=len(products),
            orders=len(orders),
            items=len(items),
            checksum=checksum,
        )
        log("seed: committing ...")
    with connection.cursor() as cursor:
        cursor.execute(
            "ANALYZE orders_customer, orders_product, orders_order, orders_orderitem"
        )
    log(f"seed: done in {time.perf_counter() - t0:.1f}s (checksum {checksum[:16]})")
    return True
