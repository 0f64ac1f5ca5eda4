import logging
import socket
import time

from django.db import InterfaceError, OperationalError, connections
from django.http import JsonResponse

from . import metrics

logger = logging.getLogger(__name__)

SERVED_BY = socket.gethostname()

# Routes excluded from the HTTP metrics (scrapes and health probes would
# otherwise dominate the numbers).
UNMEASURED_ROUTES = {"/metrics", "/metrics/db", "/healthz"}
KNOWN_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}
OTHER = "other"


def route_label(request):
    """Bounded-cardinality label: the URL pattern that matched, or 'other'."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.route is None:
        return OTHER
    return "/" + match.route.lstrip("^").rstrip("$")


class MetricsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Exclusion is decided on the raw path before routing so that the
        # scrape endpoint costs no metric updates at all.
        if request.path_info in UNMEASURED_ROUTES:
            return self.get_response(request)

        method = request.method if request.method in KNOWN_METHODS else OTHER
        start = time.perf_counter()
        metrics.HTTP_REQUESTS_IN_PROGRESS.inc()
        try:
            response = self.get_response(request)
        finally:
            metrics.HTTP_REQUESTS_IN_PROGRESS.dec()
        elapsed = time.perf_counter() - start
        path = route_label(request)
        metrics.HTTP_REQUESTS.labels(method, path, str(response.status_code)).inc()
        metrics.HTTP_REQUEST_DURATION.labels(method, path).observe(elapsed)
        return response


class ServedByMiddleware:
    """Adds ``X-Served-By: <hostname>`` to every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response["X-Served-By"] = SERVED_BY
        return response


def close_broken_connections():
    """Drop connections that errored so the next request reconnects.

    Inside an atomic block (only happens in tests) closing would break the
    surrounding transaction, so leave it to Django's own cleanup there.
    """
    for conn in connections.all(initialized_only=True):
        if conn.in_atomic_block:
            continue
        try:
            conn.close()
        except Exception:  # pragma: no cover - best effort
            logger.debug("error while closing a broken connection", exc_info=True)


def database_unavailable_response():
    return JsonResponse({"error": "database unavailable"}, status=503)


class DatabaseUnavailableMiddleware:
    """Turns "cannot talk to PostgreSQL" into HTTP 503 instead of 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, (OperationalError, InterfaceError)):
            logger.warning("database unavailable: %s", exception)
            close_broken_connections()
            return database_unavailable_response()
        return None
