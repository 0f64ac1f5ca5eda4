from django.core.management.base import BaseCommand, CommandError

from orders import seeding


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

        seeding.seed(scale=scale, force=force, log=log)
