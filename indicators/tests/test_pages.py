"""A plan's targets with their live values; a target's page with the value per unit and the records behind
it; the measures API; monthly counts by form and by .xlsx import. All scoped; reads counted."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from indicators.models import MonthlyCount
from indicators.tests.factories import MonthlyCountFactory, StaffMemberFactory, session
from plans.models import Plan


@pytest.fixture
def plan(orgs):
    return Plan.objects.get(organization=orgs["TN.SXD"], year=2024, revision_of=None)


@pytest.fixture
def study_target(plan):
    return plan.targets.get(measure="staff_study_rate")


@pytest.fixture
def dossier_target(plan):
    return plan.targets.get(measure="dossiers_on_time_rate")


def test_the_plan_targets_page_shows_each_targets_value_goal_and_status(client_for, plan, dossier_target, orgs):
    MonthlyCountFactory(organization=orgs["TN.SXD.QLXD"], month=dt.date(2024, 3, 1), numerator=45, denominator=50)
    page = client_for("leader").get(reverse("indicators:plan_targets", args=[plan.pk])).content.decode()
    assert "90%" in page and "(45/50)" in page
    assert "chưa có dữ liệu" in page  # satisfaction: nothing counted yet
    assert reverse("indicators:target_detail", args=[dossier_target.pk]) in page


def test_the_target_page_drills_down_per_unit_and_lists_the_records(client_for, study_target, orgs):
    people = [StaffMemberFactory(organization=orgs["TN.SXD.QLXD"], full_name=f"Người học {n}") for n in range(3)]
    session(orgs["TN.SXD.QLXD"], dt.date(2024, 4, 2), people[:2], list(study_target.plan.basis_documents.all()))
    response = client_for("leader").get(reverse("indicators:target_detail", args=[study_target.pk]))
    assert response.status_code == 200
    rows = {r.organization.code: r for r in response.context["rows"]}
    studied, staff = rows["TN.SXD.QLXD"].numerator, rows["TN.SXD.QLXD"].denominator
    assert studied >= 2 and staff >= 3
    page = response.content.decode()
    assert 'id="drill-down"' in page
    unit_page = client_for("leader").get(reverse("indicators:target_detail", args=[study_target.pk]),
                                         {"organization": orgs["TN.SXD.QLXD"].pk})
    assert unit_page.context["reading"].denominator == staff
    listed = [row.label for row in unit_page.context["records"]]
    assert listed.index("Người học 2") < listed.index("Người học 0")  # who has not studied comes first


def test_a_unit_reads_its_own_value_and_another_agency_finds_nothing(client_for, study_target, orgs):
    unit = client_for("unit").get(reverse("indicators:target_detail", args=[study_target.pk]))
    assert unit.status_code == 200 and unit.context["organization"] == orgs["TN.SXD.QLXD"]
    assert client_for("unit").get(reverse("indicators:target_detail", args=[study_target.pk]),
                                  {"organization": orgs["TN.SXD"].pk}).status_code == 404
    assert client_for("other-focal").get(reverse("indicators:target_detail", args=[study_target.pk])).status_code \
        == 404
    assert client_for("other-focal").get(reverse("measure-list"), {"plan": study_target.plan_id}).status_code == 404


def test_the_measures_api_gives_value_numerator_denominator_and_status_per_target(client_for, plan, orgs):
    MonthlyCountFactory(organization=orgs["TN.SXD.QLXD"], month=dt.date(2024, 2, 1), numerator=30, denominator=40)
    answer = client_for("focal").get(reverse("measure-list"), {"plan": plan.pk, "period": "2024-H1"})
    assert answer.status_code == 200
    by_measure = {row["measure"]: row for row in answer.json()}
    dossiers = by_measure["dossiers_on_time_rate"]
    assert (dossiers["numerator"], dossiers["denominator"], dossiers["value"]) == (30, 40, "75.0")
    assert dossiers["status"] == "missed" and dossiers["period"] == "2024-H1"
    assert by_measure["satisfaction_rate"]["status"] == "no_data" and by_measure["satisfaction_rate"]["value"] is None
    assert client_for("focal").get(reverse("measure-list"), {"plan": plan.pk, "period": "2024-Q9"}).status_code == 400


def test_a_target_of_another_period_is_measured_in_its_own_year(orgs):
    from indicators import services
    from plans.tests.factories import PlanFactory, TargetFactory

    older = TargetFactory(plan=PlanFactory(organization=orgs["TN.SXD"], year=2023, kind="thematic"),
                          kind="register_rate", measure="dossiers_on_time_rate", target_value=90)
    MonthlyCountFactory(organization=orgs["TN.SXD.QLXD"], month=dt.date(2023, 6, 1), numerator=5, denominator=10)
    MonthlyCountFactory(organization=orgs["TN.SXD.QLXD"], month=dt.date(2024, 2, 1), numerator=40, denominator=40)
    reading = services.read(older, orgs["TN.SXD"])
    assert (reading.numerator, reading.denominator, reading.status) == (5, 10, "missed")


def test_the_pages_read_a_fixed_number_of_times_however_many_units_staff_and_records(
        client_for, plan, study_target, orgs, django_assert_max_num_queries):
    client = client_for("leader")
    targets_url = reverse("indicators:plan_targets", args=[plan.pk])
    target_url = reverse("indicators:target_detail", args=[study_target.pk])
    client.get(targets_url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before_targets:
        client.get(targets_url)
    with CaptureQueriesContext(connection) as before_target:
        client.get(target_url)
    for n in range(15):
        unit = orgs["TN.SXD"].children.create(code=f"TN.SXD.X{n}", name=f"Phòng thêm {n}", kind="unit")
        people = [StaffMemberFactory(organization=unit) for _ in range(3)]
        session(unit, dt.date(2024, 5, 1), people, list(plan.basis_documents.all()))
        MonthlyCountFactory(organization=unit, month=dt.date(2024, 5, 1))
    with django_assert_max_num_queries(len(before_targets)):
        client.get(targets_url)
    with django_assert_max_num_queries(len(before_target)):
        client.get(target_url)


def _sheet(rows) -> SimpleUploadedFile:
    book = Workbook()
    sheet = book.active
    sheet.append(["Mã đơn vị", "Tháng", "Chỉ số", "Tử số", "Mẫu số"])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("so-lieu.xlsx", buffer.getvalue())


def test_monthly_counts_import_reports_each_row_and_saves_nothing_if_one_is_wrong(client_for, orgs):
    url = reverse("indicators:count_import")
    bad = client_for("focal").post(url, {"file": _sheet([
        ["TN.SXD.QLXD", "03/2024", "dossiers_on_time_rate", 40, 50],
        ["TN.SVHTTDL", "03/2024", "dossiers_on_time_rate", 40, 50],
        ["TN.SXD.QLXD", "13/2024", "dossiers_on_time_rate", 60, 50],
    ])})
    assert bad.status_code == 400 and not MonthlyCount.objects.filter(month=dt.date(2024, 3, 1)).exists()
    assert [bool(row.errors) for row in bad.context["report"].rows] == [False, True, True]
    good = client_for("focal").post(url, {"file": _sheet([
        ["TN.SXD.QLXD", "03/2024", "dossiers_on_time_rate", 40, 50],
        ["TN.SXD.QLXD", "03/2024", "good_models_count", 2, None],
    ])})
    assert good.status_code == 200 and good.context["report"].saved == 2
    assert MonthlyCount.objects.get(organization=orgs["TN.SXD.QLXD"], month=dt.date(2024, 3, 1),
                                    measure="good_models_count").denominator is None


def test_a_monthly_count_is_entered_on_its_form_and_a_rate_needs_its_denominator(client_for, orgs):
    url = reverse("indicators:count_create")
    data = {"organization": orgs["TN.SXD.QLXD"].pk, "month": "04/2024", "measure": "satisfaction_rate",
            "numerator": 9}
    assert client_for("unit").post(url, data).status_code == 400
    assert client_for("unit").post(url, {**data, "denominator": 10}).status_code == 302
    count = MonthlyCount.objects.get(organization=orgs["TN.SXD.QLXD"], measure="satisfaction_rate")
    assert count.month == dt.date(2024, 4, 1)
    page = client_for("leader").get(count.get_absolute_url()).content.decode()
    assert "04/2024" in page
    assert client_for("other-focal").get(count.get_absolute_url()).status_code == 404


def test_the_plan_page_links_to_its_targets_values(client_for, plan):
    page = client_for("leader").get(plan.get_absolute_url()).content.decode()
    assert reverse("indicators:plan_targets", args=[plan.pk]) in page


def test_a_study_target_cites_the_documents_whose_study_counts(client_for, users, orgs):
    from plans import services as plan_services

    draft = plan_services.create_plan(organization=orgs["TN.SXD"], year=2036, by=users["focal"], place="Tây Ninh",
                                      title="Dự thảo", cited=["16/CT-TTg"])
    target = plan_services.add_target(draft, text="100% cán bộ", kind="staff_share", target_value=100,
                                      by=users["focal"])
    page = client_for("focal").get(reverse("plans:target_update", args=[target.pk])).content.decode()
    assert 'name="documents"' in page
