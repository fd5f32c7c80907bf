"""Exports are deleted, file and record, EXPORT_RETENTION_DAYS after they were asked for, by a
periodic job of the scheduler."""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from core import scheduler
from exports.models import ExportJob, ExportStatus
from exports.tasks import purge_expired_exports


def _job(user, age: timedelta) -> ExportJob:
    job = ExportJob(user=user, view="orgs.views.StaffMemberListView", title="x", filename="x.xlsx",
                    status=ExportStatus.DONE)
    job.file.save("x.xlsx", ContentFile(b"PK"), save=False)
    job.save()
    ExportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - age)
    return job


def test_exports_older_than_the_retention_are_purged_with_their_files(users, settings):
    settings.EXPORT_RETENTION_DAYS = 3
    old = _job(users["focal"], timedelta(days=3, minutes=1))
    recent = _job(users["focal"], timedelta(days=2, hours=23))
    assert purge_expired_exports.call() == 1
    assert not ExportJob.objects.filter(pk=old.pk).exists()
    assert not default_storage.exists(old.file.name)
    assert ExportJob.objects.filter(pk=recent.pk).exists() and default_storage.exists(recent.file.name)


def test_the_purge_is_a_periodic_job_of_the_scheduler():
    scheduler.discover()
    assert scheduler.JOBS["purge-expired-exports"].task is purge_expired_exports
