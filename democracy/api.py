from rest_framework import serializers

from core.api import ModelSerializer, ScopedViewSet
from democracy import services
from democracy.filters import DisclosureFilter, InspectionBoardFilter, MeetingFilter
from democracy.models import Disclosure, FollowUpAction, InspectionBoard, Meeting


class DisclosureSerializer(ModelSerializer):
    late = serializers.BooleanField(source="is_late", read_only=True)
    posted_too_briefly = serializers.BooleanField(source="is_short", read_only=True)

    class Meta:
        model = Disclosure
        fields = ["id", "organization", "subject", "title", "decision", "decision_date", "method", "place",
                  "posted_from", "posted_to", "due_date", "min_posted_to", "late", "posted_too_briefly", "notes"]
        read_only_fields = ["due_date", "min_posted_to"]


class DisclosureViewSet(ScopedViewSet):
    model, serializer_class, filterset_class = Disclosure, DisclosureSerializer, DisclosureFilter
    related, ordering = ("organization",), ("-posted_from", "-id")
    save_service, delete_service = services.save_disclosure, services.delete_disclosure

    def get_queryset(self):
        return super().get_queryset().with_flags()


class FollowUpActionSerializer(ModelSerializer):
    class Meta:
        model = FollowUpAction
        fields = ["id", "description", "owner_unit", "owner", "due_date", "done_on", "result"]


class MeetingSerializer(ModelSerializer):
    actions = FollowUpActionSerializer(many=True, read_only=True)
    quorum = serializers.SerializerMethodField()
    adopted = serializers.SerializerMethodField()

    class Meta:
        model = Meeting
        fields = ["id", "organization", "kind", "work_year", "date", "title", "place", "chair", "attendees",
                  "roster_size", "quorum", "agenda", "participants", "questions", "answers", "resolution",
                  "votes_for", "votes_against", "adopted", "review_date", "review_notes", "notes", "actions"]
        read_only_fields = ["roster_size"]

    def get_quorum(self, meeting) -> bool:
        return services.vote_of(meeting, len(meeting.attendees.all())).quorum

    def get_adopted(self, meeting) -> bool:
        return services.vote_of(meeting, len(meeting.attendees.all())).adopted


def _save_meeting(meeting, *, by, attendees=None):
    """A partial update leaves the attendance it does not send as it is."""
    if attendees is None:
        attendees = list(meeting.attendees.all()) if meeting.pk else []
    return services.save_meeting(meeting, attendees=attendees, by=by)


class MeetingViewSet(ScopedViewSet):
    model, serializer_class, filterset_class = Meeting, MeetingSerializer, MeetingFilter
    related, prefetch, ordering = ("organization",), ("attendees", "actions"), ("-date", "-id")
    save_service, delete_service = _save_meeting, services.delete_meeting


class InspectionBoardSerializer(ModelSerializer):
    class Meta:
        model = InspectionBoard
        fields = ["id", "organization", "elected_at", "elected_on", "term_end", "members", "head", "notes"]
        read_only_fields = ["term_end"]


def _save_board(board, *, by, members=None):
    if members is None:
        members = list(board.members.all()) if board.pk else []
    return services.save_board(board, members=members, by=by)


class InspectionBoardViewSet(ScopedViewSet):
    model, serializer_class, filterset_class = InspectionBoard, InspectionBoardSerializer, InspectionBoardFilter
    related, prefetch, ordering = ("organization",), ("members",), ("-elected_on", "-id")
    save_service, delete_service = _save_board, services.delete_board
