from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from scoring.models import Assessment, CriteriaSet


@admin.register(CriteriaSet)
class CriteriaSetAdmin(SimpleHistoryAdmin):
    list_display = ("name", "year", "version", "province")
    list_filter = ("year",)


@admin.register(Assessment)
class AssessmentAdmin(SimpleHistoryAdmin):
    list_display = ("agency", "year", "state", "total", "grade")
    list_filter = ("year", "state")
