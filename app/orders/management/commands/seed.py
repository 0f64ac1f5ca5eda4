from django.core.management.base import BaseCommand, CommandError

from orders import seeding, variant


class Command(BaseCommand):
    help = (
        "Fill the database with deterministic demo data (~2k customers, 200 products, "
        "30k orders, ~90k items). Does nothing if the same seed is already present."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=float, default=1.0,
            help="Multiply the data volume (default 1.0; tests use a small scale).",
        )
        parser.add_argument("--force", action="store_true", help="Wipe and reseed even if data matches.")

    def handle(self, *args, scale, force, **options):
        if not 0 < scale <= 10:
            raise CommandError("--scale must be in (0, 10]")

        def log(message):
            self.stdout.write(message)
            self.stdout.flush()

        try:
            chosen = variant.from_env()
        except ValueError as e:
            raise CommandError(f"вариант в .env задан неверно: {e}. Запустите bin/lab variant --id ВАШ_ID") from e
        log(f"seed: variant {chosen.code} (LAB_VARIANT)" if chosen else "seed: no variant set (LAB_VARIANT is empty)")
        seeding.seed(scale=scale, force=force, log=log)
