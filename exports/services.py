"""Exports in the worker: a list too long to write during the request is rebuilt and written there.

`start_export` (called by core.views.ScopedListView) records which view, with which URL
arguments and query string, for which user; `run_export` (the worker) runs that view's scoped
queryset, filterset and table again as that user, so the rows are exactly those the user would
have got, and writes the sheet in write-only mode to the default storage.
"""

from __future__ import annotations

import logging
import tempfile
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files import File
from django.db import transaction
from django.test import RequestFactory
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from core.tables import export_rows
from core.xlsx import write_workbook
from exports.models import ExportJob, ExportStatus

logger = logging.getLogger(__name__)


def start_export(view) -> ExportJob:
    """Record the export of `view`'s current list and queue it for the worker (which counts its rows)."""
    from exports.tasks import run_export_job

    request = view.request
    job = ExportJob.objects.create(
        user=request.user,
        view=f"{type(view).__module__}.{type(view).__qualname__}",
        view_kwargs=dict(view.kwargs),
        query=request.GET.urlencode(),
        title=str(view.get_title()),
        filename=view.export_filename,
    )
    transaction.on_commit(lambda: run_export_job.enqueue(job.pk))
    return job


def rebuild_view(job: ExportJob):
    """The list view of `job`, set up as if its user had asked for the export again."""
    from core.views import ScopedListView

    view_class = import_string(job.view)
    if not (isinstance(view_class, type) and issubclass(view_class, ScopedListView)):
        raise ImproperlyConfigured(f"{job.view} is not a list view.")
    request = RequestFactory().get("/", data=None, QUERY_STRING=job.query)
    request.user = job.user
    view = view_class(export=True)
    view.setup(request, **job.view_kwargs)
    view.object_list = view.filtered()
    return view


def run_export(job_id: int) -> ExportJob:
    """Write the sheet of one export job (what the worker does)."""
    job = ExportJob.objects.select_related("user").get(pk=job_id)
    if job.status != ExportStatus.WAITING:
        return job
    job.status = ExportStatus.RUNNING
    job.save(update_fields=["status"])
    try:
        view = rebuild_view(job)
        table = view.export_table()
        job.rows_total = len(table.data)
        job.save(update_fields=["rows_total"])
        headers, rows = export_rows(table)

        def progress(done: int) -> None:
            ExportJob.objects.filter(pk=job.pk).update(rows_done=done)

        with tempfile.TemporaryFile() as stream:
            job.rows_done = write_workbook(stream, job.title, headers, rows, progress=progress)
            stream.seek(0)
            job.file.save(job.filename, File(stream), save=False)
    except Exception as exc:
        logger.exception("Export %s failed", job.pk)
        job.status = ExportStatus.FAILED
        job.error = _("The export could not be written: %(error)s") % {"error": exc}
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "error", "finished_at"])
        raise
    job.status = ExportStatus.DONE
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "rows_done", "file", "finished_at"])
    return job


def purge_expired(now=None) -> int:
    """Delete exports (file and record) requested more than EXPORT_RETENTION_DAYS ago."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.EXPORT_RETENTION_DAYS)
    purged = 0
    for job in ExportJob.objects.filter(created_at__lt=cutoff).exclude(status=ExportStatus.RUNNING):
        if job.file:
            job.file.delete(save=False)
        job.delete()
        purged += 1
    return purged
