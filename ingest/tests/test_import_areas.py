"""An imported plan keeps its body: purposes, content areas with their activities, each area charged to
its lead units (groups and outside bodies kept as written), due dates from the timing as written."""

import datetime as dt
from pathlib import Path

import pytest

from ingest import services
from ingest.forms import AreaUnitFormSet, ContentAreaFormSet, ReviewForm
from ingest.parser import extract_from_text
from ingest.tests.documents import LAYOUTS
from ingest.tests.factories import PlanImportFactory
from ingest.tests.test_import_flow import review_data
from ingest.views import _reviewed_areas
from plans.models import Plan, PlanKind, Recurrence

REVIEW = Path(__file__).resolve().parent / "fixtures" / "review"
SXD_2026 = REVIEW / "sxd-tayninh-2026.txt"


@pytest.mark.parametrize(
    ("timing", "due", "recurrence"),
    [
        ("trước ngày 30/6/2026", dt.date(2026, 6, 30), ""),
        ("trong tháng 12/2025", dt.date(2025, 12, 31), ""),
        ("Quý II năm 2024", dt.date(2024, 6, 30), ""),
        ("hằng năm, trước ngày 15/11", dt.date(2026, 11, 15), Recurrence.ANNUAL),
        ("thường xuyên", None, ""),
        ("", None, ""),
    ],
)
def test_an_areas_timing_gives_its_due_date_and_recurrence(timing, due, recurrence):
    assert services.due_from_timing(timing, 2026) == (due, recurrence)


def test_groups_of_units_are_never_matched_to_one_organization(orgs):
    names = ["các phòng, đơn vị có liên quan", "Các phòng chuyên môn", "Văn phòng Sở", "Sở Nội vụ"]
    matched = {m.name: m.organization for m in services.match_units(names, orgs["TN.SXD"])}
    assert matched == {"các phòng, đơn vị có liên quan": None, "Các phòng chuyên môn": None,
                       "Văn phòng Sở": orgs["TN.SXD.VP"], "Sở Nội vụ": None}


def _import(organization, text):
    return PlanImportFactory(organization=organization, text=text, result=extract_from_text(text))


def test_the_review_starts_from_the_areas_units_matched_and_the_period(orgs, media):
    plan_import = _import(orgs["TN.SXD"], SXD_2026.read_text(encoding="utf-8"))
    fields, _targets, _assignments = services.review_initial(plan_import)
    assert fields["kind"] == PlanKind.ANNUAL and fields["year_to"] is None
    assert fields["purposes"].splitlines()[0].startswith("Nâng cao nhận thức")
    areas, units = services.review_areas(plan_import)
    assert [a["title"][:20] for a in areas] == ["Quán triệt, tuyên tr", "Nâng cao chất lượng ", "Tiếp công dân, giải ",
                                                "Sơ kết, báo cáo kết "]
    assert areas[3]["due_date"] == dt.date(2026, 11, 15) and areas[3]["recurrence"] == Recurrence.ANNUAL
    first = [(u["role"], u["name"], u["organization"]) for u in units if u["area"] == 0]
    assert first == [("lead", "Văn phòng Sở", orgs["TN.SXD.VP"]), ("support", "Công đoàn cơ sở", orgs["TN.SXD.CD"]),
                     ("support", "các phòng, đơn vị có liên quan", None), ("support", "", None)]


def test_a_multi_year_plan_keeps_its_period_and_is_thematic(orgs, media):
    plan_import = _import(orgs["TN.SXD"], (LAYOUTS / "so-giai-doan-2026-2030.txt").read_text(encoding="utf-8"))
    fields, _targets, _assignments = services.review_initial(plan_import)
    assert (fields["year"], fields["year_to"], fields["kind"]) == (2026, 2030, PlanKind.THEMATIC)


