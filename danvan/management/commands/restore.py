from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from danvan.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore an archive written by `danvan backup` into an EMPTY database, and its files into storage."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the archive to read")
        parser.add_argument("--database", default="default")
        parser.add_argument("--no-files", action="store_true", help="restore the database only")

    def handle(self, *args, **options):
        connection = connections[options["database"]]
        connection.close()
        try:
            manifest = restore(options["file"], connection.settings_dict, with_files=not options["no_files"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Restored {manifest['engine']} database of {manifest['created_at']}, "
                          f"{len(manifest['files'])} files")
