from django.contrib import admin

from citizens.models import DeadlineRule


@admin.register(DeadlineRule)
class DeadlineRuleAdmin(admin.ModelAdmin):
    """The rules table: a change in the law is a new row with its effective date (its history is kept by the
    model; the migrated rows have none, so the admin offers no history page)."""

    list_display = ("kind", "step", "area", "complexity", "days", "working_days", "effective_from", "law")
    list_filter = ("kind", "step", "law")
