from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from rest_framework import serializers, viewsets
from rest_framework.permissions import IsAuthenticated

from attachments.models import Attachment
from core.access import scoped
from core.api import ModelSerializer, ScopedViewSet
from core.filters import FilterSet, IdFilter
from progress import services
from progress.models import ProgressUpdate


class ProgressUpdateSerializer(ModelSerializer):
    class Meta:
        model = ProgressUpdate
        fields = ["id", "assignment", "date", "text", "percent", "status", "sessions", "plans", "created_at"]
        read_only_fields = ["created_at"]


def _record(update, *, by, sessions=(), plans=()):
    if update.pk:  # reports are added, not rewritten: a correction is a new report
        raise serializers.ValidationError("Báo cáo tiến độ không sửa được; hãy ghi một báo cáo mới.")
    created = services.record_progress(update.assignment, date=update.date, text=update.text, percent=update.percent,
                                       status=update.status, sessions=sessions, plans=plans, by=by)
    update.pk, update.created_at = created.pk, created.created_at


class ProgressUpdateViewSet(ScopedViewSet):
    model, serializer_class = ProgressUpdate, ProgressUpdateSerializer
    http_method_names = ["get", "post", "head", "options"]
    related, prefetch, ordering = ("assignment",), ("sessions", "plans"), ("-date", "-id")
    filterset_fields = ["assignment"]
    save_service = _record


class EvidenceFilter(FilterSet):
    progress_update = IdFilter(field_name="object_id", label="progress_update")

    class Meta:
        model = Attachment
        fields = ["progress_update"]


class EvidenceSerializer(ModelSerializer):
    progress_update = serializers.IntegerField(source="object_id", read_only=True)
    download = serializers.SerializerMethodField()

    class Meta:
        model = Attachment
        fields = ["id", "progress_update", "original_name", "mime_type", "size", "sha256", "description",
                  "uploaded_at", "download"]

    def get_download(self, obj) -> str:
        return reverse("attachments:download", args=[obj.pk])


class EvidenceViewSet(viewsets.ReadOnlyModelViewSet):
    """The evidence files of the progress reports the user may read (another agency's answer 404)."""

    serializer_class, filterset_class = EvidenceSerializer, EvidenceFilter
    permission_classes = [IsAuthenticated]

    queryset = Attachment.objects.none()  # for the schema

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Attachment.objects.none()
        reports = scoped(ProgressUpdate, self.request.user, "view").values("pk")
        return (Attachment.objects.filter(content_type=ContentType.objects.get_for_model(ProgressUpdate),
                                          object_id__in=reports).order_by("pk"))
