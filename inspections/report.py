"""The inspections section of a periodic report (core.registry.report_sections)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from core.registry import ReportSection
from inspections.measures import VIOLATIONS_FOUND
from plans.models import Measure
from progress.sections import measured_section


def section(report) -> ReportSection | None:
    return measured_section(report, _("Internal inspections"), [
        (_("Violations found"), VIOLATIONS_FOUND),
        (_("Inspection remedies done on time"), Measure.REMEDIES_ON_TIME_RATE),
    ], order=60)
