from rest_framework import serializers

from core.api import ScopedViewSet
from progress import services
from progress.models import ProgressUpdate


class ProgressUpdateSerializer(serializers.ModelSerializer):
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
