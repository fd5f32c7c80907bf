"""The democracy section of a periodic report (core.registry.report_sections): what the organization
disclosed in the report's data span and how timely, the conferences and dialogues it held, and the follow-up
actions still open at the end of the span."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from core.registry import ReportSection
from democracy.models import ON_TIME, Disclosure, FollowUpAction, Meeting, MeetingKind
from progress.sections import figure_text


def figures(report) -> dict:
    organization, period = report.organization, report.period
    span = (period.data_start, period.data_end)
    under = {"organization__path__startswith": organization.path}
    disclosures = Disclosure.objects.filter(decision_date__range=span, **under).with_flags().aggregate(
        total=Count("pk"), on_time=Count("pk", filter=ON_TIME))
    meetings = dict(Meeting.objects.filter(date__range=span, **under).order_by().values("kind")
                    .annotate(n=Count("pk")).values_list("kind", "n"))
    open_actions = FollowUpAction.objects.filter(meeting__organization__path__startswith=organization.path,
                                                 due_date__lte=period.data_end).filter(
        Q(done_on__isnull=True) | Q(done_on__gt=period.data_end)).count()
    return {
        "disclosures": disclosures["total"],
        "disclosures_on_time": disclosures["on_time"],
        "staff_conferences": meetings.get(MeetingKind.STAFF_CONFERENCE, 0),
        "extraordinary_conferences": meetings.get(MeetingKind.EXTRAORDINARY, 0),
        "dialogues": meetings.get(MeetingKind.DIALOGUE_CITIZENS, 0) + meetings.get(MeetingKind.DIALOGUE_BUSINESSES, 0),
        "open_actions": open_actions,
    }


def section(report) -> ReportSection | None:
    found = figures(report)
    if not any(found.values()):
        return None
    return ReportSection(title=_("Grassroots democracy"), order=40, rows=[
        (_("Decisions disclosed on time"), figure_text(found["disclosures_on_time"], found["disclosures"])),
        (_("Staff conferences held"), figure_text(found["staff_conferences"], None)),
        (_("Extraordinary conferences"), figure_text(found["extraordinary_conferences"], None)),
        (_("Dialogues with citizens and businesses"), figure_text(found["dialogues"], None)),
        (_("Follow-up actions still open"), figure_text(found["open_actions"], None)),
    ])
