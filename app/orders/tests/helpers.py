from collections import defaultdict
from decimal import Decimal

from orders.models import Order, OrderItem


def expected_payload_rows(limit):
    """Recompute /orders in Python from raw rows (no DB aggregation)."""
    orders = {o.id: o for o in Order.objects.select_related("customer")}
    per_order = defaultdict(lambda: [0, 0, Decimal("0")])
    for item in OrderItem.objects.all():
        agg = per_order[item.order_id]
        agg[0] += 1
        agg[1] += item.quantity
        agg[2] += item.quantity * item.unit_price
    per_customer_count = defaultdict(int)
    per_customer_spend = defaultdict(lambda: Decimal("0"))
    for order in orders.values():
        per_customer_count[order.customer_id] += 1
        per_customer_spend[order.customer_id] += per_order[order.id][2]

    recent = sorted(orders.values(), key=lambda o: (o.created_at, o.id), reverse=True)[:limit]
    rows = []
    for o in recent:
        count, quantity, total = per_order[o.id]
        rows.append(
            {
                "id": o.id,
                "created_at": o.created_at.isoformat(),
                "status": o.status,
                "customer": {
                    "id": o.customer.id,
                    "name": o.customer.name,
                    "city": o.customer.city,
                    "orders_total": per_customer_count[o.customer_id],
                    "lifetime_spend": f"{per_customer_spend[o.customer_id]:.2f}",
                },
                "items_count": count,
                "items_quantity": quantity,
                "total": f"{total:.2f}",
            }
        )
    return rows
