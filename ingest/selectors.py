"""Reads of plan imports that other pages share."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.registry import InboxItem
from ingest.models import ImportStatus, PlanImport


def imports_to_review(user) -> list[InboxItem]:
    count = PlanImport.objects.scoped(user, "change").filter(status=ImportStatus.DONE).count()
    return [InboxItem(_("Plan imports waiting for review"), count, reverse("ingest:import_list"))]
