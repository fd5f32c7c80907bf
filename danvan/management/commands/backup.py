from django.core.management.base import BaseCommand, CommandError

from danvan.backup import BackupError, backup


class Command(BaseCommand):
    help = "Write the database and the stored files into one archive (tar with a manifest)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the archive to write")
        parser.add_argument("--database", default="default")
        parser.add_argument("--no-files", action="store_true",
                            help="leave the stored files out (object storage: rely on the bucket's versioning)")

    def handle(self, *args, **options):
        try:
            manifest = backup(options["file"], using=options["database"], with_files=not options["no_files"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"{options['file']}: {manifest['engine']} database, {len(manifest['files'])} files")
