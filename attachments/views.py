"""Download, upload and removal of attachments, each gated by the scope of the record they belong to.

A record the user cannot see answers 404, whatever the attachment: its existence is not revealed.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View

from attachments import services
from attachments.forms import AttachmentForm
from attachments.models import Attachment


def visible_record(content_type: ContentType, object_id: int, user) -> models.Model:
    """The record, if `user` may see it; 404 otherwise (also for types that take no attachments)."""
    model = content_type.model_class()
    if model is None or not hasattr(model._default_manager, "scoped"):
        raise Http404
    record = services.scoped_records(model, user, "view").filter(pk=object_id).first()
    if record is None:
        raise Http404
    return record


def back_to(record: models.Model):
    return redirect(record.get_absolute_url() if hasattr(record, "get_absolute_url") else "home")


class DownloadView(LoginRequiredMixin, View):
    def get(self, request, pk):
        attachment = get_object_or_404(Attachment.objects.select_related("content_type"), pk=pk)
        visible_record(attachment.content_type, attachment.object_id, request.user)
        try:
            stored = attachment.file.open("rb")
        except FileNotFoundError as exc:
            raise Http404 from exc
        response = FileResponse(
            stored, as_attachment=True, filename=attachment.download_name, content_type=attachment.mime_type
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response


class UploadView(LoginRequiredMixin, View):
    def post(self, request, content_type_id, object_id):
        content_type = get_object_or_404(ContentType, pk=content_type_id)
        record = visible_record(content_type, object_id, request.user)
        if not services.may_change(record, request.user):
            raise PermissionDenied
        form = AttachmentForm(request.POST, request.FILES)
        if not form.is_valid():
            messages.error(request, " ".join(message for errors in form.errors.values() for message in errors))
            return back_to(record)
        try:
            attachment = services.attach(
                record, form.cleaned_data["file"], by=request.user, description=form.cleaned_data["description"]
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("File “%(name)s” attached.") % {"name": attachment.original_name})
        return back_to(record)


class DeleteView(LoginRequiredMixin, View):
    def post(self, request, pk):
        attachment = get_object_or_404(Attachment.objects.select_related("content_type"), pk=pk)
        record = visible_record(attachment.content_type, attachment.object_id, request.user)
        if not services.may_change(record, request.user):
            raise PermissionDenied
        services.remove(attachment, by=request.user)
        messages.success(request, _("File “%(name)s” removed.") % {"name": attachment.original_name})
        return back_to(record)
