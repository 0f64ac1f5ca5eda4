import time

from django.core.management.base import BaseCommand, CommandError
from django.db import OperationalError, connection


class Command(BaseCommand):
    help = "Wait until PostgreSQL accepts connections (used by the setup service)."

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=60.0, help="Seconds to wait (default 60).")

    def handle(self, *args, timeout, **options):
        deadline = time.monotonic() + timeout
        attempt = 0
        while True:
            attempt += 1
            try:
                connection.ensure_connection()
                self.stdout.write(f"wait_for_db: database is up (attempt {attempt})")
                return
            except OperationalError as exc:
                connection.close()
                if time.monotonic() >= deadline:
                    raise CommandError(f"database not reachable after {timeout:.0f}s: {exc}")
                reason = " ".join(str(exc).split())[:200]
                self.stdout.write(f"wait_for_db: database not ready yet ({reason}); retrying")
                self.stdout.flush()
                time.sleep(1)
