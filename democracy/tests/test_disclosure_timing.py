"""A disclosure is due on the 5th working day after the decision (weekends and holidays skipped) and, when
posted, stays up at least 20 consecutive days (Luật 10/2022/QH15 Đ.48)."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from democracy.models import Disclosure, DisclosureMethod
from democracy.services import disclosure_due
from democracy.tests.factories import disclosure

# Friday 04/04/2025; Monday 07/04/2025 is the Hùng Kings' day: the 5th working day is Monday 14/04.
DECIDED = dt.date(2025, 4, 4)


def test_the_fifth_working_day_skips_the_weekend_and_the_holiday():
    assert disclosure_due(DECIDED) == dt.date(2025, 4, 14)


def test_a_disclosure_posted_on_the_fifth_working_day_across_a_holiday_is_on_time(orgs, users):
    record = disclosure(orgs["TN.SXD"], users["focal"], decided=DECIDED, posted_from=dt.date(2025, 4, 14),
                        posted_to=dt.date(2025, 5, 3))
    flags = Disclosure.objects.with_flags().get(pk=record.pk)
    assert not record.is_late and not record.is_short and flags.on_time


def test_a_disclosure_posted_the_day_after_is_late(orgs, users):
    record = disclosure(orgs["TN.SXD"], users["focal"], decided=DECIDED, posted_from=dt.date(2025, 4, 15))
    flags = Disclosure.objects.with_flags().get(pk=record.pk)
    assert record.is_late and flags.late and not flags.on_time


def test_a_notice_posted_for_19_days_is_flagged_and_20_days_is_not(orgs, users):
    start = dt.date(2025, 4, 10)
    short = disclosure(orgs["TN.SXD"], users["focal"], decided=DECIDED, posted_from=start,
                       posted_to=dt.date(2025, 4, 28))
    enough = disclosure(orgs["TN.SXD"], users["focal"], decided=DECIDED, posted_from=start,
                        posted_to=dt.date(2025, 4, 29))
    assert short.days_posted == 19 and short.is_short
    assert enough.days_posted == 20 and not enough.is_short
    flags = {d.pk: (d.short, d.on_time) for d in Disclosure.objects.with_flags().filter(pk__in=[short.pk, enough.pk])}
    assert flags == {short.pk: (True, False), enough.pk: (False, True)}


def test_a_written_notice_has_no_posting_length(orgs, users):
    record = disclosure(orgs["TN.SXD"], users["focal"], decided=DECIDED, posted_from=dt.date(2025, 4, 8),
                        posted_to=dt.date(2025, 4, 8), method=DisclosureMethod.WRITTEN_NOTICE)
    assert not record.is_short and record.min_posted_to is None


def test_a_posting_still_up_is_not_flagged(orgs, users):
    record = disclosure(orgs["TN.SXD"], users["focal"], decided=DECIDED, posted_from=dt.date(2025, 4, 9))
    assert Disclosure.objects.with_flags().get(pk=record.pk).on_time


def test_a_decision_cannot_be_disclosed_before_it_is_made(orgs, users):
    with pytest.raises(ValidationError):
        disclosure(orgs["TN.SXD"], users["focal"], decided=DECIDED, posted_from=dt.date(2025, 4, 1))


def test_another_agency_cannot_record_a_disclosure_here(orgs, users):
    with pytest.raises(PermissionDenied):
        disclosure(orgs["TN.SXD"], users["other-focal"], decided=DECIDED, posted_from=dt.date(2025, 4, 8))
