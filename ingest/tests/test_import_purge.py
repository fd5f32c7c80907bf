"""Failed and abandoned imports are deleted, row and stored file, after IMPORT_RETENTION_DAYS."""

import datetime as dt
import os

from django.utils import timezone

from core.scheduler import JOBS, discover
from ingest import services
from ingest.models import ImportStatus, PlanImport
from ingest.tests.factories import PlanImportFactory


def aged(days: int, **fields) -> PlanImport:
    plan_import = PlanImportFactory(**fields)
    PlanImport.objects.filter(pk=plan_import.pk).update(created_at=timezone.now() - dt.timedelta(days=days))
    return plan_import


def test_old_failed_and_abandoned_imports_are_purged_with_their_files(db, media, settings):
    settings.IMPORT_RETENTION_DAYS = 30
    # A program renamed to .pdf: refused when read, kept until the purge.
    exe = aged(31, status=ImportStatus.FAILED, original_name="ke-hoach.pdf", error="bị hỏng",
               file__filename="ke-hoach.pdf", file__data=b"MZ\x90\x00" + b"\x00" * 60)
    abandoned = aged(40, status=ImportStatus.DONE)
    recent = aged(5, status=ImportStatus.FAILED)
    used = aged(90, status=ImportStatus.CREATED)
    paths = {p.pk: p.file.path for p in (exe, abandoned, recent, used)}
    assert services.purge_old_imports() == 2
    assert set(PlanImport.objects.values_list("pk", flat=True)) == {recent.pk, used.pk}
    assert not any(os.path.exists(paths[p.pk]) for p in (exe, abandoned))
    assert all(os.path.exists(paths[p.pk]) for p in (recent, used))


def test_the_scheduler_runs_the_purge_daily():
    discover()
    assert JOBS["purge-old-plan-imports"].schedule == dt.timedelta(days=1)
