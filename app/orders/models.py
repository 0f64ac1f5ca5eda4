from django.db import models


class Customer(models.Model):
    name = models.CharField(max_length=100)
    email = models.EmailField(max_length=200, unique=True)
    city = models.CharField(max_length=60)

    def __str__(self):
        return self.name


class Product(models.Model):
    name = models.CharField(max_length=120)
    price = models.DecimalField(max_digits=10, decimal_places=2)

    def __str__(self):
        return self.name


class Order(models.Model):
    class Status(models.TextChoices):
        NEW = "new"
        PAID = "paid"
        SHIPPED = "shipped"
        DELIVERED = "delivered"
        CANCELLED = "cancelled"

    # ForeignKey creates an index on customer_id (used by the per-customer
    # lifetime aggregates).
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="orders")
    # Indexed: "the N most recent orders" is a backward scan of this index.
    created_at = models.DateTimeField(db_index=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.NEW)

    def __str__(self):
        return f"Order #{self.pk}"


class OrderItem(models.Model):
    # Both FKs are indexed (Django adds an index for every ForeignKey).
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="items")
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="+")
    quantity = models.PositiveIntegerField()
    unit_price = models.DecimalField(max_digits=10, decimal_places=2)


class SeedInfo(models.Model):
    """Marker written by the ``seed`` command in the same transaction as the data."""

    version = models.CharField(max_length=40)
    scale = models.FloatField()
    customers = models.PositiveIntegerField()
    products = models.PositiveIntegerField()
    orders = models.PositiveIntegerField()
    items = models.PositiveIntegerField()
    checksum = models.CharField(max_length=64)
