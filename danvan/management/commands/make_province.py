import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from danvan.province import make_provinces


class Command(BaseCommand):
    help = "Build a realistic, reproducible province at scale (idempotent: an existing code is left as it is)."

    def add_arguments(self, parser):
        parser.add_argument("--agencies", type=int, default=120)
        parser.add_argument("--units", type=int, default=1000)
        parser.add_argument("--staff", type=int, default=60000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--provinces", type=int, default=1, help="How many provinces (CODE, CODE2 …).")
        parser.add_argument("--code", default="BENCH", help="Code of the (first) province.")
        parser.add_argument("--year", type=int, default=None)
        parser.add_argument("--force", action="store_true", help="Allow it in production.")

    def handle(self, *args, agencies, units, staff, seed, provinces, code, year, force, **options):
        if settings.PRODUCTION and not force:
            raise CommandError("Generated provinces create accounts with a known password; refusing in production.")
        start = time.perf_counter()
        for built in make_provinces(agencies=agencies, units=units, staff=staff, seed=seed, provinces=provinces,
                                    code=code, year=year):
            if built.created:
                self.stdout.write(f"{built.code}: {built.organizations} organizations, {built.staff} staff, "
                                  f"{built.plans} plans, {built.assignments} assignments")
            else:
                self.stdout.write(f"{built.code}: exists, left as it is")
            self.stdout.write("  logins: " + ", ".join(built.accounts.values()))
        self.stdout.write(f"done in {time.perf_counter() - start:.1f} s")
