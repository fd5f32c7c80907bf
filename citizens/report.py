"""The citizens section of a periodic report (core.registry.report_sections)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from core.registry import ReportSection
from plans.models import Measure
from progress.sections import measured_section


def section(report) -> ReportSection | None:
    return measured_section(report, _("Citizen reception and petitions"), [
        (_("Petitions settled on time"), Measure.PETITIONS_ON_TIME_RATE),
        (_("Citizen reception days held as required"), Measure.RECEPTION_DAYS_RATE),
        (_("Petitions still being handled"), Measure.PETITIONS_BACKLOG),
    ], order=20)
