"""Study sessions on the house kit: list and export, detail with attendees and minutes, form,
attendance import, history."""

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from core.history import ObjectHistoryView
from core.views import ConfirmView, Link, ScopedDetailView, ScopedListView, ScopedMixin, ServiceFormView
from training import services
from training.filters import StudySessionFilter
from training.forms import AttendanceImportForm, StudySessionForm
from training.models import StudySession
from training.tables import StudySessionTable


class SessionList(ScopedListView):
    model, filterset_class, table_class = StudySession, StudySessionFilter, StudySessionTable
    related, prefetch = ("organization",), ("documents",)
    title = gettext_lazy("Study sessions")
    export_url_name, export_filename = "training:session_export", "hoc-tap-quan-triet.xlsx"
    links = (Link(gettext_lazy("Record a study session"), "training:session_create"),)

    def get_queryset(self):
        return super().get_queryset().annotate(attendee_count=Count("attendees", distinct=True))


class SessionDetail(ScopedDetailView):
    template_name = "training/session_detail.html"
    model, related = StudySession, ("organization", "created_by")
    update_url_name, history_url_name = "training:session_update", "training:session_history"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            attendees=self.object.attendees.select_related("organization").order_by("organization__path", "sort_key"),
            documents=self.object.documents.all(), can_change=self.can("change", self.object.organization),
            **kwargs)


class SessionEdit(ServiceFormView):
    model, form_class = StudySession, StudySessionForm
    success_message = gettext_lazy("Study session saved.")

    def get_title(self):
        return _("Edit study session") if self.object else _("Record a study session")

    def save(self, form):
        data = form.cleaned_data
        attendees = {*data["attendees"], *services.units_staff(data["attendee_units"], data["date"])}
        return services.save_session(form.instance, documents=data["documents"], attendees=attendees,
                                     by=self.request.user)


class SessionDelete(ConfirmView):
    model = StudySession
    title = gettext_lazy("Delete study session")
    question = gettext_lazy("Delete this study session and its attendance? The history keeps the record.")
    confirm_label = gettext_lazy("Delete")
    success_message = gettext_lazy("Study session deleted.")
    service = services.delete_session
    success_url_name = "training:session_list"


class AttendanceImport(ScopedMixin, FormView):
    """Attendance from a sheet, with a row-by-row report; nothing is added if a row is wrong."""

    template_name = "training/attendance_import.html"
    model, action = StudySession, "change"
    form_class = AttendanceImportForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.session = get_object_or_404(self.get_queryset(), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(session=self.session, **kwargs)

    def form_valid(self, form):
        report = services.import_attendance(self.session, form.cleaned_data["file"], by=self.request.user)
        if report.added or (report.rows and not report.bad_rows):
            messages.success(self.request, _("%(count)s attendees added.") % {"count": report.added})
        return self.render_to_response(self.get_context_data(form=form, report=report),
                                       status=400 if report.bad_rows or report.file_errors else 200)


class SessionHistory(ObjectHistoryView):
    model = StudySession
