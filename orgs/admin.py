from django.contrib import admin
from django.db import transaction
from simple_history.admin import SimpleHistoryAdmin

from core.history import ChangeReason, acting_as
from orgs import services
from orgs.models import Membership, Organization, OrganizationChange, StaffMember


@admin.register(Organization)
class OrganizationAdmin(SimpleHistoryAdmin):
    list_display = ("name", "code", "symbol", "kind", "parent", "valid_from", "valid_to")
    list_filter = ("kind",)
    search_fields = ("name", "short_name", "code")
    autocomplete_fields = ("parent", "successor")

    def save_model(self, request, obj, form, change):
        """A rename made here is recorded as a dated rename, as in the app (orgs.services)."""
        renamed = change and "name" in form.changed_data
        with transaction.atomic(), acting_as(request.user, reason=ChangeReason.RENAMED if renamed else None):
            super().save_model(request, obj, form, change)
            if renamed:
                services.record_rename(obj, old_name=form.initial["name"], by=request.user)


@admin.register(OrganizationChange)
class OrganizationChangeAdmin(SimpleHistoryAdmin):
    list_display = ("organization", "kind", "date", "result")
    list_filter = ("kind",)


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ("user", "organization", "role")
    list_filter = ("role",)
    search_fields = ("user__username", "organization__name")
    autocomplete_fields = ("organization",)


@admin.register(StaffMember)
class StaffMemberAdmin(SimpleHistoryAdmin):
    list_display = ("full_name", "position", "category", "organization", "active_from", "active_to")
    list_filter = ("category",)
    search_fields = ("full_name", "position")
    autocomplete_fields = ("organization",)
