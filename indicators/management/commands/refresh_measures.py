"""`danvan refresh_measures`: compute every measured target's figures of recent plans now (what the worker
does each night), e.g. after a bulk load that sent no signals."""

from django.core.management import BaseCommand

from indicators import services


class Command(BaseCommand):
    help = "Refresh the materialized figures of every measured target of last year's plans and later."

    def add_arguments(self, parser):
        parser.add_argument("--since-year", type=int, help="Plans of this year and later (default: last year).")

    def handle(self, *args, since_year=None, **options):
        done = services.refresh_all(since_year=since_year)
        self.stdout.write(f"{done} targets refreshed.")
