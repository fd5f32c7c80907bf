"""Demo records behind the demo targets: a study session a year per agency (most staff attend, a few never
do) and monthly dossier and satisfaction counts, so that every computed demo target shows a value and some
fall short. Loaded by `danvan load_demo` (not by the test suite's demo, whose tests count from nothing)."""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.db.models import Q

from indicators.models import MonthlyCount
from legal.models import LegalDocument
from orgs.models import Organization, StaffMember
from plans.models import Measure, Plan, PlanStatus
from training.models import StudySession

AGENCIES = ("TN.SXD", "TN.SVHTTDL", "HCM.SVHTT")
# Roughly one in ten never attends: the study targets of 100% are missed, as in real years.
NEVER_ATTENDS = 0.1
# Each agency's share of dossiers settled on time and of satisfied citizens, around which months vary.
LEVELS = {"TN.SXD": (0.95, 0.88), "TN.SVHTTDL": (0.86, 0.93), "HCM.SVHTT": (0.92, 0.91)}


def _years(agency: Organization) -> list[int]:
    years = Plan.objects.filter(organization__path__startswith=agency.path, status=PlanStatus.ISSUED)
    return sorted(set(years.values_list("year", flat=True)))


@transaction.atomic
def load() -> int:
    """Idempotent: an agency and year that already have demo records are left as they are."""
    rng = random.Random(13)
    added = 0
    for code in AGENCIES:
        agency = Organization.objects.filter(code=code).first()
        if agency is None:
            continue
        for year in _years(agency):
            added += _study(agency, year, rng) + _counts(agency, year, rng)
    return added


def _study(agency: Organization, year: int, rng: random.Random) -> int:
    day = dt.date(year, 4, 16)
    title = f"Học tập, quán triệt các văn bản về công tác dân vận chính quyền năm {year}"
    if StudySession.objects.filter(organization=agency, title=title).exists():
        return 0
    # The documents that the year's plans above and below the agency cite, so that every study target counts it.
    plans = Plan.objects.filter(year=year).filter(
        Q(organization__path__startswith=agency.path) | Q(organization__in=agency.ancestor_ids))
    documents = LegalDocument.objects.filter(plans__in=plans).distinct()
    staff = list(StaffMember.objects.filter(organization__path__startswith=agency.path).active_on(
        dt.date(year, 12, 31)).order_by("pk"))
    attendees = [person for person in staff if rng.random() >= NEVER_ATTENDS]
    session = StudySession.objects.create(organization=agency, date=day, title=title, place="Hội trường cơ quan")
    session.documents.set(documents)
    session.attendees.set(attendees)
    return 1


def _counts(agency: Organization, year: int, rng: random.Random) -> int:
    if MonthlyCount.objects.filter(organization=agency, month__year=year).exists():
        return 0
    on_time, satisfied = LEVELS.get(agency.code, (0.9, 0.9))
    rows = []
    for month in range(1, 13):
        for measure, level in ((Measure.DOSSIERS_ON_TIME_RATE, on_time), (Measure.SATISFACTION_RATE, satisfied)):
            denominator = rng.randint(20, 60)
            share = min(1.0, max(0.0, rng.gauss(level, 0.03)))
            rows.append(MonthlyCount(organization=agency, month=dt.date(year, month, 1), measure=measure,
                                     numerator=round(denominator * share), denominator=denominator,
                                     note="Số liệu mẫu"))
    MonthlyCount.objects.bulk_create(rows)
    return len(rows)
