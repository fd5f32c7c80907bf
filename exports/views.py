"""A user's exports: the list of their own, one export's progress, and its file.

Everything reads through `ExportJob.objects.scoped(user)`: a file is downloadable only by the
user who asked for it, and only through this view (never a public media URL).
"""

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from core.views import ScopedDetailView, ScopedDownloadView, ScopedListView
from exports.models import ExportJob, ExportStatus
from exports.tables import ExportJobTable


class ExportJobListView(ScopedListView):
    model = ExportJob
    table_class = ExportJobTable
    title = _("My exports")
    paginate_by = 25


class ExportJobDetailView(ScopedDetailView):
    model = ExportJob
    template_name = "exports/export_detail.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(retention_days=settings.EXPORT_RETENTION_DAYS, **kwargs)


class ExportJobProgressView(ScopedDetailView):
    """The progress bar, polled by htmx; once the file is written the page reloads to its link."""

    model = ExportJob
    template_name = "exports/progress.html"

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if not self.object.in_progress and request.htmx:
            response = HttpResponse(status=204)
            response["HX-Refresh"] = "true"
            return response
        return render(request, self.template_name, {"object": self.object})


class ExportJobDownloadView(ScopedDownloadView):
    model = ExportJob

    def get(self, request, *args, **kwargs):
        job = self.get_object()
        if job.status != ExportStatus.DONE or not job.file:
            raise Http404
        return FileResponse(job.file.open("rb"), as_attachment=True, filename=job.filename,
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
