from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ingest.models import PlanImport


@admin.register(PlanImport)
class PlanImportAdmin(SimpleHistoryAdmin):
    list_display = ("original_name", "organization", "status", "created_by", "created_at")
    list_filter = ("status",)
    readonly_fields = ("text", "result")
