"""Small trees with known records: an agency and its units, staff with their dates, sessions, plans, counts."""

import datetime as dt

import factory

from indicators.models import MonthlyCount
from orgs.tests.factories import AgencyFactory, OrganizationFactory, StaffMemberFactory
from training.models import StudySession


class MonthlyCountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MonthlyCount

    organization = factory.SubFactory(OrganizationFactory)
    month = dt.date(2025, 1, 1)
    measure = "dossiers_on_time_rate"
    numerator = 9
    denominator = 10


def session(organization, day, attendees=(), documents=()) -> StudySession:
    record = StudySession.objects.create(organization=organization, date=day, title=f"Quán triệt {day:%d/%m/%Y}")
    record.attendees.set(attendees)
    record.documents.set(documents)
    return record


__all__ = ["AgencyFactory", "MonthlyCountFactory", "OrganizationFactory", "StaffMemberFactory", "session"]
