from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.registry import demo_loaders
from danvan.demo import load_all
from indicators import demo as indicators_demo
from orgs import demo as orgs_demo
from progress import demo as progress_demo


class Command(BaseCommand):
    help = "Load the demo province, agencies, rosters and accounts (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Allow loading demo data in production.")

    def handle(self, *args, force=False, **options):
        if settings.PRODUCTION and not force:
            raise CommandError("Demo data creates accounts with a known password; refusing in production.")
        loaded = load_all()
        organizations = loaded["organizations"]
        indicators_demo.load()
        progress_demo.load()
        for name, loader in demo_loaders.items():
            self.stdout.write(f"{name}: {loader()}")
        self.stdout.write(f"Demo data ready: {len(organizations)} organizations, {len(loaded['plans'])} plans.")
        self.stdout.write(f"Demo logins (password: {orgs_demo.DEMO_PASSWORD}):")
        self.stdout.write("  admin (superuser)")
        for username, _first, _last, code, role, _position in orgs_demo.ACCOUNTS:
            self.stdout.write(f"  {username:<12} {role.label:<18} {organizations[code].name}")
