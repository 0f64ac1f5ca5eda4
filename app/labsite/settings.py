"""Django settings for the load/scaling lab.

Everything that differs between environments comes from environment
variables so the same image runs in compose, in CI and on a laptop.
"""

import os
import sys
import tempfile
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def env_int(name, default):
    value = os.environ.get(name, "")
    try:
        return int(value) if value.strip() else default
    except ValueError:
        return default


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


TESTING = len(sys.argv) > 1 and sys.argv[1] == "test"

# prometheus_client picks its storage backend (in-memory vs. mmap files for
# multi-process mode) when it is first imported, so the variable must be set
# before any metric module loads. Tests always run in multiprocess mode, in
# a private temporary directory, to exercise the same code path as gunicorn.
if TESTING and not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="prom-test-")

SECRET_KEY = os.environ.get(
    "DJANGO_SECRET_KEY",
    "lab-insecure-secret-key-no-sessions-or-auth-are-used",
)

DEBUG = env_bool("DJANGO_DEBUG", False)

ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    "orders",
]

MIDDLEWARE = [
    # Outermost: measures everything below it, including error handling.
    "orders.middleware.MetricsMiddleware",
    # Splits each request's time into database and Python (orders/dbtiming.py).
    "orders.dbtiming.DbTimingMiddleware",
    "orders.middleware.ServedByMiddleware",
    "orders.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "labsite.urls"

WSGI_APPLICATION = "labsite.wsgi.application"

TEMPLATES = []

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "HOST": os.environ.get("POSTGRES_HOST", "db"),
        "PORT": os.environ.get("POSTGRES_PORT", "5432"),
        "NAME": os.environ.get("POSTGRES_DB", "lab"),
        "USER": os.environ.get("POSTGRES_USER", "lab"),
        "PASSWORD": os.environ.get("POSTGRES_PASSWORD", "lab"),
        # Persistent connections: one per gunicorn worker, reused across
        # requests; checked before reuse so a restarted DB is noticed.
        "CONN_MAX_AGE": env_int("DB_CONN_MAX_AGE", 600),
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": {
            # A dead or unreachable DB must fail fast (-> HTTP 503).
            "connect_timeout": env_int("DB_CONNECT_TIMEOUT", 1),
            "application_name": "labsite",
        },
        "TEST": {
            "NAME": os.environ.get("POSTGRES_TEST_DB", "test_lab"),
        },
    }
}

# A runaway query must not pin a worker forever (0 disables).
_statement_timeout_ms = env_int("DB_STATEMENT_TIMEOUT_MS", 10000)
if _statement_timeout_ms > 0:
    DATABASES["default"]["OPTIONS"]["options"] = (
        f"-c statement_timeout={_statement_timeout_ms}"
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Extension task (tasks/07-dopolnitelnoe.md): keep each /orders body for this many seconds and answer
# repeats without SQL. 0 (the default) is off: the main lab always measures the database.
ORDERS_CACHE_SECONDS = max(env_int("LAB_ORDERS_CACHE_SECONDS", 0), 0)

# LocMemCache lives in one process: each gunicorn worker of each replica keeps its own copy,
# which is what the extension task asks students to reason about (no shared cache service).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "orders",
    }
}

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

# JSON API only: no static files, no templates, no trailing-slash redirects.
APPEND_SLASH = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        # 4xx responses are expected under the validation tests; keep the
        # default Django request logger quiet below errors.
        "django.request": {"level": "ERROR"},
    },
}
if TESTING:
    # The DB-down tests provoke 503s on purpose; keep the test output clean.
    LOGGING["loggers"]["django.request"] = {"level": "CRITICAL"}
    LOGGING["loggers"]["orders.middleware"] = {"level": "ERROR"}