def test_the_draft_plan_gets_the_areas_their_activities_and_one_assignment_per_lead(client_for, orgs, media):
    focal = client_for("focal")
    plan_import = _import(orgs["TN.SXD"], SXD_2026.read_text(encoding="utf-8"))
    response = focal.post(plan_import.get_absolute_url(), review_data(focal.get(plan_import.get_absolute_url())))
    plan = Plan.objects.get(organization=orgs["TN.SXD"], year=2026)
    assert response.status_code == 302 and response["Location"] == plan.get_absolute_url()
    assert plan.kind == PlanKind.ANNUAL and plan.year_to is None
    assert len(plan.purposes.splitlines()) == 2
    areas = list(plan.content_areas.order_by("order"))
    assert [a.order for a in areas] == [1, 2, 3, 4]
    assert [a.text for a in areas[0].activities.order_by("order")] == [
        "Tổ chức quán triệt Kế hoạch số 120/KH-UBND đến toàn thể công chức, viên chức, người lao động của Sở.",
        "Đăng tải các văn bản về công tác dân vận trên Trang thông tin điện tử của Sở.",
    ]
    first = areas[0].assignments.get()
    assert first.lead_unit == orgs["TN.SXD.VP"] and first.task == areas[0].title
    assert list(first.support_units.all()) == [orgs["TN.SXD.CD"]]
    assert first.other_units == "các phòng, đơn vị có liên quan"
    assert (first.timing, first.due_date, first.recurrence) == ("Quý II năm 2026", dt.date(2026, 6, 30), "")
    second = areas[1].assignments.get()
    assert second.lead_unit == orgs["TN.SXD.QLXD"] and list(second.support_units.all()) == [orgs["TN.SXD.VP"]]
    assert second.other_units == "Trung tâm Phục vụ hành chính công tỉnh"
    assert (second.timing, second.due_date) == ("thường xuyên", None)
    assert areas[2].assignments.get().due_date == dt.date(2026, 12, 31)
    last = areas[3].assignments.get()
    assert (last.due_date, last.recurrence) == (dt.date(2026, 11, 15), Recurrence.ANNUAL)
    # The areas' assignments come first, then those of "Tổ chức thực hiện", numbered on.
    orders = list(plan.assignments.order_by("order").values_list("content_area__order", flat=True))
    assert orders[:4] == [1, 2, 3, 4] and set(orders[4:]) == {None}
    assert sorted(plan.assignments.values_list("order", flat=True)) == list(range(1, len(orders) + 1))


def _bound_area_forms(plan_import, **changes):
    areas, units = services.review_areas(plan_import)
    data = {"areas-TOTAL_FORMS": len(areas), "areas-INITIAL_FORMS": len(areas),
            "area_units-TOTAL_FORMS": len(units), "area_units-INITIAL_FORMS": len(units)}
    for index, row in enumerate(areas):
        for name, value in row.items():
            if name == "include":
                data[f"areas-{index}-include"] = "on"
            elif isinstance(value, dt.date):
                data[f"areas-{index}-{name}"] = value.strftime("%d/%m/%Y")
            elif value is not None:
                data[f"areas-{index}-{name}"] = value
    for index, row in enumerate(units):
        data.update({f"area_units-{index}-area": row["area"], f"area_units-{index}-include": "on",
                     f"area_units-{index}-role": row["role"], f"area_units-{index}-name": row["name"],
                     f"area_units-{index}-organization": row["organization"].pk if row["organization"] else ""})
    data.update(changes)
    organization = plan_import.organization
    choices = organization.__class__.objects.filter(path__startswith=organization.path).exclude(pk=organization.pk)
    return (ContentAreaFormSet(data, initial=areas, prefix="areas"),
            AreaUnitFormSet(data, initial=units, prefix="area_units", form_kwargs={"units": choices}), units)


