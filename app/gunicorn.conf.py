"""gunicorn configuration for the lab's web replicas.

Worker model: ``sync`` by default. Each worker handles exactly one request at
a time, so a replica's capacity is simply ``workers / service_time``; extra
requests wait in the kernel's accept queue (FIFO, shared fairly by the
workers). Under ``wrk -c30`` this gives the textbook picture: throughput
flattens at saturation and latency grows linearly with the number of
waiting connections, and each worker holds at most one PostgreSQL
connection. Set ``WEB_THREADS`` > 1 to switch to ``gthread`` for comparison
(threads overlap DB waits but share one GIL per process).
"""

import os
import shutil


def _env_int(name, default):
    try:
        return int(os.environ.get(name, "") or default)
    except ValueError:
        return default


# Must be in the environment before the app (and prometheus_client) is
# imported in the workers; the master process exports it to them.
os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", "/tmp/prometheus-multiproc")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "labsite.settings")

wsgi_app = "labsite.wsgi:application"
bind = os.environ.get("WEB_BIND", "0.0.0.0:8000")
workers = _env_int("WEB_WORKERS", 2)
threads = _env_int("WEB_THREADS", 1)
# WEB_PRELOAD=1: import Django once in the master and fork ready workers (a --scale replica boots on less CPU).
# Off by default: with it, a replica stopped under load lost 10 requests instead of 1 (StackEndToEndIT).
preload_app = os.environ.get("WEB_PRELOAD", "0").lower() not in {"0", "false", "no", "off"}
worker_class = "gthread" if threads > 1 else "sync"

# Idle keep-alive connections are held open longer than nginx's upstream
# keepalive_timeout (60 s by default) so nginx, not gunicorn, closes them and
# never sends a request on a socket gunicorn is closing. (The sync worker
# answers with "Connection: close" and ignores this; gthread honours it.)
keepalive = _env_int("WEB_KEEPALIVE", 75)

timeout = _env_int("WEB_TIMEOUT", 30)
graceful_timeout = 5  # a stopped/scaled-down replica leaves quickly
backlog = 2048

# Heartbeat files on tmpfs: Docker's overlay /tmp can stall the arbiter.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# Access log costs a syscall and formatting per request: off unless asked.
accesslog = "-" if os.environ.get("WEB_ACCESS_LOG", "").lower() in {"1", "true", "yes", "on"} else None
errorlog = "-"
# No runtime control socket ($HOME/.gunicorn/gunicorn.ctl): not needed in a
# container and the non-root user's home may be read-only.
control_socket_disable = True
loglevel = os.environ.get("WEB_LOG_LEVEL", "info")


def on_starting(server):
    """Start every container with an empty multiprocess metrics directory."""
    path = os.environ["PROMETHEUS_MULTIPROC_DIR"]
    if os.path.isdir(path):
        for entry in os.listdir(path):
            full = os.path.join(path, entry)
            if os.path.isdir(full) and not os.path.islink(full):
                shutil.rmtree(full, ignore_errors=True)
            else:
                try:
                    os.unlink(full)
                except FileNotFoundError:
                    pass
    else:
        os.makedirs(path, exist_ok=True)
    server.log.info("prometheus multiprocess dir %s emptied", path)


def child_exit(server, worker):
    """Let live gauges of a dead worker disappear from /metrics."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)
