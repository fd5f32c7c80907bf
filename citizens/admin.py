from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from citizens.models import DeadlineRule


@admin.register(DeadlineRule)
class DeadlineRuleAdmin(SimpleHistoryAdmin):
    """The rules table: a change in the law is a new row with its effective date."""

    list_display = ("kind", "step", "area", "complexity", "days", "working_days", "effective_from", "law")
    list_filter = ("kind", "step", "law")
