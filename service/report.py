"""The service-quality section of a periodic report (core.registry.report_sections)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from core.registry import ReportSection
from plans.models import Measure
from progress.sections import measured_section


def section(report) -> ReportSection | None:
    return measured_section(report, _("Administrative procedures and satisfaction"), [
        (_("Dossiers settled on time"), Measure.DOSSIERS_ON_TIME_RATE),
        (_("Late dossiers with an apology letter"), Measure.LATE_DOSSIERS_APOLOGY_RATE),
        (_("Citizens satisfied"), Measure.SATISFACTION_RATE),
    ], order=30)
