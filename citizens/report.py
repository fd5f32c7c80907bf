"""The citizens section of a periodic report (core.registry.report_sections)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from citizens.models import OPEN_STATES, Petition
from core.registry import ReportSection
from plans.models import Measure
from progress.sections import figure_text, measured_section


def section(report) -> ReportSection | None:
    period = report.period.period
    backlog = Petition.objects.filter(organization__path__startswith=report.organization.path,
                                      state__in=OPEN_STATES, received_on__lte=period.end).count()
    return measured_section(report, _("Citizen reception and petitions"), [
        (_("Petitions settled on time"), Measure.PETITIONS_ON_TIME_RATE),
        (_("Citizen reception days held as required"), Measure.RECEPTION_DAYS_RATE),
    ], order=20, extra=[(_("Petitions still being handled"), figure_text(backlog, None))] if backlog else ())
