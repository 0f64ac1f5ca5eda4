"""Where a request's time goes: on the database or in Python.

Every SQL statement a request runs passes through Django's
``connection.execute_wrapper``; the wrapper adds up its wall time. The rest
of the request's time (routing, ORM, JSON, waiting for this container's CPU
quota) is counted as time in Python. Time spent queued before a gunicorn
worker takes the request is in neither: the client (wrk) sees it, Django
cannot.
"""

import time
from contextlib import ExitStack

from django.db import connections

from . import metrics
from .middleware import KNOWN_METHODS, OTHER, UNMEASURED_ROUTES, route_label


class QueryTimer:
    """An execute_wrapper that sums the time and counts the statements of one request."""

    def __init__(self):
        self.seconds = 0.0
        self.queries = 0

    def __call__(self, execute, sql, params, many, context):
        metrics.DB_QUERIES_IN_PROGRESS.inc()
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - start
            self.queries += 1
            metrics.DB_QUERIES_IN_PROGRESS.dec()


class DbTimingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info in UNMEASURED_ROUTES:
            return self.get_response(request)
        timer = QueryTimer()
        start = time.perf_counter()
        with ExitStack() as stack:
            for conn in connections.all():
                stack.enter_context(conn.execute_wrapper(timer))
            response = self.get_response(request)
        elapsed = time.perf_counter() - start
        method = request.method if request.method in KNOWN_METHODS else OTHER
        path = route_label(request)
        metrics.HTTP_REQUEST_DB_SECONDS.labels(method, path).observe(timer.seconds)
        metrics.HTTP_REQUEST_PYTHON_SECONDS.labels(method, path).observe(max(elapsed - timer.seconds, 0.0))
        metrics.DB_QUERIES.labels(method, path).inc(timer.queries)
        return response