def test_the_user_corrects_an_areas_title_a_unit_match_and_the_timing(orgs, media):
    plan_import = _import(orgs["TN.SXD"], SXD_2026.read_text(encoding="utf-8"))
    _areas, units = services.review_areas(plan_import)
    centre = next(i for i, u in enumerate(units) if u["name"] == "Trung tâm Phục vụ hành chính công tỉnh")
    union = next(i for i, u in enumerate(units) if u["name"] == "Công đoàn cơ sở")
    blank = next(i for i, u in enumerate(units) if u["area"] == 2 and not u["name"])
    areas, area_units, _units = _bound_area_forms(plan_import, **{
        "areas-1-title": "Nâng cao chất lượng giải quyết thủ tục hành chính",
        f"area_units-{centre}-organization": orgs["TN.SXD.TTKD"].pk,  # the user says which centre is meant
        f"area_units-{union}-organization": "",  # and that this union is not the Sở's own
        f"area_units-{blank}-organization": orgs["TN.SXD.TTR"].pk,  # a unit the reading missed
        "areas-2-timing": "Quý III năm 2026",  # only the timing: the due date follows it
        "areas-3-include": "",
    })
    assert areas.is_valid() and area_units.is_valid(), (areas.errors, area_units.errors)
    reviewed = _reviewed_areas(areas, area_units, 2026)
    assert len(reviewed) == 3 and reviewed[1]["title"] == "Nâng cao chất lượng giải quyết thủ tục hành chính"
    assert {u["name"]: u["organization"] for u in reviewed[1]["units"]}["Trung tâm Phục vụ hành chính công tỉnh"] \
        == orgs["TN.SXD.TTKD"]
    assert {u["name"]: u["organization"] for u in reviewed[0]["units"]}["Công đoàn cơ sở"] is None
    assert [u["organization"] for u in reviewed[2]["units"]] == [orgs["TN.SXD.TTR"], orgs["TN.SXD.TTR"]]
    assert (reviewed[2]["due_date"], reviewed[2]["recurrence"]) == (dt.date(2026, 9, 30), "")


def test_a_corrected_year_dates_again_the_timings_that_name_no_year(orgs, media):
    plan_import = _import(orgs["TN.SXD"], SXD_2026.read_text(encoding="utf-8"))
    areas, area_units, _units = _bound_area_forms(plan_import)
    assert areas.is_valid() and area_units.is_valid()
    moved = _reviewed_areas(areas, area_units, 2027, year_changed=True)
    assert [area["due_date"] for area in moved] == [
        dt.date(2026, 6, 30), None, dt.date(2026, 12, 31), dt.date(2027, 11, 15)]
    assert _reviewed_areas(areas, area_units, 2027)[3]["due_date"] == dt.date(2026, 11, 15)


def test_a_kept_area_needs_a_title_and_an_annual_plan_one_year(orgs, media):
    plan_import = _import(orgs["TN.SXD"], SXD_2026.read_text(encoding="utf-8"))
    areas, _units, _rows = _bound_area_forms(plan_import, **{"areas-0-title": "  "})
    assert not areas.is_valid() and "title" in areas.errors[0]
    form = ReviewForm(data={"year": 2026, "kind": PlanKind.ANNUAL, "year_to": 2030, "symbol": "KH-SXD",
                            "place": "Tây Ninh", "title": "Thực hiện công tác dân vận chính quyền"})
    assert not form.is_valid() and "year_to" in form.errors
    title = "Thực hiện công tác dân vận chính quyền giai đoạn 2026 - 2030"
    form = ReviewForm(data={"year": 2026, "kind": PlanKind.THEMATIC, "year_to": 2030, "symbol": "KH-SXD",
                            "place": "Tây Ninh", "title": title})
    assert form.is_valid(), form.errors


def test_a_kept_area_without_a_title_blocks_creation_and_the_review_keeps_the_corrections(client_for, orgs, media):
    focal = client_for("focal")
    plan_import = _import(orgs["TN.SXD"], SXD_2026.read_text(encoding="utf-8"))
    data = review_data(focal.get(plan_import.get_absolute_url()))
    data.update({"areas-0-title": "", "areas-1-title": "Cải cách hành chính"})
    response = focal.post(plan_import.get_absolute_url(), data)
    assert response.status_code == 400
    assert not Plan.objects.filter(organization=orgs["TN.SXD"], year=2026).exists()
    html = response.content.decode()
    assert html.count('class="border rounded p-2 mb-2 area-row"') == 4 and "Cải cách hành chính" in html
    assert response.context["area_formset"].forms[0].errors["title"]
