"""What periodic reports hand from an organization merged into another (registered in
core.registry.merge_handlers; orgs.services.merge_organizations calls it in its transaction).

A report the source was still writing (a draft, or returned for changes) in a period not closed
passes to the successor, which sends it to its own receiver: its history records the change, with
the merge as its reason. Where the successor already has its own report for that period (the
unique constraint allows one), the successor's report stays the one that counts: if it is still
open, the source's narrative is added to it under the source's name, so nothing written is lost;
the source's report stays, readable, with the source. A report the source had already sent stays
with it. The source no longer counts as expected (it has ceased by the due date), so it is never
counted as missing; the successor reports for both.
"""

from __future__ import annotations

import contextlib
import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.history import ChangeReason, acting_as
from orgs.models import Organization
from progress.reporting import receiver_of
from progress.reporting_models import Report, ReportStatus

OPEN = (ReportStatus.DRAFT, ReportStatus.RETURNED)
NARRATIVE = ("results", "limits", "proposals")


def pass_reports_to_successor(source: Organization, *, into: Organization, date: dt.date, by) -> int:
    """Returns how many reports passed to `into` or were added to its own."""
    handled = 0
    reports = (Report.objects.filter(organization=source, status__in=OPEN, period__closed=False)
               .select_related("period", "period__province").order_by("pk"))
    with acting_as(by, reason=ChangeReason.MERGED):
        for report in reports:
            own = Report.objects.filter(period=report.period, organization=into).first()
            if own is None:
                report.organization = into
                # A successor that belongs to no agency: the report keeps its receiver.
                with contextlib.suppress(ValidationError):
                    report.receiver = receiver_of(report.period, into)
                report.save(update_fields=["organization", "receiver"])
                handled += 1
            elif own.status in OPEN:
                changed = []
                for name in NARRATIVE:
                    text = getattr(report, name).strip()
                    if text:
                        heading = _("From %(name)s (merged):") % {"name": source.display_name}
                        setattr(own, name, "\n\n".join(part for part in (getattr(own, name).strip(),
                                                                         f"{heading}\n{text}") if part))
                        changed.append(name)
                if changed:
                    own.save(update_fields=changed)
                    handled += 1
    return handled
