from core.api import ModelSerializer, ScopedViewSet
from training import services
from training.filters import StudySessionFilter
from training.models import StudySession


class StudySessionSerializer(ModelSerializer):
    class Meta:
        model = StudySession
        fields = ["id", "organization", "date", "title", "place", "documents", "attendees", "notes"]


def _save(session, *, by, documents=None, attendees=None):
    """A partial update leaves the lists it does not send as they are."""
    if documents is None:
        documents = list(session.documents.all()) if session.pk else []
    if attendees is None:
        attendees = list(session.attendees.all()) if session.pk else []
    return services.save_session(session, documents=documents, attendees=attendees, by=by)


class StudySessionViewSet(ScopedViewSet):
    model, serializer_class, filterset_class = StudySession, StudySessionSerializer, StudySessionFilter
    related, prefetch, ordering = ("organization",), ("documents", "attendees"), ("-date", "-id")
    save_service, delete_service = _save, services.delete_session
