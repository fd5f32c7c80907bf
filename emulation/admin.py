from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from emulation.models import Commendation, Exemplar, Movement


@admin.register(Movement)
class MovementAdmin(SimpleHistoryAdmin):
    list_display = ("name", "year", "organization")
    search_fields = ("name",)


@admin.register(Exemplar)
class ExemplarAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "organization", "year", "status")
    list_filter = ("kind", "status", "year")
    search_fields = ("name",)
    raw_id_fields = ("organization", "person", "movement")


@admin.register(Commendation)
class CommendationAdmin(SimpleHistoryAdmin):
    list_display = ("recipient", "award", "level", "decision_number", "decision_date")
    list_filter = ("level", "award")
    search_fields = ("recipient", "decision_number")
    raw_id_fields = ("organization", "exemplar")
