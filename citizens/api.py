"""/api/petitions/ and /api/receptions/: read through the view scope; the personal fields only for handlers
(each reading logged), absent for everyone else."""

from rest_framework import serializers

from citizens import deadlines, privacy
from citizens.filters import PetitionFilter, ReceptionFilter
from citizens.models import Petition, Reception
from core.api import ModelSerializer, ScopedReadOnlyViewSet


class _PrivateFieldsSerializer(ModelSerializer):
    private_fields: tuple[str, ...] = ()

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if instance.pk not in self.context.get("visible", set()):
            for name in self.private_fields:
                data.pop(name, None)
        return data


class PetitionSerializer(_PrivateFieldsSerializer):
    private_fields = privacy.PETITION_FIELDS
    due = serializers.SerializerMethodField()

    class Meta:
        model = Petition
        fields = ["id", "code", "organization", "kind", "channel", "received_on", "subject", "state",
                  "remote_area", "complexity", "first_petition", "reception", "accepted_on", "decided_on",
                  "closed_on", "extensions", "outcome", "transferred_to", "due", *privacy.PETITION_FIELDS]

    def get_due(self, petition) -> str | None:
        due = deadlines.current_due(petition, rules=self.context.get("rules"))
        return due.due.isoformat() if due else None


class ReceptionSerializer(_PrivateFieldsSerializer):
    private_fields = privacy.RECEPTION_FIELDS

    class Meta:
        model = Reception
        fields = ["id", "organization", "date", "session_kind", "head_session", "host", "matter", "kind", "people",
                  "already_settled_by", "competent", "guided_to", "accepted_by", "outcome", "follow_up", "notes",
                  *privacy.RECEPTION_FIELDS]


class _PrivateViewSet(ScopedReadOnlyViewSet):
    def get_serializer(self, *args, **kwargs):
        if args and self.request.user.is_authenticated:
            rows = args[0] if isinstance(args[0], list | tuple) or hasattr(args[0], "__iter__") else [args[0]]
            rows = list(rows)
            kwargs.setdefault("context", self.get_serializer_context())
            kwargs["context"]["visible"] = self.visible(rows)
            kwargs["context"]["rules"] = deadlines.load_rules()
        return super().get_serializer(*args, **kwargs)


class PetitionViewSet(_PrivateViewSet):
    model, serializer_class, filterset_class = Petition, PetitionSerializer, PetitionFilter
    ordering = ("-received_on", "-id")

    def visible(self, rows):
        return privacy.visible_petitions(self.request.user, rows, where="api")


class ReceptionViewSet(_PrivateViewSet):
    model, serializer_class, filterset_class = Reception, ReceptionSerializer, ReceptionFilter
    ordering = ("-date", "-id")

    def visible(self, rows):
        return privacy.visible_receptions(self.request.user, rows, where="api")
