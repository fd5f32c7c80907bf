from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from training.models import StudySession


@admin.register(StudySession)
class StudySessionAdmin(SimpleHistoryAdmin):
    list_display = ("title", "date", "organization")
    list_filter = ("date",)
    search_fields = ("title",)
    autocomplete_fields = ("organization",)
    filter_horizontal = ("documents", "attendees")
