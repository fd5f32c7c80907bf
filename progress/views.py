"""An assignment's page: what it asks, its progress reports with their evidence, and the form to add one."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView

from attachments.models import Attachment
from core.views import ScopedMixin, add_service_errors
from plans.models import Assignment
from progress import services
from progress.forms import ProgressForm
from progress.models import ProgressUpdate


class AssignmentProgressView(ScopedMixin, FormView):
    template_name = "progress/assignment_progress.html"
    model = Assignment
    related = ("plan__organization", "lead_unit", "content_area")
    form_class = ProgressForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.assignment = get_object_or_404(self.get_queryset(), pk=kwargs["pk"])
        self.can_report = self.scope("change").filter(pk=self.assignment.pk).exists()
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user, "assignment": self.assignment}

    def get_context_data(self, **kwargs):
        updates = list(self.assignment.progress_updates.select_related("created_by")
                       .prefetch_related("sessions", "plans"))
        files: dict[int, list[Attachment]] = {}
        content_type = ContentType.objects.get_for_model(ProgressUpdate)
        for attachment in Attachment.objects.filter(content_type=content_type,
                                                    object_id__in=[u.pk for u in updates]).order_by("pk"):
            files.setdefault(attachment.object_id, []).append(attachment)
        for update in updates:
            update.evidence = files.get(update.pk, [])
        return super().get_context_data(
            assignment=self.assignment, updates=updates, can_report=self.can_report,
            supports=self.assignment.support_units.all(), **kwargs)

    def post(self, request, *args, **kwargs):
        if not self.can_report:
            raise PermissionDenied
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.record_progress(
                self.assignment, date=data["date"], text=data["text"], percent=data["percent"],
                status=data["status"], sessions=data["sessions"], plans=data["plans"], evidence=data["evidence"],
                by=self.request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.render_to_response(self.get_context_data(form=form), status=400)
        messages.success(self.request, _("Progress recorded."))
        return redirect("progress:assignment_progress", pk=self.assignment.pk)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)
