from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, DecimalField, F, IntegerField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_GET

from . import metrics, variant
from .middleware import SERVED_BY
from .models import Order, OrderItem

DEFAULT_LIMIT = 20
MAX_LIMIT = 100

MONEY = DecimalField(max_digits=14, decimal_places=2)


def error(message, status=400):
    return JsonResponse({"error": message}, status=status)


def parse_limit(raw):
    """Return (limit, error_message)."""
    if raw is None:
        return DEFAULT_LIMIT, None
    raw = raw.strip()
    # Plain decimal digits only: rejects "abc", "1e3", "+5", "-1", "2.0".
    if not raw.isascii() or not raw.isdigit() or len(raw) > 6:
        return None, f"limit must be an integer between 1 and {MAX_LIMIT}"
    limit = int(raw)
    if not 1 <= limit <= MAX_LIMIT:
        return None, f"limit must be an integer between 1 and {MAX_LIMIT}"
    return limit, None


def _scalar(queryset, group_field, value_name, expression):
    """Correlated scalar subquery: one aggregate value for the outer row."""
    return Subquery(
        queryset.order_by()
        .values(group_field)
        .annotate(**{value_name: expression})
        .values(value_name)[:1]
    )


def recent_orders_queryset(limit):
    """The N most recent orders with all aggregates computed by PostgreSQL.

    One SQL statement: the outer query walks the created_at index backwards
    and stops after ``limit`` rows; for each of them correlated subqueries
    aggregate the order's items (via the order_id index) and the customer's
    whole history (customer_id index -> all orders -> order_id index -> items).
    """
    items = OrderItem.objects.filter(order_id=OuterRef("pk"))
    line_total = F("quantity") * F("unit_price")
    customer_orders = Order.objects.filter(customer_id=OuterRef("customer_id"))
    customer_items = OrderItem.objects.filter(order__customer_id=OuterRef("customer_id"))

    return (
        Order.objects.select_related("customer")
        .only("id", "created_at", "status", "customer__id", "customer__name", "customer__city")
        .annotate(
            items_count=Coalesce(
                _scalar(items, "order_id", "n", Count("id")), Value(0), output_field=IntegerField()
            ),
            items_quantity=Coalesce(
                _scalar(items, "order_id", "q", Sum("quantity")), Value(0), output_field=IntegerField()
            ),
            total=Coalesce(
                _scalar(items, "order_id", "t", Sum(line_total, output_field=MONEY)),
                Value(0), output_field=MONEY,
            ),
            customer_orders_total=Coalesce(
                _scalar(customer_orders, "customer_id", "n", Count("id")),
                Value(0), output_field=IntegerField(),
            ),
            customer_lifetime_spend=Coalesce(
                _scalar(customer_items, "order__customer_id", "s", Sum(line_total, output_field=MONEY)),
                Value(0), output_field=MONEY,
            ),
        )
        .order_by("-created_at", "-id")[:limit]
    )


def money(value):
    return f"{value:.2f}"


def serialize(order):
    customer = order.customer
    return {
        "id": order.id,
        "created_at": order.created_at.isoformat(),
        "status": order.status,
        "customer": {
            "id": customer.id,
            "name": customer.name,
            "city": customer.city,
            "orders_total": order.customer_orders_total,
            "lifetime_spend": money(order.customer_lifetime_spend),
        },
        "items_count": order.items_count,
        "items_quantity": order.items_quantity,
        "total": money(order.total),
    }


@require_GET
def orders(request):
    limit, message = parse_limit(request.GET.get("limit"))
    if message:
        return error(message)
    stand = _variant_payload()
    seconds = settings.ORDERS_CACHE_SECONDS
    key = f"orders:{limit}:{stand['variant']}"
    body = cache.get(key) if seconds > 0 else None
    if body is None:
        rows = [serialize(order) for order in recent_orders_queryset(limit)]
        body = JsonResponse({"served_by": SERVED_BY, "variant": stand["variant"], "count": len(rows), "orders": rows,
                             "variant_ballast": stand["variant_ballast"]}).content
        if seconds > 0:
            cache.set(key, body, seconds)
    # The same bytes and headers whether the body was cached or not: wrk's bytes per response name the variant.
    response = HttpResponse(body, content_type="application/json")
    # An explicit length: otherwise gunicorn and nginx send it chunked, and the chunk framing would make the
    # bytes per response (which wrk reports and the grader compares per variant) vary between requests.
    response["Content-Length"] = str(len(body))
    return response


_VARIANT = []


def _variant_payload():
    # Read once per process: the variant comes from the environment (.env via compose); setup has validated it.
    if not _VARIANT:
        try:
            chosen = variant.from_env()
        except ValueError:
            chosen = None
        _VARIANT.append(chosen.payload() if chosen else variant.empty_payload())
    return _VARIANT[0]


@require_GET
def healthz(request):
    return JsonResponse({"status": "ok"})


@require_GET
def metrics_view(request):
    body, content_type = metrics.render()
    return HttpResponse(body, content_type=content_type)


@require_GET
def index(request):
    return JsonResponse(
        {
            "served_by": SERVED_BY,
            "endpoints": {
                "/orders": "most recent orders with aggregates; ?limit=1..100 (default 20)",
                "/healthz": "liveness probe, does not touch the database",
                "/metrics": "Prometheus metrics of this replica (all workers)",
            },
        }
    )


def not_found(request, exception=None):
    return error("not found", status=404)


def server_error(request):
    return error("internal server error", status=500)
