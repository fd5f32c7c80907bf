from core.api import ModelSerializer, ScopedViewSet

from . import services
from .filters import NoteFilter
from .models import Note


class NoteSerializer(ModelSerializer):
    class Meta:
        model = Note
        fields = ["id", "organization", "date", "subject"]


class NoteViewSet(ScopedViewSet):
    model, serializer_class, filterset_class = Note, NoteSerializer, NoteFilter
    save_service, delete_service = services.save_note, services.delete_note
