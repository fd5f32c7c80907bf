"""The emulation section of a periodic report (core.registry.report_sections)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from core.registry import ReportSection
from plans.models import Measure
from progress.sections import measured_section


def section(report) -> ReportSection | None:
    return measured_section(report, _("Emulation and commendation"), [
        (_("Good models recognised"), Measure.GOOD_MODELS_COUNT),
        (_("Good models and exemplary people recognised"), Measure.EXEMPLARS_COUNT),
        (_("Commendations decided"), Measure.COMMENDATIONS_COUNT),
    ], order=50)
