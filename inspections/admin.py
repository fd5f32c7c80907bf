from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from inspections.models import Finding, IndexScore, Inspection, Remedy


class FindingInline(admin.TabularInline):
    model = Finding
    extra = 0
    raw_id_fields = ("person",)


class RemedyInline(admin.TabularInline):
    model = Remedy
    extra = 0
    raw_id_fields = ("owner", "finding")


@admin.register(Inspection)
class InspectionAdmin(SimpleHistoryAdmin):
    list_display = ("title", "kind", "organization", "subject", "status", "period_end")
    list_filter = ("kind", "status")
    search_fields = ("title", "decision_number")
    raw_id_fields = ("organization", "subject")
    inlines = [FindingInline, RemedyInline]


@admin.register(IndexScore)
class IndexScoreAdmin(SimpleHistoryAdmin):
    list_display = ("index", "year", "organization", "score", "rank")
    list_filter = ("index", "year")
    raw_id_fields = ("organization",)
