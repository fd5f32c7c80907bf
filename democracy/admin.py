from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from democracy.models import BoardActivity, Disclosure, FollowUpAction, InspectionBoard, Meeting


@admin.register(Disclosure)
class DisclosureAdmin(SimpleHistoryAdmin):
    list_display = ("title", "subject", "decision_date", "posted_from", "organization")
    list_filter = ("subject", "method")
    search_fields = ("title", "decision")
    autocomplete_fields = ("organization",)


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ("title", "kind", "date", "organization")
    list_filter = ("kind",)
    search_fields = ("title",)
    autocomplete_fields = ("organization",)
    filter_horizontal = ("attendees",)


@admin.register(FollowUpAction)
class FollowUpActionAdmin(SimpleHistoryAdmin):
    list_display = ("description", "owner_unit", "due_date", "done_on")
    search_fields = ("description",)
    raw_id_fields = ("meeting", "owner_unit", "owner")


@admin.register(InspectionBoard)
class InspectionBoardAdmin(SimpleHistoryAdmin):
    list_display = ("organization", "elected_on", "term_end")
    autocomplete_fields = ("organization",)
    filter_horizontal = ("members",)


@admin.register(BoardActivity)
class BoardActivityAdmin(SimpleHistoryAdmin):
    list_display = ("subject", "kind", "date", "board")
    list_filter = ("kind",)
    raw_id_fields = ("board", "addressed_to")
