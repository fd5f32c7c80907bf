import json

from django.core.management.base import BaseCommand, CommandError

from ingest.parser import ExtractionError, extract_plan


class Command(BaseCommand):
    help = (
        "Print the structure of a plan document (.docx, .doc, .odt, .pdf, .txt) as the version-2 JSON "
        "of ingest/parser/SCHEMA.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        try:
            plan = extract_plan(file)
        except ExtractionError as exc:
            raise CommandError(exc.message_vi) from exc
        self.stdout.write(json.dumps(plan, ensure_ascii=False, indent=2))
