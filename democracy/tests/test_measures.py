"""The register feeds its two measures in place of the monthly counts, which still count for organizations
that keep no records in the register."""

import datetime as dt

from core.periods import Period, PeriodKind
from core.registry import measures
from democracy import measures as democracy_measures
from democracy.tests.factories import conference, disclosure, small_unit
from indicators.models import MonthlyCount
from plans.models import Measure

Q2 = Period(2025, PeriodKind.QUARTER, 2)
YEAR = Period(2025, PeriodKind.YEAR)


def test_the_register_replaces_the_monthly_counts():
    assert measures.get(Measure.DISCLOSURES_ON_TIME_RATE) is democracy_measures.disclosures_on_time_rate
    assert measures.get(Measure.STAFF_CONFERENCE_HELD) is democracy_measures.staff_conferences_held


def test_the_share_of_disclosures_on_time(orgs, users):
    agency, by = orgs["TN.SXD"], users["focal"]
    decided = dt.date(2025, 4, 4)  # due 14/04 (Hùng Kings' day in between)
    disclosure(agency, by, decided=decided, posted_from=dt.date(2025, 4, 14), posted_to=dt.date(2025, 5, 3))
    disclosure(agency, by, decided=decided, posted_from=dt.date(2025, 4, 15), posted_to=dt.date(2025, 5, 30))
    disclosure(orgs["TN.SXD.VP"], by, decided=decided, posted_from=dt.date(2025, 4, 10),
               posted_to=dt.date(2025, 4, 28))  # 19 days
    disclosure(agency, by, decided=dt.date(2025, 7, 1), posted_from=dt.date(2025, 7, 2))  # another quarter
    figure = measures.get(Measure.DISCLOSURES_ON_TIME_RATE)([agency], Q2)
    assert (figure.numerator, figure.denominator) == (1, 3)
    assert figure.within(orgs["TN.SXD.VP"]) == (0, 1)
    assert figure.records.count() == 3


def test_monthly_counts_still_count_where_the_register_has_nothing(orgs, users):
    disclosure(orgs["TN.SXD"], users["focal"], decided=dt.date(2025, 4, 4), posted_from=dt.date(2025, 4, 14))
    MonthlyCount.objects.create(organization=orgs["TN.SXD.QHKT"], month=dt.date(2025, 5, 1),
                                measure=Measure.DISCLOSURES_ON_TIME_RATE, numerator=3, denominator=4)
    # Counts entered where the register holds records are the register's to replace.
    MonthlyCount.objects.create(organization=orgs["TN.SXD"], month=dt.date(2025, 5, 1),
                                measure=Measure.DISCLOSURES_ON_TIME_RATE, numerator=9, denominator=9)
    figure = measures.get(Measure.DISCLOSURES_ON_TIME_RATE)([orgs["TN.SXD"]], Q2)
    assert (figure.numerator, figure.denominator) == (1 + 3, 1 + 4)


def test_staff_conferences_held_in_the_year(orgs, users):
    conference(orgs["TN.SXD"], users["focal"], date=dt.date(2025, 3, 20), work_year=2024)
    conference(small_unit(orgs["TN.SXD"], "TN.SXD.Q9", staff=9), users["focal"], date=dt.date(2025, 4, 10),
               work_year=2024)
    conference(orgs["TN.SXD"], users["focal"], date=dt.date(2025, 8, 1), kind="extraordinary")
    MonthlyCount.objects.create(organization=orgs["TN.SVHTTDL"], month=dt.date(2025, 3, 1),
                                measure=Measure.STAFF_CONFERENCE_HELD, numerator=1)
    figure = measures.get(Measure.STAFF_CONFERENCE_HELD)([orgs["TN"]], YEAR)
    assert figure.is_count and figure.numerator == 3 and figure.denominator is None
    assert figure.within(orgs["TN.SXD"]) == (2, None)
    assert figure.within(orgs["TN.SVHTTDL"]) == (1, None)


def test_the_report_section_counts_the_span_of_the_report(orgs, users):
    from types import SimpleNamespace

    from core.registry import report_sections

    disclosure(orgs["TN.SXD"], users["focal"], decided=dt.date(2025, 4, 4), posted_from=dt.date(2025, 4, 14))
    disclosure(orgs["TN.SXD"], users["focal"], decided=dt.date(2025, 4, 4), posted_from=dt.date(2025, 4, 15))
    conference(orgs["TN.SXD"], users["focal"], date=dt.date(2025, 3, 20), work_year=2024)
    report = SimpleNamespace(organization=orgs["TN.SXD"], period=SimpleNamespace(
        data_start=dt.date(2024, 12, 15), data_end=dt.date(2025, 6, 14)))
    from democracy.report import figures

    found = figures(report)
    assert (found["disclosures"], found["disclosures_on_time"], found["staff_conferences"]) == (2, 1, 1)
    section = report_sections.get("democracy")(report)
    assert section.rows[0] == ("Văn bản công khai đúng hạn", "1/2 (50,0%)") and section.rows[1][1] == "1"


def test_a_new_disclosure_or_conference_makes_the_stored_figures_stale(orgs, users, settings,
                                                                        django_capture_on_commit_callbacks):
    from django_tasks import default_task_backend

    from indicators import signals
    from indicators.tasks import refresh_target
    from plans.models import Plan
    from plans.tests.factories import TargetFactory

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    plan = Plan.objects.filter(organization=orgs["TN.SXD"], year=2024).first()
    rate = TargetFactory(plan=plan, measure=Measure.DISCLOSURES_ON_TIME_RATE, text="100% công khai đúng hạn")
    held = TargetFactory(plan=plan, measure=Measure.STAFF_CONFERENCE_HELD, text="Tổ chức Hội nghị CBCCVC")
    signals._local.batch = None
    with django_capture_on_commit_callbacks(execute=True):
        disclosure(orgs["TN.SXD.VP"], users["focal"], decided=dt.date(2024, 4, 4), posted_from=dt.date(2024, 4, 8))
    signals._local.batch = None
    with django_capture_on_commit_callbacks(execute=True):
        conference(orgs["TN.SXD"], users["focal"], date=dt.date(2024, 3, 8), work_year=2023)
    queued = {result.args[0] for result in default_task_backend.results if result.task.name == refresh_target.name}
    assert {rate.pk, held.pk} <= queued
    default_task_backend.clear()


def test_the_dashboard_panel_shows_the_agencys_year(client_for, orgs, users):
    from django.urls import reverse

    from democracy import selectors

    year = 2025
    disclosure(orgs["TN.SXD"], users["focal"], decided=dt.date(2025, 4, 4), posted_from=dt.date(2025, 4, 14))
    disclosure(orgs["TN.SXD"], users["focal"], decided=dt.date(2025, 4, 4), posted_from=dt.date(2025, 4, 15))
    conference(orgs["TN.SXD"], users["focal"], date=dt.date(2025, 4, 10), work_year=2024)
    url = reverse("dashboard:panel", args=["democracy"])
    client = client_for("leader")
    assert f'hx-get="{url}?organization={orgs["TN.SXD"].pk}' in client.get(reverse("dashboard:agency")).content.decode()
    html = client.get(url, {"year": year, "organization": orgs["TN.SXD"].pk}).content.decode()
    assert 'data-figure="disclosures">1/2<' in html and "10/04/2025" in html
    # Another agency's focal office does not reach Sở Xây dựng's panel.
    assert client_for("other-focal").get(url, {"year": year, "organization": orgs["TN.SXD"].pk}).status_code == 404
    assert "10/04/2025" not in selectors.democracy_panel(users["other-focal"], [orgs["TN.SVHTTDL"]], year)
