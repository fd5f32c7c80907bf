from django.core.management.base import BaseCommand

from progress.digest import send_digests


class Command(BaseCommand):
    help = "Send today's digest of what is due to every user who has something due (once a day)."

    def handle(self, *args, **options):
        count = send_digests()
        self.stdout.write(f"digests_sent={count}")
